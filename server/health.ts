/**
 * Health of one server process, told apart as load balancers and orchestrators need it:
 *   up    the process answers HTTP (`GET /api/health/live`, always 200 while it runs);
 *   ready it can do its work: the store writes (lowdb folder writable, or PostgreSQL reachable
 *         and taking writes: not a standby, not read-only)
 *         and, with LOTSE_REDIS_URL, Redis carries other processes' calls
 *         (`GET /api/health`: 200 `{status: "ok"}`, else 503 naming what fails).
 */
import { Router } from 'express';
import type { AppContext } from './context.ts';

export interface Readiness {
  ready: boolean;
  checks: { store: boolean; redis?: boolean };
}

export async function readiness(ctx: AppContext, fed: () => boolean): Promise<Readiness> {
  const store = await ctx.store.ready();
  const checks: Readiness['checks'] = { store };
  if (ctx.config.redisUrl) checks.redis = fed();
  return { ready: store && checks.redis !== false, checks };
}

export function healthRoutes(ctx: AppContext, fed: () => boolean): Router {
  const router = Router();
  router.get('/api/health/live', (_req, res) => {
    res.json({ status: 'up' });
  });
  router.get('/api/health', async (_req, res) => {
    const { ready, checks } = await readiness(ctx, fed);
    if (ready) return res.json({ status: 'ok' });
    const code = checks.store ? 'REDIS_UNAVAILABLE' : 'STORAGE_UNAVAILABLE';
    const message = checks.store ? 'Redis cannot be reached.' : 'The store cannot write.';
    res.status(503).json({ status: 'unavailable', checks, error: { code, message } });
  });
  return router;
}
