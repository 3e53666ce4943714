/** Administration: live configuration changes, staff accounts, device pairing. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  connectClient,
  createAccount,
  http,
  login,
  nextEvent,
  registerDevice,
  type TestServer,
} from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const scope = testScope();
let server: TestServer | undefined;

describe('office configuration', () => {
  it('is saved in the data folder and a change reaches open screens at once', async () => {
    server = await scope.server({ usePersistedOffice: true });
    const s = server;
    const admin = await login(s.url);
    const current = await http(s.url, 'GET', '/api/admin/config', undefined, admin);
    expect(current.body.office.id).toBe('demo');
    const screen = await connectClient(s.url);
    try {
      await screen.emitWithAck('screen:join', {});
      const office = structuredClone(current.body.office);
      office.concerns.push({ id: 'pension', prefix: 'R', name: 'Grundsicherung im Alter' });
      office.counters[1].concernIds.push('pension');
      const updated = nextEvent(screen, 'office:updated');
      const saved = await http(s.url, 'PUT', '/api/admin/config', { office, version: current.body.version }, admin);
      expect(saved.status).toBe(200);
      expect((await updated).concerns.map((c) => c.id)).toContain('pension');
      const stored = JSON.parse(readFileSync(join(s.dataDir, 'office.json'), 'utf8'));
      expect(stored.concerns.at(-1).id).toBe('pension');
      const ticket = await http(s.url, 'POST', '/api/tickets', { concernId: 'pension' });
      expect(ticket.body.ticket.number).toBe('R-001');

      // Saving over someone else's change is refused.
      const stale = await http(s.url, 'PUT', '/api/admin/config', { office, version: current.body.version }, admin);
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('CONFIG_CHANGED');
    } finally {
      screen.disconnect();
    }
  });

  it('an invalid configuration is refused with the fields named, and nothing changes', async () => {
    server = await scope.server({ usePersistedOffice: true });
    const s = server;
    const admin = await login(s.url);
    const current = (await http(s.url, 'GET', '/api/admin/config', undefined, admin)).body;
    const office = structuredClone(current.office);
    office.counters[0].concernIds.push('no-such-concern');
    office.timezone = 'Mars/Olympus';
    const r = await http(s.url, 'PUT', '/api/admin/config', { office }, admin);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.issues.map((i: { path: string }) => i.path)).toContain('timezone');
    expect((await http(s.url, 'GET', '/api/admin/config', undefined, admin)).body.version).toBe(current.version);
    const exported = await http(s.url, 'GET', '/api/admin/config/export', undefined, admin);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.id).toBe('demo');
  });
});

describe('staff accounts', () => {
  it('admins create, change, disable and remove accounts; the last admin stays', async () => {
    server = await scope.server();
    const s = server;
    const admin = await login(s.url);
    const created = await createAccount(s.url, admin, { username: 'maria', password: 'maria-password', role: 'clerk' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: 'maria', role: 'clerk', disabled: false });
    expect(
      (await createAccount(s.url, admin, { username: 'maria', password: 'another-password', role: 'clerk' })).status,
    ).toBe(409);
    expect(
      (await createAccount(s.url, admin, { username: 'kurz', password: 'short', role: 'clerk' })).body.error.code,
    ).toBe('WEAK_PASSWORD');

    const maria = await login(s.url, 'maria', 'maria-password');
    const disabled = await http(s.url, 'PATCH', '/api/admin/users/maria', { disabled: true }, admin);
    expect(disabled.body.user.disabled).toBe(true);
    expect((await http(s.url, 'GET', '/api/me', undefined, maria)).status).toBe(401);
    expect((await http(s.url, 'POST', '/api/login', { username: 'maria', password: 'maria-password' })).status).toBe(
      401,
    );
    await http(s.url, 'PATCH', '/api/admin/users/maria', { disabled: false, password: 'new-maria-password' }, admin);
    await login(s.url, 'maria', 'new-maria-password');

    const demote = await http(s.url, 'PATCH', '/api/admin/users/admin', { role: 'clerk' }, admin);
    expect(demote.status).toBe(409);
    expect(demote.body.error.code).toBe('LAST_ADMIN');
    expect((await http(s.url, 'DELETE', '/api/admin/users/admin', undefined, admin)).body.error.code).toBe(
      'LAST_ADMIN',
    );
    expect((await http(s.url, 'DELETE', '/api/admin/users/maria', undefined, admin)).status).toBe(200);
    expect((await http(s.url, 'DELETE', '/api/admin/users/maria', undefined, admin)).status).toBe(404);
    const audit = (await http(s.url, 'GET', '/api/admin/audit', undefined, admin)).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(audit).toEqual(expect.arrayContaining(['user:create', 'user:change', 'user:remove']));
  });
});

describe('device pairing', () => {
  it('with requireDevicePairing only paired kiosks draw tickets and paired screens show calls', async () => {
    const { demoOffice } = await import('../helpers/server.ts');
    server = await scope.server({ office: { ...demoOffice(), requireDevicePairing: true } });
    const s = server;
    const admin = await login(s.url);
    const anonymous = await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('DEVICE_REQUIRED');

    const kiosk = await registerDevice(s.url, admin, { kind: 'kiosk', name: 'Eingang links' });
    expect(kiosk.status).toBe(201);
    expect(kiosk.body.pairingUrl).toMatch(/^\/kiosk\?pair=/);
    const drawn = await fetch(`${s.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lotse-device': kiosk.body.token },
      body: JSON.stringify({ concernId: 'housing' }),
    });
    expect(drawn.status).toBe(201);

    const unpaired = await connectClient(s.url);
    expect(await unpaired.emitWithAck('screen:join', {})).toEqual({ ok: false, error: 'DEVICE_REQUIRED' });
    unpaired.disconnect();
    const screenDevice = await registerDevice(s.url, admin, { kind: 'screen', name: 'Wartebereich' });
    const { io } = await import('socket.io-client');
    const paired = io(s.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { device: screenDevice.body.token },
    });
    try {
      const joined = await paired.emitWithAck('screen:join', {});
      expect(joined.ok).toBe(true);
    } finally {
      paired.disconnect();
    }
    const devices = (await http(s.url, 'GET', '/api/admin/devices', undefined, admin)).body.devices;
    expect(devices.find((d: { name: string }) => d.name === 'Eingang links').lastSeenAt).not.toBeNull();
    expect(JSON.stringify(devices)).not.toContain(kiosk.body.token);

    await http(s.url, 'DELETE', `/api/admin/devices/${kiosk.body.device.id}`, undefined, admin);
    const revoked = await fetch(`${s.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lotse-device': kiosk.body.token },
      body: JSON.stringify({ concernId: 'housing' }),
    });
    expect(revoked.status).toBe(401);
    expect(existsSync(join(s.dataDir, 'devices.json'))).toBe(true);
  });
});
