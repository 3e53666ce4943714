import { Tally } from './tally.ts';
import type { Ticket } from './types.ts';

export type { Histogram } from './tally.ts';

import {
  bucketsOf,
  type CounterFigures,
  type HourBucket,
  hourOf,
  isoWeek,
  isoWeekday,
  NO_PARTS,
  periodOfHour,
  type StatsGrouping,
  type PartCounts,
} from './stats-buckets.ts';

export type { CounterFigures, HourBucket, StatsGrouping };
export { bucketsOf, hourOf, isoWeek, isoWeekday, periodOfHour };

/** `concernId` of the total row of a period (every concern together). */
export const TOTAL = '*';

/** Waiting time a visitor should not exceed, unless the office sets `statsTargetWaitMinutes`. */
export const DEFAULT_TARGET_WAIT_MINUTES = 20;

/**
 * One line of a report. The contract's fields (`GET /api/stats`), in this order in the answer: period,
 * concernId, issued, served, noShow, avgWaitMinutes, p90WaitMinutes, avgServiceMinutes.
 */
export interface StatsRow extends PartCounts {
  period: string;
  /** A concern, or `*` for every concern together. */
  concernId: string;
  avgWaitMinutes: number | null;
  /** Nine visitors in ten waited at most this long (nearest rank). */
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
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

interface Acc extends PartCounts {
  period: string;
  concernId: string;
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
    ...NO_PARTS,
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
