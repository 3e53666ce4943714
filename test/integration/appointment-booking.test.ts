/**
 * Booking appointments through the API against a real server: slots, generated codes, full slots,
 * integrations by external id, the day's list and exports, moving, cancelling, check-in during
 * appointment hours outside walk-in hours, appointment-only concerns, and the printed confirmation
 * on the ESC/POS emulator.
 */
import { describe, expect, it } from 'vitest';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { http, login, type TestServer } from '../helpers/server.ts';
import { appointmentOffice } from '../helpers/offices.ts';
import { testScope } from '../helpers/scope.ts';

const scope = testScope();

const office = appointmentOffice;

const SUNDAY = Date.parse('2026-11-22T12:00:00Z');

/** A server on the appointment office, its clock at `clock()`, and an admin's session (who books for visitors). */
async function bookingOffice(clock: () => number, printer?: string) {
  const s = await scope.server({ clock, office: office(), printer });
  return { s, clerk: await login(s.url) };
}

const book = (s: TestServer, body: Record<string, unknown>, token?: string) =>
  http(s.url, 'POST', '/api/appointments', body, token);

const get = (s: TestServer, path: string, token?: string) => http(s.url, 'GET', path, undefined, token);

describe('booking appointments', () => {
  it('offers slots, books with a generated code, refuses full slots and odd times, and repeats by external id', async () => {
    const now = SUNDAY;
    const { s, clerk } = await bookingOffice(() => now);

    const slots = await get(s, '/api/appointments/slots?concernId=housing&date=2026-11-23', clerk);
    expect(slots.status).toBe(200);
    expect(slots.body.slots[0]).toEqual({ start: '2026-11-23T06:00:00.000Z', free: 1 }); // 07:00 local
    expect(slots.body.slots).toHaveLength(33); // 07:00–12:30 in 10-minute slots

    const booked = await book(
      s,
      { concernId: 'housing', start: '2026-11-23T06:30:00.000Z', counterId: 'desk-2', language: 'tr' },
      clerk,
    );
    expect(booked.status).toBe(201);
    const a = booked.body.appointment;
    expect(a).toMatchObject({ concernId: 'housing', status: 'booked', counterId: 'desk-2' });
    expect(a.code).toMatch(/^\d{8}$/);
    expect(a.codeDisplay).toBe(`${a.code.slice(0, 4)} ${a.code.slice(4)}`);
    expect(a.confirmationUrl).toBe(`/appointment/${a.id}`);

    const again = await book(s, { concernId: 'housing', start: '2026-11-23T06:30:00.000Z' }, clerk);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SLOT_TAKEN');
    expect(JSON.stringify(again.body)).not.toContain(a.code);
    const closed = await book(s, { concernId: 'housing', start: '2026-11-23T16:00:00.000Z' }, clerk);
    expect(closed.body.error.code).toBe('OUTSIDE_APPOINTMENT_HOURS');
    const wrongDesk = await book(
      s,
      { concernId: 'education', start: '2026-11-23T06:30:00.000Z', counterId: 'desk-2' },
      clerk,
    );
    expect(wrongDesk.body.error.code).toBe('COUNTER_NOT_SERVING');
    expect((await book(s, { concernId: 'housing', start: 'tomorrow' }, clerk)).status).toBe(400);
    expect((await book(s, { concernId: 'housing', start: '2026-11-23T06:40:00Z' })).status).toBe(401);

    const slotsAfter = await get(s, '/api/appointments/slots?concernId=housing&date=2026-11-23', clerk);
    expect(slotsAfter.body.slots[3]).toEqual({ start: '2026-11-23T06:30:00.000Z', free: 0 });

    const integration = { concernId: 'education', start: '2026-11-23T07:00:00.000Z', externalId: 'ext-42' };
    const first = await book(s, integration, clerk);
    expect(first.status).toBe(201);
    const repeat = await book(s, integration, clerk);
    expect(repeat.status).toBe(200);
    expect(repeat.body.appointment).toEqual(first.body.appointment);

    const day = await get(s, '/api/appointments?date=2026-11-23', clerk);
    expect(day.body.appointments.map((x: { code: string }) => x.code)).toEqual([a.code, first.body.appointment.code]);
    const csv = await get(s, '/api/appointments?date=2026-11-23&format=csv&dialect=en', clerk);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(`2026-11-23T06:30:00.000Z,${a.code},housing,Wohngeld,desk-2,booked`);
    const german = String((await get(s, '/api/appointments?date=2026-11-23&format=csv', clerk)).body);
    expect(german).toContain(
      'Beginn;Code;Anliegen (Kennung);Anliegen;Platz (Kennung);Zustand;Nummer;Externe Kennung\r\n',
    );
    expect(german).toContain(`2026-11-23T06:30:00.000Z;${a.code};housing;Wohngeld;desk-2;booked`);
    const ics = await get(s, '/api/appointments?date=2026-11-23&format=ics', clerk);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('DTSTART:20261123T063000Z');
    expect(ics.body).toContain('DTEND:20261123T064000Z');
    expect(String(ics.body).match(/BEGIN:VEVENT/g)).toHaveLength(2);

    // The confirmation page, in the visitor's language, without JavaScript.
    const page = await fetch(`${s.url}${a.confirmationUrl}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('lang="tr"');
    expect(html).toContain('Randevunuz');
    expect(html).toContain(a.codeDisplay);
    expect(html).toContain('0461 85-0');
    expect(html).toContain('07:30');
    expect(html).toContain('@page{size:A4');
    expect((await fetch(`${s.url}/appointment/not-an-id`)).status).toBe(404);
  });

  it('moves and cancels; a cancelled code no longer checks in, and its place is free again', async () => {
    let now = SUNDAY;
    const { s, clerk } = await bookingOffice(() => now);
    const a = (await book(s, { concernId: 'housing', start: '2026-11-23T07:00:00Z' }, clerk)).body.appointment;
    const moved = await http(
      s.url,
      'PATCH',
      `/api/appointments/${a.id}`,
      { start: '2026-11-23T07:20:00Z', counterId: 'desk-4' },
      clerk,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.appointment).toMatchObject({
      code: a.code,
      start: '2026-11-23T07:20:00.000Z',
      counterId: 'desk-4',
    });
    const outside = await http(s.url, 'PATCH', `/api/appointments/${a.id}`, { start: '2026-11-24T07:20:00Z' }, clerk);
    expect(outside.body.error.code).toBe('OUTSIDE_APPOINTMENT_HOURS');

    const cancelled = await http(s.url, 'DELETE', `/api/appointments/${a.id}`, undefined, clerk);
    expect(cancelled.body.appointment.status).toBe('cancelled');
    const slots = await get(s, '/api/appointments/slots?concernId=housing&date=2026-11-23', clerk);
    expect(slots.body.slots.find((x: { start: string }) => x.start === '2026-11-23T07:20:00.000Z').free).toBe(1);

    now = Date.parse('2026-11-23T07:10:00Z');
    const checkIn = await http(s.url, 'POST', '/api/tickets', { appointmentCode: a.code });
    expect(checkIn.status).toBe(409);
    expect(checkIn.body.error.code).toBe('APPOINTMENT_CANCELLED');
    expect(JSON.stringify(checkIn.body)).not.toContain('2026-11-23T07:20');
    const again = await login(s.url);
    expect(
      (await http(s.url, 'DELETE', '/api/appointments/00000000-0000-4000-8000-000000000000', undefined, again)).status,
    ).toBe(404);
  });

  it('checks in by code during appointment hours while walk-in hours are closed; appointment-only concerns refuse walk-ins', async () => {
    let now = SUNDAY;
    let { s, clerk } = await bookingOffice(() => now);
    // 07:40 local, before walk-in hours (09:00)
    const a = (await book(s, { concernId: 'subsistence', start: '2026-11-23T06:40:00Z' }, clerk)).body.appointment;

    now = Date.parse('2026-11-23T06:30:00Z'); // 07:30 local
    clerk = await login(s.url);
    const walkIn = await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(walkIn.body.error.code).toBe('OFFICE_CLOSED');
    const grouped = `${a.code.slice(0, 4)} ${a.code.slice(4)}`;
    const checkIn = await http(s.url, 'POST', '/api/tickets', { appointmentCode: grouped, language: 'en' });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.ticket).toMatchObject({ concernId: 'subsistence', status: 'waiting' });
    const list = await get(s, '/api/appointments?date=2026-11-23', clerk);
    expect(list.body.appointments[0]).toMatchObject({
      id: a.id,
      status: 'checked-in',
      ticketNumber: checkIn.body.ticket.number,
    });

    now = Date.parse('2026-11-23T08:30:00Z'); // 09:30 local: walk-in hours
    const only = await http(s.url, 'POST', '/api/tickets', { concernId: 'subsistence' });
    expect(only.status).toBe(409);
    expect(only.body.error.code).toBe('APPOINTMENT_ONLY');
    const pub = await http(s.url, 'GET', '/api/office');
    expect(pub.body.concerns.find((c: { id: string }) => c.id === 'subsistence').appointmentOnly).toBe(true);
    expect(pub.body.appointmentHours.weekly.mon).toEqual([{ from: '07:00', to: '12:30' }]);
    expect(pub.body.contact).toEqual({
      phone: '0461 85-0',
      email: 'buergerbuero@example.org',
      address: 'Rathausplatz 1, 24937 Flensburg',
      web: 'https://example.org',
    });

    // The counter calls and completes: the appointment follows its ticket.
    clerk = await login(s.url);
    const called = await http(s.url, 'POST', '/api/counters/desk-3/call-next', undefined, clerk);
    expect(called.body.ticket.id).toBe(checkIn.body.ticket.id);
    let day = await get(s, '/api/appointments?date=2026-11-23', clerk);
    expect(day.body.appointments[0].status).toBe('called');
    await http(s.url, 'POST', '/api/counters/desk-3/complete', undefined, clerk);
    day = await get(s, '/api/appointments?date=2026-11-23', clerk);
    expect(day.body.appointments[0].status).toBe('done');

    const stats = await get(s, '/api/stats/appointments?from=2026-11-23&to=2026-11-23', clerk);
    expect(stats.body.rows).toContainEqual({
      period: '2026-11-23',
      concernId: 'subsistence',
      booked: 1,
      cancelled: 0,
      kept: 1,
      noShow: 0,
      punctualShare: 1,
      avgCheckInMinutes: -10,
    });
    const csv = await get(s, '/api/stats/appointments?from=2026-11-23&to=2026-11-23&format=csv&dialect=en', clerk);
    expect(csv.body).toContain('2026-11-23,subsistence,1,0,1,0,1,');
  });

  it('gives the last place of a slot to exactly one of many clerks booking at once', async () => {
    const now = SUNDAY;
    const { s } = await bookingOffice(() => now);
    const tokens = await Promise.all(Array.from({ length: 6 }, () => login(s.url)));
    const answers = await Promise.all(
      tokens.flatMap((t) => [0, 1].map(() => book(s, { concernId: 'housing', start: '2026-11-23T09:00:00Z' }, t))),
    );
    expect(answers.filter((x) => x.status === 201)).toHaveLength(1);
    expect(answers.filter((x) => x.status === 409 && x.body.error.code === 'SLOT_TAKEN')).toHaveLength(11);
    const day = await get(s, '/api/appointments?date=2026-11-23', tokens[0]);
    expect(day.body.appointments).toHaveLength(1);
  });

  it('prints the confirmation on the thermal printer: code grouped, date, contact and the QR code of the page', async () => {
    const now = SUNDAY;
    const printer = await PrinterEmulator.start();
    scope.cleanup.push(() => printer.close());
    const { s, clerk } = await bookingOffice(() => now, printer.url);
    const a = (await book(s, { concernId: 'housing', start: '2026-11-23T07:00:00Z' }, clerk)).body.appointment;
    const printed = await http(s.url, 'POST', `/api/appointments/${a.id}/print`, {}, clerk);
    expect(printed.body.print).toEqual({ status: 'printed' });
    const [job] = await printer.waitForJobs(1);
    expect(job?.text).toContain('Ihr Termin');
    expect(job?.text).toContain(a.codeDisplay);
    expect(job?.text).toContain('Montag, 23. November 2026');
    expect(job?.text).toContain('08:00');
    expect(job?.text).toContain('0461 85-0');
    expect(job?.qr).toEqual([`${s.url}/appointment/${a.id}`]);
    expect(job?.cuts).toBe(1);
  });
});
