/**
 * The queue as a pure state machine: every action takes the live day state, the office
 * configuration and the current instant, and returns the new state with the domain events
 * it caused. Nothing is mutated; unchanged tickets are shared between old and new state.
 */
import { isOpen } from './hours.ts';
import { localDay } from './localtime.ts';
import { formatTicketNumber } from './numbering.ts';
import { appointmentHoursOf, nextPriorityStreak, pickNext } from './policy.ts';
import { fail, ok, type Result } from './result.ts';
import {
  checkVisitConcerns,
  closeOpenParts,
  currentPartIndex,
  isKnownOutcome,
  kioskMaxConcerns,
  patchCurrentPart,
  visitParts,
} from './visit.ts';
import {
  type Appointment,
  type CallRecord,
  type Counter,
  type CounterState,
  type DayState,
  type Language,
  MAX_VISIT_CONCERNS,
  type OfficeConfig,
  RECENT_CALLS_CAP,
  SERVICE_SAMPLES_CAP,
  type Ticket,
  type VisitPart,
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
  const cancelled = state.tickets
    .filter((t) => t.status === 'waiting' || t.status === 'called')
    .map((t) => {
      const closed: Ticket = {
        ...t,
        status: 'cancelled',
        closedAt: now,
        cancelReason: 'day-ended',
        concerns: closeOpenParts(visitParts(t), 'cancelled', now),
      };
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
  /** The visit's first concern (its prefix numbers the ticket). */
  concernId: string;
  /** Further concerns of the same visit, served after the first in this order. */
  laterConcernIds?: string[];
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
  const kiosk = input.source === 'kiosk';
  const asked = checkVisitConcerns(
    office,
    [input.concernId, ...(input.laterConcernIds ?? [])],
    kiosk ? kioskMaxConcerns(office) : MAX_VISIT_CONCERNS,
  );
  if (!asked.ok) return asked;
  const concern = office.concerns.find((c) => c.id === input.concernId);
  if (!concern) return fail('UNKNOWN_CONCERN');
  const appointmentOnly = (id: string) => office.concerns.find((c) => c.id === id)?.appointmentOnly === true;
  if (!input.appointment && asked.value.some(appointmentOnly)) return fail('APPOINTMENT_ONLY');
  if (kiosk && office.enforceOpeningHours && !isOpenFor(office, now, input.appointment)) return fail('OFFICE_CLOSED');
  if (kiosk && !input.appointment && asked.value.some((id) => quotaReached(state, office, id))) {
    return fail('QUOTA_REACHED');
  }
  const running = (state.lastNumber[concern.id] ?? 0) + 1;
  const concerns: VisitPart[] = asked.value.map((concernId, i) =>
    i === 0 ? { concernId, status: 'waiting', dueAt: now } : { concernId, status: 'waiting' },
  );
  const ticket: Ticket = {
    id: input.id,
    token: input.token,
    number: formatTicketNumber(concern.prefix, running),
    concernId: concern.id,
    concerns,
    day: state.day,
    status: 'waiting',
    language: input.language,
    issuedAt: now,
    source: input.source,
    callCount: 0,
    ...(input.appointment ? { appointmentAt: input.appointment.start, appointmentId: input.appointment.id } : {}),
    ...(input.appointment?.counterId ? { bookedCounterId: input.appointment.counterId } : {}),
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

/**
 * Whether the kiosk takes this ticket now: walk-ins during the opening hours; an appointment
 * holder also during the appointment hours, and before a slot that begins later today.
 */
function isOpenFor(office: OfficeConfig, now: number, appointment: Appointment | undefined): boolean {
  if (isOpen(office.openingHours, office.timezone, now)) return true;
  if (!appointment) return false;
  return isOpen(appointmentHoursOf(office), office.timezone, now) || now < appointment.start;
}

/**
 * Whether the day's kiosk tickets for a concern with a `dailyQuota` are all given out: tickets
 * numbered by it plus visits that asked for it as a later concern.
 */
function quotaReached(state: DayState, office: OfficeConfig, concernId: string): boolean {
  const quota = office.concerns.find((c) => c.id === concernId)?.dailyQuota;
  if (quota === undefined) return false;
  let count = state.lastNumber[concernId] ?? 0;
  if (count >= quota) return true;
  for (const t of state.tickets) {
    if (t.concerns?.some((p, i) => i > 0 && p.concernId === concernId && !p.addedAtCounter && !p.transferredFrom)) {
      count++;
    }
  }
  return count >= quota;
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
function finishCurrent(
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
  const waiting: Ticket = { ...ticket, concernId: following.concernId, concerns, status: 'waiting', callCount: 0 };
  delete waiting.counterId;
  delete waiting.calledAt;
  delete waiting.servedAt;
  return ok(leaveCounter(next, counterId, waiting));
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
  const finished = finishCurrent(next, office, counterId, 'done', now);
  if (finished) {
    if (!finished.ok) return finished;
    next = finished.value.state;
    events.push(...finished.value.events);
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
  const finished = finishCurrent(next, office, counterId, 'done', now);
  if (finished) {
    if (!finished.ok) return finished;
    next = finished.value.state;
    events.push(...finished.value.events);
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
  const parts = visitParts(ticket);
  const part = parts[currentPartIndex(parts)];
  const called: Ticket = patchCurrentPart(
    {
      ...ticket,
      status: 'called',
      counterId: counter.id,
      calledAt: now,
      firstCalledAt: ticket.firstCalledAt ?? now,
      callCount: ticket.callCount + 1,
    },
    { status: 'called', firstCalledAt: part?.firstCalledAt ?? now },
  );
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
  const parked: Ticket = patchCurrentPart(
    {
      ...ticket,
      status: 'waiting',
      callCount: 0,
      parked: true,
      parkedAt: now,
      parkedBy: counterId,
    },
    { status: 'waiting' },
  );
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
    return finishCurrent(state, office, counterId, 'no-show', now) ?? fail('NO_CURRENT_TICKET');
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
  return finishCurrent(state, office, counterId, 'done', now, options) ?? fail('NO_CURRENT_TICKET');
}

/** The called visitor did not come: the visit ends as a no-show (later parts are cancelled). */
export function markNoShow(state: DayState, office: OfficeConfig, counterId: string, now: number) {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  return finishCurrent(state, office, counterId, 'no-show', now) ?? fail('NO_CURRENT_TICKET');
}

/**
 * The clerk adds a concern found during the conversation: it becomes the visit's next part,
 * served after the current one. Refused for a concern the visit still has open
 * (DUPLICATE_CONCERN) and beyond five concerns (TOO_MANY_CONCERNS).
 */
export function addConcern(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  concernId: string,
  now: number,
): Result<Outcome<Ticket>> {
  void now;
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const concern = office.concerns.find((c) => c.id === concernId);
  if (!concern || concern.infoUrl) return fail('UNKNOWN_CONCERN');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
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
}

/**
 * Sends the counter's current visitor to another concern: the part served here ends (its
 * service time and outcome are kept), the new concern becomes the visit's next part (a later
 * part of the same concern moves up), and the visitor waits for it with the original arrival
 * time and keeps the number.
 */
export function transfer(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  concernId: string,
  now: number,
  options: Pick<FinishOptions, 'outcome'> = {},
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const target = office.concerns.find((c) => c.id === concernId);
  if (!target || target.infoUrl) return fail('UNKNOWN_CONCERN');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  if (ticket.concernId === concernId) return fail('SAME_CONCERN');
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
  const finished = finishCurrent(replaceTicket(state, moved), office, counterId, 'done', now, options);
  return finished ?? fail('NO_CURRENT_TICKET');
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
