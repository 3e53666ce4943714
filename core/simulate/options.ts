/**
 * What the day simulator takes (`SimulationOptions`, the defaults fitted to the pilot front
 * office) and what it gives back for a day (`DayResult`: every visitor's estimated and actual
 * wait, the queue over the day), and the arrival rate the options imply for an office.
 */
import { parseClock } from '../localtime.ts';
import { type DayState, type OfficeConfig, type TicketStatus, WEEKDAYS, type Weekday } from '../types.ts';

export interface SimulationOptions {
  /** Concerns registered per week; the pilot front office had 144 to 227. */
  weeklyConcerns: number;
  /** Arrivals per opening hour; when set, overrides `weeklyConcerns`. */
  hourlyRate?: number;
  /** Relative share of arrivals per concern id; default: equal shares of all ticket concerns. */
  mix?: Record<string, number>;
  /** Staffed counters (ids); default: every counter of the office. */
  counters?: string[];
  /** Coefficient of variation of the service times (standard deviation / mean). */
  serviceCv: number;
  /** Minutes a called visitor needs to reach the counter: uniform in [min, max]. */
  walkUpMinutes: [number, number];
  /** An idle clerk notices a new visitor within this many minutes (uniform). */
  reactionMinutes: number;
  /** Share of visitors who have left when called. */
  noShowShare: number;
  /** Minutes between two calls of a visitor who does not come. */
  recallAfterMinutes: number;
  /** Share of served visitors sent on to another concern. */
  transferShare: number;
  /** Share of served visitors parked to fetch a document. */
  parkShare: number;
  /** Minutes a parked visitor is away: uniform in [min, max]. */
  parkMinutes: [number, number];
  /** Share of visitors with an appointment (slot between 5 minutes before and 15 minutes after arrival). */
  appointmentShare: number;
  /**
   * Appointments are booked before the day (by phone): the wait estimates know them before their
   * visitors arrive (`estimateAll`'s `expected`). Off: they become known only at check-in.
   */
  appointmentsBookedAhead?: boolean;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  weeklyConcerns: 227,
  serviceCv: 0.5,
  walkUpMinutes: [0.3, 1.2],
  reactionMinutes: 1,
  noShowShare: 0.04,
  recallAfterMinutes: 1,
  transferShare: 0.05,
  parkShare: 0.02,
  parkMinutes: [5, 20],
  appointmentShare: 0,
};

export interface VisitorRecord {
  ticketId: string;
  number: string;
  /** Concern the ticket was issued for. */
  concernId: string;
  appointment: boolean;
  issuedAt: number;
  /** What the kiosk printed: the estimate at issue, in whole minutes. */
  estimatedWaitMinutes: number;
  /** Minutes from issue to the first call; null if never called. */
  waitMinutes: number | null;
  outcome: TicketStatus;
  transferred: boolean;
}

export interface TimelinePoint {
  at: number;
  /** Tickets waiting (not parked). */
  waiting: number;
  /** Counters with a visitor called or being served. */
  busy: number;
}

export interface DayResult {
  date: string;
  weekday: Weekday;
  /** Opening spans of the day as instants. */
  spans: { from: number; to: number }[];
  /** When the last visitor was done. */
  end: number;
  staffed: string[];
  visitors: VisitorRecord[];
  /** One point per minute from the first opening until the last visitor is done. */
  timeline: TimelinePoint[];
  /** The final state of the day. */
  state: DayState;
}

export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as Weekday;
}

/** Opening hours per week of the office (12.5 for the pilot front office). */
export function weeklyOpeningHours(office: OfficeConfig): number {
  let minutes = 0;
  for (const spans of Object.values(office.openingHours.weekly)) {
    for (const s of spans ?? []) minutes += parseClock(s.to) - parseClock(s.from);
  }
  return minutes / 60;
}

/** Arrivals per opening hour implied by the options. */
export function hourlyRateOf(office: OfficeConfig, options: SimulationOptions): number {
  if (options.hourlyRate !== undefined) return options.hourlyRate;
  const hours = weeklyOpeningHours(office);
  return hours > 0 ? options.weeklyConcerns / hours : 0;
}
