/**
 * A flooding client for the flood benchmark, in its own process: `tickets` draws tickets as one
 * anonymous client as fast as the server answers; `events` sends socket.io events as fast as
 * it can (opening a new socket whenever the server drops one). Stops after SECONDS.
 * Usage: tsx bench/flood-client.ts tickets|events BASE SECONDS
 */
import { Agent, request } from 'node:http';
import { io } from 'socket.io-client';

const [mode, base, secondsArg] = process.argv.slice(2);
const until = Date.now() + Number(secondsArg ?? '5') * 1000;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function post(path: string, body: unknown): Promise<number> {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

async function tickets(): Promise<number> {
  let sent = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (Date.now() < until) {
        await post('/api/tickets', { concernId: 'documents' });
        sent++;
      }
    }),
  );
  return sent;
}

async function events(): Promise<number> {
  let sent = 0;
  while (Date.now() < until) {
    const socket = io(base as string, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', () => resolve());
    });
    while (socket.connected && Date.now() < until) {
      for (let i = 0; i < 50; i++)
        socket.emit('ticket:watch', { token: `unknown-token-${sent++}-xxxxxxxx` }, () => undefined);
      await new Promise((r) => setImmediate(r));
    }
    socket.disconnect();
  }
  return sent;
}

const sent = mode === 'tickets' ? await tickets() : await events();
process.send?.({ sent });
process.exit(0);
