/**
 * The counter's status, the call sequence and the screens' recent calls, and the purity of every
 * queue action (inputs deep-frozen, never changed).
 */
import { describe, expect, it } from 'vitest';
import {
  callNext,
  complete,
  issueTicket,
  markNoShow,
  recall,
  rollDay,
  setCounterStatus,
  transfer,
  type IssueInput,
} from './queue.ts';
import { at, calledOnceAtMost, Desk, deepFreeze, errorOf, makeOffice, unwrap } from './test-fixtures.ts';
import { RECENT_CALLS_CAP, type DayState, type OfficeConfig } from './types.ts';

/** Monday 2026-03-02, 09:00 local (CET), within the demo office's opening hours. */
const MONDAY_9 = '2026-03-02T08:00:00Z';
const _SUNDAY_11 = '2026-03-01T10:00:00Z';

const demo = () => makeOffice();

function input(id: string, concernId: string, source: 'kiosk' | 'staff' = 'kiosk'): IssueInput {
  return { id, token: `token-${id}`, concernId, language: 'de', source };
}

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
    const desk = calledOnceAtMost(MONDAY_9);
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
