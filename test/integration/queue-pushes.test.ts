/**
 * Phone and screen updates go out in slices with turns of the event loop between them, so calls
 * are not held up by them. With more phones (screens) than one slice and calls made while slices
 * are on their way, every phone must still end with the view the server holds, and a called
 * visitor's phone must never hear "waiting" again after it heard "called"; every screen must end
 * with the server's queue and never hear an older one after a newer.
 */
import { describe, expect, it } from 'vitest';
import type { QueueSnapshot, TicketView } from '../../core/api.ts';
import { testScope } from '../helpers/scope.ts';
import { connectClient, http, login } from '../helpers/server.ts';

const PHONES = 450; // more than four slices
const SCREENS = 120; // more than two slices
const scope = testScope();

describe('phone updates in slices', () => {
  it('given 450 phones and calls while updates are on their way, then each phone ends with the current view and none goes back from called to waiting', async () => {
    const server = await scope.server();
    const admin = await login(server.url);
    const tickets: TicketView[] = [];
    for (let i = 0; i < PHONES; i++) {
      const issued = await server.ctx.queue.issue({ concernId: 'certificates', language: 'de', source: 'staff' });
      if (!issued.ok) throw new Error(issued.error);
      tickets.push(issued.value.ticket);
    }
    // What each phone heard, in order (a call:announced counts as "called").
    const heard = new Map<string, TicketView[]>();
    const phones = new Map<string, Awaited<ReturnType<typeof connectClient>>>();
    for (const ticket of tickets) {
      const phone = await connectClient(server.url);
      phones.set(ticket.id, phone);
      scope.cleanup.push(() => {
        phone.disconnect();
      });
      const list: TicketView[] = [];
      heard.set(ticket.id, list);
      phone.on('ticket:updated', (view) => list.push(view as TicketView));
      phone.on('call:announced', () => list.push({ ...ticket, status: 'called' }));
      const watched = await phone.emitWithAck('ticket:watch', { token: ticket.statusUrl.slice(3) });
      expect(watched.ok).toBe(true);
    }
    await http(server.url, 'POST', '/api/counters/desk-1/status', { status: 'open' }, admin);
    // Calls back to back: each starts a flush; the next comes while its slices are going out.
    const called: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await http(server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);
      expect(r.status).toBe(200);
      called.push(r.body.ticket.id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Settled: every phone's last update is the server's current view. `stale` says which are
    // not (what the phone heard last, what the server holds, whether it is still connected).
    const stale = () => {
      const found: string[] = [];
      for (const ticket of tickets) {
        const now = server.ctx.queue.day().tickets.find((t) => t.id === ticket.id);
        if (!now) {
          found.push(`${ticket.number}: not in the day`);
          continue;
        }
        const view = server.ctx.queue.view(now);
        const list = heard.get(ticket.id) ?? [];
        const last = list.at(-1) ?? ticket;
        if (last.status === view.status && (view.status !== 'waiting' || last.waitingAhead === view.waitingAhead)) {
          continue;
        }
        found.push(
          `${ticket.number}: heard ${list.length}, last ${last.status}/${last.waitingAhead}, ` +
            `server ${view.status}/${view.waitingAhead}, connected ${phones.get(ticket.id)?.connected}`,
        );
      }
      return found;
    };
    const deadline = Date.now() + 20_000;
    while (stale().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stale().slice(0, 5)).toEqual([]);
    for (const id of called) {
      const statuses = (heard.get(id) ?? []).map((v) => v.status);
      expect(statuses).toContain('called');
      expect(statuses.slice(statuses.indexOf('called'))).not.toContain('waiting');
    }
  }, 120_000);

  it('given 120 screens and calls while queue updates are on their way, then each screen ends with the current queue and never hears an older one after a newer', async () => {
    const server = await scope.server();
    const admin = await login(server.url);
    for (let i = 0; i < 30; i++) {
      const issued = await server.ctx.queue.issue({ concernId: 'certificates', language: 'de', source: 'staff' });
      if (!issued.ok) throw new Error(issued.error);
    }
    const heard: QueueSnapshot[][] = [];
    for (let i = 0; i < SCREENS; i++) {
      const screen = await connectClient(server.url);
      scope.cleanup.push(() => {
        screen.disconnect();
      });
      const list: QueueSnapshot[] = [];
      heard.push(list);
      screen.on('queue:updated', (snapshot) => list.push(snapshot as QueueSnapshot));
      expect((await screen.emitWithAck('screen:join', {})).ok).toBe(true);
    }
    await http(server.url, 'POST', '/api/counters/desk-1/status', { status: 'open' }, admin);
    for (let i = 0; i < 12; i++) {
      const r = await http(server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);
      expect(r.status).toBe(200);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const current = () => server.ctx.queue.queueSnapshot();
    const certificates = (s: QueueSnapshot | undefined) =>
      s?.waiting.find((w) => w.concernId === 'certificates')?.count;
    const settled = () => heard.every((list) => list.at(-1)?.seq === current().seq);
    const deadline = Date.now() + 20_000;
    while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled()).toBe(true);
    expect(certificates(current())).toBe(18);
    for (const list of heard) {
      expect(certificates(list.at(-1))).toBe(18);
      const seqs = list.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  }, 120_000);
});
