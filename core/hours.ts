/** Opening hours and closed days, evaluated in the office's time zone. Pure. */
import { addDays, instantOf, localParts, parseClock } from './localtime.ts';
import { WEEKDAYS, type OpeningHours, type Weekday } from './types.ts';

function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as Weekday;
}

/** Whether the office is open at instant `at`. */
export function isOpen(hours: OpeningHours, timeZone: string, at: number): boolean {
  const local = localParts(at, timeZone);
  if (hours.closedDays.includes(local.date)) return false;
  for (const range of hours.weekly[local.weekday] ?? []) {
    const from = parseClock(range.from);
    const to = parseClock(range.to);
    if (local.minutes >= from && local.minutes < to) return true;
  }
  return false;
}

/** The next instant at or after `at` when the office opens, within `horizonDays`; null if none. */
export function nextOpening(hours: OpeningHours, timeZone: string, at: number, horizonDays = 60): number | null {
  const today = localParts(at, timeZone).date;
  for (let i = 0; i <= horizonDays; i++) {
    const date = addDays(today, i);
    if (hours.closedDays.includes(date)) continue;
    const ranges = [...(hours.weekly[weekdayOf(date)] ?? [])].sort((a, b) => parseClock(a.from) - parseClock(b.from));
    for (const range of ranges) {
      const start = instantOf(date, parseClock(range.from), timeZone);
      const end = instantOf(date, parseClock(range.to), timeZone);
      if (at < start) return start;
      if (at < end) return at;
    }
  }
  return null;
}
