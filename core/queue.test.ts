import { describe, expect, it } from 'vitest';
import {
  callNext,
  complete,
  emptyDay,
  issueTicket,
  markNoShow,
  recall,
  rollDay,
  setCounterStatus,
  startService,
  transfer,
  type IssueInput,
} from './queue.ts';
import { at, Desk, deepFreeze, errorOf, MINUTE, makeOffice, unwrap } from './test-fixtures.ts';
import { RECENT_CALLS_CAP, type DayState, type OfficeConfig } from './types.ts';

/** Monday 2026-03-02, 09:00 local (CET), within the demo office's opening hours. */
const MONDAY_9 = '2026-03-02T08:00:00Z';
const SUNDAY_11 = '2026-03-01T10:00:00Z';

const demo = () => makeOffice();

function input(id: string, concernId: string, source: 'kiosk' | 'staff' = 'kiosk'): IssueInput {
  return { id, token: `token-${id}`, concernId, language: 'de', source };
}

describe('issueTicket: numbering per concern and day', () => {
  it('given a new day, when the first housing ticket is issued, then it is W-001 and waits', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing', { id: 'x', language: 'en', source: 'kiosk' });
    expect(t).toMatchObject({
      id: 'x',
      token: 'token-x',
      number: 'W-001',
      concernId: 'housing',
      day: '2026-03-02',
      status: 'waiting',
      language: 'en',
      source: 'kiosk',
      issuedAt: at(MONDAY_9),
      callCount: 0,
    });
    expect(desk.state.tickets).toEqual([t]);
    expect(desk.state.lastNumber).toEqual({ housing: 1 });
  });

  it('given tickets of two concerns, then each concern counts on its own', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const numbers = [
      desk.issue('housing'),
      desk.issue('education'),
      desk.issue('housing'),
      desk.issue('housing'),
      desk.issue('education'),
    ].map((t) => t.number);
    expect(numbers).toEqual(['W-001', 'B-001', 'W-002', 'W-003', 'B-002']);
  });

  it('given an issued ticket, then the outcome carries one ticket-issued event', () => {
    const office = demo();
    const outcome = unwrap(issueTicket(emptyDay('2026-03-02'), office, input('a', 'housing'), at(MONDAY_9)));
    expect(outcome.events).toEqual([{ type: 'ticket-issued', ticket: outcome.value }]);
  });

  it('given tickets that were served, missed or transferred, then their numbers are never handed out again that day', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.issue('housing');
    desk.issue('housing');
    desk.call('desk-2');
    desk.complete('desk-2');
    desk.call('desk-2');
    desk.noShow('desk-2');
    desk.call('desk-2');
    desk.transfer('desk-2', 'education');
    expect(desk.issue('housing').number).toBe('W-004');
    const numbers = desk.state.tickets.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('given the local day ends, when the day is rolled at local midnight, then numbering restarts at W-001', () => {
    const desk = new Desk(demo(), '2026-03-02T20:00:00Z');
    desk.issue('housing');
    desk.issue('housing');
    desk.setNow('2026-03-02T23:00:00Z'); // 00:00 on Tuesday 2026-03-03 in Berlin
    expect(desk.rollDay()).toBe(true);
    expect(desk.state.day).toBe('2026-03-03');
    const t = desk.issue('housing');
    expect(t.number).toBe('W-001');
    expect(t.day).toBe('2026-03-03');
  });

  it('given it is 23:59 local, when the day is rolled, then nothing changes (UTC midnight is not the office’s)', () => {
    const office = demo();
    const desk = new Desk(office, '2026-03-02T20:00:00Z');
    desk.issue('housing');
    const before = desk.state;
    const outcome = rollDay(before, office, at('2026-03-02T22:59:59.999Z'));
    expect(outcome.value).toBe(false);
    expect(outcome.state).toBe(before);
    expect(outcome.events).toEqual([]);
  });

  it('given a day in summer time, then the new day starts at 22:00 UTC', () => {
    const office = demo();
    const state = emptyDay('2026-03-29');
    expect(rollDay(state, office, at('2026-03-29T21:59:00Z')).value).toBe(false);
    const rolled = rollDay(state, office, at('2026-03-29T22:00:00Z'));
    expect(rolled.value).toBe(true);
    expect(rolled.state.day).toBe('2026-03-30');
  });

  it('given a visitor being served at midnight, when the day is rolled, then the service finishes into the old day', () => {
    const desk = new Desk(demo(), '2026-03-02T22:50:00Z');
    const served = desk.issue('housing');
    const waiting = desk.issue('housing');
    desk.call('desk-2');
    desk.state = unwrap(startService(desk.state, desk.office, 'desk-2', desk.now)).state;
    const now = at('2026-03-02T23:00:00Z');
    const outcome = rollDay(desk.state, desk.office, now);
    const event = outcome.events[0];
    if (event?.type !== 'day-started') throw new Error('no new day');
    const closed = new Map(event.cancelled.map((t) => [t.id, t]));
    expect(closed.get(served.id)).toMatchObject({ status: 'done', closedAt: now });
    expect(closed.get(served.id)?.cancelReason).toBeUndefined();
    expect(closed.get(waiting.id)).toMatchObject({ status: 'cancelled', cancelReason: 'day-ended' });
  });

  it('given open tickets at the end of the day, when the day is rolled, then they are cancelled with the reason day-ended and counters are freed but keep their status', () => {
    const desk = new Desk(demo(), '2026-03-02T10:00:00Z');
    const waiting = desk.issue('housing');
    const called = desk.issue('education');
    desk.call('desk-3');
    const served = desk.issue('documents');
    desk.call('desk-1');
    desk.complete('desk-1');
    desk.setStatus('desk-4', 'paused', 'Mittag');
    const callSeq = desk.state.callSeq;
    const samples = desk.state.serviceMinutes;

    const now = at('2026-03-02T23:00:00Z');
    const outcome = rollDay(desk.state, desk.office, now);
    expect(outcome.events).toHaveLength(1);
    const event = outcome.events[0];
    expect(event?.type).toBe('day-started');
    if (event?.type !== 'day-started') throw new Error('unreachable');
    expect(event.day).toBe('2026-03-03');
    expect(event.cancelled.map((t) => t.id).sort()).toEqual([called.id, waiting.id].sort());
    for (const t of event.cancelled)
      expect(t).toMatchObject({ status: 'cancelled', closedAt: now, cancelReason: 'day-ended' });
    expect(event.cancelled.some((t) => t.id === served.id)).toBe(false);

    const next = outcome.state;
    expect(next.tickets).toEqual([]);
    expect(next.lastNumber).toEqual({});
    expect(next.callSeq).toBe(callSeq);
    expect(next.serviceMinutes).toEqual(samples);
    expect(next.counters['desk-3']).toEqual({ counterId: 'desk-3', status: 'open' });
    expect(next.counters['desk-4']?.status).toBe('paused');
  });
});

describe('issueTicket: refusals', () => {
  const withQuota = () =>
    makeOffice((o) => {
      const c = o.concerns.find((x) => x.id === 'certificates');
      if (c) c.dailyQuota = 2;
    });

  it('given the daily quota is reached, when the kiosk asks for another ticket, then it is refused with QUOTA_REACHED', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    const r = issueTicket(desk.state, office, input('third', 'certificates', 'kiosk'), desk.now);
    expect(errorOf(r)).toBe('QUOTA_REACHED');
  });

  it('given the daily quota is reached, when staff issue a ticket, then it is allowed and numbered on', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    expect(desk.issue('certificates', { source: 'staff' }).number).toBe('C-003');
  });

  it('given staff tickets used up the quota, then the kiosk is refused as well', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates', { source: 'staff' });
    desk.issue('certificates', { source: 'staff' });
    expect(errorOf(issueTicket(desk.state, office, input('k', 'certificates'), desk.now))).toBe('QUOTA_REACHED');
  });

  it('given the quota is reached, when an appointment holder checks in at the kiosk, then they get a ticket', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    const appointment = { id: 'ap1', code: 'ABC', concernId: 'certificates', start: desk.now + 5 * MINUTE };
    const t = desk.issue('certificates', { appointment });
    expect(t).toMatchObject({ number: 'C-003', appointmentAt: appointment.start, appointmentId: 'ap1' });
  });

  it('given the quota was reached yesterday, when the day has rolled, then the kiosk issues again', () => {
    const office = withQuota();
    const desk = new Desk(office, '2026-03-02T10:00:00Z');
    desk.issue('certificates');
    desk.issue('certificates');
    desk.setNow('2026-03-03T08:00:00Z');
    desk.rollDay();
    expect(desk.issue('certificates').number).toBe('C-001');
  });

  it('given a quota on one concern, then other concerns are not limited by it', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    expect(desk.issue('housing').number).toBe('W-001');
  });

  it('given opening hours are enforced, when the kiosk asks outside them, then it is refused with OFFICE_CLOSED', () => {
    const office = makeOffice((o) => {
      o.enforceOpeningHours = true;
    });
    expect(errorOf(issueTicket(emptyDay('2026-03-01'), office, input('k', 'housing'), at(SUNDAY_11)))).toBe(
      'OFFICE_CLOSED',
    );
    // Monday 12:30 local: just closed.
    expect(
      errorOf(issueTicket(emptyDay('2026-03-02'), office, input('k', 'housing'), at('2026-03-02T11:30:00Z'))),
    ).toBe('OFFICE_CLOSED');
  });

  it('given opening hours are enforced, when the kiosk asks during them, then a ticket is issued', () => {
    const office = makeOffice((o) => {
      o.enforceOpeningHours = true;
    });
    expect(issueTicket(emptyDay('2026-03-02'), office, input('k', 'housing'), at(MONDAY_9)).ok).toBe(true);
  });

  it('given opening hours are enforced, when staff issue outside them, then a ticket is issued', () => {
    const office = makeOffice((o) => {
      o.enforceOpeningHours = true;
    });
    expect(issueTicket(emptyDay('2026-03-01'), office, input('s', 'housing', 'staff'), at(SUNDAY_11)).ok).toBe(true);
  });

  it('given opening hours are not enforced (demo office), when the kiosk asks on Sunday, then a ticket is issued', () => {
    expect(issueTicket(emptyDay('2026-03-01'), demo(), input('k', 'housing'), at(SUNDAY_11)).ok).toBe(true);
  });

  it('given an info-only concern, when a ticket is asked for, then it is refused with INFO_ONLY_CONCERN', () => {
    expect(errorOf(issueTicket(emptyDay('2026-03-02'), demo(), input('k', 'online'), at(MONDAY_9)))).toBe(
      'INFO_ONLY_CONCERN',
    );
    expect(errorOf(issueTicket(emptyDay('2026-03-02'), demo(), input('s', 'online', 'staff'), at(MONDAY_9)))).toBe(
      'INFO_ONLY_CONCERN',
    );
  });

  it('given an unknown concern, when a ticket is asked for, then it is refused with UNKNOWN_CONCERN', () => {
    expect(errorOf(issueTicket(emptyDay('2026-03-02'), demo(), input('k', 'passports'), at(MONDAY_9)))).toBe(
      'UNKNOWN_CONCERN',
    );
  });
});

describe('callNext', () => {
  it('given two waiting tickets of one concern, when a counter serving it calls next, then the older one is called', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const first = desk.issue('housing');
    desk.advance(1);
    desk.issue('housing');
    desk.advance(5);
    expect(desk.call('desk-2')?.id).toBe(first.id);
  });

  it('given two tickets of one concern issued in the same millisecond, when a counter calls next, then the one issued first (W-001) is called first', () => {
    const desk = new Desk(demo(), MONDAY_9);
    // Ids are opaque (random in practice); here the first ticket's id sorts after the second's.
    const first = desk.issue('housing', { id: 'f3a9' });
    const second = desk.issue('housing', { id: '0b71' });
    expect([first.number, second.number]).toEqual(['W-001', 'W-002']);
    expect(desk.call('desk-2')?.number).toBe('W-001');
    expect(desk.call('desk-2')?.number).toBe('W-002');
  });

  it('given an older ticket of a concern the counter does not serve, when it calls next, then it calls the one it serves', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('education');
    desk.advance(1);
    const housing = desk.issue('housing');
    expect(desk.call('desk-2')?.id).toBe(housing.id);
  });

  it('given only tickets of concerns the counter does not serve, when it calls next, then nobody is called', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('education');
    desk.issue('documents');
    expect(desk.call('desk-2')).toBeNull();
    expect(desk.state.tickets.every((t) => t.status === 'waiting')).toBe(true);
  });

  it('given a waiting ticket, when it is called, then it is called to that counter and the call is announced', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.advance(7);
    const office = desk.office;
    const outcome = unwrap(callNext(desk.state, office, 'desk-2', desk.now));
    expect(outcome.value).toMatchObject({
      id: t.id,
      status: 'called',
      counterId: 'desk-2',
      calledAt: desk.now,
      firstCalledAt: desk.now,
      callCount: 1,
    });
    expect(outcome.state.counters['desk-2']).toEqual({ counterId: 'desk-2', status: 'open', currentTicketId: t.id });
    expect(outcome.state.callSeq).toBe(1);
    const call = {
      seq: 1,
      ticketId: t.id,
      number: 'W-001',
      concernId: 'housing',
      counterId: 'desk-2',
      counterName: 'Platz 2',
      at: desk.now,
      recall: false,
    };
    expect(outcome.state.recentCalls).toEqual([call]);
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket-changed', 'call', 'counter-changed']);
    expect(outcome.events[1]).toEqual({ type: 'call', call, ticket: outcome.value });
  });

  it('given a visitor still at the counter, when it calls next, then that visitor is marked done and their service time recorded', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const a = desk.issue('housing');
    const b = desk.issue('housing', { id: 'zz' });
    desk.call('desk-2');
    desk.advance(12);
    expect(desk.call('desk-2')?.id).toBe(b.id);
    expect(desk.ticket(a.id)).toMatchObject({ status: 'done', closedAt: desk.now });
    expect(desk.state.serviceMinutes.housing).toEqual([12]);
    expect(desk.state.counters['desk-2']?.currentTicketId).toBe(b.id);
  });

  it('given a visitor at the counter and nobody waiting, when it calls next, then the visitor is done and the value is null', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const a = desk.issue('housing');
    desk.call('desk-2');
    desk.advance(3);
    expect(desk.call('desk-2')).toBeNull();
    expect(desk.ticket(a.id).status).toBe('done');
    expect(desk.state.counters['desk-2']).toEqual({ counterId: 'desk-2', status: 'open' });
  });

  it('given nobody waits, when a closed counter calls next, then the value is null, nothing is announced and the counter is open', () => {
    const office = demo();
    const outcome = unwrap(callNext(emptyDay('2026-03-02'), office, 'desk-1', at(MONDAY_9)));
    expect(outcome.value).toBeNull();
    expect(outcome.state.callSeq).toBe(0);
    expect(outcome.state.recentCalls).toEqual([]);
    expect(outcome.state.counters['desk-1']).toEqual({ counterId: 'desk-1', status: 'open' });
    expect(outcome.events).toEqual([{ type: 'counter-changed', counter: { counterId: 'desk-1', status: 'open' } }]);
  });

  it('given two counters serving the same concern, when they call in turn, then they never get the same ticket', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const a = desk.issue('housing');
    desk.advance(1);
    const b = desk.issue('housing');
    const first = desk.call('desk-2');
    const second = desk.call('desk-4');
    expect(first?.id).toBe(a.id);
    expect(second?.id).toBe(b.id);
    expect(desk.call('desk-1')).toBeNull();
    expect(desk.ticket(a.id)).toMatchObject({ status: 'called', counterId: 'desk-2' });
    expect(desk.ticket(b.id)).toMatchObject({ status: 'called', counterId: 'desk-4' });
  });

  it('given a paused counter, when it calls next, then it is open again', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.setStatus('desk-2', 'paused', 'Pause');
    desk.call('desk-2');
    expect(desk.state.counters['desk-2']?.status).toBe('open');
    expect(desk.state.counters['desk-2']?.pauseReason).toBeUndefined();
  });

  it('given an unknown counter, when it calls next, then UNKNOWN_COUNTER', () => {
    expect(errorOf(callNext(emptyDay('2026-03-02'), demo(), 'desk-99', at(MONDAY_9)))).toBe('UNKNOWN_COUNTER');
  });
});

describe('recall and no-show', () => {
  it('given a called visitor, when the counter recalls, then the call is announced again with the next seq and callCount grows', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    const firstCalledAt = desk.now;
    desk.advance(2);
    const outcome = unwrap(recall(desk.state, desk.office, 'desk-2', desk.now));
    expect(outcome.value).toMatchObject({
      id: t.id,
      status: 'called',
      callCount: 2,
      calledAt: desk.now,
      firstCalledAt,
      counterId: 'desk-2',
    });
    expect(outcome.state.callSeq).toBe(2);
    expect(outcome.state.recentCalls.at(-1)).toMatchObject({ seq: 2, ticketId: t.id, recall: true, at: desk.now });
    expect(outcome.state.counters['desk-2']?.currentTicketId).toBe(t.id);
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket-changed', 'call']);
  });

  it('given maxCalls 3, when a visitor was called three times, then the next recall is refused with MAX_CALLS_REACHED and nothing changes by itself', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    expect(desk.recall('desk-2').callCount).toBe(2);
    expect(desk.recall('desk-2').callCount).toBe(3);
    expect(desk.state.callSeq).toBe(3);
    desk.advance(1);
    expect(errorOf(recall(desk.state, desk.office, 'desk-2', desk.now))).toBe('MAX_CALLS_REACHED');
    expect(desk.ticket(t.id)).toMatchObject({ status: 'called', callCount: 3 });
    expect(desk.state.callSeq).toBe(3);
    expect(desk.state.recentCalls).toHaveLength(3);
    expect(desk.state.counters['desk-2']?.currentTicketId).toBe(t.id);
    // The clerk decides: "Nicht erschienen".
    expect(desk.noShow('desk-2')).toMatchObject({ id: t.id, status: 'no-show', closedAt: desk.now, callCount: 3 });
    expect(desk.state.serviceMinutes.housing).toBeUndefined();
  });

  it('given maxCalls 1, when the counter recalls once, then the recall is refused (the last call was the first)', () => {
    const desk = new Desk(
      makeOffice((o) => {
        o.policy.maxCalls = 1;
      }),
      MONDAY_9,
    );
    desk.issue('housing');
    desk.call('desk-2');
    expect(errorOf(recall(desk.state, desk.office, 'desk-2', desk.now))).toBe('MAX_CALLS_REACHED');
  });

  it('given a visitor who did not come, when the clerk marks a no-show, then the ticket is closed without a service time and the counter is free', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    desk.advance(4);
    const closed = desk.noShow('desk-2');
    expect(closed).toMatchObject({ id: t.id, status: 'no-show', closedAt: desk.now });
    expect(desk.state.serviceMinutes.housing).toBeUndefined();
    expect(desk.state.counters['desk-2']).toMatchObject({ counterId: 'desk-2', status: 'open' });
    expect(desk.state.counters['desk-2']?.currentTicketId).toBeUndefined();
    expect(desk.call('desk-2')).toBeNull();
  });
});

describe('complete', () => {
  it('given a visitor being served, when the clerk completes, then the ticket is done, the service time recorded and the counter free', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    desk.advance(9);
    const outcome = unwrap(complete(desk.state, desk.office, 'desk-2', desk.now));
    expect(outcome.value).toMatchObject({ id: t.id, status: 'done', closedAt: desk.now });
    expect(outcome.state.serviceMinutes).toEqual({ housing: [9] });
    expect(outcome.state.counters['desk-2']).toMatchObject({ counterId: 'desk-2', status: 'open' });
    expect(outcome.state.counters['desk-2']?.currentTicketId).toBeUndefined();
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket-changed', 'counter-changed']);
  });

  it('given many served visitors, then only the most recent service times are kept', () => {
    const desk = new Desk(demo(), MONDAY_9);
    for (let i = 1; i <= 25; i++) {
      desk.issue('housing');
      desk.call('desk-2');
      desk.advance(i);
      desk.complete('desk-2');
    }
    const samples = desk.state.serviceMinutes.housing ?? [];
    expect(samples).toHaveLength(20);
    expect(samples.at(0)).toBe(6);
    expect(samples.at(-1)).toBe(25);
  });
});

describe('transfer', () => {
  it('given a called housing visitor, when transferred to education, then they keep number and arrival and wait again', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.advance(5);
    desk.call('desk-2');
    desk.advance(3);
    const moved = desk.transfer('desk-2', 'education');
    expect(moved).toMatchObject({
      id: t.id,
      number: 'W-001',
      issuedAt: t.issuedAt,
      concernId: 'education',
      status: 'waiting',
      callCount: 0,
      transferredFrom: ['housing'],
    });
    expect(moved.counterId).toBeUndefined();
    expect(moved.calledAt).toBeUndefined();
    expect(desk.state.counters['desk-2']).toMatchObject({ counterId: 'desk-2', status: 'open' });
    expect(desk.state.counters['desk-2']?.currentTicketId).toBeUndefined();
    expect(desk.state.lastNumber).toEqual({ housing: 1 });
  });

  it('given a transferred visitor, then only a counter serving the new concern calls them', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    desk.transfer('desk-2', 'education');
    expect(desk.call('desk-2')).toBeNull();
    expect(desk.call('desk-3')?.id).toBe(t.id);
  });

  it('given a transferred visitor who arrived before the new concern’s line, then they are called first there', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const w = desk.issue('housing');
    desk.advance(5);
    const b1 = desk.issue('education');
    desk.advance(5);
    desk.call('desk-2');
    desk.advance(5);
    desk.transfer('desk-2', 'education');
    const b2 = desk.issue('education');
    desk.advance(1);
    expect([desk.call('desk-3')?.id, desk.call('desk-3')?.id, desk.call('desk-3')?.id]).toEqual([w.id, b1.id, b2.id]);
  });

  it('given a transferred visitor who arrived after the new concern’s first visitor, then they are called in arrival order', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const b1 = desk.issue('education');
    desk.advance(5);
    const w = desk.issue('housing');
    desk.advance(1);
    desk.call('desk-2');
    desk.transfer('desk-2', 'education');
    desk.advance(1);
    expect([desk.call('desk-3')?.id, desk.call('desk-3')?.id]).toEqual([b1.id, w.id]);
  });

  it('given a visitor transferred twice, then both former concerns are remembered, oldest first', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.call('desk-2');
    desk.transfer('desk-2', 'education');
    desk.call('desk-3');
    expect(desk.transfer('desk-3', 'subsistence').transferredFrom).toEqual(['housing', 'education']);
  });

  it('given a transfer to the same, an info-only or an unknown concern, then it is refused', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.call('desk-2');
    expect(errorOf(transfer(desk.state, desk.office, 'desk-2', 'housing', desk.now))).toBe('SAME_CONCERN');
    expect(errorOf(transfer(desk.state, desk.office, 'desk-2', 'online', desk.now))).toBe('UNKNOWN_CONCERN');
    expect(errorOf(transfer(desk.state, desk.office, 'desk-2', 'passports', desk.now))).toBe('UNKNOWN_CONCERN');
  });
});

describe('actions without a current visitor', () => {
  const actions = {
    recall: (s: DayState, o: OfficeConfig, now: number) => recall(s, o, 'desk-2', now),
    complete: (s: DayState, o: OfficeConfig, now: number) => complete(s, o, 'desk-2', now),
    markNoShow: (s: DayState, o: OfficeConfig, now: number) => markNoShow(s, o, 'desk-2', now),
    transfer: (s: DayState, o: OfficeConfig, now: number) => transfer(s, o, 'desk-2', 'education', now),
  };

  for (const [name, act] of Object.entries(actions)) {
    it(`given a counter nobody was called to, when it tries ${name}, then NO_CURRENT_TICKET`, () => {
      const desk = new Desk(demo(), MONDAY_9);
      desk.issue('housing');
      expect(errorOf(act(desk.state, desk.office, desk.now))).toBe('NO_CURRENT_TICKET');
    });

    it(`given the counter’s visitor was already completed, when it tries ${name}, then NO_CURRENT_TICKET`, () => {
      const desk = new Desk(demo(), MONDAY_9);
      desk.issue('housing');
      desk.call('desk-2');
      desk.complete('desk-2');
      expect(errorOf(act(desk.state, desk.office, desk.now))).toBe('NO_CURRENT_TICKET');
    });

    it(`given a visitor called to another counter, when this counter tries ${name}, then NO_CURRENT_TICKET`, () => {
      const desk = new Desk(demo(), MONDAY_9);
      desk.issue('housing');
      desk.call('desk-4');
      expect(errorOf(act(desk.state, desk.office, desk.now))).toBe('NO_CURRENT_TICKET');
      expect(desk.ticket(desk.state.tickets[0]?.id ?? '').status).toBe('called');
    });
  }

  it('given an unknown counter, then every counter action is refused with UNKNOWN_COUNTER', () => {
    const office = demo();
    const s = emptyDay('2026-03-02');
    const now = at(MONDAY_9);
    expect(errorOf(recall(s, office, 'nope', now))).toBe('UNKNOWN_COUNTER');
    expect(errorOf(complete(s, office, 'nope', now))).toBe('UNKNOWN_COUNTER');
    expect(errorOf(markNoShow(s, office, 'nope', now))).toBe('UNKNOWN_COUNTER');
    expect(errorOf(transfer(s, office, 'nope', 'housing', now))).toBe('UNKNOWN_COUNTER');
    expect(errorOf(setCounterStatus(s, office, 'nope', 'open'))).toBe('UNKNOWN_COUNTER');
  });
});

describe('setCounterStatus', () => {
  it('given a counter, when it is paused with a reason, then the reason is kept', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.setStatus('desk-1', 'paused', 'Mittagspause');
    expect(desk.state.counters['desk-1']).toEqual({
      counterId: 'desk-1',
      status: 'paused',
      pauseReason: 'Mittagspause',
    });
  });

  it('given a paused counter, when it is opened, then the pause reason is gone', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.setStatus('desk-1', 'paused', 'Mittagspause');
    desk.setStatus('desk-1', 'open');
    expect(desk.state.counters['desk-1']).toEqual({ counterId: 'desk-1', status: 'open' });
  });

  it('given a visitor at the counter, when the counter is closed, then the visitor stays called there', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing');
    desk.call('desk-2');
    desk.setStatus('desk-2', 'closed', 'ignored');
    expect(desk.state.counters['desk-2']).toEqual({ counterId: 'desk-2', status: 'closed', currentTicketId: t.id });
    expect(desk.complete('desk-2').status).toBe('done');
  });
});

describe('call sequence and recent calls', () => {
  it('given calls and recalls on several counters, then seq increases by exactly one each time', () => {
    const desk = new Desk(demo(), MONDAY_9);
    for (let i = 0; i < 4; i++) desk.issue('housing');
    desk.call('desk-2');
    desk.recall('desk-2');
    desk.call('desk-4');
    desk.call('desk-2');
    desk.recall('desk-4');
    expect(desk.state.recentCalls.map((c) => [c.seq, c.counterId, c.recall])).toEqual([
      [1, 'desk-2', false],
      [2, 'desk-2', true],
      [3, 'desk-4', false],
      [4, 'desk-2', false],
      [5, 'desk-4', true],
    ]);
    expect(desk.state.callSeq).toBe(5);
  });

  it('given calls yesterday, when the day rolls and the first call of the new day is made, then seq continues', () => {
    const desk = new Desk(demo(), '2026-03-02T10:00:00Z');
    desk.issue('housing');
    desk.call('desk-2');
    desk.recall('desk-2');
    desk.setNow('2026-03-03T08:00:00Z');
    desk.rollDay();
    expect(desk.state.callSeq).toBe(2);
    desk.issue('housing');
    desk.call('desk-2');
    expect(desk.state.callSeq).toBe(3);
    expect(desk.state.recentCalls.at(-1)?.seq).toBe(3);
  });

  it('given more calls than RECENT_CALLS_CAP, then only the newest calls are kept, newest last', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const total = RECENT_CALLS_CAP + 10;
    for (let i = 0; i < total; i++) {
      desk.issue('housing');
      desk.call('desk-2');
    }
    expect(desk.state.recentCalls).toHaveLength(RECENT_CALLS_CAP);
    expect(desk.state.recentCalls.at(0)?.seq).toBe(total - RECENT_CALLS_CAP + 1);
    expect(desk.state.recentCalls.at(-1)?.seq).toBe(total);
  });
});

describe('purity: actions never change their input', () => {
  /** A state with waiting, called and done tickets, a paused counter and service samples. */
  function busyDay() {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.issue('education');
    desk.issue('housing');
    desk.issue('subsistence');
    desk.call('desk-2');
    desk.advance(6);
    desk.call('desk-2');
    desk.call('desk-3');
    desk.setStatus('desk-4', 'paused', 'Pause');
    desk.advance(2);
    return desk;
  }

  const cases: Record<string, (s: DayState, o: OfficeConfig, now: number) => unknown> = {
    issueTicket: (s, o, now) => issueTicket(s, o, input('new', 'housing'), now),
    'callNext (with a visitor to complete)': (s, o, now) => callNext(s, o, 'desk-2', now),
    'callNext (nobody waiting for it)': (s, o, now) => callNext(s, o, 'desk-4', now),
    recall: (s, o, now) => recall(s, o, 'desk-2', now),
    complete: (s, o, now) => complete(s, o, 'desk-2', now),
    markNoShow: (s, o, now) => markNoShow(s, o, 'desk-3', now),
    transfer: (s, o, now) => transfer(s, o, 'desk-2', 'subsistence', now),
    setCounterStatus: (s, o) => setCounterStatus(s, o, 'desk-2', 'paused', 'kurz'),
    rollDay: (s, o) => rollDay(s, o, at('2026-03-03T08:00:00Z')),
  };

  for (const [name, act] of Object.entries(cases)) {
    it(`given a deep-frozen state and office, when ${name} runs, then it succeeds and both are unchanged`, () => {
      const desk = busyDay();
      const snapshot = structuredClone(desk.state);
      const officeSnapshot = structuredClone(desk.office);
      const state = deepFreeze(desk.state);
      const office = deepFreeze(desk.office);
      const result = act(state, office, desk.now) as { ok?: boolean; value?: unknown };
      if ('ok' in result) expect(result.ok).toBe(true);
      expect(state).toEqual(snapshot);
      expect(office).toEqual(officeSnapshot);
    });
  }

  it('given a recall past maxCalls, when it runs on a frozen state, then it is refused and the state is unchanged', () => {
    const desk = new Desk(
      makeOffice((o) => {
        o.policy.maxCalls = 1;
      }),
      MONDAY_9,
    );
    desk.issue('housing');
    desk.call('desk-2');
    const snapshot = structuredClone(desk.state);
    const state = deepFreeze(desk.state);
    const r = recall(state, desk.office, 'desk-2', desk.now);
    expect(errorOf(r)).toBe('MAX_CALLS_REACHED');
    expect(state).toEqual(snapshot);
  });

  it('given an action, then tickets it did not touch are shared, not copied', () => {
    const desk = busyDay();
    const before = desk.state;
    const after = unwrap(recall(before, desk.office, 'desk-2', desk.now)).state;
    const untouched = before.tickets.filter((t) => t.counterId !== 'desk-2' || t.status !== 'called');
    for (const t of untouched) expect(after.tickets.find((x) => x.id === t.id)).toBe(t);
  });
});
