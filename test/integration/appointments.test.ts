/** Appointment check-in at the kiosk: with the code alone, too early, on a later day, late. */
import { describe, expect, it } from 'vitest';
import { http, login, type TestServer } from '../helpers/server.ts';
import { testScope } from '../helpers/scope.ts';

const scope = testScope();
let server: TestServer | undefined;

describe('appointment check-in', () => {
  it('follows the check-in window and explains refusals', async () => {
    let now = Date.parse('2026-11-19T07:00:00Z'); // the Thursday before, 08:00 in Berlin
    server = await scope.server({ clock: () => now });
    const s = server;
    let admin = await login(s.url);
    const book = (code: string, start: string) =>
      http(s.url, 'POST', '/api/appointments', { code, concernId: 'housing', start }, admin);
    expect((await book('T-300', '2026-11-19T08:20:00Z')).status).toBe(201); // last Thursday 09:20
    now = Date.parse('2026-11-23T08:00:00Z'); // Monday 09:00 in Berlin
    admin = await login(s.url);
    expect((await book('T-100', '2026-11-23T10:00:00Z')).status).toBe(201); // 11:00 local
    expect((await book('T-200', '2026-11-23T08:20:00Z')).status).toBe(201); // 09:20 local

    const early = await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-100' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'APPOINTMENT_TOO_EARLY',
      appointmentAt: '2026-11-23T10:00:00.000Z',
      checkinFrom: '2026-11-23T09:00:00.000Z',
    });

    const expired = await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-300' });
    expect(expired.body.error.code).toBe('APPOINTMENT_EXPIRED');

    // The code alone is enough: the appointment knows its concern.
    const onTime = await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-200', language: 'uk' });
    expect(onTime.status).toBe(201);
    expect(onTime.body.ticket).toMatchObject({
      concernId: 'housing',
      appointmentAt: '2026-11-23T08:20:00.000Z',
      language: 'uk',
    });

    // A counter sees a checked-in appointment that is not due yet, and may call it by number.
    const earlyBooking = await book('T-400', '2026-11-23T08:50:00Z'); // 09:50 local, 50 minutes ahead
    expect(earlyBooking.status).toBe(201);
    const earlyTicket = (await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-400' })).body.ticket;
    const desk = (await http(s.url, 'GET', '/api/counters/desk-2', undefined, admin)).body;
    expect(desk.next.find((t: { ticketId: string }) => t.ticketId === earlyTicket.id)).toMatchObject({ early: true });
    const byNumber = await http(s.url, 'POST', '/api/counters/desk-2/call', { ticketId: earlyTicket.id }, admin);
    expect(byNumber.body.ticket).toMatchObject({ id: earlyTicket.id, status: 'called' });
    await http(s.url, 'POST', '/api/counters/desk-2/complete', undefined, admin);

    // Later the first appointment may check in; a walk-in who came earlier waits behind it once due.
    const walkIn = await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    now = Date.parse('2026-11-23T09:55:00Z');
    const due = await http(s.url, 'POST', '/api/tickets', { appointmentCode: 'T-100' });
    expect(due.status).toBe(201);
    const clerk = await login(s.url);
    const first = await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, clerk);
    expect(first.body.ticket.id).toBe(due.body.ticket.id);
    const second = await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, clerk);
    expect([onTime.body.ticket.id, walkIn.body.ticket.id]).toContain(second.body.ticket.id);

    expect((await http(s.url, 'POST', '/api/tickets', {})).status).toBe(400);
  });
});
