/**
 * The queue as a pure state machine: every action takes the live day state, the office
 * configuration and the current instant, and returns the new state with the domain events
 * it caused. Nothing is mutated; unchanged tickets are shared between old and new state.
 */
import { isOpen } from './hours.ts';
import { localDay } from './localtime.ts';
import { formatTicketNumber } from './numbering.ts';
import { nextPriorityStreak, pickNext } from './policy.ts';
import { fail, ok, type Result } from './result.ts';
import {
  type Appointment,
  type CallRecord,
  type Counter,
  type CounterState,
  type DayState,
  type Language,
  type OfficeConfig,
  RECENT_CALLS_CAP,
  SERVICE_SAMPLES_CAP,
  type Ticket,
} from './types.ts';

export type DomainEvent =
  | { type: 'ticket-issued'; ticket: Ticket }
  | { type: 'ticket-changed'; ticket: Ticket }
  | { type: 'call'; call: CallRecord; ticket: Ticket }
  | { type: 'counter-changed'; counter: CounterState }
  | { type: 'day-started'; day: string; cancelled: Ticket[] };

export interface Outcome<T> {
  state: DayState;
  events: DomainEvent[];
  value: T;
}

export function emptyDay(day: string, callSeq = 0): DayState {
  return { day, tickets: [], lastNumber: {}, counters: {}, callSeq, recentCalls: [], serviceMinutes: {} };
}

/**
 * Starts a new office day when `now` lies on another local day than the state:
 * numbering restarts, open tickets of the old day are cancelled, the call sequence and the
 * recent service times carry over (screens keep counting; estimates keep learning).
 */
export function rollDay(state: DayState, office: OfficeConfig, now: number): Outcome<boolean> {
  const today = localDay(now, office.timezone);
  // Same day, or a clock that stepped back across midnight: keep the day.
  if (today <= state.day) return { state, events: [], value: false };
  // Closed with the old day: a visitor being served (service started) finishes into it; everyone
  // else still open is cancelled.
  const cancelled = state.tickets
    .filter((t) => t.status === 'waiting' || t.status === 'called')
    .map((t) => {
      const closed: Ticket =
        t.status === 'called' && t.servedAt !== undefined
          ? { ...t, status: 'done', closedAt: now }
          : { ...t, status: 'cancelled', closedAt: now, cancelReason: 'day-ended' };
      delete closed.parked;
      return closed;
    });
  const next: DayState = {
    ...emptyDay(today, state.callSeq),
    serviceMinutes: state.serviceMinutes,
    // Kept so a screen catching up across midnight still gets the calls it missed.
    recentCalls: state.recentCalls,
    counters: Object.fromEntries(
      Object.values(state.counters).map((c) => [c.counterId, { counterId: c.counterId, status: c.status }]),
    ),
  };
  return { state: next, events: [{ type: 'day-started', day: today, cancelled }], value: true };
}

export interface IssueInput {
  id: string;
  token: string;
  concernId: string;
  language: Language;
  source: 'kiosk' | 'staff';
  appointment?: Appointment;
  /** One key per touch on the kiosk; kept on the ticket so a repeated request finds it. */
  idempotencyKey?: string;
}

export function issueTicket(
  state: DayState,
  office: OfficeConfig,
  input: IssueInput,
  now: number,
): Result<Outcome<Ticket>> {
  const concern = office.concerns.find((c) => c.id === input.concernId);
  if (!concern) return fail('UNKNOWN_CONCERN');
  if (concern.infoUrl) return fail('INFO_ONLY_CONCERN');
  const kiosk = input.source === 'kiosk';
  if (kiosk && office.enforceOpeningHours && !isOpen(office.openingHours, office.timezone, now)) {
    return fail('OFFICE_CLOSED');
  }
  const issuedToday = state.lastNumber[concern.id] ?? 0;
  if (kiosk && concern.dailyQuota !== undefined && issuedToday >= concern.dailyQuota && !input.appointment) {
    return fail('QUOTA_REACHED');
  }
  const running = issuedToday + 1;
  const ticket: Ticket = {
    id: input.id,
    token: input.token,
    number: formatTicketNumber(concern.prefix, running),
    concernId: concern.id,
    day: state.day,
    status: 'waiting',
    language: input.language,
    issuedAt: now,
    source: input.source,
    callCount: 0,
    ...(input.appointment ? { appointmentAt: input.appointment.start, appointmentId: input.appointment.id } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  return ok({
    state: {
      ...state,
      tickets: [...state.tickets, ticket],
      lastNumber: { ...state.lastNumber, [concern.id]: running },
    },
    events: [{ type: 'ticket-issued', ticket }],
    value: ticket,
  });
}

function findCounter(office: OfficeConfig, counterId: string): Counter | undefined {
  return office.counters.find((c) => c.id === counterId);
}

function counterState(state: DayState, counterId: string): CounterState {
  return state.counters[counterId] ?? { counterId, status: 'closed' };
}

function replaceTicket(state: DayState, ticket: Ticket): DayState {
  return { ...state, tickets: state.tickets.map((t) => (t.id === ticket.id ? ticket : t)) };
}

function setCounter(state: DayState, counter: CounterState): DayState {
  return { ...state, counters: { ...state.counters, [counter.counterId]: counter } };
}

function announce(state: DayState, ticket: Ticket, counter: Counter, now: number, recall: boolean) {
  const call: CallRecord = {
    seq: state.callSeq + 1,
    ticketId: ticket.id,
    number: ticket.number,
    concernId: ticket.concernId,
    counterId: counter.id,
    counterName: counter.name,
    at: now,
    recall,
  };
  const recentCalls = [...state.recentCalls, call].slice(-RECENT_CALLS_CAP);
  return { state: { ...state, callSeq: call.seq, recentCalls }, call };
}

function currentTicket(state: DayState, counterId: string): Ticket | undefined {
  const id = counterState(state, counterId).currentTicketId;
  const ticket = id ? state.tickets.find((t) => t.id === id) : undefined;
  return ticket && ticket.status === 'called' ? ticket : undefined;
}

/**
 * The visitor leaves the counter: the changed ticket goes into the day, the counter has nobody
 * called any more, and both changes are the outcome's events.
 */
function leaveCounter(state: DayState, counterId: string, ticket: Ticket): Outcome<Ticket> {
  const next = replaceTicket(state, ticket);
  const counter: CounterState = { ...counterState(next, counterId) };
  delete counter.currentTicketId;
  return {
    state: setCounter(next, counter),
    events: [
      { type: 'ticket-changed', ticket },
      { type: 'counter-changed', counter },
    ],
    value: ticket,
  };
}

/** Closes the counter's current ticket with `status`; records the service time when served. */
function closeCurrent(
  state: DayState,
  counterId: string,
  status: 'done' | 'no-show',
  now: number,
): Outcome<Ticket> | undefined {
  const ticket = currentTicket(state, counterId);
  if (!ticket) return undefined;
  const closed: Ticket = { ...ticket, status, closedAt: now };
  let next = state;
  const serviceStart = ticket.servedAt ?? ticket.calledAt;
  if (status === 'done' && serviceStart !== undefined) {
    const minutes = Math.max(0, (now - serviceStart) / 60_000);
    const samples = [...(next.serviceMinutes[ticket.concernId] ?? []), minutes].slice(-SERVICE_SAMPLES_CAP);
    next = { ...next, serviceMinutes: { ...next.serviceMinutes, [ticket.concernId]: samples } };
  }
  return leaveCounter(next, counterId, closed);
}

/**
 * The counter calls its next visitor (by the policy, see `core/policy.ts`). A visitor still at
 * the counter is marked served first. Returns `null` as value when nobody waits for this counter.
 */
export function callNext(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
): Result<Outcome<Ticket | null>> {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const events: DomainEvent[] = [];
  let next = state;
  const finished = closeCurrent(next, counterId, 'done', now);
  if (finished) {
    next = finished.state;
    events.push(...finished.events);
  }
  const cs = counterState(next, counterId);
  const ticket = pickNext(next.tickets, counter, office, now, { priorityStreak: cs.priorityStreak ?? 0 });
  if (!ticket) {
    if (cs.status !== 'open') {
      const opened: CounterState = { counterId, status: 'open' };
      if (cs.priorityStreak) opened.priorityStreak = cs.priorityStreak;
      next = setCounter(next, opened);
      events.push({ type: 'counter-changed', counter: opened });
    }
    return ok({ state: next, events, value: null });
  }
  return ok(callTicket(next, office, counter, ticket, now, events));
}

/**
 * The counter calls one waiting ticket by number, also one the policy would not pick yet (an
 * early appointment holder, a parked visitor who came back). A visitor still at the counter is
 * marked served first. Refused with UNKNOWN_TICKET when the ticket is not waiting and with
 * COUNTER_NOT_SERVING when the counter does not serve its concern.
 */
export function callSpecific(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  ticketId: string,
  now: number,
): Result<Outcome<Ticket>> {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const ticket = state.tickets.find((t) => t.id === ticketId);
  if (ticket?.status !== 'waiting') return fail('UNKNOWN_TICKET');
  if (!counter.concernIds.includes(ticket.concernId)) return fail('COUNTER_NOT_SERVING');
  const events: DomainEvent[] = [];
  let next = state;
  const finished = closeCurrent(next, counterId, 'done', now);
  if (finished) {
    next = finished.state;
    events.push(...finished.events);
  }
  return ok(callTicket(next, office, counter, ticket, now, events));
}

/** Calls a waiting ticket to the counter: status, announcement, counter and interleave streak. */
function callTicket(
  state: DayState,
  office: OfficeConfig,
  counter: Counter,
  ticket: Ticket,
  now: number,
  events: DomainEvent[],
): Outcome<Ticket> {
  const cs = counterState(state, counter.id);
  const called: Ticket = {
    ...ticket,
    status: 'called',
    counterId: counter.id,
    calledAt: now,
    firstCalledAt: ticket.firstCalledAt ?? now,
    callCount: ticket.callCount + 1,
  };
  delete called.parked;
  delete called.parkedAt;
  delete called.parkedBy;
  delete called.servedAt;
  let next = replaceTicket(state, called);
  const announced = announce(next, called, counter, now, false);
  next = announced.state;
  const newCounter: CounterState = { counterId: counter.id, status: 'open', currentTicketId: called.id };
  const streak = nextPriorityStreak(cs.priorityStreak ?? 0, ticket, office, now);
  if (streak > 0) newCounter.priorityStreak = streak;
  next = setCounter(next, newCounter);
  events.push(
    { type: 'ticket-changed', ticket: called },
    { type: 'call', call: announced.call, ticket: called },
    { type: 'counter-changed', counter: newCounter },
  );
  return { state: next, events, value: called };
}

/**
 * The called visitor has arrived at the counter and the clerk starts: sets `servedAt`, from
 * which the service time is measured. Starting twice changes nothing.
 */
export function startService(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  if (ticket.servedAt !== undefined) return ok({ state, events: [], value: ticket });
  const started: Ticket = { ...ticket, servedAt: now };
  return ok({
    state: replaceTicket(state, started),
    events: [{ type: 'ticket-changed', ticket: started }],
    value: started,
  });
}

/**
 * Puts the counter's current visitor aside (e.g. to fetch a missing document): the ticket waits
 * again, keeps number and arrival time, but call-next skips it until `returnParked` or a call
 * by number. The counter is free. Unanswered calls start again from zero.
 */
export function park(state: DayState, office: OfficeConfig, counterId: string, now: number): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  const parked: Ticket = {
    ...ticket,
    status: 'waiting',
    callCount: 0,
    parked: true,
    parkedAt: now,
    parkedBy: counterId,
  };
  delete parked.counterId;
  delete parked.calledAt;
  delete parked.servedAt;
  return ok(leaveCounter(state, counterId, parked));
}

/**
 * A parked visitor is back: the ticket is callable again and, keeping its arrival time, takes
 * its fair place (usually the front) of its line. Refused with UNKNOWN_TICKET unless parked.
 */
export function returnParked(
  state: DayState,
  office: OfficeConfig,
  ticketId: string,
  now: number,
): Result<Outcome<Ticket>> {
  void office;
  void now;
  const ticket = state.tickets.find((t) => t.id === ticketId);
  if (ticket?.status !== 'waiting' || ticket.parked !== true) return fail('UNKNOWN_TICKET');
  const returned: Ticket = { ...ticket };
  delete returned.parked;
  delete returned.parkedAt;
  delete returned.parkedBy;
  return ok({
    state: replaceTicket(state, returned),
    events: [{ type: 'ticket-changed', ticket: returned }],
    value: returned,
  });
}

/**
 * Calls the current visitor again. After `maxCalls` calls without showing up the ticket
 * becomes a no-show instead of being announced once more.
 */
export function recall(state: DayState, office: OfficeConfig, counterId: string, now: number): Result<Outcome<Ticket>> {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  // The visitor is at the counter already: announcing the number again would only confuse.
  if (ticket.servedAt !== undefined) return fail('SERVICE_STARTED');
  if (ticket.callCount >= office.policy.maxCalls) {
    const closed = closeCurrent(state, counterId, 'no-show', now);
    if (!closed) return fail('NO_CURRENT_TICKET');
    return ok(closed);
  }
  const recalled: Ticket = { ...ticket, calledAt: now, callCount: ticket.callCount + 1 };
  const announced = announce(replaceTicket(state, recalled), recalled, counter, now, true);
  return ok({
    state: announced.state,
    events: [
      { type: 'ticket-changed', ticket: recalled },
      { type: 'call', call: announced.call, ticket: recalled },
    ],
    value: recalled,
  });
}

export function complete(state: DayState, office: OfficeConfig, counterId: string, now: number) {
  return closeWith(state, office, counterId, 'done', now);
}

export function markNoShow(state: DayState, office: OfficeConfig, counterId: string, now: number) {
  return closeWith(state, office, counterId, 'no-show', now);
}

function closeWith(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  status: 'done' | 'no-show',
  now: number,
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const closed = closeCurrent(state, counterId, status, now);
  return closed ? ok(closed) : fail('NO_CURRENT_TICKET');
}

/**
 * Sends the counter's current visitor to another concern: the visitor keeps number and arrival
 * time (so waits in the new line by the original arrival) and is waiting again.
 */
export function transfer(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  concernId: string,
  now: number,
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const target = office.concerns.find((c) => c.id === concernId);
  if (!target || target.infoUrl) return fail('UNKNOWN_CONCERN');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  if (ticket.concernId === concernId) return fail('SAME_CONCERN');
  const moved: Ticket = {
    ...ticket,
    status: 'waiting',
    concernId,
    callCount: 0,
    transferredFrom: [...(ticket.transferredFrom ?? []), ticket.concernId],
  };
  delete moved.counterId;
  delete moved.calledAt;
  delete moved.servedAt;
  void now;
  return ok(leaveCounter(state, counterId, moved));
}

/**
 * Opens (resume), pauses (with an optional reason shown to staff) or closes a counter. A visitor
 * still called there stays called. Paused and closed counters do not count for wait estimates.
 */
export function setCounterStatus(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  status: CounterState['status'],
  reason?: string,
): Result<Outcome<CounterState>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const current = counterState(state, counterId);
  const counter: CounterState = { counterId, status };
  if (current.currentTicketId) counter.currentTicketId = current.currentTicketId;
  if (current.priorityStreak) counter.priorityStreak = current.priorityStreak;
  if (status === 'paused' && reason) counter.pauseReason = reason;
  return ok({
    state: setCounter(state, counter),
    events: [{ type: 'counter-changed', counter }],
    value: counter,
  });
}
