/**
 * Appointments: free slots, booking (clerks on the phone, admins, integrations by external id),
 * the day's list (JSON, CSV, iCalendar), moving and cancelling, printing the confirmation.
 */
import { Router } from 'express';
import { appointmentsToCsv, appointmentsToICalendar } from '../../core/appointment-export.ts';
import { APPOINTMENT_STATS_COLUMNS } from '../../core/appointment-stats.ts';
import { addDays, localDay } from '../../core/localtime.ts';
import { recordsToCsv } from '../../core/stats-csv.ts';
import type { AppContext } from '../context.ts';
import { publicBaseUrl } from '../printing/printable.ts';
import { sendError } from './errors.ts';
import { requireRole } from './session.ts';
import {
  AppointmentBody,
  AppointmentIdParam,
  AppointmentPrintBody,
  AppointmentStatsQuery,
  AppointmentsQuery,
  FreeSlotsQuery,
  parse,
  RescheduleBody,
  SlotsQuery,
} from './validate.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function appointmentRoutes(ctx: AppContext): Router {
  const router = Router();
  const staff = requireRole(ctx, 'admin', 'clerk');

  router.get('/api/appointments/slots', staff, async (req, res) => {
    const q = parse(SlotsQuery, req.query);
    const result = await ctx.appointments.slots(q.concernId, q.date);
    if (!result.ok) return sendError(res, result.error);
    res.json({ slots: result.value.map((s) => ({ start: iso(s.start), free: s.free })) });
  });

  router.get('/api/appointments/free', staff, async (req, res) => {
    const q = parse(FreeSlotsQuery, req.query);
    const result = await ctx.appointments.nextFree(q.concernId, q.days);
    if (!result.ok) return sendError(res, result.error);
    res.json({
      days: result.value.map((d) => ({
        date: d.date,
        slots: d.slots.map((s) => ({ start: iso(s.start), free: s.free })),
      })),
    });
  });

  router.post('/api/appointments', staff, async (req, res) => {
    const body = parse(AppointmentBody, req.body);
    const user = res.locals.user as { username: string };
    const result = await ctx.appointments.book({
      concernId: body.concernId,
      start: Date.parse(body.start),
      counterId: body.counterId,
      code: body.code,
      externalId: body.externalId,
      language: body.language,
      bookedBy: user.username,
    });
    if (!result.ok) return sendError(res, result.error);
    const { appointment, repeated } = result.value;
    if (!repeated) ctx.audit.record(res.locals.user, 'appointment:book', appointment.id);
    res.status(repeated ? 200 : 201).json({ appointment: ctx.appointments.view(appointment) });
  });

  router.get('/api/appointments', staff, async (req, res) => {
    const q = parse(AppointmentsQuery, req.query);
    const list = await ctx.appointments.list(q.date);
    const office = ctx.office();
    const name = `termine-${q.date ?? 'alle'}`;
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${name}.csv`)
        .send(appointmentsToCsv(list, office, q.dialect));
      return;
    }
    if (q.format === 'ics') {
      res
        .type('text/calendar; charset=utf-8')
        .attachment(`${name}.ics`)
        .send(appointmentsToICalendar(list, office, ctx.clock()));
      return;
    }
    res.json({ appointments: list });
  });

  router.get('/api/appointments/:id', staff, async (req, res) => {
    const { id } = parse(AppointmentIdParam, req.params);
    const appointment = await ctx.appointments.byId(id);
    if (!appointment) return sendError(res, 'UNKNOWN_APPOINTMENT');
    res.json({ appointment: ctx.appointments.view(appointment) });
  });

  /** Moves the appointment to another slot (and counter); the code stays the same. */
  router.patch('/api/appointments/:id', staff, async (req, res) => {
    const { id } = parse(AppointmentIdParam, req.params);
    const body = parse(RescheduleBody, req.body);
    const result = await ctx.appointments.reschedule(id, Date.parse(body.start), body.counterId);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(res.locals.user, 'appointment:move', id);
    res.json({ appointment: ctx.appointments.view(result.value) });
  });

  router.delete('/api/appointments/:id', staff, async (req, res) => {
    const { id } = parse(AppointmentIdParam, req.params);
    const result = await ctx.appointments.cancel(id);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(res.locals.user, 'appointment:cancel', id);
    res.json({ appointment: ctx.appointments.view(result.value) });
  });

  /** Prints the confirmation on the thermal printer (LOTSE_PRINTER, or a kiosk's printer by `kioskId`). */
  router.post('/api/appointments/:id/print', staff, async (req, res) => {
    const { id } = parse(AppointmentIdParam, req.params);
    const appointment = await ctx.appointments.byId(id);
    if (!appointment) return sendError(res, 'UNKNOWN_APPOINTMENT');
    const baseUrl = publicBaseUrl(ctx.config.publicUrl, req.protocol, req.get('host'));
    const { kioskId } = parse(AppointmentPrintBody, req.body ?? {});
    const print = await ctx.printing.printAppointment(appointment, { kioskId, baseUrl });
    res.json({ print });
  });

  /** Booked, cancelled, kept, no-shows and punctuality per period (of the slot) and concern. */
  router.get('/api/stats/appointments', requireRole(ctx, 'admin'), async (req, res) => {
    const q = parse(AppointmentStatsQuery, req.query);
    const office = ctx.office();
    const now = ctx.clock();
    const to = q.to ?? localDay(now, office.timezone);
    const from = q.from ?? addDays(to, -6);
    if (from > to || addDays(from, 800) < to) return sendError(res, 'VALIDATION_FAILED');
    const rows = await ctx.appointments.stats(from, to, q.by);
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`termine-statistik-${from}-${to}.csv`)
        .send(recordsToCsv(rows, APPOINTMENT_STATS_COLUMNS, [], q.dialect));
      return;
    }
    res.json({ from, to, by: q.by, rows });
  });

  return router;
}
