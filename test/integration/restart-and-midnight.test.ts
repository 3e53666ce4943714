/**
 * What a crash and midnight leave behind: temp files of interrupted writes are removed when the
 * server starts (the day's tickets stay), and a visitor whose service had started before
 * midnight is finished into the old day, while those still waiting or merely called are
 * cancelled with it. Checked from the archive in a backup.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../core/types.ts';
import { http, login, removeDir, startTestServer, type TestServer, tempDataDir } from '../helpers/server.ts';

let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('after a crash', () => {
  it('temp files of interrupted writes are removed at start; the stored day is kept', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    server = await startTestServer({ dataDir });
    const drawn = (await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket;
    await server.stop();
    server = undefined;

    mkdirSync(join(dataDir, 'archive'), { recursive: true });
    mkdirSync(join(dataDir, 'stats'), { recursive: true });
    const planted = [
      join(dataDir, '.live-day.json.4242.tmp'),
      join(dataDir, '.staff.json.17.tmp'),
      join(dataDir, 'archive', '.2026-12-01.json.99.tmp'),
      join(dataDir, 'stats', '.2026-12-01.json.99.tmp'),
    ];
    for (const path of planted) writeFileSync(path, '{"half": ');

    server = await startTestServer({ dataDir });
    expect(planted.filter((path) => existsSync(path))).toEqual([]);
    const status = await http(server.url, 'GET', `/api/status/${drawn.statusUrl.slice(3)}`);
    expect(status.status).toBe(200);
    expect(status.body.ticket).toMatchObject({ number: drawn.number, status: 'waiting' });
  });
});

describe('at midnight', () => {
  it('a visitor being served finishes into the old day; waiting and called ones are cancelled', async () => {
    let now = Date.parse('2026-11-20T22:50:00Z'); // 23:50 in Berlin
    server = await startTestServer({ clock: () => now });
    dirs.push(server.dataDir);
    const base = server.url;
    const admin = await login(base);
    const draw = async () => (await http(base, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket;
    const served = await draw();
    const called = await draw();
    const waiting = await draw();
    expect((await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, admin)).body.ticket.id).toBe(
      served.id,
    );
    now += 60_000;
    expect((await http(base, 'POST', '/api/counters/desk-2/start', undefined, admin)).status).toBe(200);
    expect((await http(base, 'POST', '/api/counters/desk-4/call-next', undefined, admin)).body.ticket.id).toBe(
      called.id,
    );

    now = Date.parse('2026-11-20T23:00:03Z');
    expect(await server.ctx.queue.tick()).toBe(true);

    const backup = (await http(base, 'GET', '/api/backup', undefined, admin)).body as {
      archive: { day: string; tickets: Ticket[] }[];
      liveDay: { day: string; tickets: Ticket[] };
    };
    expect(backup.liveDay.day).toBe('2026-11-21');
    expect(backup.liveDay.tickets).toEqual([]);
    const old = backup.archive.find((a) => a.day === '2026-11-20');
    const byId = new Map(old?.tickets.map((t) => [t.id, t]));
    expect(byId.get(served.id)).toMatchObject({ status: 'done', closedAt: now });
    expect(byId.get(served.id)?.cancelReason).toBeUndefined();
    expect(byId.get(called.id)).toMatchObject({ status: 'cancelled', cancelReason: 'day-ended' });
    expect(byId.get(waiting.id)).toMatchObject({ status: 'cancelled', cancelReason: 'day-ended' });
    // The counter is free for the new day.
    const desk = await http(base, 'GET', '/api/counters/desk-2', undefined, admin);
    expect(desk.body.current ?? null).toBeNull();
  });
});
