/**
 * One office day driven through the real statistics API with a fake clock: calls, an
 * appointment, a transfer and a no-show, read live and again after the day is archived at midnight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

describe('an office day through the real API', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
    server = undefined;
  });

  it('folds calls, an appointment, a transfer and a no-show into the figures, live and after the day ends', async () => {
    // Monday 16 November 2026, 09:00 in Berlin.
    let now = Date.parse('2026-11-16T08:00:00Z');
    server = await startTestServer({ clock: () => now });
    const s = server;
    const admin = await login(s.url);
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      now = Date.parse('2026-11-16T00:00:00Z') + ((h - 1) * 60 + m) * 60_000;
    };
    const post = async (path: string, body?: unknown) => {
      const r = await http(s.url, 'POST', path, body, admin);
      expect(r.status, path).toBeLessThan(300);
      return r.body;
    };

    at('09:00');
    await post('/api/tickets', { concernId: 'housing' });
    await post('/api/appointments', { code: 'TERMIN-1', concernId: 'housing', start: '2026-11-16T09:30:00+01:00' });
    at('09:05');
    await post('/api/tickets', { concernId: 'education' });
    at('09:10');
    await post('/api/counters/desk-2/call-next');
    at('09:16');
    await post('/api/counters/desk-2/complete');
    at('09:20');
    await post('/api/tickets', { concernId: 'housing', appointmentCode: 'TERMIN-1' }); // 10 min early
    at('09:25');
    await post('/api/counters/desk-3/call-next');
    at('09:27');
    expect((await post('/api/counters/desk-2/call-next')).ticket.number).toBe('W-002'); // the appointment
    at('09:28');
    await post('/api/counters/desk-3/no-show');
    at('09:35');
    await post('/api/counters/desk-2/complete');
    at('09:40');
    await post('/api/tickets', { concernId: 'documents' });
    at('09:45');
    await post('/api/counters/desk-1/call-next');
    at('09:47');
    await post('/api/counters/desk-1/transfer', { concernId: 'housing' });
    at('09:50');
    expect((await post('/api/counters/desk-2/call-next')).ticket.number).toBe('U-001');
    at('10:00');
    await post('/api/counters/desk-2/complete');
    at('10:30');
    await post('/api/tickets', { concernId: 'housing' }); // never called

    const day = 'from=2026-11-16&to=2026-11-16';
    const live = await http(s.url, 'GET', `/api/stats?${day}&by=day`, undefined, admin);
    const expectedHousing = {
      issued: 4,
      served: 3,
      noShow: 0,
      transferred: 1,
      // Waits per concern: 10 (walk-in), 7 (appointment, 09:20 -> 09:27), and 3 for the part the
      // transferred visitor waited for housing (due 09:47 when the documents part ended, called
      // 09:50): mean 6.7.
      avgWaitMinutes: 6.7,
      medianWaitMinutes: 7,
      p90WaitMinutes: 10,
      // Services 6, 8, 10 (the transferred visitor from the new call at 09:50).
      avgServiceMinutes: 8,
      medianServiceMinutes: 8,
      servedWithinTargetShare: 1,
      appointments: 1,
      punctualShare: 1,
      medianCheckInMinutes: -10,
      avgAppointmentWaitMinutes: 0,
    };
    expect(live.body.rows.find((r: { concernId: string }) => r.concernId === 'housing')).toMatchObject({
      ...expectedHousing,
      cancelled: 0,
    });
    // The documents part before the transfer counts too: waited 5 (09:40 -> 09:45), served 2.
    expect(live.body.rows.find((r: { concernId: string }) => r.concernId === 'documents')).toMatchObject({
      issued: 1,
      served: 1,
      visits: 1,
      avgWaitMinutes: 5,
      avgServiceMinutes: 2,
    });

    // Midnight: the waiting ticket is cancelled and the day archived.
    now = Date.parse('2026-11-16T23:00:30Z');
    expect(await s.ctx.queue.tick()).toBe(true);
    const manager = await login(s.url); // sessions last 12 hours
    const archived = await http(s.url, 'GET', `/api/stats?${day}&by=day`, undefined, manager);
    expect(archived.body.rows.find((r: { concernId: string }) => r.concernId === 'housing')).toMatchObject({
      ...expectedHousing,
      cancelled: 1,
    });
    expect(archived.body.rows.find((r: { concernId: string }) => r.concernId === 'education')).toMatchObject({
      issued: 1,
      noShow: 1,
      avgWaitMinutes: 20,
      servedWithinTargetShare: 1,
    });
    const counters = await http(s.url, 'GET', `/api/stats/counters?${day}`, undefined, manager);
    expect(
      counters.body.rows.map((r: { counterId: string; served: number; noShow: number }) => [
        r.counterId,
        r.served,
        r.noShow,
      ]),
    ).toEqual([
      // desk-1 served the documents part before sending the visitor on to housing.
      ['desk-1', 1, 0],
      ['desk-2', 3, 0],
      ['desk-3', 0, 1],
    ]);
    const heat = await http(s.url, 'GET', `/api/stats/heatmap?${day}`, undefined, manager);
    expect(heat.body.cells).toEqual([
      { weekday: 1, hour: 9, arrivals: 4, days: 1, avgArrivals: 4 },
      { weekday: 1, hour: 10, arrivals: 1, days: 1, avgArrivals: 1 },
    ]);
  });
});
