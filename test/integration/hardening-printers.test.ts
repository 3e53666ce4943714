/**
 * Attacks on printing, performed against a real server: joining a kiosk's print agent without
 * (or by guessing) its key, printer settings that write to arbitrary files or outside the data
 * folder, and `tcp://` settings used as a port scanner through `/api/printers`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { connectPrintClient } from '../helpers/printing.ts';
import { demoOffice, http, login, type TestServer } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const STRONG_KEY = 'Vq8pZr2LxN5wKc7TfB3mHs9D';

const scope = testScope();
const { cleanup } = scope;
const server = (office: OfficeConfig = demoOffice()) =>
  scope.server({ office, printing: { pollIntervalMs: 60_000, waitMs: 300 } });

async function putConfig(s: TestServer, admin: string, change: (o: OfficeConfig) => OfficeConfig) {
  const current = await http(s.url, 'GET', '/api/admin/config', undefined, admin);
  return http(
    s.url,
    'PUT',
    '/api/admin/config',
    { version: current.body.version, office: change(current.body.office) },
    admin,
  );
}

describe('print agents', () => {
  it('a kiosk with an agent printer and no key (or a weak one) is refused; nobody joins it', async () => {
    const s = await server();
    const admin = await login(s.url);
    const keyless = await putConfig(s, admin, (o) => ({
      ...o,
      kiosks: [{ id: 'k1', name: 'Eingang', printer: 'agent' }],
    }));
    expect(keyless.status).toBe(400);
    expect(JSON.stringify(keyless.body.error.issues)).toMatch(/agentKey/);
    const weak = await putConfig(s, admin, (o) => ({
      ...o,
      kiosks: [{ id: 'k1', name: 'Eingang', printer: 'agent', agentKey: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    }));
    expect(weak.status).toBe(400);

    const socket = await connectPrintClient(s.url);
    cleanup.push(() => void socket.disconnect());
    expect(await socket.emitWithAck('agent:join', { kioskId: 'k1' })).toMatchObject({ ok: false });
  });

  it('guessing an agent key is throttled per client, and the right key then waits too', async () => {
    const s = await server({
      ...demoOffice(),
      kiosks: [{ id: 'k1', name: 'Eingang', printer: 'agent', agentKey: STRONG_KEY }],
    });
    const socket = await connectPrintClient(s.url);
    cleanup.push(() => void socket.disconnect());
    const answers: string[] = [];
    for (let i = 0; i < 15; i++) {
      const r = await socket.emitWithAck('agent:join', { kioskId: 'k1', key: `guess-${i}-${'x'.repeat(20)}` });
      answers.push(r.ok ? 'joined' : r.error);
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('FORBIDDEN'));
    expect(answers.slice(10)).toEqual(Array(5).fill('RATE_LIMITED'));
    expect(await socket.emitWithAck('agent:join', { kioskId: 'k1', key: STRONG_KEY })).toEqual({
      ok: false,
      error: 'RATE_LIMITED',
    });
  });
});

describe('printer settings from the admin app', () => {
  it('file: may name only allowed device files, virtual: only folders inside the data folder', async () => {
    const s = await server();
    const admin = await login(s.url);
    const victim = join(s.dataDir, 'staff.json');
    const before = readFileSync(victim, 'utf8');
    for (const printer of [`file:${victim}`, 'file:/dev/usb/../../tmp/x', 'virtual:../../..', 'virtual:/tmp']) {
      const r = await putConfig(s, admin, (o) => ({ ...o, kiosks: [{ id: 'k1', name: 'Eingang', printer }] }));
      expect(r.status, printer).toBe(400);
      expect(r.body.error.issues[0].path).toBe('kiosks.0.printer');
    }
    const allowed = await putConfig(s, admin, (o) => ({
      ...o,
      kiosks: [
        { id: 'k1', name: 'Eingang', printer: 'file:/dev/usb/lp0' },
        { id: 'k2', name: 'Halle', printer: 'virtual:hall' },
      ],
    }));
    expect(allowed.status).toBe(200);

    // Even a ticket drawn at such a kiosk writes nothing outside (the setting never took effect).
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing', kioskId: 'k2' });
    expect(readFileSync(victim, 'utf8')).toBe(before);
    expect(existsSync(join(s.dataDir, 'hall'))).toBe(true);
    expect(readdirSync(join(s.dataDir, 'hall')).length).toBeGreaterThan(0);
  });

  it('/api/printers does not tell a closed port from an open one that is no printer', async () => {
    const accepted: Socket[] = [];
    const silent: Server = createServer((socket) => {
      socket.on('error', () => undefined);
      accepted.push(socket); // accepts, never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of accepted) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const openPort = (silent.address() as { port: number }).port;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const s = await scope.server({
      office: {
        ...demoOffice(),
        kiosks: [
          { id: 'open', name: 'Offen', printer: `tcp://127.0.0.1:${openPort}` },
          { id: 'closed', name: 'Zu', printer: `tcp://127.0.0.1:${closedPort}` },
        ],
      },
      printing: { pollIntervalMs: 60_000, tcp: { connectTimeoutMs: 300, statusTimeoutMs: 300, retries: 0 } },
    });
    const admin = await login(s.url);
    const view = async (id: string) => {
      const all = (await http(s.url, 'GET', '/api/printers', undefined, admin)).body.printers as {
        id: string;
        checkedAt: string | null;
      }[];
      return all.find((p) => p.id === id);
    };
    await expect.poll(async () => (await view('kiosk:open'))?.checkedAt, { timeout: 5000 }).not.toBeNull();
    await expect.poll(async () => (await view('kiosk:closed'))?.checkedAt, { timeout: 5000 }).not.toBeNull();
    const shape = (v: Record<string, unknown> | undefined) => {
      const { id: _id, name: _name, target: _target, kioskIds: _k, checkedAt: _c, ...rest } = v ?? {};
      return rest;
    };
    expect(shape(await view('kiosk:open'))).toEqual(shape(await view('kiosk:closed')));
  });
});
