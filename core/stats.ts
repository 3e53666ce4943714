/**
 * Statistics. Tickets are first folded into hourly buckets per concern (counts and histograms
 * of waiting and service times, no numbers, no tokens, no people); the buckets are what stays
 * after ticket details are deleted, and every report is computed from them, so figures are the
 * same before and after retention. Pure.
 */
import { localParts } from './localtime.ts';
import type { Ticket } from './types.ts';

export type StatsGrouping = 'hour' | 'day' | 'week';

/** Minutes rounded to a tenth -> how many tickets. */
export type Histogram = Record<string, number>;

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
  /** Service time of served tickets (last call until done). */
  services: Histogram;
}

export interface StatsRow {
  period: string;
  concernId: string;
  issued: number;
  served: number;
  noShow: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
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

export function hourOf(at: number, timeZone: string): string {
  const local = localParts(at, timeZone);
  return `${local.date} ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}`;
}

export function periodOfHour(hour: string, by: StatsGrouping): string {
  const date = hour.slice(0, 10);
  if (by === 'day') return date;
  if (by === 'week') return isoWeek(date);
  return `${hour}:00`;
}

const tenth = (minutes: number) => (Math.round(minutes * 10) / 10).toFixed(1);

function addTo(h: Histogram, minutes: number): void {
  const key = tenth(Math.max(0, minutes));
  h[key] = (h[key] ?? 0) + 1;
}

function mergeInto(target: Histogram, source: Histogram): void {
  for (const [k, v] of Object.entries(source)) target[k] = (target[k] ?? 0) + v;
}

/** Folds tickets into hourly buckets per concern (local hour of issue). */
export function bucketsOf(tickets: readonly Ticket[], timeZone: string): HourBucket[] {
  const buckets = new Map<string, HourBucket>();
  for (const t of tickets) {
    const hour = hourOf(t.issuedAt, timeZone);
    const key = `${hour}|${t.concernId}`;
    let b = buckets.get(key);
    if (!b) {
      b = { hour, concernId: t.concernId, issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0, waits: {}, services: {} };
      buckets.set(key, b);
    }
    b.issued++;
    if (t.status === 'done') b.served++;
    if (t.status === 'no-show') b.noShow++;
    if (t.status === 'cancelled') b.cancelled++;
    if (t.transferredFrom?.length) b.transferred++;
    if (t.firstCalledAt !== undefined) addTo(b.waits, (t.firstCalledAt - t.issuedAt) / 60_000);
    if (t.status === 'done' && t.calledAt !== undefined && t.closedAt !== undefined) {
      addTo(b.services, (t.closedAt - t.calledAt) / 60_000);
    }
  }
  return [...buckets.values()];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function histogramMean(h: Histogram): number | null {
  let n = 0;
  let sum = 0;
  for (const [k, v] of Object.entries(h)) {
    n += v;
    sum += Number(k) * v;
  }
  return n ? round1(sum / n) : null;
}

/** Nearest-rank percentile of a histogram. */
export function histogramPercentile(h: Histogram, p: number): number | null {
  const entries = Object.entries(h)
    .map(([k, v]) => [Number(k), v] as const)
    .sort((a, b) => a[0] - b[0]);
  const n = entries.reduce((s, [, v]) => s + v, 0);
  if (!n) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  let seen = 0;
  for (const [value, count] of entries) {
    seen += count;
    if (seen >= rank) return round1(value);
  }
  return null;
}

/** Report rows per period and concern from hourly buckets. */
export function aggregateBuckets(buckets: readonly HourBucket[], by: StatsGrouping): StatsRow[] {
  const groups = new Map<string, { period: string; concernId: string; issued: number; served: number; noShow: number; waits: Histogram; services: Histogram }>();
  for (const b of buckets) {
    const period = periodOfHour(b.hour, by);
    const key = `${period}|${b.concernId}`;
    let g = groups.get(key);
    if (!g) {
      g = { period, concernId: b.concernId, issued: 0, served: 0, noShow: 0, waits: {}, services: {} };
      groups.set(key, g);
    }
    g.issued += b.issued;
    g.served += b.served;
    g.noShow += b.noShow;
    mergeInto(g.waits, b.waits);
    mergeInto(g.services, b.services);
  }
  return [...groups.values()]
    .map((g) => ({
      period: g.period,
      concernId: g.concernId,
      issued: g.issued,
      served: g.served,
      noShow: g.noShow,
      avgWaitMinutes: histogramMean(g.waits),
      p90WaitMinutes: histogramPercentile(g.waits, 90),
      avgServiceMinutes: histogramMean(g.services),
    }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.concernId < b.concernId ? -1 : 1));
}

export function aggregate(tickets: readonly Ticket[], by: StatsGrouping, timeZone: string): StatsRow[] {
  return aggregateBuckets(bucketsOf(tickets, timeZone), by);
}

const CSV_COLUMNS: (keyof StatsRow)[] = [
  'period',
  'concernId',
  'issued',
  'served',
  'noShow',
  'avgWaitMinutes',
  'p90WaitMinutes',
  'avgServiceMinutes',
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly StatsRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}
