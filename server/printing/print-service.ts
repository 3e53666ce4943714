/**
 * Ticket printing on the server: which printer serves which kiosk, printing each issued ticket,
 * printer health (polled, and checked again after every failure), counters, and handing the
 * jobs of agent printers to their print agents (printers attached to a kiosk PC, see `printer/agent.ts`).
 *
 * Printers: `default` is LOTSE_PRINTER; a kiosk of the office configuration may name its own
 * (`kiosks: [{id, name, printer}]`): kiosks naming the same printer share one connection, and
 * `printer: "agent"` hands that kiosk's jobs to its connected print agent. A request without a
 * known kiosk prints on `default`.
 *
 * A failed ticket is not printed again later (the visitor has the ticket on screen); only agent
 * jobs wait, for at most `agentJobTtlMs`, for an agent that is reconnecting.
 *
 * Tickets for one printer are printed one after another. A ticket whose turn comes only after
 * `jobMaxAgeMs` (LOTSE_PRINT_JOB_MAX_AGE_SECONDS, default 20 s: a slow or stuck printer) is
 * dropped unprinted: the visitor was shown the number and has walked on, and a printout coming
 * out much later would be taken by the next visitor. It counts as failed (`JOB_EXPIRED`).
 *
 * Over 400 lines: the printers' queues, the HTTP answers waiting for a printout, the health
 * checks and the counters share one state (a result settles a waiter and counts on its printer).
 * Apart from it: the print agents and their jobs (`print-agents.ts`), which printer serves whom
 * (`printer-registry.ts`), a printer and its views (`printer-model.ts`) and the folder's pruning
 * (`virtual-prune.ts`).
 */
import { join } from 'node:path';
import type { PrintErrorCode, PrintResult, TicketView } from '../../core/api.ts';
import type {
  AgentPrintJob,
  AgentStatusReport,
  PrintAckRequest,
  PrinterAdminView,
  PrinterStatusView,
} from '../../core/events.ts';
import type { Result } from '../../core/result.ts';
import { confirmationOf } from '../../core/confirmation.ts';
import type { Appointment, OfficeConfig } from '../../core/types.ts';
import {
  type PrinterConfig,
  type PrinterTransport,
  PrinterConfigError,
  parsePrinterUrl,
  renderConfirmation,
  renderTicket,
  type TcpTransportOptions,
} from '../../printer/index.ts';
import { ConfigError, type ServerConfig } from '../config.ts';
import { logger } from '../logger.ts';
import { type AgentConnection, PrintAgents } from './print-agents.ts';
import { adminView, makePrinter, type Printer, publicView } from './printer-model.ts';
import { buildPrinters, DEFAULT_PRINTER_ID, deskPrinterId } from './printer-registry.ts';
import { pruneVirtualDir } from './virtual-prune.ts';
import { printErrorOf, stateOf, toPrintable } from './printable.ts';

const log = logger('printing');

export { DEFAULT_PRINTER_ID, deskPrinterId };
export type { AgentConnection };
/** LOTSE_PRINT_JOB_MAX_AGE_SECONDS when not set. */
export const DEFAULT_JOB_MAX_AGE_MS = 20_000;

const RESULTS_CAP = 1000;
const PRUNE_EVERY_MS = 6 * 3600_000;
export interface PrintServiceOptions {
  /** Health check of every printer this often (default 30 s). */
  pollIntervalMs?: number;
  /** How long `POST /api/tickets` waits for the printout (default 4 s). */
  waitMs?: number;
  /** How long a job waits for its print agent (default 2 min); then it is dropped as failed. */
  agentJobTtlMs?: number;
  /** A ticket still waiting for its printer after this long is dropped unprinted (default 20 s). */
  jobMaxAgeMs?: number;
  /** TCP timeouts and retries (defaults fit the 4 s wait). */
  tcp?: Omit<TcpTransportOptions, 'host' | 'port'>;
}

export interface PrintServiceDeps {
  /** LOTSE_PRINTER. */
  printer: string;
  dataDir: string;
  /** LOTSE_PRINTER_DEVICES: the device files a `file:` printer may name. */
  printerDevices: readonly string[];
  /** LOTSE_PRINT_JOB_MAX_AGE_SECONDS in ms (see `PrintServiceOptions.jobMaxAgeMs`). */
  jobMaxAgeMs?: number | undefined;
  office: () => OfficeConfig;
  clock: () => number;
}

type StatusListener = (view: PrinterStatusView, admin: PrinterAdminView) => void;
type ResultListener = (printerId: string, result: { ticketId: string; print: PrintResult }) => void;

const PRINTED: PrintResult = { status: 'printed' };
const NONE: PrintResult = { status: 'none' };
const failed = (error: PrintErrorCode): PrintResult => ({ status: 'failed', error });

export class PrintService {
  private printers = new Map<string, Printer>();
  private byKiosk = new Map<string, Printer>();
  private syncedOffice: OfficeConfig | undefined;
  private readonly agents: PrintAgents;
  private readonly results = new Map<string, { printerId: string; result: Promise<PrintResult> }>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly resultListeners = new Set<ResultListener>();
  private readonly timers: NodeJS.Timeout[] = [];
  private pollTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly opts: Required<Omit<PrintServiceOptions, 'tcp'>> & Pick<PrintServiceOptions, 'tcp'>;
  private readonly defaultConfig: PrinterConfig;
  private readonly virtualDir: string;

  /** Throws `PrinterConfigError` for an unusable LOTSE_PRINTER. */
  constructor(
    private readonly deps: PrintServiceDeps,
    options: PrintServiceOptions = {},
  ) {
    this.opts = {
      pollIntervalMs: 30_000,
      waitMs: 4000,
      agentJobTtlMs: 120_000,
      jobMaxAgeMs: deps.jobMaxAgeMs ?? DEFAULT_JOB_MAX_AGE_MS,
      ...options,
    };
    this.defaultConfig = parsePrinterUrl(deps.printer);
    this.virtualDir = join(deps.dataDir, 'printed');
    this.agents = new PrintAgents({
      jobsFile: join(deps.dataDir, 'print-jobs.json'),
      ttlMs: this.opts.agentJobTtlMs,
      clock: deps.clock,
      office: deps.office,
      printerOf: (kioskId) => this.byKiosk.get(kioskId),
      record: (printer, ticketId, result) => this.record(printer, ticketId, result),
      push: (printer) => this.push(printer),
    });
    this.sync();
  }

  async start(): Promise<void> {
    this.agents.load();
    this.every(Math.min(5000, Math.max(250, this.opts.agentJobTtlMs / 4)), () => this.agents.expire());
    const prune = () => void pruneVirtualDir(this.virtualDir, this.deps.office().retentionDays, Date.now());
    this.every(PRUNE_EVERY_MS, prune);
    prune();
    const poll = async () => {
      if (this.stopped) return;
      await this.checkAll().catch((error: unknown) => log.error({ err: error }, 'printer health check failed'));
      if (this.stopped) return;
      this.pollTimer = setTimeout(poll, this.opts.pollIntervalMs);
      this.pollTimer.unref();
    };
    void poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.pollTimer);
    for (const timer of this.timers) clearInterval(timer);
    this.agents.stop();
    await Promise.all([...this.printers.values()].map((p) => p.transport?.close().catch(() => undefined)));
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onResult(listener: ResultListener): () => void {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  // ---- printing ----

  /**
   * Prints an issued ticket on the kiosk's printer. Resolves with the outcome once known (bounded
   * by the transport's timeouts, or the agent job's time to live); never rejects.
   */
  print(view: TicketView, where: { kioskId?: string | undefined; baseUrl: string }): Promise<PrintResult> {
    const printer = this.printerFor(where.kioskId);
    const ticket = toPrintable(view, this.deps.office(), where.baseUrl);
    let result: Promise<PrintResult>;
    if (printer.kind === 'none') result = Promise.resolve(NONE);
    else if (printer.kind === 'agent') result = this.agents.submit(printer, view.id, ticket);
    else result = this.printDirect(printer, view, ticket);
    this.results.set(view.id, { printerId: printer.id, result });
    if (this.results.size > RESULTS_CAP) this.results.delete(this.results.keys().next().value as string);
    return result;
  }

  /**
   * The printout of a ticket just issued, as `POST /api/tickets` answers it: waits at most
   * `waitMs`. A repeated request (same idempotency key) gets the first request's printout and
   * never prints twice. Staff print only when they name a kiosk.
   */
  printIssued(
    view: TicketView,
    how: { repeated: boolean; kioskId?: string | undefined; baseUrl: string; staff: boolean },
  ): Promise<PrintResult> {
    if (how.repeated) return this.within(this.resultOf(view.id) ?? Promise.resolve(NONE));
    if (how.staff && !how.kioskId) return Promise.resolve(NONE);
    return this.within(this.print(view, how));
  }

  /** The printout of a ticket printed before (a repeated request): never printed twice. */
  resultOf(ticketId: string): Promise<PrintResult> | undefined {
    return this.results.get(ticketId)?.result;
  }

  /** `result`, or `pending` when it takes longer than the HTTP answer may wait. */
  within(result: Promise<PrintResult>): Promise<PrintResult> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ status: 'pending' }), this.opts.waitMs);
      timer.unref();
      void result.then((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  /**
   * Prints an appointment confirmation on LOTSE_PRINTER, or on a kiosk's own printer when named
   * (not through print agents). Never rejects; waits at most `waitMs` for the outcome.
   */
  printAppointment(
    appointment: Appointment,
    where: { kioskId?: string | undefined; baseUrl: string },
  ): Promise<PrintResult> {
    const printer = this.printerFor(where.kioskId);
    if (printer.kind === 'none' || printer.kind === 'agent' || !printer.transport) return Promise.resolve(NONE);
    const office = this.deps.office();
    const language = appointment.language === 'ar' ? 'de' : (appointment.language ?? 'de');
    const pageUrl = `${where.baseUrl}/appointment/${appointment.id}${appointment.language ? `?lang=${appointment.language}` : ''}`;
    const transport = printer.transport;
    const run = async (): Promise<PrintResult> => {
      try {
        const bytes = renderConfirmation(
          { confirmation: confirmationOf(appointment, office, language), pageUrl },
          printer.layout,
        );
        await transport.print(bytes, { id: `appointment-${appointment.id}` });
        return PRINTED;
      } catch (error) {
        log.warn({ printer: printer.id, err: error }, 'appointment confirmation not printed');
        return failed(printErrorOf(error));
      }
    };
    return this.within(run());
  }

  /** Queues a ticket for its printer; its turn comes after the tickets before it. */
  private printDirect(printer: Printer, view: TicketView, ticket: AgentPrintJob['ticket']): Promise<PrintResult> {
    const queuedAt = performance.now();
    const turn = printer.line.then(() => this.printNow(printer, view, ticket, queuedAt));
    printer.line = turn.catch(() => undefined);
    return turn;
  }

  private async printNow(
    printer: Printer,
    view: TicketView,
    ticket: AgentPrintJob['ticket'],
    queuedAt: number,
  ): Promise<PrintResult> {
    const waitedMs = Math.round(performance.now() - queuedAt);
    if (waitedMs > this.opts.jobMaxAgeMs) {
      printer.dropped++;
      log.warn(
        { printer: printer.id, number: view.number, waitedMs, dropped: printer.dropped },
        'ticket not printed: it waited too long for the printer (LOTSE_PRINT_JOB_MAX_AGE_SECONDS)',
      );
      const result = failed('JOB_EXPIRED');
      this.record(printer, view.id, result);
      return result;
    }
    let result: PrintResult;
    try {
      const bytes = renderTicket(ticket, printer.layout);
      await (printer.transport as PrinterTransport).print(bytes, { id: `${view.number}-${view.id}` });
      result = PRINTED;
    } catch (error) {
      result = failed(printErrorOf(error));
      log.warn({ printer: printer.id, number: view.number, err: error }, 'ticket not printed');
    }
    this.record(printer, view.id, result);
    return result;
  }

  // ---- print agents (see `print-agents.ts`) ----

  /** A print agent takes over a kiosk's jobs; every unacknowledged one is sent (again). */
  agentJoin(kioskId: string, key: string | undefined, agent: AgentConnection) {
    this.sync();
    return this.agents.join(kioskId, key, agent);
  }

  agentLeave(kioskId: string, agentId: string): void {
    this.agents.leave(kioskId, agentId);
  }

  agentStatus(kioskId: string, agentId: string, report: AgentStatusReport): Result<null> {
    return this.agents.status(kioskId, agentId, report);
  }

  /** The agent printed a job (or cannot). An unknown job id (acknowledged before) is fine. */
  agentAck(kioskId: string, agentId: string, ack: PrintAckRequest): Result<null> {
    return this.agents.ack(kioskId, agentId, ack);
  }

  /** Counts an outcome, tells listeners, and checks the printer when something is off. */
  private record(printer: Printer, ticketId: string, result: PrintResult): void {
    const now = this.deps.clock();
    if (result.status === 'printed') {
      printer.printed++;
      printer.lastPrintedAt = now;
      if (printer.kind !== 'agent' && stateOf(printer.status) !== 'ready') void this.check(printer);
    } else if (result.status === 'failed') {
      printer.failed++;
      printer.lastFailure = { at: now, error: result.error ?? 'PRINTER_ERROR' };
      if (printer.kind !== 'agent') void this.check(printer);
    }
    for (const listener of this.resultListeners) listener(printer.id, { ticketId, print: result });
    this.push(printer);
  }

  // ---- health ----

  private async checkAll(): Promise<void> {
    this.sync();
    await Promise.all([...this.printers.values()].map((p) => this.check(p)));
  }

  /** Asks a printer for its status (never throws; the transports bound the time it takes). */
  private async check(printer: Printer): Promise<void> {
    if (!printer.transport || printer.kind === 'none' || printer.checking || this.stopped) return;
    printer.checking = true;
    try {
      printer.status = await printer.transport.status();
      printer.checkedAt = this.deps.clock();
    } finally {
      printer.checking = false;
    }
    this.push(printer);
  }

  private adminViewOf(p: Printer): PrinterAdminView {
    const kioskId = p.kioskIds[0] ?? '';
    return adminView(p, {
      agentConnected: this.agents.connected(kioskId),
      pendingJobs: p.kind === 'agent' ? this.agents.pending(kioskId) : 0,
    });
  }

  private makePrinter(key: string, id: string, name: string, config: PrinterConfig): Printer {
    return makePrinter(key, id, name, config, {
      dataDir: this.deps.dataDir,
      devices: this.deps.printerDevices,
      virtualDir: this.virtualDir,
      tcp: this.opts.tcp,
    });
  }

  private push(printer: Printer): void {
    if (this.stopped) return;
    const admin = this.adminViewOf(printer);
    const { checkedAt: _at, ...compared } = admin;
    const key = JSON.stringify(compared);
    if (printer.pushed === key) return;
    printer.pushed = key;
    const view = publicView(admin);
    for (const listener of this.statusListeners) listener(view, admin);
  }

  views(): PrinterStatusView[] {
    this.sync();
    return [...this.printers.values()].map((p) => publicView(this.adminViewOf(p)));
  }

  adminViews(): PrinterAdminView[] {
    this.sync();
    return [...this.printers.values()].map((p) => this.adminViewOf(p));
  }

  /** The printer of a kiosk (LOTSE_PRINTER for an unknown or absent kiosk id). */
  viewFor(kioskId: string | undefined): PrinterStatusView {
    return publicView(this.adminViewOf(this.printerFor(kioskId)));
  }

  printerFor(kioskId: string | undefined): Printer {
    this.sync();
    return (
      (kioskId ? this.byKiosk.get(kioskId) : undefined) ?? (this.printers.get(`url:${this.deps.printer}`) as Printer)
    );
  }

  // ---- configuration ----

  /** Builds the printers from LOTSE_PRINTER and the office's kiosks; again when the office changed. */
  private sync(): void {
    const office = this.deps.office();
    if (office === this.syncedOffice) return;
    this.syncedOffice = office;
    const old = this.printers;
    const { printers: next, byKiosk } = buildPrinters(
      office,
      old,
      `url:${this.deps.printer}`,
      this.defaultConfig,
      (...a) => this.makePrinter(...a),
    );
    for (const [key, printer] of old) {
      if (next.has(key)) continue;
      void printer.transport?.close().catch(() => undefined);
      this.agents.printerGone(printer.id);
    }
    this.printers = next;
    this.byKiosk = byKiosk;
    if (old.size > 0) log.info({ printers: [...next.values()].map((p) => p.id) }, 'printers reconfigured');
  }

  // ---- housekeeping ----

  private every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

/** The service from the server configuration; an unusable LOTSE_PRINTER is a `ConfigError`. */
export function createPrintService(
  config: Pick<ServerConfig, 'printer' | 'dataDir' | 'printerDevices' | 'printJobMaxAgeSeconds'>,
  office: () => OfficeConfig,
  clock: () => number,
  options: PrintServiceOptions = {},
): PrintService {
  try {
    return new PrintService(
      {
        printer: config.printer,
        dataDir: config.dataDir,
        printerDevices: config.printerDevices,
        jobMaxAgeMs: config.printJobMaxAgeSeconds === undefined ? undefined : config.printJobMaxAgeSeconds * 1000,
        office,
        clock,
      },
      options,
    );
  } catch (error) {
    if (error instanceof PrinterConfigError) throw new ConfigError(error.message);
    throw error;
  }
}
