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
  // The clerk's actions: one POST each, the payload read from the body as the action needs it.
  const actions: { [K in CounterActionName]: [path: string, payloadOf: (req: Request) => CounterActionPayloads[K]] } = {
    callNext: ['call-next', none],
    callSpecific: ['call', (req) => parse(TicketBody, req.body)],
    start: ['start', none],
    park: ['park', none],
    returnParked: ['return', (req) => parse(TicketBody, req.body)],
    recall: ['recall', none],
    complete: ['complete', (req) => parse(CompleteBody, req.body ?? {})],
    addConcern: ['add-concern', (req) => parse(AddConcernBody, req.body)],
    noShow: ['no-show', none],
    transfer: ['transfer', (req) => parse(TransferBody, req.body)],
    undo: ['undo', none],
    requeue: ['requeue', none],
    setStatus: [
      'status',
      (req) => {
        const body = parse(CounterStatusBody, req.body);
        return body.reason ? { status: body.status, reason: body.reason } : { status: body.status };
      },
    ],
  };
  for (const name of Object.keys(actions) as CounterActionName[]) {
    const [path, payloadOf] = actions[name];
    router.post(`/api/counters/:id/${path}`, action(name, payloadOf as never));
  }
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

  return router;
}
