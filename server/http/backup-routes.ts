/** GET /api/backup (admin): everything stored, as one JSON file, taken between two mutations. */
import { Router } from 'express';
import type { AppContext } from '../context.ts';
import { requireRole } from './session.ts';

export function backupRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get('/api/backup', requireRole(ctx, 'admin'), async (_req, res) => {
    const data = await ctx.queue.backup();
    const stamp = new Date(ctx.clock()).toISOString().replace(/[:.]/g, '-');
    res.setHeader('content-disposition', `attachment; filename="lotse-backup-${stamp}.json"`);
    // With the office configuration, so that `npm run restore` brings back an edited office too.
    // And the live view's alert minutes per day, which count in the statistics.
    const alertMinutes = ctx.live ? await ctx.live.storage.loadMinutes() : undefined;
    res.json({ ...data, office: ctx.office(), alertMinutes });
  });
  return router;
}
