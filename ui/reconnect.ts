/**
 * socket.io reconnects by itself after network trouble, but not when the server closed the
 * connection (reason `io server disconnect`, e.g. on a server restart or deploy). Screens and
 * kiosks run unattended, so they reconnect in that case too, after a short random pause.
 */
import type { LotseSocket } from './socket.ts';

export function keepConnected(socket: LotseSocket, minDelayMs = 1000, maxDelayMs = 4000): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  socket.on('disconnect', (reason) => {
    if (reason !== 'io server disconnect') return;
    clearTimeout(timer);
    const delay = minDelayMs + Math.random() * (maxDelayMs - minDelayMs);
    timer = setTimeout(() => {
      if (!socket.connected) socket.connect();
    }, delay);
  });
  socket.on('connect', () => clearTimeout(timer));
}
