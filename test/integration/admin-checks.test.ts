/**
 * Administration, checked over the real HTTP and socket API: a concern no counter serves gives
 * no tickets (and the public office info says so), configuration issues come as codes at their
 * field, watching the counters writes no audit line, and the audit log filters and exports.
 */
import { describe, expect, it } from 'vitest';
import { connectClient, createAccount, http, login, type TestServer } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const scope = testScope();
let server: TestServer | undefined;

async function config(s: TestServer, admin: string) {
  return (await http(s.url, 'GET', '/api/admin/config', undefined, admin)).body;
}

describe('a concern no counter serves', () => {
  it('is saved, marked in the office info, and refused for tickets with CONCERN_UNSERVED', async () => {
    server = await scope.server({ usePersistedOffice: true });
    const s = server;
    const admin = await login(s.url);
    const current = await config(s, admin);
    const office = structuredClone(current.office);
    office.concerns.push({ id: 'pension', prefix: 'R', name: 'Grundsicherung im Alter' });
    const saved = await http(s.url, 'PUT', '/api/admin/config', { office, version: current.version }, admin);
    expect(saved.status).toBe(200);

    const info = (await http(s.url, 'GET', '/api/office')).body;
    const pension = info.concerns.find((c: { id: string }) => c.id === 'pension');
    expect(pension.unserved).toBe(true);
    expect(info.concerns.find((c: { id: string }) => c.id === 'housing').unserved).toBeUndefined();
    // Info-only concerns need no counter and are not marked.
    expect(info.concerns.find((c: { id: string }) => c.id === 'online').unserved).toBeUndefined();

    const kiosk = await http(s.url, 'POST', '/api/tickets', { concernId: 'pension' });
    expect(kiosk.status).toBe(409);
    expect(kiosk.body.error.code).toBe('CONCERN_UNSERVED');
    const staff = await http(s.url, 'POST', '/api/tickets', { concernIds: ['housing', 'pension'] }, admin);
    expect(staff.body.error.code).toBe('CONCERN_UNSERVED');

    // Once a counter serves it, tickets are given.
    const next = await config(s, admin);
    next.office.counters[1].concernIds.push('pension');
    expect(
      (await http(s.url, 'PUT', '/api/admin/config', { office: next.office, version: next.version }, admin)).status,
    ).toBe(200);
    const ticket = await http(s.url, 'POST', '/api/tickets', { concernId: 'pension' });
    expect(ticket.status).toBe(201);
    expect((await http(s.url, 'GET', '/api/office')).body.concerns.at(-1).unserved).toBeUndefined();
  });
});

describe('configuration issues', () => {
  it('come with a code, parameters and the path of their field', async () => {
    server = await scope.server({ usePersistedOffice: true, printerDevices: ['/dev/usb/lp*'] });
    const s = server;
    const admin = await login(s.url);
    const current = await config(s, admin);
    const office = structuredClone(current.office);
    office.concerns.push({ id: 'housing', prefix: 'W', name: 'Doppelt' });
    office.counters.push({ id: 'desk-9', name: 'Platz 9', concernIds: ['nowhere'] });
    const r = await http(s.url, 'PUT', '/api/admin/config', { office, version: current.version }, admin);
    expect(r.status).toBe(400);
    const last = office.concerns.length - 1;
    expect(r.body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: `concerns.${last}.id`,
          code: 'DUPLICATE_CONCERN_ID',
          params: { id: 'housing' },
        }),
        expect.objectContaining({ path: `concerns.${last}.prefix`, code: 'DUPLICATE_PREFIX', params: { id: 'W' } }),
        expect.objectContaining({
          path: `counters.${office.counters.length - 1}.concernIds`,
          code: 'UNKNOWN_CONCERN',
          params: { id: 'nowhere' },
        }),
      ]),
    );

    const empty = structuredClone(current.office);
    empty.counters[0].concernIds = [];
    empty.counters[1].name = '';
    empty.retentionDays = 0;
    const e = await http(s.url, 'PUT', '/api/admin/config', { office: empty, version: current.version }, admin);
    const codes = Object.fromEntries(e.body.error.issues.map((i: { path: string; code: string }) => [i.path, i]));
    expect(codes['counters.0.concernIds'].code).toBe('COUNTER_WITHOUT_CONCERNS');
    expect(codes['counters.1.name'].code).toBe('REQUIRED');
    expect(codes.retentionDays).toMatchObject({ code: 'TOO_SMALL', params: { minimum: 1, origin: 'number' } });

    const kiosks = structuredClone(current.office);
    kiosks.kiosks = [
      { id: 'eingang', name: 'Eingang', printer: 'file:/etc/passwd' },
      { id: 'flur', name: 'Flur', printer: 'agent' },
    ];
    const k = await http(s.url, 'PUT', '/api/admin/config', { office: kiosks, version: current.version }, admin);
    expect(k.body.error.issues).toEqual([
      expect.objectContaining({
        path: 'kiosks.0.printer',
        code: 'DEVICE_NOT_ALLOWED',
        params: { allowed: '/dev/usb/lp*' },
      }),
    ]);
    // The kiosk page learns the allow-list from the server.
    expect((await http(s.url, 'GET', '/api/admin/printer-places', undefined, admin)).body).toEqual({
      devices: ['/dev/usb/lp*'],
    });
    kiosks.kiosks[0].printer = 'file:/dev/usb/lp0';
    const a = await http(s.url, 'PUT', '/api/admin/config', { office: kiosks, version: current.version }, admin);
    expect(a.body.error.issues).toEqual([
      expect.objectContaining({ path: 'kiosks.1.agentKey', code: 'AGENT_KEY_REQUIRED' }),
    ]);

    // A day that is not in the calendar would have broken the public page for everyone; a broken
    // %-escape is explained in our words, not in the decoder's.
    const odd = structuredClone(current.office);
    odd.openingHours.closedDays = ['2099-13-45'];
    odd.counters[0].printer = 'file:/dev/usb/lp%';
    const o = await http(s.url, 'PUT', '/api/admin/config', { office: odd, version: current.version }, admin);
    expect(o.status).toBe(400);
    const issues = Object.fromEntries(o.body.error.issues.map((i: { path: string }) => [i.path, i]));
    expect(issues['openingHours.closedDays.0']).toMatchObject({
      message: 'expected a date of the calendar, YYYY-MM-DD',
    });
    expect(issues['counters.0.printer']).toMatchObject({ code: 'PRINTER_INVALID' });
    expect(issues['counters.0.printer'].message).toContain('broken %-escape');
    expect((await http(s.url, 'GET', '/')).status).toBe(200);
  });
});

describe('the counters tab and the audit log', () => {
  it('watching every counter signs in nowhere and writes no audit line; clerks may not', async () => {
    server = await scope.server();
    const s = server;
    const admin = await login(s.url);
    const socket = await connectClient(s.url, admin);
    try {
      const ack = await socket.emitWithAck('counters:watch', {});
      expect(ack.ok).toBe(true);
      if (ack.ok) expect(ack.data.map((v) => v.counterId)).toEqual(['desk-1', 'desk-2', 'desk-3', 'desk-4']);
      // A later audit line shows the log is written up to here.
      await createAccount(s.url, admin, { username: 'maria', password: 'maria-password-1', role: 'clerk' });
      const entries = (await http(s.url, 'GET', '/api/admin/audit', undefined, admin)).body.entries;
      expect(entries[0].action).toBe('user:create');
      expect(entries.filter((e: { action: string }) => e.action === 'counter:sign-in')).toEqual([]);
      // Signing in at a counter (as the counter app does) is still recorded.
      await socket.emitWithAck('counter:watch', { counterId: 'desk-2' });
      await createAccount(s.url, admin, { username: 'jonas', password: 'jonas-password-1', role: 'clerk' });
      const after = (await http(s.url, 'GET', '/api/admin/audit', undefined, admin)).body.entries;
      expect(after.map((e: { action: string }) => e.action)).toContain('counter:sign-in');
    } finally {
      socket.disconnect();
    }
    const clerk = await login(s.url, 'maria', 'maria-password-1');
    const clerkSocket = await connectClient(s.url, clerk);
    try {
      expect(await clerkSocket.emitWithAck('counters:watch', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    } finally {
      clerkSocket.disconnect();
    }
  });

  it('filters by kind and account and exports German CSV with the sentences and the raw codes', async () => {
    server = await scope.server();
    const s = server;
    const admin = await login(s.url);
    await createAccount(s.url, admin, { username: 'maria', password: 'maria-password-1', role: 'clerk' });
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    await http(s.url, 'POST', '/api/counters/desk-4/call-next', undefined, admin);
    await http(s.url, 'POST', '/api/counters/desk-4/park', undefined, admin);
    const maria = await login(s.url, 'maria', 'maria-password-1');
    expect(maria).toBeTruthy();

    const counter = (await http(s.url, 'GET', '/api/admin/audit?kind=counter', undefined, admin)).body.entries;
    expect(counter.map((e: { action: string }) => e.action)).toEqual(['counter:park', 'counter:callNext']);
    const mine = (await http(s.url, 'GET', '/api/admin/audit?username=maria', undefined, admin)).body.entries;
    expect(mine.map((e: { action: string }) => e.action)).toEqual(['session:sign-in']);
    const one = (await http(s.url, 'GET', '/api/admin/audit?kind=sign-in&username=admin&limit=1', undefined, admin))
      .body;
    expect(one.entries).toHaveLength(1);
    expect((await http(s.url, 'GET', '/api/admin/audit?kind=nonsense', undefined, admin)).status).toBe(400);

    const csv = String((await http(s.url, 'GET', '/api/admin/audit?kind=counter&format=csv', undefined, admin)).body);
    const [head, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(head).toBe('Zeit;Konto;Was geschah;Code;Betrifft (Kennung);Einzelheiten');
    expect(first).toMatch(
      /;admin;admin hat an Platz 4 die Nummer W-\d+ zurückgestellt \(holt etwas\)\.;counter:park;desk-4;W-\d+$/,
    );
    const en = String(
      (await http(s.url, 'GET', '/api/admin/audit?kind=counter&format=csv&dialect=en', undefined, admin)).body,
    );
    expect(en.split('\n')[0]).toBe('at,username,text,action,target,detail');
  });
});

describe('appointment settings from the admin', () => {
  it('are validated with codes and reach the booking service as saved', async () => {
    // Sunday 22 November 2026, 12:00 in Berlin; Monday is bookable.
    server = await scope.server({ usePersistedOffice: true, clock: () => Date.parse('2026-11-22T11:00:00Z') });
    const s = server;
    const admin = await login(s.url);
    const current = await config(s, admin);
    const bad = structuredClone(current.office);
    bad.concerns[0].slotMinutes = 3;
    bad.concerns[0].slotCapacity = 51;
    bad.policy.appointmentGraceMinutes = -1;
    bad.appointmentHours = { weekly: { mon: [{ from: '12:00', to: '09:00' }] }, closedDays: [] };
    const refused = await http(s.url, 'PUT', '/api/admin/config', { office: bad, version: current.version }, admin);
    expect(refused.status).toBe(400);
    const byPath = Object.fromEntries(
      refused.body.error.issues.map((i: { path: string; code: string }) => [i.path, i.code]),
    );
    expect(byPath).toMatchObject({
      'concerns.0.slotMinutes': 'TOO_SMALL',
      'concerns.0.slotCapacity': 'TOO_BIG',
      'policy.appointmentGraceMinutes': 'TOO_SMALL',
      'appointmentHours.weekly.mon.0': 'FROM_AFTER_TO',
    });

    const good = structuredClone(current.office);
    const id = good.concerns[0].id;
    good.concerns[0].slotMinutes = 30;
    good.concerns[0].slotCapacity = 2;
    good.concerns[0].appointmentOnly = true;
    good.policy.appointmentGraceMinutes = 10;
    good.appointmentHours = { weekly: { mon: [{ from: '09:00', to: '10:00' }] }, closedDays: [] };
    const saved = await http(s.url, 'PUT', '/api/admin/config', { office: good, version: current.version }, admin);
    expect(saved.status).toBe(200);
    const slots = await http(s.url, 'GET', `/api/appointments/slots?concernId=${id}&date=2026-11-23`, undefined, admin);
    expect(slots.body.slots).toEqual([
      { start: '2026-11-23T08:00:00.000Z', free: 2 },
      { start: '2026-11-23T08:30:00.000Z', free: 2 },
    ]);
    const walkIn = await http(s.url, 'POST', '/api/tickets', { concernId: id }, admin);
    expect(walkIn.body.error.code).toBe('APPOINTMENT_ONLY');
  });
});
