/**
 * The manager's live view: waits grow past the thresholds with a test clock; the alert shows in
 * `GET /api/live`, reaches the clerks of that concern (`/live` namespace), is POSTed signed to
 * the city's webhook (retried after a failure), clears itself once the visitor is called, and
 * its minutes are counted per day.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type LiveAlert, MAX_COUNTED_SPAN_MS } from '../../core/alerts.ts';
import type { CounterAlerts } from '../../core/live-view.ts';
import { signWebhook } from '../../server/alert-webhook.ts';
import { type RunningServer, startLotse } from '../../server/start.ts';
import { demoOffice, http, login, removeDir, tempDataDir, testServerConfig } from '../helpers/server.ts';

const SECRET = 'a-shared-secret-of-the-city';
const START = Date.parse('2026-12-07T08:00:00Z');

let server: RunningServer | undefined;
let receiver: Server | undefined;
const dirs: string[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.stop();
  server = undefined;
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = undefined;
  for (const d of dirs.splice(0)) removeDir(d);
});

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback receiver that answers 500 to the first `failFirst` requests, then 204. */
async function startReceiver(failFirst: number): Promise<{ url: string; got: Received[]; attempts: () => number }> {
  const got: Received[] = [];
  let attempts = 0;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      attempts += 1;
      if (attempts <= failFirst) {
        res.writeHead(500).end();
        return;
      }
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/lotse-alerts`, got, attempts: () => attempts };
}

async function start(clock: () => number, webhookUrl?: string): Promise<RunningServer> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const config = testServerConfig(dataDir, {
    alertWebhookUrl: webhookUrl,
    alertWebhookSecret: webhookUrl ? SECRET : undefined,
  });
  server = await startLotse(config, { office: demoOffice(), clock, live: { tickMs: 60_000, settleMs: 20 } });
  return server;
}

async function watchCounter(url: string, token: string, counterId: string) {
  const socket = io(`${url}/live`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  sockets.push(socket);
  const updates: CounterAlerts[] = [];
  socket.on('alerts:updated', (a: CounterAlerts) => updates.push(a));
  const ack = await socket.emitWithAck('alerts:watch', { counterId });
  expect(ack.ok).toBe(true);
  return { first: ack.data as CounterAlerts, updates };
}

describe('live view and alerts', () => {
  it('warns when waits pass the threshold, tells the clerks and the webhook, and clears on calling', async () => {
    let now = START;
    const hook = await startReceiver(1);
    const s = await start(() => now, hook.url);
    const token = await login(s.url);

    const issued = await http(s.url, 'POST', '/api/tickets', { concernId: 'certificates' });
    expect(issued.status).toBe(201);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'certificates' });
    const quiet = await http(s.url, 'GET', '/api/live', undefined, token);
    expect(quiet.status).toBe(200);
    expect(quiet.body.concerns).toContainEqual(
      expect.objectContaining({ concernId: 'certificates', waiting: 2, longestWaitMinutes: 0, level: 'ok' }),
    );
    expect(quiet.body.alerts).toEqual([]);
    expect(quiet.body.counters).toContainEqual(expect.objectContaining({ counterId: 'desk-1', status: 'closed' }));

    // Platz 1 serves certificates, Platz 2 only housing.
    const desk1 = await watchCounter(s.url, token, 'desk-1');
    const desk2 = await watchCounter(s.url, token, 'desk-2');
    expect(desk1.first.alerts).toEqual([]);

    now += 21 * 60_000;
    const warned = await http(s.url, 'GET', '/api/live', undefined, token);
    expect(warned.body.concerns).toContainEqual(
      expect.objectContaining({ concernId: 'certificates', waiting: 2, longestWaitMinutes: 21, level: 'warning' }),
    );
    const alert = (warned.body.alerts as LiveAlert[]).find((a) => a.kind === 'wait');
    expect(alert).toMatchObject({
      id: 'wait:certificates',
      level: 'warning',
      message: '2 Personen warten länger als 20 Minuten – Bescheinigungen',
      since: new Date(now).toISOString(),
    });
    await expect.poll(() => desk1.updates.at(-1)?.alerts.map((a) => a.id)).toEqual(['wait:certificates']);
    expect(desk2.updates).toEqual([]);

    now += 20 * 60_000;
    const critical = await http(s.url, 'GET', '/api/live', undefined, token);
    expect((critical.body.alerts as LiveAlert[]).find((a) => a.kind === 'wait')).toMatchObject({
      level: 'critical',
      message: '2 Personen warten länger als 40 Minuten – Bescheinigungen',
      since: alert?.since,
    });

    // Calling both visitors clears the alert everywhere.
    expect((await http(s.url, 'POST', '/api/counters/desk-1/call-next', undefined, token)).status).toBe(200);
    await http(s.url, 'POST', '/api/counters/desk-1/complete', {}, token);
    await http(s.url, 'POST', '/api/counters/desk-1/call-next', undefined, token);
    const cleared = await http(s.url, 'GET', '/api/live', undefined, token);
    expect(cleared.body.alerts.filter((a: LiveAlert) => a.concernId === 'certificates')).toEqual([]);
    expect(cleared.body.concerns).toContainEqual(
      expect.objectContaining({ concernId: 'certificates', waiting: 0, level: 'ok' }),
    );
    expect(cleared.body.counters).toContainEqual(
      expect.objectContaining({ counterId: 'desk-1', status: 'open', ticketNumber: 'C-002' }),
    );
    await expect.poll(() => desk1.updates.at(-1)?.alerts).toEqual([]);

    // The webhook got raised, changed and cleared, in order, each signed; the first try failed.
    await expect
      .poll(() => hook.got.map((r) => JSON.parse(r.body).type), { timeout: 10_000 })
      .toEqual(['alert:raised', 'alert:changed', 'alert:cleared']);
    expect(hook.attempts()).toBe(4);
    for (const r of hook.got) {
      const timestamp = String(r.headers['x-lotse-timestamp']);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-lotse-signature']).toBe(signWebhook(SECRET, timestamp, r.body));
      expect(r.headers['x-lotse-signature']).not.toBe(signWebhook('another-secret-entirely', timestamp, r.body));
    }
    const raised = JSON.parse(hook.got[0]?.body ?? '{}');
    expect(raised).toMatchObject({ officeId: 'demo', alert: { id: 'wait:certificates', level: 'warning' } });

    // Minutes in alert: from the warning at +21 to the next look at +41, a span counted at
    // most MAX_COUNTED_SPAN_MS (a stopped server is no time in alert); cleared since.
    const minutes = await http(
      s.url,
      'GET',
      '/api/stats/alert-minutes?from=2026-12-07&to=2026-12-07',
      undefined,
      token,
    );
    expect(minutes.status).toBe(200);
    const span = MAX_COUNTED_SPAN_MS / 60_000;
    expect(minutes.body.days).toEqual([{ day: '2026-12-07', warning: span, critical: 0, byKind: { wait: span } }]);
  });

  it('Given a computation of the view under way, When a clerk closes and the view is asked for, Then it shows the change', async () => {
    let now = START;
    const s = await start(() => now);
    const token = await login(s.url);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, token);
    now += 25 * 60_000;
    // The next computation stops after reading the day, at the list of devices, until let go.
    const devices = s.ctx.devices;
    const list = devices.list.bind(devices);
    let letGo = () => {};
    const held = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    let reached = () => {};
    const atDevices = new Promise<void>((resolve) => {
      reached = resolve;
    });
    devices.list = async () => {
      reached();
      await held;
      return list();
    };
    const service = s.ctx.live?.service;
    if (!service) throw new Error('the live view is not running');
    const before = service.refresh();
    await atDevices;
    devices.list = list;
    await http(s.url, 'POST', '/api/counters/desk-2/status', { status: 'closed' }, token);
    // Let go once the request for the view has reached the service.
    const refresh = service.refresh.bind(service);
    const asked = new Promise<{ body: { stranded: unknown } }>((resolve, reject) => {
      service.refresh = () => {
        const view = refresh();
        letGo();
        return view;
      };
      http(s.url, 'GET', '/api/live', undefined, token).then(resolve, reject);
    });
    expect((await before).stranded).toEqual([]);
    expect((await asked).body.stranded).toEqual([{ ticketNumber: 'W-001', counterId: 'desk-2', calledMinutes: 25 }]);
  });

  it('raises alerts for a long pause, a number stranded in "called" and a disconnected screen', async () => {
    let now = START;
    const s = await start(() => now);
    const token = await login(s.url);
    const { device, token: deviceToken } = await s.ctx.devices.pair('screen', 'Anzeige Wartezone');
    const screen = io(s.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { device: deviceToken },
    });
    sockets.push(screen);
    await new Promise<void>((resolve) => screen.once('connect', () => resolve()));
    await expect
      .poll(async () => (await http(s.url, 'GET', '/api/live', undefined, token)).body.devices)
      .toContainEqual(expect.objectContaining({ id: device.id, connected: true, level: 'ok' }));

    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, token);
    await http(s.url, 'POST', '/api/counters/desk-4/status', { status: 'paused', reason: 'Mittagspause' }, token);
    screen.disconnect();
    await expect
      .poll(async () => (await http(s.url, 'GET', '/api/live', undefined, token)).body.devices)
      .toContainEqual(expect.objectContaining({ id: device.id, connected: false }));

    now += 25 * 60_000;
    const live = await http(s.url, 'GET', '/api/live', undefined, token);
    const kinds = (live.body.alerts as LiveAlert[]).map((a) => [a.kind, a.level, a.message]);
    expect(kinds).toContainEqual(['paused', 'warning', 'Platz 4 seit 25 Minuten in Pause (Mittagspause)']);
    expect(kinds).toContainEqual(['device', 'critical', 'Anzeige „Anzeige Wartezone“ seit 25 Minuten nicht verbunden']);
    expect(live.body.counters).toContainEqual(
      expect.objectContaining({ counterId: 'desk-4', status: 'paused', pausedMinutes: 25 }),
    );

    // The clerk at Platz 2 closes without finishing: W-001 stays "called" with nobody serving it.
    await http(s.url, 'POST', '/api/counters/desk-2/status', { status: 'closed' }, token);
    const stranded = await http(s.url, 'GET', '/api/live', undefined, token);
    expect(stranded.body.stranded).toEqual([{ ticketNumber: 'W-001', counterId: 'desk-2', calledMinutes: 25 }]);
    expect((stranded.body.alerts as LiveAlert[]).map((a) => a.kind)).toContain('stranded');
  });

  it('keeps the levels editable, refuses bad ones with a 400 and the live view to clerks', async () => {
    const s = await start(() => START);
    const token = await login(s.url);
    const put = await http(
      s.url,
      'PUT',
      '/api/live/thresholds',
      { waitMinutes: { warning: 10, critical: 30 }, concernWaitMinutes: { certificates: { warning: 5, critical: 8 } } },
      token,
    );
    expect(put.status).toBe(200);
    expect(put.body.effective.waitMinutes).toEqual({ warning: 10, critical: 30 });
    expect((await http(s.url, 'GET', '/api/admin/config', undefined, token)).body.office.alertThresholds).toMatchObject(
      {
        waitMinutes: { warning: 10, critical: 30 },
      },
    );
    const bad = await http(s.url, 'PUT', '/api/live/thresholds', { waitMinutes: { warning: 30, critical: 10 } }, token);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await http(s.url, 'GET', '/api/live')).status).toBe(401);
    expect((await http(s.url, 'GET', '/api/live/alerts?counterId=nope', undefined, token)).status).toBe(404);
    expect((await http(s.url, 'GET', '/api/city/live', undefined, token)).status).toBe(403);
  });
});
