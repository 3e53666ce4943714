/**
 * The clerk actions added to the queue policy: call by number, start, park and return, N:1
 * interleaving of appointment holders and walk-ins, and the counter's order of preference as
 * minutes (`preferenceMinutes`).
 *
 * Just over 400 lines: one story, the clerk actions beyond call/complete, each beside the
 * interleaving and preference rules they must respect.
 */
import { describe, expect, it } from 'vitest';
import { estimateAll } from './estimate.ts';
import { orderForCounter, pickNext, policyOf } from './policy.ts';
import {
  callNext,
  callSpecific,
  complete,
  markNoShow,
  park,
  recall,
  returnParked,
  startService,
  transfer,
} from './queue.ts';
import { aggregate } from './stats.ts';
import { at, Desk, deepFreeze, errorOf, MINUTE, makeOffice, makeTicket, unwrap } from './test-fixtures.ts';
import type { Counter, DayState, OfficeConfig, Ticket } from './types.ts';

const MONDAY_9 = '2026-03-02T08:00:00Z';
const demo = () => makeOffice();

function callById(desk: Desk, counterId: string, ticketId: string): Ticket {
  const outcome = unwrap(callSpecific(desk.state, desk.office, counterId, ticketId, desk.now));
  desk.state = outcome.state;
  return outcome.value;
}

function act(desk: Desk, fn: (s: DayState, o: OfficeConfig, now: number) => ReturnType<typeof park>): Ticket {
  const outcome = unwrap(fn(desk.state, desk.office, desk.now));
  desk.state = outcome.state;
  return outcome.value;
}

describe('policyOf: defaults of the optional settings', () => {
  it('given an office JSON without the new fields, then interleaving and preference minutes are off, check-in opens 60 and the grace time is 5 minutes', () => {
    const p = policyOf(demo());
    expect(p).toEqual({
      appointmentLeadMinutes: 10,
      appointmentLateMinutes: 15,
      maxWaitMinutes: 60,
      maxCalls: 3,
      priorityInterleave: 0,
      preferenceMinutes: 0,
      appointmentCheckinMinutes: 60,
      appointmentGraceMinutes: 5,
      undoSeconds: 15,
    });
  });
});

describe('callSpecific: call a ticket by number', () => {
  it('given three waiting visitors, when the clerk calls the third by number, then it is called and announced, the others keep waiting', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const a = desk.issue('housing');
    desk.issue('housing');
    const c = desk.issue('housing');
    desk.advance(2);
    const outcome = unwrap(callSpecific(desk.state, desk.office, 'desk-2', c.id, desk.now));
    expect(outcome.value).toMatchObject({ id: c.id, status: 'called', counterId: 'desk-2', callCount: 1 });
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket-changed', 'call', 'counter-changed']);
    expect(outcome.state.recentCalls.at(-1)).toMatchObject({ ticketId: c.id, recall: false, seq: 1 });
    desk.state = outcome.state;
    expect(desk.call('desk-2')?.id).toBe(a.id);
  });

  it('given a visitor still at the counter, when the clerk calls another by number, then the first is done', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const a = desk.issue('housing');
    const b = desk.issue('housing');
    desk.call('desk-2');
    desk.advance(6);
    callById(desk, 'desk-2', b.id);
    expect(desk.ticket(a.id)).toMatchObject({ status: 'done', closedAt: desk.now });
    expect(desk.state.serviceMinutes.housing).toEqual([6]);
  });

  it('given an appointment holder who came too early for call-next, then the clerk may still call them by number', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const early = desk.issue('housing', {
      appointment: { id: 'ap', code: 'X', concernId: 'housing', start: desk.now + 90 * MINUTE },
    });
    expect(desk.call('desk-2')).toBeNull();
    expect(callById(desk, 'desk-2', early.id).status).toBe('called');
  });

  it('given tickets that are not waiting, of a concern the counter does not serve, or unknown, then it is refused', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const called = desk.issue('housing');
    const education = desk.issue('education');
    desk.call('desk-4');
    const s = desk.state;
    const o = desk.office;
    expect(errorOf(callSpecific(s, o, 'desk-2', called.id, desk.now))).toBe('UNKNOWN_TICKET');
    expect(errorOf(callSpecific(s, o, 'desk-2', 'nope', desk.now))).toBe('UNKNOWN_TICKET');
    expect(errorOf(callSpecific(s, o, 'desk-2', education.id, desk.now))).toBe('COUNTER_NOT_SERVING');
    expect(errorOf(callSpecific(s, o, 'desk-99', education.id, desk.now))).toBe('UNKNOWN_COUNTER');
  });
});

describe('startService: the visitor has arrived at the counter', () => {
  it('given a called visitor, when the clerk starts, then servedAt is set and the service time is measured from it', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    desk.advance(2);
    const started = act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    expect(started).toMatchObject({ id: t.id, status: 'called', servedAt: desk.now });
    desk.advance(10);
    desk.complete('desk-2');
    expect(desk.state.serviceMinutes.housing).toEqual([10]);
    const [row] = aggregate(desk.state.tickets, 'day', desk.office.timezone);
    expect(row?.avgServiceMinutes).toBe(10);
    expect(row?.avgWaitMinutes).toBe(0);
  });

  it('given a visitor already started, when the clerk starts again, then nothing changes', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    const before = desk.state;
    const again = unwrap(startService(before, desk.office, 'desk-2', desk.now + MINUTE));
    expect(again.state).toBe(before);
    expect(again.events).toEqual([]);
  });

  it('given nobody called to the counter, then start is refused', () => {
    const desk = new Desk(demo(), MONDAY_9);
    expect(errorOf(startService(desk.state, desk.office, 'desk-2', desk.now))).toBe('NO_CURRENT_TICKET');
  });

  it('given a started visitor who is transferred, then the next counter starts the service time afresh', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    const moved = desk.transfer('desk-2', 'education');
    expect(moved.servedAt).toBeUndefined();
  });
});

describe('park and return', () => {
  it('given a visitor at the counter, when the clerk parks them, then they wait parked with number and arrival, and the counter is free', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    desk.recall('desk-2');
    desk.advance(3);
    const outcome = unwrap(park(desk.state, desk.office, 'desk-2', desk.now));
    expect(outcome.value).toMatchObject({
      id: t.id,
      number: 'W-001',
      issuedAt: t.issuedAt,
      status: 'waiting',
      parked: true,
      parkedAt: desk.now,
      parkedBy: 'desk-2',
      callCount: 0,
    });
    expect(outcome.value.counterId).toBeUndefined();
    expect(outcome.state.counters['desk-2']).toEqual({ counterId: 'desk-2', status: 'open' });
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket-changed', 'counter-changed']);
  });

  it('given a parked visitor, when they are back ("Ist zurück"), then service resumes at the parking counter at once, with the old arrival time, without an announcement', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const first = desk.issue('housing');
    desk.advance(1);
    const second = desk.issue('housing');
    desk.advance(1);
    const third = desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => park(s, o, 'desk-2', now));
    expect(desk.call('desk-2')?.id).toBe(second.id);
    act(desk, (s, o, now) => complete(s, o, 'desk-2', now));
    desk.advance(3);
    const seq = desk.state.callSeq;
    const resumed = act(desk, (s, o, now) => returnParked(s, o, 'desk-2', first.id, now));
    expect(resumed).toMatchObject({ id: first.id, status: 'called', counterId: 'desk-2', servedAt: desk.now });
    expect(resumed.issuedAt).toBe(first.issuedAt);
    expect(resumed.parked).toBeUndefined();
    expect(desk.state.counters['desk-2']?.currentTicketId).toBe(first.id);
    expect(desk.state.callSeq).toBe(seq);
    expect(desk.call('desk-2')?.id).toBe(third.id);
    expect(desk.ticket(first.id).status).toBe('done');
  });

  it('given a parked visitor who is back while another visitor is at the counter, then resuming is refused with COUNTER_BUSY and nothing changes', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const first = desk.issue('housing');
    desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => park(s, o, 'desk-2', now));
    desk.call('desk-2');
    expect(errorOf(returnParked(desk.state, desk.office, 'desk-2', first.id, desk.now))).toBe('COUNTER_BUSY');
    expect(errorOf(returnParked(desk.state, desk.office, 'desk-3', first.id, desk.now))).toBe('COUNTER_NOT_SERVING');
    expect(desk.ticket(first.id).parked).toBe(true);
  });

  it('given a parked visitor who is back, when the clerk calls them by number, then they are called and no longer parked', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => park(s, o, 'desk-2', now));
    const called = callById(desk, 'desk-2', t.id);
    expect(called).toMatchObject({ status: 'called', callCount: 1 });
    expect(called.parked).toBeUndefined();
    expect(called.parkedAt).toBeUndefined();
  });

  it('given a ticket that is not parked, then returning it is refused; parking needs a visitor at the counter', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    expect(errorOf(returnParked(desk.state, desk.office, 'desk-2', t.id, desk.now))).toBe('UNKNOWN_TICKET');
    expect(errorOf(returnParked(desk.state, desk.office, 'desk-2', 'nope', desk.now))).toBe('UNKNOWN_TICKET');
    expect(errorOf(park(desk.state, desk.office, 'desk-2', desk.now))).toBe('NO_CURRENT_TICKET');
  });

  it('given a parked ticket, then its estimate is 0 and it does not count as ahead of others', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const parkedOne = desk.issue('housing');
    desk.advance(1);
    const other = desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => park(s, o, 'desk-2', now));
    const e = estimateAll(desk.state, desk.office, desk.now).tickets;
    expect(e.get(parkedOne.id)).toEqual({ waitingAhead: 0, estimatedWaitMinutes: 0 });
    expect(e.get(other.id)?.waitingAhead).toBe(0);
  });
});

describe('priorityInterleave: N:1 appointment holders and walk-ins', () => {
  const interleaved = (n: number) =>
    makeOffice((o) => {
      o.policy.priorityInterleave = n;
    });

  function withAppointments(office: OfficeConfig, holders: number) {
    const desk = new Desk(office, MONDAY_9);
    const walkIn = desk.issue('housing');
    const slots = Array.from({ length: holders }, (_, i) =>
      desk.issue('housing', {
        appointment: { id: `ap${i}`, code: `C${i}`, concernId: 'housing', start: desk.now + i * MINUTE },
      }),
    );
    return { desk, walkIn, slots };
  }

  it('given interleaving 2:1 and three due appointment holders, then the counter calls two of them, one walk-in, then the third', () => {
    const { desk, walkIn, slots } = withAppointments(interleaved(2), 3);
    const order = [desk.call('desk-2'), desk.call('desk-2'), desk.call('desk-2'), desk.call('desk-2')].map(
      (t) => t?.id,
    );
    expect(order).toEqual([slots[0]?.id, slots[1]?.id, walkIn.id, slots[2]?.id]);
  });

  it('given no interleaving, then all due appointment holders go before the walk-in', () => {
    const { desk, walkIn, slots } = withAppointments(demo(), 3);
    const order = [desk.call('desk-2'), desk.call('desk-2'), desk.call('desk-2'), desk.call('desk-2')].map(
      (t) => t?.id,
    );
    expect(order).toEqual([...slots.map((t) => t.id), walkIn.id]);
  });

  it('given interleaving, then the counter remembers its streak, also across a pause, and a walk-in call resets it', () => {
    const { desk } = withAppointments(interleaved(2), 3);
    desk.call('desk-2');
    expect(desk.state.counters['desk-2']?.priorityStreak).toBe(1);
    desk.call('desk-2');
    desk.setStatus('desk-2', 'paused', 'Telefon');
    expect(desk.state.counters['desk-2']).toMatchObject({ status: 'paused', priorityStreak: 2 });
    desk.call('desk-2');
    expect(desk.state.counters['desk-2']?.priorityStreak).toBeUndefined();
    // Streaks are per counter: another counter's calls do not count.
    expect(desk.state.counters['desk-4']).toBeUndefined();
  });

  it('given the streak is reached but no walk-in waits, then the appointment holder is called', () => {
    const desk = new Desk(interleaved(1), MONDAY_9);
    const a = desk.issue('housing', {
      appointment: { id: 'a', code: 'A', concernId: 'housing', start: desk.now },
    });
    const b = desk.issue('housing', {
      appointment: { id: 'b', code: 'B', concernId: 'housing', start: desk.now },
    });
    expect([desk.call('desk-2')?.id, desk.call('desk-2')?.id]).toEqual([a.id, b.id]);
  });

  it('given the order for a counter, then the streak passed in decides whether walk-ins come first', () => {
    const office = interleaved(1);
    const desk2 = office.counters.find((c) => c.id === 'desk-2') as Counter;
    const T0 = at(MONDAY_9);
    const walkIn = makeTicket({ id: 'w', concernId: 'housing', issuedAt: T0 });
    const holder = makeTicket({ id: 'h', concernId: 'housing', issuedAt: T0 + MINUTE, appointmentAt: T0 + 5 * MINUTE });
    const now = T0 + 5 * MINUTE;
    expect(orderForCounter([walkIn, holder], desk2, office, now).map((t) => t.id)).toEqual(['h', 'w']);
    expect(orderForCounter([walkIn, holder], desk2, office, now, { priorityStreak: 1 }).map((t) => t.id)).toEqual([
      'w',
      'h',
    ]);
  });
});

describe('preferenceMinutes: the counter’s order of preference as minutes of waiting', () => {
  const T0 = at(MONDAY_9);
  const desk1 = demo().counters.find((c) => c.id === 'desk-1') as Counter; // documents, certificates, housing, …
  const documents = makeTicket({ id: 'd', concernId: 'documents', issuedAt: T0 + 15 * MINUTE });
  const housing = makeTicket({ id: 'h', concernId: 'housing', issuedAt: T0 });
  const now = T0 + 20 * MINUTE; // documents waited 5, housing 20 (two steps down desk-1's list)

  it('given no preference minutes, then the longer wait goes first', () => {
    expect(pickNext([documents, housing], desk1, demo(), now)?.id).toBe('h');
  });

  it('given 10 preference minutes, then housing (two steps down) counts 20 minutes less and documents go first', () => {
    const office = makeOffice((o) => {
      o.policy.preferenceMinutes = 10;
    });
    expect(pickNext([documents, housing], desk1, office, now)?.id).toBe('d');
    // 7 minutes per step: 20 - 14 = 6 > 5, housing again.
    const weaker = makeOffice((o) => {
      o.policy.preferenceMinutes = 7;
    });
    expect(pickNext([documents, housing], desk1, weaker, now)?.id).toBe('h');
  });

  it('given preference minutes, then a walk-in who waited maxWaitMinutes still goes first (aging)', () => {
    const office = makeOffice((o) => {
      o.policy.preferenceMinutes = 100;
      o.policy.maxWaitMinutes = 20;
    });
    expect(pickNext([documents, housing], desk1, office, now)?.id).toBe('h');
  });
});

describe('purity of the new actions', () => {
  function busy() {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.issue('housing');
    const third = desk.issue('education');
    desk.call('desk-2');
    desk.advance(2);
    return { desk, third };
  }
  const cases: Record<string, (s: DayState, o: OfficeConfig, now: number, third: Ticket) => unknown> = {
    callSpecific: (s, o, now, third) => callSpecific(s, o, 'desk-3', third.id, now),
    startService: (s, o, now) => startService(s, o, 'desk-2', now),
    park: (s, o, now) => park(s, o, 'desk-2', now),
  };
  for (const [name, run] of Object.entries(cases)) {
    it(`given a deep-frozen state, when ${name} runs, then it succeeds, the input is unchanged and untouched tickets are shared`, () => {
      const { desk, third } = busy();
      const snapshot = structuredClone(desk.state);
      const state = deepFreeze(desk.state);
      const result = run(state, deepFreeze(desk.office), desk.now, third) as {
        ok: boolean;
        value: { state: DayState };
      };
      expect(result.ok).toBe(true);
      expect(state).toEqual(snapshot);
      const after = result.value.state;
      const changed = after.tickets.filter((t) => !state.tickets.includes(t));
      expect(changed).toHaveLength(1);
    });
  }

  it('given a parked ticket on a frozen state, when it is returned, then only that ticket is new', () => {
    const { desk } = busy();
    const parked = act(desk, (s, o, now) => park(s, o, 'desk-2', now));
    const state = deepFreeze(desk.state);
    const after = unwrap(returnParked(state, desk.office, 'desk-2', parked.id, desk.now)).state;
    expect(after.tickets.filter((t) => !state.tickets.includes(t)).map((t) => t.id)).toEqual([parked.id]);
  });
});

describe('recall, no-show and transfer still work with start and park', () => {
  it('given a ticket parked after three calls, then it can be called three times again before a recall is refused with MAX_CALLS_REACHED (nothing changes by itself)', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.call('desk-2');
    desk.recall('desk-2');
    desk.recall('desk-2');
    const parked = act(desk, (s, o, now) => park(s, o, 'desk-2', now));
    callById(desk, 'desk-2', parked.id);
    desk.recall('desk-2');
    expect(desk.recall('desk-2').callCount).toBe(3);
    expect(errorOf(recall(desk.state, desk.office, 'desk-2', desk.now))).toBe('MAX_CALLS_REACHED');
    expect(desk.ticket(parked.id)).toMatchObject({ status: 'called', callCount: 3 });
  });

  it('given a started visitor, then no-show and transfer still close or move them', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.issue('housing');
    desk.call('desk-2');
    act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    expect(unwrap(markNoShow(desk.state, desk.office, 'desk-2', desk.now)).value.status).toBe('no-show');
    desk.call('desk-2');
    act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    expect(unwrap(transfer(desk.state, desk.office, 'desk-2', 'education', desk.now)).value.status).toBe('waiting');
    expect(unwrap(callNext(desk.state, desk.office, 'desk-2', desk.now)).value).toBeNull();
  });
});
