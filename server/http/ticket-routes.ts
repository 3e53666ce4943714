/** POST /api/tickets: the kiosk (or staff for a visitor already inside) draws a ticket. */
import { Router } from 'express';
import { policyOf } from '../../core/policy.ts';
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
    if (ctx.office().requireDevicePairing && !staff && device?.kind !== 'kiosk')
      return sendError(res, 'DEVICE_REQUIRED');
    const result = await ctx.queue.issue({
      ...(body.concernId ? { concernId: body.concernId } : {}),
      language: body.language ?? 'de',
      source: staff ? 'staff' : 'kiosk',
      ...(body.appointmentCode ? { appointmentCode: body.appointmentCode } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    if (!result.ok && result.error === 'APPOINTMENT_TOO_EARLY' && body.appointmentCode) {
      // Tell the kiosk when the visitor can check in.
      const appointment = await ctx.queue.appointmentByCode(body.appointmentCode);
      const lead = policyOf(ctx.office()).appointmentCheckinMinutes * 60_000;
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
