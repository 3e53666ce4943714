/**
 * Statistics from tickets: per period (hour, day, ISO week, local time of the office) and
 * concern: issued, served, no-show, waiting and service times. Pure; counts only, no people.
 */
import { localParts } from './localtime.ts';
import type { Ticket } from './types.ts';

export type StatsGrouping = 'hour' | 'day' | 'week';

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

export function periodOf(at: number, by: StatsGrouping, timeZone: string): string {
  const local = localParts(at, timeZone);
  if (by === 'day') return local.date;
  if (by === 'week') return isoWeek(local.date);
  return `${local.date} ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:00`;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function mean(values: number[]): number | null {
  return values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return round1(sorted[rank - 1] as number);
}

export function aggregate(tickets: readonly Ticket[], by: StatsGrouping, timeZone: string): StatsRow[] {
  const groups = new Map<string, { period: string; concernId: string; tickets: Ticket[] }>();
  for (const t of tickets) {
    const period = periodOf(t.issuedAt, by, timeZone);
    const key = `${period}\u0000${t.concernId}`;
    let group = groups.get(key);
    if (!group) {
      group = { period, concernId: t.concernId, tickets: [] };
      groups.set(key, group);
    }
    group.tickets.push(t);
  }
  const rows: StatsRow[] = [];
  for (const g of groups.values()) {
    const waits = g.tickets
      .filter((t) => t.firstCalledAt !== undefined)
      .map((t) => ((t.firstCalledAt as number) - t.issuedAt) / 60_000);
    const services = g.tickets
      .filter((t) => t.status === 'done' && t.calledAt !== undefined && t.closedAt !== undefined)
      .map((t) => ((t.closedAt as number) - (t.calledAt as number)) / 60_000);
    rows.push({
      period: g.period,
      concernId: g.concernId,
      issued: g.tickets.length,
      served: g.tickets.filter((t) => t.status === 'done').length,
      noShow: g.tickets.filter((t) => t.status === 'no-show').length,
      avgWaitMinutes: mean(waits),
      p90WaitMinutes: percentile(waits, 90),
      avgServiceMinutes: mean(services),
    });
  }
  return rows.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.concernId < b.concernId ? -1 : 1));
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
