/**
 * Every staff action over HTTP and every staff socket event, tried without a session, with a
 * forged token, with the wrong role and at another counter: all refused, nothing changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents } from '../../core/events.ts';
import { testScope } from '../helpers/scope.ts';
import { http, login, newClerk, type TestServer } from '../helpers/server.ts';

const file = testScope({ perFile: true });
let server: TestServer;
let admin: string;
let clerk: string;

beforeAll(async () => {
  server = await file.server();
  admin = await login(server.url);
  clerk = await newClerk(server, 'clerk-a', 'clerk-a-password');
  // The clerk signs in to desk-2 only.
  expect((await http(server.url, 'POST', '/api/counters/desk-2/sign-in', undefined, clerk)).status).toBe(200);
  for (let i = 0; i < 3; i++) await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' });
});

const COUNTER_ACTIONS: [string, unknown][] = [
  ['call-next', undefined],
  ['call', { ticketId: '00000000-0000-4000-8000-000000000000' }],
  ['start', undefined],
  ['park', undefined],
  ['return', { ticketId: '00000000-0000-4000-8000-000000000000' }],
  ['recall', undefined],
  ['complete', undefined],
  ['no-show', undefined],
  ['transfer', { concernId: 'education' }],
  ['status', { status: 'paused', reason: 'Pause' }],
  ['undo', undefined],
  ['requeue', undefined],
];

const ADMIN_ROUTES: [string, string, unknown][] = [
  ['GET', '/api/stats', undefined],
  ['GET', '/api/backup', undefined],
  ['GET', '/api/admin/config', undefined],
  ['PUT', '/api/admin/config', { office: {} }],
  ['GET', '/api/admin/config/export', undefined],
  ['GET', '/api/admin/users', undefined],
  ['POST', '/api/admin/users', { username: 'eve', password: 'eve-password-1', role: 'admin' }],
  ['PATCH', '/api/admin/users/admin', { role: 'clerk' }],
  ['DELETE', '/api/admin/users/admin', undefined],
  ['GET', '/api/admin/devices', undefined],
  ['POST', '/api/admin/devices', { kind: 'kiosk', name: 'Fake' }],
  ['DELETE', '/api/admin/devices/00000000-0000-4000-8000-000000000000', undefined],
  ['GET', '/api/admin/audit', undefined],
  ['POST', '/api/admin/counters/desk-1/release', { how: 'requeue', number: 'A-001' }],
];

async function seqNow() {
  return (await http(server.url, 'GET', '/api/queue')).body.seq as number;
}

describe('HTTP staff actions', () => {
  for (const [action, body] of COUNTER_ACTIONS) {
    it(`${action}: refused without a session, with a forged token, and at another counter`, async () => {
      const before = await seqNow();
      const none = await http(server.url, 'POST', `/api/counters/desk-2/${action}`, body);
      expect(none.status).toBe(401);
      const forged = await http(server.url, 'POST', `/api/counters/desk-2/${action}`, body, 'x'.repeat(43));
      expect(forged.status).toBe(401);
      const elsewhere = await http(server.url, 'POST', `/api/counters/desk-4/${action}`, body, clerk);
      expect(elsewhere.status).toBe(403);
      expect(elsewhere.body.error.code).toBe('FORBIDDEN');
      expect(await seqNow()).toBe(before);
    });
  }

  it('the clerk may act at the counter signed in to', async () => {
    const r = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, clerk);
    expect(r.status).toBe(200);
    expect(r.body.ticket.counterId).toBe('desk-2');
  });

  for (const [method, path, body] of ADMIN_ROUTES) {
    it(`${method} ${path}: refused without a session (401), with a forged token (401), for a clerk (403)`, async () => {
      expect((await http(server.url, method, path, body)).status).toBe(401);
      expect((await http(server.url, method, path, body, 'forged-token-forged-token')).status).toBe(401);
      const asClerk = await http(server.url, method, path, body, clerk);
      expect(asClerk.status).toBe(403);
      expect(asClerk.body.error.code).toBe('FORBIDDEN');
    });
  }

  it('appointments: staff only (401 without a session or with a forged token); clerks book by phone, so they may', async () => {
    const body = { concernId: 'housing', start: '2026-12-01T09:00:00Z' };
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, b] of [
      ['GET', '/api/appointments', undefined],
      ['GET', '/api/appointments/slots?concernId=housing&date=2026-12-01', undefined],
      ['POST', '/api/appointments', body],
      ['PATCH', `/api/appointments/${id}`, { start: body.start }],
      ['DELETE', `/api/appointments/${id}`, undefined],
      ['POST', `/api/appointments/${id}/print`, {}],
    ] as const) {
      expect((await http(server.url, method, path, b)).status, `${method} ${path}`).toBe(401);
      expect((await http(server.url, method, path, b, 'forged-token-forged-token')).status).toBe(401);
    }
    expect((await http(server.url, 'GET', '/api/appointments', undefined, clerk)).status).toBe(200);
  });

  it('nothing was changed by the refused attempts', async () => {
    const users = await http(server.url, 'GET', '/api/admin/users', undefined, admin);
    expect(users.body.users.map((u: { username: string; role: string }) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['clerk-a', 'clerk'],
    ]);
    expect((await http(server.url, 'GET', '/api/admin/devices', undefined, admin)).body.devices).toEqual([]);
    expect((await http(server.url, 'GET', '/api/appointments', undefined, admin)).body.appointments).toEqual([]);
  });
});

describe('socket staff events', () => {
  type Staff = Extract<keyof ClientToServerEvents, `counter:${string}`>;
  const EVENTS: [Staff, Record<string, unknown>][] = [
    ['counter:watch', { counterId: 'desk-4' }],
    ['counter:callNext', { counterId: 'desk-4' }],
    ['counter:recall', { counterId: 'desk-4' }],
    ['counter:callSpecific', { counterId: 'desk-4', ticketId: 'x' }],
    ['counter:start', { counterId: 'desk-4' }],
    ['counter:park', { counterId: 'desk-4' }],
    ['counter:returnParked', { counterId: 'desk-4', ticketId: 'x' }],
    ['counter:complete', { counterId: 'desk-4' }],
    ['counter:noShow', { counterId: 'desk-4' }],
    ['counter:transfer', { counterId: 'desk-4', concernId: 'education' }],
    ['counter:setStatus', { counterId: 'desk-4', status: 'closed' }],
  ];

  const socketFor = (token?: string) => file.client(server.url, token);

  for (const [event, payload] of EVENTS) {
    it(`${event}: refused without a session and with a forged token`, async () => {
      for (const s of [await socketFor(), await socketFor('forged-token-forged-token')]) {
        const ack = await (s.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(event, payload);
        expect(ack).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
      }
    });
  }

  for (const [event, payload] of EVENTS.filter(([e]) => e !== 'counter:watch')) {
    it(`${event}: a clerk signed in to desk-2 is refused at desk-4`, async () => {
      const s = await socketFor(clerk);
      expect(await s.emitWithAck('counter:watch', { counterId: 'desk-2' })).toMatchObject({ ok: true });
      const ack = await (s.emitWithAck as (e: string, p: unknown) => Promise<unknown>)(event, payload);
      expect(ack).toEqual({ ok: false, error: 'FORBIDDEN' });
    });
  }

  it('an admin may act at any counter, and every action is in the audit log', async () => {
    const s = await socketFor(admin);
    const ack = await s.emitWithAck('counter:setStatus', { counterId: 'desk-4', status: 'paused', reason: 'Mittag' });
    expect(ack).toMatchObject({ ok: true, data: { status: 'paused', pauseReason: 'Mittag' } });
    const audit = await http(server.url, 'GET', '/api/admin/audit?limit=5', undefined, admin);
    expect(audit.body.entries[0]).toMatchObject({ username: 'admin', action: 'counter:setStatus', target: 'desk-4' });
    expect(JSON.stringify(audit.body)).not.toMatch(/token/i);
  });
});
