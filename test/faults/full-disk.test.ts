/**
 * A full disk: the data folder on a small tmpfs, filled to the last byte while kiosks draw and
 * counters call. Every ticket answered 201 survives a kill and a restart, every refusal is a
 * 507 with a code, health says not ready, and nothing is left half-written.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/processes.ts';
import { http, login } from '../helpers/server.ts';
import { backupOf, Ledger, waitFor } from './ledger.ts';
import { mountSmallDisk, type SmallDisk } from './tmpfs.ts';

const PASSWORD = 'fault-suite-password';
let disk: SmallDisk | undefined;
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop('SIGKILL');
  disk?.unmount();
});

const tempFiles = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.tmp'));

describe('a full disk', () => {
  it('keeps every confirmed ticket, refuses with 507 and says so in /api/health', async () => {
    disk = mountSmallDisk('4m');
    const env = { LOTSE_DATA: disk.dir, LOTSE_ADMIN_PASSWORD: PASSWORD };
    server = await startServerProcess(env);
    const admin = await login(server.url, 'admin', PASSWORD);
    const ledger = new Ledger();
    for (let i = 0; i < 30; i++) await ledger.draw(server.url, admin);
    for (let i = 0; i < 5; i++) await ledger.callNext(server.url, admin);
    expect(ledger.tickets.size).toBe(30);

    disk.fill();
    const statuses: number[] = [];
    for (let i = 0; i < 400 && !statuses.includes(507); i++) statuses.push(await ledger.draw(server.url, admin));
    expect(statuses).toContain(507);
    for (let i = 0; i < 10; i++) expect(await ledger.draw(server.url, admin)).toBe(507);
    expect(await ledger.callNext(server.url, admin)).toBe(507);
    const health = await http(server.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(tempFiles(disk.dir)).toEqual([]);

    // Killed while the disk is full, started again once there is room.
    await server.stop('SIGKILL');
    disk.free();
    server = await startServerProcess(env);
    const admin2 = await login(server.url, 'admin', PASSWORD);
    ledger.verify(await backupOf(server.url, admin2));
    expect(await ledger.draw(server.url, admin2)).toBe(201);
    expect(await ledger.callNext(server.url, admin2)).toBe(200);

    // Full again, then freed while the server runs: it becomes ready again by itself.
    disk.fill();
    for (let i = 0; i < 400 && (await ledger.draw(server.url, admin2)) === 201; i++);
    expect((await http(server.url, 'GET', '/api/health')).status).toBe(503);
    disk.free();
    const base = server.url;
    await waitFor(async () => (await http(base, 'GET', '/api/health')).status === 200, 10_000, 'health 200');
    expect((await http(base, 'GET', '/api/health')).body).toEqual({ status: 'ok' });
    expect(await ledger.draw(base, admin2)).toBe(201);
    ledger.verify(await backupOf(base, admin2));
    await server.stop('SIGTERM');
    server = await startServerProcess(env);
    ledger.verify(await backupOf(server.url, await login(server.url, 'admin', PASSWORD)));
  });
});
