/**
 * Staff sessions are stored with the data (lowdb: sessions.json in the data folder), so a
 * restart of the server signs nobody out; signing out, disabling the account and changing the
 * password still end them, also across a restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  changePassword,
  createAccount,
  http,
  login,
  removeDir,
  startTestServer,
  tempDataDir,
  type TestServer,
} from '../helpers/server.ts';

const CLERK_PASSWORD = 'Schalterdienst-am-Morgen-7';
const cleanup: (() => Promise<void> | void)[] = [];
let running: TestServer | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function start(dataDir: string): Promise<string> {
  await running?.stop();
  running = await startTestServer({ dataDir });
  return running.url;
}

/** `GET /api/me` with the session as a browser sends it: the cookie. */
async function meByCookie(base: string, token: string): Promise<number> {
  const r = await fetch(`${base}/api/me`, { headers: { cookie: `lotse_session=${encodeURIComponent(token)}` } });
  await r.arrayBuffer();
  return r.status;
}

describe('stored sessions', () => {
  it('a clerk stays signed in, at the same counter, when the server restarts; after sign-out the token is dead', async () => {
    const dataDir = tempDataDir();
    cleanup.push(() => removeDir(dataDir));
    let base = await start(dataDir);
    const admin = await login(base);
    const created = await createAccount(base, admin, { username: 'clerk1', password: CLERK_PASSWORD, role: 'clerk' });
    expect(created.status).toBe(201);
    const clerk = await login(base, 'clerk1', CLERK_PASSWORD);
    expect((await http(base, 'POST', '/api/counters/desk-2/sign-in', undefined, clerk)).status).toBe(200);
    expect(readFileSync(join(dataDir, 'sessions.json'), 'utf8')).not.toContain(clerk);

    base = await start(dataDir);
    expect(await meByCookie(base, clerk)).toBe(200);
    expect(await meByCookie(base, admin)).toBe(200);
    const me = await http(base, 'GET', '/api/me', undefined, clerk);
    expect(me.body.user.username).toBe('clerk1');
    // The counter binding survived too: the clerk acts at desk-2 and only there.
    await http(base, 'POST', '/api/tickets', { concernId: 'housing' });
    expect((await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, clerk)).status).toBe(200);
    expect((await http(base, 'POST', '/api/counters/desk-1/call-next', undefined, clerk)).status).toBe(403);

    expect((await http(base, 'POST', '/api/logout', undefined, clerk)).status).toBe(200);
    expect(await meByCookie(base, clerk)).toBe(401);
    base = await start(dataDir);
    expect(await meByCookie(base, clerk)).toBe(401);
    expect(await meByCookie(base, admin)).toBe(200);
  });

  it('disabling the account or changing its password ends its stored sessions for good', async () => {
    const dataDir = tempDataDir();
    cleanup.push(() => removeDir(dataDir));
    let base = await start(dataDir);
    const admin = await login(base);
    for (const username of ['clerk1', 'clerk2']) {
      await createAccount(base, admin, { username, password: CLERK_PASSWORD, role: 'clerk' });
    }
    const first = await login(base, 'clerk1', CLERK_PASSWORD);
    const second = await login(base, 'clerk2', CLERK_PASSWORD);
    expect((await http(base, 'PATCH', '/api/admin/users/clerk1', { disabled: true }, admin)).status).toBe(200);
    const changed = await changePassword(base, second, CLERK_PASSWORD, 'Neues-Kennwort-im-Dezember-4');
    expect(changed.status).toBe(200);
    const renewed = changed.body.token as string;

    base = await start(dataDir);
    expect(await meByCookie(base, first)).toBe(401);
    expect(await meByCookie(base, second)).toBe(401);
    expect(await meByCookie(base, renewed)).toBe(200);
  });
});
