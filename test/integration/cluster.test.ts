/**
 * A whole city's setup on one machine: three real server processes on one PostgreSQL and one
 * Redis (Debian's packages, started on loopback). Kiosks and clerks spread over the processes:
 * no number is handed out twice, no visitor is called twice, a call made on one process reaches
 * a screen on another, sessions and configuration changes are shared, and a process killed with
 * SIGKILL loses nothing that was confirmed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type Service, startPostgres, startRedis } from '../helpers/services.ts';

const PASSWORD = 'cluster-admin-password';
const COUNTERS = 30;
let pg: Service;
let redis: Service;
let dir: string;
let processes: ServerProcess[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  dir = tempDataDir();
  const office = loadOfficeConfig(undefined);
  office.counters = Array.from({ length: COUNTERS }, (_, i) => ({
    id: `desk-${i + 1}`,
    name: `Platz ${i + 1}`,
    concernIds: ['documents', 'certificates'],
  }));
  const config = join(dir, 'city-office.json');
  writeFileSync(config, JSON.stringify(office));
  processes = await Promise.all(
    [0, 1, 2].map((i) =>
      startServerProcess({
        LOTSE_DATABASE_URL: pg.url,
        LOTSE_REDIS_URL: redis.url,
        LOTSE_CONFIG: config,
        LOTSE_DATA: join(dir, `node-${i}`),
        LOTSE_ADMIN_PASSWORD: PASSWORD,
      }),
    ),
  );
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  await redis?.stop();
  await pg?.stop();
  if (dir) removeDir(dir);
});

function screenOn(url: string): Socket {
  const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(s);
  return s;
}

describe('three server processes on PostgreSQL and Redis', () => {
  it('kiosks on all processes at once never get the same number', async () => {
    const drawn = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        http(processes[i % 3]!.url, 'POST', '/api/tickets', { concernId: i % 2 ? 'documents' : 'certificates' }),
      ),
    );
    expect(drawn.every((d) => d.status === 201)).toBe(true);
    const numbers = drawn.map((d) => d.body.ticket.number as string);
    expect(new Set(numbers).size).toBe(90);
    expect(
      numbers
        .filter((n) => n.startsWith('U-'))
        .sort()
        .at(-1),
    ).toBe('U-045');
    // Every process sees every ticket.
    for (const p of processes) {
      const status = await http(p.url, 'GET', `/api/status/${drawn[7]!.body.ticket.statusUrl.slice(3)}`);
      expect(status.body.ticket.number).toBe(numbers[7]);
    }
  });

  it('a session from one process works on the others (sessions are shared)', async () => {
    const token = await login(processes[0]!.url, 'admin', PASSWORD);
    for (const p of processes) expect((await http(p.url, 'GET', '/api/me', undefined, token)).status).toBe(200);
  });

  it('a call made on process A reaches a screen connected to process B, once, with its seq', async () => {
    const screen = screenOn(processes[1]!.url);
    await new Promise<void>((r) => screen.once('connect', () => r()));
    const joined = await screen.emitWithAck('screen:join', {});
    expect(joined.ok).toBe(true);
    const calls: { number: string; seq: number }[] = [];
    screen.on('call:announced', (c: { number: string; seq: number }) => calls.push(c));
    const token = await login(processes[0]!.url, 'admin', PASSWORD);
    const called = await http(processes[0]!.url, 'POST', '/api/counters/desk-1/call-next', undefined, token);
    expect(called.status).toBe(200);
    await expect.poll(() => calls.length, { timeout: 5000 }).toBe(1);
    expect(calls[0]!.number).toBe(called.body.ticket.number);
    expect(calls[0]!.seq).toBe(joined.ok ? joined.data.queue.seq + 1 : -1);
    // Process B's own view of the queue follows (its cache reloads on the database's notice).
    await expect
      .poll(async () =>
        (await http(processes[1]!.url, 'GET', '/api/queue')).body.called.map((c: { number: string }) => c.number),
      )
      .toContain(called.body.ticket.number);
  });

  it(`${COUNTERS} counters racing call-next across the processes never call one visitor twice`, async () => {
    const token = await login(processes[2]!.url, 'admin', PASSWORD);
    const waiting = (await http(processes[0]!.url, 'GET', '/api/queue')).body.waiting as { count: number }[];
    const total = waiting.reduce((n, w) => n + w.count, 0);
    const calledBy = new Map<string, number>();
    await Promise.all(
      Array.from({ length: COUNTERS }, async (_, i) => {
        const p = processes[i % 3]!;
        for (let k = 0; k < 20; k++) {
          const r = await http(p.url, 'POST', `/api/counters/desk-${i + 1}/call-next`, undefined, token);
          expect(r.status).toBe(200);
          if (!r.body.ticket) return;
          calledBy.set(r.body.ticket.id, (calledBy.get(r.body.ticket.id) ?? 0) + 1);
        }
      }),
    );
    expect([...calledBy.values()].every((n) => n === 1)).toBe(true);
    expect(calledBy.size).toBe(total);
  });

  it('an admin change on one process reaches screens on the others', async () => {
    const token = await login(processes[0]!.url, 'admin', PASSWORD);
    const screen = screenOn(processes[2]!.url);
    await new Promise<void>((r) => screen.once('connect', () => r()));
    await screen.emitWithAck('screen:join', {});
    const updated = new Promise<{ name: string }>((resolve) => screen.once('office:updated', resolve));
    const current = await http(processes[0]!.url, 'GET', '/api/admin/config', undefined, token);
    const office = { ...current.body.office, name: 'Bürgeramt Mitte' };
    expect(
      (await http(processes[0]!.url, 'PUT', '/api/admin/config', { office, version: current.body.version }, token))
        .status,
    ).toBe(200);
    expect((await updated).name).toBe('Bürgeramt Mitte');
    await expect
      .poll(async () => (await http(processes[1]!.url, 'GET', '/api/office')).body.name)
      .toBe('Bürgeramt Mitte');
  });

  it('SIGKILL of one process mid-load loses no confirmed ticket; its clients go on with another', async () => {
    const victim = processes[2]!;
    // Drawn as staff: anonymous clients are rate-limited (a kiosk of the office is paired or staffed).
    const staff = await login(processes[0]!.url, 'admin', PASSWORD);
    const confirmed: { number: string; token: string }[] = [];
    let stop = false;
    const load = Promise.all(
      [0, 1, 2].map(async (k) => {
        for (let i = 0; i < 500 && !stop; i++) {
          const p = processes[(i + k) % 3]!;
          try {
            const r = await http(p.url, 'POST', '/api/tickets', { concernId: 'documents' }, staff);
            if (r.status === 201)
              confirmed.push({ number: r.body.ticket.number, token: r.body.ticket.statusUrl.slice(3) });
          } catch {
            /* the killed process: a kiosk behind a load balancer would be sent to another */
          }
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await victim.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await load;
    expect(confirmed.length).toBeGreaterThan(10);
    const numbers = confirmed.map((c) => c.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const c of confirmed) {
      const r = await http(processes[0]!.url, 'GET', `/api/status/${c.token}`);
      expect(r.status, c.number).toBe(200);
    }
    // A screen that was on the killed process reconnects to a survivor and catches up by seq.
    const screen = screenOn(processes[1]!.url);
    await new Promise<void>((r) => screen.once('connect', () => r()));
    const rejoined = await screen.emitWithAck('screen:join', { afterSeq: 0 });
    expect(rejoined.ok && rejoined.data.missed.length).toBeGreaterThan(0);
  });
});
