/**
 * The queue as a pure state machine: every action takes the live day state, the office
 * configuration and the current instant, and returns the new state with the domain events
 * it caused. Nothing is mutated; unchanged tickets are shared between old and new state.
 *
 * This file holds what happens to the visitor at the counter (start, park, complete, no-show,
 * add a concern, transfer, back to the line) and the counter's own status; the other actions
 * live beside it and are exported from here, so callers import the queue from one place:
 * `queue-day.ts` (new day, issuing), `queue-call.ts` (calling), `queue-undo.ts` (undo),
 * `queue-state.ts` (the shared steps).
 */
import { fail, ok, type Result } from './result.ts';
import { type CounterState, type DayState, MAX_VISIT_CONCERNS, type OfficeConfig, type Ticket } from './types.ts';
import { currentPartIndex, patchCurrentPart, visitParts } from './visit.ts';
import {
  counterState,
  currentAt,
  type FinishOptions,
  findCounter,
  finishCurrent,
  currentTicket,
  leaveCounter,
  offCounter,
  type Outcome,
  replaceTicket,
  setCounter,
  type CounterAction,
  type CounterActionOn,
} from './queue-state.ts';
import { withUndo } from './queue-undo.ts';

export { callNext, callSpecific, counterOrder, recall, returnParked } from './queue-call.ts';
export { type IssueInput, issueTicket, rollDay } from './queue-day.ts';
export { type DomainEvent, emptyDay, type FinishOptions, type Outcome, replaceTicket } from './queue-state.ts';
export { pendingUndo, undoLast } from './queue-undo.ts';

/**
 * The called visitor has arrived at the counter and the clerk starts: sets `servedAt`, from
 * which the service time is measured. Starting twice changes nothing.
 */
export const startService: CounterAction = (state, office, counterId, now) => {
  const current = currentAt(state, office, counterId);
  if (!current.ok) return current;
  const { ticket } = current.value;
  if (ticket.servedAt !== undefined) return ok({ state, events: [], value: ticket });
  const started: Ticket = { ...ticket, servedAt: now };
  return ok({
    state: replaceTicket(state, started),
    events: [{ type: 'ticket-changed', ticket: started }],
    value: started,
  });
};

/**
 * Puts the counter's current visitor aside (e.g. to fetch a missing document): the ticket waits
 * again, keeps number and arrival time, but call-next skips it until `returnParked` or a call
 * by number. The counter is free. Unanswered calls start again from zero.
 */
export const park: CounterAction = (state, office, counterId, now) => {
  const current = currentAt(state, office, counterId);
  if (!current.ok) return current;
  const { ticket } = current.value;
  const parked = offCounter(
    patchCurrentPart(
      { ...ticket, status: 'waiting', callCount: 0, parked: true, parkedAt: now, parkedBy: counterId },
      { status: 'waiting' },
    ),
  );
  return ok(leaveCounter(state, counterId, parked));
};

/**
 * The clerk completes the current part, optionally with an outcome. The visit ends, or waits
 * for its next part, or (`continueHere`) goes on at this counter at once; see `finishCurrent`.
 */
export function complete(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
  options: FinishOptions = {},
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const done = finishCurrent(state, office, counterId, 'done', now, options) ?? fail('NO_CURRENT_TICKET');
  return withUndo(state, done, counterId, 'complete', now);
}

/** The called visitor did not come: the visit ends as a no-show (later parts are cancelled). */
export const markNoShow: CounterAction = (state, office, counterId, now) => {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const gone = finishCurrent(state, office, counterId, 'no-show', now) ?? fail('NO_CURRENT_TICKET');
  return withUndo(state, gone, counterId, 'no-show', now);
};

/**
 * The clerk adds a concern found during the conversation: it becomes the visit's next part,
 * served after the current one. Refused for a concern the visit still has open
 * (DUPLICATE_CONCERN) and beyond five concerns (TOO_MANY_CONCERNS).
 */
export const addConcern: CounterActionOn = (state, office, counterId, concernId, now) => {
  void now;
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const concern = office.concerns.find((c) => c.id === concernId);
  if (!concern || concern.infoUrl) return fail('UNKNOWN_CONCERN');
  const current = currentAt(state, office, counterId);
  if (!current.ok) return current;
  const { ticket } = current.value;
  const parts = visitParts(ticket);
  if (parts.some((p) => p.concernId === concernId && (p.status === 'waiting' || p.status === 'called'))) {
    return fail('DUPLICATE_CONCERN');
  }
  if (parts.length >= MAX_VISIT_CONCERNS) return fail('TOO_MANY_CONCERNS');
  const i = currentPartIndex(parts);
  const concerns = [...parts];
  concerns.splice(i + 1, 0, { concernId, status: 'waiting', addedAtCounter: true });
  const changed: Ticket = { ...ticket, concerns };
  return ok({
    state: replaceTicket(state, changed),
    events: [{ type: 'ticket-changed', ticket: changed }],
    value: changed,
  });
};

/** Where the clerk sends the visitor on a transfer, besides the concern. */
export interface TransferOptions extends Pick<FinishOptions, 'outcome'> {
  /** A named counter (it must serve the concern): only it calls the visitor, before everybody else. */
  toCounterId?: string;
}

/**
 * Sends the counter's current visitor to another concern, or to a named counter: the part
 * served here ends (its service time and outcome are kept), the new concern becomes the visit's
 * next part (a later part of the same concern moves up), and the visitor waits for it with the
 * original arrival time and keeps the number. With `toCounterId` the concern may stay the same
 * and the ticket waits for that counter only (`Ticket.forCounterId`).
 */
export function transfer(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  concernId: string,
  now: number,
  options: TransferOptions = {},
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const target = office.concerns.find((c) => c.id === concernId);
  if (!target || target.infoUrl) return fail('UNKNOWN_CONCERN');
  const toCounter = options.toCounterId === undefined ? undefined : findCounter(office, options.toCounterId);
  if (options.toCounterId !== undefined && (!toCounter || toCounter.id === counterId)) return fail('UNKNOWN_COUNTER');
  if (toCounter && !toCounter.concernIds.includes(concernId)) return fail('COUNTER_NOT_SERVING');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  if (ticket.concernId === concernId && !toCounter) return fail('SAME_CONCERN');
  const parts = visitParts(ticket);
  const i = Math.max(0, currentPartIndex(parts));
  const concerns = parts.filter(
    (p, k) => k <= i || !(p.concernId === concernId && (p.status === 'waiting' || p.status === 'called')),
  );
  concerns.splice(i + 1, 0, { concernId, status: 'waiting', transferredFrom: ticket.concernId });
  const moved: Ticket = {
    ...ticket,
    concerns,
    transferredFrom: [...(ticket.transferredFrom ?? []), ticket.concernId],
  };
  const finishOptions = options.outcome === undefined ? {} : { outcome: options.outcome };
  const finished = finishCurrent(replaceTicket(state, moved), office, counterId, 'done', now, finishOptions);
  if (!finished) return fail('NO_CURRENT_TICKET');
  if (!finished.ok || !toCounter) return withUndo(state, finished, counterId, 'transfer', now);
  const sent: Ticket = { ...finished.value.value, forCounterId: toCounter.id };
  const events = finished.value.events.map((e) => (e.type === 'ticket-changed' ? { ...e, ticket: sent } : e));
  const outcome = { state: replaceTicket(finished.value.state, sent), events, value: sent };
  return withUndo(state, ok(outcome), counterId, 'transfer', now);
}

/**
 * The counter's called visitor goes back to the line without being served (the clerk leaves the
 * counter, or an admin frees a number left at a closed counter): the ticket waits again with its
 * arrival time, so it is near the front, and its unanswered calls count from zero.
 */
export const requeue: CounterAction = (state, office, counterId, now) => {
  void now;
  const current = currentAt(state, office, counterId);
  if (!current.ok) return current;
  const { ticket } = current.value;
  const waiting = offCounter(patchCurrentPart({ ...ticket, status: 'waiting', callCount: 0 }, { status: 'waiting' }));
  return ok(leaveCounter(state, counterId, waiting));
};

/**
 * An admin frees a number left "called" at a counter (closed, or its clerk left): back to the
 * line (`requeue`) or finished as done. Works from the ticket, whatever the counter's state.
 */
export function releaseCalled(
  state: DayState,
  office: OfficeConfig,
  ticketId: string,
  how: 'requeue' | 'finish',
  now: number,
): Result<Outcome<Ticket>> {
  const ticket = state.tickets.find((t) => t.id === ticketId);
  if (ticket?.status !== 'called' || ticket.counterId === undefined) return fail('UNKNOWN_TICKET');
  const counterId = ticket.counterId;
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  // The counter points at the ticket (it normally does; a repaired day may not).
  const pointed = setCounter(state, { ...counterState(state, counterId), currentTicketId: ticketId });
  if (how === 'requeue') return requeue(pointed, office, counterId, now);
  return finishCurrent(pointed, office, counterId, 'done', now) ?? fail('NO_CURRENT_TICKET');
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
