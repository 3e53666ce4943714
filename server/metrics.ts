/**
 * Prometheus metrics (`GET /metrics`, see `http/metrics-routes.ts`): one registry per server.
 * Counters and histograms follow the queue's events and the store's writes as they happen;
 * gauges (sockets, printers) are read when Prometheus scrapes. Nothing scans stored data.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DomainEvent } from '../core/queue.ts';
import type { PrinterState } from '../core/events.ts';
import type { PrintService } from './printing/print-service.ts';
import type { QueueService } from './queue-service.ts';
import type { Store } from './store/store.ts';

/** Namespaces whose connected sockets are counted. */
const NAMESPACES = ['/', '/print'];
const PRINTER_STATES: PrinterState[] = ['ready', 'warning', 'error', 'off', 'unknown'];

/** What the socket gauge needs of socket.io: how many sockets a namespace holds. */
export interface SocketCounts {
  of(namespace: string): { sockets: { size: number } };
}

export class Metrics {
  readonly registry = new Registry();
  private readonly ticketsIssued = new Counter({
    name: 'lotse_tickets_issued_total',
    help: 'Tickets issued, by first concern and source (kiosk or staff).',
    labelNames: ['concern', 'source'],
    registers: [this.registry],
  });
  private readonly calls = new Counter({
    name: 'lotse_calls_total',
    help: 'Calls of a ticket to a counter, by counter and concern; recall="true" for a repeated call.',
    labelNames: ['counter', 'concern', 'recall'],
    registers: [this.registry],
  });
  private readonly waits = new Histogram({
    name: 'lotse_wait_seconds',
    help: 'Time from drawing a ticket to its first call, by concern.',
    labelNames: ['concern'],
    buckets: [60, 300, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200],
    registers: [this.registry],
  });
  private readonly storeWrites = new Histogram({
    name: 'lotse_store_write_seconds',
    help: 'Duration of a stored change of the office day (journal append or database transaction).',
    labelNames: ['outcome'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  private readonly sockets = new Gauge({
    name: 'lotse_sockets',
    help: 'Connected socket.io clients (screens, counters, phones, kiosks), by namespace.',
    labelNames: ['namespace'],
    registers: [this.registry],
    collect: () => {
      if (!this.io) return;
      for (const namespace of NAMESPACES) this.sockets.set({ namespace }, this.io.of(namespace).sockets.size);
    },
  });
  private readonly printers = new Gauge({
    name: 'lotse_printer_state',
    help: 'Ticket printers: 1 for the state each printer is in, 0 for the others.',
    labelNames: ['printer', 'state'],
    registers: [this.registry],
    collect: () => {
      if (!this.printing) return;
      this.printers.reset();
      for (const view of this.printing.views()) {
        for (const state of PRINTER_STATES)
          this.printers.set({ printer: view.id, state }, view.state === state ? 1 : 0);
      }
    },
  });
  private io: SocketCounts | undefined;
  private printing: PrintService | undefined;
  private readonly stops: (() => void)[] = [];

  constructor() {
    // Process figures, among them the event-loop lag (nodejs_eventloop_lag_seconds and percentiles).
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }

  /** Times every change of the office day (`transact`); everything else passes through. */
  timeStore(store: Store): Store {
    const histogram = this.storeWrites;
    return new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (property !== 'transact') return value.bind(target);
        return async (...args: Parameters<Store['transact']>) => {
          const end = histogram.startTimer();
          try {
            const result = await target.transact(...args);
            end({ outcome: 'stored' });
            return result;
          } catch (error) {
            end({ outcome: 'failed' });
            throw error;
          }
        };
      },
    });
  }

  /** Follows the queue's events and reads sockets and printers at each scrape. */
  attach(queue: QueueService, io: SocketCounts, printing: PrintService): void {
    this.stops.push(queue.onChange((change) => this.count(change.events)));
    this.io = io;
    this.printing = printing;
  }

  private count(events: DomainEvent[]): void {
    for (const event of events) {
      if (event.type === 'ticket-issued') {
        this.ticketsIssued.inc({ concern: event.ticket.concernId, source: event.ticket.source });
      } else if (event.type === 'call') {
        const { call, ticket } = event;
        this.calls.inc({ counter: call.counterId, concern: call.concernId, recall: String(call.recall) });
        if (!call.recall && ticket.firstCalledAt === call.at) {
          this.waits.observe({ concern: call.concernId }, Math.max(0, call.at - ticket.issuedAt) / 1000);
        }
      }
    }
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.registry.clear();
  }
}
