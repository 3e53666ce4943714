/**
 * The manager's live view over HTTP:
 *   GET /api/live                     (admin) figures per concern and counter, devices, alerts, today
 *   GET /api/live/alerts?counterId    (staff) the alerts of the concerns a counter serves
 *   GET /api/live/thresholds          (admin) the levels in force and the office's own
 *   PUT /api/live/thresholds          (admin) the office's own levels (`alertThresholds`)
 *   GET /api/stats/alert-minutes?from&to   (admin) minutes per day with alerts in force
 *   GET /api/city/live                (admin named in LOTSE_CITY_VIEWERS) every office on the database
 */
import { type Request, type Response, Router } from 'express';
import { AlertThresholdsSchema, thresholdsOf } from '../../core/alert-thresholds.ts';
import { AlertMinutesQuery, CounterAlertsQuery } from '../../core/schemas/live.ts';
import { cityOfficeOf } from '../../core/live-view.ts';
import { addDays, localDay } from '../../core/localtime.ts';
import type { StaffUser } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import type { LiveService } from '../live-service.ts';
import type { LiveStorage } from '../live-storage.ts';
import { sendError } from './errors.ts';
import { requireRole } from './session.ts';
import { parse } from './validate.ts';

/** Whether `user` may see the city overview. */
export function isCityViewer(ctx: AppContext, user: StaffUser): boolean {
  const viewers = ctx.config.cityViewers ?? [];
  return user.role === 'admin' && (viewers.includes('*') || viewers.includes(user.username));
}

export function liveRoutes(ctx: AppContext, live: LiveService, storage: LiveStorage): Router {
  const router = Router();
  const admin = requireRole(ctx, 'admin');
  const staff = requireRole(ctx, 'admin', 'clerk');
  const noStore = (res: Response) => res.setHeader('cache-control', 'no-store');

  router.get('/api/live', admin, async (_req: Request, res: Response) => {
    noStore(res);
    res.json(await live.refresh());
  });

  router.get('/api/live/alerts', staff, async (req: Request, res: Response) => {
    const { counterId } = parse(CounterAlertsQuery, req.query);
    if (!ctx.office().counters.some((c) => c.id === counterId)) return sendError(res, 'UNKNOWN_COUNTER');
    await live.view();
    noStore(res);
    res.json({ counterId, alerts: live.counterAlerts(counterId) });
  });

  router.get('/api/live/thresholds', admin, (_req: Request, res: Response) => {
    const office = ctx.office();
    res.json({ effective: thresholdsOf(office), own: office.alertThresholds ?? {} });
  });

  router.put('/api/live/thresholds', admin, async (req: Request, res: Response) => {
    const own = parse(AlertThresholdsSchema, req.body);
    const office = { ...ctx.office(), alertThresholds: own };
    const result = await ctx.officeService.replace(office, ctx.officeService.version());
    if (!result.ok) return sendError(res, 'issues' in result ? 'VALIDATION_FAILED' : result.error);
    ctx.audit.record(res.locals.user as StaffUser, 'config:change', 'alertThresholds');
    void live.refresh().catch(() => undefined);
    res.json({ effective: thresholdsOf(result.value), own });
  });

  router.get('/api/stats/alert-minutes', admin, async (req: Request, res: Response) => {
    const query = parse(AlertMinutesQuery, req.query);
    const to = query.to ?? localDay(ctx.clock(), ctx.office().timezone);
    const from = query.from ?? addDays(to, -6);
    if (from > to || addDays(from, 800) < to) return sendError(res, 'VALIDATION_FAILED');
    noStore(res);
    res.json({ from, to, days: await live.alertMinutes(from, to) });
  });

  router.get('/api/city/live', admin, async (_req: Request, res: Response) => {
    if (!isCityViewer(ctx, res.locals.user as StaffUser)) return sendError(res, 'FORBIDDEN');
    const own = await live.refresh();
    const offices = (await storage.city()) ?? [cityOfficeOf(own)];
    noStore(res);
    res.json({ offices });
  });

  return router;
}
