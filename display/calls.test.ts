import { describe, expect, it } from 'vitest';
import {
  applyCall,
  CALLED_CAP,
  callKey,
  filterWaiting,
  inScope,
  mergeRecent,
  RECENT_CAP,
  scopeConcernIds,
  shownRecent,
  unknownArea,
  scopeCounterIds,
} from './calls.ts';
import { call, current, office } from './test-fixtures.ts';

describe('mergeRecent', () => {
  it('given calls in any order, then newest first, one entry per seq', () => {
    const merged = mergeRecent([call(3, 'W-003'), call(1, 'W-001')], [call(2, 'W-002'), call(3, 'W-003')]);
    expect(merged.map((c) => c.seq)).toEqual([3, 2, 1]);
  });

  it('given more calls than the cap, then only the newest are kept', () => {
    let list = mergeRecent([], []);
    for (let seq = 1; seq <= 1000; seq++) list = mergeRecent([call(seq, `W-${seq}`)], list);
    expect(list).toHaveLength(RECENT_CAP);
    expect(list[0]?.seq).toBe(1000);
    expect(list.at(-1)?.seq).toBe(1000 - RECENT_CAP + 1);
  });

  it('given a number called and recalled, then it is listed once, as its latest call', () => {
    const first = mergeRecent([call(1, 'W-001')], []);
    const withOther = mergeRecent([call(2, 'W-002', 'desk-2')], first);
    const recalled = mergeRecent(
      [call(4, 'W-001', 'desk-1', true)],
      mergeRecent([call(3, 'W-001', 'desk-1', true)], withOther),
    );
    expect(recalled.map((c) => [c.number, c.seq, c.recall])).toEqual([
      ['W-001', 4, true],
      ['W-002', 2, false],
    ]);
  });
});

describe('shownRecent', () => {
  it('given a number marked as no-show, then it is left out; the others keep their order', () => {
    const recent = [call(3, 'W-003'), call(2, 'W-002'), call(1, 'W-001')];
    expect(shownRecent(recent, ['W-002']).map((c) => c.number)).toEqual(['W-003', 'W-001']);
    expect(shownRecent(recent, undefined).map((c) => c.number)).toEqual(['W-003', 'W-002', 'W-001']);
  });

  it('given more entries than the cap, then only the newest are shown', () => {
    const recent = Array.from({ length: 15 }, (_, i) => call(15 - i, `W-${15 - i}`));
    expect(shownRecent(recent, ['W-15'])).toHaveLength(RECENT_CAP);
    expect(shownRecent(recent, ['W-15'])[0]?.number).toBe('W-14');
  });
});

describe('applyCall', () => {
  it('given a new call at a counter, then it replaces what that counter showed and goes on top', () => {
    const before = [current(call(2, 'B-001', 'desk-3')), current(call(1, 'W-001', 'desk-1'))];
    const after = applyCall(before, call(3, 'W-002', 'desk-1'));
    expect(after.map(callKey)).toEqual(['W-002@desk-1', 'B-001@desk-3']);
  });

  it('given a recall, then the number moves to the top once', () => {
    const before = [current(call(2, 'B-001', 'desk-3')), current(call(1, 'W-001', 'desk-1'))];
    const after = applyCall(before, call(3, 'W-001', 'desk-1', true));
    expect(after.map(callKey)).toEqual(['W-001@desk-1', 'B-001@desk-3']);
  });

  it('given many counters, then the list stays capped', () => {
    let list = applyCall([], call(1, 'W-001', 'desk-0'));
    for (let i = 2; i <= 50; i++) list = applyCall(list, call(i, `W-${i}`, `desk-${i}`));
    expect(list).toHaveLength(CALLED_CAP);
  });
});

describe('screen scope', () => {
  const o = office();

  it('given no area and no counters, then everything is shown', () => {
    expect(scopeCounterIds(o, undefined)).toBeNull();
    expect(scopeCounterIds(o, { area: null, counterIds: null })).toBeNull();
    expect(inScope({ counterId: 'any' }, null)).toBe(true);
    expect(scopeConcernIds(o, null)).toBeNull();
  });

  it('given an area, then only its counters, ignoring case and outer spaces', () => {
    expect([...(scopeCounterIds(o, { area: ' erdgeschoss ' }) ?? [])]).toEqual(['desk-1', 'desk-2']);
    expect([...(scopeCounterIds(o, { area: '1. Stock' }) ?? [])]).toEqual(['desk-3']);
  });

  it('given an unknown area, then nothing (not everything) is shown', () => {
    const ids = scopeCounterIds(o, { area: 'Keller' });
    expect(ids?.size).toBe(0);
    expect(inScope({ counterId: 'desk-1' }, ids ?? null)).toBe(false);
  });

  it('given counter ids, with or without an area, then the counters matching both', () => {
    expect([...(scopeCounterIds(o, { counterIds: ['desk-3', 'desk-2'] }) ?? [])]).toEqual(['desk-2', 'desk-3']);
    expect([...(scopeCounterIds(o, { area: 'Erdgeschoss', counterIds: ['desk-3', 'desk-2'] }) ?? [])]).toEqual([
      'desk-2',
    ]);
  });

  it('given the office is not known yet, then an area screen shows nothing', () => {
    expect(scopeCounterIds(null, { area: 'Erdgeschoss' })?.size).toBe(0);
  });

  it('given an area, then waiting counts only of the concerns its counters serve', () => {
    const counters = scopeCounterIds(o, { area: 'Erdgeschoss' });
    const concerns = scopeConcernIds(o, counters);
    expect([...(concerns ?? [])].sort()).toEqual(['documents', 'housing']);
    const waiting = [
      { concernId: 'housing', count: 2, estimatedWaitMinutes: 10 },
      { concernId: 'education', count: 1, estimatedWaitMinutes: 5 },
      { concernId: 'documents', count: 0, estimatedWaitMinutes: 0 },
    ];
    expect(filterWaiting(waiting, concerns).map((w) => w.concernId)).toEqual(['housing', 'documents']);
    expect(filterWaiting(waiting, null)).toHaveLength(3);
  });
});

describe('unknownArea', () => {
  it('given an area no counter has, then it names the areas the counters do have', () => {
    const o = {
      counters: [
        { id: 'a', name: 'A', concernIds: [], area: 'Erdgeschoss' },
        { id: 'b', name: 'B', concernIds: [], area: '1. Stock' },
        { id: 'c', name: 'C', concernIds: [], area: 'Erdgeschoss' },
      ],
    };
    expect(unknownArea(o, 'Erdgeshoss')).toEqual({ area: 'Erdgeshoss', known: ['Erdgeschoss', '1. Stock'] });
    expect(unknownArea(o, ' erdgeschoss ')).toBeNull();
    expect(unknownArea(o, null)).toBeNull();
  });
});
