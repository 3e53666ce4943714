import { describe, expect, it } from 'vitest';
import { appointmentStats } from './appointment-stats.ts';
import { at, makeTicket } from './test-fixtures.ts';
import type { Appointment } from './types.ts';

const TZ = 'Europe/Berlin';
const a = (id: string, concernId: string, iso: string, fields: Partial<Appointment> = {}): Appointment => ({
  id,
  code: id,
  concernId,
  start: at(iso),
  ...fields,
});

/** An expected row, its figures in the order of the columns. */
const row = (
  period: string,
  concernId: string,
  booked: number,
  cancelled: number,
  kept: number,
  noShow: number,
  punctualShare: number | null,
  avgCheckInMinutes: number | null,
) => ({ period, concernId, booked, cancelled, kept, noShow, punctualShare, avgCheckInMinutes });

describe('appointment statistics', () => {
  it('given kept, late, cancelled and missed appointments over two days, then booked, kept, no-shows and punctuality per day and concern', () => {
    const appointments = [
      a('1', 'housing', '2026-11-23T08:00:00Z'),
      a('2', 'housing', '2026-11-23T09:00:00Z'),
      a('3', 'housing', '2026-11-23T10:00:00Z', { cancelledAt: 1 }),
      a('4', 'education', '2026-11-23T10:00:00Z'),
      a('5', 'housing', '2026-11-24T13:00:00Z'),
      a('6', 'housing', '2026-11-30T13:00:00Z'), // outside the range
    ];
    const tickets = [
      // 10 minutes early, served
      makeTicket({
        id: 't1',
        concernId: 'housing',
        issuedAt: at('2026-11-23T07:50:00Z'),
        appointmentId: '1',
        status: 'done',
      }),
      // 6 minutes late, did not come when called
      makeTicket({
        id: 't2',
        concernId: 'housing',
        issuedAt: at('2026-11-23T09:06:00Z'),
        appointmentId: '2',
        status: 'no-show',
      }),
    ];
    const rows = appointmentStats(appointments, tickets, {
      from: '2026-11-23',
      to: '2026-11-24',
      by: 'day',
      timeZone: TZ,
      now: at('2026-11-25T12:00:00Z'),
    });
    // period, concern, booked, cancelled, kept, no-show, punctual share, average check-in (minutes)
    expect(rows).toEqual([
      row('2026-11-23', 'education', 1, 0, 0, 1, null, null),
      row('2026-11-23', 'housing', 3, 1, 2, 1, 0.5, -2),
      row('2026-11-23', '*', 4, 1, 2, 2, 0.5, -2),
      row('2026-11-24', 'housing', 1, 0, 0, 1, null, null),
      row('2026-11-24', '*', 1, 0, 0, 1, null, null),
    ]);
  });

  it('given a booked appointment of today, then it is no no-show yet', () => {
    const rows = appointmentStats([a('1', 'housing', '2026-11-23T08:00:00Z')], [], {
      from: '2026-11-23',
      to: '2026-11-23',
      by: 'all',
      timeZone: TZ,
      now: at('2026-11-23T12:00:00Z'),
    });
    expect(rows.at(-1)).toMatchObject({ period: '2026-11-23..2026-11-23', booked: 1, noShow: 0, kept: 0 });
  });
});
