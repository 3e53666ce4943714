/**
 * The hourly buckets statistics are computed from: tickets folded per local hour and concern
 * into counts and histograms of waiting and service times (no numbers, no tokens, no people),
 * and the calendar helpers that place an hour in its day, ISO week or month. Pure.
 */
import { localParts } from './localtime.ts';
import type { Histogram } from './tally.ts';
import type { Ticket } from './types.ts';
import { visitParts } from './visit.ts';

export type StatsGrouping = 'hour' | 'day' | 'week' | 'month' | 'all';

/** What one counter did for one concern in one hour. */
export interface CounterFigures {
  served: number;
  noShow: number;
  /** Service times of the visitors served there. */
  services: Histogram;
}

/** What became of the parts (concerns asked for) of one concern: in an hour, a period, a report row. */
export interface PartCounts {
  /** Parts of this concern (concerns requested). */
  issued: number;
  served: number;
  noShow: number;
  /** Closed without a visit (most at the end of the day, while still waiting). */
  cancelled: number;
  /** Tickets that reached this concern by a transfer. */
  transferred: number;
}

/** Counts of a concern nothing has happened to yet. */
export const NO_PARTS: Readonly<PartCounts> = { issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0 };

/**
 * What happened to one concern in one hour: the parts of visits (concerns) asked for it by
 * tickets issued in that hour. A one-concern ticket is one part.
 */
export interface HourBucket extends PartCounts {
  /** Local hour of issue: `YYYY-MM-DD HH`. */
  hour: string;
  concernId: string;
  /** Waiting time until the first call. */
  waits: Histogram;
  /** Service time of served tickets (start of service, else last call, until done). */
  services: Histogram;
  // Added later: absent in stats files written before, read as zero / empty.
  /** Per counter (the ticket's `counterId`): visitors served and no-shows. Never per person. */
  byCounter?: Record<string, CounterFigures>;
  /** Tickets checked in with an appointment. */
  appointments?: number;
  /** Check-in minus slot start, minutes (negative: early). */
  checkIns?: Histogram;
  /** Appointment holders: wait from the later of slot start and check-in until the first call. */
  appointmentWaits?: Histogram;
  /** Visits whose first concern is this one (absent in older files: one visit per part). */
  visits?: number;
  /** Of those, visits with more than one concern. */
  multiConcernVisits?: number;
  /** Parts completed with each outcome id. */
  outcomes?: Record<string, number>;
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

/** ISO weekday of a date: 1 Monday .. 7 Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

export function hourOf(at: number, timeZone: string): string {
  const local = localParts(at, timeZone);
  return `${local.date} ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}`;
}

export function periodOfHour(hour: string, by: StatsGrouping, rangeLabel = 'all'): string {
  if (by === 'day') return hour.slice(0, 10);
  if (by === 'week') return isoWeek(hour.slice(0, 10));
  if (by === 'month') return hour.slice(0, 7);
  if (by === 'all') return rangeLabel;
  return `${hour}:00`;
}

const tenth = (minutes: number) => (Math.round(minutes * 10) / 10).toFixed(1);

function addTo(h: Histogram, minutes: number): void {
  const key = tenth(Math.max(0, minutes));
  h[key] = (h[key] ?? 0) + 1;
}

function addSigned(h: Histogram, minutes: number): void {
  const key = tenth(minutes);
  h[key] = (h[key] ?? 0) + 1;
}

function emptyBucket(hour: string, concernId: string): HourBucket {
  // `visits` is always written (0 for a concern asked only as a later part): files without it
  // were written before visits had parts, and there every ticket was a visit.
  return {
    hour,
    concernId,
    ...NO_PARTS,
    waits: {},
    services: {},
    visits: 0,
  };
}

function bucketFor(buckets: Map<string, HourBucket>, hour: string, concernId: string): HourBucket {
  const key = `${hour}|${concernId}`;
  let b = buckets.get(key);
  if (!b) {
    b = emptyBucket(hour, concernId);
    buckets.set(key, b);
  }
  return b;
}

/**
 * Folds tickets into hourly buckets per concern (local hour of issue). Each part of a visit
 * counts for its own concern: requested, served or not, its wait from when it became due, its
 * service time and outcome; the visit itself counts once, for its first concern.
 */
export function bucketsOf(tickets: readonly Ticket[], timeZone: string): HourBucket[] {
  const buckets = new Map<string, HourBucket>();
  for (const t of tickets) {
    const hour = hourOf(t.issuedAt, timeZone);
    const parts = visitParts(t);
    parts.forEach((p, i) => {
      const b = bucketFor(buckets, hour, p.concernId);
      b.issued++;
      if (p.status === 'done') b.served++;
      if (p.status === 'no-show') b.noShow++;
      if (p.status === 'cancelled') b.cancelled++;
      if (p.transferredFrom !== undefined) b.transferred++;
      if (p.firstCalledAt !== undefined) addTo(b.waits, (p.firstCalledAt - (p.dueAt ?? t.issuedAt)) / 60_000);
      const serviceMinutes =
        p.status === 'done' && p.serviceStart !== undefined && p.closedAt !== undefined
          ? (p.closedAt - p.serviceStart) / 60_000
          : undefined;
      if (serviceMinutes !== undefined) addTo(b.services, serviceMinutes);
      if (p.counterId && (p.status === 'done' || p.status === 'no-show')) {
        b.byCounter ??= {};
        b.byCounter[p.counterId] ??= { served: 0, noShow: 0, services: {} };
        const c = b.byCounter[p.counterId] as CounterFigures;
        if (p.status === 'done') c.served++;
        else c.noShow++;
        if (serviceMinutes !== undefined) addTo(c.services, serviceMinutes);
      }
      if (p.outcome !== undefined) {
        b.outcomes ??= {};
        b.outcomes[p.outcome] = (b.outcomes[p.outcome] ?? 0) + 1;
      }
      if (i > 0) return;
      b.visits = (b.visits as number) + 1;
      if (parts.length > 1) b.multiConcernVisits = (b.multiConcernVisits ?? 0) + 1;
      if (t.appointmentAt !== undefined) {
        b.appointments = (b.appointments ?? 0) + 1;
        b.checkIns ??= {};
        addSigned(b.checkIns, (t.issuedAt - t.appointmentAt) / 60_000);
        if (t.firstCalledAt !== undefined) {
          b.appointmentWaits ??= {};
          addTo(b.appointmentWaits, (t.firstCalledAt - Math.max(t.appointmentAt, t.issuedAt)) / 60_000);
        }
      }
    });
  }
  return [...buckets.values()];
}
