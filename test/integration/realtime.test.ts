/**
 * Realtime contract: real socket.io clients against a real server. Each test checks the
 * acknowledgement of the acting client and the broadcast other clients receive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testScope } from '../helpers/scope.ts';
import { eventWhere, http, login, nextEvent, type TestServer } from '../helpers/server.ts';

const file = testScope({ perFile: true });
const scope = testScope();
let server: TestServer;
let admin: string;

const client = (token?: string) => scope.client(server.url, token);

beforeAll(async () => {
  server = await file.server();
  admin = await login(server.url);
  await server.ctx.auth.createUser('clerk1', 'clerk-password-1', 'clerk');
});

const draw = async (concernId: string) =>
  (await http(server.url, 'POST', '/api/tickets', { concernId })).body.ticket as {
    id: string;
    number: string;
    statusUrl: string;
  };

describe('screens and clerks', () => {
  it('a call is acknowledged to the clerk and pushed to every screen with an increasing seq', async () => {
    const screenA = await client();
    const screenB = await client();
    const joinA = await screenA.emitWithAck('screen:join', {});
    const joinB = await screenB.emitWithAck('screen:join', {});
    expect(joinA.ok && joinB.ok).toBe(true);
    if (!joinA.ok) return;
    expect(joinA.data.office.name).toBeTruthy();
    const seqBefore = joinA.data.queue.seq;

    const ticket = await draw('certificates');
    const clerk = await client(await login(server.url, 'clerk1', 'clerk-password-1'));
    expect(await clerk.emitWithAck('counter:watch', { counterId: 'desk-1' })).toMatchObject({ ok: true });
    const gotA = nextEvent(screenA, 'call:announced');
    const gotB = nextEvent(screenB, 'call:announced');
    // The draw's own queue update may still be on its way: wait for the one with the call.
    const queueUpdate = eventWhere(screenA, 'queue:updated', (q) => q.called[0]?.number === ticket.number);
    const ack = await clerk.emitWithAck('counter:callNext', { counterId: 'desk-1' });
    expect(ack).toMatchObject({
      ok: true,
      data: { ticket: { id: ticket.id, status: 'called', counterName: 'Platz 1' } },
    });

    const [a, b] = await Promise.all([gotA, gotB]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ number: ticket.number, counterId: 'desk-1', counterName: 'Platz 1', recall: false });
    expect(a.seq).toBe(seqBefore + 1);
    expect((await queueUpdate).called[0]?.number).toBe(ticket.number);

    const recalled = nextEvent(screenB, 'call:announced');
    const recallAck = await clerk.emitWithAck('counter:recall', { counterId: 'desk-1' });
    expect(recallAck.ok).toBe(true);
    expect(await recalled).toMatchObject({ number: ticket.number, recall: true, seq: seqBefore + 2 });
    await clerk.emitWithAck('counter:complete', { counterId: 'desk-1' });
  });

  it('a screen that rejoins with afterSeq gets exactly the calls it missed, oldest first', async () => {
    const screen = await client();
    const joined = await screen.emitWithAck('screen:join', {});
    if (!joined.ok) throw new Error('join failed');
    const lastSeen = joined.data.queue.seq;
    screen.disconnect();

    await draw('documents');
    await draw('documents');
    await http(server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);
    await http(server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);

    const back = await client();
    const rejoined = await back.emitWithAck('screen:join', { afterSeq: lastSeen });
    if (!rejoined.ok) throw new Error('rejoin failed');
    expect(rejoined.data.missed.map((c) => c.seq)).toEqual([lastSeen + 1, lastSeen + 2]);
    expect(rejoined.data.recent[0]?.seq).toBe(lastSeen + 2);
    await http(server.url, 'POST', '/api/counters/desk-1/complete', undefined, admin);
  });

  it('a phone following its ticket sees its position change and then its call', async () => {
    const first = await draw('housing');
    const mine = await draw('housing');
    const phone = await client();
    const watched = await phone.emitWithAck('ticket:watch', { token: mine.statusUrl.slice(3) });
    expect(watched.ok).toBe(true);
    if (!watched.ok) return;
    const aheadBefore = watched.data.waitingAhead;
    expect(aheadBefore).toBeGreaterThanOrEqual(1);

    // The draws' own update may still be on its way (same position): wait for the one that moved.
    const moved = eventWhere(phone, 'ticket:updated', (t) => t.waitingAhead !== aheadBefore);
    await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    const update = await moved;
    expect(update.id).toBe(mine.id);
    expect(update.waitingAhead).toBe(aheadBefore - 1);

    // Call until it is our turn; the phone receives its own call.
    let calledUpdate: Awaited<ReturnType<typeof nextEvent<'ticket:updated'>>> | undefined;
    for (let i = 0; i < 20 && !calledUpdate; i++) {
      const updated = nextEvent(phone, 'ticket:updated', 2000).catch(() => undefined);
      await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
      const u = await updated;
      if (u?.status === 'called') calledUpdate = u;
    }
    expect(calledUpdate).toMatchObject({ id: mine.id, status: 'called', counterName: 'Platz 2' });
    expect(first.id).not.toBe(mine.id);
    await http(server.url, 'POST', '/api/counters/desk-2/complete', undefined, admin);
  });

  it('staff events without a session are refused, bad payloads are validation errors', async () => {
    const anonymous = await client();
    expect(await anonymous.emitWithAck('counter:callNext', { counterId: 'desk-1' })).toEqual({
      ok: false,
      error: 'UNAUTHENTICATED',
    });
    expect(await anonymous.emitWithAck('counter:watch', { counterId: 'desk-1' })).toEqual({
      ok: false,
      error: 'UNAUTHENTICATED',
    });
    const forged = await client('forged-session-token');
    expect(await forged.emitWithAck('counter:recall', { counterId: 'desk-1' })).toEqual({
      ok: false,
      error: 'UNAUTHENTICATED',
    });
    const clerk = await client(admin);
    expect(await clerk.emitWithAck('counter:callNext', { counterId: 42 } as never)).toEqual({
      ok: false,
      error: 'VALIDATION_FAILED',
    });
    expect(await clerk.emitWithAck('ticket:watch', { token: '../../etc/passwd' })).toEqual({
      ok: false,
      error: 'VALIDATION_FAILED',
    });
  });

  it('two clerks calling at the same moment never get the same visitor', async () => {
    for (let i = 0; i < 10; i++) await draw('housing');
    const clerks = await Promise.all([client(admin), client(admin), client(admin)]);
    const counters = ['desk-1', 'desk-2', 'desk-4'];
    const acks = await Promise.all(
      clerks.flatMap((c, i) =>
        [0, 1, 2].map(() => c.emitWithAck('counter:callNext', { counterId: counters[i] as string })),
      ),
    );
    const ids = acks.flatMap((a) => (a.ok && a.data.ticket ? [a.data.ticket.id] : []));
    expect(ids.length).toBe(9);
    expect(new Set(ids).size).toBe(ids.length);
    const queue = await http(server.url, 'GET', '/api/queue');
    expect(queue.body.called.length).toBe(3);
  });
});
