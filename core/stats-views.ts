/**
 * Statistics views besides the report: arrivals by weekday and hour (heat map) and figures per
 * counter (never per person). Pure, from the same hourly buckets as the report.
 */
import {
  byPeriods,
  type CounterFigures,
  type HourBucket,
  isoWeekday,
  type ReportOptions,
  type StatsGrouping,
} from './stats.ts';
import { round1, round3, Tally } from './tally.ts';

// Arrivals by weekday and hour.

export interface HeatCell {
  /** ISO weekday: 1 Monday .. 7 Sunday. */
  weekday: number;
  /** Local hour of arrival, 0..23. */
  hour: number;
  /** Tickets issued in this hour on these weekdays in the range. */
  arrivals: number;
  /** Days of this weekday in the range with any arrival (the days the office was open). */
  days: number;
  /** Arrivals per such day, one decimal. */
  avgArrivals: number;
}

export interface Heatmap {
  /** Days with any arrival, per ISO weekday (index 0 = Monday). */
  openDays: number[];
  /** Only cells with arrivals, by weekday then hour. */
  cells: HeatCell[];
}

/** Arrivals (visits) by weekday and local hour; of one concern: the visits that asked for it. */
export function arrivalsHeatmap(buckets: readonly HourBucket[], concernId?: string): Heatmap {
  const datesByWeekday: Set<string>[] = Array.from({ length: 7 }, () => new Set<string>());
  const counts = new Map<number, number>();
  const weekdayOf = new Map<string, number>();
  for (const b of buckets) {
    if (concernId !== undefined && b.concernId !== concernId) continue;
    // Every concern: visitors arriving (visits); one concern: the visits asking for it (parts).
    const arrivals = concernId === undefined ? (b.visits ?? b.issued) : b.issued;
    if (!arrivals) continue;
    const date = b.hour.slice(0, 10);
    let weekday = weekdayOf.get(date);
    if (weekday === undefined) {
      weekday = isoWeekday(date);
      weekdayOf.set(date, weekday);
    }
    datesByWeekday[weekday - 1]?.add(date);
    const key = weekday * 100 + Number(b.hour.slice(11, 13));
    counts.set(key, (counts.get(key) ?? 0) + arrivals);
  }
  const openDays = datesByWeekday.map((s) => s.size);
  const cells = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, arrivals]) => {
      const weekday = Math.floor(key / 100);
      const days = openDays[weekday - 1] ?? 0;
      return { weekday, hour: key % 100, arrivals, days, avgArrivals: days ? round1(arrivals / days) : 0 };
    });
  return { openDays, cells };
}

// Per counter (never per person).

export interface CounterRow {
  period: string;
  counterId: string;
  served: number;
  noShow: number;
  avgServiceMinutes: number | null;
  medianServiceMinutes: number | null;
  /** Share (0..1) of the period's visitors served at all counters that this counter served. */
  servedShare: number | null;
}

/** Visitors served and no-shows per counter and period, with service times. */
export function counterReport(
  buckets: readonly HourBucket[],
  by: StatsGrouping = 'all',
  options: ReportOptions = {},
): CounterRow[] {
  interface CounterAcc {
    counterId: string;
    served: number;
    noShow: number;
    services: Tally;
  }
  const accs = new Map<string, CounterAcc>();
  const used = new Set<CounterAcc>();
  const rows: CounterRow[] = [];
  byPeriods(
    buckets,
    by,
    options.rangeLabel ?? 'all',
    (b) => {
      if (!b.byCounter) return;
      for (const counterId in b.byCounter) {
        const c = b.byCounter[counterId] as CounterFigures;
        let g = accs.get(counterId);
        if (!g) {
          g = { counterId, served: 0, noShow: 0, services: new Tally() };
          accs.set(counterId, g);
        }
        if (!used.has(g)) {
          g.served = 0;
          g.noShow = 0;
          g.services.reset();
          used.add(g);
        }
        g.served += c.served;
        g.noShow += c.noShow;
        g.services.addHistogram(c.services);
      }
    },
    (period) => {
      const groups = [...used].sort((x, y) => (x.counterId < y.counterId ? -1 : x.counterId > y.counterId ? 1 : 0));
      const all = groups.reduce((sum, g) => sum + g.served, 0);
      for (const g of groups) {
        const services = g.services.describe(0);
        rows.push({
          period,
          counterId: g.counterId,
          served: g.served,
          noShow: g.noShow,
          avgServiceMinutes: services.mean,
          medianServiceMinutes: services.median,
          servedShare: all ? round3(g.served / all) : null,
        });
      }
      used.clear();
    },
  );
  return rows;
}
