/** Retention: ticket details go after the retention period, the statistics stay; backups. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { demoOffice, http, login, type TestServer } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const run = promisify(execFile);
const scope = testScope();
let server: TestServer | undefined;

describe('retention', () => {
  it('deletes ticket details older than the retention period and keeps the statistics', async () => {
    let now = Date.parse('2026-11-02T09:00:00Z');
    server = await scope.server({ office: { ...demoOffice(), retentionDays: 2 }, clock: () => now });
    const s = server;
    const admin = await login(s.url);
    const first = (await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket;
    await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    now += 6 * 60_000;
    await http(s.url, 'POST', '/api/counters/desk-2/complete', undefined, admin);
    for (const day of ['2026-11-03', '2026-11-04', '2026-11-05']) {
      now = Date.parse(`${day}T09:00:00Z`);
      await http(s.url, 'POST', '/api/tickets', { concernId: 'documents' });
    }
    expect(existsSync(join(s.dataDir, 'archive', '2026-11-02.json'))).toBe(false);
    expect(existsSync(join(s.dataDir, 'archive', '2026-11-03.json'))).toBe(true);
    expect(existsSync(join(s.dataDir, 'stats', '2026-11-02.json'))).toBe(true);
    expect(readFileSync(join(s.dataDir, 'stats', '2026-11-02.json'), 'utf8')).not.toContain(first.number);

    const gone = await http(s.url, 'GET', `/api/status/${first.statusUrl.slice(3)}`);
    expect(gone.status).toBe(404);
    // Sessions last 12 hours; three days have passed.
    expect((await http(s.url, 'GET', '/api/me', undefined, admin)).status).toBe(401);
    const manager = await login(s.url);
    const stats = await http(s.url, 'GET', '/api/stats?from=2026-11-02&to=2026-11-02&by=day', undefined, manager);
    expect(stats.body.rows).toMatchObject([
      {
        period: '2026-11-02',
        concernId: 'housing',
        issued: 1,
        served: 1,
        noShow: 0,
        avgWaitMinutes: 0,
        p90WaitMinutes: 0,
        avgServiceMinutes: 6,
      },
    ]);
  });
});

describe('backup', () => {
  it('GET /api/backup gives admins everything in one consistent file', async () => {
    server = await scope.server();
    const s = server;
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect((await http(s.url, 'GET', '/api/backup')).status).toBe(401);
    const backup = await http(s.url, 'GET', '/api/backup', undefined, await login(s.url));
    expect(backup.status).toBe(200);
    expect(backup.body.format).toBe('lotse-backup-1');
    expect(backup.body.liveDay.tickets).toHaveLength(1);
    expect(backup.body.users[0].username).toBe('admin');
  });

  it('npm run backup refuses a folder a server holds, and copies it once the server stopped', async () => {
    server = await scope.server();
    const s = server;
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const out = join(s.dataDir, 'backup.json');
    const script = new URL('../../server/backup.ts', import.meta.url).pathname;
    const args = ['--import', 'tsx', script, '--data', s.dataDir, '--out', out];
    await expect(run(process.execPath, args)).rejects.toMatchObject({
      stderr: expect.stringContaining('Another Lotse server'),
    });
    await s.stop();
    const { stdout } = await run(process.execPath, args);
    expect(stdout).toContain('Backup of');
    expect(JSON.parse(readFileSync(out, 'utf8')).liveDay.tickets).toHaveLength(1);
  });
});
