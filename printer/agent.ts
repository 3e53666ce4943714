/**
 * Print agent for a printer attached to a kiosk PC (USB, or a network printer only the kiosk
 * reaches). It connects to the Lotse server (socket.io, namespace `/print`), takes over the
 * print jobs of one kiosk whose office configuration says `"printer": "agent"`, prints each one,
 * acknowledges it by job id and reports the printer's status.
 *
 *   npm run printer -- --server http://lotse.local:3000 --kiosk entrance --device file:/dev/usb/lp0
 *
 * Options: `--server URL`, `--kiosk ID`, `--device` (as LOTSE_PRINTER: `tcp://HOST:PORT`,
 * `file:/dev/usb/lp0`, `virtual[:DIR]`, with `?paper=58` etc.), `--key KEY` (or LOTSE_AGENT_KEY)
 * when the kiosk has an `agentKey`, `--state FILE` (default `data/print-agent-<kiosk>.json`),
 * `--status-every SECONDS` (default 15).
 *
 * Exactly once: the server keeps every job until it is acknowledged and sends it again after a
 * reconnect (or a server restart); the agent remembers the outcome of the last jobs (bounded,
 * in the state file) and acknowledges such a repeat without printing it again. Only a crash
 * between the printout and writing the state file can print a ticket twice.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import type { PrintErrorCode } from '../core/api.ts';
import {
  type AgentPrintJob,
  type AgentStatusReport,
  PRINT_NAMESPACE,
  type PrintClientToServerEvents,
  type PrintServerToClientEvents,
} from '../core/events.ts';
import { SerialQueue } from './async.ts';
import { PrinterConfigError, printErrorOf } from './errors.ts';
import { renderTicket } from './layout.ts';
import { parsePrinterUrl } from './printer-url.ts';
import { createTransport, type PrinterTransport } from './transport.ts';
import type { PrinterStatus, PrintLayoutOptions } from './types.ts';

type AgentSocket = Socket<PrintServerToClientEvents, PrintClientToServerEvents>;

/** What became of a job: printed, or the reason it was not. */
export type JobOutcome = { printed: true } | { printed: false; error: PrintErrorCode };

/**
 * The outcomes of the most recent jobs, oldest first, at most `cap`; saved to `path` (temp file
 * and rename) after every change so a restarted agent still knows them.
 */
export class RecentJobs {
  private readonly outcomes = new Map<string, JobOutcome>();

  constructor(
    private readonly path: string | null,
    private readonly cap = 500,
  ) {
    if (!path) return;
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as { jobs?: [string, JobOutcome][] };
      for (const [id, outcome] of (saved.jobs ?? []).slice(-cap)) {
        if (typeof id === 'string' && typeof outcome?.printed === 'boolean') this.outcomes.set(id, outcome);
      }
    } catch {
      /* no state yet, or unreadable: start empty */
    }
  }

  get(jobId: string): JobOutcome | undefined {
    return this.outcomes.get(jobId);
  }

  get size(): number {
    return this.outcomes.size;
  }

  set(jobId: string, outcome: JobOutcome): void {
    this.outcomes.delete(jobId);
    this.outcomes.set(jobId, outcome);
    while (this.outcomes.size > this.cap) this.outcomes.delete(this.outcomes.keys().next().value as string);
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ jobs: [...this.outcomes] }));
    renameSync(tmp, this.path);
  }
}

export interface PrintAgentOptions {
  /** Base URL of the Lotse server, e.g. `http://lotse.local:3000`. */
  server: string;
  kioskId: string;
  /** The printer, as LOTSE_PRINTER (`tcp://…`, `file:/dev/usb/lp0`, `virtual:DIR`). */
  device: string;
  key?: string;
  /** Where the outcomes of recent jobs are kept; `null`: in memory only. */
  statePath?: string | null;
  statusIntervalMs?: number;
  /** First reconnection delay (default 1 s, growing to 5 s). */
  reconnectDelayMs?: number;
  /** Instead of the transport built from `device` (tests). */
  transport?: PrinterTransport;
  /** Runs after a job was printed and remembered, before it is acknowledged (tests). */
  afterPrint?: (job: AgentPrintJob) => Promise<void> | void;
  log?: Logger;
}

export class PrintAgent {
  readonly socket: AgentSocket;
  readonly recent: RecentJobs;
  /** Jobs printed by this process, in order (job ids). */
  readonly printed: string[] = [];
  /** Jobs that arrived again and were acknowledged without printing (job ids). */
  readonly repeated: string[] = [];
  /** Set when the server refused this agent (unknown kiosk, wrong key). */
  refused: string | undefined;
  private readonly transport: PrinterTransport;
  private readonly layout: PrintLayoutOptions;
  private readonly queue = new SerialQueue();
  private readonly inFlight = new Map<string, Promise<JobOutcome>>();
  private readonly log: Logger;
  private statusTimer: NodeJS.Timeout | undefined;
  private lastReported: string | undefined;
  private joined = false;
  private stopped = false;
  private joinWaiters: (() => void)[] = [];

  /** Throws `PrinterConfigError` for an unusable `device`. */
  constructor(private readonly opts: PrintAgentOptions) {
    const config = parsePrinterUrl(opts.device);
    if (config.kind === 'none') throw new PrinterConfigError('the print agent needs a printer, not "none"');
    this.layout = {
      paperWidthMm: 80,
      nativeQr: true,
      nonLatin: 'raster',
      ...config.layout,
    };
    this.transport = opts.transport ?? createTransport(config, { virtualDir: resolve('printed') });
    this.recent = new RecentJobs(opts.statePath === undefined ? null : opts.statePath);
    this.log = opts.log ?? pino({ level: 'silent' });
    const base = opts.server.replace(/\/+$/, '');
    this.socket = io(base + PRINT_NAMESPACE, {
      transports: ['websocket'],
      forceNew: true,
      autoConnect: false,
      reconnectionDelay: opts.reconnectDelayMs ?? 1000,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', (reason) => {
      this.joined = false;
      this.log.warn({ reason }, 'disconnected from the server; reconnecting');
    });
    this.socket.on('connect_error', (error) => this.log.warn({ err: error.message }, 'cannot reach the server'));
    this.socket.on('print:job', (job) => void this.handle(job));
  }

  /** Connects (and keeps reconnecting) and reports the printer's status regularly. */
  start(): void {
    this.socket.connect();
    const every = this.opts.statusIntervalMs ?? 15_000;
    const tick = () => {
      void this.reportStatus().finally(() => {
        if (this.stopped) return;
        this.statusTimer = setTimeout(tick, every);
        this.statusTimer.unref();
      });
    };
    this.statusTimer = setTimeout(tick, every);
    this.statusTimer.unref();
  }

  /** Resolves once the server has accepted this agent (again, after a reconnect). */
  whenJoined(): Promise<void> {
    if (this.joined) return Promise.resolve();
    return new Promise((resolve) => this.joinWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.statusTimer);
    this.socket.disconnect();
    await this.queue.run(async () => undefined);
    await this.transport.close();
  }

  private async join(): Promise<void> {
    const answer = await this.socket
      .timeout(10_000)
      .emitWithAck('agent:join', { kioskId: this.opts.kioskId, ...(this.opts.key ? { key: this.opts.key } : {}) })
      .catch(() => undefined);
    if (!answer) return; // timed out: the next reconnect tries again
    if (!answer.ok) {
      this.refused = answer.error;
      this.log.error(
        { kiosk: this.opts.kioskId, error: answer.error },
        answer.error === 'FORBIDDEN'
          ? 'the server refused the agent key'
          : 'the server has no kiosk with this id and "printer": "agent"',
      );
      this.socket.disconnect();
      return;
    }
    this.joined = true;
    this.log.info({ kiosk: this.opts.kioskId, pending: answer.data.pending }, 'connected; taking print jobs');
    this.lastReported = undefined;
    void this.reportStatus();
    for (const resolveJoin of this.joinWaiters.splice(0)) resolveJoin();
  }

  /** One job: printed once, however often it arrives; every arrival is acknowledged. */
  private async handle(job: AgentPrintJob): Promise<void> {
    const receivedAt = Date.now();
    const known = this.recent.get(job.jobId);
    const outcome = known
      ? known
      : await (this.inFlight.get(job.jobId) ??
          this.track(
            job.jobId,
            this.queue.run(() => this.printJob(job, receivedAt)),
          ));
    if (known) {
      this.repeated.push(job.jobId);
      this.log.info({ job: job.jobId }, 'job arrived again; acknowledging without printing');
    }
    await this.acknowledge(job.jobId, outcome);
  }

  private track(jobId: string, outcome: Promise<JobOutcome>): Promise<JobOutcome> {
    this.inFlight.set(jobId, outcome);
    void outcome.finally(() => this.inFlight.delete(jobId));
    return outcome;
  }

  private async printJob(job: AgentPrintJob, receivedAt: number): Promise<JobOutcome> {
    const known = this.recent.get(job.jobId);
    if (known) return known;
    let outcome: JobOutcome;
    if (Date.now() > receivedAt + job.expiresInMs) {
      outcome = { printed: false, error: 'JOB_EXPIRED' };
    } else {
      try {
        await this.transport.print(renderTicket(job.ticket, this.layout), {
          id: `${job.ticket.number}-${job.ticketId}`,
        });
        outcome = { printed: true };
        this.printed.push(job.jobId);
        this.log.info({ number: job.ticket.number }, 'ticket printed');
      } catch (error) {
        outcome = { printed: false, error: printErrorOf(error) };
        this.log.warn({ number: job.ticket.number, err: error }, 'ticket not printed');
      }
    }
    this.recent.set(job.jobId, outcome);
    if (!outcome.printed) void this.reportStatus();
    await this.opts.afterPrint?.(job);
    return outcome;
  }

  private async acknowledge(jobId: string, outcome: JobOutcome): Promise<void> {
    // Not connected: the server sends the job again after the reconnect, and it is acknowledged then.
    if (!this.socket.connected) return;
    const ack = outcome.printed ? { jobId, printed: true } : { jobId, printed: false, error: outcome.error };
    await this.socket
      .timeout(5000)
      .emitWithAck('print:ack', ack)
      .catch(() => undefined);
  }

  /** Sends the printer's status when it changed (or after a new join). */
  async reportStatus(): Promise<PrinterStatus> {
    const status = await this.transport.status();
    const report: AgentStatusReport = {
      online: status.online,
      coverOpen: status.coverOpen,
      paperNearEnd: status.paperNearEnd,
      paperOut: status.paperOut,
      ...(status.partial ? { partial: true } : {}),
      ...(status.error ? { error: status.error.slice(0, 300) } : {}),
    };
    const key = JSON.stringify(report);
    if (this.joined && this.socket.connected && key !== this.lastReported) {
      const answer = await this.socket
        .timeout(5000)
        .emitWithAck('agent:status', report)
        .catch(() => undefined);
      if (answer?.ok) this.lastReported = key;
    }
    return status;
  }
}

const USAGE = `Usage: npm run printer -- --server URL --kiosk ID --device tcp://HOST:9100|file:/dev/usb/lp0|virtual:DIR
         [--key KEY] [--state FILE] [--status-every SECONDS]`;

async function main(): Promise<void> {
  const log = pino({ level: process.env.LOTSE_LOG_LEVEL ?? 'info', base: undefined });
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        server: { type: 'string' },
        kiosk: { type: 'string' },
        device: { type: 'string' },
        key: { type: 'string' },
        state: { type: 'string' },
        'status-every': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  }
  const server = values.server ?? process.env.LOTSE_SERVER;
  const kioskId = values.kiosk ?? process.env.LOTSE_KIOSK;
  const device = values.device ?? process.env.LOTSE_AGENT_DEVICE;
  const key = values.key ?? process.env.LOTSE_AGENT_KEY;
  const statusEvery = Number(values['status-every'] ?? 15);
  if (!server || !kioskId || !device || !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(kioskId) || !(statusEvery >= 1)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  let agent: PrintAgent;
  try {
    agent = new PrintAgent({
      server,
      kioskId,
      device,
      ...(key ? { key } : {}),
      statePath: resolve(values.state ?? `data/print-agent-${kioskId}.json`),
      statusIntervalMs: statusEvery * 1000,
      log,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.replace(/^LOTSE_PRINTER=/, '--device ')}\n`);
    process.exit(2);
  }
  agent.start();
  log.info({ server, kiosk: kioskId, device }, 'print agent started');
  agent.socket.on('disconnect', () => {
    if (agent.refused) void agent.stop().finally(() => process.exit(1));
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    void agent.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) void main();
