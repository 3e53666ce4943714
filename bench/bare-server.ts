/**
 * The bare baseline: the least a server must do for what the benchmarks measure. On each POST it
 * appends one line to a file and fsyncs it and `io.emit`s it to every connected client (screens
 * and phones): a ticket as `ticket:issued` once the kiosk is answered, a call as
 * `call:announced` before the clerk is answered (a screen hears of it as soon as it is stored).
 * It answers the same requests the load generators send
 * (login, kiosk pairing, tickets, call-next, screen:join, ticket:watch), so Lotse ÷ bare is the
 * price of everything Lotse does beyond that. Run by `startBareServer` in its own process.
 */
import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const file = await open(join(process.env.BARE_DATA ?? '.', 'bare.log'), 'a');
const waiting: string[] = [];
let issued = 0;

/** One line, durable before the answer (as Lotse's store). */
async function append(record: unknown): Promise<void> {
  await file.appendFile(`${JSON.stringify(record)}\n`);
  await file.sync();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  for await (const _ of req) {
    /* the body is not needed */
  }
  const path = req.url ?? '';
  if (req.method === 'GET' && path === '/api/health') return send(res, 200, { status: 'ok' });
  if (req.method !== 'POST') return send(res, 404, {});
  if (path === '/api/login') return send(res, 200, { token: 'bare' });
  if (path === '/api/admin/devices') return send(res, 201, { token: 'bare-kiosk' });
  if (path === '/api/tickets') {
    const number = `A-${++issued}`;
    const token = randomBytes(16).toString('base64url');
    await append({ issued: number, token });
    waiting.push(number);
    // Answered first: the kiosk need not wait for the other clients to be told.
    send(res, 201, { ticket: { number, statusUrl: `/t/${token}` } });
    io.emit('ticket:issued', { number });
    return;
  }
  if (/^\/api\/counters\/[^/]+\/call-next$/.test(path)) {
    const number = waiting.shift();
    if (!number) return send(res, 200, { ticket: null });
    await append({ called: number });
    io.emit('call:announced', { number });
    return send(res, 200, { ticket: { number } });
  }
  send(res, 404, {});
}

const http = createServer((req, res) => {
  handle(req, res).catch(() => send(res, 500, {}));
});
const io = new Server(http);
io.on('connection', (socket) => {
  socket.on('screen:join', (_payload: unknown, ack?: (r: unknown) => void) => ack?.({ ok: true, data: {} }));
  socket.on('ticket:watch', (_payload: unknown, ack?: (r: unknown) => void) => ack?.({ ok: true, data: {} }));
});
http.listen(port, '127.0.0.1');
