/** POST /api/tickets: the kiosk (or staff for a visitor already inside) draws a ticket. */
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { currentUser } from './session.ts';
import { IssueBody, parse } from './validate.ts';

export function ticketRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/api/tickets', async (req, res) => {
    const body = parse(IssueBody, req.body);
    const headerKey = req.get('idempotency-key');
    const idempotencyKey = body.idempotencyKey ?? (headerKey && headerKey.length <= 100 ? headerKey : undefined);
    const staff = currentUser(ctx, req);
    const device = ctx.devices.authenticate(req.get('x-lotse-device'));
    if (ctx.office().requireDevicePairing && !staff && device?.kind !== 'kiosk') return sendError(res, 'DEVICE_REQUIRED');
    const result = await ctx.queue.issue({
      concernId: body.concernId,
      language: body.language ?? 'de',
      source: staff ? 'staff' : 'kiosk',
      ...(body.appointmentCode ? { appointmentCode: body.appointmentCode } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    if (!result.ok) return sendError(res, result.error);
    res.status(result.value.repeated ? 200 : 201).json({ ticket: result.value.ticket });
  });

  return router;
}
