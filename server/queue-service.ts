/**
 * The live queue of the office: holds the day state, runs every mutation one at a time
 * (so two counters calling at once never get the same visitor), stores the new state
 * before anyone is answered, and tells listeners what changed.
 * The rules themselves are pure functions in `core/`; what a counter sees is built in
 * `counter-view.ts`, the waiting-time estimates are kept in `queue-estimates.ts`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type CounterView, type QueueSnapshot, type TicketView, toTicketView } from '../core/api.ts';
import { queueSnapshot } from '../core/queue-snapshot.ts';
import { checkAppointment, normalizeCode } from '../core/appointments.ts';
import { findTicket } from '../core/open-tickets.ts';
import * as queue from '../core/queue.ts';
import type { DomainEvent, Outcome } from '../core/queue.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Appointment, CounterStatus, DayState, Language, OfficeConfig, Ticket } from '../core/types.ts';
import { addDays, localDay } from '../core/localtime.ts';
import { bucketsOf } from '../core/stats.ts';
import { checkRemote, confirmArrival, findRemoteTicket } from '../core/remote.ts';
import { counterViewOf } from './counter-view.ts';
import { logger } from './logger.ts';
import { QueueEstimates } from './queue-estimates.ts';
import type { DayTransaction, Store } from './store/store.ts';

const log = logger('queue');
const ROLLOVER_CHECK_MS = 1000;

export type Clock = () => number;

export interface QueueChange {
  events: DomainEvent[];
  state: DayState;
}

export type QueueListener = (change: QueueChange) => void;

export interface IssueCommand {
  /** May be left out with an appointment code: the appointment's concern is used. */
  concernId?: string;
  /** Further concerns of the same visit, served after the first. */
  laterConcernIds?: string[];
  language: Language;
  source: 'kiosk' | 'staff';
  appointmentCode?: string;
  idempotencyKey?: string;
  /** Taken on the public page, from on the way (see `core/remote.ts`). */
  remote?: boolean;
}

export class QueueService {
  /** The last stored live day (a cache: the store holds the truth, also for other processes). */
  private state!: DayState;
  private readonly estimates: QueueEstimates;
  private readonly listeners = new Set<QueueListener>();
  private rolloverTimer: NodeJS.Timeout | undefined;
  private stopExternal: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly office: () => OfficeConfig,
    private readonly clock: Clock,
  ) {
    this.estimates = new QueueEstimates(office, clock);
  }

  async init(): Promise<void> {
    await this.store.transact(async (tx) => {
      const now = this.clock();
      const current = tx.day ?? queue.emptyDay(localDay(now, this.office().timezone));
      const rolled = await this.rollIfNeeded(tx, current, now);
      await tx.purgeDetailsBefore(addDays(rolled.state.day, -this.office().retentionDays));
      this.state = rolled.state;
      return { next: rolled.state, value: undefined };
    });
    this.stopExternal = this.store.onExternalChange(() => {
      void this.reload().catch((error: unknown) => log.error({ err: error }, 'reloading the live day failed'));
    });
    this.scheduleRollover();
  }

  stop(): void {
    if (this.rolloverTimer) clearInterval(this.rolloverTimer);
    this.stopExternal?.();
  }

  /** The stored appointments changed: keep today's booked ones for the estimates. */
  setAppointments(appointments: readonly Appointment[]): void {
    this.estimates.setAppointments(appointments);
  }

  onChange(listener: QueueListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Another server process changed the day: take the stored state and tell local listeners. */
  private async reload(): Promise<void> {
    const stored = await this.store.loadDay();
    if (!stored) return;
    this.state = stored;
    this.publish([]);
  }

  /** Archives the old day and starts the new one when local midnight has passed. */
  private async rollIfNeeded(
    tx: DayTransaction,
    current: DayState,
    now: number,
  ): Promise<{ state: DayState; events: DomainEvent[] }> {
    const rolled = queue.rollDay(current, this.office(), now);
    if (!rolled.value) return { state: current, events: [] };
    const cancelled = new Map(
      rolled.events.flatMap((e) => (e.type === 'day-started' ? e.cancelled : [])).map((t) => [t.id, t]),
    );
    const closedOld: DayState = { ...current, tickets: current.tickets.map((t) => cancelled.get(t.id) ?? t) };
    const office = this.office();
    await tx.archiveDay(closedOld, bucketsOf(closedOld.tickets, office.timezone));
    const purged = await tx.purgeDetailsBefore(addDays(rolled.state.day, -office.retentionDays));
    if (purged) log.info({ days: purged }, 'deleted ticket details past the retention period');
    log.info({ day: rolled.state.day, archived: current.day }, 'new office day');
    return { state: rolled.state, events: rolled.events };
  }

  /**
   * Looks every second whether the local day has changed (one date comparison), so screens reset
   * at midnight, not up to a check interval later. The check works with any clock, also one
   * that jumps.
   */
  private scheduleRollover(): void {
    this.rolloverTimer = setInterval(() => {
      this.tick().catch((error: unknown) => log.error({ err: error }, 'day rollover failed'));
    }, ROLLOVER_CHECK_MS);
    this.rolloverTimer.unref();
  }

  /** Starts a new office day if local midnight has passed (also without any visitor). */
  async tick(): Promise<boolean> {
    if (localDay(this.clock(), this.office().timezone) <= this.state.day) return false;
    const result = await this.mutate((s) => ok({ state: s, events: [], value: true }));
    return result.ok;
  }

  private publish(events: DomainEvent[]): void {
    const change = { events, state: this.state };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        log.error({ err: error }, 'queue listener failed');
      }
    }
  }

  /**
   * Applies a pure queue action inside the store's transaction: roll the day if needed, run the
   * action on the stored day, store the result, then publish the events.
   */
  private async mutate<T>(
    action: (
      state: DayState,
      office: OfficeConfig,
      now: number,
      tx: DayTransaction,
    ) => Promise<Result<Outcome<T>>> | Result<Outcome<T>>,
  ): Promise<Result<T>> {
    interface Done {
      result: Result<Outcome<T>>;
      events: DomainEvent[];
      state: DayState;
    }
    const outcome = await this.store.transact<Done>(async (tx) => {
      const now = this.clock();
      const current = tx.day ?? queue.emptyDay(localDay(now, this.office().timezone));
      const rolled = await this.rollIfNeeded(tx, current, now);
      const result = await action(rolled.state, this.office(), now, tx);
      if (!result.ok) {
        return {
          next: rolled.events.length ? rolled.state : null,
          value: { result, events: rolled.events, state: rolled.state },
        };
      }
      const events = [...rolled.events, ...result.value.events];
      const next = result.value.state;
      const value = { result, events, state: next };
      // A call is announced as soon as it is stored: its estimates wait for the derived updates
      // (`queue-pushes.ts`). Otherwise the answer's estimates are computed while the change is
      // written (see `view`).
      if (events.some((e) => e.type === 'call')) return { next, value };
      return { next, value, meanwhile: () => this.estimates.prepare(next) };
    });
    this.state = outcome.state;
    if (outcome.events.length || outcome.result.ok) this.publish(outcome.events);
    return outcome.result.ok ? ok(outcome.result.value.value) : outcome.result;
  }

  /**
   * Whether the estimates read now are the current day's: false for a moment after a change when
   * recomputing them is costly (thousands waiting, or a busy machine), see `queue-estimates.ts`.
   */
  estimatesCurrent(): boolean {
    return this.estimates.isCurrent(this.state);
  }

  /** The ticket as visitors see it; estimates only for today's waiting ones (the others show none). */
  view(ticket: Ticket): TicketView {
    const estimated = ticket.status === 'waiting' && ticket.day === this.state.day;
    return toTicketView(ticket, this.office(), estimated ? this.estimates.forTicket(this.state, ticket) : undefined);
  }

  async issue(cmd: IssueCommand): Promise<Result<{ ticket: TicketView; repeated: boolean }>> {
    let repeated: Ticket | undefined;
    const result = await this.mutate<Ticket>(async (state, office, now, tx) => {
      if (cmd.idempotencyKey) {
        repeated = state.tickets.find((t) => t.idempotencyKey === cmd.idempotencyKey);
        if (repeated) return ok({ state, events: [], value: repeated });
      }
      let appointment: Appointment | undefined;
      if (cmd.appointmentCode !== undefined) {
        const checked = checkAppointment(
          await tx.findAppointment(normalizeCode(cmd.appointmentCode)),
          cmd.concernId,
          office,
          now,
        );
        if (!checked.ok) return checked;
        appointment = checked.value;
      }
      const concernId = cmd.concernId ?? appointment?.concernId;
      if (!concernId) return fail('UNKNOWN_CONCERN');
      const remote = cmd.remote ? checkRemote(state, office, concernId) : undefined;
      if (remote && !remote.ok) return remote;
      const input: queue.IssueInput = {
        id: randomUUID(),
        token: randomBytes(16).toString('base64url'),
        concernId,
        ...(cmd.laterConcernIds?.length ? { laterConcernIds: cmd.laterConcernIds } : {}),
        language: cmd.language,
        source: cmd.source,
        ...(appointment ? { appointment } : {}),
        ...(cmd.idempotencyKey ? { idempotencyKey: cmd.idempotencyKey } : {}),
      };
      const issued = queue.issueTicket(state, office, input, now);
      if (issued.ok && appointment) await tx.saveAppointment({ ...appointment, ticketId: issued.value.value.id });
      return remote && issued.ok ? ok(markRemote(issued.value)) : issued;
    });
    if (!result.ok) return result;
    return ok({ ticket: this.view(result.value), repeated: repeated !== undefined });
  }

  /**
   * The visitor of a number from on the way is at the kiosk (typed the number or scanned the
   * phone page): it may be called from now on. Undefined when no such ticket waits today.
   */
  async confirmRemote(typed: string): Promise<TicketView | undefined> {
    if (!findRemoteTicket(this.state, typed)) return undefined;
    const result = await this.mutate<Ticket>((state, _office, now) => {
      const found = findRemoteTicket(state, typed);
      if (!found) return fail('UNKNOWN_TICKET');
      const ticket = confirmArrival(found, now);
      if (ticket === found) return ok({ state, events: [], value: found });
      const next = queue.replaceTicket(state, ticket);
      return ok({ state: next, events: [{ type: 'ticket-changed', ticket }], value: ticket });
    });
    return result.ok ? this.view(result.value) : undefined;
  }

  /** The appointment behind a code, for explaining a refused check-in. */
  async appointmentByCode(code: string): Promise<Appointment | undefined> {
    const wanted = normalizeCode(code);
    return (await this.store.listAppointments()).find((a) => a.code === wanted);
  }

  callNext(counterId: string) {
    return this.mutate((s, o, now) => queue.callNext(s, o, counterId, now));
  }

  callSpecific(counterId: string, ticketId: string) {
    return this.mutate((s, o, now) => queue.callSpecific(s, o, counterId, ticketId, now));
  }

  startService(counterId: string) {
    return this.mutate((s, o, now) => queue.startService(s, o, counterId, now));
  }

  park(counterId: string) {
    return this.mutate((s, o, now) => queue.park(s, o, counterId, now));
  }

  returnParked(counterId: string, ticketId: string) {
    return this.mutate((s, o, now) => queue.returnParked(s, o, counterId, ticketId, now));
  }

  undo(counterId: string) {
    return this.mutate((s, o, now) => queue.undoLast(s, o, counterId, now));
  }

  requeue(counterId: string) {
    return this.mutate((s, o, now) => queue.requeue(s, o, counterId, now));
  }

  releaseCalled(ticketId: string, how: 'requeue' | 'finish') {
    return this.mutate((s, o, now) => queue.releaseCalled(s, o, ticketId, how, now));
  }

  recall(counterId: string) {
    return this.mutate((s, o, now) => queue.recall(s, o, counterId, now));
  }

  complete(counterId: string, options: queue.FinishOptions = {}) {
    return this.mutate((s, o, now) => queue.complete(s, o, counterId, now, options));
  }

  addConcern(counterId: string, concernId: string) {
    return this.mutate((s, o, now) => queue.addConcern(s, o, counterId, concernId, now));
  }

  noShow(counterId: string) {
    return this.mutate((s, o, now) => queue.markNoShow(s, o, counterId, now));
  }

  transfer(counterId: string, concernId: string, options: queue.TransferOptions = {}) {
    return this.mutate((s, o, now) => queue.transfer(s, o, counterId, concernId, now, options));
  }

  setCounterStatus(counterId: string, status: CounterStatus, reason?: string) {
    return this.mutate((s, o) => queue.setCounterStatus(s, o, counterId, status, reason));
  }

  /** Something outside the queue changed (the office configuration): recompute and tell everyone. */
  refresh(): void {
    this.estimates.invalidate();
    this.publish([]);
  }

  /** A consistent copy of everything stored, taken between two mutations. */
  backup() {
    return this.store.transact(async () => ({ next: null, value: await this.store.exportAll() }));
  }

  // ---- reads (never wait for the mutation queue: they see the last stored state) ----

  day(): DayState {
    return this.state;
  }

  queueSnapshot(): QueueSnapshot {
    return queueSnapshot(this.state, this.office(), this.estimates.forConcerns(this.state));
  }

  ticketByToken(token: string): Ticket | undefined {
    return this.state.tickets.find((t) => t.token === token);
  }

  /** The ticket of a phone page's token: today's, else one of an archived day (null: none). */
  async findByToken(token: string): Promise<Ticket | null> {
    return this.ticketByToken(token) ?? (await this.store.findArchivedTicket(token));
  }

  ticketById(id: string): Ticket | undefined {
    return findTicket(this.state.tickets, id);
  }

  counterView(counterId: string): CounterView | undefined {
    return counterViewOf(this.state, this.office(), counterId, this.clock(), (t) => this.view(t));
  }
}

/** Marks the ticket just issued as a number from on the way (in the state and in its event). */
function markRemote(outcome: Outcome<Ticket>): Outcome<Ticket> {
  const ticket: Ticket = { ...outcome.value, remote: true };
  return {
    state: queue.replaceTicket(outcome.state, ticket),
    events: outcome.events.map((e) => ('ticket' in e && e.ticket.id === ticket.id ? { ...e, ticket } : e)),
    value: ticket,
  };
}
