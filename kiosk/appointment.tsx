/** Appointment times as visitors read them, and the line on the ticket: checked in on time, or late. */
import type { OfficePublic, TicketView } from '../core/api.ts';
import { clockText, dateText, timeText } from '../ui/hours.ts';
import { fill, type Language } from '../ui/i18n.ts';
import { checkinMessages } from './checkin-messages.ts';

/** Minutes after the slot after which an appointment holder waits like a walk-in (the server's default). */
const DEFAULT_LATE_MINUTES = 15;

/** "9:30" on the day of `today`, else "Dienstag, 24. November, 9:30" (office time zone, as the opening hours). */
export function appointmentTime(iso: string, office: OfficePublic, language: Language, today = Date.now()): string {
  const at = Date.parse(iso);
  const time = clockText(timeText(at, office.timezone, language));
  const day = dateText(at, office.timezone, language);
  return day === dateText(today, office.timezone, language) ? time : `${day}, ${time}`;
}

/**
 * The visitor checked in after `appointmentAt` + the office's late limit: they wait like
 * everybody else. Compared with the ticket's `issuedAt`, the server's clock.
 */
export function isLate(ticket: TicketView, office: OfficePublic): boolean {
  if (!ticket.appointmentAt) return false;
  const limit = (office as OfficePublic & { appointmentLateMinutes?: number }).appointmentLateMinutes;
  const minutes = typeof limit === 'number' ? limit : DEFAULT_LATE_MINUTES;
  return Date.parse(ticket.issuedAt) > Date.parse(ticket.appointmentAt) + minutes * 60_000;
}

/** The sentence about the appointment, or '' for a ticket without one. */
export function appointmentSentence(ticket: TicketView, office: OfficePublic, language: Language): string {
  if (!ticket.appointmentAt) return '';
  const t = checkinMessages(language);
  const time = appointmentTime(ticket.appointmentAt, office, language, Date.parse(ticket.issuedAt));
  return fill(isLate(ticket, office) ? t.late : t.onTime, { time });
}

export interface AppointmentNoteProps {
  ticket: TicketView;
  office: OfficePublic;
  language: Language;
}

export function AppointmentNote({ ticket, office, language }: AppointmentNoteProps) {
  const text = appointmentSentence(ticket, office, language);
  if (!text) return null;
  const late = isLate(ticket, office);
  return (
    <p
      class={late ? 'appointment-note appointment-late' : 'appointment-note'}
      data-testid="ticket-appointment"
      data-late={String(late)}
    >
      {text}
    </p>
  );
}
