/** Pure helpers of the admin statistics tab: quick ranges, periods, labels, colours. */
import { describe, expect, it } from 'vitest';
import { niceStep } from './chart-frame.tsx';
import { heatColor } from './heatmap.tsx';
import {
  countersUrl,
  formatCheckIn,
  formatShare,
  heatHours,
  heatmapUrl,
  isoWeek,
  periodLabel,
  periodShort,
  periodsOf,
  quickRanges,
  seriesOf,
  summaryCsvUrl,
  type StatsRow,
  weekMonday,
} from './stats-data.ts';

function contrast(hex: string, rgb: string): number {
  const lum = (channels: number[]) => {
    const [r, g, b] = channels.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const text = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const bg = (rgb.match(/\d+/g) ?? []).map(Number);
  const [hi, lo] = [lum(text), lum(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('statistics tab helpers', () => {
  it('given Wednesday 25 November 2026, then the quick choices are the weeks and months around it', () => {
    const q = Object.fromEntries(quickRanges('2026-11-25').map((r) => [r.id, [r.from, r.to, r.by]]));
    expect(q).toEqual({
      'last-week': ['2026-11-16', '2026-11-22', 'day'],
      'this-week': ['2026-11-23', '2026-11-25', 'day'],
      'last-30': ['2026-10-27', '2026-11-25', 'day'],
      'this-month': ['2026-11-01', '2026-11-25', 'day'],
      'last-month': ['2026-10-01', '2026-10-31', 'week'],
    });
    // On a Monday "last week" is the whole week before; in January "last month" is December.
    expect(quickRanges('2027-01-04').find((r) => r.id === 'last-week')).toMatchObject({
      from: '2026-12-28',
      to: '2027-01-03',
    });
    expect(quickRanges('2027-01-04').find((r) => r.id === 'last-month')).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-31',
    });
  });

  it('given a range, then every day, week or month is a chart category, closed days included', () => {
    expect(periodsOf({ from: '2026-11-16', to: '2026-11-22', by: 'day' }, [])).toHaveLength(7);
    expect(periodsOf({ from: '2026-11-01', to: '2026-11-30', by: 'week' }, [])).toEqual([
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
      '2026-W49',
    ]);
    expect(periodsOf({ from: '2026-11-20', to: '2027-01-10', by: 'month' }, [])).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(
      periodsOf({ from: '2026-11-16', to: '2026-11-16', by: 'hour' }, ['2026-11-16 10:00', '2026-11-16 09:00']),
    ).toEqual(['2026-11-16 09:00', '2026-11-16 10:00']);
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(weekMonday('2026-W47')).toBe('2026-11-16');
    expect(weekMonday('2026-W53')).toBe('2026-12-28');
  });

  it('labels periods in German', () => {
    expect(periodLabel('2026-11-16', 'day')).toBe('Mo 16.11.2026');
    expect(periodLabel('2026-W47', 'week')).toBe('KW 47 (16.11.–22.11.2026)');
    expect(periodLabel('2026-03', 'month')).toBe('März 2026');
    expect(periodLabel('2026-11-16 09:00', 'hour')).toBe('Mo 16.11.2026, 9–10 Uhr');
    expect(periodShort('2026-11-16', 'day')).toBe('Mo 16.11.');
    expect(periodShort('2026-W47', 'week')).toBe('KW 47');
    expect(formatShare(0.889)).toBe('88,9\u00a0%');
    expect(formatShare(null)).toBe('–');
    expect(formatCheckIn(-5)).toBe('5 Min. früher');
    expect(formatCheckIn(2.5)).toBe('2,5 Min. später');
    expect(formatCheckIn(0)).toBe('zur Terminzeit');
  });

  it('builds the addresses of the three reports and their CSV', () => {
    const q = { from: '2026-11-16', to: '2026-11-22', by: 'day' as const };
    expect(heatmapUrl(q, null)).toBe('/api/stats/heatmap?from=2026-11-16&to=2026-11-22');
    expect(heatmapUrl(q, 'housing', 'csv')).toBe(
      '/api/stats/heatmap?from=2026-11-16&to=2026-11-22&concernId=housing&format=csv',
    );
    expect(countersUrl(q, 'csv')).toBe('/api/stats/counters?from=2026-11-16&to=2026-11-22&format=csv');
    expect(summaryCsvUrl(q)).toBe('/api/stats?from=2026-11-16&to=2026-11-22&by=all&format=csv');
  });

  it('fills periods without data with zero counts and no times', () => {
    const row = { period: '2026-11-17', issued: 5, avgWaitMinutes: null } as StatsRow;
    expect(seriesOf([row], ['2026-11-16', '2026-11-17'], (r) => r.issued, 0)).toEqual([0, 5]);
    expect(seriesOf([row], ['2026-11-16', '2026-11-17'], (r) => r.avgWaitMinutes, null)).toEqual([null, null]);
  });

  it('shows the heat map hours from the first to the last with arrivals, and keeps its numbers readable', () => {
    const cell = (hour: number) => ({ weekday: 1, hour, arrivals: 1, days: 1, avgArrivals: 1 });
    expect(heatHours([cell(13), cell(9)])).toEqual([9, 10, 11, 12, 13]);
    expect(heatHours([])).toEqual([]);
    for (let t = 0; t <= 1; t += 0.05) {
      const { background, color } = heatColor(t);
      expect(contrast(color, background), `t=${t}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('picks round steps for the chart axes', () => {
    expect(niceStep(80)).toBe(20);
    expect(niceStep(25)).toBe(10);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(0)).toBe(1);
  });
});
