/**
 * The apps' socket (ui/reconnect.ts, used by ui/socket.ts) against a real socket.io server on loopback whose middleware
 * refuses connections: a refusal that passes (STORAGE_UNAVAILABLE: the server could not check the
 * connection, its database was down) is tried again by itself until it gets in; a refusal that
 * does not pass (UNAUTHENTICATED) is left to the app; a socket the app closed is not reopened.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { retryPassingRefusals } from '../../ui/reconnect.ts';
import type { LotseSocket } from '../../ui/socket.ts';

const closers: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A server refusing the first `refusals` connections with `code`; returns its URL and the attempts seen. */
async function refusingServer(code: string, refusals: number) {
  const http = createServer();
  const server = new Server(http);
  const seen = { attempts: 0 };
  server.use((_socket, next) => {
    seen.attempts++;
    next(seen.attempts <= refusals ? new Error(code) : undefined);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, seen };
}

function client(url: string): LotseSocket {
  const socket: LotseSocket = io(url, { transports: ['websocket'], forceNew: true });
  retryPassingRefusals(socket);
  closers.push(() => {
    socket.disconnect();
  });
  return socket;
}

const connected = (socket: LotseSocket, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (socket.connected) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe("the apps' socket when the server refuses it", () => {
  it('given STORAGE_UNAVAILABLE twice, then it tries again by itself and gets in', async () => {
    const { url, seen } = await refusingServer('STORAGE_UNAVAILABLE', 2);
    const socket = client(url);
    expect(await connected(socket, 10_000)).toBe(true);
    expect(seen.attempts).toBe(3);
  }, 15_000);

  it('given UNAUTHENTICATED, then it stays out (the app signs in again)', async () => {
    const { url, seen } = await refusingServer('UNAUTHENTICATED', 1);
    const socket = client(url);
    expect(await connected(socket, 4_500)).toBe(false);
    expect(seen.attempts).toBe(1);
  }, 10_000);

  it('given a refusal that passes and the app closing the socket, then it is not opened again', async () => {
    const { url, seen } = await refusingServer('STORAGE_UNAVAILABLE', 1);
    const socket = client(url);
    await new Promise((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(await connected(socket, 4_500)).toBe(false);
    expect(seen.attempts).toBe(1);
  }, 10_000);
});
