/** POST /api/appointments (admin or integration) and GET /api/appointments (admin). */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Appointment } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { requireRole } from './session.ts';
import { AppointmentBody, parse } from './validate.ts';

const present = (a: Appointment) => ({
  id: a.id,
  code: a.code,
  concernId: a.concernId,
  start: new Date(a.start).toISOString(),
  checkedIn: a.ticketId !== undefined,
});

export function appointmentRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/api/appointments', requireRole(ctx, 'admin'), async (req, res) => {
    const body = parse(AppointmentBody, req.body);
    const concern = ctx.office().concerns.find((c) => c.id === body.concernId);
    if (!concern || concern.infoUrl) return sendError(res, 'UNKNOWN_CONCERN');
    const appointment: Appointment = {
      id: randomUUID(),
      code: body.code,
      concernId: body.concernId,
      start: Date.parse(body.start),
    };
    if (!(await ctx.store.createAppointment(appointment))) return sendError(res, 'APPOINTMENT_EXISTS');
    ctx.audit.record(res.locals.user, 'appointment:create', appointment.code);
    res.status(201).json({ appointment: present(appointment) });
  });

  router.get('/api/appointments', requireRole(ctx, 'admin'), async (_req, res) => {
    const all = await ctx.store.listAppointments();
    res.json({ appointments: all.map(present) });
  });

  return router;
}
