/**
 * Print jobs handed to print agents and not yet acknowledged, kept in `<data>/print-jobs.json`
 * (written durably on every change) so a server restart loses none. Bounded: at most `cap`
 * jobs; each lives until it is acknowledged or `expiresAt` has passed (the visitor has left).
 */
import { readFileSync } from 'node:fs';
import type { PrintableTicket } from '../../core/schemas/print.ts';
import { logger } from '../logger.ts';
import { writeFileDurably } from '../store/durable-file.ts';

const log = logger('print-jobs');

export interface AgentJob {
  jobId: string;
  kioskId: string;
  ticketId: string;
  ticket: PrintableTicket;
  createdAt: number;
  expiresAt: number;
}

export class AgentJobStore {
  private jobs: AgentJob[] = [];

  /** @param path the file, or `null` to keep jobs in memory only. */
  constructor(
    private readonly path: string | null,
    private readonly cap = 200,
  ) {}

  /** Reads the file; jobs already expired are dropped. A broken file is logged and ignored. */
  load(now: number): void {
    if (!this.path) return;
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.error({ err: error }, 'cannot read print jobs');
      return;
    }
    try {
      const parsed = JSON.parse(text) as { jobs?: unknown };
      const jobs = Array.isArray(parsed.jobs) ? (parsed.jobs as AgentJob[]) : [];
      this.jobs = jobs.filter((j) => typeof j?.jobId === 'string' && typeof j.expiresAt === 'number').slice(-this.cap);
    } catch (error) {
      log.error({ err: error, path: this.path }, 'print jobs file is malformed; starting without queued jobs');
      this.jobs = [];
    }
    if (this.expire(now).length === 0 && this.jobs.length > 0) {
      log.info({ jobs: this.jobs.length }, 'print jobs waiting for their agents');
    }
  }

  /** Adds a job; returns the jobs dropped to stay within the cap (oldest first). */
  add(job: AgentJob): AgentJob[] {
    this.jobs.push(job);
    const dropped = this.jobs.length > this.cap ? this.jobs.splice(0, this.jobs.length - this.cap) : [];
    this.save();
    return dropped;
  }

  remove(jobId: string): AgentJob | undefined {
    const index = this.jobs.findIndex((j) => j.jobId === jobId);
    if (index < 0) return undefined;
    const [job] = this.jobs.splice(index, 1);
    this.save();
    return job;
  }

  /** Unacknowledged jobs of a kiosk, oldest first. */
  forKiosk(kioskId: string): AgentJob[] {
    return this.jobs.filter((j) => j.kioskId === kioskId);
  }

  count(kioskId: string): number {
    return this.jobs.reduce((n, j) => n + (j.kioskId === kioskId ? 1 : 0), 0);
  }

  /** Removes and returns the jobs whose time is up. */
  expire(now: number): AgentJob[] {
    const expired = this.jobs.filter((j) => j.expiresAt <= now);
    if (expired.length === 0) return [];
    this.jobs = this.jobs.filter((j) => j.expiresAt > now);
    this.save();
    return expired;
  }

  private save(): void {
    if (!this.path) return;
    try {
      writeFileDurably(this.path, JSON.stringify({ jobs: this.jobs }));
    } catch (error) {
      log.error({ err: error, path: this.path }, 'cannot save print jobs');
    }
  }
}
