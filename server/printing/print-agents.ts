/**
 * The print agents of kiosks whose printer hangs on the kiosk PC (`printer: "agent"`, see
 * `printer/agent.ts`): which agent serves which kiosk, the jobs handed to them (kept in
 * `agent-jobs.ts` until acknowledged or expired) and the HTTP answers waiting for those jobs.
 * The print service owns the printers; an agent job's outcome is counted on its printer there.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { PrintErrorCode, PrintResult } from '../../core/api.ts';
import type { AgentPrintJob, AgentStatusReport, PrintAckRequest } from '../../core/events.ts';
import { fail, ok, type Result } from '../../core/result.ts';
import type { OfficeConfig } from '../../core/types.ts';
import { logger } from '../logger.ts';
import { type AgentJob, AgentJobStore } from './agent-jobs.ts';
import type { Printer } from './printer-model.ts';

const log = logger('printing');

/** The socket of a connected print agent, as the service sees it. */
export interface AgentConnection {
  id: string;
  send(job: AgentPrintJob): void;
}

export interface PrintAgentsDeps {
  /** Where unacknowledged jobs are kept across restarts. */
  jobsFile: string;
  /** How long a job waits for its agent; then it is dropped as failed. */
  ttlMs: number;
  clock: () => number;
  office: () => OfficeConfig;
  /** The printer serving a kiosk (as the print service has it now). */
  printerOf: (kioskId: string) => Printer | undefined;
  /** Counts a job's outcome on its printer and tells listeners. */
  record: (printer: Printer, ticketId: string, result: PrintResult) => void;
  /** The printer's view changed (agent connected, jobs pending, status). */
  push: (printer: Printer) => void;
}

interface Waiter {
  printerId: string;
  ticketId: string;
  resolve: (result: PrintResult) => void;
}

const PRINTED: PrintResult = { status: 'printed' };
const failed = (error: PrintErrorCode): PrintResult => ({ status: 'failed', error });

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class PrintAgents {
  private readonly agents = new Map<string, AgentConnection>();
  private readonly jobs: AgentJobStore;
  private readonly waiting = new Map<string, Waiter>();

  constructor(private readonly deps: PrintAgentsDeps) {
    this.jobs = new AgentJobStore(deps.jobsFile);
  }

  /** Takes up the jobs kept from before a restart. */
  load(): void {
    this.jobs.load(this.deps.clock());
  }

  /** Answers every waiting request `pending` and forgets the agents. */
  stop(): void {
    for (const waiter of this.waiting.values()) waiter.resolve({ status: 'pending' });
    this.waiting.clear();
    this.agents.clear();
  }

  connected(kioskId: string): boolean {
    return this.agents.has(kioskId);
  }

  pending(kioskId: string): number {
    return this.jobs.count(kioskId);
  }

  /** A printer was removed from the configuration: whoever waits for its jobs gets PRINTER_OFFLINE. */
  printerGone(printerId: string): void {
    for (const [jobId, waiter] of this.waiting) {
      if (waiter.printerId !== printerId) continue;
      this.waiting.delete(jobId);
      waiter.resolve(failed('PRINTER_OFFLINE'));
    }
  }

  /** Hands a ticket to the kiosk's agent (now, or when it connects); resolves with the outcome. */
  submit(printer: Printer, ticketId: string, ticket: AgentPrintJob['ticket']): Promise<PrintResult> {
    const kioskId = printer.kioskIds[0] as string;
    const now = this.deps.clock();
    const job: AgentJob = {
      jobId: randomUUID(),
      kioskId,
      ticketId,
      ticket,
      createdAt: now,
      expiresAt: now + this.deps.ttlMs,
    };
    const result = new Promise<PrintResult>((resolve) => {
      this.waiting.set(job.jobId, { printerId: printer.id, ticketId, resolve });
    });
    for (const dropped of this.jobs.add(job)) this.settle(dropped, failed('JOB_EXPIRED'));
    const agent = this.agents.get(kioskId);
    if (agent) this.send(agent, job);
    this.deps.push(printer);
    return result;
  }

  /** Drops the jobs whose time is over: AGENT_OFFLINE when no agent was there, else JOB_EXPIRED. */
  expire(): void {
    for (const job of this.jobs.expire(this.deps.clock())) {
      const offline = !this.agents.has(job.kioskId);
      log.warn({ kiosk: job.kioskId, number: job.ticket.number }, 'print job expired before the agent printed it');
      this.settle(job, failed(offline ? 'AGENT_OFFLINE' : 'JOB_EXPIRED'));
    }
  }

  /** A print agent takes over a kiosk's jobs; every unacknowledged one is sent (again). */
  join(
    kioskId: string,
    key: string | undefined,
    agent: AgentConnection,
  ): Result<{ printerId: string; pending: number }> {
    const kiosk = this.deps.office().kiosks?.find((k) => k.id === kioskId);
    if (kiosk?.printer !== 'agent') return fail('NOT_FOUND');
    // Without a configured key nobody may join (the configuration refuses such kiosks anyway).
    if (!kiosk.agentKey || !key || !sameKey(key, kiosk.agentKey)) return fail('FORBIDDEN');
    const printer = this.deps.printerOf(kioskId) as Printer;
    const previous = this.agents.get(kioskId);
    if (previous && previous.id !== agent.id) log.warn({ kiosk: kioskId }, 'a second print agent took over this kiosk');
    this.agents.set(kioskId, agent);
    const pending = this.jobs.forKiosk(kioskId);
    for (const job of pending) this.send(agent, job);
    log.info({ kiosk: kioskId, pending: pending.length }, 'print agent connected');
    this.deps.push(printer);
    return ok({ printerId: printer.id, pending: pending.length });
  }

  leave(kioskId: string, agentId: string): void {
    if (this.agents.get(kioskId)?.id !== agentId) return;
    this.agents.delete(kioskId);
    log.info({ kiosk: kioskId }, 'print agent disconnected');
    const printer = this.deps.printerOf(kioskId);
    if (printer) this.deps.push(printer);
  }

  status(kioskId: string, agentId: string, report: AgentStatusReport): Result<null> {
    if (this.agents.get(kioskId)?.id !== agentId) return fail('FORBIDDEN');
    const printer = this.deps.printerOf(kioskId);
    if (printer?.kind !== 'agent') return fail('NOT_FOUND');
    printer.status = { ...report };
    printer.checkedAt = this.deps.clock();
    this.deps.push(printer);
    return ok(null);
  }

  /** The agent printed a job (or cannot). An unknown job id (acknowledged before) is fine. */
  ack(kioskId: string, agentId: string, ack: PrintAckRequest): Result<null> {
    if (this.agents.get(kioskId)?.id !== agentId) return fail('FORBIDDEN');
    const job = this.jobs.forKiosk(kioskId).find((j) => j.jobId === ack.jobId);
    if (!job) return ok(null);
    this.jobs.remove(job.jobId);
    this.settle(job, ack.printed ? PRINTED : failed(ack.error ?? 'PRINTER_ERROR'));
    return ok(null);
  }

  private send(agent: AgentConnection, job: AgentJob): void {
    agent.send({
      jobId: job.jobId,
      ticketId: job.ticketId,
      ticket: job.ticket,
      expiresInMs: Math.max(0, job.expiresAt - this.deps.clock()),
    });
  }

  private settle(job: AgentJob, result: PrintResult): void {
    const printer = this.deps.printerOf(job.kioskId);
    const waiter = this.waiting.get(job.jobId);
    this.waiting.delete(job.jobId);
    waiter?.resolve(result);
    if (printer?.kind === 'agent') this.deps.record(printer, job.ticketId, result);
  }
}
