/**
 * The live view over socket.io, namespace `/live` (events in `core/events.ts`): admins follow
 * the live view (`live:watch`, pushed `live:update`), clerks the alerts of the concerns their
 * counter serves (`alerts:watch`, pushed `alerts:updated` only when they change). Also notes
 * which paired kiosks and screens are connected to the main namespace right now.
 */
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import type { LiveAlert } from '../core/alerts.ts';
import type { Ack } from '../core/api.ts';
import {
  counterAlertsRoom,
  LIVE_NAMESPACE,
  LIVE_ROOM,
  type LiveClientToServerEvents,
  type LiveServerToClientEvents,
} from '../core/events.ts';
import type { AppContext } from './context.ts';
import type { LiveService } from './live-service.ts';
import { logger } from './logger.ts';
import type { LotseServer } from './realtime.ts';
import { type Answer, bindHandler, done, failed } from './socket-handler.ts';
import { followSessions, limitEvents, rememberSessionToken } from './socket-guards.ts';

const log = logger('live-realtime');

const alertsKey = (alerts: LiveAlert[]) => JSON.stringify(alerts.map((a) => [a.id, a.level, a.message]));

interface LiveSocketData {
  sessionToken?: string;
}

type Events = LiveClientToServerEvents;
type LiveNamespace = Namespace<Events, LiveServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<Events, LiveServerToClientEvents, Record<string, never>, LiveSocketData>;
type DataOf<E extends keyof Events> = Parameters<Events[E]>[1] extends (a: Ack<infer D>) => void ? D : never;

interface Handler<E extends keyof Events> {
  schema: z.ZodType<Parameters<Events[E]>[0]>;
  run: (socket: LiveSocket, req: Parameters<Events[E]>[0]) => Promise<Answer<DataOf<E>>>;
}

function handlers(ctx: AppContext, live: LiveService, sent: Map<string, string>): { [E in keyof Events]: Handler<E> } {
  return {
    'live:watch': {
      schema: z.object({}).strict(),
      async run(socket) {
        const user = await ctx.auth.userFor(socket.data.sessionToken);
        if (!user) return failed('UNAUTHENTICATED');
        if (user.role !== 'admin') return failed('FORBIDDEN');
        if (user.mustChangePassword) return failed('PASSWORD_CHANGE_REQUIRED');
        await socket.join(LIVE_ROOM);
        return done(await live.view());
      },
    },
    'alerts:watch': {
      schema: z.object({ counterId: z.string().min(1).max(64) }).strict(),
      async run(socket, req) {
        const user = await ctx.auth.userFor(socket.data.sessionToken);
        if (!user) return failed('UNAUTHENTICATED');
        if (!ctx.office().counters.some((c) => c.id === req.counterId)) return failed('UNKNOWN_COUNTER');
        for (const room of socket.rooms) if (room.startsWith('alerts:')) await socket.leave(room);
        await live.view();
        await socket.join(counterAlertsRoom(req.counterId));
        const alerts = live.counterAlerts(req.counterId);
        // Everybody in the room knows these now: the next push is due when they change.
        sent.set(req.counterId, alertsKey(alerts));
        return done({ counterId: req.counterId, alerts });
      },
    },
  };
}

/** Serves namespace `/live` and follows device connections; returns a function that detaches it. */
export function attachLiveRealtime(io: LotseServer, ctx: AppContext, live: LiveService): () => void {
  const nsp = io.of(LIVE_NAMESPACE) as unknown as LiveNamespace;
  nsp.use((socket, next) => rememberSessionToken(socket as never, next));
  // Counters hear only a change of their own alerts: what each room last heard.
  const sentToCounter = new Map<string, string>();
  const map = handlers(ctx, live, sentToCounter);
  const onConnection = (socket: LiveSocket) => {
    limitEvents(socket as never);
    for (const event of Object.keys(map) as (keyof Events)[]) {
      bindHandler(socket as never, event, map[event] as never, log);
    }
  };
  nsp.on('connection', onConnection);

  // Paired kiosks and screens on the main namespace: connected now, or since when not.
  const onMain = (socket: { data: { device?: { id: string } }; on(e: 'disconnect', f: () => void): void }) => {
    const device = socket.data.device;
    if (!device) return;
    live.deviceConnected(device.id);
    socket.on('disconnect', () => live.deviceDisconnected(device.id));
  };
  io.on('connection', onMain);

  const offUpdate = live.onUpdate((view) => {
    nsp.to(LIVE_ROOM).emit('live:update', view);
    const rooms = nsp.adapter.rooms;
    for (const counter of ctx.office().counters) {
      const room = counterAlertsRoom(counter.id);
      if (!rooms.has(room)) continue;
      const alerts = live.counterAlerts(counter.id);
      const key = alertsKey(alerts);
      if (sentToCounter.get(counter.id) === key) continue;
      sentToCounter.set(counter.id, key);
      nsp.to(room).emit('alerts:updated', { counterId: counter.id, alerts });
    }
  });
  const stopSessions = followSessions(nsp as never, ctx, [LIVE_ROOM]);
  return () => {
    stopSessions();
    offUpdate();
    io.off('connection', onMain as never);
    nsp.off('connection', onConnection);
  };
}
