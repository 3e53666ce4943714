import { describe, expect, it } from 'vitest';
import { localParts } from '../localtime.ts';
import { makeOffice } from '../test-fixtures.ts';
import { DEFAULT_SIMULATION, hourlyRateOf, simulateDays, weeklyOpeningHours } from './model.ts';
import { createRandom } from './random.ts';
import { estimateError, median, percentile, summarize } from './report.ts';

const office = makeOffice();

describe('seeded random numbers', () => {
  it('given the same seed, then the same numbers; another seed, other numbers', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('given 20,000 draws, then uniform, exponential and log-normal draws have the asked-for means', () => {
    const r = createRandom(1);
    const n = 20_000;
    const mean = (f: () => number) => Array.from({ length: n }, f).reduce((s, x) => s + x, 0) / n;
    expect(mean(() => r.next())).toBeCloseTo(0.5, 1);
    expect(mean(() => r.exponential(3))).toBeCloseTo(3, 0);
    expect(mean(() => r.lognormal(9, 0.5))).toBeCloseTo(9, 0);
    const picks = Array.from({ length: n }, () => r.pick(['a', 'b'], [3, 1]));
    expect(picks.filter((p) => p === 'a').length / n).toBeCloseTo(0.75, 1);
  });
});

describe('report figures', () => {
  it('given numbers, then percentile is nearest-rank and median the middle', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(xs, 90)).toBe(9);
    expect(percentile(xs, 100)).toBe(10);
    expect(median(xs)).toBe(5.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it('given estimates and waits, then the error is the median of the absolute differences, relative to the mean wait', () => {
    const visitor = (estimatedWaitMinutes: number, waitMinutes: number | null) => ({
      ticketId: 'x',
      number: 'W-001',
      concernId: 'housing',
      appointment: false,
      issuedAt: 0,
      estimatedWaitMinutes,
      waitMinutes,
      outcome: 'done' as const,
      transferred: false,
    });
    const e = estimateError([visitor(10, 12), visitor(0, 1), visitor(20, 14), visitor(5, null)]);
    expect(e.count).toBe(3);
    expect(e.medianAbsoluteMinutes).toBe(2);
    expect(e.relativeToMeanWait).toBeCloseTo(2 / 9, 6);
    expect(e.biasMinutes).toBeCloseTo((-2 - 1 + 6) / 3, 6);
  });
});

describe('simulated days of the demo office', () => {
  it('given the demo office, then its weekly opening hours are 11.5 and 227 concerns a week give about 19.7 per hour', () => {
    expect(weeklyOpeningHours(office)).toBe(11.5);
    expect(hourlyRateOf(office, DEFAULT_SIMULATION)).toBeCloseTo(227 / 11.5, 6);
    expect(hourlyRateOf(office, { ...DEFAULT_SIMULATION, hourlyRate: 12 })).toBe(12);
  });

  it('given the same seed, then the same day; another seed, another day', () => {
    const a = simulateDays(office, { seed: 3, days: 1 });
    const b = simulateDays(office, { seed: 3, days: 1 });
    const c = simulateDays(office, { seed: 4, days: 1 });
    expect(a[0]?.visitors).toEqual(b[0]?.visitors);
    expect(a[0]?.visitors).not.toEqual(c[0]?.visitors);
  });

  it('given three days from a Monday, then Monday, Tuesday and Thursday are simulated within their opening hours', () => {
    const days = simulateDays(office, { seed: 1, days: 3 });
    expect(days.map((d) => [d.date, d.weekday])).toEqual([
      ['2026-03-02', 'mon'],
      ['2026-03-03', 'tue'],
      ['2026-03-05', 'thu'],
    ]);
    for (const day of days) {
      const span = day.spans[0] as { from: number; to: number };
      for (const v of day.visitors) {
        expect(v.issuedAt).toBeGreaterThanOrEqual(span.from);
        expect(v.issuedAt).toBeLessThan(span.to);
      }
      expect(localParts(span.from, office.timezone).minutes).toBe(day.weekday === 'tue' ? 13 * 60 : 9 * 60);
    }
  });

  it('given a day, then everybody who came is served, a no-show, or (transferred) served later; nobody is left waiting', () => {
    const [day] = simulateDays(office, { seed: 5, days: 1, noShowShare: 0.1, transferShare: 0.1, parkShare: 0.1 });
    if (!day) throw new Error('no day');
    expect(day.visitors.length).toBeGreaterThan(20);
    expect(day.visitors.every((v) => v.outcome === 'done' || v.outcome === 'no-show')).toBe(true);
    expect(day.visitors.every((v) => v.waitMinutes !== null && v.waitMinutes >= 0)).toBe(true);
    expect(day.visitors.some((v) => v.outcome === 'no-show')).toBe(true);
    expect(day.visitors.some((v) => v.transferred)).toBe(true);
    expect(day.timeline.at(-1)?.waiting).toBe(0);
  });

  it('given 10 simulated weeks at 227 concerns a week, then about 227 concerns come per week', () => {
    const days = simulateDays(office, { seed: 11, days: 30 });
    const perWeek = days.reduce((s, d) => s + d.visitors.length, 0) / 10;
    expect(perWeek).toBeGreaterThan(227 * 0.93);
    expect(perWeek).toBeLessThan(227 * 1.07);
  });

  it('given appointment holders, then they wait less than walk-ins', () => {
    const days = simulateDays(office, { seed: 2, days: 6, appointmentShare: 0.2 });
    const waits = (appointment: boolean) =>
      days.flatMap((d) => d.visitors).filter((v) => v.appointment === appointment && v.waitMinutes !== null);
    const mean = (xs: { waitMinutes: number | null }[]) => xs.reduce((s, v) => s + (v.waitMinutes ?? 0), 0) / xs.length;
    expect(waits(true).length).toBeGreaterThan(10);
    expect(mean(waits(true))).toBeLessThan(mean(waits(false)));
  });

  it('given the demo office’s day (seed 1, 227 concerns a week), then the estimates’ median absolute error is at most 25 % of the mean wait', () => {
    const report = summarize(simulateDays(office, { seed: 1, days: 1 }));
    expect(report.overall.meanMinutes).toBeGreaterThan(1);
    expect(report.estimate.relativeToMeanWait).toBeLessThanOrEqual(0.25);
  });

  it('given a week of the demo office (seeds 1 to 3), then the estimate error stays at most 25 % of the mean wait', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const report = summarize(simulateDays(office, { seed, days: 3 }));
      expect(report.estimate.relativeToMeanWait, `seed ${seed}`).toBeLessThanOrEqual(0.25);
    }
  });
});

describe('appointments booked ahead', () => {
  it('given a third of the visitors booked ahead, when the estimates foresee their appointments, then the estimates are no longer too short on average', () => {
    const run = (ahead: boolean) =>
      summarize(
        simulateDays(office, {
          seed: 2,
          days: 5,
          weeklyConcerns: 227,
          appointmentShare: 1 / 3,
          appointmentsBookedAhead: ahead,
        }),
      ).estimate;
    const blind = run(false);
    const foreseen = run(true);
    expect(blind.biasMinutes).toBeLessThan(-2);
    expect(Math.abs(foreseen.biasMinutes)).toBeLessThan(Math.abs(blind.biasMinutes) / 2);
    expect(foreseen.relativeToMeanWait).toBeLessThanOrEqual(0.25);
  });
});
