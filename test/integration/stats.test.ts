/**
 * Statistics for managers against a real server, over a generated month of office days with
 * known figures (see test/helpers/stats-month.ts): weeks, the month, days and hours, arrivals,
 * counters, the target wait, and the answers to bad and empty ranges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { http } from '../helpers/server.ts';
import { MONTH_BLOCKS, MONTH_DAYS, monthDayTickets } from '../helpers/stats-month.ts';
import { MONTH, parseCsv, useGeneratedMonth } from './stats-fixture.ts';

/** Waits and services of any number of the generator's blocks (see the header of stats-month.ts). */
const BLOCK_FIGURES = {
  avgWaitMinutes: 10.8,
  medianWaitMinutes: 10,
  p90WaitMinutes: 25,
  servedWithinTargetShare: 0.889,
  avgServiceMinutes: 8,
  medianServiceMinutes: 6,
};

describe('a generated month (November 2026)', () => {
  const month = useGeneratedMonth();
  const { get } = month;

  it('the generator holds what its header promises', () => {
    for (const [day, n] of Object.entries(MONTH_DAYS)) expect(monthDayTickets(day)).toHaveLength(n);
    expect(Object.values(MONTH_BLOCKS).reduce((a, b) => a + b, 0) * 10).toBe(810);
  });

  it('counts 150 to 220 concerns per week, with the same waits every week', async () => {
    const r = await get(`/api/stats?${MONTH}&by=week`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-11-01', to: '2026-11-30', by: 'week', targetWaitMinutes: 20 });
    expect(
      r.body.totals.map((t: { period: string; issued: number; served: number }) => [t.period, t.issued, t.served]),
    ).toEqual([
      ['2026-W45', 180, 144],
      ['2026-W46', 210, 168],
      ['2026-W47', 220, 176],
      ['2026-W48', 150, 120],
      ['2026-W49', 50, 40],
    ]);
    for (const t of r.body.totals) {
      expect(t).toMatchObject({
        concernId: '*',
        noShow: t.issued / 10,
        cancelled: t.issued / 10,
        ...BLOCK_FIGURES,
      });
    }
    // Housing in W45: 2 + 3 + 2 blocks (Mon 60, Tue 70, Thu 50).
    const housing45 = r.body.rows.find(
      (x: { period: string; concernId: string }) => x.period === '2026-W45' && x.concernId === 'housing',
    );
    expect(housing45).toMatchObject({ issued: 70, served: 56, appointments: 14, punctualShare: 0.5 });
    // The contract's fields are all there (rows: {period, concernId, issued, served, noShow,
    // avgWaitMinutes, p90WaitMinutes, avgServiceMinutes}).
    const contract = 'period concernId issued served noShow avgWaitMinutes p90WaitMinutes avgServiceMinutes';
    expect(Object.keys(r.body.rows[0])).toEqual(expect.arrayContaining(contract.split(' ')));
  });

  it('sums the month, with appointment punctuality and transfers', async () => {
    const r = await get(`/api/stats?${MONTH}&by=month`);
    expect(r.body.totals).toEqual([
      {
        period: '2026-11',
        concernId: '*',
        issued: 810,
        served: 648,
        noShow: 81,
        cancelled: 81,
        transferred: 22,
        ...BLOCK_FIGURES,
        // 31 housing blocks, two appointments each: half 5 min early, half 3 min late.
        appointments: 62,
        punctualShare: 0.5,
        medianCheckInMinutes: -5,
        avgAppointmentWaitMinutes: 2,
        // One-concern tickets: a visit each; the generated month records no outcomes.
        visits: 810,
        multiConcernShare: 0,
        outcomes: {},
      },
    ]);
    expect(r.body.rows.map((x: { concernId: string; issued: number }) => [x.concernId, x.issued])).toEqual([
      ['documents', 220],
      ['education', 280],
      ['housing', 310],
    ]);
    // The summary of the whole range: the concerns, then every concern together.
    expect(
      r.body.summary.map((x: { period: string; concernId: string; issued: number }) => [
        x.period,
        x.concernId,
        x.issued,
      ]),
    ).toEqual([
      ['2026-11-01/2026-11-30', 'documents', 220],
      ['2026-11-01/2026-11-30', 'education', 280],
      ['2026-11-01/2026-11-30', 'housing', 310],
      ['2026-11-01/2026-11-30', '*', 810],
    ]);
  });

  it('gives each office day and each hour', async () => {
    const days = await get(`/api/stats?${MONTH}&by=day`);
    expect(days.body.totals.map((t: { period: string; issued: number }) => [t.period, t.issued])).toEqual(
      Object.entries(MONTH_DAYS),
    );
    const hours = await get('/api/stats?from=2026-11-16&to=2026-11-16&by=hour');
    // Monday 16 Nov, 80 tickets: 24, 24, 24 and 8.
    expect(hours.body.totals.map((t: { period: string; issued: number }) => [t.period, t.issued])).toEqual([
      ['2026-11-16 09:00', 24],
      ['2026-11-16 10:00', 24],
      ['2026-11-16 11:00', 24],
      ['2026-11-16 12:00', 8],
    ]);
  });

  it('shows arrivals by weekday and hour, averaged over the days the office was open', async () => {
    const r = await get(`/api/stats/heatmap?${MONTH}`);
    expect(r.status).toBe(200);
    // Five Mondays, four Tuesdays, four Thursdays.
    expect(r.body.openDays).toEqual([5, 4, 0, 4, 0, 0, 0]);
    expect(r.body.cells).toHaveLength(13);
    const at = (weekday: number, hour: number) =>
      r.body.cells.find((c: { weekday: number; hour: number }) => c.weekday === weekday && c.hour === hour);
    // Mondays 9:00: 30 % of 60, 70, 80, 50, 50 = 18 + 21 + 24 + 15 + 15 = 93, / 5 = 18.6.
    expect(at(1, 9)).toEqual({ weekday: 1, hour: 9, arrivals: 93, days: 5, avgArrivals: 18.6 });
    // Tuesdays 16:00: 30 % of 70, 80, 80, 60 = 87, / 4 = 21.75 -> 21.8.
    expect(at(2, 16)).toEqual({ weekday: 2, hour: 16, arrivals: 87, days: 4, avgArrivals: 21.8 });
    // Thursdays 12:00: 10 % of 50, 60, 60, 40 = 21, / 4 = 5.25 -> 5.3.
    expect(at(4, 12)).toEqual({ weekday: 4, hour: 12, arrivals: 21, days: 4, avgArrivals: 5.3 });
    expect(r.body.cells.reduce((s: number, c: { arrivals: number }) => s + c.arrivals, 0)).toBe(810);

    const csv = await get(`/api/stats/heatmap?${MONTH}&format=csv&dialect=en`);
    const records = parseCsv(String(csv.body));
    expect(records).toHaveLength(13);
    expect(records[0]).toEqual({
      weekday: '1',
      hour: '9',
      arrivals: '93',
      days: '5',
      avgArrivals: '18.6',
      weekdayName: 'Montag',
    });

    const housing = await get(`/api/stats/heatmap?${MONTH}&concernId=housing`);
    expect(housing.body.cells.reduce((s: number, c: { arrivals: number }) => s + c.arrivals, 0)).toBe(310);
  });

  it('lists visitors per counter, never per person', async () => {
    const r = await get(`/api/stats/counters?${MONTH}`);
    expect(r.status).toBe(200);
    // 648 served: desk-2 (housing) 31 blocks x 8, desk-3 (education) 28 x 8, desk-1 (documents) 22 x 8.
    expect(r.body.rows).toEqual([
      {
        period: '2026-11-01/2026-11-30',
        counterId: 'desk-1',
        served: 176,
        noShow: 22,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        servedShare: 0.272,
      },
      {
        period: '2026-11-01/2026-11-30',
        counterId: 'desk-2',
        served: 248,
        noShow: 31,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        servedShare: 0.383,
      },
      {
        period: '2026-11-01/2026-11-30',
        counterId: 'desk-3',
        served: 224,
        noShow: 28,
        avgServiceMinutes: 8,
        medianServiceMinutes: 6,
        servedShare: 0.346,
      },
    ]);
    const csv = parseCsv(String((await get(`/api/stats/counters?${MONTH}&format=csv&dialect=en`)).body));
    expect(csv.map((c) => [c.counterId, c.served, c.counterName])).toEqual([
      ['desk-1', '176', 'Platz 1'],
      ['desk-2', '248', 'Platz 2'],
      ['desk-3', '224', 'Platz 3'],
    ]);
    const weekly = await get(`/api/stats/counters?${MONTH}&by=week`);
    expect(weekly.body.rows.filter((x: { period: string }) => x.period === '2026-W49')).toHaveLength(3);
    const stored = readFileSync(join(month.dataDir, 'stats', '2026-11-16.json'), 'utf8');
    expect(stored).toContain('"byCounter"');
    expect(stored).not.toMatch(/W-\d{3}|gen2026/);
  });

  it('takes the target wait from the query', async () => {
    const r = await get(`/api/stats?${MONTH}&by=month&target=6`);
    // Waits 2, 4, 6 of the nine called per block.
    expect(r.body.targetWaitMinutes).toBe(6);
    expect(r.body.totals[0].servedWithinTargetShare).toBe(0.333);
  });

  it('answers bad ranges and values with 400, and strangers with 401', async () => {
    for (const path of [
      '/api/stats?from=2026-11-30&to=2026-11-01',
      '/api/stats?by=year',
      '/api/stats?from=2026-02-30',
      '/api/stats?from=2020-01-01&to=2026-11-30',
      '/api/stats?target=0',
      '/api/stats?format=xlsx',
      '/api/stats/heatmap?to=11/30/2026',
      '/api/stats/counters?by=person',
      // A concern id goes into the CSV's file name: only ids the configuration allows.
      '/api/stats/heatmap?format=csv&concernId=%E2%82%AC',
      '/api/stats/heatmap?format=csv&concernId=a%22%3B%20x%3Dy',
      '/api/stats/appointments?from=2026-02-31',
      '/api/stats/alert-minutes?from=2026-13-45',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code, path).toBe('VALIDATION_FAILED');
    }
    for (const path of ['/api/stats', '/api/stats/heatmap', '/api/stats/counters']) {
      expect((await http(month.server.url, 'GET', path)).status).toBe(401);
    }
  });

  it('answers an empty range with empty lists', async () => {
    const r = await get('/api/stats?from=2026-10-01&to=2026-10-31&by=day');
    expect(r.body).toMatchObject({ rows: [], totals: [], summary: [] });
    expect((await get('/api/stats/heatmap?from=2026-10-01&to=2026-10-31')).body.cells).toEqual([]);
  });
});
