/**
 * Appointment slots, booking rules, codes and status. Pure: the instant, the random digits and
 * the stored appointments always come in as arguments.
 *
 * SLOTS: on a local day, each span of the office's appointment hours (`appointmentHoursOf`) is cut
 * into slots of the concern's `slotMinutes`, from the span's start; a slot must end within the span.
 * A slot has `slotCapacity` places; every active (not cancelled) appointment of the concern whose
 * start falls inside the slot takes one place. An appointment booked by an integration at an odd
 * minute (09:20 in a 09:15–09:30 slot) therefore still counts.
 */
import { addDays, instantOf, localDay, localParts, parseClock } from './localtime.ts';
import { isServed } from './office-checks.ts';
import { appointmentHoursOf, policyOf, slotRulesOf } from './policy.ts';
import { fail, ok, type Result } from './result.ts';
import {
  type Appointment,
  type AppointmentStatus,
  type Concern,
  type OfficeConfig,
  type Ticket,
  WEEKDAYS,
  type Weekday,
} from './types.ts';

const MINUTE = 60_000;

export interface Slot {
  start: number;
  /** Length of the slot in milliseconds. */
  length: number;
  capacity: number;
  /** Places left (never below 0). */
  free: number;
}

function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as Weekday;
}

/** Whether an appointment still holds its place (not cancelled). */
export function isActive(appointment: Appointment): boolean {
  return appointment.cancelledAt === undefined;
}

/** Every slot of `concern` on local `date`, with its free places; slots that began before `now` are left out. */
export function slotsOn(
  office: OfficeConfig,
  concern: Concern,
  date: string,
  appointments: readonly Appointment[],
  now: number,
): Slot[] {
  const hours = appointmentHoursOf(office);
  if (hours.closedDays.includes(date)) return [];
  const { slotMinutes, slotCapacity } = slotRulesOf(concern);
  const length = slotMinutes * MINUTE;
  const ranges = [...(hours.weekly[weekdayOf(date)] ?? [])].sort((a, b) => parseClock(a.from) - parseClock(b.from));
  const taken = appointments.filter((a) => a.concernId === concern.id && isActive(a));
  const slots: Slot[] = [];
  for (const range of ranges) {
    const to = parseClock(range.to);
    for (let m = parseClock(range.from); m + slotMinutes <= to; m += slotMinutes) {
      const start = instantOf(date, m, office.timezone);
      if (start < now) continue;
      const used = taken.filter((a) => a.start >= start && a.start < start + length).length;
      slots.push({ start, length, capacity: slotCapacity, free: Math.max(0, slotCapacity - used) });
    }
  }
  return slots;
}

/** The slot an instant falls into on its local day, or undefined outside the appointment hours. */
export function slotAt(
  office: OfficeConfig,
  concern: Concern,
  at: number,
  appointments: readonly Appointment[],
): Slot | undefined {
  const date = localParts(at, office.timezone).date;
  return slotsOn(office, concern, date, appointments, Number.NEGATIVE_INFINITY).find(
    (s) => at >= s.start && at < s.start + s.length,
  );
}

/**
 * Whether `start` may be booked for `concern` (ignoring `ignoreId`, the appointment being moved):
 * it must lie in a slot of the appointment hours with a free place, and not on a past day (earlier
 * today is taken: an external system may report an appointment that has just begun). An office
 * that does not enforce its hours (the demo office) also takes times outside every slot; inside a
 * slot the places still count.
 */
export function checkBooking(
  office: OfficeConfig,
  concern: Concern,
  start: number,
  appointments: readonly Appointment[],
  now: number,
  ignoreId?: string,
): Result<Slot> {
  if (concern.infoUrl) return fail('INFO_ONLY_CONCERN');
  if (!isServed(office, concern.id)) return fail('CONCERN_UNSERVED');
  const others = ignoreId === undefined ? appointments : appointments.filter((a) => a.id !== ignoreId);
  if (localParts(start, office.timezone).date < localParts(now, office.timezone).date) {
    return fail('OUTSIDE_APPOINTMENT_HOURS');
  }
  const slot = slotAt(office, concern, start, others);
  if (!slot) {
    if (office.enforceOpeningHours) return fail('OUTSIDE_APPOINTMENT_HOURS');
    return ok({ start, length: 0, capacity: 1, free: 1 });
  }
  if (slot.free <= 0) return fail('SLOT_TAKEN');
  return ok(slot);
}

/** Free slots of the next `days` local days from `now`'s day on (for the clerk's booking screen). */
export function freeSlots(
  office: OfficeConfig,
  concern: Concern,
  appointments: readonly Appointment[],
  now: number,
  days: number,
): { date: string; slots: Slot[] }[] {
  const today = localParts(now, office.timezone).date;
  const out: { date: string; slots: Slot[] }[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(today, i);
    const slots = slotsOn(office, concern, date, appointments, now).filter((s) => s.free > 0);
    if (slots.length) out.push({ date, slots });
  }
  return out;
}

export const CODE_DIGITS = 8;

/**
 * A new code of 8 digits, unique among the office's stored appointments. `randomDigits` gives a
 * fresh random string of 8 digits per call (the caller's random source).
 */
export function newCode(existing: ReadonlySet<string>, randomDigits: () => string): string {
  for (let i = 0; i < 100; i++) {
    const code = randomDigits();
    if (/^\d{8}$/.test(code) && !existing.has(code)) return code;
  }
  throw new Error('no free appointment code found');
}

/** A code grouped for reading out on the phone: `4711 0815`. Other codes stay as they are. */
export function formatCode(code: string): string {
  return /^\d{8}$/.test(code) ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What a visitor typed (spaces, dashes of a grouped code) as the stored code. */
export function normalizeCode(input: string): string {
  const compact = input.replace(/[\s-]/g, '');
  return /^\d+$/.test(compact) ? compact : input.trim();
}

/**
 * The appointment's status: `cancelled` once cancelled; then its ticket's status (waiting:
 * `checked-in`; a ticket cancelled at the end of the day: `no-show`); without a ticket
 * `booked`, or `no-show` once the slot's local day is over.
 */
export function appointmentStatus(
  appointment: Appointment,
  ticket: Ticket | undefined,
  now: number,
  timeZone: string,
): AppointmentStatus {
  if (appointment.cancelledAt !== undefined) return 'cancelled';
  if (ticket) {
    if (ticket.status === 'waiting') return 'checked-in';
    if (ticket.status === 'called') return 'called';
    if (ticket.status === 'done') return 'done';
    return 'no-show';
  }
  if (appointment.ticketId !== undefined) return 'checked-in';
  const day = localParts(appointment.start, timeZone).date;
  return localParts(now, timeZone).date > day ? 'no-show' : 'booked';
}

/** The instant from which an appointment's holder may check in (`appointmentCheckinMinutes` before the slot). */
export function checkinFrom(appointment: Pick<Appointment, 'start'>, office: OfficeConfig): number {
  return appointment.start - policyOf(office).appointmentCheckinMinutes * 60_000;
}

/**
 * Check-in rules for an appointment code: it must exist, be unused, be for this concern, be
 * for today, and the slot must begin within `appointmentCheckinMinutes`. A late visitor is
 * checked in and waits as a walk-in (see the policy).
 */
export function checkAppointment(
  appointment: Appointment | undefined,
  concernId: string | undefined,
  office: OfficeConfig,
  now: number,
): Result<Appointment> {
  if (!appointment || (concernId !== undefined && appointment.concernId !== concernId)) {
    return fail('UNKNOWN_APPOINTMENT');
  }
  if (appointment.cancelledAt !== undefined) return fail('APPOINTMENT_CANCELLED');
  if (appointment.ticketId) return fail('APPOINTMENT_USED');
  if (localDay(appointment.start, office.timezone) < localDay(now, office.timezone)) return fail('APPOINTMENT_EXPIRED');
  if (now < checkinFrom(appointment, office)) return fail('APPOINTMENT_TOO_EARLY');
  return ok(appointment);
}
