/**
 * Local calendar arithmetic in an IANA time zone, computed explicitly with Intl
 * (full ICU on Node 20 and in browsers). Pure: the instant always comes in as an argument.
 */
import type { Weekday } from './types.ts';

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is a zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The last answer per zone, by UTC minute: every zone's offset has been a whole number of
 * minutes since 1972, so all instants of one UTC minute share date, weekday and minute. Each
 * change and each read asks for the day; this keeps Intl's formatting out of that path.
 */
const lastParts = new Map<string, { minute: number; parts: LocalParts }>();

export function localParts(at: number, timeZone: string): LocalParts {
  const minute = Math.floor(at / 60_000);
  const last = lastParts.get(timeZone);
  if (last?.minute === minute) return last.parts;
  // Shared by the callers of one minute: frozen.
  const parts = Object.freeze(formatParts(at, timeZone));
  lastParts.set(timeZone, { minute, parts });
  return parts;
}

function formatParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  const weekday = (parts.weekday ?? 'Sun').slice(0, 3).toLowerCase() as Weekday;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The office's local day (YYYY-MM-DD) at instant `at`. */
export function localDay(at: number, timeZone: string): string {
  return localParts(at, timeZone).date;
}

/** Offset of `timeZone` from UTC at instant `at`, in minutes (Berlin summer: +120). */
export function zoneOffsetMinutes(at: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - (at - (at % 1000))) / 60000);
}

/**
 * The instant of local wall-clock time `minutes` after midnight on local `date`.
 * For a time skipped by a daylight-saving change the later valid instant is used.
 */
export function instantOf(date: string, minutes: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const DAY = 86_400_000;
  const before = zoneOffsetMinutes(wall - DAY, timeZone);
  const after = zoneOffsetMinutes(wall + DAY, timeZone);
  const early = wall - before * 60_000;
  if (zoneOffsetMinutes(early, timeZone) === before) return early; // unique, or the earlier of two
  const late = wall - after * 60_000;
  if (zoneOffsetMinutes(late, timeZone) === after) return late; // unique, after the change
  return early; // skipped by the change: the later valid instant
}

/** Next local midnight after `at` (start of the next office day), as an instant. */
export function nextLocalMidnight(at: number, timeZone: string): number {
  const today = localDay(at, timeZone);
  return instantOf(addDays(today, 1), 0, timeZone);
}

/** Calendar arithmetic on YYYY-MM-DD strings. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** "HH:MM" -> minutes since midnight; NaN when malformed. */
export function parseClock(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) return Number.NaN;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return Number.NaN;
  return h * 60 + m;
}
