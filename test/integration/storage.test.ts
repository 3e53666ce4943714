/** Storage under LOTSE_DATA: survives a restart, one writer only, corrupt files are kept and named. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../server/store/store.ts';
import { http, login, removeDir, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts';

const dirs: string[] = [];
const servers: TestServer[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) removeDir(d);
});

async function start(dataDir: string) {
  const s = await startTestServer({ dataDir });
  servers.push(s);
  return s;
}

describe('lowdb storage', () => {
  it('keeps tickets, numbering, calls and staff accounts across a restart', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = await start(dir);
    const a = (await http(first.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket;
    const b = (await http(first.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket;
    const admin = await login(first.url);
    await http(first.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    const seq = (await http(first.url, 'GET', '/api/queue')).body.seq;
    await first.stop();
    servers.length = 0;

    const second = await start(dir);
    const status = await http(second.url, 'GET', `/api/status/${b.statusUrl.slice(3)}`);
    expect(status.body.ticket).toMatchObject({ id: b.id, number: b.number, status: 'waiting' });
    const c = (await http(second.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket;
    expect(c.number).toBe('W-003');
    expect(a.number).toBe('W-001');
    const queue = (await http(second.url, 'GET', '/api/queue')).body;
    expect(queue.seq).toBe(seq);
    expect(queue.called[0].number).toBe('W-001');
    await login(second.url);
  });

  it('a second server on the same data folder refuses to start', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    await start(dir);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/Another Lotse server .* data folder/);
    await expect(startTestServer({ dataDir: dir })).rejects.toBeInstanceOf(StoreError);
  });

  it('a corrupt data file stops the start, is named, and keeps every byte', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const s = await start(dir);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await s.stop();
    servers.length = 0;
    const file = join(dir, 'live-day.json');
    const truncated = readFileSync(file, 'utf8').slice(0, 40);
    writeFileSync(file, truncated);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/live-day\.json/);
    expect(readFileSync(file, 'utf8')).toBe(truncated);
  });
});
