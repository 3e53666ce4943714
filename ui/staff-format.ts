/** German formatting for the staff apps: clock times in the office's time zone, minutes, numbers, dates. */
import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { addDays, localDay } from '../core/localtime.ts';
import type { Language } from '../core/types.ts';

/** A visitor's language, named in German for the clerk. */
export const GERMAN_LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
};

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "09:05" for an ISO instant, in the office's time zone. */
export function formatClock(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '–';
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('de-DE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Whole minutes from an ISO instant until `now` (never negative). */
export function minutesSince(iso: string, now: number): number {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((now - at) / 60000));
}

/** "unter 1 Min.", "7 Min.", "1 Std. 05 Min." */
export function formatMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes < 1) return 'unter 1 Min.';
  const m = Math.round(minutes);
  if (m < 60) return `${m} Min.`;
  return `${Math.floor(m / 60)} Std. ${String(m % 60).padStart(2, '0')} Min.`;
}

const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** "4,5"; "–" for a missing value. */
export function formatDecimal(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? decimal.format(value) : '–';
}

/** Today (YYYY-MM-DD) in the office's time zone, and `days` from it. */
export function officeDay(timeZone: string, days = 0, now = Date.now()): string {
  return addDays(localDay(now, timeZone), days);
}

const weekdays = ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'];

/** "Mo 17.11.2026" for "2026-11-17"; anything else is returned unchanged. */
export function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const weekday = weekdays[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
  return `${weekday} ${d}.${m}.${y}`;
}

/** A signal with the current time, renewed every `intervalMs` while the component is mounted. */
export function useNow(intervalMs = 15000): Signal<number> {
  const now = useSignal(Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      now.value = Date.now();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
