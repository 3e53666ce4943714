/**
 * socket.io reconnects by itself after network trouble, but not when the server closed the
 * connection (reason `io server disconnect`, e.g. on a server restart or deploy), nor when it
 * refused a connection. Screens and kiosks run unattended, so they reconnect in the first case
 * too, after a short random pause (`keepConnected`); and every app's socket tries again after a
 * refusal that passes (`retryPassingRefusals`).
 */
import type { LotseSocket } from './socket.ts';

/** Refusals of a connection that pass: the server could not check it now (its store is down). */
const PASSING_REFUSALS = new Set(['STORAGE_UNAVAILABLE', 'INTERNAL']);
const RETRY_REFUSED_MS = 3000;

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

/**
 * socket.io tries again by itself when a connection fails, not when the server refuses it; a
 * refusal that passes (the server's database was down a moment) is tried again here, until the
 * app closes the socket.
 */
export function retryPassingRefusals(socket: LotseSocket): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  socket.on('connect_error', (error) => {
    if (closed || socket.active || !PASSING_REFUSALS.has(error.message)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) socket.connect();
    }, RETRY_REFUSED_MS);
  });
  // Closed by the app (also while refused, when socket.io sends no 'disconnect'): no more tries.
  const disconnect = socket.disconnect.bind(socket);
  socket.disconnect = () => {
    closed = true;
    clearTimeout(timer);
    return disconnect();
  };
}
