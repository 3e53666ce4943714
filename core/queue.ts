/**
 * The queue as a pure state machine: every action takes the live day state, the office
 * configuration and the current instant, and returns the new state with the domain events
 * it caused. Nothing is mutated; unchanged tickets are shared between old and new state.
 *
 * Longer than most files on purpose: every action on the live day is here, next to the few
 * private helpers they share (current ticket, leaving the counter, finishing a part, undo).
 */
import { isOpen } from './hours.ts';
import { localDay } from './localtime.ts';
import { formatTicketNumber } from './numbering.ts';
import { appointmentHoursOf, nextPriorityStreak, orderForCounter, policyOf } from './policy.ts';
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
  type UndoableAction,
  type UndoRecord,
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
  // Closed with the old day: a visitor being served (service started) finishes into it; everyone
  // else still open is cancelled.
  const cancelled = state.tickets
    .filter((t) => t.status === 'waiting' || t.status === 'called')
    .map((t) => {
      const served = t.status === 'called' && t.servedAt !== undefined;
      const closed: Ticket = served
        ? {
            ...t,
            status: 'done',
            closedAt: now,
            concerns: closeOpenParts(
              visitParts(patchCurrentPart(t, { status: 'done', closedAt: now, serviceStart: t.servedAt })),
              'cancelled',
              now,
            ),
          }
        : {
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
  const ticket = counterOrder(next, office, counter, now)[0];
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
 * A parked visitor is back at the counter: service resumes there at once (the ticket is called
 * and served at `counterId` again, without an announcement), keeping number and arrival time.
 * Refused with UNKNOWN_TICKET unless parked, COUNTER_NOT_SERVING when the counter does not serve
 * its concern, and COUNTER_BUSY while another visitor is at the counter.
 */
export function returnParked(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  ticketId: string,
  now: number,
): Result<Outcome<Ticket>> {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const ticket = state.tickets.find((t) => t.id === ticketId);
  if (ticket?.status !== 'waiting' || ticket.parked !== true) return fail('UNKNOWN_TICKET');
  if (!counter.concernIds.includes(ticket.concernId)) return fail('COUNTER_NOT_SERVING');
  if (currentTicket(state, counterId)) return fail('COUNTER_BUSY');
  const resumed: Ticket = patchCurrentPart(
    { ...ticket, status: 'called', counterId, calledAt: now, servedAt: now, callCount: Math.max(1, ticket.callCount) },
    { status: 'called' },
  );
  delete resumed.parked;
  delete resumed.parkedAt;
  delete resumed.parkedBy;
  const cs = counterState(state, counterId);
  const opened: CounterState = { counterId, status: 'open', currentTicketId: resumed.id };
  if (cs.priorityStreak) opened.priorityStreak = cs.priorityStreak;
  return ok({
    state: setCounter(replaceTicket(state, resumed), opened),
    events: [
      { type: 'ticket-changed', ticket: resumed },
      { type: 'counter-changed', counter: opened },
    ],
    value: resumed,
  });
}

/**
 * Calls the current visitor again. After `maxCalls` calls the recall is refused with
 * MAX_CALLS_REACHED: nothing changes by itself, the clerk decides (usually "Nicht erschienen").
 */
export function recall(state: DayState, office: OfficeConfig, counterId: string, now: number): Result<Outcome<Ticket>> {
  const counter = findCounter(office, counterId);
  if (!counter) return fail('UNKNOWN_COUNTER');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
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
  const done = finishCurrent(state, office, counterId, 'done', now, options) ?? fail('NO_CURRENT_TICKET');
  return withUndo(state, done, counterId, 'complete', now);
}

/** The called visitor did not come: the visit ends as a no-show (later parts are cancelled). */
export function markNoShow(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const gone = finishCurrent(state, office, counterId, 'no-show', now) ?? fail('NO_CURRENT_TICKET');
  return withUndo(state, gone, counterId, 'no-show', now);
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
 * Keeps what a no-show, completion or transfer changed on the counter (`CounterState.undo`), so
 * the clerk can take it back with `undoLast` for `undoSeconds`. Any other action of the counter
 * drops it.
 */
function withUndo(
  before: DayState,
  result: Result<Outcome<Ticket>>,
  counterId: string,
  action: UndoableAction,
  now: number,
): Result<Outcome<Ticket>> {
  if (!result.ok) return result;
  const ticket = currentTicket(before, counterId);
  if (!ticket) return result;
  const { state, events, value } = result.value;
  const counterBefore: CounterState = { ...counterState(before, counterId) };
  delete counterBefore.undo;
  const record: UndoRecord = { action, at: now, before: ticket, after: value, counterBefore };
  const concernId = ticket.concernId;
  const samples = state.serviceMinutes[concernId];
  if (samples && samples !== before.serviceMinutes[concernId] && samples.length > 0) {
    record.sample = { concernId, minutes: samples[samples.length - 1] as number };
  }
  const counter: CounterState = { ...counterState(state, counterId), undo: record };
  return ok({
    state: setCounter(state, counter),
    events: [
      ...events.filter((e) => e.type !== 'counter-changed' || e.counter.counterId !== counterId),
      { type: 'counter-changed', counter },
    ],
    value,
  });
}

/** Whether two tickets hold the same data (key order aside: stores may reorder keys). */
function sameTicket(a: Ticket, b: Ticket): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The undo the counter may still use at `now`, or undefined (none kept, or its time is over). */
export function pendingUndo(state: DayState, office: OfficeConfig, counterId: string, now: number) {
  const record = state.counters[counterId]?.undo;
  if (!record) return undefined;
  const until = record.at + policyOf(office).undoSeconds * 1000;
  return now <= until ? { record, until } : undefined;
}

/**
 * "Rückgängig": takes back the counter's last no-show, completion or transfer within
 * `undoSeconds`. The ticket and the counter get exactly their state from before the action
 * (the visitor is at the counter again), and a service time the completion recorded is taken
 * out of the estimates. Refused with NOTHING_TO_UNDO when the counter has none (it acted since),
 * UNDO_EXPIRED after the time, and UNDO_CONFLICT once the ticket changed elsewhere (e.g. another
 * counter called the transferred visitor).
 */
export function undoLast(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
): Result<Outcome<Ticket>> {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const record = state.counters[counterId]?.undo;
  if (!record) return fail('NOTHING_TO_UNDO');
  if (!pendingUndo(state, office, counterId, now)) return fail('UNDO_EXPIRED');
  const live = state.tickets.find((t) => t.id === record.before.id);
  if (!live || !sameTicket(live, record.after)) return fail('UNDO_CONFLICT');
  const elsewhere = Object.values(state.counters).some(
    (c) => c.counterId !== counterId && c.currentTicketId === record.before.id,
  );
  if (elsewhere) return fail('UNDO_CONFLICT');
  let next = replaceTicket(state, record.before);
  if (record.sample) {
    const { concernId, minutes } = record.sample;
    const samples = [...(next.serviceMinutes[concernId] ?? [])];
    const k = samples.lastIndexOf(minutes);
    if (k >= 0) samples.splice(k, 1);
    next = { ...next, serviceMinutes: { ...next.serviceMinutes, [concernId]: samples } };
  }
  const counter: CounterState = { ...record.counterBefore };
  next = setCounter(next, counter);
  return ok({
    state: next,
    events: [
      { type: 'ticket-changed', ticket: record.before },
      { type: 'counter-changed', counter },
    ],
    value: record.before,
  });
}

/**
 * The counter's called visitor goes back to the line without being served (the clerk leaves the
 * counter, or an admin frees a number left at a closed counter): the ticket waits again with its
 * arrival time, so it is near the front, and its unanswered calls count from zero.
 */
export function requeue(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
): Result<Outcome<Ticket>> {
  void now;
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const ticket = currentTicket(state, counterId);
  if (!ticket) return fail('NO_CURRENT_TICKET');
  const waiting: Ticket = patchCurrentPart({ ...ticket, status: 'waiting', callCount: 0 }, { status: 'waiting' });
  delete waiting.counterId;
  delete waiting.calledAt;
  delete waiting.servedAt;
  return ok(leaveCounter(state, counterId, waiting));
}

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
