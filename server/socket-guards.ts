/**
 * Guards for socket.io connections in both namespaces:
 * - an event budget per socket: events beyond it are answered `RATE_LIMITED` without being
 *   handled, and a socket that keeps flooding is disconnected;
 * - staff rooms follow the session: a socket whose session ended (sign-out, account disabled or
 *   removed, password changed, expiry) leaves the staff rooms; a socket of a removed device is
 *   disconnected;
 * - the session token of the handshake is kept on the socket (`rememberSessionToken`).
 */
import type { Namespace, Socket } from 'socket.io';
import { tokenFromHeaders } from './auth.ts';
import type { AppContext } from './context.ts';
import { logger } from './logger.ts';
import { failed } from './socket-handler.ts';

const log = logger('realtime');

const WINDOW_MS = 10_000;
/** Events per window for sockets without a staff session (screens, phones, kiosks). */
const ANONYMOUS_EVENTS = 60;
/** Events per window for staff sockets. */
const STAFF_EVENTS = 600;
/** Beyond this many times the budget within one window the socket is disconnected. */
const DISCONNECT_FACTOR = 2;
const SWEEP_MS = 2000;

interface GuardedData {
  sessionToken?: string;
  device?: { id: string };
}

/** Counts a socket's events; over budget they get `RATE_LIMITED` (or the socket is dropped). */
export function limitEvents(socket: Socket): void {
  let windowStart = Date.now();
  let count = 0;
  socket.use((packet, next) => {
    const now = Date.now();
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    const budget = (socket.data as GuardedData).sessionToken ? STAFF_EVENTS : ANONYMOUS_EVENTS;
    if (count <= budget) return next();
    if (count > budget * DISCONNECT_FACTOR) {
      socket.disconnect(true);
      return;
    }
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (a: unknown) => void)(failed('RATE_LIMITED'));
  });
}

/**
 * Watches the sockets in `staffRooms` of `nsp`: when their session is gone they leave those rooms
 * (and forget the token). Runs every SWEEP_MS and at once when a session ends in this process.
 */
export function followSessions(nsp: Namespace, ctx: AppContext, staffRooms: string[]): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      for (const socket of nsp.sockets.values()) {
        const data = socket.data as GuardedData;
        if (data.device && !(await ctx.devices.stillPaired(data.device.id))) {
          socket.disconnect(true);
          continue;
        }
        if (!staffRooms.some((room) => socket.rooms.has(room))) continue;
        const session = await ctx.auth.sessionFor(data.sessionToken);
        if (session && !session.user.mustChangePassword) continue;
        for (const room of staffRooms) await socket.leave(room);
        delete data.sessionToken;
      }
    } catch (error) {
      // The store could not be asked (a database outage): everyone stays as they are until the
      // next sweep can look.
      log.warn({ err: error }, 'cannot check the sessions and devices of connections; tried again shortly');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
  const offAuth = ctx.auth.onSessionsEnded(() => void sweep());
  const offDevices = ctx.devices.onRemoved(() => void sweep());
  return () => {
    clearInterval(timer);
    offAuth();
    offDevices();
  };
}

/** Namespace middleware: keeps the handshake's session token (auth field, bearer header or cookie) on `socket.data`. */
export function rememberSessionToken(socket: Socket, next: (err?: Error) => void): void {
  const headers = socket.request.headers;
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown };
  const token =
    typeof auth.token === 'string'
      ? auth.token
      : tokenFromHeaders({ authorization: headers.authorization, cookie: headers.cookie });
  if (token) (socket.data as GuardedData).sessionToken = token;
  next();
}
