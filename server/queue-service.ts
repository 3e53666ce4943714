/**
 * The live queue of the office: holds the day state, runs every mutation one at a time
 * (so two counters calling at once never get the same visitor), stores the new state
 * before anyone is answered, and tells listeners what changed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  type CounterView,
  type QueueSnapshot,
  type TicketView,
  toQueueSnapshot,
  toTicketView,
} from '../core/api.ts';
import { type TicketEstimate, estimateAll } from '../core/estimate.ts';
import * as queue from '../core/queue.ts';
import type { DomainEvent, Outcome } from '../core/queue.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Appointment, CounterStatus, DayState, Language, OfficeConfig, Ticket } from '../core/types.ts';
import { addDays, localDay } from '../core/localtime.ts';
import { bucketsOf } from '../core/stats.ts';
import { logger } from './logger.ts';
import type { Store } from './store/store.ts';

const log = logger('queue');
const IDEMPOTENCY_CAP = 2000;

export type Clock = () => number;

export interface QueueChange {
  events: DomainEvent[];
  state: DayState;
}

export type QueueListener = (change: QueueChange) => void;

export interface IssueCommand {
  concernId: string;
  language: Language;
  source: 'kiosk' | 'staff';
  appointmentCode?: string;
  idempotencyKey?: string;
}

export class QueueService {
  private state!: DayState;
  private estimates = new Map<string, TicketEstimate>();
  private concernEstimates: QueueSnapshot['waiting'] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<QueueListener>();
  /** idempotency key -> ticket id, insertion-ordered so the oldest can be dropped. */
  private readonly idempotency = new Map<string, string>();
  private rolloverTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly office: () => OfficeConfig,
    private readonly clock: Clock,
  ) {}

  async init(): Promise<void> {
    const now = this.clock();
    const stored = await this.store.loadDay();
    this.state = stored ?? queue.emptyDay(localDay(now, this.office().timezone));
    await this.rollIfNeeded(now);
    await this.store.purgeDetailsBefore(addDays(this.state.day, -this.office().retentionDays));
    this.recompute(now);
    this.scheduleRollover();
  }

  stop(): void {
    if (this.rolloverTimer) clearInterval(this.rolloverTimer);
  }

  onChange(listener: QueueListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `fn` after every earlier mutation has finished. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async rollIfNeeded(now: number): Promise<DomainEvent[]> {
    const rolled = queue.rollDay(this.state, this.office(), now);
    if (!rolled.value) return [];
    const old = this.state;
    const cancelled = new Map(
      rolled.events.flatMap((e) => (e.type === 'day-started' ? e.cancelled : [])).map((t) => [t.id, t]),
    );
    const closedOld: DayState = { ...old, tickets: old.tickets.map((t) => cancelled.get(t.id) ?? t) };
    const office = this.office();
    await this.store.archiveDay(closedOld, bucketsOf(closedOld.tickets, office.timezone));
    const purged = await this.store.purgeDetailsBefore(addDays(rolled.state.day, -office.retentionDays));
    if (purged) log.info({ days: purged }, 'deleted ticket details past the retention period');
    this.state = rolled.state;
    await this.store.saveDay(this.state);
    this.idempotency.clear();
    log.info({ day: this.state.day, archived: old.day }, 'new office day');
    return rolled.events;
  }

  /** Looks every 30 s whether the local day has changed, so screens reset at midnight. */
  private scheduleRollover(): void {
    this.rolloverTimer = setInterval(() => {
      this.tick().catch((error: unknown) => log.error({ err: error }, 'day rollover failed'));
    }, 30_000);
    this.rolloverTimer.unref();
  }

  /** Starts a new office day if local midnight has passed (also without any visitor). */
  async tick(): Promise<boolean> {
    const now = this.clock();
    if (localDay(now, this.office().timezone) <= this.state.day) return false;
    return this.exclusive(async () => {
      const events = await this.rollIfNeeded(now);
      if (events.length) this.publish(events, now);
      return events.length > 0;
    });
  }

  private recompute(now: number): void {
    const { tickets, concerns } = estimateAll(this.state, this.office(), now);
    this.estimates = tickets;
    this.concernEstimates = concerns;
  }

  private publish(events: DomainEvent[], now: number): void {
    this.recompute(now);
    const change = { events, state: this.state };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        log.error({ err: error }, 'queue listener failed');
      }
    }
  }

  /** Applies a pure queue action: roll the day, run it, store, then publish. */
  private mutate<T>(action: (state: DayState, office: OfficeConfig, now: number) => Result<Outcome<T>>) {
    return this.exclusive(async (): Promise<Result<T>> => {
      const now = this.clock();
      const rollEvents = await this.rollIfNeeded(now);
      const result = action(this.state, this.office(), now);
      if (!result.ok) {
        if (rollEvents.length) this.publish(rollEvents, now);
        return result;
      }
      await this.store.saveDay(result.value.state);
      this.state = result.value.state;
      this.publish([...rollEvents, ...result.value.events], now);
      return ok(result.value.value);
    });
  }

  view(ticket: Ticket): TicketView {
    return toTicketView(ticket, this.office(), this.estimates.get(ticket.id));
  }

  async issue(cmd: IssueCommand): Promise<Result<{ ticket: TicketView; repeated: boolean }>> {
    return this.exclusive(async () => {
      if (cmd.idempotencyKey) {
        const known = this.idempotency.get(cmd.idempotencyKey);
        const ticket = known ? this.state.tickets.find((t) => t.id === known) : undefined;
        if (ticket) return ok({ ticket: this.view(ticket), repeated: true });
      }
      let appointment: Appointment | undefined;
      if (cmd.appointmentCode !== undefined) {
        const all = await this.store.listAppointments();
        appointment = all.find((a) => a.code === cmd.appointmentCode);
        if (!appointment) return fail('UNKNOWN_APPOINTMENT');
        if (appointment.ticketId) return fail('APPOINTMENT_USED');
        if (appointment.concernId !== cmd.concernId) return fail('UNKNOWN_APPOINTMENT');
      }
      const now = this.clock();
      const rollEvents = await this.rollIfNeeded(now);
      const input: queue.IssueInput = {
        id: randomUUID(),
        token: randomBytes(16).toString('base64url'),
        concernId: cmd.concernId,
        language: cmd.language,
        source: cmd.source,
        ...(appointment ? { appointment } : {}),
      };
      const result = queue.issueTicket(this.state, this.office(), input, now);
      if (!result.ok) return result;
      await this.store.saveDay(result.value.state);
      this.state = result.value.state;
      const ticket = result.value.value;
      if (appointment) await this.store.saveAppointment({ ...appointment, ticketId: ticket.id });
      if (cmd.idempotencyKey) {
        this.idempotency.set(cmd.idempotencyKey, ticket.id);
        if (this.idempotency.size > IDEMPOTENCY_CAP) {
          const oldest = this.idempotency.keys().next().value;
          if (oldest !== undefined) this.idempotency.delete(oldest);
        }
      }
      this.publish([...rollEvents, ...result.value.events], now);
      return ok({ ticket: this.view(ticket), repeated: false });
    });
  }

  callNext(counterId: string) {
    return this.mutate((s, o, now) => queue.callNext(s, o, counterId, now));
  }

  recall(counterId: string) {
    return this.mutate((s, o, now) => queue.recall(s, o, counterId, now));
  }

  complete(counterId: string) {
    return this.mutate((s, o, now) => queue.complete(s, o, counterId, now));
  }

  noShow(counterId: string) {
    return this.mutate((s, o, now) => queue.markNoShow(s, o, counterId, now));
  }

  transfer(counterId: string, concernId: string) {
    return this.mutate((s, o, now) => queue.transfer(s, o, counterId, concernId, now));
  }

  setCounterStatus(counterId: string, status: CounterStatus, reason?: string) {
    return this.mutate((s, o) => queue.setCounterStatus(s, o, counterId, status, reason));
  }

  /** Something outside the queue changed (the office configuration): recompute and tell everyone. */
  refresh(): void {
    this.publish([], this.clock());
  }

  /** A consistent copy of everything stored, taken between two mutations. */
  backup() {
    return this.exclusive(() => this.store.exportAll());
  }

  // ---- reads (never wait for the mutation queue: they see the last stored state) ----

  day(): DayState {
    return this.state;
  }

  queueSnapshot(): QueueSnapshot {
    return toQueueSnapshot(this.state, this.office(), this.concernEstimates);
  }

  ticketByToken(token: string): Ticket | undefined {
    return this.state.tickets.find((t) => t.token === token);
  }

  ticketById(id: string): Ticket | undefined {
    return this.state.tickets.find((t) => t.id === id);
  }

  counterView(counterId: string): CounterView | undefined {
    const office = this.office();
    const counter = office.counters.find((c) => c.id === counterId);
    if (!counter) return undefined;
    const cs = this.state.counters[counterId] ?? { counterId, status: 'closed' as const };
    const current = cs.currentTicketId ? this.ticketById(cs.currentTicketId) : undefined;
    const now = this.clock();
    const waiting = counter.concernIds.map((concernId) => {
      const tickets = this.state.tickets.filter((t) => t.status === 'waiting' && t.concernId === concernId);
      const oldest = tickets.reduce((min, t) => Math.min(min, t.issuedAt), Number.POSITIVE_INFINITY);
      return {
        concernId,
        count: tickets.length,
        longestWaitMinutes: tickets.length ? Math.max(0, Math.floor((now - oldest) / 60_000)) : 0,
      };
    });
    const view: CounterView = {
      counterId,
      name: counter.name,
      status: cs.status,
      current: current && current.status === 'called' ? this.view(current) : null,
      waiting,
    };
    if (cs.pauseReason) view.pauseReason = cs.pauseReason;
    return view;
  }
}
