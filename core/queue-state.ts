/**
 * The steps the queue actions share: looking up the counter and its current visitor, replacing
 * a ticket or a counter in the day, announcing a call, a visitor leaving the counter, and ending
 * the current part of a visit. Pure: the state comes in, a new state goes out.
 */
import { openPlaces, replaceTicketIn } from './open-tickets.ts';
import { fail, ok, type Result } from './result.ts';
import {
  type CallRecord,
  type Counter,
  type CounterState,
  type DayState,
  type OfficeConfig,
  RECENT_CALLS_CAP,
  SERVICE_SAMPLES_CAP,
  type Ticket,
  type VisitPart,
} from './types.ts';
import { closeOpenParts, currentPartIndex, isKnownOutcome, visitParts } from './visit.ts';

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

/** A clerk action at a counter: the day, the office, the counter and the moment in; the new day, its events and `T` out. */
export type CounterAction<T = Ticket> = (
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
) => Result<Outcome<T>>;

/** A clerk action at a counter on one thing the clerk picked (a ticket by its id, a concern by its id). */
export type CounterActionOn = (
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  id: string,
  now: number,
) => Result<Outcome<Ticket>>;

export function emptyDay(day: string, callSeq = 0): DayState {
  return { day, tickets: [], lastNumber: {}, counters: {}, callSeq, recentCalls: [], serviceMinutes: {} };
}

export function findCounter(office: OfficeConfig, counterId: string): Counter | undefined {
  return office.counters.find((c) => c.id === counterId);
}

export function counterState(state: DayState, counterId: string): CounterState {
  return state.counters[counterId] ?? { counterId, status: 'closed' };
}

/** The day with `ticket` in place of the ticket with its id (the open tickets carried over: `core/open-tickets.ts`). */
export function replaceTicket(state: DayState, ticket: Ticket): DayState {
  return { ...state, tickets: replaceTicketIn(state.tickets, ticket) };
}

export function setCounter(state: DayState, counter: CounterState): DayState {
  return { ...state, counters: { ...state.counters, [counter.counterId]: counter } };
}

export function announce(state: DayState, ticket: Ticket, counter: Counter, now: number, recall: boolean) {
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

/**
 * The counter's current visitor, for an action on it: refused with UNKNOWN_COUNTER for a counter
 * the office does not have and NO_CURRENT_TICKET when nobody is called there.
 */
export function currentAt(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
): Result<{ counter: Counter; ticket: Ticket }> {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const ticket = currentTicket(state, counterId);
  return ticket ? ok({ counter, ticket }) : fail('NO_CURRENT_TICKET');
}

/** A copy of the ticket with these optional fields left out (absent, not undefined). */
function without(
  ticket: Ticket,
  fields: readonly ('counterId' | 'calledAt' | 'servedAt' | 'parked' | 'parkedAt' | 'parkedBy')[],
): Ticket {
  const copy = { ...ticket };
  for (const field of fields) delete copy[field];
  return copy;
}

/** The ticket without what tied it to a counter (called there, served there). */
export const offCounter = (ticket: Ticket): Ticket => without(ticket, ['counterId', 'calledAt', 'servedAt']);

/** The ticket without its parking marks (it is called again). */
export const unparked = (ticket: Ticket): Ticket => without(ticket, ['parked', 'parkedAt', 'parkedBy']);

/** The counter open, with `currentTicketId` called there (or nobody), keeping its interleave streak. */
export function openCounter(before: CounterState, currentTicketId?: string): CounterState {
  const opened: CounterState = { counterId: before.counterId, status: 'open' };
  if (currentTicketId !== undefined) opened.currentTicketId = currentTicketId;
  if (before.priorityStreak) opened.priorityStreak = before.priorityStreak;
  return opened;
}

export function currentTicket(state: DayState, counterId: string): Ticket | undefined {
  const id = counterState(state, counterId).currentTicketId;
  if (!id) return undefined;
  // Among the open tickets, from the newest: the visitor at a counter was usually issued recently.
  const open = openPlaces(state.tickets);
  for (let k = open.length - 1; k >= 0; k--) {
    const ticket = state.tickets[open[k] as number] as Ticket;
    if (ticket.id === id) return ticket.status === 'called' ? ticket : undefined;
  }
  return undefined;
}

/**
 * The visitor leaves the counter: the changed ticket goes into the day, the counter has nobody
 * called any more, and both changes are the outcome's events.
 */
export function leaveCounter(state: DayState, counterId: string, ticket: Ticket): Outcome<Ticket> {
  const next = replaceTicket(state, ticket);
  const counter: CounterState = { ...counterState(next, counterId) };
  delete counter.currentTicketId;
  delete counter.undo;
  return {
    state: setCounter(next, counter),
    events: [
      { type: 'ticket-changed', ticket },
      { type: 'counter-changed', counter },
    ],
    value: ticket,
  };
}

/** How the clerk ends the current part of a visit. */
export interface FinishOptions {
  /** One of the office's outcomes. */
  outcome?: string;
  /** The visitor stays at this counter for the next part (the counter must serve it). */
  continueHere?: boolean;
}

/**
 * Ends the counter's current part with `status`. `done` records the service time; when the
 * visit has another part, the visitor waits for it with the original arrival time, or, with
 * `continueHere`, stays called at this counter and is served at once. `no-show` ends the visit
 * (later parts are cancelled). Undefined when nobody is called to the counter.
 */
export function finishCurrent(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  status: 'done' | 'no-show',
  now: number,
  options: FinishOptions = {},
): Result<Outcome<Ticket>> | undefined {
  const ticket = currentTicket(state, counterId);
  if (!ticket) return undefined;
  if (!isKnownOutcome(office, options.outcome)) return fail('UNKNOWN_OUTCOME');
  const parts = visitParts(ticket);
  const i = Math.max(0, currentPartIndex(parts));
  const part = parts[i] as VisitPart;
  let next = state;
  const serviceStart = ticket.servedAt ?? ticket.calledAt;
  const closedPart: VisitPart = { ...part, status, counterId, closedAt: now };
  if (options.outcome !== undefined) closedPart.outcome = options.outcome;
  if (status === 'done' && serviceStart !== undefined) {
    closedPart.serviceStart = serviceStart;
    const minutes = Math.max(0, (now - serviceStart) / 60_000);
    const samples = [...(next.serviceMinutes[part.concernId] ?? []), minutes].slice(-SERVICE_SAMPLES_CAP);
    next = { ...next, serviceMinutes: { ...next.serviceMinutes, [part.concernId]: samples } };
  }
  const before = parts.slice(0, i);
  const after = parts.slice(i + 1);
  if (status === 'no-show') {
    const concerns = [...before, closedPart, ...closeOpenParts(after, 'cancelled', now)];
    return ok(leaveCounter(next, counterId, { ...ticket, status, closedAt: now, concerns }));
  }
  const j = after.findIndex((p) => p.status === 'waiting');
  if (j < 0) {
    return ok(
      leaveCounter(next, counterId, { ...ticket, status, closedAt: now, concerns: [...before, closedPart, ...after] }),
    );
  }
  const following = after[j] as VisitPart;
  const counter = findCounter(office, counterId);
  if (options.continueHere) {
    if (!counter?.concernIds.includes(following.concernId)) return fail('COUNTER_NOT_SERVING');
    const concerns = [...before, closedPart, ...after];
    concerns[i + 1 + j] = { ...following, status: 'called', dueAt: now, firstCalledAt: now };
    const continued: Ticket = {
      ...ticket,
      concernId: following.concernId,
      concerns,
      status: 'called',
      counterId,
      calledAt: now,
      servedAt: now,
      callCount: 1,
    };
    return ok({
      state: replaceTicket(next, continued),
      events: [{ type: 'ticket-changed', ticket: continued }],
      value: continued,
    });
  }
  const concerns = [...before, closedPart, ...after];
  concerns[i + 1 + j] = { ...following, dueAt: now };
  const waiting = offCounter({ ...ticket, concernId: following.concernId, concerns, status: 'waiting', callCount: 0 });
  return ok(leaveCounter(next, counterId, waiting));
}
