/**
 * The clerk's actions at a counter, one handler map shared by the HTTP routes and the socket
 * events, with one authorisation rule: a signed-in clerk or admin. Every action is audited.
 */
import type { CounterView, TicketView } from '../core/api.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { CounterStatus, Ticket } from '../core/types.ts';
import { counterRefusal, type Session } from './auth.ts';
import type { AppContext } from './context.ts';

export interface CounterActionPayloads {
  callNext: Record<string, never>;
  callSpecific: { ticketId: string };
  start: Record<string, never>;
  park: Record<string, never>;
  returnParked: { ticketId: string };
  recall: Record<string, never>;
  complete: { outcome?: string; continueHere?: boolean };
  addConcern: { concernId: string };
  noShow: Record<string, never>;
  transfer: { concernId: string; outcome?: string; toCounterId?: string };
  setStatus: { status: CounterStatus; reason?: string };
  undo: Record<string, never>;
  requeue: Record<string, never>;
}

export interface CounterActionResults {
  callNext: { ticket: TicketView | null };
  callSpecific: { ticket: TicketView };
  start: { ticket: TicketView };
  park: { ticket: TicketView };
  returnParked: { ticket: TicketView };
  recall: { ticket: TicketView };
  complete: { ticket: TicketView };
  addConcern: { ticket: TicketView };
  noShow: { ticket: TicketView };
  transfer: { ticket: TicketView };
  setStatus: CounterView;
  undo: { ticket: TicketView };
  requeue: { ticket: TicketView };
}

export type CounterActionName = keyof CounterActionPayloads;

type Handlers = {
  [K in CounterActionName]: (
    ctx: AppContext,
    counterId: string,
    payload: CounterActionPayloads[K],
  ) => Promise<Result<CounterActionResults[K]>>;
};

/** The acknowledgement of an action that changed one ticket: the ticket as the apps see it. */
function ticketOf(ctx: AppContext, r: Result<Ticket>): Result<{ ticket: TicketView }> {
  return r.ok ? ok({ ticket: ctx.queue.view(r.value) }) : r;
}

const handlers: Handlers = {
  async callNext(ctx, counterId) {
    const r = await ctx.queue.callNext(counterId);
    return r.ok ? ok({ ticket: r.value ? ctx.queue.view(r.value) : null }) : r;
  },
  callSpecific: async (ctx, counterId, payload) =>
    ticketOf(ctx, await ctx.queue.callSpecific(counterId, payload.ticketId)),
  start: async (ctx, counterId) => ticketOf(ctx, await ctx.queue.startService(counterId)),
  park: async (ctx, counterId) => ticketOf(ctx, await ctx.queue.park(counterId)),
  returnParked: async (ctx, counterId, payload) =>
    ticketOf(ctx, await ctx.queue.returnParked(counterId, payload.ticketId)),
  recall: async (ctx, counterId) => ticketOf(ctx, await ctx.queue.recall(counterId)),
  complete: async (ctx, counterId, payload) => ticketOf(ctx, await ctx.queue.complete(counterId, payload)),
  addConcern: async (ctx, counterId, payload) =>
    ticketOf(ctx, await ctx.queue.addConcern(counterId, payload.concernId)),
  noShow: async (ctx, counterId) => ticketOf(ctx, await ctx.queue.noShow(counterId)),
  async transfer(ctx, counterId, payload) {
    const { concernId, ...options } = payload;
    return ticketOf(ctx, await ctx.queue.transfer(counterId, concernId, options));
  },
  async setStatus(ctx, counterId, payload) {
    const r = await ctx.queue.setCounterStatus(counterId, payload.status, payload.reason);
    if (!r.ok) return r;
    const view = ctx.queue.counterView(counterId);
    return view ? ok(view) : fail('UNKNOWN_COUNTER');
  },
  undo: async (ctx, counterId) => ticketOf(ctx, await ctx.queue.undo(counterId)),
  requeue: async (ctx, counterId) => ticketOf(ctx, await ctx.queue.requeue(counterId)),
};

/**
 * May this session act at this counter? Admins may act anywhere; a clerk only at the counter
 * the session signed in to (`signIn`).
 */
export function authorizeCounter(ctx: AppContext, session: Session | null, counterId: string): Result<true> {
  if (!session) return fail('UNAUTHENTICATED');
  const { role } = session.user;
  if (role !== 'clerk' && role !== 'admin') return fail('FORBIDDEN');
  if (!ctx.office().counters.some((c) => c.id === counterId)) return fail('UNKNOWN_COUNTER');
  const refused = counterRefusal(session, counterId);
  if (refused) return fail(refused);
  if (role === 'clerk' && session.counterId !== counterId) return fail('FORBIDDEN');
  return ok(true);
}

/** A clerk (or admin) signs in to a counter with this session. */
export async function signInToCounter(
  ctx: AppContext,
  token: string | undefined,
  counterId: string,
): Promise<Result<true>> {
  const session = await ctx.auth.sessionFor(token);
  if (!session) return fail('UNAUTHENTICATED');
  if (!ctx.office().counters.some((c) => c.id === counterId)) return fail('UNKNOWN_COUNTER');
  const refused = counterRefusal(session, counterId);
  if (refused) return fail(refused);
  if (token && session.counterId !== counterId) {
    await ctx.auth.bindCounter(token, counterId);
    ctx.audit.record(session.user, 'counter:sign-in', counterId);
  }
  return ok(true);
}

function describe(result: unknown): string | undefined {
  const r = result as { ticket?: { number?: string } | null; status?: string };
  return r?.ticket?.number ?? r?.status;
}

export async function runCounterAction<K extends CounterActionName>(
  ctx: AppContext,
  session: Session | null,
  action: K,
  counterId: string,
  payload: CounterActionPayloads[K],
): Promise<Result<CounterActionResults[K]>> {
  const allowed = authorizeCounter(ctx, session, counterId);
  if (!allowed.ok) return allowed;
  const result = await handlers[action](ctx, counterId, payload);
  if (result.ok) ctx.audit.record(session?.user ?? null, `counter:${action}`, counterId, describe(result.value));
  return result;
}
