/**
 * Statistics from hourly buckets. Every expected figure is computed by hand in the comment
 * beside it. Instants are UTC; Berlin is UTC+1 in November and March before the 29th.
 *
 * Over 400 lines: the test suite of one unit (`core/stats.ts`: periods, buckets, the report,
 * the heatmap, the counter report, CSV), all from tickets built by the one helper at the top.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketsOf,
  type HourBucket,
  isoWeek,
  isoWeekday,
  periodOfHour,
  statsReport,
  TOTAL,
  withTotals,
} from './stats.ts';
import { countersToCsv, heatmapToCsv, STATS_CSV_COLUMNS, toCsv } from './stats-csv.ts';
import { arrivalsHeatmap, counterReport } from './stats-views.ts';
import { histogramShareAtMost } from './tally.ts';
import type { Ticket } from './types.ts';

const TZ = 'Europe/Berlin';
const MIN = 60_000;
let seq = 0;

/** A ticket issued at `issued` (UTC ISO); times of call and close in minutes after issue. */
function ticket(
  issued: string,
  concernId: string,
  outcome: {
    status?: Ticket['status'];
    waitMin?: number;
    serviceMin?: number;
    counterId?: string;
    slotOffsetMin?: number;
    transferred?: boolean;
    servedAfterCallMin?: number;
  } = {},
): Ticket {
  const issuedAt = Date.parse(issued);
  const status = outcome.status ?? (outcome.waitMin === undefined ? 'waiting' : 'done');
  seq++;
  const t: Ticket = {
    id: `t${seq}`,
    token: `token-${seq}-abcdefghijkl`,
    number: `W-${String(seq).padStart(3, '0')}`,
    concernId,
    day: issued.slice(0, 10),
    status,
    language: 'de',
    issuedAt,
    source: 'kiosk',
    callCount: outcome.waitMin === undefined ? 0 : 1,
  };
  if (outcome.waitMin !== undefined) {
    t.firstCalledAt = issuedAt + outcome.waitMin * MIN;
    t.calledAt = t.firstCalledAt;
    t.counterId = outcome.counterId ?? 'desk-1';
  }
  if (outcome.servedAfterCallMin !== undefined && t.calledAt !== undefined) {
    t.servedAt = t.calledAt + outcome.servedAfterCallMin * MIN;
  }
  if (status === 'done' && t.calledAt !== undefined) {
    t.closedAt = (t.servedAt ?? t.calledAt) + (outcome.serviceMin ?? 5) * MIN;
  }
  if (status === 'no-show' && t.calledAt !== undefined) t.closedAt = t.calledAt + 3 * MIN;
  if (status === 'cancelled') t.closedAt = issuedAt + 600 * MIN;
  if (outcome.slotOffsetMin !== undefined) {
    t.appointmentAt = issuedAt + outcome.slotOffsetMin * MIN;
    t.appointmentId = `ap-${seq}`;
  }
  if (outcome.transferred) t.transferredFrom = ['documents'];
  return t;
}

/** Nine called visitors waiting 2, 4, 6, 8, 10, 12, 14, 16, 25 minutes (sum 97). */
const WAITS = [2, 4, 6, 8, 10, 12, 14, 16, 25];

describe('periods', () => {
  it('given local dates, then ISO weeks and weekdays follow ISO 8601, also across the new year', () => {
    expect(isoWeek('2026-11-16')).toBe('2026-W47'); // a Monday
    expect(isoWeek('2026-11-22')).toBe('2026-W47'); // the Sunday of that week
    expect(isoWeek('2026-12-31')).toBe('2026-W53'); // Thursday: 2026 has 53 weeks
    expect(isoWeek('2027-01-03')).toBe('2026-W53'); // Sunday, still week 53 of 2026
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeekday('2026-11-16')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('given an hour, then each grouping names its period', () => {
    const hour = '2026-11-17 14';
    expect(periodOfHour(hour, 'hour')).toBe('2026-11-17 14:00');
    expect(periodOfHour(hour, 'day')).toBe('2026-11-17');
    expect(periodOfHour(hour, 'week')).toBe('2026-W47');
    expect(periodOfHour(hour, 'month')).toBe('2026-11');
    expect(periodOfHour(hour, 'all', '2026-11-01/2026-11-30')).toBe('2026-11-01/2026-11-30');
  });
});

describe('bucketsOf', () => {
  it('given tickets of one morning, then it counts them per local hour and concern, without numbers or tokens', () => {
    // Given: 08:10 UTC is 09:10 in Berlin; 09:05 UTC is 10:05.
    const tickets = [
      ticket('2026-11-16T08:10:00Z', 'housing', { waitMin: 4, serviceMin: 6, counterId: 'desk-2' }),
      ticket('2026-11-16T08:20:00Z', 'housing', { status: 'no-show', waitMin: 10, counterId: 'desk-2' }),
      ticket('2026-11-16T08:30:00Z', 'housing', { status: 'cancelled' }),
      ticket('2026-11-16T08:40:00Z', 'housing', { waitMin: 1, serviceMin: 8, counterId: 'desk-4', transferred: true }),
      ticket('2026-11-16T09:05:00Z', 'education', { waitMin: 0, serviceMin: 3, counterId: 'desk-3' }),
    ];
    // When
    const buckets = bucketsOf(tickets, TZ);
    // Then
    expect(buckets).toHaveLength(2);
    const housing = buckets.find((b) => b.concernId === 'housing');
    expect(housing).toEqual({
      hour: '2026-11-16 09',
      concernId: 'housing',
      issued: 4,
      served: 2,
      noShow: 1,
      cancelled: 1,
      transferred: 1,
      // Four one-concern tickets: four visits.
      visits: 4,
      waits: { '4.0': 1, '10.0': 1, '1.0': 1 },
      services: { '6.0': 1, '8.0': 1 },
      byCounter: {
        'desk-2': { served: 1, noShow: 1, services: { '6.0': 1 } },
        'desk-4': { served: 1, noShow: 0, services: { '8.0': 1 } },
      },
    });
    expect(buckets.find((b) => b.concernId === 'education')?.hour).toBe('2026-11-16 10');
    const stored = JSON.stringify(buckets);
    for (const t of tickets) {
      expect(stored).not.toContain(t.number);
      expect(stored).not.toContain(t.token);
    }
  });

  it('given a clerk who started the service two minutes after the call, then the service time counts from the start', () => {
    const t = ticket('2026-11-16T08:10:00Z', 'housing', { waitMin: 4, servedAfterCallMin: 2, serviceMin: 6 });
    expect(bucketsOf([t], TZ)[0]?.services).toEqual({ '6.0': 1 });
  });

  it('given appointment holders, then it keeps check-in minus slot (signed) and the wait after the slot', () => {
    // Given: one checks in 5 min before the slot and is called 2 min after check-in (before the slot: wait 0);
    // one checks in 3 min after the slot and is called 4 min after check-in (wait 4 from check-in).
    const early = ticket('2026-11-16T08:00:00Z', 'housing', { waitMin: 2, slotOffsetMin: 5 });
    const late = ticket('2026-11-16T08:30:00Z', 'housing', { waitMin: 4, slotOffsetMin: -3 });
    // When
    const [bucket] = bucketsOf([early, late], TZ);
    // Then
    expect(bucket?.appointments).toBe(2);
    expect(bucket?.checkIns).toEqual({ '-5.0': 1, '3.0': 1 });
    expect(bucket?.appointmentWaits).toEqual({ '0.0': 1, '4.0': 1 });
  });
});

describe('statsReport', () => {
  it('given one visit with two concerns in one hour, then two concerns, one visit and both outcomes', () => {
    const t = ticket('2026-11-16T08:00:00Z', 'education', { waitMin: 10, serviceMin: 5 });
    const at = t.issuedAt;
    /** A part served at `counterId` from `from` to `to` minutes after the visitor arrived. */
    const part = (concernId: string, counterId: string, outcome: string, from: number, to: number) => ({
      concernId,
      status: 'done' as const,
      dueAt: at,
      firstCalledAt: at + from * MIN,
      serviceStart: at + from * MIN,
      closedAt: at + to * MIN,
      counterId,
      outcome,
    });
    t.concerns = [part('housing', 'desk-2', 'documents-missing', 2, 8), part('education', 'desk-3', 'done', 10, 15)];
    const report = statsReport(bucketsOf([t], TZ), 'day');
    const row = (id: string) => report.rows.find((r) => r.concernId === id);
    // The visit counts once, under its first concern; the second concern is a part, not a visit.
    expect(row('housing')).toMatchObject({ issued: 1, served: 1, visits: 1, multiConcernShare: 1 });
    expect(row('education')).toMatchObject({ issued: 1, served: 1, visits: 0, multiConcernShare: null });
    expect(report.totals[0]).toMatchObject({ issued: 2, served: 2, visits: 1, multiConcernShare: 1 });
    expect(report.totals[0]?.outcomes).toEqual({ 'documents-missing': 1, done: 1 });
  });

  const day = () => [
    ...WAITS.map((w, i) =>
      ticket(`2026-11-16T08:${String(i * 5).padStart(2, '0')}:00Z`, i % 2 ? 'education' : 'housing', {
        // The eighth visitor (wait 16) leaves as a no-show; the others are served 5, 6, 7, … minutes.
        status: i === 7 ? 'no-show' : 'done',
        waitMin: w,
        serviceMin: 5 + i,
      }),
    ),
    ticket('2026-11-16T10:00:00Z', 'housing', { status: 'cancelled' }),
  ];

  it('given one office day, then the total row has hand-computed mean, median, p90 and target share', () => {
    // When
    const report = statsReport(bucketsOf(day(), TZ), 'day', { targetWaitMinutes: 20 });
    // Then: waits 2..25: mean 97/9 = 10.78 -> 10.8; median = 5th of 9 = 10; p90 = 9th (ceil 8.1) = 25;
    // 8 of 9 within 20 minutes = 0.889. Services of the 8 served: 5,6,7,8,9,10,11,13 (i=7 is the no-show):
    // mean 69/8 = 8.625 -> 8.6; median = 4th of 8 = 8.
    expect(report.totals).toEqual([
      {
        period: '2026-11-16',
        concernId: TOTAL,
        issued: 10,
        served: 8,
        noShow: 1,
        avgWaitMinutes: 10.8,
        p90WaitMinutes: 25,
        avgServiceMinutes: 8.6,
        cancelled: 1,
        transferred: 0,
        medianWaitMinutes: 10,
        medianServiceMinutes: 8,
        servedWithinTargetShare: 0.889,
        appointments: 0,
        punctualShare: null,
        medianCheckInMinutes: null,
        avgAppointmentWaitMinutes: null,
        // Ten one-concern tickets: ten visits, none with several concerns, no outcomes recorded.
        visits: 10,
        multiConcernShare: 0,
        outcomes: {},
      },
    ]);
    // Housing: i = 0, 2, 4, 6, 8 with waits 2, 6, 10, 14, 25 and the cancelled ticket.
    const housing = report.rows.find((r) => r.concernId === 'housing');
    expect(housing).toMatchObject({
      issued: 6,
      served: 5,
      noShow: 0,
      cancelled: 1,
      avgWaitMinutes: 11.4, // 57 / 5
      medianWaitMinutes: 10,
      p90WaitMinutes: 25, // ceil(4.5) = 5th
      servedWithinTargetShare: 0.8,
    });
    expect(report.rows.map((r) => r.concernId)).toEqual(['education', 'housing']);
  });

  it('given a lower target, then fewer visitors count as called in time', () => {
    const report = statsReport(bucketsOf(day(), TZ), 'day', { targetWaitMinutes: 6 });
    // 2, 4, 6 of nine.
    expect(report.totals[0]?.servedWithinTargetShare).toBe(0.333);
    expect(report.targetWaitMinutes).toBe(6);
  });

  it('given two weeks in two months, then week, month and whole-range groupings add up', () => {
    const tickets = [
      ticket('2026-11-27T08:00:00Z', 'housing', { waitMin: 5 }), // Fri, W48, November
      ticket('2026-11-30T08:00:00Z', 'housing', { waitMin: 7 }), // Mon, W49, November
      ticket('2026-12-01T08:00:00Z', 'education', { waitMin: 9 }), // Tue, W49, December
    ];
    const buckets = bucketsOf(tickets, TZ);
    expect(statsReport(buckets, 'week').totals.map((r) => [r.period, r.issued])).toEqual([
      ['2026-W48', 1],
      ['2026-W49', 2],
    ]);
    expect(statsReport(buckets, 'month').totals.map((r) => [r.period, r.issued, r.avgWaitMinutes])).toEqual([
      ['2026-11', 2, 6],
      ['2026-12', 1, 9],
    ]);
    const all = statsReport(buckets, 'all', { rangeLabel: '2026-11-23/2026-12-06' });
    expect(all.totals).toHaveLength(1);
    expect(all.totals[0]).toMatchObject({ period: '2026-11-23/2026-12-06', issued: 3, avgWaitMinutes: 7 });
    // The summary beside a weekly report equals grouping by `all`, concerns first, the total last.
    const weekly = statsReport(buckets, 'week', { rangeLabel: '2026-11-23/2026-12-06', summary: true });
    expect(weekly.summary).toEqual([...all.rows, ...all.totals]);
    expect(weekly.summary?.map((r) => r.concernId)).toEqual(['education', 'housing', TOTAL]);
    expect(statsReport([], 'day', { summary: true }).summary).toEqual([]);
  });

  it('given appointment check-ins, then punctuality and the wait after the slot are reported', () => {
    const tickets = [
      ticket('2026-11-16T08:00:00Z', 'housing', { waitMin: 2, slotOffsetMin: 5 }), // 5 early, wait 0
      ticket('2026-11-16T08:30:00Z', 'housing', { waitMin: 4, slotOffsetMin: -3 }), // 3 late, wait 4
      ticket('2026-11-16T09:00:00Z', 'housing', { waitMin: 1, slotOffsetMin: 0 }), // on the minute, wait 1
      ticket('2026-11-16T09:10:00Z', 'housing', { waitMin: 30 }), // a walk-in
    ];
    const [row] = statsReport(bucketsOf(tickets, TZ), 'day').rows;
    // Check-ins -5, 0, +3: two of three punctual (0.667), median 0; waits after the slot 0, 4, 1: mean 1.7.
    expect(row).toMatchObject({
      appointments: 3,
      punctualShare: 0.667,
      medianCheckInMinutes: 0,
      avgAppointmentWaitMinutes: 1.7,
    });
  });

  it('given buckets from a stats file written before the new fields, then they read as zero and empty', () => {
    const old = {
      hour: '2026-10-05 09',
      concernId: 'housing',
      issued: 3,
      served: 2,
      noShow: 1,
      cancelled: 0,
      transferred: 0,
      waits: { '5.0': 2, '15.0': 1 },
      services: { '4.0': 2 },
    } satisfies HourBucket;
    const [row] = statsReport([old], 'day').rows;
    expect(row).toMatchObject({
      issued: 3,
      avgWaitMinutes: 8.3, // 25 / 3
      medianWaitMinutes: 5,
      appointments: 0,
      punctualShare: null,
      avgAppointmentWaitMinutes: null,
    });
    expect(counterReport([old])).toEqual([]);
    expect(arrivalsHeatmap([old]).cells).toEqual([{ weekday: 1, hour: 9, arrivals: 3, days: 1, avgArrivals: 3 }]);
  });

  it('given tickets archived in any split (per day, per retention run), then the report is the same', () => {
    const base = Date.parse('2026-11-02T07:00:00Z');
    const arbTicket = fc.record({
      offsetMin: fc.integer({ min: 0, max: 60 * 24 * 20 }),
      concern: fc.constantFrom('housing', 'education', 'documents'),
      status: fc.constantFrom('done', 'no-show', 'cancelled') as fc.Arbitrary<Ticket['status']>,
      waitMin: fc.integer({ min: 0, max: 90 }),
      serviceMin: fc.integer({ min: 1, max: 40 }),
      counter: fc.constantFrom('desk-1', 'desk-2'),
      slot: fc.option(fc.integer({ min: -20, max: 20 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(arbTicket, { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (specs, parts) => {
        const tickets = specs.map((s) =>
          ticket(new Date(base + s.offsetMin * MIN).toISOString(), s.concern, {
            status: s.status,
            ...(s.status === 'cancelled' ? {} : { waitMin: s.waitMin, counterId: s.counter }),
            serviceMin: s.serviceMin,
            ...(s.slot === undefined ? {} : { slotOffsetMin: s.slot }),
          }),
        );
        const whole = bucketsOf(tickets, TZ);
        const split: HourBucket[] = [];
        for (let p = 0; p < parts; p++)
          split.push(
            ...bucketsOf(
              tickets.filter((_, i) => i % parts === p),
              TZ,
            ),
          );
        for (const by of ['hour', 'day', 'week', 'month'] as const) {
          expect(statsReport(split, by)).toEqual(statsReport(whole, by));
          const all = statsReport(whole, 'all', { rangeLabel: 'r' });
          expect(statsReport(split, by, { rangeLabel: 'r', summary: true }).summary).toEqual([
            ...all.rows,
            ...all.totals,
          ]);
        }
        expect(counterReport(split, 'day')).toEqual(counterReport(whole, 'day'));
        expect(arrivalsHeatmap(split)).toEqual(arrivalsHeatmap(whole));
      }),
      { numRuns: 60 },
    );
  });
});

describe('arrivalsHeatmap', () => {
  it('given two Mondays and one Tuesday, then it averages arrivals per open day of each weekday', () => {
    const tickets = [
      // Monday 16 Nov, 09:xx Berlin: 3 arrivals; 10:xx: 1.
      ticket('2026-11-16T08:05:00Z', 'housing'),
      ticket('2026-11-16T08:15:00Z', 'housing'),
      ticket('2026-11-16T08:25:00Z', 'education'),
      ticket('2026-11-16T09:25:00Z', 'education'),
      // Monday 23 Nov, 09:xx: 2 arrivals.
      ticket('2026-11-23T08:05:00Z', 'housing'),
      ticket('2026-11-23T08:45:00Z', 'housing'),
      // Tuesday 17 Nov, 13:xx: 1 arrival.
      ticket('2026-11-17T12:30:00Z', 'housing'),
    ];
    const heat = arrivalsHeatmap(bucketsOf(tickets, TZ));
    // Mondays: 2 open days; Mon 09: 5 arrivals / 2 = 2.5; Mon 10: 1 / 2 = 0.5; Tue 13: 1 / 1.
    expect(heat.openDays).toEqual([2, 1, 0, 0, 0, 0, 0]);
    expect(heat.cells).toEqual([
      { weekday: 1, hour: 9, arrivals: 5, days: 2, avgArrivals: 2.5 },
      { weekday: 1, hour: 10, arrivals: 1, days: 2, avgArrivals: 0.5 },
      { weekday: 2, hour: 13, arrivals: 1, days: 1, avgArrivals: 1 },
    ]);
    // Of one concern: education came only on 16 Nov.
    expect(arrivalsHeatmap(bucketsOf(tickets, TZ), 'education').cells).toEqual([
      { weekday: 1, hour: 9, arrivals: 1, days: 1, avgArrivals: 1 },
      { weekday: 1, hour: 10, arrivals: 1, days: 1, avgArrivals: 1 },
    ]);
    expect(heatmapToCsv(heat).split('\n').slice(0, 2)).toEqual([
      'weekday,hour,arrivals,days,avgArrivals,weekdayName',
      '1,9,5,2,2.5,Montag',
    ]);
  });
});

describe('counterReport', () => {
  it('given visitors served at three counters, then each counter has its count, share and service times', () => {
    const tickets = [
      ticket('2026-11-16T08:00:00Z', 'housing', { waitMin: 1, serviceMin: 4, counterId: 'desk-2' }),
      ticket('2026-11-16T08:10:00Z', 'housing', { waitMin: 1, serviceMin: 10, counterId: 'desk-2' }),
      ticket('2026-11-16T08:20:00Z', 'education', { waitMin: 1, serviceMin: 6, counterId: 'desk-2' }),
      ticket('2026-11-16T08:30:00Z', 'education', { waitMin: 1, serviceMin: 3, counterId: 'desk-3' }),
      ticket('2026-11-16T08:40:00Z', 'education', { status: 'no-show', waitMin: 1, counterId: 'desk-3' }),
      ticket('2026-11-17T13:00:00Z', 'housing', { waitMin: 1, serviceMin: 9, counterId: 'desk-4' }),
    ];
    const rows = counterReport(bucketsOf(tickets, TZ), 'all', { rangeLabel: 'range' });
    // 5 served in all: desk-2 3 (0.6), desk-3 1 (0.2), desk-4 1 (0.2).
    // desk-2 services 4, 6, 10: mean 6.7, median 6.
    expect(rows).toEqual([
      {
        period: 'range',
        counterId: 'desk-2',
        served: 3,
        noShow: 0,
        avgServiceMinutes: 6.7,
        medianServiceMinutes: 6,
        servedShare: 0.6,
      },
      {
        period: 'range',
        counterId: 'desk-3',
        served: 1,
        noShow: 1,
        avgServiceMinutes: 3,
        medianServiceMinutes: 3,
        servedShare: 0.2,
      },
      {
        period: 'range',
        counterId: 'desk-4',
        served: 1,
        noShow: 0,
        avgServiceMinutes: 9,
        medianServiceMinutes: 9,
        servedShare: 0.2,
      },
    ]);
    expect(counterReport(bucketsOf(tickets, TZ), 'day').map((r) => [r.period, r.counterId, r.servedShare])).toEqual([
      ['2026-11-16', 'desk-2', 0.75],
      ['2026-11-16', 'desk-3', 0.25],
      ['2026-11-17', 'desk-4', 1],
    ]);
    expect(countersToCsv(rows, { 'desk-2': 'Platz 2' }).split('\n').slice(0, 2)).toEqual([
      'period,counterId,served,noShow,avgServiceMinutes,medianServiceMinutes,servedShare,counterName',
      'range,desk-2,3,0,6.7,6,0.6,Platz 2',
    ]);
  });
});

describe('CSV', () => {
  it('given a report, then the CSV starts with the contract columns and lists each period total after its concerns', () => {
    const tickets = [
      ticket('2026-11-16T08:00:00Z', 'housing', { waitMin: 3 }),
      ticket('2026-11-16T08:05:00Z', 'education', { status: 'cancelled' }),
      ticket('2026-11-17T13:00:00Z', 'housing', { waitMin: 5 }),
    ];
    const report = statsReport(bucketsOf(tickets, TZ), 'day');
    const csv = toCsv(withTotals(report), { housing: 'Wohngeld', education: 'Bildung, Teilhabe' });
    const lines = csv.trimEnd().split('\n');
    expect(
      lines[0]?.startsWith('period,concernId,issued,served,noShow,avgWaitMinutes,p90WaitMinutes,avgServiceMinutes,'),
    ).toBe(true);
    expect(lines[0]?.split(',')).toEqual([...STATS_CSV_COLUMNS, 'concernName']);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '2026-11-16,education,1',
      '2026-11-16,housing,1',
      '2026-11-16,*,2',
      '2026-11-17,housing,1',
      '2026-11-17,*,1',
    ]);
    // A name with a comma is quoted; the total row is named; empty figures are empty cells.
    expect(lines[1]?.endsWith(',"Bildung, Teilhabe"')).toBe(true);
    expect(lines[3]?.endsWith(',Alle Anliegen')).toBe(true);
    expect(lines[1]).toContain('2026-11-16,education,1,0,0,,,,1,0,,,,0,,,');
  });

  it('given an empty histogram, then shares are null rather than zero', () => {
    expect(histogramShareAtMost({}, 20)).toBeNull();
    expect(histogramShareAtMost({ '19.9': 1, '20.0': 1, '20.1': 2 }, 20)).toBe(0.5);
  });
});
