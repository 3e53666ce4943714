/**
 * Staff side of the realtime contract: a promise-based request with a timeout over the typed
 * socket, and a hook that owns one connection for the lifetime of a signed-in screen.
 */
import { type Signal, useSignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ack } from '../core/api.ts';
import type { ClientToServerEvents } from '../core/events.ts';
import { connect, type LotseSocket } from './socket.ts';

export type StaffEvent = keyof ClientToServerEvents;
export type RequestOf<E extends StaffEvent> = Parameters<ClientToServerEvents[E]>[0];
export type AnswerOf<E extends StaffEvent> = Parameters<ClientToServerEvents[E]>[1] extends (ack: Ack<infer T>) => void
  ? T
  : never;

/** Like `Ack<T>`, but the error may also be the client-side `OFFLINE` or `TIMEOUT`. */
export type StaffAck<T> = { ok: true; data: T } | { ok: false; error: string };

export const REQUEST_TIMEOUT_MS = 8000;

function isAck(value: unknown): value is StaffAck<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ack = value as { ok?: unknown; error?: unknown };
  return ack.ok === true || (ack.ok === false && typeof ack.error === 'string');
}

/**
 * Sends one request and waits for its acknowledgement. Never rejects: a missing connection
 * answers `OFFLINE` at once (so nothing is queued and sent later by surprise), a missing answer
 * `TIMEOUT`, a malformed answer `INTERNAL`.
 */
export function request<E extends StaffEvent>(
  socket: LotseSocket,
  event: E,
  req: RequestOf<E>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<StaffAck<AnswerOf<E>>> {
  if (!socket.connected) return Promise.resolve({ ok: false, error: 'OFFLINE' });
  return new Promise((resolve) => {
    // `timeout()` changes the acknowledgement's shape to (err, ack); the typed overloads cannot
    // express that for a generic event name, so the call goes through a narrow untyped view.
    const timed = socket.timeout(timeoutMs) as unknown as {
      emit(event: string, req: unknown, ack: (err: Error | null, answer: unknown) => void): void;
    };
    timed.emit(event, req, (err, answer) => {
      if (err) resolve({ ok: false, error: socket.connected ? 'TIMEOUT' : 'OFFLINE' });
      else if (isAck(answer)) resolve(answer as StaffAck<AnswerOf<E>>);
      else resolve({ ok: false, error: 'INTERNAL' });
    });
  });
}

export interface StaffConnection {
  socket: LotseSocket;
  /** True while the socket is connected. */
  connected: Signal<boolean>;
}

/**
 * One socket for the calling component's lifetime (created on first render, so child effects can
 * subscribe; closed on unmount). Mount it only after sign-in: the handshake carries the session
 * cookie. `onRejected` runs when the server refuses the connection for lack of a session.
 */
export function useStaffSocket(onRejected: () => void): StaffConnection {
  const [socket] = useState<LotseSocket>(() => connect());
  const connected = useSignal(socket.connected);
  const rejected = useRef(onRejected);
  rejected.current = onRejected;
  useEffect(() => {
    const onConnect = () => {
      connected.value = true;
    };
    const onDisconnect = () => {
      connected.value = false;
    };
    const onError = (error: Error) => {
      connected.value = false;
      if (error.message === 'UNAUTHENTICATED' || error.message === 'FORBIDDEN') rejected.current();
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onError);
    connected.value = socket.connected;
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onError);
      socket.disconnect();
    };
  }, [socket]);
  return { socket, connected };
}

/**
 * Runs `join` now if connected and again after every (re)connect: rooms are lost with the
 * connection, so watching must be renewed.
 */
export function onEveryConnect(socket: LotseSocket, join: () => void): () => void {
  socket.on('connect', join);
  if (socket.connected) join();
  return () => {
    socket.off('connect', join);
  };
}
