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
import { type Histogram, Tally } from './tally.ts';
import type { Ticket } from './types.ts';
import { visitParts } from './visit.ts';

export type { Histogram } from './tally.ts';

export type StatsGrouping = 'hour' | 'day' | 'week' | 'month' | 'all';

/** `concernId` of the total row of a period (every concern together). */
export const TOTAL = '*';

/** Waiting time a visitor should not exceed, unless the office sets `statsTargetWaitMinutes`. */
export const DEFAULT_TARGET_WAIT_MINUTES = 20;

/** What one counter did for one concern in one hour. */
export interface CounterFigures {
  served: number;
  noShow: number;
  /** Service times of the visitors served there. */
  services: Histogram;
}

/**
 * What happened to one concern in one hour: the parts of visits (concerns) asked for it by
 * tickets issued in that hour. A one-concern ticket is one part.
 */
export interface HourBucket {
  /** Local hour of issue: `YYYY-MM-DD HH`. */
  hour: string;
  concernId: string;
  /** Parts of this concern (concerns requested). */
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
  /** Visits whose first concern is this one (absent in older files: one visit per part). */
  visits?: number;
  /** Of those, visits with more than one concern. */
  multiConcernVisits?: number;
  /** Parts completed with each outcome id. */
  outcomes?: Record<string, number>;
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
  /** Visits (tickets) whose first concern is this one; `issued` counts concerns. */
  visits: number;
  /** Of those visits: share (0..1) with more than one concern. */
  multiConcernShare: number | null;
  /** Concerns completed with each outcome (outcome id -> count). */
  outcomes: Record<string, number>;
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
  // `visits` is always written (0 for a concern asked only as a later part): files without it
  // were written before visits had parts, and there every ticket was a visit.
  return {
    hour,
    concernId,
    issued: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transferred: 0,
    waits: {},
    services: {},
    visits: 0,
  };
}

function bucketFor(buckets: Map<string, HourBucket>, hour: string, concernId: string): HourBucket {
  const key = `${hour}|${concernId}`;
  let b = buckets.get(key);
  if (!b) {
    b = emptyBucket(hour, concernId);
    buckets.set(key, b);
  }
  return b;
}

/**
 * Folds tickets into hourly buckets per concern (local hour of issue). Each part of a visit
 * counts for its own concern: requested, served or not, its wait from when it became due, its
 * service time and outcome; the visit itself counts once, for its first concern.
 */
export function bucketsOf(tickets: readonly Ticket[], timeZone: string): HourBucket[] {
  const buckets = new Map<string, HourBucket>();
  for (const t of tickets) {
    const hour = hourOf(t.issuedAt, timeZone);
    const parts = visitParts(t);
    parts.forEach((p, i) => {
      const b = bucketFor(buckets, hour, p.concernId);
      b.issued++;
      if (p.status === 'done') b.served++;
      if (p.status === 'no-show') b.noShow++;
      if (p.status === 'cancelled') b.cancelled++;
      if (p.transferredFrom !== undefined) b.transferred++;
      if (p.firstCalledAt !== undefined) addTo(b.waits, (p.firstCalledAt - (p.dueAt ?? t.issuedAt)) / 60_000);
      const serviceMinutes =
        p.status === 'done' && p.serviceStart !== undefined && p.closedAt !== undefined
          ? (p.closedAt - p.serviceStart) / 60_000
          : undefined;
      if (serviceMinutes !== undefined) addTo(b.services, serviceMinutes);
      if (p.counterId && (p.status === 'done' || p.status === 'no-show')) {
        b.byCounter ??= {};
        b.byCounter[p.counterId] ??= { served: 0, noShow: 0, services: {} };
        const c = b.byCounter[p.counterId] as CounterFigures;
        if (p.status === 'done') c.served++;
        else c.noShow++;
        if (serviceMinutes !== undefined) addTo(c.services, serviceMinutes);
      }
      if (p.outcome !== undefined) {
        b.outcomes ??= {};
        b.outcomes[p.outcome] = (b.outcomes[p.outcome] ?? 0) + 1;
      }
      if (i > 0) return;
      b.visits = (b.visits as number) + 1;
      if (parts.length > 1) b.multiConcernVisits = (b.multiConcernVisits ?? 0) + 1;
      if (t.appointmentAt !== undefined) {
        b.appointments = (b.appointments ?? 0) + 1;
        b.checkIns ??= {};
        addSigned(b.checkIns, (t.issuedAt - t.appointmentAt) / 60_000);
        if (t.firstCalledAt !== undefined) {
          b.appointmentWaits ??= {};
          addTo(b.appointmentWaits, (t.firstCalledAt - Math.max(t.appointmentAt, t.issuedAt)) / 60_000);
        }
      }
    });
  }
  return [...buckets.values()];
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
  visits: number;
  multiConcernVisits: number;
  outcomes: Map<string, number>;
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
    visits: 0,
    multiConcernVisits: 0,
    outcomes: new Map(),
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
  g.visits = 0;
  g.multiConcernVisits = 0;
  g.outcomes.clear();
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
  // Files written before visits had parts: every ticket was one visit of one concern.
  g.visits += b.visits ?? b.issued;
  g.multiConcernVisits += b.multiConcernVisits ?? 0;
  if (b.outcomes) for (const id in b.outcomes) g.outcomes.set(id, (g.outcomes.get(id) ?? 0) + (b.outcomes[id] ?? 0));
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
  total.visits += g.visits;
  total.multiConcernVisits += g.multiConcernVisits;
  for (const [id, n] of g.outcomes) total.outcomes.set(id, (total.outcomes.get(id) ?? 0) + n);
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
    visits: g.visits,
    multiConcernShare: g.visits ? Math.round((g.multiConcernVisits / g.visits) * 1000) / 1000 : null,
    outcomes: Object.fromEntries([...g.outcomes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
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
export function byPeriods(
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
