/** GET /api/stats?from&to&by&format: figures per period and concern, JSON or CSV (admin). */
import { Router } from 'express';
import { addDays, localDay } from '../../core/localtime.ts';
import { aggregateBuckets, bucketsOf, toCsv } from '../../core/stats.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { requireRole } from './session.ts';
import { parse, StatsQuery } from './validate.ts';

const MAX_RANGE_DAYS = 800;

export function statsRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get('/api/stats', requireRole(ctx, 'admin'), async (req, res) => {
    const query = parse(StatsQuery, req.query);
    const office = ctx.office();
    const today = localDay(ctx.clock(), office.timezone);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -6);
    if (from > to || addDays(from, MAX_RANGE_DAYS) < to) return sendError(res, 'VALIDATION_FAILED');
    const buckets = await ctx.store.statsBuckets(from, to);
    const live = ctx.queue.day();
    if (live.day >= from && live.day <= to) buckets.push(...bucketsOf(live.tickets, office.timezone));
    const rows = aggregateBuckets(buckets, query.by);
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="lotse-stats-${from}-${to}-${query.by}.csv"`);
      return res.send(toCsv(rows));
    }
    res.json({ from, to, by: query.by, rows });
  });

  return router;
}
