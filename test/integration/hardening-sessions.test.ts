/**
 * Attacks on sessions and accounts, performed against a real server: cross-site requests from a
 * sibling origin (form posts with the session cookie, socket.io handshakes), sockets that keep
 * staff updates after sign-out or account disable, one account pushing out other sessions,
 * weak passwords, a generated admin password used as is, formula cells in CSV exports, and data
 * files others on the machine can read.
 */
import { statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePassword, createAccount, demoOffice, http, login, nextEvent } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';
import { connectClient } from '../helpers/server.ts';

const { cleanup, server } = testScope();

/** A request as a browser sends it from a page of `origin`, with the staff's session cookie. */
async function fromPage(base: string, origin: string, token: string, path: string) {
  const r = await fetch(base + path, {
    method: 'POST',
    headers: { origin, cookie: `lotse_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'x=1',
  });
  return { status: r.status, body: (await r.json()) as { error?: { code: string } } };
}

/** The status line a socket.io WebSocket handshake gets when sent from `origin`. */
function handshakeStatus(base: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/socket.io/?EIO=4&transport=websocket`, {
      headers: {
        origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('cross-site requests', () => {
  it('a form post from another port of the same host is refused; the own origin and LOTSE_PUBLIC_URL pass', async () => {
    const s = await server({ publicUrl: 'https://lotse.example.org' });
    const token = await login(s.url);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const sibling = `http://127.0.0.1:${s.port + 1}`;
    const refused = await fromPage(s.url, sibling, token, '/api/counters/desk-2/call-next');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('FOREIGN_ORIGIN');
    expect((await fromPage(s.url, 'http://lotse.example.org.evil.test', token, '/api/logout')).status).toBe(403);
    expect((await http(s.url, 'GET', '/api/me', undefined, token)).status).toBe(200); // not signed out

    expect((await fromPage(s.url, s.url, token, '/api/counters/desk-2/call-next')).status).toBe(200);
    expect((await fromPage(s.url, 'https://lotse.example.org', token, '/api/logout')).status).toBe(200);
  });

  it('socket.io handshakes from another origin get 403', async () => {
    const s = await server();
    expect(await handshakeStatus(s.url, `http://127.0.0.1:${s.port + 1}`)).toBe(403);
    expect(await handshakeStatus(s.url, 'http://evil.test')).toBe(403);
    expect(await handshakeStatus(s.url, s.url)).toBe(101);
  });
});

describe('sessions', () => {
  it('a socket leaves the staff room when its session is signed out or its account disabled', async () => {
    const s = await server();
    const admin = await login(s.url);
    await s.ctx.auth.createUser('clerk1', 'clerk-password-1', 'clerk');
    const clerkToken = await login(s.url, 'clerk1', 'clerk-password-1');
    const adminToken2 = await login(s.url);
    const clerk = await connectClient(s.url, clerkToken);
    const second = await connectClient(s.url, adminToken2);
    cleanup.push(() => void clerk.disconnect());
    cleanup.push(() => void second.disconnect());
    expect((await clerk.emitWithAck('counter:watch', { counterId: 'desk-2' })).ok).toBe(true);
    expect((await second.emitWithAck('counter:watch', { counterId: 'desk-3' })).ok).toBe(true);

    await http(s.url, 'PATCH', '/api/admin/users/clerk1', { disabled: true }, admin);
    await http(s.url, 'POST', '/api/logout', undefined, adminToken2);
    let leaked = 0;
    clerk.on('counter:updated', () => leaked++);
    second.on('counter:updated', () => leaked++);
    // A fresh watcher sees the updates that the two old sockets must no longer get.
    const watcher = await connectClient(s.url, admin);
    cleanup.push(() => void watcher.disconnect());
    expect((await watcher.emitWithAck('counter:watch', { counterId: 'desk-1' })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const update = nextEvent(watcher, 'counter:updated');
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await update;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaked).toBe(0);
  });

  it('signing in again and again ends only the oldest sessions of the same account', async () => {
    const s = await server();
    const admin = await login(s.url);
    await s.ctx.auth.createUser('clerk1', 'clerk-password-1', 'clerk');
    const first = await login(s.url, 'clerk1', 'clerk-password-1');
    for (let i = 0; i < 25; i++) await login(s.url, 'clerk1', 'clerk-password-1');
    await new Promise((resolve) => setTimeout(resolve, 5100)); // past the per-process session cache
    expect((await http(s.url, 'GET', '/api/me', undefined, first)).status).toBe(401);
    expect((await http(s.url, 'GET', '/api/me', undefined, admin)).status).toBe(200);
  });
});

describe('accounts', () => {
  it('weak and common passwords are refused', async () => {
    const s = await server();
    const admin = await login(s.url);
    for (const password of [
      '12345678',
      ' '.repeat(12),
      '123456789012',
      'Passwort2024!',
      'qwertz-qwertz',
      'aaaaaaaaaaaaaaaa',
    ]) {
      const r = await createAccount(s.url, admin, { username: 'maria', password, role: 'clerk' });
      expect(r.status, password).toBe(400);
      expect(r.body.error.code).toBe('WEAK_PASSWORD');
    }
    const ok = await createAccount(s.url, admin, { username: 'maria', password: 'Mond-Fahrrad-71', role: 'clerk' });
    expect(ok.status).toBe(201);
  });

  it('a generated admin password must be changed before anything else', async () => {
    const running = await server({ generateAdminPassword: true });
    const base = running.url;
    const generated = running.generatedAdminPassword as string;
    expect(generated).toBeTruthy();
    const token = await login(base, 'admin', generated);
    const refused = await http(base, 'GET', '/api/admin/users', undefined, token);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await changePassword(base, token, generated, 'short');
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const newPassword = 'Leuchtturm-am-Hafen-9';
    const changed = await changePassword(base, token, generated, newPassword);
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBeUndefined();
    expect((await http(base, 'GET', '/api/admin/users', undefined, changed.body.token)).status).toBe(200);
    expect((await http(base, 'GET', '/api/me', undefined, token)).status).toBe(401);
    expect((await http(base, 'POST', '/api/login', { username: 'admin', password: newPassword })).status).toBe(200);
  });

  it('CSV exports neutralise cells that a spreadsheet would run as formulas', async () => {
    const office = demoOffice();
    office.concerns = office.concerns.map((c) =>
      c.id === 'housing' ? { ...c, name: '=HYPERLINK("http://x.test","y")' } : c,
    );
    office.counters = office.counters.map((c) => (c.id === 'desk-2' ? { ...c, name: '@SUM(A1)' } : c));
    const s = await server({ office });
    const admin = await login(s.url);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    await http(s.url, 'POST', '/api/counters/desk-2/complete', undefined, admin);
    for (const dialect of ['de', 'en']) {
      const stats = String(
        (await http(s.url, 'GET', `/api/stats?by=day&format=csv&dialect=${dialect}`, undefined, admin)).body,
      );
      const counters = String(
        (await http(s.url, 'GET', `/api/stats/counters?by=day&format=csv&dialect=${dialect}`, undefined, admin)).body,
      );
      expect(stats).toContain(`"'=HYPERLINK(""http://x.test"",""y"")"`);
      expect(counters).toContain(`'@SUM(A1)`);
      const cells = `${stats}\n${counters}`.split(/[\r\n,;]/).map((c) => c.replace(/^\uFEFF?"?/, ''));
      expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([]);
    }
  });

  it('staff.json and the day files are readable by the server user only', async () => {
    const s = await server();
    await s.ctx.auth.createUser('clerk1', 'clerk-password-1', 'clerk');
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(statSync(join(s.dataDir, 'staff.json')).mode & 0o077).toBe(0);
  });
});
