/**
 * Ticket printing on the server: which printer serves which kiosk, printing each issued ticket,
 * printer health (polled, and checked again after every failure), counters, and the jobs of
 * print agents (printers attached to a kiosk PC, see `printer/agent.ts`).
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
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { readdir, stat, unlink } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { PrintErrorCode, PrintResult, TicketView } from '../../core/api.ts';
import type {
  AgentPrintJob,
  AgentStatusReport,
  PrintAckRequest,
  PrinterAdminView,
  PrinterKind,
  PrinterStatusView,
} from '../../core/events.ts';
import { fail, ok, type Result } from '../../core/result.ts';
import { confirmationOf } from '../../core/confirmation.ts';
import type { Appointment, KioskConfig, OfficeConfig } from '../../core/types.ts';
import {
  createTransport,
  type PrinterConfig,
  type PrinterStatus,
  type PrinterTransport,
  type PrintLayoutOptions,
  PrinterConfigError,
  parsePrinterUrl,
  renderConfirmation,
  renderTicket,
  type TcpTransportOptions,
} from '../../printer/index.ts';
import { ConfigError, type ServerConfig } from '../config.ts';
import { logger } from '../logger.ts';
import { type AgentJob, AgentJobStore } from './agent-jobs.ts';
import { printErrorOf, problemOf, stateOf, toPrintable } from './printable.ts';
import { printerPlaceProblem } from './printer-places.ts';

const log = logger('printing');

export const DEFAULT_PRINTER_ID = 'default';
/** LOTSE_PRINT_JOB_MAX_AGE_SECONDS when not set. */
export const DEFAULT_JOB_MAX_AGE_MS = 20_000;

/** How a counter's own printer is known among the kiosks' (never a valid kiosk id: it has a colon). */
export const deskPrinterId = (counterId: string) => `counter:${counterId}`;
const RESULTS_CAP = 1000;
const PRUNE_EVERY_MS = 6 * 3600_000;
const PRUNE_MAX_FILES = 4000;
/** Failures of a network printer that all read as "does not answer" to the admin. */
const TCP_SILENCE = new Set<PrintErrorCode>([
  'PRINTER_UNREACHABLE',
  'PRINTER_TIMEOUT',
  'CONNECTION_LOST',
  'PRINTER_OFFLINE',
]);

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

/** The socket of a connected print agent, as the service sees it. */
export interface AgentConnection {
  id: string;
  send(job: AgentPrintJob): void;
}

type StatusListener = (view: PrinterStatusView, admin: PrinterAdminView) => void;
type ResultListener = (printerId: string, result: { ticketId: string; print: PrintResult }) => void;

interface Printer {
  id: string;
  /** What makes two kiosks share it: `url:<LOTSE_PRINTER value>` or `agent:<kioskId>`. */
  key: string;
  name: string;
  kind: PrinterKind;
  target: string;
  kioskIds: string[];
  /** Absent for agent printers. */
  transport?: PrinterTransport;
  layout: PrintLayoutOptions;
  status?: PrinterStatus;
  checkedAt?: number;
  checking: boolean;
  printed: number;
  failed: number;
  lastPrintedAt?: number;
  lastFailure?: { at: number; error: PrintErrorCode };
  /** What was pushed last, so only changes are pushed. */
  pushed?: string;
  /** The end of the tickets queued for this printer (they print one after another). */
  line: Promise<unknown>;
  /** Tickets dropped unprinted because they waited longer than `jobMaxAgeMs`. */
  dropped: number;
}

interface Waiter {
  printerId: string;
  ticketId: string;
  resolve: (result: PrintResult) => void;
}

const PRINTED: PrintResult = { status: 'printed' };
const NONE: PrintResult = { status: 'none' };
const failed = (error: PrintErrorCode): PrintResult => ({ status: 'failed', error });
const iso = (ms: number) => new Date(ms).toISOString();

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class PrintService {
  private printers = new Map<string, Printer>();
  private byKiosk = new Map<string, Printer>();
  private syncedOffice: OfficeConfig | undefined;
  private readonly agents = new Map<string, AgentConnection>();
  private readonly agentJobs: AgentJobStore;
  private readonly waiting = new Map<string, Waiter>();
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
    this.agentJobs = new AgentJobStore(join(deps.dataDir, 'print-jobs.json'));
    this.sync();
  }

  async start(): Promise<void> {
    this.agentJobs.load(this.deps.clock());
    this.every(Math.min(5000, Math.max(250, this.opts.agentJobTtlMs / 4)), () => this.expireAgentJobs());
    this.every(PRUNE_EVERY_MS, () => void this.pruneVirtualDir());
    void this.pruneVirtualDir();
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
    for (const waiter of this.waiting.values()) waiter.resolve({ status: 'pending' });
    this.waiting.clear();
    this.agents.clear();
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
    else if (printer.kind === 'agent') result = this.submitToAgent(printer, view.id, ticket);
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

  // ---- print agents ----

  private submitToAgent(printer: Printer, ticketId: string, ticket: AgentPrintJob['ticket']): Promise<PrintResult> {
    const kioskId = printer.kioskIds[0] as string;
    const now = this.deps.clock();
    const job: AgentJob = {
      jobId: randomUUID(),
      kioskId,
      ticketId,
      ticket,
      createdAt: now,
      expiresAt: now + this.opts.agentJobTtlMs,
    };
    const result = new Promise<PrintResult>((resolve) => {
      this.waiting.set(job.jobId, { printerId: printer.id, ticketId, resolve });
    });
    for (const dropped of this.agentJobs.add(job)) this.settleAgentJob(dropped, failed('JOB_EXPIRED'));
    const agent = this.agents.get(kioskId);
    if (agent) this.send(agent, job);
    this.push(printer);
    return result;
  }

  private send(agent: AgentConnection, job: AgentJob): void {
    agent.send({
      jobId: job.jobId,
      ticketId: job.ticketId,
      ticket: job.ticket,
      expiresInMs: Math.max(0, job.expiresAt - this.deps.clock()),
    });
  }

  private settleAgentJob(job: AgentJob, result: PrintResult): void {
    const printer = this.byKiosk.get(job.kioskId);
    const waiter = this.waiting.get(job.jobId);
    this.waiting.delete(job.jobId);
    waiter?.resolve(result);
    if (printer?.kind === 'agent') this.record(printer, job.ticketId, result);
  }

  private expireAgentJobs(): void {
    for (const job of this.agentJobs.expire(this.deps.clock())) {
      const offline = !this.agents.has(job.kioskId);
      log.warn({ kiosk: job.kioskId, number: job.ticket.number }, 'print job expired before the agent printed it');
      this.settleAgentJob(job, failed(offline ? 'AGENT_OFFLINE' : 'JOB_EXPIRED'));
    }
  }

  /** A print agent takes over a kiosk's jobs; every unacknowledged one is sent (again). */
  agentJoin(
    kioskId: string,
    key: string | undefined,
    agent: AgentConnection,
  ): Result<{ printerId: string; pending: number }> {
    this.sync();
    const kiosk = this.deps.office().kiosks?.find((k) => k.id === kioskId);
    if (kiosk?.printer !== 'agent') return fail('NOT_FOUND');
    // Without a configured key nobody may join (the configuration refuses such kiosks anyway).
    if (!kiosk.agentKey || !key || !sameKey(key, kiosk.agentKey)) return fail('FORBIDDEN');
    const printer = this.byKiosk.get(kioskId) as Printer;
    const previous = this.agents.get(kioskId);
    if (previous && previous.id !== agent.id) log.warn({ kiosk: kioskId }, 'a second print agent took over this kiosk');
    this.agents.set(kioskId, agent);
    const pending = this.agentJobs.forKiosk(kioskId);
    for (const job of pending) this.send(agent, job);
    log.info({ kiosk: kioskId, pending: pending.length }, 'print agent connected');
    this.push(printer);
    return ok({ printerId: printer.id, pending: pending.length });
  }

  agentLeave(kioskId: string, agentId: string): void {
    if (this.agents.get(kioskId)?.id !== agentId) return;
    this.agents.delete(kioskId);
    log.info({ kiosk: kioskId }, 'print agent disconnected');
    const printer = this.byKiosk.get(kioskId);
    if (printer) this.push(printer);
  }

  agentStatus(kioskId: string, agentId: string, report: AgentStatusReport): Result<null> {
    if (this.agents.get(kioskId)?.id !== agentId) return fail('FORBIDDEN');
    const printer = this.byKiosk.get(kioskId);
    if (printer?.kind !== 'agent') return fail('NOT_FOUND');
    printer.status = { ...report };
    printer.checkedAt = this.deps.clock();
    this.push(printer);
    return ok(null);
  }

  /** The agent printed a job (or cannot). An unknown job id (acknowledged before) is fine. */
  agentAck(kioskId: string, agentId: string, ack: PrintAckRequest): Result<null> {
    if (this.agents.get(kioskId)?.id !== agentId) return fail('FORBIDDEN');
    const job = this.agentJobs.forKiosk(kioskId).find((j) => j.jobId === ack.jobId);
    if (!job) return ok(null);
    this.agentJobs.remove(job.jobId);
    this.settleAgentJob(job, ack.printed ? PRINTED : failed(ack.error ?? 'PRINTER_ERROR'));
    return ok(null);
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

  private adminView(p: Printer): PrinterAdminView {
    const agentMissing = p.kind === 'agent' && !this.agents.has(p.kioskIds[0] ?? '');
    const status: PrinterStatus | undefined = agentMissing
      ? { online: false, coverOpen: false, paperNearEnd: false, paperOut: false, error: 'print agent not connected' }
      : p.status;
    const view: PrinterAdminView = {
      id: p.id,
      name: p.name,
      kind: p.kind,
      target: p.target,
      kioskIds: [...p.kioskIds],
      state: p.kind === 'none' ? 'off' : stateOf(status),
      online: status?.online ?? false,
      coverOpen: status?.coverOpen ?? false,
      paperNearEnd: status?.paperNearEnd ?? false,
      paperOut: status?.paperOut ?? false,
      partial: status?.partial ?? false,
      checkedAt: p.checkedAt === undefined ? null : iso(p.checkedAt),
      printed: p.printed,
      failed: p.failed,
      pendingJobs: p.kind === 'agent' ? this.agentJobs.count(p.kioskIds[0] ?? '') : 0,
    };
    const problem = agentMissing ? 'AGENT_OFFLINE' : status && p.kind !== 'none' ? problemOf(status) : undefined;
    // A network printer that does not answer is reported one way, whatever the reason: the
    // admin view must not tell a closed port from an open one that is no printer.
    const silentTcp = p.kind === 'tcp' && problem !== undefined && TCP_SILENCE.has(problem);
    if (problem) view.problem = silentTcp ? 'PRINTER_UNREACHABLE' : problem;
    if (status?.error) view.detail = silentTcp ? 'the printer does not answer' : status.error;
    if (p.lastPrintedAt !== undefined) view.lastPrintedAt = iso(p.lastPrintedAt);
    if (p.lastFailure) {
      const error =
        p.kind === 'tcp' && TCP_SILENCE.has(p.lastFailure.error) ? 'PRINTER_UNREACHABLE' : p.lastFailure.error;
      view.lastFailure = { at: iso(p.lastFailure.at), error };
    }
    return view;
  }

  /** What kiosks may see: no address, no printer messages. */
  private publicView(p: Printer): PrinterStatusView {
    const { target: _target, detail: _detail, ...view } = this.adminView(p);
    return view;
  }

  private push(printer: Printer): void {
    if (this.stopped) return;
    const admin = this.adminView(printer);
    const { checkedAt: _at, ...compared } = admin;
    const key = JSON.stringify(compared);
    if (printer.pushed === key) return;
    printer.pushed = key;
    const view = this.publicView(printer);
    for (const listener of this.statusListeners) listener(view, admin);
  }

  views(): PrinterStatusView[] {
    this.sync();
    return [...this.printers.values()].map((p) => this.publicView(p));
  }

  adminViews(): PrinterAdminView[] {
    this.sync();
    return [...this.printers.values()].map((p) => this.adminView(p));
  }

  /** The printer of a kiosk (LOTSE_PRINTER for an unknown or absent kiosk id). */
  viewFor(kioskId: string | undefined): PrinterStatusView {
    return this.publicView(this.printerFor(kioskId));
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
    const next = new Map<string, Printer>();
    const byKiosk = new Map<string, Printer>();
    const take = (key: string, make: () => Printer): Printer => {
      let printer = next.get(key);
      if (printer) return printer;
      printer = old.get(key) ?? make();
      printer.kioskIds = [];
      next.set(key, printer);
      return printer;
    };
    const fallback = take(`url:${this.deps.printer}`, () =>
      this.makePrinter(`url:${this.deps.printer}`, DEFAULT_PRINTER_ID, 'Standarddrucker', this.defaultConfig),
    );
    fallback.name = 'Standarddrucker';
    for (const kiosk of office.kiosks ?? []) {
      const printer = kiosk.printer ? this.kioskPrinter(kiosk, take) : fallback;
      printer.kioskIds.push(kiosk.id);
      byKiosk.set(kiosk.id, printer);
    }
    // A counter's own printer (reception gives out tickets there) is kept like a kiosk's.
    for (const counter of office.counters) {
      if (!counter.printer || counter.printer === 'agent') continue;
      const desk = { id: deskPrinterId(counter.id), name: counter.name, printer: counter.printer };
      const printer = this.kioskPrinter(desk, take);
      printer.kioskIds.push(desk.id);
      byKiosk.set(desk.id, printer);
    }
    for (const [key, printer] of old) {
      if (next.has(key)) continue;
      void printer.transport?.close().catch(() => undefined);
      for (const [jobId, waiter] of this.waiting) {
        if (waiter.printerId !== printer.id) continue;
        this.waiting.delete(jobId);
        waiter.resolve(failed('PRINTER_OFFLINE'));
      }
    }
    this.printers = next;
    this.byKiosk = byKiosk;
    if (old.size > 0) log.info({ printers: [...next.values()].map((p) => p.id) }, 'printers reconfigured');
  }

  private kioskPrinter(kiosk: KioskConfig, take: (key: string, make: () => Printer) => Printer): Printer {
    const value = kiosk.printer as string;
    const name = `Drucker ${kiosk.name}`;
    if (value === 'agent') {
      return take(`agent:${kiosk.id}`, () => ({
        ...this.blank(`kiosk:${kiosk.id}`, name, 'agent', 'agent'),
        key: `agent:${kiosk.id}`,
      }));
    }
    return take(`url:${value}`, () => {
      try {
        return this.makePrinter(`url:${value}`, `kiosk:${kiosk.id}`, name, parsePrinterUrl(value));
      } catch (error) {
        // The office schema rejects such values; a configuration changed at run time is checked too.
        log.error({ kiosk: kiosk.id, err: error }, 'unusable printer setting; the kiosk prints nothing');
        return { ...this.blank(`kiosk:${kiosk.id}`, name, 'none', 'none'), key: `url:${value}` };
      }
    });
  }

  private blank(id: string, name: string, kind: PrinterKind, target: string): Printer {
    return {
      id,
      key: '',
      name,
      kind,
      target,
      kioskIds: [],
      layout: { paperWidthMm: 80, nativeQr: true, nonLatin: 'raster' },
      checking: false,
      printed: 0,
      failed: 0,
      line: Promise.resolve(),
      dropped: 0,
    };
  }

  private makePrinter(key: string, id: string, name: string, config: PrinterConfig): Printer {
    const problem = printerPlaceProblem(config, { dataDir: this.deps.dataDir, devices: this.deps.printerDevices });
    if (problem) throw new PrinterConfigError(problem);
    const resolved: PrinterConfig =
      config.kind === 'virtual' && config.dir && !isAbsolute(config.dir)
        ? { ...config, dir: resolve(this.deps.dataDir, config.dir) }
        : config;
    const transport = createTransport(resolved, {
      virtualDir: this.virtualDir,
      tcp: { connectTimeoutMs: 2500, statusTimeoutMs: 1500, writeTimeoutMs: 8000, retries: 1, ...this.opts.tcp },
    });
    let target: string;
    switch (resolved.kind) {
      case 'tcp':
        target = `tcp://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${resolved.port}`;
        break;
      case 'file':
        target = `file:${resolved.path}`;
        break;
      case 'virtual':
        target = `virtual:${resolved.dir ?? this.virtualDir}`;
        break;
      case 'none':
        target = 'none';
        break;
    }
    const printer = { ...this.blank(id, name, resolved.kind, target), key, transport };
    if (resolved.kind !== 'none') printer.layout = { ...printer.layout, ...resolved.layout };
    return printer;
  }

  // ---- housekeeping ----

  private every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    timer.unref();
    this.timers.push(timer);
  }

  /**
   * The virtual printer's folder keeps tickets only for the office's retention period (and at
   * most a few thousand files): they carry phone-page links.
   */
  private async pruneVirtualDir(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.virtualDir)).filter((n) => /\.(bin|png)$/.test(n));
    } catch {
      return;
    }
    const maxAge = this.deps.office().retentionDays * 86_400_000;
    const now = Date.now();
    const files = await Promise.all(
      names.map(async (name) => {
        const path = join(this.virtualDir, name);
        const mtime = await stat(path).then(
          (s) => s.mtimeMs,
          () => now,
        );
        return { path, mtime };
      }),
    );
    files.sort((a, b) => b.mtime - a.mtime);
    const doomed = files.filter((f, i) => i >= PRUNE_MAX_FILES || now - f.mtime > maxAge);
    for (const file of doomed) await unlink(file.path).catch(() => undefined);
    if (doomed.length > 0) log.info({ files: doomed.length }, 'deleted old virtual printouts');
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
