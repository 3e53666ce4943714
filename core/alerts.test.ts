import { describe, expect, it } from 'vitest';
import { addAlertMinutes, alertMinutesBetween, MAX_COUNTED_SPAN_MS, trackAlerts } from './alerts.ts';
import type { RawAlert } from './live.ts';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const MIN = 60_000;
const wait = (level: 'warning' | 'critical'): RawAlert => ({
  id: 'wait:housing',
  kind: 'wait',
  level,
  message: 'x',
  concernId: 'housing',
});
const printer: RawAlert = { id: 'printer:a', kind: 'printer', level: 'critical', message: 'y', printerId: 'a' };

describe('tracking alerts', () => {
  it('given a new alert, then it is raised with since = now', () => {
    const t = trackAlerts(new Map(), [], [wait('warning')], T0);
    expect(t.transitions.map((x) => x.type)).toEqual(['raised']);
    expect(t.alerts[0]?.since).toBe(new Date(T0).toISOString());
  });

  it('given the same alert turning critical, then it changes and keeps its start', () => {
    const first = trackAlerts(new Map(), [], [wait('warning')], T0);
    const second = trackAlerts(first.memory, first.alerts, [wait('critical')], T0 + 20 * MIN);
    expect(second.transitions.map((x) => [x.type, x.alert.level])).toEqual([['changed', 'critical']]);
    expect(second.alerts[0]?.since).toBe(new Date(T0).toISOString());
  });

  it('given an unchanged alert, then nothing is reported; given it gone, then it is cleared', () => {
    const first = trackAlerts(new Map(), [], [wait('warning')], T0);
    const same = trackAlerts(first.memory, first.alerts, [wait('warning')], T0 + MIN);
    expect(same.transitions).toEqual([]);
    const gone = trackAlerts(same.memory, same.alerts, [], T0 + 2 * MIN);
    expect(gone.transitions.map((x) => [x.type, x.alert.id])).toEqual([['cleared', 'wait:housing']]);
    expect(gone.alerts).toEqual([]);
    expect(gone.memory.size).toBe(0);
  });

  it('given a warning and a later critical alert, then the critical one comes first', () => {
    const first = trackAlerts(new Map(), [], [wait('warning')], T0);
    const both = trackAlerts(first.memory, first.alerts, [wait('warning'), printer], T0 + MIN);
    expect(both.alerts.map((a) => a.id)).toEqual(['printer:a', 'wait:housing']);
  });
});

describe('alert minutes per day', () => {
  it('given a warning for 3 minutes and then a critical alert for 2, then 5 in warning, 2 critical, per kind', () => {
    let record = addAlertMinutes({}, '2026-03-02', [wait('warning')], T0, T0 + 3 * MIN);
    record = addAlertMinutes(record, '2026-03-02', [wait('warning'), printer], T0 + 3 * MIN, T0 + 5 * MIN);
    expect(alertMinutesBetween(record, '2026-03-02', '2026-03-02')).toEqual([
      { day: '2026-03-02', warning: 5, critical: 2, byKind: { wait: 5, printer: 2 } },
    ]);
  });

  it('given no alert in force, then nothing is counted', () => {
    expect(addAlertMinutes({}, '2026-03-02', [], T0, T0 + 3 * MIN)).toEqual({});
  });

  it('given a gap longer than the counted span (a stopped server), then only that span counts', () => {
    const record = addAlertMinutes({}, '2026-03-02', [wait('warning')], T0, T0 + 60 * MIN);
    expect(record['2026-03-02']?.warning).toBe(MAX_COUNTED_SPAN_MS / MIN);
  });

  it('given days outside the range, then they are left out', () => {
    let record = addAlertMinutes({}, '2026-03-01', [wait('warning')], T0, T0 + MIN);
    record = addAlertMinutes(record, '2026-03-02', [wait('warning')], T0, T0 + MIN);
    expect(alertMinutesBetween(record, '2026-03-02', '2026-03-09').map((d) => d.day)).toEqual(['2026-03-02']);
  });
});
