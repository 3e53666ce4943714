/**
 * Numbers from on the way: a visitor takes a number on the office's public page before coming,
 * follows it on the phone page and confirms arrival at the kiosk (typing the number or scanning
 * the phone page's code). Pure rules, no I/O and no clock.
 *
 * CONFIGURATION (office JSON)
 *   concerns[].remote       [false]  the concern offers numbers from on the way.
 *   remoteQuota             [none]   numbers from on the way per local day, all concerns
 *                                    together; without it (or 0) none are given.
 *   remoteUnconfirmed       [hold]   a remote number not confirmed at the kiosk: `hold` keeps it
 *                                    out of call-next until confirmed (it keeps its place in line),
 *                                    `call` calls it like any other.
 * Opening hours and a concern's daily quota apply as at the kiosk.
 */
import { fail, ok, type Result } from './result.ts';
import type { Concern, DayState, OfficeConfig, Ticket } from './types.ts';

/** Whether the office offers numbers from on the way for this concern at all. */
export function offersRemote(office: OfficeConfig, concern: Concern): boolean {
  return (
    concern.remote === true &&
    (office.remoteQuota ?? 0) > 0 &&
    concern.infoUrl === undefined &&
    concern.appointmentOnly !== true
  );
}

/** Numbers from on the way given out today. */
export function remoteIssued(state: DayState): number {
  return state.tickets.reduce((n, t) => n + (t.remote ? 1 : 0), 0);
}

/** How many numbers from on the way are left today (0 when the office offers none). */
export function remoteLeft(state: DayState, office: OfficeConfig): number {
  return Math.max(0, (office.remoteQuota ?? 0) - remoteIssued(state));
}

/** Whether a number from on the way may be taken now for `concernId` (hours and the concern's quota are checked on issue). */
export function checkRemote(state: DayState, office: OfficeConfig, concernId: string): Result<Concern> {
  const concern = office.concerns.find((c) => c.id === concernId);
  if (!concern) return fail('UNKNOWN_CONCERN');
  if (!offersRemote(office, concern)) return fail('REMOTE_NOT_OFFERED');
  if (remoteLeft(state, office) <= 0) return fail('QUOTA_REACHED');
  return ok(concern);
}

/**
 * HOLD: a remote number whose visitor has not confirmed arrival is not callable by call-next
 * while the office's rule is `hold` (a clerk may still call it by number).
 */
export function isHeldRemote(ticket: Ticket, office: OfficeConfig): boolean {
  return ticket.remote === true && ticket.arrivedAt === undefined && (office.remoteUnconfirmed ?? 'hold') === 'hold';
}

/** "w 17", "W-017", "w017" → "W17": how a typed number is compared. */
export function numberKey(typed: string): string | null {
  const m = /^\s*([A-Za-z]{1,3})[\s-]*0*(\d{1,4})\s*$/.exec(typed);
  return m ? `${(m[1] as string).toUpperCase()}${m[2]}` : null;
}

/**
 * The waiting remote ticket behind what the visitor typed or scanned at the kiosk: its number
 * (`W-017`, `W17`) or its phone page token (the phone page's code). Undefined when there is none.
 */
export function findRemoteTicket(state: DayState, typed: string): Ticket | undefined {
  const key = numberKey(typed);
  const token = typed.trim().replace(/^.*\/t\//, '');
  return state.tickets.find(
    (t) =>
      t.remote === true &&
      (t.status === 'waiting' || t.status === 'called') &&
      ((key !== null && numberKey(t.number) === key) || (token.length >= 16 && t.token === token)),
  );
}

/** The visitor of a remote ticket is here: it may now be called (again the same ticket if already confirmed). */
export function confirmArrival(ticket: Ticket, now: number): Ticket {
  return ticket.arrivedAt === undefined ? { ...ticket, arrivedAt: now } : ticket;
}
