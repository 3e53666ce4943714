import { describe, expect, it } from 'vitest';
import { appointmentsToCsv, appointmentsToICalendar } from './appointment-export.ts';
import type { AppointmentView } from './api.ts';
import { makeOffice } from './test-fixtures.ts';

const office = makeOffice();
const view = (fields: Partial<AppointmentView>): AppointmentView => ({
  id: 'a1',
  code: '47110815',
  codeDisplay: '4711 0815',
  concernId: 'housing',
  start: '2026-11-23T08:20:00.000Z',
  status: 'booked',
  confirmationUrl: '/appointment/a1',
  ...fields,
});

describe('appointment exports', () => {
  it('writes CSV with the concern name and neutralises cells a spreadsheet would run', () => {
    const csv = appointmentsToCsv([view({ externalId: '=HYPERLINK("x")', counterId: 'desk-2' })], office);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('start,code,concernId,concernName,counterId,status,ticketNumber,externalId');
    expect(row).toBe(`2026-11-23T08:20:00.000Z,47110815,housing,Wohngeld,desk-2,booked,,"'=HYPERLINK(""x"")"`);
  });

  it('writes CSV for German spreadsheets when asked, formulas still neutralised', () => {
    const csv = appointmentsToCsv([view({ externalId: '=HYPERLINK("x")', counterId: 'desk-2' })], office, 'de');
    expect(
      csv.startsWith(
        '\uFEFFBeginn;Code;Anliegen (Kennung);Anliegen;Platz (Kennung);Zustand;Nummer;Externe Kennung\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      `2026-11-23T08:20:00.000Z;47110815;housing;Wohngeld;desk-2;booked;;"'=HYPERLINK(""x"")"`,
    );
  });

  it('writes one VEVENT per appointment not cancelled, with the slot length, CRLF lines of at most 75 octets', () => {
    const ics = appointmentsToICalendar(
      [view({ counterId: 'desk-2' }), view({ id: 'a2', status: 'cancelled' })],
      makeOffice((o) => {
        o.name = 'Sozialamt, Front Office; Erdgeschoss mit einem sehr langen Namen, der gefaltet werden muss';
      }),
      Date.parse('2026-11-22T12:00:00Z'),
    );
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('UID:a1@lotse');
    expect(ics).toContain('DTSTART:20261123T082000Z\r\nDTEND:20261123T083000Z');
    expect(ics).toContain('LOCATION:Platz 2');
    expect(ics).toContain('Sozialamt\\, Front Office\\; Erdgeschoss');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
