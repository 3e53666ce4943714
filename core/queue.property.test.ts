/**
 * Property-based tests of the queue state machine: random sequences of arrivals and clerk
 * actions at several counters, checked after every step.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDay } from './localtime.ts';
import {
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
import { type CounterStatus, type DayState, type OfficeConfig, RECENT_CALLS_CAP } from './types.ts';

const NUM_RUNS = 300;
/** Sequences of 5 to 60 actions, spread over the whole range rather than biased to short ones. */
const SEQUENCE_LENGTH = { minLength: 5, maxLength: 60, size: 'max' } as const;
const START = '2026-03-02T08:00:00Z'; // Monday 09:00 in Berlin

type Action =
  | { kind: 'arrive'; concern: number; staff: boolean; idKey: string; dt: number; appointmentIn: number | null }
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

function actionArb(
  concerns: number,
  counters: number,
  options: { appointments: boolean; midnight: boolean; byNumber?: boolean },
) {
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

/** Runs a sequence of actions, calling `check(before, after, events)` after every step that happened. */
class Simulation {
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
        this.apply(recall(s, office, counterId(action.counter), this.now), action);
        return;
      case 'complete':
        this.apply(complete(s, office, counterId(action.counter), this.now), action);
        return;
      case 'noShow':
        this.apply(markNoShow(s, office, counterId(action.counter), this.now), action);
        return;
      case 'transfer':
        this.apply(transfer(s, office, counterId(action.counter), concernId(action.concern), this.now), action);
        return;
      case 'status':
        this.apply(setCounterStatus(s, office, counterId(action.counter), action.status), action);
        return;
      case 'start':
        this.apply(startService(s, office, counterId(action.counter), this.now), action);
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
        if (target) this.apply(returnParked(s, office, target.id, this.now), action);
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
      this.apply(returnParked(deepFreeze(this.state), this.office, t.id, this.now), 'drain');
    }
    const appointments = this.state.tickets.map((t) => t.appointmentAt ?? 0);
    // From the latest slot on, no appointment holder is early any more.
    this.now = Math.max(this.now, ...appointments) + MINUTE;
    const limit = this.state.tickets.length + 2;
    for (let round = 1; round <= limit; round++) {
      let called = 0;
      for (const counter of this.office.counters) {
        if (this.state.counters[counter.id]?.status !== 'open') continue;
        const t = this.apply(callNext(deepFreeze(this.state), this.office, counter.id, this.now), 'drain');
        if (t) called++;
      }
      if (called === 0) return round;
      this.now += MINUTE;
    }
    return limit + 1;
  }
}

/** Invariants that hold after every step. */
function checkInvariants(office: OfficeConfig) {
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

    // Only waiting tickets are parked; a day's end cancels them like any other open ticket.
    for (const t of after.tickets) if (t.parked) expect(t.status).toBe('waiting');
    for (const e of events) {
      if (e.type === 'day-started') for (const t of e.cancelled) expect(t.parked).toBeUndefined();
    }

    // A first call only ever takes a ticket that was waiting, not one called elsewhere.
    for (const e of events) {
      if (e.type !== 'call' || e.call.recall) continue;
      const was = before.tickets.find((x) => x.id === e.ticket.id);
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

/** Demo office with weights, aging, few calls and a kiosk quota, so every rule comes into play. */
const mixedOffice = makeOffice((o) => {
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
const singleLineOffice = makeOffice((o) => {
  o.concerns = [{ id: 'q', prefix: 'Q', name: 'Anliegen' }];
  o.counters = [
    { id: 'c1', name: 'Platz 1', concernIds: ['q'] },
    { id: 'c2', name: 'Platz 2', concernIds: ['q'] },
    { id: 'c3', name: 'Platz 3', concernIds: ['q'] },
  ];
  o.policy.maxWaitMinutes = 1_000_000;
  o.policy.maxCalls = 2;
});

const running = (number: string) => Number(number.slice(number.lastIndexOf('-') + 1));

describe('queue properties over random arrivals and clerk actions', () => {
  it('given any sequence of actions at four counters, then no ticket is ever current at two counters, numbers stay unique per day and the call sequence counts every call', () => {
    fc.assert(
      fc.property(
        fc.array(
          actionArb(mixedOffice.concerns.length, mixedOffice.counters.length, {
            appointments: true,
            midnight: true,
            byNumber: true,
          }),
          SEQUENCE_LENGTH,
        ),
        (actions) => {
          const sim = new Simulation(mixedOffice, checkInvariants(mixedOffice));
          for (const a of actions) sim.run(a);
          sim.drain();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('given any sequence of actions, when the open counters keep calling, then every waiting ticket they serve gets called, each exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(
          actionArb(mixedOffice.concerns.length, mixedOffice.counters.length, {
            appointments: true,
            midnight: false,
            byNumber: true,
          }),
          SEQUENCE_LENGTH,
        ),
        (actions) => {
          const sim = new Simulation(mixedOffice, () => {});
          for (const a of actions) sim.run(a);
          const openIds = mixedOffice.counters.filter((c) => sim.state.counters[c.id]?.status === 'open');
          const served = new Set(openIds.flatMap((c) => c.concernIds));
          const before = sim.calls.length;
          const rounds = sim.drain();
          expect(rounds).toBeLessThanOrEqual(sim.state.tickets.length + 1);
          const stranded = sim.state.tickets.filter((t) => t.status === 'waiting' && served.has(t.concernId));
          expect(stranded).toEqual([]);
          // Nobody called twice in the drain (no transfers happen there).
          const drained = sim.calls.slice(before).map((c) => c.ticketId);
          expect(new Set(drained).size).toBe(drained.length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('given one concern without appointments, aging or weights, then tickets are called in arrival order, whichever counter calls', () => {
    fc.assert(
      fc.property(
        fc.array(
          actionArb(1, singleLineOffice.counters.length, { appointments: false, midnight: false }),
          SEQUENCE_LENGTH,
        ),
        (actions) => {
          const sim = new Simulation(singleLineOffice, checkInvariants(singleLineOffice));
          for (const a of actions) sim.run(a);
          sim.drain();
          const order = sim.calls.map((c) => running(c.number));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(new Set(order).size).toBe(order.length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
