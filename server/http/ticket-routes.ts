/** POST /api/tickets: the kiosk (or staff for a visitor already inside) draws a ticket. */
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { publicBaseUrl } from '../printing/printable.ts';
import { sendError } from './errors.ts';
import { currentUser } from './session.ts';
import { IssueBody, parse } from './validate.ts';

export function ticketRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/api/tickets', async (req, res) => {
    const body = parse(IssueBody, req.body);
    if (!body.concernId && !body.appointmentCode) return sendError(res, 'VALIDATION_FAILED');
    const headerKey = req.get('idempotency-key');
    const idempotencyKey = body.idempotencyKey ?? (headerKey && headerKey.length <= 100 ? headerKey : undefined);
    const staff = await currentUser(ctx, req);
    const device = await ctx.devices.authenticate(req.get('x-lotse-device'));
    const kiosk = device?.kind === 'kiosk' ? device : null;
    if (ctx.office().requireDevicePairing && !staff && !kiosk) return sendError(res, 'DEVICE_REQUIRED');
    // Staff and paired kiosks are trusted to draw as fast as visitors arrive; anybody else is limited.
    const client = req.ip ?? 'unknown';
    if (!staff && !kiosk && !(await ctx.limits.take('ticket', client))) return sendError(res, 'RATE_LIMITED');
    // Appointment codes cannot be guessed: wrong ones are counted per client (or paired kiosk).
    const codeKey = kiosk ? `kiosk:${kiosk.id}` : client;
    if (body.appointmentCode && !staff && (await ctx.limits.exhausted('appointmentCode', codeKey))) {
      return sendError(res, 'RATE_LIMITED');
    }
    const result = await ctx.queue.issue({
      ...(body.concernId ? { concernId: body.concernId } : {}),
      language: body.language ?? 'de',
      source: staff ? 'staff' : 'kiosk',
      ...(body.appointmentCode ? { appointmentCode: body.appointmentCode } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    if (!result.ok && result.error === 'UNKNOWN_APPOINTMENT' && !staff)
      await ctx.limits.take('appointmentCode', codeKey);
    if (!result.ok && result.error === 'APPOINTMENT_TOO_EARLY' && body.appointmentCode) {
      // Tell the kiosk when the visitor can check in.
      const appointment = await ctx.queue.appointmentByCode(body.appointmentCode);
      const lead = (ctx.office().policy.appointmentCheckinMinutes ?? 60) * 60_000;
      if (appointment) {
        res.status(409).json({
          error: {
            code: 'APPOINTMENT_TOO_EARLY',
            message: 'It is too early to check in for this appointment.',
            appointmentAt: new Date(appointment.start).toISOString(),
            checkinFrom: new Date(appointment.start - lead).toISOString(),
          },
        });
        return;
      }
    }
    if (!result.ok) return sendError(res, result.error);
    const { ticket, repeated } = result.value;
    const baseUrl = publicBaseUrl(ctx.config.publicUrl, req.protocol, req.get('host'));
    const print = await ctx.printing.printIssued(ticket, { repeated, kioskId: body.kioskId, baseUrl, staff: !!staff });
    res.status(repeated ? 200 : 201).json({ ticket, print });
  });

  return router;
}
