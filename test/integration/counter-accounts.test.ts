/**
 * Which counters an account may work at: an admin restricts an account to a list of counters,
 * and the server refuses signing in or acting at any other, over HTTP and over the socket. An
 * account that still has to replace its generated password may not work at any counter.
 */
import { describe, expect, it } from 'vitest';
import { changePassword, connectClient, createAccount, http, login } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const PASSWORD = 'Schalterdienst-am-Morgen-7';
const { cleanup, server } = testScope();

describe('counters per account', () => {
  it('an account restricted to desk-2 cannot sign in or act at desk-1, by HTTP or socket', async () => {
    const s = await server();
    const admin = await login(s.url);
    const created = await createAccount(s.url, admin, {
      username: 'clerk1',
      password: PASSWORD,
      role: 'clerk',
      counters: ['desk-2'],
    });
    expect(created.status).toBe(201);
    expect(created.body.user.counters).toEqual(['desk-2']);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const clerk = await login(s.url, 'clerk1', PASSWORD);

    const signIn = await http(s.url, 'POST', '/api/counters/desk-1/sign-in', undefined, clerk);
    expect(signIn.status).toBe(403);
    expect(signIn.body.error.code).toBe('COUNTER_NOT_ALLOWED');
    const socket = await connectClient(s.url, clerk);
    cleanup.push(() => void socket.disconnect());
    expect(await socket.emitWithAck('counter:watch', { counterId: 'desk-1' })).toEqual({
      ok: false,
      error: 'COUNTER_NOT_ALLOWED',
    });
    expect(await socket.emitWithAck('counter:callNext', { counterId: 'desk-1' })).toEqual({
      ok: false,
      error: 'COUNTER_NOT_ALLOWED',
    });
    const act = await http(s.url, 'POST', '/api/counters/desk-1/call-next', undefined, clerk);
    expect(act.body.error.code).toBe('COUNTER_NOT_ALLOWED');

    // The allowed counter works as before.
    expect(await socket.emitWithAck('counter:watch', { counterId: 'desk-2' })).toMatchObject({ ok: true });
    const called = await socket.emitWithAck('counter:callNext', { counterId: 'desk-2' });
    expect(called).toMatchObject({ ok: true });

    // An admin lifts the restriction (an empty list): the account's sessions end, a new one may go anywhere.
    const lifted = await http(s.url, 'PATCH', '/api/admin/users/clerk1', { counters: [] }, admin);
    expect(lifted.status).toBe(200);
    expect(lifted.body.user.counters).toBeUndefined();
    const again = await login(s.url, 'clerk1', PASSWORD);
    expect((await http(s.url, 'POST', '/api/counters/desk-1/sign-in', undefined, again)).status).toBe(200);
  });

  it('an admin restricted to counters is refused at the others too; a password change keeps the restriction', async () => {
    const s = await server();
    const admin = await login(s.url);
    await createAccount(s.url, admin, { username: 'lead', password: PASSWORD, role: 'admin' });
    const set = await http(s.url, 'PATCH', '/api/admin/users/lead', { counters: ['desk-1', 'desk-1'] }, admin);
    expect(set.body.user.counters).toEqual(['desk-1']);
    const lead = await login(s.url, 'lead', PASSWORD);
    const changed = await changePassword(s.url, lead, PASSWORD, 'Neues-Kennwort-im-Dezember-4');
    expect(changed.status).toBe(200);
    const token = changed.body.token as string;
    const refused = await http(s.url, 'POST', '/api/counters/desk-2/status', { status: 'paused' }, token);
    expect(refused.body.error.code).toBe('COUNTER_NOT_ALLOWED');
    const list = await http(s.url, 'GET', '/api/admin/users', undefined, token);
    expect(list.body.users.find((u: { username: string }) => u.username === 'lead').counters).toEqual(['desk-1']);
  });

  it('unknown fields and oversized counter lists are refused with a 400', async () => {
    const s = await server();
    const admin = await login(s.url);
    const many = Array.from({ length: 101 }, (_, i) => `desk-${i}`);
    const r = await createAccount(s.url, admin, {
      username: 'clerk2',
      password: PASSWORD,
      role: 'clerk',
      counters: many,
    });
    expect(r.status).toBe(400);
    const bad = await http(s.url, 'PATCH', '/api/admin/users/admin', { counters: 'desk-1' }, admin);
    expect(bad.status).toBe(400);
  });
});

describe('a generated password at the counter', () => {
  it('the socket refuses counter work until the password is changed, as HTTP does', async () => {
    const running = await server({ generateAdminPassword: true });
    const base = running.url;
    const token = await login(base, 'admin', running.generatedAdminPassword as string);
    await http(base, 'POST', '/api/tickets', { concernId: 'housing' });
    const socket = await connectClient(base, token);
    cleanup.push(() => void socket.disconnect());
    const refused = { ok: false, error: 'PASSWORD_CHANGE_REQUIRED' };
    expect(await socket.emitWithAck('counter:watch', { counterId: 'desk-2' })).toEqual(refused);
    expect(await socket.emitWithAck('counter:callNext', { counterId: 'desk-2' })).toEqual(refused);
    expect(await socket.emitWithAck('counter:setStatus', { counterId: 'desk-2', status: 'paused' })).toEqual(refused);
    const byHttp = await http(base, 'POST', '/api/counters/desk-2/call-next', undefined, token);
    expect(byHttp.status).toBe(403);
    expect(byHttp.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Nobody was called.
    const queue = await http(base, 'GET', '/api/queue');
    expect(queue.body.called).toEqual([]);
    expect(queue.body.waiting.find((w: { concernId: string }) => w.concernId === 'housing').count).toBe(1);
  });
});
