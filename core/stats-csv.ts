/**
 * Statistics as CSV: one header line, then one line per row, in the German spreadsheet dialect
 * or the international one (see `csv-dialect.ts`). Pure.
 */
import { type CsvColumn, type CsvDialect, rowsToCsv } from './csv-dialect.ts';
import type { CounterRow, HeatCell, Heatmap } from './stats-views.ts';
import { type StatsRow, TOTAL } from './stats.ts';

export { type CsvDialect, csvCell } from './csv-dialect.ts';

/** German headers of the statistics' columns (the English ones are the field names). */
export const GERMAN_HEADERS: Readonly<Record<string, string>> = {
  period: 'Zeitraum',
  concernId: 'Anliegen (Kennung)',
  issued: 'Ausgegeben',
  served: 'Bedient',
  noShow: 'Nicht erschienen',
  avgWaitMinutes: 'Wartezeit Mittel (Min.)',
  p90WaitMinutes: 'Wartezeit 90 % (Min.)',
  avgServiceMinutes: 'Bedienzeit Mittel (Min.)',
  cancelled: 'Storniert',
  transferred: 'Weitergeleitet',
  medianWaitMinutes: 'Wartezeit Median (Min.)',
  medianServiceMinutes: 'Bedienzeit Median (Min.)',
  servedWithinTargetShare: 'Anteil im Wartezeitziel',
  appointments: 'Termine',
  punctualShare: 'Anteil pünktlich',
  medianCheckInMinutes: 'Anmeldung vor Termin Median (Min.)',
  avgAppointmentWaitMinutes: 'Wartezeit mit Termin Mittel (Min.)',
  visits: 'Besuche',
  multiConcernShare: 'Anteil mit mehreren Anliegen',
  concernName: 'Anliegen',
  weekday: 'Wochentag (Nr.)',
  weekdayName: 'Wochentag',
  hour: 'Stunde',
  arrivals: 'Ankünfte',
  days: 'Tage',
  avgArrivals: 'Ankünfte je Tag',
  counterId: 'Platz (Kennung)',
  counterName: 'Platz',
  servedShare: 'Anteil bedient',
  booked: 'Gebucht',
  kept: 'Wahrgenommen',
  avgCheckInMinutes: 'Anmeldung vor Termin Mittel (Min.)',
};

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

export interface ExtraColumn<T> {
  /** English header (a field name). */
  header: string;
  /** German header; default: from `GERMAN_HEADERS`, else the English one. */
  de?: string;
  value: (row: T) => string | number | null;
}

/** Any list of flat records as CSV with the given columns, plus optional extra columns. */
export function recordsToCsv<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
  extra: ExtraColumn<T>[] = [],
  dialect: CsvDialect = 'en',
): string {
  const all: CsvColumn<T>[] = [
    ...columns.map((key) => ({ key, de: GERMAN_HEADERS[key] ?? key, value: (row: T) => row[key] })),
    ...extra.map((e) => ({ key: e.header, de: e.de ?? GERMAN_HEADERS[e.header] ?? e.header, value: e.value })),
  ];
  return rowsToCsv(rows, all, dialect);
}

export interface StatsCsvOptions {
  dialect?: CsvDialect;
  /** Names of the outcomes, for the German headers ("Ergebnis: Erledigt"). */
  outcomeNames?: Readonly<Record<string, string>>;
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
  options: StatsCsvOptions = {},
): string {
  const ids = [...outcomeIds];
  for (const r of rows) for (const id in r.outcomes) if (!ids.includes(id)) ids.push(id);
  const extra: ExtraColumn<StatsRow>[] = ids.map((id) => ({
    header: `outcome_${id}`,
    de: `Ergebnis: ${options.outcomeNames?.[id] ?? id}`,
    value: (r: StatsRow) => r.outcomes[id] ?? 0,
  }));
  if (concernNames) {
    extra.push({
      header: 'concernName',
      value: (r: StatsRow) => (r.concernId === TOTAL ? 'Alle Anliegen' : (concernNames[r.concernId] ?? r.concernId)),
    });
  }
  return recordsToCsv(rows, STATS_CSV_COLUMNS, extra, options.dialect);
}

export const HEATMAP_CSV_COLUMNS: readonly (keyof HeatCell)[] = ['weekday', 'hour', 'arrivals', 'days', 'avgArrivals'];

const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/** The arrivals heat map, one row per weekday and hour, with the weekday's German name. */
export function heatmapToCsv(heatmap: Heatmap, dialect: CsvDialect = 'en'): string {
  return recordsToCsv(
    heatmap.cells,
    HEATMAP_CSV_COLUMNS,
    [{ header: 'weekdayName', value: (c) => WEEKDAY_NAMES[c.weekday - 1] ?? '' }],
    dialect,
  );
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

export function countersToCsv(
  rows: readonly CounterRow[],
  counterNames?: Readonly<Record<string, string>>,
  dialect: CsvDialect = 'en',
): string {
  const extra = counterNames
    ? [{ header: 'counterName', value: (r: CounterRow) => counterNames[r.counterId] ?? r.counterId }]
    : [];
  return recordsToCsv(rows, COUNTER_CSV_COLUMNS, extra, dialect);
}
