/**
 * The counter's actions on the queue: call next, recall and no-show, complete, transfer, and
 * what each does without a current visitor. Issuing is in `queue-issue.test.ts`, the counter's
 * status, the call sequence and purity in `queue-state.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { callNext, complete, emptyDay, markNoShow, recall, setCounterStatus, transfer } from './queue.ts';
import { at, calledOnceAtMost, Desk, errorOf, makeOffice, unwrap } from './test-fixtures.ts';
import type { DayState, OfficeConfig } from './types.ts';

/** Monday 2026-03-02, 09:00 local (CET), within the demo office's opening hours. */
const MONDAY_9 = '2026-03-02T08:00:00Z';
const _SUNDAY_11 = '2026-03-01T10:00:00Z';

const demo = () => makeOffice();

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
    const desk = calledOnceAtMost(MONDAY_9);
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
