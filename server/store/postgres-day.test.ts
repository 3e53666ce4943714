import { describe, expect, it } from 'vitest';
import * as queue from '../../core/queue.ts';
import type { DayState, OfficeConfig } from '../../core/types.ts';
import { loadOfficeConfig } from '../office-config.ts';
import { applyRows, changeOf, headOf } from './postgres-day.ts';

const office: OfficeConfig = loadOfficeConfig(undefined);
const T0 = Date.parse('2026-12-03T09:00:00Z');

function unwrap<T>(r: { ok: true; value: { state: DayState; value: T } } | { ok: false; error: string }): DayState {
  if (!r.ok) throw new Error(r.error);
  return r.value.state;
}

function issue(state: DayState, n: number): DayState {
  return unwrap(
    queue.issueTicket(
      state,
      office,
      { id: `t${n}`, token: `token-${n}`, concernId: 'housing', language: 'de', source: 'kiosk' },
      T0 + n,
    ),
  );
}

function dayWith(count: number): DayState {
  let s = queue.emptyDay('2026-12-03');
  for (let n = 0; n < count; n++) s = issue(s, n);
  return unwrap(queue.setCounterStatus(s, office, 'desk-2', 'open'));
}

describe('the live day as rows', () => {
  it('a new ticket writes one row and the head; applying it gives the same day', () => {
    const before = dayWith(50);
    const after = issue(before, 50);
    const change = changeOf(before, after);
    expect(change.rewrite).toBe(false);
    expect(change.rows).toEqual([{ p: 50, t: after.tickets[50] }]);
    expect(change.head).toEqual(headOf(after));
    expect(applyRows(before, change.head, change.rows)).toEqual(after);
  });

  it('a call writes only the called ticket, whatever the size of the day', () => {
    const before = dayWith(2000);
    const after = unwrap(queue.callNext(before, office, 'desk-2', T0 + 60_000));
    const change = changeOf(before, after);
    expect(change.rows.map((r) => r.p)).toEqual([0]);
    expect(change.rows[0]?.t.status).toBe('called');
    expect(applyRows(before, change.head, change.rows)).toEqual(after);
  });

  it('an unchanged day writes no row', () => {
    const day = dayWith(3);
    expect(changeOf(day, { ...day }).rows).toEqual([]);
  });

  it('a new day, a first day or a removed ticket rewrites every row', () => {
    const day = dayWith(5);
    const next = queue.emptyDay('2026-12-04', day.callSeq);
    expect(changeOf(day, next)).toEqual({ head: headOf(next), rows: [], rewrite: true });
    expect(changeOf(null, day).rewrite).toBe(true);
    expect(changeOf(null, day).rows).toHaveLength(5);
    const removed = { ...day, tickets: day.tickets.slice(1) };
    expect(changeOf(day, removed).rewrite).toBe(true);
    expect(applyRows(null, headOf(removed), changeOf(day, removed).rows)).toEqual(removed);
  });

  it('rows that do not fit the copy (a gap, another ticket at a place) are refused', () => {
    const day = dayWith(3);
    const head = headOf(day);
    const later = issue(issue(day, 3), 4);
    expect(applyRows(day, head, [{ p: 4, t: later.tickets[4]! }])).toBeUndefined();
    expect(applyRows(day, head, [{ p: 0, t: later.tickets[4]! }])).toBeUndefined();
  });
});
