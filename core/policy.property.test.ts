/**
 * Property-based tests of the queue policy (the rules in the header of `core/policy.ts`) over
 * random office days: random policy settings, arrivals with and without appointments, and every
 * clerk action (call next, call by number, recall, start, complete, no-show, transfer, park and
 * return, pause/close/open), with time passing in between.
 *
 * The expectations are computed here from the written rules, with a brute-force look at all
 * tickets, not with the functions of `core/policy.ts`.
 *
 * Over 400 lines: one property suite of one unit; each brute-force oracle stands beside the
 * property it checks (split, they would have to be exported and read apart from their rule).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDay } from './localtime.ts';
import {
  callNext,
  callSpecific,
  type DomainEvent,
  emptyDay,
  issueTicket,
  type Outcome,
  park,
  returnParked,
  setCounterStatus,
  transfer,
} from './queue.ts';
import type { Result } from './result.ts';
import { at, deepFreeze, MINUTE, makeOffice } from './test-fixtures.ts';
import { counterActions } from './test-queue-sim.ts';
import type { Counter, CounterStatus, DayState, OfficeConfig, Ticket } from './types.ts';

/** Random days per property; four properties, so several thousand days per run of this file. */
const NUM_RUNS = 700;
const DAY_LENGTH = { minLength: 5, maxLength: 70, size: 'max' } as const;
const START = '2026-03-02T08:00:00Z'; // Monday 09:00 in Berlin

/** Demo office without its info-only concern: 5 concerns, 4 counters with overlapping concerns. */
const base = makeOffice((o) => {
  o.concerns = o.concerns.filter((c) => !c.infoUrl);
});
const CONCERNS = base.concerns.length;

interface PolicySettings {
  lead: number;
  late: number;
  maxWait: number;
  maxCalls: number;
  interleave: number;
  preference: number;
  grace: number;
  weights: number[];
}

const settingsArb = (options: { interleave: fc.Arbitrary<number> }) =>
  fc.record<PolicySettings>({
    lead: fc.integer({ min: 0, max: 20 }),
    late: fc.integer({ min: 0, max: 20 }),
    maxWait: fc.integer({ min: 5, max: 90 }),
    maxCalls: fc.integer({ min: 1, max: 3 }),
    interleave: options.interleave,
    preference: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
    grace: fc.integer({ min: 0, max: 30 }),
    weights: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: CONCERNS, maxLength: CONCERNS }),
  });

function officeWith(s: PolicySettings, counters?: Counter[]): OfficeConfig {
  const office = structuredClone(base);
  office.policy = {
    appointmentLeadMinutes: s.lead,
    appointmentLateMinutes: s.late,
    maxWaitMinutes: s.maxWait,
    maxCalls: s.maxCalls,
    priorityInterleave: s.interleave,
    preferenceMinutes: s.preference,
    appointmentGraceMinutes: s.grace,
  };
  office.concerns.forEach((c, i) => {
    c.weight = s.weights[i] ?? 1;
  });
  if (counters) office.counters = counters;
  return deepFreeze(office);
}

type Action =
  | { kind: 'arrive'; concern: number; dt: number; appointmentIn: number | null; bookedFor: number | null }
  | { kind: 'call' | 'recall' | 'start' | 'complete' | 'noShow' | 'park'; counter: number }
  | { kind: 'callSpecific'; counter: number; pick: number }
  | { kind: 'return'; pick: number }
  | { kind: 'transfer'; counter: number; concern: number }
  | { kind: 'status'; counter: number; status: CounterStatus }
  | { kind: 'advance'; minutes: number };

const counterIx = fc.nat({ max: 3 });
const concernIx = fc.nat({ max: CONCERNS - 1 });
/** With `booked`, some appointments are booked for one counter (it calls them first). */
const arrival = (appointments: boolean, booked = false) =>
  fc.record({
    kind: fc.constant('arrive' as const),
    concern: concernIx,
    dt: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 * MINUTE })),
    appointmentIn: appointments
      ? fc.option(fc.integer({ min: -30, max: 90 }), { freq: 3, nil: null })
      : fc.constant<number | null>(null),
    bookedFor: booked ? fc.option(counterIx, { freq: 2, nil: null }) : fc.constant<number | null>(null),
  });
const advance = fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 25 }) });

/** Every clerk action, weighted roughly as a day at the counters would have them. */
const anyAction: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: arrival(true, true) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('call' as const), counter: counterIx }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('callSpecific' as const), counter: counterIx, pick: fc.nat() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('recall' as const), counter: counterIx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('start' as const), counter: counterIx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('complete' as const), counter: counterIx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('noShow' as const), counter: counterIx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('park' as const), counter: counterIx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('transfer' as const), counter: counterIx, concern: concernIx }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      counter: counterIx,
      status: fc.constantFrom<CounterStatus>('open', 'paused', 'closed'),
    }),
  },
  { weight: 3, arbitrary: advance },
);

// ---- the rules, written out independently of core/policy.ts ----

const isEarly = (t: Ticket, o: OfficeConfig, now: number) =>
  t.appointmentAt !== undefined && now < t.appointmentAt - o.policy.appointmentLeadMinutes * MINUTE;
const isDue = (t: Ticket, o: OfficeConfig, now: number) =>
  t.appointmentAt !== undefined &&
  now >= t.appointmentAt - o.policy.appointmentLeadMinutes * MINUTE &&
  now <= t.appointmentAt + o.policy.appointmentLateMinutes * MINUTE;

/** Booked for another counter, which alone calls it until the grace time after its slot. */
const reservedElsewhere = (t: Ticket, counter: Counter, o: OfficeConfig, now: number) =>
  t.bookedCounterId !== undefined &&
  t.bookedCounterId !== counter.id &&
  now < (t.appointmentAt ?? 0) + (o.policy.appointmentGraceMinutes ?? 5) * MINUTE;

/** A check in the hot loop (thousands of steps per run): plain, and it fails with a readable message. */
function must(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Tickets call-next at `counter` may take at `now`. */
function callableAt(state: DayState, counter: Counter, o: OfficeConfig, now: number): Ticket[] {
  return state.tickets.filter(
    (t) =>
      t.status === 'waiting' &&
      !t.parked &&
      counter.concernIds.includes(t.concernId) &&
      !isEarly(t, o, now) &&
      !reservedElsewhere(t, counter, o, now),
  );
}

/** Arrival order: issue time, then the order of issue (the position in `state.tickets`). */
function arrivedBefore(state: DayState, a: Ticket, b: Ticket): boolean {
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt;
  return state.tickets.indexOf(a) < state.tickets.indexOf(b);
}

/** Runs a day, checking every call-next against the rules. */
class Day {
  state: DayState;
  now: number;
  serial = 0;
  /** Interleave streak per counter, kept by this test from the calls it saw. */
  readonly streak = new Map<string, number>();
  /** Non-recall calls and the times a ticket went back to waiting (transfer, park), per ticket. */
  readonly calls = new Map<string, number>();
  readonly requeued = new Map<string, number>();
  /** Every call (not recalls) with the state before it, for properties over the whole day. */
  readonly callLog: { at: number; counterId: string; ticket: Ticket; before: DayState; byNumber: boolean }[] = [];
  private byNumber = false;

  constructor(readonly office: OfficeConfig) {
    this.now = at(START);
    this.state = emptyDay(localDay(this.now, office.timezone));
  }

  private counter(i: number): Counter {
    return this.office.counters[i % this.office.counters.length] as Counter;
  }

  private apply<T>(result: Result<Outcome<T>>): T | undefined {
    if (!result.ok) return undefined;
    this.observe(this.state, result.value.state, result.value.events);
    this.state = result.value.state;
    return result.value.value;
  }

  /** Checks that hold after every step, whatever the action. */
  private observe(before: DayState, after: DayState, events: DomainEvent[]): void {
    for (const e of events) {
      if (e.type !== 'call' || e.call.recall) continue;
      // Nobody is called twice: a call only takes a ticket that was waiting and not at a counter.
      const was = before.tickets.find((t) => t.id === e.ticket.id);
      must(was?.status === 'waiting', () => `${e.ticket.number} called while ${was?.status}`);
      must(
        !Object.values(before.counters).some((c) => c.currentTicketId === e.ticket.id),
        () => `${e.ticket.number} called while at a counter`,
      );
      const n = (this.calls.get(e.ticket.id) ?? 0) + 1;
      this.calls.set(e.ticket.id, n);
      must(n <= 1 + (this.requeued.get(e.ticket.id) ?? 0), () => `${e.ticket.number} called ${n} times`);
      const streak = this.streak.get(e.call.counterId) ?? 0;
      this.streak.set(e.call.counterId, was && isDue(was, this.office, this.now) ? streak + 1 : 0);
      if (was) {
        this.callLog.push({ at: this.now, counterId: e.call.counterId, ticket: was, before, byNumber: this.byNumber });
      }
    }
    const current = Object.values(after.counters).flatMap((c) => (c.currentTicketId ? [c.currentTicketId] : []));
    must(new Set(current).size === current.length, () => `one ticket at two counters: ${current}`);
    for (const c of Object.values(after.counters)) {
      const streak = this.streak.get(c.counterId) ?? 0;
      must((c.priorityStreak ?? 0) === streak, () => `${c.counterId} streak ${c.priorityStreak}, expected ${streak}`);
    }
    for (const t of after.tickets) {
      must(!t.parked || t.status === 'waiting', () => `${t.number} parked while ${t.status}`);
      must(
        t.status !== 'called' || after.counters[t.counterId ?? '']?.currentTicketId === t.id,
        () => `${t.number} called but not current at ${t.counterId}`,
      );
    }
  }

  private requeue(ticketId: string | undefined): void {
    if (ticketId) this.requeued.set(ticketId, (this.requeued.get(ticketId) ?? 0) + 1);
  }

  /** Call-next at counter `c`, checked against the rules. */
  callNext(c: Counter): Ticket | null | undefined {
    const before = this.state;
    const callable = callableAt(before, c, this.office, this.now);
    const streakBefore = this.streak.get(c.id) ?? 0;
    const called = this.apply(callNext(deepFreeze(before), this.office, c.id, this.now));
    if (called === undefined) return undefined;
    if (called === null) {
      // Nobody callable is left behind.
      must(callable.length === 0, () => `nobody called although ${callable.map((t) => t.number)} waited`);
      return null;
    }
    const x = before.tickets.find((t) => t.id === called.id) as Ticket;
    must(callable.includes(x), () => `${x.number} was not callable at ${c.id}`);
    const o = this.office;
    const n = o.policy.priorityInterleave ?? 0;
    const xDue = isDue(x, o, this.now);
    const dueOnes = callable.filter((t) => isDue(t, o, this.now));
    const walkIns = callable.filter((t) => !isDue(t, o, this.now));
    // A due appointment holder always goes first (with N:1 interleaving: unless N in a row).
    must(
      xDue || dueOnes.length === 0 || (n > 0 && streakBefore >= n),
      () => `walk-in ${x.number} before due appointment`,
    );
    must(
      !xDue || walkIns.length === 0 || n === 0 || streakBefore < n,
      () => `appointment ${x.number} after ${n} in a row`,
    );
    if (xDue) {
      // Within the class of due appointment holders: earliest slot first, then arrival.
      for (const y of dueOnes) {
        const earlier =
          (y.appointmentAt ?? 0) < (x.appointmentAt ?? 0) ||
          (y.appointmentAt === x.appointmentAt && arrivedBefore(before, y, x));
        must(!earlier, () => `${y.number} (slot) before ${x.number}`);
      }
    } else {
      // Within the walk-ins of one concern: arrival order.
      for (const y of walkIns) {
        must(y.concernId !== x.concernId || !arrivedBefore(before, y, x), () => `${y.number} before ${x.number}`);
      }
      // Aging: nobody who arrived after an aged walk-in goes before them.
      for (const y of walkIns) {
        if (this.now - y.issuedAt >= o.policy.maxWaitMinutes * MINUTE) {
          must(!arrivedBefore(before, y, x), () => `aged ${y.number} before ${x.number}`);
        }
      }
    }
    return called;
  }

  run(a: Action): void {
    const o = this.office;
    const s = deepFreeze(this.state);
    switch (a.kind) {
      case 'arrive': {
        this.now += a.dt;
        this.serial += 1;
        const id = `t${this.serial}`;
        const concernId = (o.concerns[a.concern % o.concerns.length] as { id: string }).id;
        const appointment =
          a.appointmentIn === null
            ? undefined
            : {
                id: `ap-${id}`,
                code: id,
                concernId,
                start: this.now + a.appointmentIn * MINUTE,
                ...(a.bookedFor === null ? {} : { counterId: this.counter(a.bookedFor).id }),
              };
        this.apply(
          issueTicket(
            s,
            o,
            {
              id,
              token: `tok-${id}`,
              concernId,
              language: 'de',
              source: 'staff',
              ...(appointment ? { appointment } : {}),
            },
            this.now,
          ),
        );
        return;
      }
      case 'call':
        this.callNext(this.counter(a.counter));
        return;
      case 'callSpecific': {
        const c = this.counter(a.counter);
        const candidates = s.tickets.filter((t) => c.concernIds.includes(t.concernId));
        const target = candidates[a.pick % Math.max(1, candidates.length)];
        if (!target) return;
        if (target.status !== 'waiting') {
          // A ticket called elsewhere, done or gone cannot be called again by number.
          const refused = callSpecific(s, o, c.id, target.id, this.now);
          expect(refused.ok ? 'ok' : refused.error).toBe('UNKNOWN_TICKET');
          return;
        }
        this.byNumber = true;
        expect(this.apply(callSpecific(s, o, c.id, target.id, this.now))?.id).toBe(target.id);
        this.byNumber = false;
        return;
      }
      case 'recall':
      case 'start':
      case 'complete':
      case 'noShow':
        this.apply(counterActions[a.kind](s, o, this.counter(a.counter).id, this.now));
        return;
      case 'park': {
        const c = this.counter(a.counter);
        const parked = this.apply(park(s, o, c.id, this.now));
        if (!parked) return;
        must(parked.parked === true && parked.status === 'waiting', () => `${parked.number} not parked`);
        this.requeue(parked.id);
        return;
      }
      case 'return': {
        const target = s.tickets[a.pick % Math.max(1, s.tickets.length)];
        if (!target) return;
        // "Ist zurück" at the counter that parked the visitor: service resumes there when it is free.
        const counterId = target.parkedBy ?? this.counter(0).id;
        const returned = returnParked(s, o, counterId, target.id, this.now);
        const free = s.counters[counterId]?.currentTicketId === undefined;
        expect(returned.ok).toBe(target.parked === true && free);
        const resumed = this.apply(returned);
        if (resumed) must(resumed.status === 'called' && resumed.counterId === counterId, () => `${resumed.number}`);
        return;
      }
      case 'transfer': {
        const c = this.counter(a.counter);
        const concernId = (o.concerns[a.concern % o.concerns.length] as { id: string }).id;
        this.requeue(this.apply(transfer(s, o, c.id, concernId, this.now))?.id);
        return;
      }
      case 'status':
        this.apply(setCounterStatus(s, o, this.counter(a.counter).id, a.status));
        return;
      case 'advance':
        this.now += a.minutes * MINUTE;
        return;
    }
  }

  /** End of the day: parked visitors come back, and the open counters call until nobody is left. */
  drain(): void {
    // Parked visitors come back and are called by number at the counter that parked them.
    this.byNumber = true;
    for (const t of this.state.tickets.filter((x) => x.parked)) {
      this.apply(callSpecific(this.state, this.office, t.parkedBy ?? '', t.id, this.now));
    }
    this.byNumber = false;
    const grace = (this.office.policy.appointmentGraceMinutes ?? 5) * MINUTE;
    this.now = Math.max(this.now, ...this.state.tickets.map((t) => (t.appointmentAt ?? 0) + grace)) + MINUTE;
    const open = this.office.counters.filter((c) => this.state.counters[c.id]?.status === 'open');
    for (let round = 0; round <= this.state.tickets.length; round++) {
      let called = 0;
      for (const c of open) if (this.callNext(c)) called++;
      if (called === 0) break;
      this.now += MINUTE;
    }
  }
}

/**
 * Asserts `property` of every random day: policy settings drawn from `settings`, the day's
 * arrivals and clerk actions from `actions`, played on the office (with `counters`, if given)
 * and drained at its end.
 */
function forAnyPlayedDay(
  settings: fc.Arbitrary<PolicySettings>,
  actions: fc.Arbitrary<Action[]>,
  property: (day: Day, settings: PolicySettings) => void,
  counters?: Counter[],
): void {
  fc.assert(
    fc.property(settings, actions, (drawn, played) => {
      const day = new Day(officeWith(drawn, counters));
      for (const a of played) day.run(a);
      day.drain();
      property(day, drawn);
    }),
    { numRuns: NUM_RUNS },
  );
}

describe('queue policy over random days (properties of core/policy.ts)', () => {
  it('given any policy settings and any day of arrivals and clerk actions, then every call-next follows the rules: nobody twice, nobody callable skipped, arrival order within a class, due appointments first, aged walk-ins not overtaken', () => {
    forAnyPlayedDay(
      settingsArb({ interleave: fc.constantFrom(0, 0, 1, 2, 3) }),
      fc.array(anyAction, DAY_LENGTH),
      (day) => {
        // Nobody serveable is left behind at the end of the day.
        const open = day.office.counters.filter((c) => day.state.counters[c.id]?.status === 'open');
        const served = new Set(open.flatMap((c) => c.concernIds));
        const stranded = day.state.tickets.filter((t) => t.status === 'waiting' && served.has(t.concernId));
        expect(stranded.map((t) => t.number)).toEqual([]);
      },
    );
  });

  it('given appointments strictly first (no interleaving), when a counter calls next while a due appointment holder waits for it, then it calls a due appointment holder', () => {
    forAnyPlayedDay(
      settingsArb({ interleave: fc.constant(0) }),
      fc.array(fc.oneof(arrival(true, true), anyAction), DAY_LENGTH),
      (day) => {
        for (const call of day.callLog) {
          if (call.byNumber) continue;
          const counter = day.office.counters.find((c) => c.id === call.counterId) as Counter;
          const due = callableAt(call.before, counter, day.office, call.at).filter((t) =>
            isDue(t, day.office, call.at),
          );
          if (due.length > 0) expect(isDue(call.ticket, day.office, call.at)).toBe(true);
        }
      },
    );
  });

  it('given appointments booked for a counter, then no other counter calls them by call-next before the grace time after their slot', () => {
    forAnyPlayedDay(
      settingsArb({ interleave: fc.constantFrom(0, 1) }),
      fc.array(fc.oneof(arrival(true, true), anyAction), DAY_LENGTH),
      (day, settings) => {
        for (const call of day.callLog) {
          const t = call.ticket;
          if (call.byNumber || t.bookedCounterId === undefined || t.bookedCounterId === call.counterId) continue;
          expect(call.at).toBeGreaterThanOrEqual((t.appointmentAt ?? 0) + settings.grace * MINUTE);
        }
      },
    );
  });

  it('given N:1 interleaving, then while a walk-in waits for a counter, that counter never calls more than N due appointment holders in a row', () => {
    forAnyPlayedDay(
      settingsArb({ interleave: fc.integer({ min: 1, max: 3 }) }),
      fc.array(fc.oneof(arrival(true, true), anyAction), DAY_LENGTH),
      (day, settings) => {
        // Per counter: due appointment holders called by call-next in a row, each while a walk-in waited.
        const run = new Map<string, number>();
        for (const call of day.callLog) {
          const counter = day.office.counters.find((c) => c.id === call.counterId) as Counter;
          const walkInWaiting = callableAt(call.before, counter, day.office, call.at).some(
            (t) => !isDue(t, day.office, call.at),
          );
          const due = isDue(call.ticket, day.office, call.at);
          if (!due) run.set(counter.id, 0);
          else if (!call.byNumber && walkInWaiting) run.set(counter.id, (run.get(counter.id) ?? 0) + 1);
          expect(run.get(counter.id) ?? 0).toBeLessThanOrEqual(settings.interleave);
        }
      },
    );
  });

  it('given counters that all serve every concern and keep calling, then aging bounds every walk-in’s wait: after maxWaitMinutes at most A + N x (A + counters) calls go before them (A = older tickets still waiting)', () => {
    const all = base.concerns.map((c) => c.id);
    // Every counter serves everything, each in its own order of preference.
    const counters: Counter[] = [0, 1, 2].map((k) => ({
      id: `c${k}`,
      name: `Platz ${k + 1}`,
      concernIds: [...all.slice(k), ...all.slice(0, k)],
    }));
    const steady: fc.Arbitrary<Action> = fc.oneof(
      { weight: 3, arbitrary: arrival(true) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('call' as const), counter: fc.nat({ max: 2 }) }) },
      { weight: 2, arbitrary: advance },
    );
    forAnyPlayedDay(
      settingsArb({ interleave: fc.integer({ min: 1, max: 3 }) }),
      fc.array(steady, { minLength: 10, maxLength: 90, size: 'max' }),
      (day, settings) => {
        const maxWait = settings.maxWait * MINUTE;
        for (const w of day.state.tickets) {
          const agedAt = w.issuedAt + maxWait;
          // Was W a walk-in when it aged (not a due or early appointment holder)?
          if (w.appointmentAt !== undefined && agedAt <= w.appointmentAt + settings.late * MINUTE) continue;
          const own = day.callLog.findIndex((c) => c.ticket.id === w.id);
          const before = own === -1 ? day.callLog : day.callLog.slice(0, own);
          const after = before.filter((c) => c.at >= agedAt);
          if (after.length === 0) continue;
          const first = after[0] as (typeof after)[number];
          const wThen = first.before.tickets.find((t) => t.id === w.id) as Ticket;
          const older = first.before.tickets.filter(
            (t) => t.status === 'waiting' && t !== wThen && arrivedBefore(first.before, t, wThen),
          ).length;
          const n = settings.interleave;
          expect(after.length).toBeLessThanOrEqual(older + n * (older + counters.length));
        }
      },
      counters,
    );
  });
});
