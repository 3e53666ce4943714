/** Appointments: slots, booking, the day's list, moving, cancelling, printing, statistics. */
import {
  AppointmentBody,
  AppointmentIdParam,
  AppointmentPrintBody,
  AppointmentStatsQuery,
  AppointmentsQuery,
  FreeSlotsQuery,
  RescheduleBody,
  SlotsQuery,
} from '../../../core/schemas/appointments.ts';
import { LanguageQuery } from '../../../core/schemas/common.ts';
import { route } from './route.ts';

const APPOINTMENT = '`{appointment: AppointmentView}`';

export const APPOINTMENT_ROUTES = [
  route('get', '/api/appointments/slots', {
    tag: 'appointments',
    summary: "A day's slots of a concern with their free places.",
    access: 'staff',
    query: SlotsQuery,
    ok: { description: '`{slots: {start, free}[]}`' },
    errors: ['UNKNOWN_CONCERN'],
  }),
  route('get', '/api/appointments/free', {
    tag: 'appointments',
    summary: 'The next days with free slots of a concern.',
    access: 'staff',
    query: FreeSlotsQuery,
    ok: { description: '`{days: {date, slots}[]}`' },
    errors: ['UNKNOWN_CONCERN'],
  }),
  route('post', '/api/appointments', {
    tag: 'appointments',
    summary: 'Book an appointment (the same `externalId` again answers the booked one with 200).',
    access: 'staff',
    body: AppointmentBody,
    ok: { status: 201, description: APPOINTMENT },
    errors: [
      'UNKNOWN_CONCERN',
      'UNKNOWN_COUNTER',
      'OUTSIDE_APPOINTMENT_HOURS',
      'SLOT_TAKEN',
      'APPOINTMENT_EXISTS',
      'COUNTER_NOT_SERVING',
    ],
  }),
  route('get', '/api/appointments', {
    tag: 'appointments',
    summary: 'The appointments (of one day): JSON, CSV or iCalendar (`format`).',
    access: 'staff',
    query: AppointmentsQuery,
    ok: { description: '`{appointments: Appointment[]}`', also: ['csv', 'calendar'] },
  }),
  route('get', '/api/appointments/:id', {
    tag: 'appointments',
    summary: 'One appointment.',
    access: 'staff',
    params: AppointmentIdParam,
    ok: { description: APPOINTMENT },
    errors: ['UNKNOWN_APPOINTMENT'],
  }),
  route('patch', '/api/appointments/:id', {
    tag: 'appointments',
    summary: 'Move an appointment to another slot (and counter); the code stays.',
    access: 'staff',
    params: AppointmentIdParam,
    body: RescheduleBody,
    ok: { description: APPOINTMENT },
    errors: [
      'UNKNOWN_APPOINTMENT',
      'UNKNOWN_COUNTER',
      'OUTSIDE_APPOINTMENT_HOURS',
      'SLOT_TAKEN',
      'APPOINTMENT_USED',
      'APPOINTMENT_CANCELLED',
    ],
  }),
  route('delete', '/api/appointments/:id', {
    tag: 'appointments',
    summary: 'Cancel an appointment.',
    access: 'staff',
    params: AppointmentIdParam,
    ok: { description: APPOINTMENT },
    errors: ['UNKNOWN_APPOINTMENT', 'APPOINTMENT_USED'],
  }),
  route('post', '/api/appointments/:id/print', {
    tag: 'appointments',
    summary: "Print the confirmation on the thermal printer (a kiosk's by `kioskId`).",
    access: 'staff',
    params: AppointmentIdParam,
    body: AppointmentPrintBody,
    ok: { description: '`{print: PrintResult}`' },
    errors: ['UNKNOWN_APPOINTMENT'],
  }),
  route('get', '/api/stats/appointments', {
    tag: 'statistics',
    summary: 'Booked, cancelled, kept, no-shows and punctuality per period and concern.',
    access: 'admin',
    query: AppointmentStatsQuery,
    ok: { description: '`{from, to, by, rows}`', also: ['csv'] },
  }),
  route('get', '/appointment/:id', {
    tag: 'pages',
    summary: "The visitor's appointment confirmation (HTML, printable; `404` for an unknown id).",
    access: 'public',
    params: AppointmentIdParam,
    query: LanguageQuery,
    ok: { description: 'The confirmation page', content: 'html' },
    errors: ['NOT_FOUND'],
  }),
];
