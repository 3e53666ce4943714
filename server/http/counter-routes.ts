/**
 * POST /api/counters/:id/{sign-in,call-next,call,start,park,return,recall,complete,no-show,transfer,
 * undo,requeue,status}; GET /api/counters/:id; POST /api/admin/counters/:id/release (admins free a
 * number left "called" at a counter).
 */
import { type Request, type Response, Router } from 'express';
import { tokenFromHeaders } from '../auth.ts';
import {
  authorizeCounter,
  type CounterActionName,
  type CounterActionPayloads,
  runCounterAction,
  signInToCounter,
} from '../counter-actions.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { currentSession, requireRole } from './session.ts';
import {
  AddConcernBody,
  CompleteBody,
  CounterIdParam,
  CounterStatusBody,
  parse,
  ReleaseBody,
  TicketBody,
  TransferBody,
} from './validate.ts';

export function counterRoutes(ctx: AppContext): Router {
  const router = Router();

  const action =
    <K extends CounterActionName>(name: K, payloadOf: (req: Request) => CounterActionPayloads[K]) =>
    async (req: Request, res: Response) => {
      const { id } = parse(CounterIdParam, req.params);
      const result = await runCounterAction(ctx, await currentSession(ctx, req), name, id, payloadOf(req));
      if (!result.ok) return sendError(res, result.error);
      res.json(result.value);
    };
  const none = () => ({}) as Record<string, never>;

  router.get('/api/counters/:id', async (req, res) => {
    const { id } = parse(CounterIdParam, req.params);
    const allowed = authorizeCounter(ctx, await currentSession(ctx, req), id);
    if (!allowed.ok) return sendError(res, allowed.error);
    res.json(ctx.queue.counterView(id));
  });
  /** A clerk signs in to this counter (the counter app does this over the socket with counter:watch). */
  router.post('/api/counters/:id/sign-in', async (req, res) => {
    const { id } = parse(CounterIdParam, req.params);
    const signed = await signInToCounter(ctx, tokenFromHeaders(req.headers), id);
    if (!signed.ok) return sendError(res, signed.error);
    res.json(ctx.queue.counterView(id));
  });
  router.post('/api/counters/:id/call-next', action('callNext', none));
  router.post(
    '/api/counters/:id/call',
    action('callSpecific', (req) => parse(TicketBody, req.body)),
  );
  router.post('/api/counters/:id/start', action('start', none));
  router.post('/api/counters/:id/park', action('park', none));
  router.post(
    '/api/counters/:id/return',
    action('returnParked', (req) => parse(TicketBody, req.body)),
  );
  router.post('/api/counters/:id/recall', action('recall', none));
  router.post(
    '/api/counters/:id/complete',
    action('complete', (req) => parse(CompleteBody, req.body ?? {})),
  );
  router.post(
    '/api/counters/:id/add-concern',
    action('addConcern', (req) => parse(AddConcernBody, req.body)),
  );
  router.post('/api/counters/:id/no-show', action('noShow', none));
  router.post(
    '/api/counters/:id/transfer',
    action('transfer', (req) => parse(TransferBody, req.body)),
  );
  router.post('/api/counters/:id/undo', action('undo', none));
  router.post('/api/counters/:id/requeue', action('requeue', none));
  /**
   * Admins only: the number called at this counter (left there when the counter closed or its
   * clerk left) goes back to the line or is finished. `number` must be the one called there.
   */
  router.post('/api/admin/counters/:id/release', requireRole(ctx, 'admin'), async (req, res) => {
    const { id } = parse(CounterIdParam, req.params);
    const { how, number } = parse(ReleaseBody, req.body);
    const called = ctx.queue.day().tickets.find((t) => t.status === 'called' && t.counterId === id);
    if (!called || called.number !== number) return sendError(res, 'UNKNOWN_TICKET');
    const r = await ctx.queue.releaseCalled(called.id, how);
    if (!r.ok) return sendError(res, r.error);
    ctx.audit.record(res.locals.user, `counter:release-${how}`, id, r.value.number);
    res.json({ ticket: ctx.queue.view(r.value) });
  });
  router.post(
    '/api/counters/:id/status',
    action('setStatus', (req) => {
      const body = parse(CounterStatusBody, req.body);
      return body.reason ? { status: body.status, reason: body.reason } : { status: body.status };
    }),
  );

  return router;
}
