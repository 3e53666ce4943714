/**
 * Wait estimates: from recent service times per concern and the counters open for it.
 *
 * The estimate runs the policy forward (`core/policy.ts`): every open counter becomes free when
 * its current visitor is expected to be done (expected service time minus the time already spent,
 * but at least a quarter of it), and then calls whom the policy would pick at that moment among
 * the waiting tickets; it is busy for the concern's expected time per visitor. A ticket's estimate
 * is the moment it would be called, minus now. Paused and closed counters do not count; a concern
 * no open counter serves is estimated as if one counter were open for it alone.
 *
 * Expected time per visitor = mean of the concern's recent service times (at least 3, else its
 * configured `serviceMinutes`, else 8 minutes) plus, when clerks use "start", the mean time from
 * call to start of today's visitors (walking to the counter).
 *
 * Booked appointments whose visitor has not checked in yet (`expected`) are foreseen: each is
 * assumed to arrive by its lead time and takes a counter like a checked-in appointment holder;
 * one already past its late limit is assumed not to come.
 *
 * Known limits: walk-ins who arrive later are not foreseen (a heavier concern may still go
 * first), appointment holders are treated as due from their lead time on, an appointment booked
 * for a counter is not kept for it, and nobody is assumed to miss their call.
 *
 * Cost: one forward pass, O(waiting x counters), gives every ticket's and every concern's estimate.
 *
 * Over 400 lines: the forward pass, the newcomers it carries and the candidate bookkeeping that
 * keeps it from allocating per step are one algorithm, read (and property-tested) together.
 */
import { openPlaces } from './open-tickets.ts';
import {
  compareRanks,
  orderIndexesForCounter,
  type Rank,
  type RankSlot,
  rankInto,
  setRank,
  walkInTurn,
} from './policy.ts';
import { currentTicket } from './queue-state.ts';
import { TicketEstimates } from './ticket-estimates.ts';
import type { Appointment, Counter, DayState, OfficeConfig, Ticket } from './types.ts';

/** A booked appointment the estimates foresee (not checked in yet). */
export type ExpectedAppointment = Pick<Appointment, 'id' | 'concernId' | 'start'>;

export const DEFAULT_SERVICE_MINUTES = 8;
const MINUTE = 60_000;
/** A visitor who takes longer than expected is assumed to need at least this share more. */
const MIN_REMAINING_SHARE = 0.25;
const WALK_UP_SAMPLES = 20;
/**
 * How far back the walk-up samples are looked for. In an office whose clerks do not press
 * "start" there are none, and a search through the whole day ran after every change (a tenth of
 * a millisecond per thousand tickets of the day).
 */
const WALK_UP_SCAN = 500;
/** Id prefix of a foreseen (booked, not yet arrived) appointment in the forward pass. */
const FORESEEN = '\u0000ap-';

export interface ConcernEstimate {
  concernId: string;
  count: number;
  estimatedWaitMinutes: number;
}

/** Mean of the recent service times of a concern, or its configured expectation. */
export function serviceMinutesFor(state: DayState, office: OfficeConfig, concernId: string): number {
  const samples = state.serviceMinutes[concernId] ?? [];
  if (samples.length >= 3) return samples.reduce((a, b) => a + b, 0) / samples.length;
  const configured = office.concerns.find((c) => c.id === concernId)?.serviceMinutes;
  return configured ?? DEFAULT_SERVICE_MINUTES;
}

/**
 * Mean minutes from call to start of service of today's most recent started visitors, among the
 * day's last WALK_UP_SCAN tickets (0 if none).
 */
export function walkUpMinutes(state: DayState): number {
  let n = 0;
  let sum = 0;
  const from = Math.max(0, state.tickets.length - WALK_UP_SCAN);
  for (let i = state.tickets.length - 1; i >= from && n < WALK_UP_SAMPLES; i--) {
    const t = state.tickets[i] as Ticket;
    if (t.servedAt === undefined || t.calledAt === undefined || t.servedAt < t.calledAt) continue;
    sum += (t.servedAt - t.calledAt) / MINUTE;
    n++;
  }
  return n ? sum / n : 0;
}

interface SimCounter {
  counter: Counter;
  freeAt: number;
  streak: number;
}

/**
 * Per concern: walk-ins in arrival order, and appointment holders by slot. A ticket in a line is
 * its index in the pass (see `forward`), also the policy's last tie-breaker (issue order): plain
 * numbers, not an object per ticket, as the pass runs after every change.
 */
interface Line {
  walkIns: number[];
  nextWalkIn: number;
  appointments: number[];
  nextAppointment: number;
}

/** Appointment holders already past the late limit wait as walk-ins by check-in time. */
function addEntry(line: Line, index: number, ticket: Ticket, now: number, late: number): void {
  const { appointmentAt } = ticket;
  if (appointmentAt !== undefined && now <= appointmentAt + late) line.appointments.push(index);
  else line.walkIns.push(index);
}

/** A walk-in of `concernId` arriving now (the concern's estimate is when they would be called). */
function newcomerTicket(concernId: string, day: string, now: number): Ticket {
  return {
    id: `\u0000newcomer-${concernId}`,
    token: '',
    number: '',
    concernId,
    day,
    status: 'waiting',
    language: 'de',
    issuedAt: now,
    source: 'kiosk',
    callCount: 0,
  };
}

/**
 * The ticket a simulated counter would call next, among the heads of its lines: one object per
 * pass, reused, with two rank slots swapped as candidates win (the pass ranks thousands of heads).
 */
interface Candidate {
  /** The ticket's index in the pass; -1: none yet. */
  entry: number;
  rank: RankSlot;
  /** Where the next head is ranked; becomes `rank` when that head wins. */
  spare: RankSlot;
  line: Line | undefined;
  appointment: boolean;
}

/**
 * Whether the policy calls `entry` (rank `rank`) before the current best. With interleaving due
 * (`walkInsFirst`), a walk-in goes before a due appointment holder whatever their ranks.
 * (A plain function, not a closure in the loop: the forward pass runs it thousands of times.)
 */
function beats(best: Candidate, entry: number, rank: Rank, walkInsFirst: boolean): boolean {
  const current = best.entry;
  if (current < 0) return true;
  const aPriority = rank[0] === 0;
  const bPriority = best.rank[0] === 0;
  if (walkInsFirst && aPriority !== bPriority) return !aPriority;
  return (compareRanks(rank, best.rank) || entry - current) < 0;
}

function clear(best: Candidate): void {
  best.entry = -1;
  best.line = undefined;
}

/** The head ranked in `best.spare` is called before the current best: it becomes the best. */
function consider(best: Candidate, entry: number, line: Line, appointment: boolean, walkInsFirst: boolean): void {
  const rank = best.spare;
  if (!beats(best, entry, rank, walkInsFirst)) return;
  best.spare = best.rank;
  best.rank = rank;
  best.entry = entry;
  best.line = line;
  best.appointment = appointment;
}

/**
 * Runs the open counters forward over the waiting tickets and returns the instant each ticket
 * would be called (by its place in `waiting`; NaN: not called), and for each of `newcomerConcerns` the instant a walk-in of that concern
 * arriving now would be called.
 *
 * All newcomers in one pass: a pass with a newcomer of concern c runs exactly like the pass
 * without it until the newcomer is called (it stands behind every c ticket, so it only counts
 * once a counter serving c finds c's other tickets all called); at that step it is called if
 * the policy prefers it to the ticket the counter calls in the plain pass. So the plain pass
 * checks at each such step whether the newcomer would win, notes the instant, and goes on.
 * `core/estimate.property.test.ts` checks this against estimates with a real ticket added.
 */
function forward(
  waiting: readonly Ticket[],
  state: DayState,
  office: OfficeConfig,
  now: number,
  newcomerConcerns: readonly string[],
  expected: readonly ExpectedAppointment[] = [],
): { calledAt: Float64Array; newcomerAt: Map<string, number> } {
  const lead = office.policy.appointmentLeadMinutes * MINUTE;
  const late = office.policy.appointmentLateMinutes * MINUTE;
  const walkUp = walkUpMinutes(state) * MINUTE;
  const perVisitor = new Map<string, number>();
  const serviceOf = (concernId: string): number => {
    let ms = perVisitor.get(concernId);
    if (ms === undefined) {
      ms = serviceMinutesFor(state, office, concernId) * MINUTE;
      perVisitor.set(concernId, ms);
    }
    return ms;
  };

  const lines = new Map<string, Line>();
  const lineOf = (concernId: string): Line => {
    let line = lines.get(concernId);
    if (!line) {
      line = { walkIns: [], nextWalkIn: 0, appointments: [], nextAppointment: 0 };
      lines.set(concernId, line);
    }
    return line;
  };
  const arrived = new Set(expected.length ? state.tickets.map((t) => t.appointmentId) : []);
  const foreseen: Ticket[] = expected
    .filter((a) => !arrived.has(a.id) && a.start + late >= now)
    .map((a) => ({
      id: `${FORESEEN}${a.id}`,
      token: '',
      number: '',
      concernId: a.concernId,
      day: state.day,
      status: 'waiting',
      language: 'de',
      issuedAt: Math.max(now, a.start - lead),
      source: 'kiosk',
      callCount: 0,
      appointmentAt: a.start,
    }));
  // Newcomers stand after every waiting ticket (index `waiting.length`) and before foreseen ones;
  // their lines exist from the start, as in a pass with the newcomer among the tickets.
  const newcomers = new Map<string, Ticket>();
  for (const concernId of newcomerConcerns) newcomers.set(concernId, newcomerTicket(concernId, state.day, now));
  const newcomerIndex = waiting.length;
  /** The ticket of a line's index: a waiting one, or a foreseen one after the newcomers' index. */
  const ticketAt = (index: number): Ticket =>
    (index < newcomerIndex ? waiting[index] : foreseen[index - newcomerIndex - 1]) as Ticket;
  for (let i = 0; i < waiting.length; i++) {
    const ticket = waiting[i] as Ticket;
    addEntry(lineOf(ticket.concernId), i, ticket, now, late);
  }
  for (const concernId of newcomerConcerns) lineOf(concernId);
  for (let i = 0; i < foreseen.length; i++) {
    const ticket = foreseen[i] as Ticket;
    addEntry(lineOf(ticket.concernId), newcomerIndex + 1 + i, ticket, now, late);
  }
  const byArrival = (a: number, b: number) => ticketAt(a).issuedAt - ticketAt(b).issuedAt || a - b;
  const bySlot = (a: number, b: number) =>
    (ticketAt(a).appointmentAt ?? 0) - (ticketAt(b).appointmentAt ?? 0) || byArrival(a, b);
  for (const line of lines.values()) {
    sortUnlessInOrder(line.walkIns, byArrival);
    sortUnlessInOrder(line.appointments, bySlot);
  }

  const counters: SimCounter[] = [];
  const covered = new Set<string>();
  for (const counter of office.counters) {
    const cs = state.counters[counter.id];
    if (cs?.status !== 'open') continue;
    for (const id of counter.concernIds) covered.add(id);
    let freeAt = now;
    const current = currentTicket(state, counter.id);
    if (current) {
      const service = serviceOf(current.concernId);
      const expectedEnd =
        current.servedAt !== undefined ? current.servedAt + service : (current.calledAt ?? now) + walkUp + service;
      freeAt = Math.max(expectedEnd, now + MIN_REMAINING_SHARE * service);
    }
    counters.push({ counter, freeAt, streak: cs.priorityStreak ?? 0 });
  }
  // A line no open counter serves: as if one counter were open for it alone.
  for (const concernId of lines.keys()) {
    if (covered.has(concernId)) continue;
    counters.push({ counter: { id: `~${concernId}`, name: '', concernIds: [concernId] }, freeAt: now, streak: 0 });
  }

  const calledAt = new Float64Array(waiting.length).fill(Number.NaN);
  const newcomerAt = new Map<string, number>();
  const best: Candidate = {
    entry: -1,
    rank: [0, 0, 0, 0],
    spare: [0, 0, 0, 0],
    line: undefined,
    appointment: false,
  };
  const newcomerRank: RankSlot = [0, 0, 0, 0];
  // Foreseen appointments take counters' time; the pass ends once every real ticket and every
  // newcomer is called (or no counter is left).
  let left = waiting.length;
  while ((left > 0 || newcomers.size > 0) && counters.length > 0) {
    // The counter that is free first (ties: configuration order) calls next.
    let ci = 0;
    for (let i = 1; i < counters.length; i++) {
      if ((counters[i] as SimCounter).freeAt < (counters[ci] as SimCounter).freeAt) ci = i;
    }
    const sim = counters[ci] as SimCounter;
    const t = sim.freeAt;
    const walkInsFirst = walkInTurn(office, { priorityStreak: sim.streak });
    clear(best);
    let wakeUp = Number.POSITIVE_INFINITY;
    const concernIds = sim.counter.concernIds;
    for (let preference = 0; preference < concernIds.length; preference++) {
      const line = lines.get(concernIds[preference] as string);
      if (!line) continue;
      const walkIn = line.walkIns[line.nextWalkIn];
      if (walkIn !== undefined) {
        rankInto(best.spare, ticketAt(walkIn), preference, office, t);
        consider(best, walkIn, line, false, walkInsFirst);
      }
      const appointment = line.appointments[line.nextAppointment];
      if (appointment !== undefined) {
        const holder = ticketAt(appointment);
        const dueFrom = (holder.appointmentAt ?? 0) - lead;
        if (t >= dueFrom) {
          // Treated as due until called (a counter serving the line calls them first anyway).
          setRank(best.spare, 0, holder.appointmentAt ?? 0, holder.issuedAt, 0);
          consider(best, appointment, line, true, walkInsFirst);
        } else {
          wakeUp = Math.min(wakeUp, dueFrom);
        }
      }
    }
    if (newcomers.size > 0) {
      for (let preference = 0; preference < concernIds.length; preference++) {
        const concernId = concernIds[preference] as string;
        const newcomer = newcomers.get(concernId);
        const line = lines.get(concernId) as Line;
        if (!newcomer || line.nextWalkIn < line.walkIns.length) continue;
        if (beats(best, newcomerIndex, rankInto(newcomerRank, newcomer, preference, office, t), walkInsFirst)) {
          newcomerAt.set(concernId, t);
          newcomers.delete(concernId);
        }
      }
    }
    const { entry, line, appointment } = best;
    if (entry < 0 || !line) {
      if (wakeUp === Number.POSITIVE_INFINITY) counters.splice(ci, 1);
      else sim.freeAt = wakeUp;
      continue;
    }
    if (appointment) line.nextAppointment++;
    else line.nextWalkIn++;
    if (entry < newcomerIndex) {
      left--;
      calledAt[entry] = t;
    }
    sim.streak = appointment ? sim.streak + 1 : 0;
    sim.freeAt = t + walkUp + serviceOf(ticketAt(entry).concernId);
  }
  return { calledAt, newcomerAt };
}

/**
 * Sorts `list` unless it is in order already: the day's list is in arrival order nearly always,
 * and a sort copies the whole list first, after every change.
 */
function sortUnlessInOrder(list: number[], compare: (a: number, b: number) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1] as number, list[i] as number) > 0) {
      list.sort(compare);
      return;
    }
  }
}

/**
 * Estimates for every waiting ticket and every concern.
 * `waitingAhead` is the ticket's position in the order of the best counter for it (the one where
 * it stands furthest ahead); `estimatedWaitMinutes` comes from running the counters forward
 * (see the header). A concern's estimate is the wait of a walk-in who would arrive now.
 * Parked tickets get 0 and 0: they are called by number when they are back.
 */
export function estimateAll(
  state: DayState,
  office: OfficeConfig,
  now: number,
  expected: readonly ExpectedAppointment[] = [],
): { tickets: TicketEstimates; concerns: ConcernEstimate[] } {
  // One pass over the open tickets (the day holds every ticket since the morning).
  const waiting: Ticket[] = [];
  const parked: string[] = [];
  for (const i of openPlaces(state.tickets)) {
    const t = state.tickets[i] as Ticket;
    if (t.status !== 'waiting') continue;
    if (t.parked === true) parked.push(t.id);
    else waiting.push(t);
  }
  /** Per place in `waiting`: the best place in any counter's order (-1: no counter can call it yet). */
  const position = new Int32Array(waiting.length).fill(-1);
  // Counters that serve the same concerns in the same order, are in the same interleave turn
  // and that no ticket names (sent there, booked there) see the same order: sorted once.
  const named = new Set<string>();
  for (const t of waiting) {
    if (t.forCounterId !== undefined) named.add(t.forCounterId);
    if (t.bookedCounterId !== undefined) named.add(t.bookedCounterId);
  }
  const sorted = new Set<string>();
  for (const counter of office.counters) {
    const context = { priorityStreak: state.counters[counter.id]?.priorityStreak ?? 0 };
    if (!named.has(counter.id)) {
      const key = `${walkInTurn(office, context) ? 1 : 0}\u0001${counter.concernIds.join('\u0001')}`;
      if (sorted.has(key)) continue;
      sorted.add(key);
    }
    const order = orderIndexesForCounter(waiting, counter, office, now, context);
    for (let place = 0; place < order.length; place++) {
      const i = order[place] as number;
      const best = position[i] as number;
      if (best < 0 || place < best) position[i] = place;
    }
  }
  const estimated = office.concerns.filter((c) => !c.infoUrl).map((c) => c.id);
  const { calledAt, newcomerAt } = forward(waiting, state, office, now, estimated, expected);
  const minutesUntil = (at: number | undefined): number =>
    at === undefined || Number.isNaN(at) ? 0 : Math.max(0, Math.round((at - now) / MINUTE));
  const counts = new Map<string, number>();
  const minutes = new Int32Array(waiting.length);
  let earlier: Map<string, number> | undefined;
  for (let i = 0; i < waiting.length; i++) {
    const t = waiting[i] as Ticket;
    if ((position[i] as number) < 0) {
      earlier ??= sameConcernAhead(waiting);
      position[i] = earlier.get(t.id) ?? 0;
    }
    minutes[i] = minutesUntil(calledAt[i]);
    counts.set(t.concernId, (counts.get(t.concernId) ?? 0) + 1);
  }
  const concerns = estimated.map((concernId) => ({
    concernId,
    count: counts.get(concernId) ?? 0,
    estimatedWaitMinutes: minutesUntil(newcomerAt.get(concernId)),
  }));
  return { tickets: new TicketEstimates(waiting, position, minutes, parked), concerns };
}

/**
 * For tickets no counter can call yet (an early appointment holder, a concern no open counter
 * serves): the people of the same concern who came before them. Sorted once, not counted per
 * ticket (a day with every counter closed would otherwise cost waiting² steps).
 */
function sameConcernAhead(waiting: readonly Ticket[]): Map<string, number> {
  const byConcern = new Map<string, Ticket[]>();
  for (const t of waiting) {
    const line = byConcern.get(t.concernId);
    if (line) line.push(t);
    else byConcern.set(t.concernId, [t]);
  }
  const ahead = new Map<string, number>();
  for (const line of byConcern.values()) {
    line.sort((a, b) => a.issuedAt - b.issuedAt);
    let before = 0;
    for (let i = 0; i < line.length; i++) {
      const t = line[i] as Ticket;
      if (i > 0 && t.issuedAt > (line[i - 1] as Ticket).issuedAt) before = i;
      ahead.set(t.id, before);
    }
  }
  return ahead;
}
