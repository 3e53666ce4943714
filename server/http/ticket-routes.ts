/**
 * POST /api/tickets: the kiosk draws a ticket, or staff give one out for a visitor already inside
 * (reception: with `counterId` the ticket prints on that counter's printer, `print: false` shows
 * its QR code on screen only). One ticket may hold several concerns of one visit (`concernIds`).
 */
import { Router } from 'express';
import { checkinFrom } from '../../core/appointments.ts';
import type { AppContext } from '../context.ts';
import { deskPrinterId } from '../printing/print-service.ts';
import { publicBaseUrl } from '../printing/printable.ts';
import { sendError } from './errors.ts';
import { currentUser } from './session.ts';
import { IssueBody, parse } from './validate.ts';

export function ticketRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/api/tickets', async (req, res) => {
    const body = parse(IssueBody, req.body);
    const [concernId, ...laterConcernIds] = body.concernIds ?? (body.concernId ? [body.concernId] : []);
    if (body.concernIds && body.concernId && body.concernId !== concernId) return sendError(res, 'VALIDATION_FAILED');
    if (!concernId && !body.appointmentCode) return sendError(res, 'VALIDATION_FAILED');
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
    // Reception: only staff give out tickets at a counter or desk.
    if ((body.counterId !== undefined || body.print !== undefined) && !staff) return sendError(res, 'FORBIDDEN');
    const desk = body.counterId === undefined ? undefined : ctx.office().counters.find((c) => c.id === body.counterId);
    if (body.counterId !== undefined && !desk) return sendError(res, 'UNKNOWN_COUNTER');
    // A number from on the way typed (or its phone page scanned) at the kiosk: the visitor is here.
    const arrived =
      body.appointmentCode && !concernId ? await ctx.queue.confirmRemote(body.appointmentCode) : undefined;
    if (arrived) {
      const baseUrl = publicBaseUrl(ctx.config.publicUrl, req.protocol, req.get('host'));
      const print = await ctx.printing.printIssued(arrived, {
        repeated: false,
        kioskId: body.kioskId,
        baseUrl,
        staff: false,
      });
      return void res.status(200).json({ ticket: arrived, print });
    }
    const result = await ctx.queue.issue({
      ...(concernId ? { concernId } : {}),
      ...(laterConcernIds.length ? { laterConcernIds } : {}),
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
      if (appointment) {
        res.status(409).json({
          error: {
            code: 'APPOINTMENT_TOO_EARLY',
            message: 'It is too early to check in for this appointment.',
            appointmentAt: new Date(appointment.start).toISOString(),
            checkinFrom: new Date(checkinFrom(appointment, ctx.office())).toISOString(),
          },
        });
        return;
      }
    }
    if (!result.ok) return sendError(res, result.error);
    const { ticket, repeated } = result.value;
    const baseUrl = publicBaseUrl(ctx.config.publicUrl, req.protocol, req.get('host'));
    const print =
      body.print === false || (desk && !desk.printer)
        ? { status: 'none' as const }
        : await ctx.printing.printIssued(ticket, {
            repeated,
            kioskId: desk ? deskPrinterId(desk.id) : body.kioskId,
            baseUrl,
            staff: !!staff,
          });
    res.status(repeated ? 200 : 201).json({ ticket, print });
  });

  return router;
}
