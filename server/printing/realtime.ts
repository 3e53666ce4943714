/**
 * Printing over socket.io, namespace `/print` (events in `core/events.ts`): kiosks and admins
 * follow printer health (`printer:watch`, pushed `printer:status` and `print:result`); print
 * agents take their kiosk's jobs (`agent:join`, `print:job`, `print:ack`, `agent:status`).
 * Same style as `server/realtime.ts`: one typed handler map, zod-validated payloads,
 * acknowledgements `{ok, data}` / `{ok:false, error}`.
 */
import { type Answer, bindHandler, done, failed } from '../socket-handler.ts';
import type { Namespace, Socket } from 'socket.io';
import type { Ack } from '../../core/api.ts';
import type { Result } from '../../core/result.ts';
import {
  PRINT_NAMESPACE,
  type PrintClientToServerEvents,
  PRINTERS_ROOM,
  type PrintServerToClientEvents,
  printerRoom,
} from '../../core/events.ts';
import { PRINT_REQUEST_SCHEMAS, type RequestOf } from '../../core/schemas/socket-requests.ts';
import type { AppContext } from '../context.ts';
import { clientAddress, compileTrust } from '../http/origin.ts';
import { logger } from '../logger.ts';
import { followSessions, limitEvents, rememberSessionToken } from '../socket-guards.ts';
import type { LotseServer } from '../realtime.ts';

const log = logger('print-realtime');

interface PrintSocketData {
  sessionToken?: string;
  /** Set once this socket is the print agent of a kiosk. */
  agentKioskId?: string;
}

type PrintNamespace = Namespace<
  PrintClientToServerEvents,
  PrintServerToClientEvents,
  Record<string, never>,
  PrintSocketData
>;
type PrintSocket = Socket<PrintClientToServerEvents, PrintServerToClientEvents, Record<string, never>, PrintSocketData>;

type Events = PrintClientToServerEvents;
type DataOf<E extends keyof Events> = Parameters<Events[E]>[1] extends (a: Ack<infer D>) => void ? D : never;

/** Serves one request; its payload is validated first with the event's schema (`core/schemas/socket-requests.ts`). */
type Handler<E extends keyof Events> = (
  socket: PrintSocket,
  req: RequestOf<Events, E>,
) => Promise<Answer<DataOf<E>>> | Answer<DataOf<E>>;

type Handlers = { [E in keyof Events]: Handler<E> };

function handlers(ctx: AppContext): Handlers {
  const trust = compileTrust(ctx.config);
  const isAdmin = async (socket: PrintSocket) => (await ctx.auth.userFor(socket.data.sessionToken))?.role === 'admin';
  /** Only a joined print agent may report: for its kiosk, answered with nothing but success or a code. */
  const asAgent = (socket: PrintSocket, report: (kioskId: string) => Result<null>) => {
    const kioskId = socket.data.agentKioskId;
    if (!kioskId) return failed('FORBIDDEN');
    const r = report(kioskId);
    return r.ok ? done(null) : failed(r.error);
  };
  return {
    'printer:watch': async (socket, req) => {
      if (req.all) {
        if (!(await ctx.auth.userFor(socket.data.sessionToken))) return failed('UNAUTHENTICATED');
        if (!(await isAdmin(socket))) return failed('FORBIDDEN');
        await socket.join(PRINTERS_ROOM);
        return done(ctx.printing.adminViews());
      }
      const view = ctx.printing.viewFor(req.kioskId);
      for (const room of socket.rooms) if (room.startsWith('printer:')) await socket.leave(room);
      await socket.join(printerRoom(view.id));
      return done([view]);
    },
    'agent:join': async (socket, req) => {
      // Wrong keys are counted per client address: guessing a key takes forever.
      const client = clientAddress(socket.request, trust);
      if (await ctx.limits.exhausted('agentKey', client)) return failed('RATE_LIMITED');
      const joined = ctx.printing.agentJoin(req.kioskId, req.key, {
        id: socket.id,
        send: (job) => socket.emit('print:job', job),
      });
      if (!joined.ok) {
        if (joined.error === 'FORBIDDEN') await ctx.limits.take('agentKey', client);
        return failed(joined.error);
      }
      socket.data.agentKioskId = req.kioskId;
      return done(joined.value);
    },
    'agent:status': (socket, req) => asAgent(socket, (kioskId) => ctx.printing.agentStatus(kioskId, socket.id, req)),
    'print:ack': (socket, req) => asAgent(socket, (kioskId) => ctx.printing.agentAck(kioskId, socket.id, req)),
  };
}

function bind<E extends keyof Events>(socket: PrintSocket, event: E, run: Handler<E>) {
  bindHandler(socket as never, event, { schema: PRINT_REQUEST_SCHEMAS[event], run } as never, log);
}

/** Serves namespace `/print` on `io`; returns a function that detaches it. */
export function attachPrintRealtime(io: LotseServer, ctx: AppContext): () => void {
  const nsp = io.of(PRINT_NAMESPACE) as unknown as PrintNamespace;
  nsp.use((socket, next) => rememberSessionToken(socket as never, next));

  const map = handlers(ctx);
  const onConnection = (socket: PrintSocket) => {
    limitEvents(socket as never);
    for (const event of Object.keys(map) as (keyof Events)[]) {
      bind(socket, event, map[event] as Handler<typeof event>);
    }
    socket.on('disconnect', () => {
      const kioskId = socket.data.agentKioskId;
      if (kioskId) ctx.printing.agentLeave(kioskId, socket.id);
    });
  };
  nsp.on('connection', onConnection);

  const offStatus = ctx.printing.onStatus((view, admin) => {
    nsp.to(PRINTERS_ROOM).emit('printer:status', admin);
    nsp.to(printerRoom(view.id)).emit('printer:status', view);
  });
  const offResult = ctx.printing.onResult((printerId, result) => {
    nsp.to(printerRoom(printerId)).emit('print:result', result);
  });
  const stopSessions = followSessions(nsp as never, ctx, [PRINTERS_ROOM]);
  return () => {
    stopSessions();
    offStatus();
    offResult();
    nsp.off('connection', onConnection);
  };
}
