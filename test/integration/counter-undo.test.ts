/**
 * "Rückgängig", transfer to a named counter, the last recall and a stranded number, against a real
 * server with real socket.io clients: the acting clerk's acknowledgement, and what a second staff
 * client, a lobby screen and the visitor's phone receive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CounterView, TicketView } from '../../core/api.ts';
import { testScope } from '../helpers/scope.ts';
import { eventWhere, http, login, newClerk, type TestServer } from '../helpers/server.ts';

const file = testScope({ perFile: true });
const scope = testScope();
let server: TestServer;
let admin: string;
let clerk: string;
/** The server's clock runs `skew` ms ahead of the real one (to pass the undo time). */
let skew = 0;

beforeAll(async () => {
  server = await file.server({ clock: () => Date.now() + skew });
  admin = await login(server.url);
  clerk = await newClerk(server, 'clerk2', 'clerk-password-2');
});

const client = (token?: string) => scope.client(server.url, token);

const draw = async (concernId: string) =>
  (await http(server.url, 'POST', '/api/tickets', { concernId })).body.ticket as TicketView;

/** The clerk at desk-2 and an admin watching the counters (the "second staff client"). */
async function desk2() {
  const desk = await client(clerk);
  expect(await desk.emitWithAck('counter:watch', { counterId: 'desk-2' })).toMatchObject({ ok: true });
  const watcher = await client(admin);
  expect(await watcher.emitWithAck('counter:watch', { counterId: 'desk-4' })).toMatchObject({ ok: true });
  return { desk, watcher };
}

describe('undo at the counter', () => {
  it('a no-show taken back: the clerk is answered, the other staff client, the lobby screen and the phone see the visitor called again, and the audit log has it', async () => {
    const ticket = await draw('housing');
    const { desk, watcher } = await desk2();
    const screen = await client();
    expect((await screen.emitWithAck('screen:join', {})).ok).toBe(true);
    const phone = await client();
    expect((await phone.emitWithAck('ticket:watch', { token: ticket.statusUrl.slice(3) })).ok).toBe(true);

    expect(await desk.emitWithAck('counter:callNext', { counterId: 'desk-2' })).toMatchObject({
      ok: true,
      data: { ticket: { id: ticket.id } },
    });
    const gone = eventWhere(watcher, 'counter:updated', (v) => v.counterId === 'desk-2' && !v.current);
    const noShow = await desk.emitWithAck('counter:noShow', { counterId: 'desk-2' });
    expect(noShow).toMatchObject({ ok: true, data: { ticket: { id: ticket.id, status: 'no-show' } } });
    const offered = await gone;
    expect(offered.undo).toMatchObject({ action: 'no-show', ticketId: ticket.id, number: ticket.number });
    expect(offered.undo?.secondsLeft).toBeGreaterThan(10);

    const back = eventWhere(watcher, 'counter:updated', (v) => v.counterId === 'desk-2' && !!v.current);
    const onScreen = eventWhere(screen, 'queue:updated', (q) => q.called.some((c) => c.number === ticket.number));
    const onPhone = eventWhere(phone, 'ticket:updated', (t) => t.status === 'called');
    const undone = await desk.emitWithAck('counter:undo', { counterId: 'desk-2' });
    expect(undone).toMatchObject({
      ok: true,
      data: { ticket: { id: ticket.id, status: 'called', counterId: 'desk-2' } },
    });
    const view = await back;
    expect(view.current?.id).toBe(ticket.id);
    expect(view.undo).toBeUndefined();
    expect((await onScreen).called.find((c) => c.number === ticket.number)?.counterId).toBe('desk-2');
    expect((await onPhone).id).toBe(ticket.id);

    const audit = await http(server.url, 'GET', '/api/admin/audit?limit=3', undefined, admin);
    expect(audit.body.entries[0]).toMatchObject({ username: 'clerk2', action: 'counter:undo', target: 'desk-2' });
    expect(await desk.emitWithAck('counter:undo', { counterId: 'desk-2' })).toEqual({
      ok: false,
      error: 'NOTHING_TO_UNDO',
    });
    await desk.emitWithAck('counter:complete', { counterId: 'desk-2' });
  });

  it('a completion taken back over HTTP; after the undo time it is refused with UNDO_EXPIRED', async () => {
    const ticket = await draw('housing');
    const post = (path: string, body?: unknown) => http(server.url, 'POST', path, body, clerk);
    expect((await post('/api/counters/desk-2/call-next')).body.ticket.id).toBe(ticket.id);
    expect((await post('/api/counters/desk-2/complete')).body.ticket.status).toBe('done');
    const undone = await post('/api/counters/desk-2/undo');
    expect(undone.status).toBe(200);
    expect(undone.body.ticket).toMatchObject({ id: ticket.id, status: 'called' });

    expect((await post('/api/counters/desk-2/complete')).body.ticket.status).toBe('done');
    skew += 16_000;
    const late = await post('/api/counters/desk-2/undo');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('UNDO_EXPIRED');
    const view = (await http(server.url, 'GET', '/api/counters/desk-2', undefined, clerk)).body as CounterView;
    expect(view.undo).toBeUndefined();
  });

  it('a transfer whose visitor another counter has called cannot be taken back (UNDO_CONFLICT)', async () => {
    const ticket = await draw('housing');
    const post = (path: string, body?: unknown, token = clerk) => http(server.url, 'POST', path, body, token);
    expect((await post('/api/counters/desk-2/call-next')).body.ticket.id).toBe(ticket.id);
    expect((await post('/api/counters/desk-2/transfer', { concernId: 'education' })).status).toBe(200);
    expect((await post('/api/counters/desk-3/call-next', undefined, admin)).body.ticket.id).toBe(ticket.id);
    const refused = await post('/api/counters/desk-2/undo');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('UNDO_CONFLICT');
    await post('/api/counters/desk-3/complete', undefined, admin);
  });
});

describe('transfer to a named counter', () => {
  it('the visitor waits for that counter only, first in its list; the phone hears of the change', async () => {
    const other = await draw('housing');
    const sent = await draw('housing');
    const { desk, watcher } = await desk2();
    const post = (path: string, body?: unknown) => http(server.url, 'POST', path, body, admin);
    // desk-2 serves `other` first, then `sent` (by number), and sends `sent` to desk-4.
    await desk.emitWithAck('counter:callSpecific', { counterId: 'desk-2', ticketId: sent.id });
    const phone = await client();
    expect((await phone.emitWithAck('ticket:watch', { token: sent.statusUrl.slice(3) })).ok).toBe(true);
    const onPhone = eventWhere(phone, 'ticket:updated', (t) => t.status === 'waiting');
    const listed = eventWhere(
      watcher,
      'counter:updated',
      (v) => v.counterId === 'desk-4' && v.next[0]?.ticketId === sent.id,
    );
    const moved = await desk.emitWithAck('counter:transfer', {
      counterId: 'desk-2',
      concernId: 'housing',
      toCounterId: 'desk-4',
    });
    expect(moved).toMatchObject({ ok: true, data: { ticket: { id: sent.id, status: 'waiting' } } });
    expect((await listed).next[0]).toMatchObject({ ticketId: sent.id, sentHere: true });
    expect((await onPhone).waitingAhead).toBe(0);
    const view2 = (await http(server.url, 'GET', '/api/counters/desk-2', undefined, admin)).body as CounterView;
    expect(view2.next.map((t) => t.ticketId)).not.toContain(sent.id);
    expect((await post('/api/counters/desk-2/call-next')).body.ticket.id).toBe(other.id);
    expect((await post('/api/counters/desk-4/call-next')).body.ticket.id).toBe(sent.id);
    await post('/api/counters/desk-2/complete');
    await post('/api/counters/desk-4/complete');
  });
});

describe('the last call and a stranded number', () => {
  it('a recall past maxCalls is refused with MAX_CALLS_REACHED and the visitor stays called', async () => {
    const ticket = await draw('housing');
    const post = (path: string) => http(server.url, 'POST', path, undefined, clerk);
    await post('/api/counters/desk-2/call-next');
    await post('/api/counters/desk-2/recall');
    await post('/api/counters/desk-2/recall');
    const refused = await post('/api/counters/desk-2/recall');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('MAX_CALLS_REACHED');
    const view = (await http(server.url, 'GET', '/api/counters/desk-2', undefined, clerk)).body as CounterView;
    expect(view.current).toMatchObject({ id: ticket.id, status: 'called', callCount: 3 });
    expect(view.maxCalls).toBe(3);
    expect((await post('/api/counters/desk-2/no-show')).body.ticket.status).toBe('no-show');
  });

  it('a number left called at a closed counter: clerks may not release it, an admin returns it to the line (audited) and every screen drops it', async () => {
    const ticket = await draw('housing');
    const post = (path: string, body?: unknown, token = clerk) => http(server.url, 'POST', path, body, token);
    await post('/api/counters/desk-2/call-next');
    await post('/api/counters/desk-2/status', { status: 'closed' });
    const screen = await client();
    expect((await screen.emitWithAck('screen:join', {})).ok).toBe(true);

    const path = '/api/admin/counters/desk-2/release';
    const body = { how: 'requeue', number: ticket.number };
    expect((await post(path, body)).status).toBe(403);
    expect((await post(path, body, 'x'.repeat(43))).status).toBe(401);
    expect((await post(path, { ...body, how: 'sideways' }, admin)).status).toBe(400);
    expect((await post(path, { ...body, number: 'Z-999' }, admin)).body.error.code).toBe('UNKNOWN_TICKET');
    const dropped = eventWhere(screen, 'queue:updated', (q) => q.called.every((c) => c.number !== ticket.number));
    const released = await post(path, body, admin);
    expect(released.status).toBe(200);
    expect(released.body.ticket).toMatchObject({ id: ticket.id, status: 'waiting', issuedAt: ticket.issuedAt });
    await dropped;
    const audit = await http(server.url, 'GET', '/api/admin/audit?limit=3', undefined, admin);
    expect(audit.body.entries[0]).toMatchObject({
      username: 'admin',
      action: 'counter:release-requeue',
      target: 'desk-2',
    });
    expect((await post(path, { ...body, how: 'finish' }, admin)).body.error.code).toBe('UNKNOWN_TICKET');
    await post('/api/counters/desk-4/call-next', undefined, admin);
    await post('/api/counters/desk-4/complete', undefined, admin);
  });
});
