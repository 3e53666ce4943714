/**
 * A PostgreSQL database that stops taking writes (set read-only, as for maintenance or after a
 * failover left a standby): a real server on a real PostgreSQL on loopback answers its kiosks
 * 503 STORAGE_UNAVAILABLE (not 500), says so in /api/health, and works again, with nothing of
 * the refused tickets stored, once the database takes writes again.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresPerFile } from '../helpers/services.ts';
import { http, login, startTestServer, type TestServer } from '../helpers/server.ts';

const { database } = postgresPerFile();
let server: TestServer | undefined;

afterAll(async () => {
  await server?.stop();
});

/** Sets the database read-only (or not) and ends its open connections, so every new one sees it. */
async function setReadOnly(url: string, name: string, on: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${admin.escapeIdentifier(name)} SET default_transaction_read_only = ${on}`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  } finally {
    await admin.end();
  }
}

/** Draws tickets until `count` answers in a row have `status` (the pool reconnects first). */
async function drawUntil(base: string, token: string, status: number, count: number) {
  const answers: { status: number; code?: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const r = await http(base, 'POST', '/api/tickets', { concernId: 'housing' }, token);
    answers.push({ status: r.status, code: r.body?.error?.code });
    if (answers.length >= count && answers.slice(-count).every((a) => a.status === status)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return answers;
}

describe('a PostgreSQL database that stops taking writes', () => {
  it('is answered 503 STORAGE_UNAVAILABLE and reported by /api/health until it takes writes again', async () => {
    const name = 'readonly';
    const url = await database(name);
    server = await startTestServer({ databaseUrl: url });
    const token = await login(server.url);
    const before = await drawUntil(server.url, token, 201, 2);
    expect(before.slice(-2).map((a) => a.status)).toEqual([201, 201]);

    await setReadOnly(url, name, true);
    const refused = await drawUntil(server.url, token, 503, 3);
    expect(refused.slice(-3)).toEqual([
      { status: 503, code: 'STORAGE_UNAVAILABLE' },
      { status: 503, code: 'STORAGE_UNAVAILABLE' },
      { status: 503, code: 'STORAGE_UNAVAILABLE' },
    ]);
    expect(refused.every((a) => a.status === 503)).toBe(true);
    const health = await http(server.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body.checks).toEqual({ store: false });

    await setReadOnly(url, name, false);
    const after = await drawUntil(server.url, token, 201, 2);
    expect(after.slice(-2).map((a) => a.status)).toEqual([201, 201]);
    expect((await http(server.url, 'GET', '/api/health')).status).toBe(200);
    const stored = new pg.Client({ connectionString: url });
    await stored.connect();
    try {
      const r = await stored.query<{ n: string }>('SELECT count(*) AS n FROM live_tickets');
      // The tickets answered 201, and none of the refused ones.
      const issued = [...before, ...after].filter((a) => a.status === 201).length;
      expect(Number(r.rows[0]?.n)).toBe(issued);
    } finally {
      await stored.end();
    }
  });
});
