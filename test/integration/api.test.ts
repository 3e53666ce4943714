/**
 * The public HTTP API against a real server on a random loopback port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let base: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  base = server.url;
  admin = await login(base);
});

afterAll(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

const issue = (concernId: string, extra: Record<string, unknown> = {}) =>
  http(base, 'POST', '/api/tickets', { concernId, ...extra });

describe('public endpoints', () => {
  it('GET /api/health answers ok', async () => {
    const r = await http(base, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok' });
  });

  it('GET /api/office lists concerns and counters without internal fields', async () => {
    const r = await http(base, 'GET', '/api/office');
    expect(r.status).toBe(200);
    expect(r.body.timezone).toBe('Europe/Berlin');
    expect(r.body.concerns.map((c: { id: string }) => c.id)).toContain('housing');
    const housing = r.body.concerns.find((c: { id: string }) => c.id === 'housing');
    expect(housing).toMatchObject({ prefix: 'W', name: 'Wohngeld' });
    expect(housing.serviceMinutes).toBeUndefined();
    expect(r.body.counters[0]).toHaveProperty('concernIds');
    expect(r.body.openingHours.weekly.mon).toEqual([{ from: '09:00', to: '12:30' }]);
  });

  it('sends security headers with a content security policy', async () => {
    const r = await http(base, 'GET', '/api/health');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('drawing tickets', () => {
  it('POST /api/tickets gives a numbered ticket with an unguessable status URL', async () => {
    const r = await issue('certificates', { language: 'en' });
    expect(r.status).toBe(201);
    const t = r.body.ticket;
    expect(t.number).toMatch(/^C-\d{3}$/);
    expect(t.status).toBe('waiting');
    expect(t.concernId).toBe('certificates');
    expect(typeof t.waitingAhead).toBe('number');
    expect(typeof t.estimatedWaitMinutes).toBe('number');
    expect(t.statusUrl).toMatch(/^\/t\/[A-Za-z0-9_-]{22,}$/);
    expect(t.concernName).toBe('Certificates');
  });

  it('numbers run on per concern', async () => {
    const a = await issue('education');
    const b = await issue('education');
    const na = Number(a.body.ticket.number.slice(2));
    expect(b.body.ticket.number).toBe(`B-${String(na + 1).padStart(3, '0')}`);
    expect(b.body.ticket.waitingAhead).toBe(a.body.ticket.waitingAhead + 1);
  });

  it('the same idempotency key gives the same ticket once', async () => {
    const key = 'touch-0123456789';
    const first = await issue('documents', { idempotencyKey: key });
    const second = await issue('documents', { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.ticket.id).toBe(first.body.ticket.id);
  });

  it('refuses an unknown concern with 404 and an info-only concern with 409', async () => {
    const unknown = await issue('nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_CONCERN');
    const info = await issue('online');
    expect(info.status).toBe(409);
    expect(info.body.error.code).toBe('INFO_ONLY_CONCERN');
  });

  it('GET /api/status/:token shows the visitor their own ticket', async () => {
    const t = (await issue('housing', { language: 'tr' })).body.ticket;
    const r = await http(base, 'GET', `/api/status/${t.statusUrl.slice(3)}`);
    expect(r.status).toBe(200);
    expect(r.body.ticket).toMatchObject({ id: t.id, number: t.number, status: 'waiting', language: 'tr' });
    const missing = await http(base, 'GET', '/api/status/AAAAAAAAAAAAAAAAAAAAAA');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('UNKNOWN_TICKET');
  });
});

describe('staff sign-in', () => {
  it('sets an httpOnly session cookie and returns a bearer token', async () => {
    const r = await http(base, 'POST', '/api/login', { username: 'admin', password: 'test-admin-password' });
    expect(r.status).toBe(200);
    expect(r.body.user).toEqual({ username: 'admin', role: 'admin' });
    expect(r.headers.get('set-cookie')).toMatch(/lotse_session=.+HttpOnly.*SameSite=Strict/i);
    const me = await http(base, 'GET', '/api/me', undefined, r.body.token);
    expect(me.body.user.username).toBe('admin');
  });
});

describe('counter actions', () => {
  it('need a signed-in clerk or admin', async () => {
    const r = await http(base, 'POST', '/api/counters/desk-2/call-next');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, 'forged-token');
    expect(forged.status).toBe(401);
  });

  it('call next, recall, transfer and complete follow the visitor', async () => {
    // desk-2 serves housing only: drain what waits there first.
    let drained = await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    while (drained.body.ticket) drained = await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(drained.status).toBe(200);
    expect(drained.body).toEqual({ ticket: null });

    const drawn = (await issue('housing')).body.ticket;
    const called = await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: drawn.id, status: 'called', counterName: 'Platz 2' });

    const queue = await http(base, 'GET', '/api/queue');
    expect(queue.body.called).toContainEqual(expect.objectContaining({ number: drawn.number, counterId: 'desk-2' }));

    const recalled = await http(base, 'POST', '/api/counters/desk-2/recall', undefined, admin);
    expect(recalled.body.ticket.callCount).toBe(2);

    const moved = await http(base, 'POST', '/api/counters/desk-2/transfer', { concernId: 'education' }, admin);
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ number: drawn.number, concernId: 'education', status: 'waiting' });
    expect(moved.body.ticket.issuedAt).toBe(drawn.issuedAt);

    const none = await http(base, 'POST', '/api/counters/desk-2/complete', undefined, admin);
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('NO_CURRENT_TICKET');
  });

  it('complete and no-show close the current ticket', async () => {
    await issue('subsistence');
    await issue('subsistence');
    const first = await http(base, 'POST', '/api/counters/desk-4/call-next', undefined, admin);
    const done = await http(base, 'POST', '/api/counters/desk-4/complete', undefined, admin);
    expect(done.body.ticket).toMatchObject({ id: first.body.ticket.id, status: 'done' });
    const second = await http(base, 'POST', '/api/counters/desk-4/call-next', undefined, admin);
    const gone = await http(base, 'POST', '/api/counters/desk-4/no-show', undefined, admin);
    expect(gone.body.ticket).toMatchObject({ id: second.body.ticket.id, status: 'no-show' });
  });

  it('an unknown counter is a 404', async () => {
    const r = await http(base, 'POST', '/api/counters/desk-99/call-next', undefined, admin);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('UNKNOWN_COUNTER');
  });
});

describe('appointments', () => {
  it('admins book an appointment and the visitor checks in with its code', async () => {
    const start = new Date(Date.now() + 5 * 60_000).toISOString();
    const unauth = await http(base, 'POST', '/api/appointments', { code: 'A-4711', concernId: 'housing', start });
    expect(unauth.status).toBe(401);
    const booked = await http(
      base,
      'POST',
      '/api/appointments',
      { code: 'A-4711', concernId: 'housing', start },
      admin,
    );
    expect(booked.status).toBe(201);
    expect(booked.body.appointment).toMatchObject({ code: 'A-4711', concernId: 'housing', start });
    const twice = await http(base, 'POST', '/api/appointments', { code: 'A-4711', concernId: 'housing', start }, admin);
    expect(twice.status).toBe(409);

    const checkin = await issue('housing', { appointmentCode: 'A-4711' });
    expect(checkin.status).toBe(201);
    expect(checkin.body.ticket.appointmentAt).toBe(start);
    const again = await issue('housing', { appointmentCode: 'A-4711' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('APPOINTMENT_USED');
    const unknown = await issue('housing', { appointmentCode: 'NOPE-1' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UNKNOWN_APPOINTMENT');
  });
});

describe('statistics', () => {
  it('GET /api/stats counts today per concern, as JSON and CSV, for admins only', async () => {
    const denied = await http(base, 'GET', '/api/stats');
    expect(denied.status).toBe(401);
    const r = await http(base, 'GET', '/api/stats?by=day', undefined, admin);
    expect(r.status).toBe(200);
    const subsistence = r.body.rows.find((row: { concernId: string }) => row.concernId === 'subsistence');
    expect(subsistence).toMatchObject({ issued: 2, served: 1, noShow: 1 });
    expect(subsistence.period).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const csv = await http(base, 'GET', '/api/stats?by=day&format=csv&dialect=en', undefined, admin);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = String(csv.body).trim().split('\n');
    // The contract's columns first; more figures and a total row per period (concernId `*`) follow.
    expect(lines[0]).toMatch(
      /^period,concernId,issued,served,noShow,avgWaitMinutes,p90WaitMinutes,avgServiceMinutes(,|$)/,
    );
    expect(lines.length).toBe(r.body.rows.length + r.body.totals.length + 1);
    const bad = await http(base, 'GET', '/api/stats?by=year', undefined, admin);
    expect(bad.status).toBe(400);
  });
});

describe('bad input', () => {
  const cases: [string, string, string, unknown][] = [
    ['malformed JSON', 'POST', '/api/tickets', '{"concernId":'],
    ['missing concern', 'POST', '/api/tickets', {}],
    ['wrong type', 'POST', '/api/tickets', { concernId: 42 }],
    ['unknown language', 'POST', '/api/tickets', { concernId: 'housing', language: 'xx' }],
    ['array body', 'POST', '/api/tickets', [1, 2, 3]],
    ['huge body', 'POST', '/api/tickets', { concernId: 'housing', pad: 'x'.repeat(100_000) }],
    ['login without password', 'POST', '/api/login', { username: 'admin' }],
    ['bad token', 'GET', '/api/status/..%2F..%2Fetc', undefined],
    ['unknown route', 'GET', '/api/nothing-here', undefined],
    ['bad appointment time', 'POST', '/api/appointments', { code: 'X-1', concernId: 'housing', start: 'tomorrow' }],
  ];
  for (const [name, method, path, body] of cases) {
    it(`${name} gets a 4xx with an error code`, async () => {
      const token = path.startsWith('/api/appointments') ? admin : undefined;
      const r = await http(base, method, path, body, token);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.error.code).toMatch(/^[A-Z_]+$/);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts|SyntaxError|stack/);
    });
  }

  it('the server still answers after all of it', async () => {
    expect((await http(base, 'GET', '/api/health')).status).toBe(200);
  });
});
