/** The typed socket.io client shared by the apps (same origin, WebSocket first). */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../core/events.ts';
import { deviceKey } from './device.ts';
import { retryPassingRefusals } from './reconnect.ts';

export type LotseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects to the server; a paired kiosk or screen identifies itself with its device key. */
export function connect(): LotseSocket {
  const device = deviceKey();
  const socket: LotseSocket = io({
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 5000,
    ...(device ? { auth: { device } } : {}),
  });
  retryPassingRefusals(socket);
  return socket;
}

/** Handlers by event: the server's events and the connection's own. */
export type SocketListeners = Partial<ServerToClientEvents> & {
  connect?: () => void;
  disconnect?: () => void;
  connect_error?: () => void;
};

/** Listens to each event with its handler (in the order given); returns what stops all of them. */
export function listen(socket: Pick<LotseSocket, 'on' | 'off'>, listeners: SocketListeners): () => void {
  // socket.io's typed `on` takes one event at a time; the map's types are checked above.
  const entries = Object.entries(listeners) as [never, never][];
  for (const [event, handler] of entries) socket.on(event, handler);
  return () => {
    for (const [event, handler] of entries) socket.off(event, handler);
  };
}
