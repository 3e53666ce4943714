/**
 * PostgreSQL's disk full (its data folder on a small tmpfs, filled to the last byte) while a
 * kiosk draws and a clerk calls: every refusal is a 507 with a code, the process stays up,
 * `/api/health` says not ready while writes are refused (the database still answers reads, so a
 * check that only reads said "ok"), and once there is room again the first write makes it ready.
 * Every ticket answered 201 is stored, no number twice, no confirmed call undone.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, tempDataDir } from '../helpers/server.ts';
import { type RestartableService, startPostgres } from '../helpers/services.ts';
import { backupOf, Ledger } from './ledger.ts';
import { mountSmallDisk, type SmallDisk } from './tmpfs.ts';

const PASSWORD = 'fault-suite-password';
let disk: SmallDisk | undefined;
let pg: RestartableService | undefined;
let server: ServerProcess | undefined;
const dir = tempDataDir();

afterAll(async () => {
  await server?.stop('SIGKILL');
  await pg?.stop();
  disk?.unmount();
  removeDir(dir);
});

describe("PostgreSQL's disk full", () => {
  it('refuses with 507, says so in /api/health, and is ready again after the first write once there is room', async () => {
    disk = mountSmallDisk('160m');
    execFileSync('chown', ['postgres', disk.dir]); // the database runs as `postgres`
    pg = await startPostgres(disk.dir);
    server = await startServerProcess({ LOTSE_DATABASE_URL: pg.url, LOTSE_DATA: dir, LOTSE_ADMIN_PASSWORD: PASSWORD });
    const admin = await login(server.url, 'admin', PASSWORD);
    const ledger = new Ledger();
    for (let i = 0; i < 30; i++) await ledger.draw(server.url, admin);
    for (let i = 0; i < 5; i++) await ledger.callNext(server.url, admin, 'desk-1');
    expect(ledger.tickets.size).toBe(30);
    expect((await http(server.url, 'GET', '/api/health')).status).toBe(200);

    disk.fill();
    const statuses: number[] = [];
    for (let i = 0; i < 3000 && !statuses.includes(507); i++) {
      statuses.push(await ledger.draw(server.url, admin));
      if (i % 10 === 0) await ledger.callNext(server.url, admin, 'desk-1');
    }
    expect(statuses).toContain(507);
    expect(ledger.unexpected).toEqual([]);
    const health = await http(server.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.checks.store).toBe(false);
    expect(health.body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(server.child.exitCode, server.stderr()).toBeNull();

    disk.free();
    // Reads never failed: the first write that goes through again makes it ready at once.
    expect(await ledger.draw(server.url, admin)).toBe(201);
    expect((await http(server.url, 'GET', '/api/health')).status).toBe(200);
    expect(await ledger.callNext(server.url, admin, 'desk-1')).toBe(200);
    ledger.verify(await backupOf(server.url, admin));
  });
});
