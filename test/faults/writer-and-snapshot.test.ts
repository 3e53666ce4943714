/**
 * A second writer and a snapshot that cannot be written. The data folder's lock is the
 * kernel's: deleting files does not let a second server in, a refused server does not release
 * the first one's lock, and a killed server leaves no stale lock. A snapshot that fails after
 * the journal holds the change still answers 201: the ticket exists and will be called.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../helpers/processes.ts';
import { http, login, removeDir, startTestServer, type TestServer, tempDataDir } from '../helpers/server.ts';
import { refusedStart } from './commands.ts';
import { backupOf, Ledger, waitFor } from './ledger.ts';

const PASSWORD = 'fault-suite-password';
const dirs: string[] = [];
const processes: ServerProcess[] = [];
const servers: TestServer[] = [];

afterEach(async () => {
  for (const p of processes.splice(0)) await p.stop('SIGKILL');
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) removeDir(d);
});

describe('one writer per data folder', () => {
  it('deleting files does not let a second server in; a refused start does not free the lock; a kill does', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const env = { LOTSE_DATA: dir, LOTSE_ADMIN_PASSWORD: PASSWORD };
    const first = await startServerProcess(env);
    processes.push(first);
    const admin = await login(first.url, 'admin', PASSWORD);
    const ledger = new Ledger();
    for (let i = 0; i < 5; i++) await ledger.draw(first.url, admin);

    // Whatever an operator deletes in the folder, a second server is refused.
    for (const name of readdirSync(dir)) if (name.endsWith('.lock') || name.endsWith('.pid')) rmSync(join(dir, name));
    rmSync(join(dir, 'lotse.lock'), { force: true });
    expect(await refusedStart(env)).toMatch(/Another Lotse server is using the data folder/);
    // The refused server did not take the first one's lock away.
    expect(await refusedStart(env)).toMatch(/Another Lotse server is using the data folder/);
    for (let i = 0; i < 5; i++) expect(await ledger.draw(first.url, admin)).toBe(201);

    // A killed server leaves no stale lock behind.
    await first.stop('SIGKILL');
    const second = await startServerProcess(env);
    processes.push(second);
    ledger.verify(await backupOf(second.url, await login(second.url, 'admin', PASSWORD)));
  });

  it('two stores in one process are refused too, and closing the refused one keeps the first one locked', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    servers.push(await startTestServer({ dataDir: dir }));
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/Another Lotse server/);
    await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/Another Lotse server/);
  });
});

describe('a snapshot that cannot be written', () => {
  it('still answers 201 for every ticket the journal holds, reports not ready, and recovers', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const server = await startTestServer({ dataDir: dir });
    servers.push(server);
    const admin = await login(server.url);
    // The snapshot's temp file name is taken by a folder: every snapshot write fails.
    // (The start's own snapshot may still be using that name for a moment: then try again.)
    const blocker = join(dir, `.live-day.json.${process.pid}.tmp`);
    await waitFor(
      async () => {
        try {
          mkdirSync(blocker);
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          return false;
        }
      },
      5_000,
      'the snapshot temp name free',
    );
    const ledger = new Ledger();
    const statuses = new Set<number>();
    // More changes than between two snapshots (200), so at least one snapshot is attempted.
    for (let i = 0; i < 230; i++) statuses.add(await ledger.draw(server.url, admin, i % 2 ? 'housing' : 'documents'));
    expect([...statuses]).toEqual([201]);
    expect((await http(server.url, 'GET', '/api/health')).status).toBe(503);

    rmSync(blocker, { recursive: true });
    await waitFor(async () => (await http(server.url, 'GET', '/api/health')).status === 200, 10_000, 'health 200');
    ledger.verify(await backupOf(server.url, admin));
    await server.stop();
    servers.length = 0;
    const again = await startTestServer({ dataDir: dir });
    servers.push(again);
    ledger.verify(await backupOf(again.url, await login(again.url)));
  });
});
