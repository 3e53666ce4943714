/**
 * The office day and the tickets it gives out: starting a new day at local midnight and issuing
 * a ticket (concerns, opening hours, daily quotas, numbering).
 */
import { isOpen } from './hours.ts';
import { localDay } from './localtime.ts';
import { formatTicketNumber } from './numbering.ts';
import { appendTicket } from './open-tickets.ts';
import { appointmentHoursOf } from './policy.ts';
import { fail, ok, type Result } from './result.ts';
import {
  type Appointment,
  type DayState,
  type Language,
  MAX_VISIT_CONCERNS,
  type OfficeConfig,
  type Ticket,
  type VisitPart,
} from './types.ts';
import { checkVisitConcerns, closeOpenParts, kioskMaxConcerns, patchCurrentPart, visitParts } from './visit.ts';
import { emptyDay, type Outcome } from './queue-state.ts';

/**
 * Starts a new office day when `now` lies on another local day than the state:
 * numbering restarts, open tickets of the old day are cancelled, the call sequence and the
 * recent service times carry over (screens keep counting; estimates keep learning).
 */
export function rollDay(state: DayState, office: OfficeConfig, now: number): Outcome<boolean> {
  const today = localDay(now, office.timezone);
  // Same day, or a clock that stepped back across midnight: keep the day.
  if (today <= state.day) return { state, events: [], value: false };
  // Closed with the old day: a visitor being served (service started) finishes into it; everyone
  // else still open is cancelled.
  const cancelled = state.tickets
    .filter((t) => t.status === 'waiting' || t.status === 'called')
    .map((t) => {
      const served = t.status === 'called' && t.servedAt !== undefined;
      const closed: Ticket = served
        ? {
            ...t,
            status: 'done',
            closedAt: now,
            concerns: closeOpenParts(
              visitParts(patchCurrentPart(t, { status: 'done', closedAt: now, serviceStart: t.servedAt })),
              'cancelled',
              now,
            ),
          }
        : {
            ...t,
            status: 'cancelled',
            closedAt: now,
            cancelReason: 'day-ended',
            concerns: closeOpenParts(visitParts(t), 'cancelled', now),
          };
      delete closed.parked;
      return closed;
    });
  const next: DayState = {
    ...emptyDay(today, state.callSeq),
    serviceMinutes: state.serviceMinutes,
    // Kept so a screen catching up across midnight still gets the calls it missed.
    recentCalls: state.recentCalls,
    counters: Object.fromEntries(
      Object.values(state.counters).map((c) => [c.counterId, { counterId: c.counterId, status: c.status }]),
    ),
  };
  return { state: next, events: [{ type: 'day-started', day: today, cancelled }], value: true };
}

export interface IssueInput {
  id: string;
  token: string;
  /** The visit's first concern (its prefix numbers the ticket). */
  concernId: string;
  /** Further concerns of the same visit, served after the first in this order. */
  laterConcernIds?: string[];
  language: Language;
  source: 'kiosk' | 'staff';
  appointment?: Appointment;
  /** One key per touch on the kiosk; kept on the ticket so a repeated request finds it. */
  idempotencyKey?: string;
}

export function issueTicket(
  state: DayState,
  office: OfficeConfig,
  input: IssueInput,
  now: number,
): Result<Outcome<Ticket>> {
  const kiosk = input.source === 'kiosk';
  const asked = checkVisitConcerns(
    office,
    [input.concernId, ...(input.laterConcernIds ?? [])],
    kiosk ? kioskMaxConcerns(office) : MAX_VISIT_CONCERNS,
  );
  if (!asked.ok) return asked;
  const concern = office.concerns.find((c) => c.id === input.concernId);
  if (!concern) return fail('UNKNOWN_CONCERN');
  const appointmentOnly = (id: string) => office.concerns.find((c) => c.id === id)?.appointmentOnly === true;
  if (!input.appointment && asked.value.some(appointmentOnly)) return fail('APPOINTMENT_ONLY');
  if (kiosk && office.enforceOpeningHours && !isOpenFor(office, now, input.appointment)) return fail('OFFICE_CLOSED');
  if (kiosk && !input.appointment && asked.value.some((id) => quotaReached(state, office, id))) {
    return fail('QUOTA_REACHED');
  }
  const running = (state.lastNumber[concern.id] ?? 0) + 1;
  const concerns: VisitPart[] = asked.value.map((concernId, i) =>
    i === 0 ? { concernId, status: 'waiting', dueAt: now } : { concernId, status: 'waiting' },
  );
  const ticket: Ticket = {
    id: input.id,
    token: input.token,
    number: formatTicketNumber(concern.prefix, running),
    concernId: concern.id,
    concerns,
    day: state.day,
    status: 'waiting',
    language: input.language,
    issuedAt: now,
    source: input.source,
    callCount: 0,
    ...(input.appointment ? { appointmentAt: input.appointment.start, appointmentId: input.appointment.id } : {}),
    ...(input.appointment?.counterId ? { bookedCounterId: input.appointment.counterId } : {}),
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
  return ok({
    state: {
      ...state,
      tickets: appendTicket(state.tickets, ticket),
      lastNumber: { ...state.lastNumber, [concern.id]: running },
    },
    events: [{ type: 'ticket-issued', ticket }],
    value: ticket,
  });
}

/**
 * Whether the kiosk takes this ticket now: walk-ins during the opening hours; an appointment
 * holder also during the appointment hours, and before a slot that begins later today.
 */
function isOpenFor(office: OfficeConfig, now: number, appointment: Appointment | undefined): boolean {
  if (isOpen(office.openingHours, office.timezone, now)) return true;
  if (!appointment) return false;
  return isOpen(appointmentHoursOf(office), office.timezone, now) || now < appointment.start;
}

/**
 * Whether the day's kiosk tickets for a concern with a `dailyQuota` are all given out: tickets
 * numbered by it plus visits that asked for it as a later concern.
 */
function quotaReached(state: DayState, office: OfficeConfig, concernId: string): boolean {
  const quota = office.concerns.find((c) => c.id === concernId)?.dailyQuota;
  if (quota === undefined) return false;
  let count = state.lastNumber[concernId] ?? 0;
  if (count >= quota) return true;
  for (const t of state.tickets) {
    if (t.concerns?.some((p, i) => i > 0 && p.concernId === concernId && !p.addedAtCounter && !p.transferredFrom)) {
      count++;
    }
  }
  return count >= quota;
}
