/**
 * Realtime: socket.io events of `core/events.ts`. Handlers are one typed map; every payload is
 * validated, every answer is an acknowledgement `{ok, data}` / `{ok:false, error}`; queue
 * changes are pushed to the rooms that need them.
 */
import { type Answer, bindHandler, done, failed } from './socket-handler.ts';
import type { Server, Socket } from 'socket.io';
import { type Ack, toCallView, toOfficePublic } from '../core/api.ts';
import {
  type ClientToServerEvents,
  SCREEN_HEARTBEAT_MS,
  SCREENS_ROOM,
  type ServerToClientEvents,
  STAFF_ROOM,
  type SocketData,
  ticketRoom,
} from '../core/events.ts';
import { type RequestOf, SOCKET_REQUEST_SCHEMAS } from '../core/schemas/socket-requests.ts';
import { tokenFromHeaders } from './auth.ts';
import type { AppContext } from './context.ts';
import {
  type CounterActionName,
  type CounterActionPayloads,
  runCounterAction,
  signInToCounter,
} from './counter-actions.ts';
import { clientAddress, compileTrust } from './http/origin.ts';
import { logger } from './logger.ts';
import { startQueuePushes } from './queue-pushes.ts';
import { unavailableCode } from './store/unavailable.ts';
import { followSessions, limitEvents } from './socket-guards.ts';

const log = logger('realtime');
// Twenty, so a screen listing each number once (a recall replaces its call) still fills ten rows.
const RECENT_ON_JOIN = 20;
const deviceRoom = (id: string) => `device:${id}`;

export type LotseServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LotseSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type AckOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1];
type DataOf<E extends keyof ClientToServerEvents> = AckOf<E> extends (a: Ack<infer D>) => void ? D : never;

/** Serves one request; its payload is validated first with the event's schema (`core/schemas/socket-requests.ts`). */
type Handler<E extends keyof ClientToServerEvents> = (
  socket: LotseSocket,
  req: RequestOf<ClientToServerEvents, E>,
) => Promise<Answer<DataOf<E>>>;

type Handlers = { [E in keyof ClientToServerEvents]: Handler<E> };

/** The counter actions whose event is `counter:<action>` and whose request is the action's payload plus `counterId`. */
const COUNTER_EVENTS = [
  'callNext',
  'recall',
  'start',
  'park',
  'callSpecific',
  'returnParked',
  'complete',
  'addConcern',
  'noShow',
  'transfer',
  'undo',
  'requeue',
] as const satisfies readonly CounterActionName[];

function handlers(ctx: AppContext): Handlers {
  const trust = compileTrust(ctx.config);
  const session = (socket: LotseSocket) => ctx.auth.sessionFor(socket.data.sessionToken);
  /** A counter action: the request is the action's payload plus `counterId`. */
  const counterAction =
    <K extends CounterActionName>(name: K) =>
    async (socket: LotseSocket, req: { counterId: string }) => {
      const { counterId, ...payload } = req;
      const r = await runCounterAction(
        ctx,
        await session(socket),
        name,
        counterId,
        payload as CounterActionPayloads[K],
      );
      return r.ok ? done(r.value) : failed(r.error);
    };
  const counterEvents = Object.fromEntries(COUNTER_EVENTS.map((name) => [`counter:${name}`, counterAction(name)])) as {
    [K in (typeof COUNTER_EVENTS)[number] as `counter:${K}`]: ReturnType<typeof counterAction<K>>;
  };
  return {
    'screen:join': async (socket, req) => {
      if (ctx.office().requireDevicePairing && !socket.data.device && !(await session(socket))) {
        return failed('DEVICE_REQUIRED');
      }
      await socket.join(SCREENS_ROOM);
      const device = socket.data.device;
      // A paired screen gets its settings (and later changes, room `device:<id>`).
      const screen = device?.kind === 'screen' ? await ctx.devices.screenSettings(device.id) : undefined;
      if (device) await socket.join(deviceRoom(device.id));
      const day = ctx.queue.day();
      const calls = day.recentCalls.map(toCallView);
      const missed = req.afterSeq === undefined ? [] : calls.filter((c) => c.seq > (req.afterSeq as number));
      return done({
        ...(screen ? { screen } : {}),
        office: toOfficePublic(ctx.office()),
        queue: ctx.queue.queueSnapshot(),
        missed,
        recent: calls.slice(-RECENT_ON_JOIN).reverse(),
      });
    },
    'ticket:watch': async (socket, req) => {
      // Unknown tokens are counted per client address, like status look-ups over HTTP.
      const client = clientAddress(socket.request, trust);
      const live = ctx.queue.ticketByToken(req.token);
      if (!live && (await ctx.limits.exhausted('statusMiss', client))) return failed('RATE_LIMITED');
      const ticket = live ?? (await ctx.queue.findByToken(req.token));
      if (!ticket) {
        await ctx.limits.take('statusMiss', client);
        return failed('UNKNOWN_TICKET');
      }
      await socket.join(ticketRoom(req.token));
      return done(ctx.queue.view(ticket));
    },
    'counter:watch': async (socket, req) => {
      const signed = await signInToCounter(ctx, socket.data.sessionToken, req.counterId);
      if (!signed.ok) return signed;
      const view = ctx.queue.counterView(req.counterId);
      if (!view) return failed('UNKNOWN_COUNTER');
      await socket.join(STAFF_ROOM);
      return done(view);
    },
    'counters:watch': async (socket) => {
      const user = (await session(socket))?.user;
      if (!user) return failed('UNAUTHENTICATED');
      if (user.role !== 'admin') return failed('FORBIDDEN');
      await socket.join(STAFF_ROOM);
      return done(ctx.office().counters.flatMap((c) => ctx.queue.counterView(c.id) ?? []));
    },
    ...counterEvents,
    'counter:setStatus': async (socket, req) => {
      const payload = req.reason ? { status: req.status, reason: req.reason } : { status: req.status };
      const r = await runCounterAction(ctx, await session(socket), 'setStatus', req.counterId, payload);
      return r.ok ? done(r.value) : failed(r.error);
    },
  };
}

function bind<E extends keyof ClientToServerEvents>(socket: LotseSocket, event: E, run: Handler<E>) {
  bindHandler(socket as never, event, { schema: SOCKET_REQUEST_SCHEMAS[event], run } as never, log);
}

/** A connection's staff session and paired device, from its handshake (kept on `socket.data`). */
async function identify(socket: LotseSocket, ctx: AppContext): Promise<void> {
  const headers = socket.request.headers;
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown; device?: unknown };
  const token =
    typeof auth.token === 'string'
      ? auth.token
      : tokenFromHeaders({ authorization: headers.authorization, cookie: headers.cookie });
  if (token && (await ctx.auth.sessionFor(token))) socket.data.sessionToken = token;
  const deviceToken = typeof auth.device === 'string' ? auth.device : headers['x-lotse-device'];
  const device = await ctx.devices.authenticate(typeof deviceToken === 'string' ? deviceToken : undefined);
  if (device) {
    socket.data.device = { id: device.id, kind: device.kind, ...(device.area ? { area: device.area } : {}) };
  }
}

/** Remembers what each phone was last told, so only real changes are pushed. */
export function attachRealtime(io: LotseServer, ctx: AppContext, fed: () => boolean = () => true): () => void {
  io.use((socket, next) => {
    identify(socket, ctx).then(
      () => next(),
      (error: unknown) => {
        // The store could not be asked (a database outage): refused with a code the apps retry on.
        const code = unavailableCode(error);
        if (code) log.warn({ err: error }, 'cannot check a connection: the store is unavailable');
        else log.error({ err: error }, 'checking a connection failed');
        next(new Error(code ?? 'INTERNAL'));
      },
    );
  });

  const map = handlers(ctx);
  io.on('connection', (socket) => {
    limitEvents(socket);
    for (const event of Object.keys(map) as (keyof ClientToServerEvents)[]) {
      bind(socket, event, map[event] as Handler<typeof event>);
    }
  });

  const stopDevices = ctx.devices.onConfigured((id, settings) => {
    io.to(deviceRoom(id)).emit('screen:settings', settings);
  });
  const stopOffice = ctx.officeService.onChange((office) => {
    io.emit('office:updated', toOfficePublic(office));
  });
  const stopPushes = startQueuePushes(io, ctx);
  // Screens hear a heartbeat only while this process is fed: when its Redis link is down, they
  // fall silent and show that they are offline, and catch up by sequence number when it returns.
  const heartbeat = setInterval(() => {
    if (fed()) io.local.to(SCREENS_ROOM).emit('screen:heartbeat', { seq: ctx.queue.queueSnapshot().seq });
  }, SCREEN_HEARTBEAT_MS);
  heartbeat.unref();
  const stopSessions = followSessions(io.of('/'), ctx, [STAFF_ROOM]);
  return () => {
    clearInterval(heartbeat);
    stopSessions();
    stopPushes();
    stopOffice();
    stopDevices();
  };
}
