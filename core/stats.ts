/**
 * Statistics. Tickets are first folded into hourly buckets per concern (counts and histograms
 * of waiting and service times, no numbers, no tokens, no people); the buckets are what stays
 * after ticket details are deleted, and every report is computed from them, so figures are the
 * same before and after retention. Pure.
 *
 * Reports: figures per period (hour, day, ISO week, month or the whole range) and concern,
 * with a total row per period (`concernId` `*`); arrivals by weekday and hour (heat map);
 * figures per counter. Nothing is ever counted per person: a bucket knows the counter that
 * served a visitor, never the clerk (statistics about individual clerks need the staff
 * council's consent in German public offices, so Lotse does not collect them at all).
 */
import { localParts } from './localtime.ts';
import type { Ticket } from './types.ts';

export type StatsGrouping = 'hour' | 'day' | 'week' | 'month' | 'all';
export const STATS_GROUPINGS: readonly StatsGrouping[] = ['hour', 'day', 'week', 'month', 'all'];

/** `concernId` of the total row of a period (every concern together). */
export const TOTAL = '*';

/** Waiting time a visitor should not exceed, unless the office sets `statsTargetWaitMinutes`. */
export const DEFAULT_TARGET_WAIT_MINUTES = 20;

/** Minutes rounded to a tenth -> how many tickets. */
export type Histogram = Record<string, number>;

/** What one counter did for one concern in one hour. */
export interface CounterFigures {
  served: number;
  noShow: number;
  /** Service times of the visitors served there. */
  services: Histogram;
}

export interface HourBucket {
  /** Local hour of issue: `YYYY-MM-DD HH`. */
  hour: string;
  concernId: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Tickets that reached this concern by a transfer. */
  transferred: number;
  /** Waiting time until the first call. */
  waits: Histogram;
  /** Service time of served tickets (start of service, else last call, until done). */
  services: Histogram;
  // Added later: absent in stats files written before, read as zero / empty.
  /** Per counter (the ticket's `counterId`): visitors served and no-shows. Never per person. */
  byCounter?: Record<string, CounterFigures>;
  /** Tickets checked in with an appointment. */
  appointments?: number;
  /** Check-in minus slot start, minutes (negative: early). */
  checkIns?: Histogram;
  /** Appointment holders: wait from the later of slot start and check-in until the first call. */
  appointmentWaits?: Histogram;
}

/** One line of a report. The first eight fields are the contract's (`GET /api/stats`). */
export interface StatsRow {
  period: string;
  /** A concern, or `*` for every concern together. */
  concernId: string;
  issued: number;
  served: number;
  noShow: number;
  avgWaitMinutes: number | null;
  /** Nine visitors in ten waited at most this long (nearest rank). */
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
  /** Closed without a visit (most at the end of the day, while still waiting). */
  cancelled: number;
  /** Tickets that came to this concern by a transfer. */
  transferred: number;
  medianWaitMinutes: number | null;
  medianServiceMinutes: number | null;
  /** Of the visitors called: share (0..1, three decimals) called within the target wait. */
  servedWithinTargetShare: number | null;
  /** Tickets checked in with an appointment. */
  appointments: number;
  /** Of those: share (0..1) checked in no later than the slot start. */
  punctualShare: number | null;
  /** Median of check-in minus slot start (negative: early). */
  medianCheckInMinutes: number | null;
  /** Appointment holders' mean wait from the later of slot start and check-in until the call. */
  avgAppointmentWaitMinutes: number | null;
}

export interface ReportOptions {
  /** Target wait for `servedWithinTargetShare` (default 20 minutes). */
  targetWaitMinutes?: number;
  /** Label of the one period when grouping by `all`, e.g. `2026-11-16/2026-11-22`. */
  rangeLabel?: string;
  /** Also sum up the whole range (`StatsReport.summary`), at little extra cost. */
  summary?: boolean;
}

export interface StatsReport {
  by: StatsGrouping;
  targetWaitMinutes: number;
  /** Per period and concern, sorted by period, then concern. */
  rows: StatsRow[];
  /** One row per period for every concern together (`concernId` `*`), sorted by period. */
  totals: StatsRow[];
  /** With `options.summary`: the whole range (period `rangeLabel`) per concern, then `*`. */
  summary?: StatsRow[];
}

/** ISO week of a local date: `2026-W47`. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** ISO weekday of a date: 1 Monday .. 7 Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

export function hourOf(at: number, timeZone: string): string {
  const local = localParts(at, timeZone);
  return `${local.date} ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}`;
}

export function periodOfHour(hour: string, by: StatsGrouping, rangeLabel = 'all'): string {
  if (by === 'day') return hour.slice(0, 10);
  if (by === 'week') return isoWeek(hour.slice(0, 10));
  if (by === 'month') return hour.slice(0, 7);
  if (by === 'all') return rangeLabel;
  return `${hour}:00`;
}

const tenth = (minutes: number) => (Math.round(minutes * 10) / 10).toFixed(1);

function addTo(h: Histogram, minutes: number): void {
  const key = tenth(Math.max(0, minutes));
  h[key] = (h[key] ?? 0) + 1;
}

function addSigned(h: Histogram, minutes: number): void {
  const key = tenth(minutes);
  h[key] = (h[key] ?? 0) + 1;
}

function emptyBucket(hour: string, concernId: string): HourBucket {
  return { hour, concernId, issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0, waits: {}, services: {} };
}

/** Folds tickets into hourly buckets per concern (local hour of issue). */
export function bucketsOf(tickets: readonly Ticket[], timeZone: string): HourBucket[] {
  const buckets = new Map<string, HourBucket>();
  for (const t of tickets) {
    const hour = hourOf(t.issuedAt, timeZone);
    const key = `${hour}|${t.concernId}`;
    let b = buckets.get(key);
    if (!b) {
      b = emptyBucket(hour, t.concernId);
      buckets.set(key, b);
    }
    b.issued++;
    if (t.status === 'done') b.served++;
    if (t.status === 'no-show') b.noShow++;
    if (t.status === 'cancelled') b.cancelled++;
    if (t.transferredFrom?.length) b.transferred++;
    if (t.firstCalledAt !== undefined) addTo(b.waits, (t.firstCalledAt - t.issuedAt) / 60_000);
    const serviceStart = t.servedAt ?? t.calledAt;
    const serviceMinutes =
      t.status === 'done' && serviceStart !== undefined && t.closedAt !== undefined
        ? (t.closedAt - serviceStart) / 60_000
        : undefined;
    if (serviceMinutes !== undefined) addTo(b.services, serviceMinutes);
    if (t.counterId && (t.status === 'done' || t.status === 'no-show')) {
      b.byCounter ??= {};
      b.byCounter[t.counterId] ??= { served: 0, noShow: 0, services: {} };
      const c = b.byCounter[t.counterId] as CounterFigures;
      if (t.status === 'done') c.served++;
      else c.noShow++;
      if (serviceMinutes !== undefined) addTo(c.services, serviceMinutes);
    }
    if (t.appointmentAt !== undefined) {
      b.appointments = (b.appointments ?? 0) + 1;
      b.checkIns ??= {};
      addSigned(b.checkIns, (t.issuedAt - t.appointmentAt) / 60_000);
      if (t.firstCalledAt !== undefined) {
        b.appointmentWaits ??= {};
        addTo(b.appointmentWaits, (t.firstCalledAt - Math.max(t.appointmentAt, t.issuedAt)) / 60_000);
      }
    }
  }
  return [...buckets.values()];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Tenths of a minute of a histogram key ("12.3" -> 123); keys repeat, so they are parsed once. */
const keyIndexes = new Map<string, number>();
function keyIndex(key: string): number {
  let index = keyIndexes.get(key);
  if (index === undefined) {
    index = Math.round(Number(key) * 10);
    if (keyIndexes.size < 100_000) keyIndexes.set(key, index);
  }
  return index;
}

/** Mean, median, p90 and the share within a limit of a tally, from one pass. */
interface Described {
  mean: number | null;
  median: number | null;
  p90: number | null;
  within: number | null;
}

/**
 * A histogram while aggregating: counts in arrays indexed by tenths of a minute (negative
 * values apart), so merging is array arithmetic and reading percentiles needs no sorting.
 */
class Tally {
  private readonly pos: number[] = [];
  /** `neg[i]`: how many of the value `-i / 10` (i >= 1). */
  private readonly neg: number[] = [];
  /** Highest index in use since the last reset (the arrays are kept and reused). */
  private topPos = -1;
  private topNeg = 0;
  n = 0;

  private static grow(list: number[], i: number): void {
    while (list.length <= i) list.push(0);
  }

  private addAt(index: number, count: number): void {
    if (index >= 0) {
      if (index >= this.pos.length) Tally.grow(this.pos, index);
      this.pos[index] = (this.pos[index] as number) + count;
      if (index > this.topPos) this.topPos = index;
    } else {
      const i = -index;
      if (i >= this.neg.length) Tally.grow(this.neg, i);
      this.neg[i] = (this.neg[i] as number) + count;
      if (i > this.topNeg) this.topNeg = i;
    }
    this.n += count;
  }

  /** Adds a stored histogram (keys: minutes with one decimal). */
  addHistogram(h: Histogram | undefined): void {
    if (!h) return;
    for (const key in h) {
      const count = h[key] as number;
      const index = keyIndex(key);
      if (count > 0 && Math.abs(index) <= 1_000_000) this.addAt(index, count);
    }
  }

  /** Adds another tally (a concern's into its period's total). */
  merge(other: Tally): void {
    if (!other.n) return;
    for (let i = 0; i <= other.topPos; i++) {
      const c = other.pos[i] as number;
      if (c) this.addAt(i, c);
    }
    for (let i = 1; i <= other.topNeg; i++) {
      const c = other.neg[i] as number;
      if (c) this.addAt(-i, c);
    }
  }

  /** Empties the tally, keeping its arrays for the next period. */
  reset(): void {
    if (this.topPos >= 0) this.pos.fill(0, 0, this.topPos + 1);
    if (this.topNeg > 0) this.neg.fill(0, 1, this.topNeg + 1);
    this.topPos = -1;
    this.topNeg = 0;
    this.n = 0;
  }

  /** One pass in ascending order; `limit` in minutes for the share at most it. */
  describe(limit: number): Described {
    const n = this.n;
    if (!n) return { mean: null, median: null, p90: null, within: null };
    const rank50 = Math.max(1, Math.ceil(0.5 * n));
    const rank90 = Math.max(1, Math.ceil(0.9 * n));
    const last = Math.floor(limit * 10 + 1e-9);
    let sum = 0;
    let seen = 0;
    let within = 0;
    let median = Number.NaN;
    let p90 = Number.NaN;
    for (let k = -this.topNeg; k <= this.topPos; k++) {
      const c = (k < 0 ? this.neg[-k] : this.pos[k]) as number;
      if (!c) continue;
      sum += k * c;
      seen += c;
      if (Number.isNaN(median) && seen >= rank50) median = k;
      if (Number.isNaN(p90) && seen >= rank90) p90 = k;
      if (k <= last) within += c;
    }
    return {
      mean: round1(sum / 10 / n),
      median: round1(median / 10),
      p90: round1(p90 / 10),
      within: round3(within / n),
    };
  }

  mean(): number | null {
    return this.describe(0).mean;
  }

  /** Nearest-rank percentile. */
  percentile(p: number): number | null {
    if (!this.n) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    let seen = 0;
    for (let k = -this.topNeg; k <= this.topPos; k++) {
      seen += (k < 0 ? this.neg[-k] : this.pos[k]) as number;
      if (seen >= rank) return round1(k / 10);
    }
    return null;
  }

  shareAtMost(limit: number): number | null {
    return this.describe(limit).within;
  }
}

function tallyOf(h: Histogram): Tally {
  const t = new Tally();
  t.addHistogram(h);
  return t;
}

export function histogramMean(h: Histogram): number | null {
  return tallyOf(h).mean();
}

/** Nearest-rank percentile of a histogram. */
export function histogramPercentile(h: Histogram, p: number): number | null {
  return tallyOf(h).percentile(p);
}

/** Share (0..1) of a histogram's values that are at most `limit`; null when empty. */
export function histogramShareAtMost(h: Histogram, limit: number): number | null {
  return tallyOf(h).shareAtMost(limit);
}

interface Acc {
  period: string;
  concernId: string;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  appointments: number;
  waits: Tally;
  services: Tally;
  checkIns: Tally;
  appointmentWaits: Tally;
}

function newAcc(concernId: string): Acc {
  return {
    period: '',
    concernId,
    issued: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transferred: 0,
    appointments: 0,
    waits: new Tally(),
    services: new Tally(),
    checkIns: new Tally(),
    appointmentWaits: new Tally(),
  };
}

function resetAcc(g: Acc, period: string): void {
  g.period = period;
  g.issued = 0;
  g.served = 0;
  g.noShow = 0;
  g.cancelled = 0;
  g.transferred = 0;
  g.appointments = 0;
  g.waits.reset();
  g.services.reset();
  g.checkIns.reset();
  g.appointmentWaits.reset();
}

function addBucket(g: Acc, b: HourBucket): void {
  g.issued += b.issued;
  g.served += b.served;
  g.noShow += b.noShow;
  g.cancelled += b.cancelled ?? 0;
  g.transferred += b.transferred ?? 0;
  g.appointments += b.appointments ?? 0;
  g.waits.addHistogram(b.waits);
  g.services.addHistogram(b.services);
  if (b.checkIns) g.checkIns.addHistogram(b.checkIns);
  if (b.appointmentWaits) g.appointmentWaits.addHistogram(b.appointmentWaits);
}

/** Adds a concern's group to its period's total. */
function mergeAcc(total: Acc, g: Acc): void {
  total.issued += g.issued;
  total.served += g.served;
  total.noShow += g.noShow;
  total.cancelled += g.cancelled;
  total.transferred += g.transferred;
  total.appointments += g.appointments;
  total.waits.merge(g.waits);
  total.services.merge(g.services);
  total.checkIns.merge(g.checkIns);
  total.appointmentWaits.merge(g.appointmentWaits);
}

function rowOf(g: Acc, target: number): StatsRow {
  const waits = g.waits.describe(target);
  const services = g.services.describe(0);
  const checkIns = g.checkIns.describe(0);
  return {
    period: g.period,
    concernId: g.concernId,
    issued: g.issued,
    served: g.served,
    noShow: g.noShow,
    avgWaitMinutes: waits.mean,
    p90WaitMinutes: waits.p90,
    avgServiceMinutes: services.mean,
    cancelled: g.cancelled,
    transferred: g.transferred,
    medianWaitMinutes: waits.median,
    medianServiceMinutes: services.median,
    servedWithinTargetShare: waits.within,
    appointments: g.appointments,
    punctualShare: checkIns.within,
    medianCheckInMinutes: checkIns.median,
    avgAppointmentWaitMinutes: g.appointmentWaits.describe(0).mean,
  };
}

const byHour = (a: HourBucket, b: HourBucket) => (a.hour < b.hour ? -1 : a.hour > b.hour ? 1 : 0);

/** The buckets in order of their hour (as stored they mostly are already: day files in order). */
function inHourOrder(buckets: readonly HourBucket[]): readonly HourBucket[] {
  for (let i = 1; i < buckets.length; i++) {
    if ((buckets[i] as HourBucket).hour < (buckets[i - 1] as HourBucket).hour) return [...buckets].sort(byHour);
  }
  return buckets;
}

/**
 * Calls `add` for every bucket with the period it belongs to and `flush` at the end of each
 * period. Periods grow with the hour, so after ordering by hour each period comes in one run:
 * the accumulators of one period can be reused for the next (a year stays cheap).
 */
function byPeriods(
  buckets: readonly HourBucket[],
  by: StatsGrouping,
  rangeLabel: string,
  add: (b: HourBucket, period: string) => void,
  flush: (period: string) => void,
): void {
  let lastHour = '';
  let period = '';
  let open = false;
  for (const b of inHourOrder(buckets)) {
    if (b.hour !== lastHour) {
      lastHour = b.hour;
      const next = periodOfHour(b.hour, by, rangeLabel);
      if (open && next !== period) flush(period);
      period = next;
      open = true;
    }
    add(b, period);
  }
  if (open) flush(period);
}

/** Figures per period and concern, plus a total row per period, from hourly buckets. */
export function statsReport(
  buckets: readonly HourBucket[],
  by: StatsGrouping,
  options: ReportOptions = {},
): StatsReport {
  const target = options.targetWaitMinutes ?? DEFAULT_TARGET_WAIT_MINUTES;
  const rangeLabel = options.rangeLabel ?? 'all';
  const accs = new Map<string, Acc>();
  const used = new Set<Acc>();
  const total = newAcc(TOTAL);
  const rows: StatsRow[] = [];
  const totals: StatsRow[] = [];
  // The whole range, summed from each period's groups (no second pass over the buckets).
  const whole = new Map<string, Acc>();
  const wholeTotal = newAcc(TOTAL);
  resetAcc(wholeTotal, rangeLabel);
  byPeriods(
    buckets,
    by,
    rangeLabel,
    (b, period) => {
      let g = accs.get(b.concernId);
      if (!g) {
        g = newAcc(b.concernId);
        accs.set(b.concernId, g);
      }
      if (!used.has(g)) {
        resetAcc(g, period);
        used.add(g);
      }
      addBucket(g, b);
    },
    (period) => {
      resetAcc(total, period);
      const groups = [...used].sort((x, y) => (x.concernId < y.concernId ? -1 : x.concernId > y.concernId ? 1 : 0));
      for (const g of groups) {
        rows.push(rowOf(g, target));
        mergeAcc(total, g);
        if (options.summary) {
          let w = whole.get(g.concernId);
          if (!w) {
            w = newAcc(g.concernId);
            resetAcc(w, rangeLabel);
            whole.set(g.concernId, w);
          }
          mergeAcc(w, g);
        }
      }
      totals.push(rowOf(total, target));
      if (options.summary) mergeAcc(wholeTotal, total);
      used.clear();
    },
  );
  if (!options.summary) return { by, targetWaitMinutes: target, rows, totals };
  const summary = [...whole.values()]
    .sort((x, y) => (x.concernId < y.concernId ? -1 : x.concernId > y.concernId ? 1 : 0))
    .map((w) => rowOf(w, target));
  if (wholeTotal.issued || summary.length) summary.push(rowOf(wholeTotal, target));
  return { by, targetWaitMinutes: target, rows, totals, summary };
}

/** Report rows per period and concern from hourly buckets (no total rows). */
export function aggregateBuckets(
  buckets: readonly HourBucket[],
  by: StatsGrouping,
  options: ReportOptions = {},
): StatsRow[] {
  return statsReport(buckets, by, options).rows;
}

export function aggregate(tickets: readonly Ticket[], by: StatsGrouping, timeZone: string): StatsRow[] {
  return aggregateBuckets(bucketsOf(tickets, timeZone), by);
}

/** Rows and the period's total row together, the total last in each period (as in the CSV). */
export function withTotals(report: StatsReport): StatsRow[] {
  return [...report.rows, ...report.totals].sort((a, b) => {
    if (a.period !== b.period) return a.period < b.period ? -1 : 1;
    if (a.concernId === TOTAL) return b.concernId === TOTAL ? 0 : 1;
    if (b.concernId === TOTAL) return -1;
    return a.concernId < b.concernId ? -1 : a.concernId > b.concernId ? 1 : 0;
  });
}

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

/** Arrivals (tickets issued) by weekday and local hour; optionally of one concern only. */
export function arrivalsHeatmap(buckets: readonly HourBucket[], concernId?: string): Heatmap {
  const datesByWeekday: Set<string>[] = Array.from({ length: 7 }, () => new Set<string>());
  const counts = new Map<number, number>();
  const weekdayOf = new Map<string, number>();
  for (const b of buckets) {
    if (concernId !== undefined && b.concernId !== concernId) continue;
    if (!b.issued) continue;
    const date = b.hour.slice(0, 10);
    let weekday = weekdayOf.get(date);
    if (weekday === undefined) {
      weekday = isoWeekday(date);
      weekdayOf.set(date, weekday);
    }
    datesByWeekday[weekday - 1]?.add(date);
    const key = weekday * 100 + Number(b.hour.slice(11, 13));
    counts.set(key, (counts.get(key) ?? 0) + b.issued);
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

// CSV (comma separated, dot decimals, one header line).

export const STATS_CSV_COLUMNS: readonly (keyof StatsRow)[] = [
  'period',
  'concernId',
  'issued',
  'served',
  'noShow',
  'avgWaitMinutes',
  'p90WaitMinutes',
  'avgServiceMinutes',
  'cancelled',
  'transferred',
  'medianWaitMinutes',
  'medianServiceMinutes',
  'servedWithinTargetShare',
  'appointments',
  'punctualShare',
  'medianCheckInMinutes',
  'avgAppointmentWaitMinutes',
];

/** Text that a spreadsheet would run as a formula gets a leading `'` (numbers stay numbers). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Any list of flat records as CSV with the given columns, plus optional extra columns. */
export function recordsToCsv<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
  extra: { header: string; value: (row: T) => string | number | null }[] = [],
): string {
  const lines = [[...columns, ...extra.map((e) => e.header)].join(',')];
  for (const row of rows) {
    const cells = columns.map((c) => csvCell(row[c]));
    for (const e of extra) cells.push(csvCell(e.value(row)));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Report rows as CSV; with `concernNames` a last column `concernName` (total rows: "Alle Anliegen"). */
export function toCsv(rows: readonly StatsRow[], concernNames?: Readonly<Record<string, string>>): string {
  const extra = concernNames
    ? [
        {
          header: 'concernName',
          value: (r: StatsRow) =>
            r.concernId === TOTAL ? 'Alle Anliegen' : (concernNames[r.concernId] ?? r.concernId),
        },
      ]
    : [];
  return recordsToCsv(rows, STATS_CSV_COLUMNS, extra);
}

export const HEATMAP_CSV_COLUMNS: readonly (keyof HeatCell)[] = ['weekday', 'hour', 'arrivals', 'days', 'avgArrivals'];

export function heatmapToCsv(heatmap: Heatmap): string {
  return recordsToCsv(heatmap.cells, HEATMAP_CSV_COLUMNS);
}

export const COUNTER_CSV_COLUMNS: readonly (keyof CounterRow)[] = [
  'period',
  'counterId',
  'served',
  'noShow',
  'avgServiceMinutes',
  'medianServiceMinutes',
  'servedShare',
];

export function countersToCsv(rows: readonly CounterRow[], counterNames?: Readonly<Record<string, string>>): string {
  const extra = counterNames
    ? [{ header: 'counterName', value: (r: CounterRow) => counterNames[r.counterId] ?? r.counterId }]
    : [];
  return recordsToCsv(rows, COUNTER_CSV_COLUMNS, extra);
}
