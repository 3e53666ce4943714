/**
 * Day rollover at local midnight in the office's time zone, with a fake clock, across both
 * daylight-saving changes of Europe/Berlin: numbering restarts, open tickets of the old day are
 * cancelled, screens and phones are told, and the old day is archived for the statistics.
 */
import { describe, expect, it } from 'vitest';
import { connectClient, http, login, type TestServer } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const scope = testScope();
let server: TestServer | undefined;

async function withClock(startIso: string) {
  let now = Date.parse(startIso);
  server = await scope.server({ clock: () => now });
  return {
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    server,
  };
}

const draw = async (base: string, concernId = 'housing') =>
  (await http(base, 'POST', '/api/tickets', { concernId })).body.ticket;

describe('rollover at local midnight', () => {
  it('restarts numbering on the 25-hour day of the autumn change and cancels the old day', async () => {
    // 23:30 CEST on Saturday 24 October 2026.
    const { set, server: s } = await withClock('2026-10-24T21:30:00Z');
    expect((await draw(s.url)).number).toBe('W-001');
    const left = await draw(s.url);
    expect(left.number).toBe('W-002');

    // 00:00:30 CEST on Sunday 25 October: a new day.
    set('2026-10-24T22:00:30Z');
    const first = await draw(s.url);
    expect(first.number).toBe('W-001');
    const old = await http(s.url, 'GET', `/api/status/${left.statusUrl.slice(3)}`);
    expect(old.body.ticket.status).toBe('cancelled');

    // Clocks go back at 03:00 CEST -> 02:00 CET; 23:59 CET is still 25 October.
    set('2026-10-25T22:59:00Z');
    expect((await draw(s.url)).number).toBe('W-002');
    // 00:00:30 CET on 26 October.
    set('2026-10-25T23:00:30Z');
    expect((await draw(s.url)).number).toBe('W-001');

    const admin = await login(s.url);
    const stats = await http(s.url, 'GET', '/api/stats?from=2026-10-24&to=2026-10-26&by=day', undefined, admin);
    const housing = stats.body.rows.filter((r: { concernId: string }) => r.concernId === 'housing');
    expect(housing.map((r: { period: string; issued: number }) => [r.period, r.issued])).toEqual([
      ['2026-10-24', 2],
      ['2026-10-25', 2],
      ['2026-10-26', 1],
    ]);
  });

  it('rolls over on the 23-hour day of the spring change at local midnight, not UTC midnight', async () => {
    // 23:50 CET on Saturday 28 March 2026.
    const { set, server: s } = await withClock('2026-03-28T22:50:00Z');
    expect((await draw(s.url, 'documents')).number).toBe('U-001');
    // 00:10 CET on 29 March (still 28 March in UTC).
    set('2026-03-28T23:10:00Z');
    expect((await draw(s.url, 'documents')).number).toBe('U-001');
    // Clocks jump 02:00 CET -> 03:00 CEST; 23:30 CEST is 21:30 UTC, still 29 March.
    set('2026-03-29T21:30:00Z');
    expect((await draw(s.url, 'documents')).number).toBe('U-002');
    // 00:05 CEST on 30 March is 22:05 UTC on 29 March.
    set('2026-03-29T22:05:00Z');
    expect((await draw(s.url, 'documents')).number).toBe('U-001');
  });

  it('starts the new day by itself within seconds of midnight, with no request at all', async () => {
    const { set, server: s } = await withClock('2026-11-20T22:59:00Z');
    await draw(s.url);
    const screen = await connectClient(s.url);
    try {
      await screen.emitWithAck('screen:join', {});
      const newDay = new Promise<string>((resolve) => {
        screen.on('queue:updated', (q) => {
          if (q.day === '2026-11-21') resolve(q.day);
        });
      });
      set('2026-11-20T23:00:01Z');
      // Well under the old 30 s check interval; nothing but the server's own timer runs.
      const bound = new Promise<string>((resolve) => setTimeout(() => resolve('still the old day'), 5000));
      expect(await Promise.race([newDay, bound])).toBe('2026-11-21');
    } finally {
      screen.disconnect();
    }
  });

  it('starts the new day without any visitor and tells screens and phones', async () => {
    const { set, server: s } = await withClock('2026-11-20T22:58:00Z');
    const waiting = await draw(s.url);
    const screen = await connectClient(s.url);
    const phone = await connectClient(s.url);
    try {
      await screen.emitWithAck('screen:join', {});
      await phone.emitWithAck('ticket:watch', { token: waiting.statusUrl.slice(3) });
      // The draw's own update may still reach them first: wait for the new day's.
      const queueUpdate = new Promise<{ day: string }>((resolve) => {
        const onUpdate = (q: { day: string }) => q.day === '2026-11-21' && resolve(q);
        screen.on('queue:updated', onUpdate);
      });
      const ticketUpdate = new Promise<{ id: string; status: string }>((resolve) => {
        const onUpdate = (t: { id: string; status: string }) => t.status !== 'waiting' && resolve(t);
        phone.on('ticket:updated', onUpdate);
      });
      set('2026-11-20T23:00:05Z');
      expect(await s.ctx.queue.tick()).toBe(true);
      expect((await queueUpdate).day).toBe('2026-11-21');
      expect(await ticketUpdate).toMatchObject({ id: waiting.id, status: 'cancelled' });
      expect(await s.ctx.queue.tick()).toBe(false);
    } finally {
      screen.disconnect();
      phone.disconnect();
    }
  });
});
