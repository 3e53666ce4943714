/**
 * Alerts over time: which alert began when (`since`), which were raised, changed level or
 * cleared since the last look, and the minutes per day the office spent in warning or critical
 * (a small record of its own, beside the hourly statistics). Pure: `now` comes in.
 */
import type { AlertKind, RawAlert } from './live.ts';

/** An alert as the live view, the counters and webhooks get it. */
export interface LiveAlert extends RawAlert {
  /** ISO time the alert began (its level may have risen since). */
  since: string;
}

/** What is remembered between two looks: each open alert's start and level. */
export type AlertMemory = ReadonlyMap<string, { since: number; level: RawAlert['level'] }>;

export interface AlertTransition {
  type: 'raised' | 'changed' | 'cleared';
  alert: LiveAlert;
}

export interface TrackedAlerts {
  alerts: LiveAlert[];
  memory: AlertMemory;
  transitions: AlertTransition[];
}

/** Compares the alerts in force now with the last look. Critical ones first, then the oldest. */
export function trackAlerts(
  previous: AlertMemory,
  lastAlerts: readonly LiveAlert[],
  current: readonly RawAlert[],
  now: number,
): TrackedAlerts {
  const memory = new Map<string, { since: number; level: RawAlert['level'] }>();
  const transitions: AlertTransition[] = [];
  const alerts: LiveAlert[] = [];
  for (const raw of current) {
    if (memory.has(raw.id)) continue;
    const before = previous.get(raw.id);
    const since = before?.since ?? now;
    memory.set(raw.id, { since, level: raw.level });
    const alert: LiveAlert = { ...raw, since: new Date(since).toISOString() };
    alerts.push(alert);
    if (!before) transitions.push({ type: 'raised', alert });
    else if (before.level !== raw.level) transitions.push({ type: 'changed', alert });
  }
  for (const gone of lastAlerts) {
    if (!memory.has(gone.id)) transitions.push({ type: 'cleared', alert: gone });
  }
  alerts.sort((a, b) =>
    a.level === b.level ? a.since.localeCompare(b.since) || a.id.localeCompare(b.id) : a.level === 'critical' ? -1 : 1,
  );
  return { alerts, memory, transitions };
}

/** Minutes of one local day with at least one alert in force. */
export interface AlertDayMinutes {
  /** With any alert (warning or critical). */
  warning: number;
  /** With a critical alert. */
  critical: number;
  /** Per kind, with an alert of that kind. */
  byKind: Partial<Record<AlertKind, number>>;
}

/** Alert minutes per local day (YYYY-MM-DD). */
export type AlertMinutesRecord = Record<string, AlertDayMinutes>;

/** Longest span counted between two looks: a stopped server does not count as time in alert. */
export const MAX_COUNTED_SPAN_MS = 5 * 60_000;

/**
 * Adds the span `fromMs`..`toMs` (on local day `day`) to the record for the alerts that were in
 * force during it. Spans longer than `MAX_COUNTED_SPAN_MS` count only that much.
 */
export function addAlertMinutes(
  record: AlertMinutesRecord,
  day: string,
  alerts: readonly Pick<RawAlert, 'kind' | 'level'>[],
  fromMs: number,
  toMs: number,
): AlertMinutesRecord {
  const span = Math.min(Math.max(0, toMs - fromMs), MAX_COUNTED_SPAN_MS) / 60_000;
  if (span === 0 || alerts.length === 0) return record;
  const entry: AlertDayMinutes = record[day] ?? { warning: 0, critical: 0, byKind: {} };
  const byKind = { ...entry.byKind };
  for (const kind of new Set(alerts.map((a) => a.kind))) byKind[kind] = (byKind[kind] ?? 0) + span;
  return {
    ...record,
    [day]: {
      warning: entry.warning + span,
      critical: entry.critical + (alerts.some((a) => a.level === 'critical') ? span : 0),
      byKind,
    },
  };
}

/** The days `from`..`to` of the record, minutes rounded to one decimal. */
export function alertMinutesBetween(
  record: AlertMinutesRecord,
  from: string,
  to: string,
): ({ day: string } & AlertDayMinutes)[] {
  const round = (m: number) => Math.round(m * 10) / 10;
  return Object.keys(record)
    .filter((day) => day >= from && day <= to)
    .sort()
    .map((day) => {
      const m = record[day] as AlertDayMinutes;
      const byKind: Partial<Record<AlertKind, number>> = {};
      for (const [kind, minutes] of Object.entries(m.byKind)) byKind[kind as AlertKind] = round(minutes);
      return { day, warning: round(m.warning), critical: round(m.critical), byKind };
    });
}

/** Keeps the newest `days` days of the record. */
export function pruneAlertMinutes(record: AlertMinutesRecord, keepFrom: string): AlertMinutesRecord {
  return Object.fromEntries(Object.entries(record).filter(([day]) => day >= keepFrom));
}
