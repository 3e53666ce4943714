/**
 * Appointment statistics per period (of the slot's local day) and concern: booked, cancelled,
 * kept (checked in), no-shows (never checked in, or did not come when called) and punctuality.
 * Computed from the stored appointments and their tickets (the hourly ticket buckets of
 * `core/stats.ts` know only appointments that were checked in). Pure.
 */
import { appointmentStatus } from './appointments.ts';
import { localParts } from './localtime.ts';
import { periodOfHour, type StatsGrouping, TOTAL } from './stats.ts';
import type { Appointment, Ticket } from './types.ts';

export interface AppointmentStatsRow {
  period: string;
  /** A concern, or `*` for every concern together. */
  concernId: string;
  /** Appointments booked for slots in the period (cancelled ones included). */
  booked: number;
  cancelled: number;
  /** Checked in at the kiosk. */
  kept: number;
  /** Not checked in by the end of their day, or a no-show at the counter. */
  noShow: number;
  /** Of the kept: share (0..1, three decimals) checked in no later than the slot start. */
  punctualShare: number | null;
  /** Of the kept: mean check-in minus slot start, minutes (negative: early). */
  avgCheckInMinutes: number | null;
}

export const APPOINTMENT_STATS_COLUMNS: readonly (keyof AppointmentStatsRow)[] = [
  'period',
  'concernId',
  'booked',
  'cancelled',
  'kept',
  'noShow',
  'punctualShare',
  'avgCheckInMinutes',
];

interface Acc {
  booked: number;
  cancelled: number;
  kept: number;
  noShow: number;
  punctual: number;
  checkInSum: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Rows per period and concern for the appointments whose slot lies on local days `from`..`to`,
 * with a total row (`*`) per period. `tickets` are the appointments' tickets (by `appointmentId`).
 */
export function appointmentStats(
  appointments: readonly Appointment[],
  tickets: readonly Ticket[],
  options: { from: string; to: string; by: StatsGrouping; timeZone: string; now: number },
): AppointmentStatsRow[] {
  const ticketOf = new Map(tickets.filter((t) => t.appointmentId).map((t) => [t.appointmentId as string, t]));
  const groups = new Map<string, Map<string, Acc>>();
  const acc = (period: string, concernId: string): Acc => {
    let byConcern = groups.get(period);
    if (!byConcern) {
      byConcern = new Map();
      groups.set(period, byConcern);
    }
    let a = byConcern.get(concernId);
    if (!a) {
      a = { booked: 0, cancelled: 0, kept: 0, noShow: 0, punctual: 0, checkInSum: 0 };
      byConcern.set(concernId, a);
    }
    return a;
  };
  for (const appointment of appointments) {
    const local = localParts(appointment.start, options.timeZone);
    if (local.date < options.from || local.date > options.to) continue;
    const hour = `${local.date} ${String(Math.floor(local.minutes / 60)).padStart(2, '0')}`;
    const period = periodOfHour(hour, options.by, `${options.from}..${options.to}`);
    const ticket = ticketOf.get(appointment.id);
    const status = appointmentStatus(appointment, ticket, options.now, options.timeZone);
    for (const a of [acc(period, appointment.concernId), acc(period, TOTAL)]) {
      a.booked++;
      if (status === 'cancelled') a.cancelled++;
      if (ticket) {
        a.kept++;
        const minutes = (ticket.issuedAt - appointment.start) / 60_000;
        a.checkInSum += minutes;
        if (minutes <= 0) a.punctual++;
      }
      if (status === 'no-show' && !ticket) a.noShow++;
      if (ticket && ticket.status === 'no-show') a.noShow++;
    }
  }
  const rows: AppointmentStatsRow[] = [];
  for (const period of [...groups.keys()].sort()) {
    const byConcern = groups.get(period) as Map<string, Acc>;
    const ids = [...byConcern.keys()].filter((id) => id !== TOTAL).sort();
    for (const concernId of [...ids, TOTAL]) {
      const a = byConcern.get(concernId) as Acc;
      rows.push({
        period,
        concernId,
        booked: a.booked,
        cancelled: a.cancelled,
        kept: a.kept,
        noShow: a.noShow,
        punctualShare: a.kept ? round3(a.punctual / a.kept) : null,
        avgCheckInMinutes: a.kept ? round1(a.checkInSum / a.kept) : null,
      });
    }
  }
  return rows;
}
