/**
 * Today so far against the usual: visitors arrived, served and not come by now, beside the mean
 * of the same weekday in the past weeks up to the same local time (from the hourly statistics).
 * Pure.
 */
import { addDays, localParts } from './localtime.ts';
import type { HourBucket } from './stats.ts';
import type { DayState } from './types.ts';

export interface DayFigures {
  issued: number;
  served: number;
  noShow: number;
}

export interface TodayFigures {
  today: DayFigures;
  /** Mean of the same weekday over `usualDays` (null without any history). */
  usual: DayFigures | null;
  /** The past days the usual is taken from (YYYY-MM-DD). */
  usualDays: string[];
}

/** The same weekday in each of the past `weeks` weeks before `day`. */
export function sameWeekdays(day: string, weeks = 4): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(day, -7 * (i + 1)));
}

export function todaySoFar(day: DayState): DayFigures {
  let issued = 0;
  let served = 0;
  let noShow = 0;
  for (const t of day.tickets) {
    issued += 1;
    if (t.status === 'done') served += 1;
    else if (t.status === 'no-show') noShow += 1;
  }
  return { issued, served, noShow };
}

/**
 * The mean of `days` up to the local time of `now`: whole hours before it, and the current hour
 * in proportion to the minutes gone. Days without any bucket count only when some day has one.
 */
export function usualSoFar(
  buckets: readonly HourBucket[],
  days: readonly string[],
  now: number,
  timeZone: string,
): DayFigures | null {
  const wanted = new Set(days);
  const { minutes } = localParts(now, timeZone);
  const hour = Math.floor(minutes / 60);
  const share = (minutes % 60) / 60;
  const seen = new Set<string>();
  const sum: DayFigures = { issued: 0, served: 0, noShow: 0 };
  for (const b of buckets) {
    const [day, hh] = b.hour.split(' ');
    if (!day || !wanted.has(day)) continue;
    seen.add(day);
    const h = Number(hh);
    const weight = h < hour ? 1 : h === hour ? share : 0;
    sum.issued += b.issued * weight;
    sum.served += b.served * weight;
    sum.noShow += b.noShow * weight;
  }
  if (seen.size === 0) return null;
  const n = days.length;
  const round = (v: number) => Math.round((v / n) * 10) / 10;
  return { issued: round(sum.issued), served: round(sum.served), noShow: round(sum.noShow) };
}
