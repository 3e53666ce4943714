/**
 * A random-day driver for the queue's property tests (not a test file itself): arbitrary
 * arrivals and clerk actions at several counters, applied to the pure queue functions with
 * deep-frozen inputs, and the invariants that must hold after every step.
 *
 * Over 400 lines: the random-day generator and the invariants it checks belong together.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { addDays, localDay } from './localtime.ts';
import {
  addConcern,
  callNext,
  callSpecific,
  complete,
  type DomainEvent,
  emptyDay,
  issueTicket,
  markNoShow,
  type Outcome,
  park,
  recall,
  returnParked,
  rollDay,
  setCounterStatus,
  startService,
  transfer,
} from './queue.ts';
import type { Result } from './result.ts';
import { at, deepFreeze, MINUTE, makeOffice } from './test-fixtures.ts';
import {
  type CounterStatus,
  type DayState,
  type OfficeConfig,
  RECENT_CALLS_CAP,
  type Ticket,
  type VisitPart,
} from './types.ts';

export const NUM_RUNS = 300;
/** Sequences of 5 to 60 actions, spread over the whole range rather than biased to short ones. */
export const SEQUENCE_LENGTH = { minLength: 5, maxLength: 60, size: 'max' } as const;
const START = '2026-03-02T08:00:00Z'; // Monday 09:00 in Berlin

export type Action =
  | {
      kind: 'arrive';
      concern: number;
      staff: boolean;
      idKey: string;
      dt: number;
      appointmentIn: number | null;
      /** Further concerns of the same visit (indexes; repeats are dropped). */
      more?: number[];
    }
  | { kind: 'completePart'; counter: number; continueHere: boolean; outcome: number | null }
  | { kind: 'addConcern'; counter: number; concern: number }
  | { kind: 'call' | 'recall' | 'complete' | 'noShow' | 'start' | 'park'; counter: number }
  | { kind: 'callSpecific'; counter: number; pick: number }
  | { kind: 'return'; pick: number }
  | { kind: 'transfer'; counter: number; concern: number }
  | { kind: 'status'; counter: number; status: CounterStatus }
  | { kind: 'advance'; minutes: number }
  | { kind: 'midnight' };

/** Opaque ticket ids in random order, as random ids would be in production. */
const idKey = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 4 });
/** Time between two arrivals: often the same millisecond, else up to five minutes. */
const arrivalGap = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 * MINUTE }));

export type ActionOptions = { appointments: boolean; midnight: boolean; byNumber?: boolean; visits?: boolean };

export function actionArb(concerns: number, counters: number, options: ActionOptions) {
  const counter = fc.nat({ max: counters - 1 });
  const concern = fc.nat({ max: concerns - 1 });
  const arbs: { arbitrary: fc.Arbitrary<Action>; weight: number }[] = [
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('arrive' as const),
        concern,
        staff: fc.boolean(),
        idKey,
        dt: arrivalGap,
        appointmentIn: options.appointments
          ? fc.option(fc.integer({ min: -40, max: 120 }), { freq: 4, nil: null })
          : fc.constant<number | null>(null),
        more: options.visits ? fc.array(concern, { maxLength: 4 }) : fc.constant([]),
      }),
    },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('call' as const), counter }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('recall' as const), counter }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('complete' as const), counter }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('noShow' as const), counter }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), counter, concern }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('status' as const),
        counter,
        status: fc.constantFrom<CounterStatus>('open', 'paused', 'closed'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 40 }) }),
    },
  ];
  if (options.midnight) arbs.push({ weight: 1, arbitrary: fc.constant({ kind: 'midnight' as const }) });
  if (options.visits) {
    // Completing a part with an outcome (or none), going on at the same counter, adding a concern.
    arbs.push(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('completePart' as const),
          counter,
          continueHere: fc.boolean(),
          outcome: fc.option(fc.nat({ max: 3 }), { nil: null }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('addConcern' as const), counter, concern }) },
    );
  }
  if (options.byNumber) {
    // Actions that take a visitor out of the policy's order: call by number, park and return; and start.
    arbs.push(
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('callSpecific' as const), counter, pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('park' as const), counter }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('return' as const), pick: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('start' as const), counter }) },
    );
  }
  return fc.oneof(...arbs);
}

/** The clerk actions that need nothing but the counter, by the kind of the random action. */
export const counterActions = { recall, start: startService, complete, noShow: markNoShow } as const;

/** Asserts `property` for NUM_RUNS random days of `office`: sequences of actions drawn with `options`. */
export function forAnyDay(office: OfficeConfig, options: ActionOptions, property: (actions: Action[]) => void): void {
  const day = fc.array(actionArb(office.concerns.length, office.counters.length, options), SEQUENCE_LENGTH);
  fc.assert(fc.property(day, property), { numRuns: NUM_RUNS });
}

/** Runs a sequence of actions, calling `check(before, after, events)` after every step that happened. */
export class Simulation {
  state: DayState;
  now: number;
  serial = 0;
  /** Every first call (not recalls), in order. */
  readonly calls: { ticketId: string; number: string; issuedAt: number; day: string }[] = [];

  constructor(
    readonly office: OfficeConfig,
    readonly check: (before: DayState, after: DayState, events: DomainEvent[], action: Action | 'drain') => void,
  ) {
    this.now = at(START);
    this.state = emptyDay(localDay(this.now, office.timezone));
  }

  private apply<T>(result: Result<Outcome<T>> | Outcome<T>, action: Action | 'drain'): T | undefined {
    const outcome = 'ok' in result ? (result.ok ? result.value : undefined) : result;
    if (!outcome) return undefined;
    const before = this.state;
    for (const e of outcome.events) {
      if (e.type === 'call' && !e.call.recall) {
        this.calls.push({
          ticketId: e.ticket.id,
          number: e.ticket.number,
          issuedAt: e.ticket.issuedAt,
          day: e.ticket.day,
        });
      }
    }
    this.state = outcome.state;
    this.check(before, this.state, outcome.events, action);
    return outcome.value;
  }

  run(action: Action): void {
    const office = this.office;
    // Every action gets a deep-frozen input: a mutation would throw.
    const s = deepFreeze(this.state);
    const counterId = (i: number) => office.counters[i % office.counters.length]?.id ?? '';
    const concernId = (i: number) => office.concerns[i % office.concerns.length]?.id ?? '';
    switch (action.kind) {
      case 'arrive': {
        this.now += action.dt;
        this.serial += 1;
        const id = `${action.idKey}-${this.serial}`;
        const concern = concernId(action.concern);
        const later = [...new Set((action.more ?? []).map(concernId))].filter((c) => c !== concern);
        const appointment =
          action.appointmentIn === null
            ? undefined
            : { id: `ap-${id}`, code: id, concernId: concern, start: this.now + action.appointmentIn * MINUTE };
        this.apply(
          issueTicket(
            s,
            office,
            {
              id,
              token: `tok-${id}`,
              concernId: concern,
              ...(later.length ? { laterConcernIds: later } : {}),
              language: 'de',
              source: action.staff ? 'staff' : 'kiosk',
              ...(appointment ? { appointment } : {}),
            },
            this.now,
          ),
          action,
        );
        return;
      }
      case 'call':
        this.apply(callNext(s, office, counterId(action.counter), this.now), action);
        return;
      case 'recall':
      case 'start':
      case 'complete':
      case 'noShow':
        this.apply(counterActions[action.kind](s, office, counterId(action.counter), this.now), action);
        return;
      case 'completePart': {
        const outcome = action.outcome === null ? undefined : office.outcomes?.[action.outcome]?.id;
        const options = { continueHere: action.continueHere, ...(outcome ? { outcome } : {}) };
        this.apply(complete(s, office, counterId(action.counter), this.now, options), action);
        return;
      }
      case 'addConcern':
        this.apply(addConcern(s, office, counterId(action.counter), concernId(action.concern), this.now), action);
        return;
      case 'transfer':
        this.apply(transfer(s, office, counterId(action.counter), concernId(action.concern), this.now), action);
        return;
      case 'status':
        this.apply(setCounterStatus(s, office, counterId(action.counter), action.status), action);
        return;
      case 'park':
        this.apply(park(s, office, counterId(action.counter), this.now), action);
        return;
      case 'callSpecific': {
        const waiting = s.tickets.filter((t) => t.status === 'waiting');
        const target = waiting[action.pick % Math.max(1, waiting.length)];
        if (target) this.apply(callSpecific(s, office, counterId(action.counter), target.id, this.now), action);
        return;
      }
      case 'return': {
        const parked = s.tickets.filter((t) => t.parked);
        const target = parked[action.pick % Math.max(1, parked.length)];
        if (target) this.apply(returnParked(s, office, target.parkedBy ?? '', target.id, this.now), action);
        return;
      }
      case 'advance':
        this.now += action.minutes * MINUTE;
        return;
      case 'midnight':
        // 08:00 UTC on the next local day (09:00 CET): well inside the next office day.
        this.now = Math.max(this.now, at(`${addDays(this.state.day, 1)}T08:00:00Z`));
        this.apply(rollDay(s, office, this.now), action);
        return;
    }
  }

  /** Parked visitors come back; every open counter keeps calling until a whole round calls nobody. Returns the number of rounds. */
  drain(): number {
    for (const t of this.state.tickets.filter((x) => x.parked)) {
      this.apply(callSpecific(deepFreeze(this.state), this.office, t.parkedBy ?? '', t.id, this.now), 'drain');
    }
    const appointments = this.state.tickets.map((t) => t.appointmentAt ?? 0);
    // From the latest slot on, no appointment holder is early any more.
    this.now = Math.max(this.now, ...appointments) + MINUTE;
    const limit = this.state.tickets.reduce((n, t) => n + (t.concerns?.length ?? 1), 0) + 2;
    for (let round = 1; round <= limit; round++) {
      let called = 0;
      // A round may also end a visitor's part at one counter after another counter found nobody:
      // the round counts as quiet only when no ticket changed at all.
      const tickets = this.state.tickets;
      for (const counter of this.office.counters) {
        if (this.state.counters[counter.id]?.status !== 'open') continue;
        const t = this.apply(callNext(deepFreeze(this.state), this.office, counter.id, this.now), 'drain');
        if (t) called++;
      }
      const changed = this.state.tickets.some((t, i) => t !== tickets[i]);
      if (called === 0 && !changed) return round;
      this.now += MINUTE;
    }
    return limit + 1;
  }
}

/** Invariants that hold after every step. */
export function checkInvariants(office: OfficeConfig) {
  const issuedToday = new Set<string>();
  let day = '';
  return (before: DayState, after: DayState, events: DomainEvent[]) => {
    // Nobody is current at two counters; every current ticket is called to exactly that counter.
    const current = Object.values(after.counters)
      .filter((c) => c.currentTicketId !== undefined)
      .map((c) => [c.counterId, c.currentTicketId as string] as const);
    expect(new Set(current.map(([, id]) => id)).size).toBe(current.length);
    for (const [counterId, ticketId] of current) {
      const t = after.tickets.find((x) => x.id === ticketId);
      expect(t?.status).toBe('called');
      expect(t?.counterId).toBe(counterId);
    }
    for (const t of after.tickets.filter((x) => x.status === 'called')) {
      expect(after.counters[t.counterId ?? '']?.currentTicketId).toBe(t.id);
      expect(t.callCount).toBeGreaterThanOrEqual(1);
      expect(t.callCount).toBeLessThanOrEqual(office.policy.maxCalls);
    }

    checkVisitParts(before, after);

    // Only waiting tickets are parked; a day's end cancels them like any other open ticket.
    for (const t of after.tickets) if (t.parked) expect(t.status).toBe('waiting');
    for (const e of events) {
      if (e.type === 'day-started') for (const t of e.cancelled) expect(t.parked).toBeUndefined();
    }

    // A first call only ever takes a ticket that was waiting, not one called elsewhere.
    for (const e of events) {
      if (e.type !== 'call' || e.call.recall) continue;
      const was = before.tickets.find((x) => x.id === e.ticket.id);
      if (was?.status === 'called') {
        // Call-next first ends the visitor at this counter; their visit's next part may be called
        // by the same call, fairly by their arrival, but never the part they were just at.
        expect(was.counterId).toBe(e.call.counterId);
        expect(e.ticket.concernId).not.toBe(was.concernId);
        continue;
      }
      expect(was?.status).toBe('waiting');
      expect(Object.values(before.counters).some((c) => c.currentTicketId === e.ticket.id)).toBe(false);
    }

    // Numbers are unique within a day and never handed out twice on it.
    if (after.day !== day) {
      day = after.day;
      issuedToday.clear();
    }
    for (const e of events) {
      if (e.type !== 'ticket-issued') continue;
      expect(issuedToday.has(e.ticket.number)).toBe(false);
      issuedToday.add(e.ticket.number);
    }
    const numbers = after.tickets.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(after.tickets.every((t) => t.day === after.day)).toBe(true);

    // The call sequence grows by one per announced call and is never reset.
    const announced = events.filter((e) => e.type === 'call');
    expect(after.callSeq).toBe(before.callSeq + announced.length);
    announced.forEach((e, i) => {
      expect(e.type === 'call' && e.call.seq).toBe(before.callSeq + i + 1);
    });
    expect(after.recentCalls.length).toBeLessThanOrEqual(RECENT_CALLS_CAP);
    after.recentCalls.forEach((c, i) => {
      expect(c.seq).toBe(after.callSeq - after.recentCalls.length + 1 + i);
    });
  };
}

const OPEN: readonly string[] = ['waiting', 'called'];

/**
 * Every visit's parts: served in order (closed parts first, then the open ones: no part is
 * skipped), the ticket's status and concern are those of its part now due, every part that
 * ended served or as a no-show was called, and number and arrival time never change.
 */
function checkVisitParts(before: DayState, after: DayState): void {
  // Plain checks, with expect only on a failure: this runs after every step of every run.
  const fail = (t: Ticket, what: string) => expect.fail(`${t.number}: ${what}: ${JSON.stringify(t)}`);
  const previous = new Map(before.tickets.map((t) => [t.id, t]));
  for (const t of after.tickets) {
    const parts = t.concerns ?? [];
    if (parts.length === 0) fail(t, 'no parts');
    const firstOpen = parts.findIndex((p) => OPEN.includes(p.status));
    const closedCount = firstOpen < 0 ? parts.length : firstOpen;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as VisitPart;
      if (i < closedCount) {
        if ((p.status === 'done' || p.status === 'no-show') && p.firstCalledAt === undefined) {
          fail(t, `part ${i} ended without a call`);
        }
      } else if (i > closedCount && p.status !== 'waiting') {
        // Only the part now due can be at a counter or closed early; the ones after it wait.
        fail(t, `part ${i} is ${p.status} after the part now due`);
      }
    }
    if (firstOpen >= 0) {
      const due = parts[firstOpen] as VisitPart;
      if (t.status !== due.status || t.concernId !== due.concernId) fail(t, 'ticket does not show its part now due');
      const open = parts.slice(firstOpen).map((p) => p.concernId);
      if (new Set(open).size !== open.length) fail(t, 'a concern is open twice');
    } else {
      if (OPEN.includes(t.status)) fail(t, 'open ticket without an open part');
      if (t.status === 'done' && parts.some((p) => p.status !== 'done')) fail(t, 'done visit with a part not done');
    }
    const was = previous.get(t.id);
    if (!was || was === t) continue;
    if (t.number !== was.number || t.issuedAt !== was.issuedAt) fail(t, 'number or arrival changed');
    // Parts that ended stay as they were.
    (was.concerns ?? []).forEach((p, i) => {
      if (!OPEN.includes(p.status) && parts[i] !== p) fail(t, `ended part ${i} changed`);
    });
  }
}

/** Demo office with weights, aging, few calls and a kiosk quota, so every rule comes into play. */
export const mixedOffice = makeOffice((o) => {
  o.policy.maxWaitMinutes = 30;
  o.policy.maxCalls = 2;
  for (const c of o.concerns) {
    if (c.id === 'housing') c.weight = 2;
    if (c.id === 'subsistence') c.weight = 3;
    if (c.id === 'certificates') c.dailyQuota = 3;
  }
  o.concerns = o.concerns.filter((c) => !c.infoUrl);
});

/** One concern, three counters serving it, no weights, aging off. */
export const singleLineOffice = makeOffice((o) => {
  o.concerns = [{ id: 'q', prefix: 'Q', name: 'Anliegen' }];
  o.counters = [
    { id: 'c1', name: 'Platz 1', concernIds: ['q'] },
    { id: 'c2', name: 'Platz 2', concernIds: ['q'] },
    { id: 'c3', name: 'Platz 3', concernIds: ['q'] },
  ];
  o.policy.maxWaitMinutes = 1_000_000;
  o.policy.maxCalls = 2;
});

export const running = (number: string) => Number(number.slice(number.lastIndexOf('-') + 1));
