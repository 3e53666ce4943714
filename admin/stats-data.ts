/**
 * Pure helpers of the statistics tab: the answers' types, addresses, quick date ranges,
 * period labels and the categories of the charts. No DOM, no fetching.
 */
import type { StatsRow as ReportRow } from '../core/stats.ts';
import type { CounterRow, HeatCell, Heatmap } from '../core/stats-views.ts';
import { addDays } from '../core/localtime.ts';

export type { CounterRow, HeatCell };

export type StatsBy = 'hour' | 'day' | 'week' | 'month';

/**
 * One row of `GET /api/stats`: the server's report row (core/stats.ts), read tolerantly — the
 * contract's eight fields are always there, the others may be missing from older servers.
 */
export type StatsRow = Partial<ReportRow> &
  Pick<
    ReportRow,
    'period' | 'concernId' | 'issued' | 'served' | 'noShow' | 'avgWaitMinutes' | 'p90WaitMinutes' | 'avgServiceMinutes'
  >;

export interface StatsAnswer {
  from: string;
  to: string;
  by: StatsBy;
  targetWaitMinutes: number;
  rows: StatsRow[];
  /** One row per period for every concern together (`concernId` `*`). */
  totals: StatsRow[];
  /** The whole range: one row per concern, then `*`. */
  summary: StatsRow[];
}

/** `GET /api/stats/heatmap`: the server's heat map (core/stats-views.ts) with its range. */
export interface HeatmapAnswer extends Heatmap {
  from: string;
  to: string;
  concernId: string | null;
}

export interface CountersAnswer {
  from: string;
  to: string;
  rows: CounterRow[];
}

export interface StatsQuery {
  from: string;
  to: string;
  by: StatsBy;
}

export const TOTAL = '*';

export function statsUrl(query: StatsQuery, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, by: query.by });
  if (format === 'csv') params.set('format', 'csv');
  return `/api/stats?${params.toString()}`;
}

/** The whole range in one period: the appointment table's CSV. */
export function summaryCsvUrl(query: StatsQuery): string {
  return `/api/stats?${new URLSearchParams({ from: query.from, to: query.to, by: 'all', format: 'csv' }).toString()}`;
}

export function heatmapUrl(query: StatsQuery, concernId: string | null, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (concernId) params.set('concernId', concernId);
  if (format === 'csv') params.set('format', 'csv');
  return `/api/stats/heatmap?${params.toString()}`;
}

export function countersUrl(query: StatsQuery, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (format === 'csv') params.set('format', 'csv');
  return `/api/stats/counters?${params.toString()}`;
}

/**
 * Sums per column; averages weighted by the visitors served. A fallback for rows without
 * the server's total rows (the server's totals also give median and p90).
 */
export function totals(rows: StatsRow[]) {
  const sum = (pick: (r: StatsRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const weighted = (pick: (r: StatsRow) => number | null) => {
    const valid = rows.filter((r) => typeof pick(r) === 'number' && r.served > 0);
    const served = valid.reduce((s, r) => s + r.served, 0);
    return served > 0 ? valid.reduce((s, r) => s + (pick(r) as number) * r.served, 0) / served : null;
  };
  return {
    issued: sum((r) => r.issued),
    served: sum((r) => r.served),
    noShow: sum((r) => r.noShow),
    avgWaitMinutes: weighted((r) => r.avgWaitMinutes),
    avgServiceMinutes: weighted((r) => r.avgServiceMinutes),
  };
}

// Dates.

/** ISO weekday of a date: 1 Monday .. 7 Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export type QuickRangeId = 'last-week' | 'this-week' | 'last-30' | 'this-month' | 'last-month';

export interface QuickRange {
  id: QuickRangeId;
  label: string;
  from: string;
  to: string;
  by: StatsBy;
}

/** The quick choices of the date range picker, relative to the office's today. */
export function quickRanges(today: string): QuickRange[] {
  const monday = addDays(today, 1 - weekdayOf(today));
  const lastMonthEnd = addDays(monthStart(today), -1);
  return [
    { id: 'last-week', label: 'Letzte Woche', from: addDays(monday, -7), to: addDays(monday, -1), by: 'day' },
    { id: 'this-week', label: 'Diese Woche', from: monday, to: today, by: 'day' },
    { id: 'last-30', label: 'Letzte 30 Tage', from: addDays(today, -29), to: today, by: 'day' },
    { id: 'this-month', label: 'Dieser Monat', from: monthStart(today), to: today, by: 'day' },
    { id: 'last-month', label: 'Letzter Monat', from: monthStart(lastMonthEnd), to: lastMonthEnd, by: 'week' },
  ];
}

/** ISO week of a date: `2026-W47` (as the server names weeks). */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week `2026-W47`. */
export function weekMonday(week: string): string {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = `${y}-01-04`;
  return addDays(jan4, 1 - weekdayOf(jan4) + (w - 1) * 7);
}

/**
 * Every period of the range, so that a chart shows closed days as zero rather than leaving
 * them out. For hours, the periods with data (a month has 720 hours).
 */
export function periodsOf(query: StatsQuery, withData: readonly string[]): string[] {
  if (query.by === 'hour') return [...new Set(withData)].sort();
  const out: string[] = [];
  let last = '';
  for (let d = query.from; d <= query.to && out.length < 1000; d = addDays(d, 1)) {
    const p = query.by === 'day' ? d : query.by === 'week' ? isoWeek(d) : d.slice(0, 7);
    if (p !== last) out.push(p);
    last = p;
  }
  return out;
}

const WEEKDAY_SHORT = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];
export const WEEKDAY_LONG = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

const dm = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.`;

/** "Mo 16.11.2026", "KW 47 (16.11.–22.11.2026)", "November 2026", "Mo 16.11.2026, 9–10 Uhr". */
export function periodLabel(period: string, by: StatsBy): string {
  if (by === 'day') return `${WEEKDAY_SHORT[weekdayOf(period) - 1]} ${dm(period)}${period.slice(0, 4)}`;
  if (by === 'week') {
    const monday = weekMonday(period);
    return `KW ${Number(period.slice(6))} (${dm(monday)}–${dm(addDays(monday, 6))}${addDays(monday, 6).slice(0, 4)})`;
  }
  if (by === 'month') return `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;
  const hour = Number(period.slice(11, 13));
  return `${periodLabel(period.slice(0, 10), 'day')}, ${hour}–${hour + 1} Uhr`;
}

/** Short axis label: "Mo 16.11.", "KW 47", "Nov. 2026", "16.11. 9 Uhr". */
export function periodShort(period: string, by: StatsBy): string {
  if (by === 'day') return `${WEEKDAY_SHORT[weekdayOf(period) - 1]} ${dm(period)}`;
  if (by === 'week') return `KW ${Number(period.slice(6))}`;
  if (by === 'month') return `${(MONTHS[Number(period.slice(5, 7)) - 1] ?? '').slice(0, 3)} ${period.slice(0, 4)}`;
  return `${dm(period.slice(0, 10))} ${Number(period.slice(11, 13))} Uhr`;
}

/** "Mo 16.11.2026 bis So 22.11.2026" */
export function rangeLabel(from: string, to: string): string {
  return from === to ? periodLabel(from, 'day') : `${periodLabel(from, 'day')} bis ${periodLabel(to, 'day')}`;
}

const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });

/** "88,9 %"; "–" when unknown. */
export function formatShare(share: number | null | undefined): string {
  return typeof share === 'number' && Number.isFinite(share) ? percent.format(share) : '–';
}

/** Check-in relative to the slot in plain words: "5 Min. früher", "3 Min. später", "pünktlich". */
export function formatCheckIn(minutes: number | null | undefined): string {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) return '–';
  const m = Math.abs(Math.round(minutes * 10) / 10);
  const text = String(m).replace('.', ',');
  if (m === 0) return 'zur Terminzeit';
  return minutes < 0 ? `${text} Min. früher` : `${text} Min. später`;
}

/** Figures per period for a chart: zero counts and no times where a period has no data. */
export function seriesOf(
  rows: readonly StatsRow[],
  periods: readonly string[],
  pick: (r: StatsRow) => number | null | undefined,
  empty: number | null,
): (number | null)[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periods.map((p) => {
    const row = byPeriod.get(p);
    if (!row) return empty;
    const v = pick(row);
    return typeof v === 'number' ? v : null;
  });
}

/** Hours shown in the heat map: from the earliest to the latest with arrivals. */
export function heatHours(cells: readonly HeatCell[]): number[] {
  if (!cells.length) return [];
  let min = 23;
  let max = 0;
  for (const c of cells) {
    min = Math.min(min, c.hour);
    max = Math.max(max, c.hour);
  }
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

// Visits and outcomes.

/** Visits of a row; days stored before visits had parts count one visit per ticket (as issued). */
export function visitsOf(row: StatsRow): number {
  return typeof row.visits === 'number' ? row.visits : row.issued;
}

/** Concerns completed with an outcome in a row. */
export function outcomeCount(row: StatsRow): number {
  return Object.values(row.outcomes ?? {}).reduce((s, n) => s + n, 0);
}

/**
 * The outcomes to show: the configured ones in their order, then ids found in the rows that are
 * no longer configured (sorted), so old figures stay visible.
 */
export function outcomeIdsOf(rows: readonly StatsRow[], configured: readonly { id: string }[]): string[] {
  const ids = configured.map((o) => o.id);
  const known = new Set(ids);
  const found = new Set<string>();
  for (const r of rows) for (const id of Object.keys(r.outcomes ?? {})) if (!known.has(id)) found.add(id);
  return [...ids, ...[...found].sort()];
}

/** An outcome's German name; an id no longer configured shows as itself. */
export function outcomeName(id: string, configured: readonly { id: string; name: string }[]): string {
  return configured.find((o) => o.id === id)?.name ?? id;
}
