/**
 * GET /metrics: Prometheus text format, for clients on the same machine (a direct loopback
 * connection, not one passed on by a proxy) and for `Authorization: Bearer $LOTSE_METRICS_TOKEN`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import type { Metrics } from '../metrics.ts';
import { sendError } from './errors.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const digest = (value: string) => createHash('sha256').update(value).digest();

/** A request from this machine itself: loopback peer and no proxy header (nginx on the host is loopback too). */
function fromLoopback(req: Request): boolean {
  const peer = req.socket.remoteAddress ?? '';
  return LOOPBACK.test(peer) && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined;
}

function hasToken(req: Request, token: string | undefined): boolean {
  if (!token) return false;
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

export function metricsRoutes(ctx: AppContext, metrics: Metrics): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!fromLoopback(req) && !hasToken(req, ctx.config.metricsToken)) {
      return sendError(res, req.headers.authorization ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    res.setHeader('content-type', metrics.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await metrics.text());
  });
  return router;
}
