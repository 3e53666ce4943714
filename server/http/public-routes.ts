/** GET /api/office, /api/queue, /api/status/:token: open to everyone. */
import { Router } from 'express';
import { toOfficePublic } from '../../core/api.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { currentUser } from './session.ts';
import { parse, TokenParam } from './validate.ts';

export function publicRoutes(ctx: AppContext): Router {
  const router = Router();

  // GET /api/health and /api/health/live: server/health.ts.
  router.get('/api/office', (_req, res) => {
    res.json(toOfficePublic(ctx.office()));
  });

  router.get('/api/queue', (_req, res) => {
    const snapshot = ctx.queue.queueSnapshot();
    res.json({ called: snapshot.called, waiting: snapshot.waiting, seq: snapshot.seq, day: snapshot.day });
  });

  router.get('/api/status/:token', async (req, res) => {
    const { token } = parse(TokenParam, req.params);
    // Staff are not limited; anybody else is, per client address (misses more strictly).
    const client = (await currentUser(ctx, req)) ? null : (req.ip ?? 'unknown');
    if (client && (!(await ctx.limits.take('status', client)) || (await ctx.limits.exhausted('statusMiss', client)))) {
      return sendError(res, 'RATE_LIMITED');
    }
    const ticket = await ctx.queue.findByToken(token);
    if (ticket) return res.json({ ticket: ctx.queue.view(ticket) });
    if (client) await ctx.limits.take('statusMiss', client);
    sendError(res, 'UNKNOWN_TICKET');
  });

  return router;
}
