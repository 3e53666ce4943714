import { describe, expect, it } from 'vitest';
import { sameWeekdays, usualSoFar } from './live-today.ts';
import type { HourBucket } from './stats.ts';

const bucket = (hour: string, issued: number, served: number): HourBucket =>
  ({ hour, concernId: 'housing', issued, served, noShow: 0, cancelled: 0, transferred: 0 }) as unknown as HourBucket;

describe('the usual day so far', () => {
  it('given a Monday, then the four Mondays before it', () => {
    expect(sameWeekdays('2026-03-02')).toEqual(['2026-02-23', '2026-02-16', '2026-02-09', '2026-02-02']);
  });

  it('given two past Mondays, then at 10:30 the mean of whole hours before 10 and half the 10 o’clock hour', () => {
    const days = ['2026-02-23', '2026-02-16'];
    const buckets = [
      bucket('2026-02-23 09', 10, 8),
      bucket('2026-02-23 10', 4, 4),
      bucket('2026-02-23 11', 100, 100),
      bucket('2026-02-16 09', 6, 6),
      bucket('2026-02-09 09', 50, 50),
    ];
    // 10:30 in Berlin on 2 March 2026 (UTC+1).
    const now = Date.parse('2026-03-02T09:30:00Z');
    expect(usualSoFar(buckets, days, now, 'Europe/Berlin')).toEqual({ issued: 9, served: 8, noShow: 0 });
  });

  it('given no history, then no usual', () => {
    expect(usualSoFar([], ['2026-02-23'], Date.parse('2026-03-02T09:30:00Z'), 'Europe/Berlin')).toBeNull();
  });
});
