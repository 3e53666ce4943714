/** The socket of the live view and the counters' alerts (namespace `/live`, same origin). */
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../core/api.ts';
import { LIVE_NAMESPACE, type LiveClientToServerEvents, type LiveServerToClientEvents } from '../core/events.ts';

export type LiveSocket = Socket<LiveServerToClientEvents, LiveClientToServerEvents>;

export function connectLive(): LiveSocket {
  return io(LIVE_NAMESPACE, { transports: ['websocket', 'polling'], reconnectionDelayMax: 5000 });
}

/** One request with a timeout; answers `OFFLINE` / `TIMEOUT` instead of throwing. */
export function liveRequest<E extends keyof LiveClientToServerEvents>(
  socket: LiveSocket,
  event: E,
  req: Parameters<LiveClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<LiveClientToServerEvents[E]>[1]>[0] | { ok: false; error: string }> {
  if (!socket.connected) return Promise.resolve({ ok: false, error: 'OFFLINE' });
  const timed = socket.timeout(8000) as unknown as {
    emit(event: string, req: unknown, ack: (err: Error | null, answer: Ack<unknown>) => void): void;
  };
  return new Promise((resolve) => {
    timed.emit(event, req, (err, answer) => {
      resolve(err ? { ok: false, error: 'TIMEOUT' } : (answer as never));
    });
  });
}
