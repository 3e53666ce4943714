/** Statistics as CSV: one header line, then one line per row. Pure. */
import type { CounterRow, HeatCell, Heatmap } from './stats-views.ts';
import { type StatsRow, TOTAL } from './stats.ts';

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
  'visits',
  'multiConcernShare',
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

/**
 * Report rows as CSV: the columns above, then one column `outcome_<id>` per outcome (the ids in
 * `outcomeIds`, then any other id found in the rows), then with `concernNames` a last column
 * `concernName` (total rows: "Alle Anliegen").
 */
export function toCsv(
  rows: readonly StatsRow[],
  concernNames?: Readonly<Record<string, string>>,
  outcomeIds: readonly string[] = [],
): string {
  const ids = [...outcomeIds];
  for (const r of rows) for (const id in r.outcomes) if (!ids.includes(id)) ids.push(id);
  const extra: { header: string; value: (row: StatsRow) => string | number | null }[] = ids.map((id) => ({
    header: `outcome_${id}`,
    value: (r: StatsRow) => r.outcomes[id] ?? 0,
  }));
  if (concernNames) {
    extra.push({
      header: 'concernName',
      value: (r: StatsRow) => (r.concernId === TOTAL ? 'Alle Anliegen' : (concernNames[r.concernId] ?? r.concernId)),
    });
  }
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
