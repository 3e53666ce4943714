/** The typed socket.io client shared by the apps (same origin, WebSocket first). */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../core/events.ts';

export type LotseSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(): LotseSocket {
  return io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 5000 });
}
