/**
 * Statistics for office managers (admin only), each as JSON or CSV (`format=csv`):
 *   GET /api/stats?from&to&by&target   figures per period (hour, day, week, month, all) and concern,
 *                                      a total row per period, and a summary of the whole range
 *   GET /api/stats/heatmap?from&to&concernId   arrivals by weekday and hour
 *   GET /api/stats/counters?from&to&by          visitors served per counter (never per person)
 * `from`/`to` are local days (YYYY-MM-DD, inclusive); without them the last seven days up to today.
 * CSV comes for German spreadsheets (`;`, decimal comma, German headers, BOM, CRLF) unless
 * `dialect=en` asks for `,`, decimal point and the field names as headers.
 * Everything is computed from the hourly buckets of the archived days plus today's live tickets.
 */
import { type Request, type Response, Router } from 'express';
import { addDays, localDay } from '../../core/localtime.ts';
import { bucketsOf, DEFAULT_TARGET_WAIT_MINUTES, type HourBucket, statsReport, withTotals } from '../../core/stats.ts';
import { countersToCsv, heatmapToCsv, toCsv } from '../../core/stats-csv.ts';
import { arrivalsHeatmap, type CounterRow, counterReport } from '../../core/stats-views.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { requireRole } from './session.ts';
import { parse, StatsCountersQuery, StatsHeatmapQuery, StatsQuery } from './validate.ts';

/** Longest range one request may ask for (a little over two years). */
export const MAX_RANGE_DAYS = 800;

interface Range {
  from: string;
  to: string;
  buckets: HourBucket[];
}

export function statsRoutes(ctx: AppContext): Router {
  const router = Router();

  /** The range asked for and its buckets; null (and a 400 sent) when the range is invalid. */
  async function load(
    res: Response,
    query: { from?: string | undefined; to?: string | undefined },
  ): Promise<Range | null> {
    const office = ctx.office();
    const today = localDay(ctx.clock(), office.timezone);
    const to = query.to ?? today;
    const from = query.from ?? addDays(to, -6);
    if (from > to || addDays(from, MAX_RANGE_DAYS) < to) {
      sendError(res, 'VALIDATION_FAILED');
      return null;
    }
    const buckets = await ctx.store.statsBuckets(from, to);
    const live = ctx.queue.day();
    if (live.day >= from && live.day <= to) buckets.push(...bucketsOf(live.tickets, office.timezone));
    return { from, to, buckets };
  }

  function sendCsv(res: Response, name: string, csv: string) {
    res.type('text/csv; charset=utf-8');
    // Only characters a header and every file system take, whatever the name was made of.
    res.setHeader('content-disposition', `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`);
    res.send(csv);
  }

  router.get('/api/stats', requireRole(ctx, 'admin'), async (req: Request, res: Response) => {
    const query = parse(StatsQuery, req.query);
    const range = await load(res, query);
    if (!range) return;
    const office = ctx.office();
    const options = {
      targetWaitMinutes: query.target ?? office.statsTargetWaitMinutes ?? DEFAULT_TARGET_WAIT_MINUTES,
      rangeLabel: `${range.from}/${range.to}`,
    };
    const report = statsReport(range.buckets, query.by, { ...options, summary: query.format === 'json' });
    res.setHeader('cache-control', 'no-store');
    if (query.format === 'csv') {
      const names = Object.fromEntries(office.concerns.map((c) => [c.id, c.name]));
      return sendCsv(
        res,
        `lotse-stats-${range.from}-${range.to}-${query.by}`,
        toCsv(
          withTotals(report),
          names,
          (office.outcomes ?? []).map((o) => o.id),
          {
            dialect: query.dialect,
            outcomeNames: Object.fromEntries((office.outcomes ?? []).map((o) => [o.id, o.name])),
          },
        ),
      );
    }
    res.json({
      from: range.from,
      to: range.to,
      by: query.by,
      targetWaitMinutes: report.targetWaitMinutes,
      rows: report.rows,
      totals: report.totals,
      summary: report.summary ?? [],
      alertMinutes: (await ctx.live?.service.alertMinutes(range.from, range.to)) ?? [],
    });
  });

  router.get('/api/stats/heatmap', requireRole(ctx, 'admin'), async (req: Request, res: Response) => {
    const query = parse(StatsHeatmapQuery, req.query);
    const range = await load(res, query);
    if (!range) return;
    const heatmap = arrivalsHeatmap(range.buckets, query.concernId);
    res.setHeader('cache-control', 'no-store');
    if (query.format === 'csv') {
      const csv = heatmapToCsv(heatmap, query.dialect);
      const suffix = query.concernId ? `-${query.concernId}` : '';
      return sendCsv(res, `lotse-stats-arrivals-${range.from}-${range.to}${suffix}`, csv);
    }
    res.json({ from: range.from, to: range.to, concernId: query.concernId ?? null, ...heatmap });
  });

  router.get('/api/stats/counters', requireRole(ctx, 'admin'), async (req: Request, res: Response) => {
    const query = parse(StatsCountersQuery, req.query);
    const range = await load(res, query);
    if (!range) return;
    const rows: CounterRow[] = counterReport(range.buckets, query.by, { rangeLabel: `${range.from}/${range.to}` });
    res.setHeader('cache-control', 'no-store');
    if (query.format === 'csv') {
      const names = Object.fromEntries(ctx.office().counters.map((c) => [c.id, c.name]));
      return sendCsv(
        res,
        `lotse-stats-counters-${range.from}-${range.to}-${query.by}`,
        countersToCsv(rows, names, query.dialect),
      );
    }
    res.json({ from: range.from, to: range.to, by: query.by, rows });
  });

  return router;
}
