/**
 * Backups that restore: a busy office day (and the day before) is backed up while the server
 * runs, restored with `npm run restore` into an empty folder, and a fresh server on that folder
 * finds every ticket, account, appointment and statistic, and goes on numbering where it stopped.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../server/store/postgres-store.ts';
import { servicePerFile, startPostgres } from '../helpers/services.ts';
import { createAccount, http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const run = promisify(execFile);
const RESTORE = new URL('../../server/restore.ts', import.meta.url).pathname;
const restore = (...args: string[]) => run(process.execPath, ['--import', 'tsx', RESTORE, ...args]);
const CONCERNS = ['housing', 'education', 'subsistence', 'documents', 'certificates'];
const COUNTERS = ['desk-1', 'desk-2', 'desk-3', 'desk-4'];

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    await s.stop();
    removeDir(s.dataDir);
  }
  for (const d of dirs.splice(0)) removeDir(d);
});

interface Drawn {
  number: string;
  token: string;
}

describe('npm run restore', () => {
  it('restores a busy day into an empty folder: every ticket, account, appointment and statistic', async () => {
    let now = Date.parse('2026-11-23T08:00:00Z'); // Monday 09:00 in Berlin
    const a = await startTestServer({ clock: () => now, usePersistedOffice: true });
    servers.push(a);
    let admin = await login(a.url);
    const drawn: Drawn[] = [];
    const draw = async (concernId: string) => {
      const answer = await http(a.url, 'POST', '/api/tickets', { concernId });
      expect(answer.status).toBe(201);
      drawn.push({ number: answer.body.ticket.number, token: answer.body.ticket.statusUrl.slice(3) });
    };
    const act = (counter: string, action: string) =>
      http(a.url, 'POST', `/api/counters/${counter}/${action}`, undefined, admin);

    // Monday: 30 visitors, most served, one not shown up.
    for (let i = 0; i < 30; i++) await draw(CONCERNS[i % CONCERNS.length] as string);
    for (let round = 0; round < 5; round++) {
      for (const counter of COUNTERS) {
        now += 60_000;
        await act(counter, 'call-next');
        now += 4 * 60_000;
        await act(counter, round === 2 && counter === 'desk-3' ? 'no-show' : 'complete');
      }
    }
    const clerk = await createAccount(a.url, admin, {
      username: 'clerk-meyer',
      password: 'meyer-has-a-long-password',
      role: 'clerk',
    });
    expect(clerk.status).toBe(201);
    const booked: string[] = [];
    for (const start of ['2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z', '2026-11-25T09:30:00Z']) {
      const answer = await http(a.url, 'POST', '/api/appointments', { concernId: 'housing', start }, admin);
      expect(answer.status).toBe(201);
      booked.push(answer.body.appointment.id);
    }

    // Tuesday: the day rolls over; ten more visitors, three called.
    now = Date.parse('2026-11-24T08:00:00Z');
    admin = await login(a.url);
    for (let i = 0; i < 10; i++) await draw(CONCERNS[i % 2] as string);
    for (const counter of COUNTERS.slice(0, 3)) await act(counter, 'call-next');

    const statsBefore = await http(a.url, 'GET', '/api/stats?from=2026-11-23&to=2026-11-24&by=day', undefined, admin);
    expect(statsBefore.body.rows.length).toBeGreaterThan(0);
    const statusBefore = new Map<string, unknown>();
    for (const t of drawn) statusBefore.set(t.token, (await http(a.url, 'GET', `/api/status/${t.token}`)).body.ticket);
    const backup = await http(a.url, 'GET', '/api/backup', undefined, admin);
    expect(backup.status).toBe(200);
    const file = join(a.dataDir, 'backup.json');
    writeFileSync(file, JSON.stringify(backup.body));

    // Never over existing data: the folder of a running server is refused, untouched.
    const target = mkdtempSync(join(tmpdir(), 'lotse-restored-'));
    dirs.push(target);
    await expect(restore('--from', file, '--data', a.dataDir)).rejects.toMatchObject({
      stderr: expect.stringContaining('is not empty'),
    });
    await a.stop();

    const { stdout } = await restore('--from', file, '--data', target);
    expect(stdout).toContain(`Restored ${file} into ${target}: 10 tickets today, 30 archived tickets`);
    expect(stdout).toContain('2 staff accounts, 3 appointments');
    expect(existsSync(join(target, 'office.json'))).toBe(true);

    const b = await startTestServer({ dataDir: target, clock: () => now, usePersistedOffice: true });
    servers.push(b);
    // Every ticket, today's and yesterday's, as it was.
    for (const t of drawn) {
      const answer = await http(b.url, 'GET', `/api/status/${t.token}`);
      expect(answer.status, t.number).toBe(200);
      expect(answer.body.ticket).toEqual(statusBefore.get(t.token));
    }
    // Accounts: the clerk signs in with the password set before the backup.
    expect(
      (await http(b.url, 'POST', '/api/login', { username: 'clerk-meyer', password: 'meyer-has-a-long-password' }))
        .status,
    ).toBe(200);
    const bAdmin = await login(b.url);
    const restored = await http(b.url, 'GET', '/api/backup', undefined, bAdmin);
    expect(restored.body.appointments.map((x: { id: string }) => x.id).sort()).toEqual([...booked].sort());
    expect(restored.body.users.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'clerk-meyer']);
    expect(restored.body.stats).toEqual(backup.body.stats);
    expect(restored.body.archive).toEqual(backup.body.archive);
    // Statistics of both days, as before.
    const statsAfter = await http(b.url, 'GET', '/api/stats?from=2026-11-23&to=2026-11-24&by=day', undefined, bAdmin);
    // The alert minutes come back too; the restored server's live view may already have added
    // minutes of its own since it started, so those are compared day by day as at least as many.
    const { alertMinutes: minutesAfter, ...figuresAfter } = statsAfter.body;
    const { alertMinutes: minutesBefore, ...figuresBefore } = statsBefore.body;
    expect(figuresAfter).toEqual(figuresBefore);
    for (const day of minutesBefore as { day: string; warning: number; critical: number }[]) {
      const after = (minutesAfter as typeof minutesBefore).find((d: { day: string }) => d.day === day.day);
      expect(after?.warning).toBeGreaterThanOrEqual(day.warning);
      expect(after?.critical).toBeGreaterThanOrEqual(day.critical);
    }
    // Numbering goes on: no number of the day is handed out again.
    const next = await http(b.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(next.status).toBe(201);
    const today = drawn.slice(30).map((t) => t.number);
    expect(today).toContain('W-005');
    expect(next.body.ticket.number).toBe('W-006');
  });

  it('refuses a file that is not a Lotse backup, with a message naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-restore-bad-'));
    dirs.push(dir);
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'lotse-backup-1', liveDay: null, archive: 'x' }));
    const target = join(dir, 'data');
    await expect(restore('--from', file, '--data', target)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a Lotse backup: archive'),
    });
    expect(existsSync(join(target, 'live-day.json'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toContain('lotse-backup-1');
  });
});

describe('npm run restore into PostgreSQL', () => {
  const postgres = servicePerFile(startPostgres);

  it('restores into an empty database, refuses one that holds the office, and a newer schema is refused at start', async () => {
    // A Monday ahead of the real time: the PostgreSQL store drops sessions by the real time.
    const DAY = 86_400_000;
    const midnight = Math.floor(Date.now() / DAY) * DAY + 7 * DAY;
    const monday = midnight + ((8 - new Date(midnight).getUTCDay()) % 7) * DAY;
    const day = (n: number) => new Date(monday + n * DAY).toISOString().slice(0, 10);
    let now = monday + 8 * 3600_000; // 09:00 in Berlin
    const a = await startTestServer({ clock: () => now, usePersistedOffice: true });
    servers.push(a);
    let admin = await login(a.url);
    const tokens: string[] = [];
    const draw = async (concernId: string) => {
      const answer = await http(a.url, 'POST', '/api/tickets', { concernId });
      tokens.push(answer.body.ticket.statusUrl.slice(3));
    };
    for (let i = 0; i < 6; i++) await draw(CONCERNS[i % 3] as string);
    for (const counter of COUNTERS) {
      await http(a.url, 'POST', `/api/counters/${counter}/call-next`, undefined, admin);
      now += 5 * 60_000;
      await http(a.url, 'POST', `/api/counters/${counter}/complete`, undefined, admin);
    }
    await createAccount(a.url, admin, { username: 'clerk-kaya', password: 'kaya-has-a-long-password', role: 'clerk' });
    await http(a.url, 'POST', '/api/appointments', { concernId: 'housing', start: `${day(2)}T09:00:00Z` }, admin);
    now = monday + DAY + 8 * 3600_000;
    admin = await login(a.url);
    for (let i = 0; i < 3; i++) await draw('housing');
    const stats = await http(a.url, 'GET', `/api/stats?from=${day(0)}&to=${day(1)}&by=day`, undefined, admin);
    const backup = await http(a.url, 'GET', '/api/backup', undefined, admin);
    const file = join(a.dataDir, 'backup.json');
    writeFileSync(file, JSON.stringify(backup.body));
    await a.stop();

    const { stdout } = await restore('--from', file, '--database', postgres.service.url);
    expect(stdout).toContain('into the database (office demo): 3 tickets today, 6 archived tickets');
    await expect(restore('--from', file, '--database', postgres.service.url)).rejects.toMatchObject({
      stderr: expect.stringContaining('already holds data of office demo'),
    });

    const b = await startTestServer({ clock: () => now, databaseUrl: postgres.service.url, usePersistedOffice: true });
    servers.push(b);
    for (const token of tokens) expect((await http(b.url, 'GET', `/api/status/${token}`)).status).toBe(200);
    expect(
      (await http(b.url, 'POST', '/api/login', { username: 'clerk-kaya', password: 'kaya-has-a-long-password' }))
        .status,
    ).toBe(200);
    const bAdmin = await login(b.url);
    expect((await http(b.url, 'GET', `/api/stats?from=${day(0)}&to=${day(1)}&by=day`, undefined, bAdmin)).body).toEqual(
      stats.body,
    );
    expect((await http(b.url, 'GET', '/api/backup', undefined, bAdmin)).body.appointments).toHaveLength(1);
    expect((await http(b.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.ticket.number).toBe('W-004');
    await b.stop();
    servers.splice(servers.indexOf(b), 1);
    removeDir(b.dataDir);

    // A database a newer Lotse migrated is refused, unchanged.
    const { Client } = (await import('pg')).default;
    const client = new Client({ connectionString: postgres.service.url });
    await client.connect();
    await client.query('INSERT INTO lotse_migrations (version) VALUES (999)');
    await client.end();
    await expect(openPostgresStore(postgres.service.url, 'demo')).rejects.toThrow(
      /newer version of Lotse \(schema 999\)/,
    );
  });
});
