/**
 * Opening hours and times as visitors read them, in their language and the office's time zone.
 * Weekday and month names come from Intl, so no catalogue is needed for them.
 */
import { nextOpening } from '../core/hours.ts';
import type { OpeningHours, Weekday } from '../core/types.ts';
import { LOCALES, type Language } from './i18n.ts';

/** Monday first, as offices print their hours. */
export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Locale for dates and times; Arabic keeps Latin digits, as on the tickets. */
export function intlLocale(language: Language): string {
  return language === 'ar' ? `${LOCALES.ar}-u-nu-latn` : LOCALES[language];
}

function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(language), options);
    formatters.set(key, f);
  }
  return f;
}

/** The weekday's name in `language` ("Montag", "Pazartesi"). */
export function weekdayName(day: Weekday, language: Language, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const date = Date.UTC(2024, 0, 1 + WEEK.indexOf(day), 12);
  return formatter(language, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** "9:00" from "09:00": visitors read hours without a leading zero. */
export function clockText(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

export interface OpeningLine {
  day: Weekday;
  dayName: string;
  /** "9:00–12:30", several spans joined by ", ". */
  hours: string;
}

/** The open weekdays with their spans, Monday first. Closed days are left out. */
export function openingLines(hours: OpeningHours, language: Language, width: 'long' | 'short' = 'long'): OpeningLine[] {
  const lines: OpeningLine[] = [];
  for (const day of WEEK) {
    const ranges = hours.weekly[day] ?? [];
    if (ranges.length === 0) continue;
    lines.push({
      day,
      dayName: weekdayName(day, language, width),
      hours: ranges.map((r) => `${clockText(r.from)}–${clockText(r.to)}`).join(', '),
    });
  }
  return lines;
}

/** The next opening after `now` as text ("Montag, 24. November, 09:00"); null if none is known. */
export function nextOpeningText(
  hours: OpeningHours,
  timeZone: string,
  language: Language,
  now: number = Date.now(),
): string | null {
  const at = nextOpening(hours, timeZone, now);
  if (at === null || at <= now) return null;
  return formatter(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

/** Time of day "14:05" in the office's time zone (the device's when `timeZone` is undefined). */
export function timeText(at: number, timeZone: string | undefined, language: Language, seconds = false): string {
  return formatter(language, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}

/** Date "Montag, 24. November" in the office's time zone. */
export function dateText(at: number, timeZone: string, language: Language): string {
  return formatter(language, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(at);
}
