/**
 * Calling visitors to a counter: the order call-next follows, calling the next or a named
 * ticket, calling the current one again, and resuming a parked visitor at the counter.
 */
import { nextPriorityStreak, orderForCounter, pickNext } from './policy.ts';
import { fail, ok, type Result } from './result.ts';
import type { Counter, CounterState, DayState, OfficeConfig, Ticket } from './types.ts';
import { currentPartIndex, patchCurrentPart, visitParts } from './visit.ts';
import {
  announce,
  counterState,
  currentAt,
  currentTicket,
  type DomainEvent,
  findCounter,
  finishCurrent,
  openCounter,
  type Outcome,
  replaceTicket,
  setCounter,
  unparked,
  type CounterAction,
  type CounterActionOn,
} from './queue-state.ts';

/**
 * Everybody call-next at `counter` may call, in the order it calls them: the policy's order with
 * the counter's own interleave streak. The counter's list "Als Nächstes" is this list.
 */
export function counterOrder(state: DayState, office: OfficeConfig, counter: Counter, now: number): Ticket[] {
  const priorityStreak = counterState(state, counter.id).priorityStreak ?? 0;
  return orderForCounter(state.tickets, counter, office, now, { priorityStreak });
}

/**
 * The counter calls its next visitor (by the policy, see `core/policy.ts`). A visitor still at
 * the counter is marked served first. Returns `null` as value when nobody waits for this counter.
 */
export const callNext: CounterAction<Ticket | null> = (state, office, counterId, now) => {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const served = servedBeforeCall(state, office, counterId, now);
  if (!served.ok) return served;
  let { state: next, events } = served.value;
  const cs = counterState(next, counterId);
  const ticket = pickNext(next.tickets, counter, office, now, {
    priorityStreak: counterState(next, counterId).priorityStreak ?? 0,
  });
  if (!ticket) {
    if (cs.status !== 'open') {
      const opened = openCounter(cs);
      next = setCounter(next, opened);
      events = [...events, { type: 'counter-changed', counter: opened }];
    }
    return ok({ state: next, events, value: null });
  }
  return ok(callTicket(next, office, counter, ticket, now, events));
};

/**
 * The counter calls one waiting ticket by number, also one the policy would not pick yet (an
 * early appointment holder, a parked visitor who came back). A visitor still at the counter is
 * marked served first. Refused with UNKNOWN_TICKET when the ticket is not waiting and with
 * COUNTER_NOT_SERVING when the counter does not serve its concern.
 */
export const callSpecific: CounterActionOn = (state, office, counterId, ticketId, now) => {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const ticket = waitingFor(state, counter, ticketId, false);
  if (!ticket.ok) return ticket;
  const served = servedBeforeCall(state, office, counterId, now);
  if (!served.ok) return served;
  return ok(callTicket(served.value.state, office, counter, ticket.value, now, served.value.events));
};

/**
 * Before a call the visitor still at the counter (if any) is marked served: the day after that
 * and the events it caused.
 */
function servedBeforeCall(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
): Result<{ state: DayState; events: DomainEvent[] }> {
  const finished = finishCurrent(state, office, counterId, 'done', now);
  if (!finished) return ok({ state, events: [] });
  if (!finished.ok) return finished;
  return ok({ state: finished.value.state, events: [...finished.value.events] });
}

/**
 * A waiting ticket (with `parkedOnly` a parked one) the counter may call by number: refused with
 * UNKNOWN_TICKET otherwise and with COUNTER_NOT_SERVING when the counter does not serve its concern.
 */
function waitingFor(state: DayState, counter: Counter, ticketId: string, parkedOnly: boolean): Result<Ticket> {
  const ticket = state.tickets.find((t) => t.id === ticketId);
  if (ticket?.status !== 'waiting' || (parkedOnly && ticket.parked !== true)) return fail('UNKNOWN_TICKET');
  if (!counter.concernIds.includes(ticket.concernId)) return fail('COUNTER_NOT_SERVING');
  return ok(ticket);
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
  const parts = visitParts(ticket);
  const part = parts[currentPartIndex(parts)];
  const called: Ticket = patchCurrentPart(
    unparked({
      ...ticket,
      status: 'called',
      counterId: counter.id,
      calledAt: now,
      firstCalledAt: ticket.firstCalledAt ?? now,
      callCount: ticket.callCount + 1,
    }),
    { status: 'called', firstCalledAt: part?.firstCalledAt ?? now },
  );
  delete called.servedAt;
  delete called.forCounterId;
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
 * A parked visitor is back at the counter: service resumes there at once (the ticket is called
 * and served at `counterId` again, without an announcement), keeping number and arrival time.
 * Refused with UNKNOWN_TICKET unless parked, COUNTER_NOT_SERVING when the counter does not serve
 * its concern, and COUNTER_BUSY while another visitor is at the counter.
 */
export const returnParked: CounterActionOn = (state, office, counterId, ticketId, now) => {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const found = waitingFor(state, counter, ticketId, true);
  if (!found.ok) return found;
  if (currentTicket(state, counterId)) return fail('COUNTER_BUSY');
  const ticket = found.value;
  const resumed: Ticket = patchCurrentPart(
    unparked({
      ...ticket,
      status: 'called',
      counterId,
      calledAt: now,
      servedAt: now,
      callCount: Math.max(1, ticket.callCount),
    }),
    { status: 'called' },
  );
  const opened = openCounter(counterState(state, counterId), resumed.id);
  return ok({
    state: setCounter(replaceTicket(state, resumed), opened),
    events: [
      { type: 'ticket-changed', ticket: resumed },
      { type: 'counter-changed', counter: opened },
    ],
    value: resumed,
  });
};

/**
 * Calls the current visitor again. After `maxCalls` calls the recall is refused with
 * MAX_CALLS_REACHED: nothing changes by itself, the clerk decides (usually "Nicht erschienen").
 */
export const recall: CounterAction = (state, office, counterId, now) => {
  const current = currentAt(state, office, counterId);
  if (!current.ok) return current;
  const { counter, ticket } = current.value;
  // The visitor is at the counter already: announcing the number again would only confuse.
  if (ticket.servedAt !== undefined) return fail('SERVICE_STARTED');
  if (ticket.callCount >= office.policy.maxCalls) return fail('MAX_CALLS_REACHED');
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
};
