/**
 * Queue policy: who a counter calls next. This header is the one place the rules are written
 * down; `core/queue.ts` applies them, `core/estimate.ts` predicts with them, and the property
 * tests in `core/policy.property.test.ts` check them over thousands of random days.
 *
 * Everything here is pure: the order depends only on the tickets, the counter, the office
 * configuration, the instant and the counter's interleave streak, never on the array order of the
 * tickets or on the clock.
 *
 * CONFIGURATION (office JSON; defaults in brackets)
 *   counters[].concernIds        concerns a counter serves, in its order of preference.
 *   concerns[].weight      [1]   each minute a walk-in of this concern waits counts `weight` times.
 *   concerns[].dailyQuota  [-]   kiosk tickets per local day (staff and appointment check-ins may
 *                                exceed it; see `issueTicket`).
 *   concerns[].serviceMinutes    expected service time until real ones are known (estimates).
 *   policy.appointmentLeadMinutes [10]  an appointment holder is "due" from this long before the
 *                                slot; before that, call-next skips them (a clerk may still call
 *                                them by number).
 *   policy.appointmentLateMinutes [15]  ...and stays due until this long after the slot; later,
 *                                they wait as a walk-in by their check-in time.
 *   policy.maxWaitMinutes  [60]  aging: a walk-in who has waited this long is "aged" and goes
 *                                before every walk-in who has not, whatever the weights and
 *                                preferences.
 *   policy.maxCalls         [3]  calls (first call + recalls) without showing up; the next recall
 *                                makes the ticket a no-show instead of announcing it again.
 *   policy.priorityInterleave [0]  N:1 interleaving: after N due appointment holders in a row at
 *                                one counter, that counter calls one walk-in if one waits for it.
 *                                0 = due appointment holders always go first.
 *   policy.appointmentCheckinMinutes [60]  the kiosk checks an appointment holder in from this
 *                                long before the slot (and during appointment hours even when
 *                                walk-in hours are closed).
 *   policy.appointmentGraceMinutes [5]  an appointment booked for a counter is called by that
 *                                counter only, until this long after its slot; then by every
 *                                counter serving its concern.
 *   policy.undoSeconds     [15]  how long a clerk may take back a no-show, completion or
 *                                transfer ("Rückgängig"; see `undoLast` in `core/queue.ts`).
 *   appointmentHours  [openingHours]  when appointments are given; closed days of the opening
 *                                hours apply too.
 *   concerns[].appointmentOnly [false]  walk-in tickets are refused (APPOINTMENT_ONLY).
 *   concerns[].slotMinutes [serviceMinutes rounded up to 5, else 15]  length of a slot.
 *   concerns[].slotCapacity [1]  places per slot (visitors seen at once).
 *   policy.preferenceMinutes [0]  each step down a counter's list of concerns costs a walk-in this
 *                                many minutes of (weighted) waiting at that counter; 0 = the order
 *                                of preference only breaks ties.
 *
 * CALLABLE: a ticket is callable by a counter when it is waiting, not parked, its concern is one
 * the counter serves, it is not an appointment holder who came before the lead time, and it is
 * not RESERVED for another counter: an appointment booked for counter X is reserved for X until
 * appointmentGraceMinutes after its slot; a visitor transferred to counter X (`forCounterId`) is
 * reserved for X until called; and it is not a number from on the way HELD until its visitor
 * confirms arrival (`core/remote.ts`).
 *
 * ORDER of the callable tickets at a counter:
 *  0. visitors transferred to this very counter, by arrival;
 *  1. due appointment holders (slot within [-lead, +late] of now), earliest slot first, then by
 *     check-in;
 *  2. aged walk-ins (waited >= maxWaitMinutes), longest wait first;
 *  3. all other walk-ins, by the score  waited x weight - preferenceIndex x preferenceMinutes,
 *     highest first; ties by the counter's preference, then by arrival.
 *  Within a class, the order is arrival order: due appointment holders by slot, the walk-ins of
 *  one concern by arrival (`issuedAt`; tickets issued in the same millisecond by issue order).
 *  Late appointment holders are walk-ins with their check-in time as arrival.
 *  Interleaving: when `priorityInterleave` = N > 0 and the counter's streak of due appointment
 *  holders called in a row has reached N, classes 2 and 3 go before class 1 for its next call.
 *
 * GUARANTEES (what the property tests check)
 *  - nobody is called twice: only a waiting ticket can be called, by one counter at a time;
 *  - nobody callable is left behind: call-next finds nobody only when no ticket is callable;
 *  - within a class, call-next calls in arrival order (as above);
 *  - an appointment booked for a counter is called by no other counter before its grace time;
 *  - a due appointment holder goes before every walk-in (with interleaving: unless the counter
 *    has just called N appointment holders in a row and a walk-in waits);
 *  - aging bounds every walk-in's wait: once a walk-in has waited maxWaitMinutes, no counter
 *    that serves it calls a walk-in who arrived after it, so it is overtaken only by older
 *    walk-ins and by due appointment holders (at most N per walk-in call with interleaving).
 *
 * ACTIONS (`core/queue.ts`): call next, call a specific ticket, recall, start service, complete,
 * no-show, transfer to another concern (keeps number and arrival time), park and return,
 * counter open / pause (with a reason) / close. A transferred or returned ticket waits again
 * with its original arrival time, so it is placed fairly in its (new) line.
 */
import { knownOpenPlaces } from './open-tickets.ts';
import { isHeldRemote } from './remote.ts';
import type { Concern, Counter, OfficeConfig, OpeningHours, QueuePolicyConfig, Ticket } from './types.ts';

const MINUTE = 60_000;

/** The office's policy with the optional fields filled in by their defaults (the one place of them). */
export type ResolvedPolicy = QueuePolicyConfig &
  Required<
    Pick<
      QueuePolicyConfig,
      | 'priorityInterleave'
      | 'preferenceMinutes'
      | 'appointmentCheckinMinutes'
      | 'appointmentGraceMinutes'
      | 'undoSeconds'
    >
  >;

export const DEFAULT_CHECKIN_MINUTES = 60;
export const DEFAULT_GRACE_MINUTES = 5;
export const DEFAULT_SLOT_MINUTES = 15;
export const DEFAULT_UNDO_SECONDS = 15;

export function policyOf(office: OfficeConfig): ResolvedPolicy {
  const p = office.policy;
  return {
    ...p,
    priorityInterleave: Math.max(0, Math.floor(p.priorityInterleave ?? 0)),
    preferenceMinutes: Math.max(0, p.preferenceMinutes ?? 0),
    appointmentCheckinMinutes: Math.max(0, p.appointmentCheckinMinutes ?? DEFAULT_CHECKIN_MINUTES),
    appointmentGraceMinutes: Math.max(0, p.appointmentGraceMinutes ?? DEFAULT_GRACE_MINUTES),
    undoSeconds: Math.max(0, p.undoSeconds ?? DEFAULT_UNDO_SECONDS),
  };
}

/** A concern's appointment slots with defaults: length in minutes and places per slot. */
export function slotRulesOf(concern: Concern): { slotMinutes: number; slotCapacity: number } {
  const fromService = concern.serviceMinutes ? Math.ceil(concern.serviceMinutes / 5) * 5 : DEFAULT_SLOT_MINUTES;
  return {
    slotMinutes: Math.max(5, Math.floor(concern.slotMinutes ?? fromService)),
    slotCapacity: Math.max(1, Math.floor(concern.slotCapacity ?? 1)),
  };
}

/** The office's appointment hours (its opening hours when absent); the office's closed days apply too. */
export function appointmentHoursOf(office: OfficeConfig): OpeningHours {
  const own = office.appointmentHours;
  if (!own) return office.openingHours;
  return {
    weekly: own.weekly,
    closedDays: [...new Set([...own.closedDays, ...office.openingHours.closedDays])],
  };
}

/** Whether an appointment holder's ticket is still reserved for another counter than `counter`. */
export function isReservedForOther(ticket: Ticket, counter: Counter, office: OfficeConfig, now: number): boolean {
  if (ticket.forCounterId !== undefined) return ticket.forCounterId !== counter.id;
  if (ticket.bookedCounterId === undefined || ticket.bookedCounterId === counter.id) return false;
  if (ticket.appointmentAt === undefined) return false;
  return now < ticket.appointmentAt + policyOf(office).appointmentGraceMinutes * MINUTE;
}

export function isAppointmentDue(ticket: Ticket, office: OfficeConfig, now: number): boolean {
  if (ticket.appointmentAt === undefined) return false;
  const lead = office.policy.appointmentLeadMinutes * MINUTE;
  const late = office.policy.appointmentLateMinutes * MINUTE;
  return now >= ticket.appointmentAt - lead && now <= ticket.appointmentAt + late;
}

/** An appointment holder who checked in before the lead time: not callable by call-next yet. */
export function isAppointmentEarly(ticket: Ticket, office: OfficeConfig, now: number): boolean {
  return (
    ticket.appointmentAt !== undefined && now < ticket.appointmentAt - office.policy.appointmentLeadMinutes * MINUTE
  );
}

/** Whether call-next at `counter` may call `ticket` at `now` (see CALLABLE above). */
export function isCallable(ticket: Ticket, counter: Counter, office: OfficeConfig, now: number): boolean {
  return (
    ticket.status === 'waiting' &&
    ticket.parked !== true &&
    counter.concernIds.includes(ticket.concernId) &&
    !isAppointmentEarly(ticket, office, now) &&
    !isReservedForOther(ticket, counter, office, now) &&
    !isHeldRemote(ticket, office)
  );
}

/** What the counter knows about its own recent calls (see `priorityInterleave`). */
export interface CallContext {
  /** Due appointment holders this counter called in a row since its last walk-in. */
  priorityStreak?: number;
}

/** The streak after calling `ticket` at `now`: one more for a due appointment holder, else 0. */
export function nextPriorityStreak(streak: number, ticket: Ticket, office: OfficeConfig, now: number): number {
  return isAppointmentDue(ticket, office, now) ? streak + 1 : 0;
}

/**
 * Sort key of a callable ticket at a counter (smaller goes first); `preferenceIndex` is the
 * position of the ticket's concern in the counter's list. Shared with the wait estimates.
 */
export type Rank = readonly [number, number, number, number];
/** A rank being written (see `rankInto`). */
export type RankSlot = [number, number, number, number];

/** The rank, written into `out` (the loops that rank thousands of tickets allocate none). */
export function rankInto(
  out: RankSlot,
  ticket: Ticket,
  preferenceIndex: number,
  office: OfficeConfig,
  now: number,
): Rank {
  if (isAppointmentDue(ticket, office, now)) return setRank(out, 0, ticket.appointmentAt ?? 0, ticket.issuedAt, 0);
  const waited = now - ticket.issuedAt;
  if (waited >= office.policy.maxWaitMinutes * MINUTE) return setRank(out, 1, ticket.issuedAt, 0, 0);
  const weight = office.concerns.find((c) => c.id === ticket.concernId)?.weight ?? 1;
  const preference = preferenceIndex * (office.policy.preferenceMinutes ?? 0) * MINUTE;
  return setRank(out, 2, -(waited * weight - preference), preferenceIndex, ticket.issuedAt);
}

export function setRank(out: RankSlot, a: number, b: number, c: number, d: number): Rank {
  out[0] = a;
  out[1] = b;
  out[2] = c;
  out[3] = d;
  return out;
}

/** Negative when `a` goes before `b`. */
export function compareRanks(a: Rank, b: Rank): number {
  return compareRanksAt(a, 0, b, 0);
}

/** `compareRanks` of the ranks stored at `a[ai..ai+3]` and `b[bi..bi+3]`. */
function compareRanksAt(a: ArrayLike<number>, ai: number, b: ArrayLike<number>, bi: number): number {
  for (let i = 0; i < 4; i++) {
    const d = (a[ai + i] as number) - (b[bi + i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether interleaving puts walk-ins before due appointment holders for this counter's next call. */
export function walkInTurn(office: OfficeConfig, context?: CallContext): boolean {
  const n = Math.floor(office.policy.priorityInterleave ?? 0);
  return n > 0 && (context?.priorityStreak ?? 0) >= n;
}

/**
 * The tickets a counter may call: their places in the list they came from (`at`) and their ranks,
 * four numbers each, flat (`ranks[4k..4k+3]` is the rank of `at[k]`): orders are computed for
 * every waiting ticket many times a second, so without an object per ticket.
 */
interface Callable {
  /** Places in `tickets` of the callable ones (the first `count` entries). */
  at: Int32Array;
  /** Their ranks, four numbers each. */
  ranks: Float64Array;
  count: number;
}

/**
 * Scratch space of `callableFor`, reused from call to call and grown by doubling: the estimates
 * run it per counter after every change (arrays grown per call were a third of the memory a
 * ticket issue allocated; arrays sized for the whole day cost a busy day's calls a third of
 * their speed). Safe to share: every caller is done with a `Callable` before the next one is
 * made (no await in between).
 */
let scratchAt = new Int32Array(256);
let scratchRanks = new Float64Array(4 * 256);

/** The tickets this counter may call and their ranks (valid until the next call). */
function callableFor(tickets: readonly Ticket[], counter: Counter, office: OfficeConfig, now: number): Callable {
  const serves = new Map(counter.concernIds.map((id, i) => [id, i]));
  const rank: RankSlot = [0, 0, 0, 0];
  let count = 0;
  // Only the open tickets of a day's list (most of a long day's are done); any other list
  // (the estimates' waiting ones) is looked through as it is.
  const open = knownOpenPlaces(tickets);
  const n = open ? open.length : tickets.length;
  for (let k = 0; k < n; k++) {
    const i = open ? (open[k] as number) : k;
    const t = tickets[i] as Ticket;
    if (t.status !== 'waiting') continue;
    const preference = serves.get(t.concernId);
    if (preference === undefined || !isCallable(t, counter, office, now)) continue;
    rankInto(rank, t, preference, office, now);
    if (count === scratchAt.length) {
      const at = new Int32Array(2 * count);
      at.set(scratchAt);
      scratchAt = at;
      const ranks = new Float64Array(8 * count);
      ranks.set(scratchRanks);
      scratchRanks = ranks;
    }
    scratchAt[count] = i;
    scratchRanks.set(rank, 4 * count);
    count++;
  }
  return { at: scratchAt, ranks: scratchRanks, count };
}

/** The counter's order over `callable.at`'s indexes: negative when `a` is called before `b` (total: no two tie). */
function counterComparator(
  tickets: readonly Ticket[],
  { at, ranks }: Callable,
  counter: Counter,
  office: OfficeConfig,
  context?: CallContext,
) {
  const walkInsFirst = walkInTurn(office, context);
  return (a: number, b: number): number => {
    const ia = at[a] as number;
    const ib = at[b] as number;
    // Sent to this counter by a colleague: before everybody else (class 0 of ORDER).
    const sentA = (tickets[ia] as Ticket).forCounterId === counter.id;
    if (sentA !== ((tickets[ib] as Ticket).forCounterId === counter.id)) return sentA ? -1 : 1;
    const dueA = ranks[4 * a] === 0;
    if (walkInsFirst && dueA !== (ranks[4 * b] === 0)) return dueA ? 1 : -1;
    // Same rank: the order of issue (tickets are kept in the order they were issued).
    return compareRanksAt(ranks, 4 * a, ranks, 4 * b) || ia - ib;
  };
}

/** The places (in `tickets`) of the callable tickets for this counter, in the order the counter would call them. */
export function orderIndexesForCounter(
  tickets: readonly Ticket[],
  counter: Counter,
  office: OfficeConfig,
  now: number,
  context?: CallContext,
): number[] {
  const callable = callableFor(tickets, counter, office, now);
  const order: number[] = new Array(callable.count);
  for (let k = 0; k < callable.count; k++) order[k] = k;
  order.sort(counterComparator(tickets, callable, counter, office, context));
  for (let k = 0; k < order.length; k++) order[k] = callable.at[order[k] as number] as number;
  return order;
}

/** Callable tickets for this counter, in the order the counter would call them. */
export function orderForCounter(
  tickets: readonly Ticket[],
  counter: Counter,
  office: OfficeConfig,
  now: number,
  context?: CallContext,
): Ticket[] {
  return orderIndexesForCounter(tickets, counter, office, now, context).map((i) => tickets[i] as Ticket);
}

/** The ticket the counter calls next, or undefined when nobody is callable for it. */
export function pickNext(
  tickets: readonly Ticket[],
  counter: Counter,
  office: OfficeConfig,
  now: number,
  context?: CallContext,
): Ticket | undefined {
  // The first of `orderForCounter`, found in one pass instead of sorting everybody.
  const callable = callableFor(tickets, counter, office, now);
  const compare = counterComparator(tickets, callable, counter, office, context);
  let first = -1;
  for (let k = 0; k < callable.count; k++) if (first < 0 || compare(k, first) < 0) first = k;
  return first < 0 ? undefined : tickets[callable.at[first] as number];
}
