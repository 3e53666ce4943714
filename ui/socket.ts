/** The typed socket.io client shared by the apps (same origin, WebSocket first). */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../core/events.ts';
import { deviceKey } from './device.ts';

export type LotseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects to the server; a paired kiosk or screen identifies itself with its device key. */
export function connect(): LotseSocket {
  const device = deviceKey();
  return io({
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 5000,
    ...(device ? { auth: { device } } : {}),
  });
}
