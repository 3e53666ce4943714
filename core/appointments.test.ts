import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appointmentStatus,
  checkAppointment,
  checkBooking,
  checkinFrom,
  formatCode,
  freeSlots,
  newCode,
  normalizeCode,
  slotsOn,
} from './appointments.ts';
import { localParts } from './localtime.ts';
import { slotRulesOf } from './policy.ts';
import { at, concernOf, errorOf, MINUTE, makeOffice, makeTicket, unwrap } from './test-fixtures.ts';
import type { Appointment } from './types.ts';

/** Demo office with its hours enforced: Mon 09:00–12:30, Tue 13:00–17:30, Thu 09:00–12:30 (Berlin); housing serves 9 min -> 10-minute slots. */
const office = makeOffice((o) => {
  o.enforceOpeningHours = true;
});
const housing = concernOf(office, 'housing');
const MONDAY = '2026-11-23';
const SUNDAY_BEFORE = at('2026-11-22T12:00:00Z');
const booked = (id: string, iso: string, fields: Partial<Appointment> = {}): Appointment => ({
  id,
  code: `c-${id}`,
  concernId: 'housing',
  start: at(iso),
  ...fields,
});

describe('slots of a day', () => {
  it('given Monday hours 09:00–12:30 and 10-minute slots, then 21 slots from 09:00 local, each with one place', () => {
    const slots = slotsOn(office, housing, MONDAY, [], SUNDAY_BEFORE);
    expect(slots).toHaveLength(21);
    expect(new Date(slots[0]?.start ?? 0).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(new Date(slots.at(-1)?.start ?? 0).toISOString()).toBe('2026-11-23T11:20:00.000Z');
    expect(slots.every((s) => s.free === 1 && s.capacity === 1)).toBe(true);
  });

  it('given separate appointment hours and a closed day, then slots follow the appointment hours and none on the closed day', () => {
    const o = makeOffice((x) => {
      x.enforceOpeningHours = true;
      x.appointmentHours = { weekly: { fri: [{ from: '07:00', to: '08:00' }] }, closedDays: [] };
    });
    const c = concernOf(o, 'housing');
    expect(slotsOn(o, c, MONDAY, [], SUNDAY_BEFORE)).toEqual([]);
    expect(slotsOn(o, c, '2026-11-27', [], SUNDAY_BEFORE)).toHaveLength(6);
    expect(slotsOn(o, c, '2026-12-25', [], SUNDAY_BEFORE)).toEqual([]); // office closed day (a Friday)
  });

  it('given a slot capacity of 2 and one appointment at an odd minute inside the slot, then one place is left', () => {
    const o = makeOffice((x) => {
      concernOf(x, 'housing').slotCapacity = 2;
    });
    const slots = slotsOn(o, concernOf(o, 'housing'), MONDAY, [booked('a', '2026-11-23T08:03:00Z')], SUNDAY_BEFORE);
    expect(slots[0]?.free).toBe(1);
    expect(slots[1]?.free).toBe(2);
  });

  it('given a cancelled appointment, then its place is free again', () => {
    const slots = slotsOn(
      office,
      housing,
      MONDAY,
      [booked('a', '2026-11-23T08:00:00Z', { cancelledAt: 1 })],
      SUNDAY_BEFORE,
    );
    expect(slots[0]?.free).toBe(1);
  });

  it('given the morning has passed, then only slots that have not begun are offered', () => {
    const slots = slotsOn(office, housing, MONDAY, [], at('2026-11-23T11:05:00Z'));
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-11-23T11:10:00.000Z',
      '2026-11-23T11:20:00.000Z',
    ]);
  });

  it('given the next seven days from a Sunday, then Monday, Tuesday and Thursday have free slots', () => {
    const days = freeSlots(office, housing, [], SUNDAY_BEFORE, 7).map((d) => d.date);
    expect(days).toEqual(['2026-11-23', '2026-11-24', '2026-11-26']);
  });
});

describe('booking rules', () => {
  it('given a free slot, then it may be booked; given it is full, then SLOT_TAKEN', () => {
    const start = at('2026-11-23T08:10:00Z');
    expect(unwrap(checkBooking(office, housing, start, [], SUNDAY_BEFORE)).free).toBe(1);
    const full = [booked('a', '2026-11-23T08:10:00Z')];
    expect(errorOf(checkBooking(office, housing, start, full, SUNDAY_BEFORE))).toBe('SLOT_TAKEN');
    // moving the appointment that holds the place within its own slot is allowed
    expect(checkBooking(office, housing, start, full, SUNDAY_BEFORE, 'a').ok).toBe(true);
  });

  it('given a time outside the appointment hours or in the past, then OUTSIDE_APPOINTMENT_HOURS', () => {
    expect(errorOf(checkBooking(office, housing, at('2026-11-23T07:00:00Z'), [], SUNDAY_BEFORE))).toBe(
      'OUTSIDE_APPOINTMENT_HOURS',
    );
    // 12:30 local: the hours end there
    expect(errorOf(checkBooking(office, housing, at('2026-11-23T11:30:00Z'), [], SUNDAY_BEFORE))).toBe(
      'OUTSIDE_APPOINTMENT_HOURS',
    );
    expect(errorOf(checkBooking(office, housing, at('2026-11-23T08:00:00Z'), [], at('2026-11-24T09:00:00Z')))).toBe(
      'OUTSIDE_APPOINTMENT_HOURS',
    );
    // earlier the same day is taken (an external system reporting an appointment just begun)
    expect(checkBooking(office, housing, at('2026-11-23T08:00:00Z'), [], at('2026-11-23T09:00:00Z')).ok).toBe(true);
  });

  it('given an office that does not enforce its hours (the demo), then a time outside every slot is taken', () => {
    const demo = makeOffice();
    expect(checkBooking(demo, concernOf(demo, 'housing'), at('2026-11-27T19:00:00Z'), [], SUNDAY_BEFORE).ok).toBe(true);
  });

  it('given an info-only concern, then it cannot be booked', () => {
    expect(errorOf(checkBooking(office, concernOf(office, 'online'), at('2026-11-23T08:00:00Z'), [], 0))).toBe(
      'INFO_ONLY_CONCERN',
    );
  });

  it('property: however many bookings are tried, no slot ever holds more than its capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 240 }), { maxLength: 60 }),
        (capacity, minutes) => {
          const o = makeOffice((x) => {
            x.enforceOpeningHours = true;
            concernOf(x, 'housing').slotCapacity = capacity;
          });
          const c = concernOf(o, 'housing');
          const stored: Appointment[] = [];
          for (const [i, m] of minutes.entries()) {
            const start = at('2026-11-23T07:30:00Z') + m * MINUTE;
            if (checkBooking(o, c, start, stored, SUNDAY_BEFORE).ok)
              stored.push(booked(String(i), '2026-11-23T00:00:00Z', { start }));
          }
          for (const slot of slotsOn(o, c, MONDAY, stored, SUNDAY_BEFORE)) {
            const inSlot = stored.filter((a) => a.start >= slot.start && a.start < slot.start + slot.length);
            expect(inSlot.length).toBeLessThanOrEqual(capacity);
            expect(slot.free).toBe(capacity - inSlot.length);
          }
          // every stored appointment lies inside the appointment hours
          for (const a of stored) {
            const local = localParts(a.start, o.timezone).minutes;
            expect(local).toBeGreaterThanOrEqual(9 * 60);
            expect(local).toBeLessThan(12 * 60 + 30);
            expect(slotRulesOf(c).slotMinutes).toBe(10);
          }
        },
      ),
    );
  });
});

describe('codes', () => {
  it('given a taken code, when a new one is drawn, then another 8-digit code is chosen', () => {
    const draws = ['47110815', '47110815', '12345678'];
    expect(newCode(new Set(['47110815']), () => draws.shift() ?? '')).toBe('12345678');
  });

  it('shows 8 digits grouped for reading out, and reads a grouped code back', () => {
    expect(formatCode('47110815')).toBe('4711 0815');
    expect(formatCode('T-100')).toBe('T-100');
    expect(normalizeCode(' 4711 0815 ')).toBe('47110815');
    expect(normalizeCode('4711-0815')).toBe('47110815');
    expect(normalizeCode('T-100')).toBe('T-100');
  });
});

describe('status follows the ticket', () => {
  const a = booked('a', '2026-11-23T08:00:00Z');
  const now = at('2026-11-23T08:30:00Z');
  it('given no ticket, then booked on the day and no-show on the next day', () => {
    expect(appointmentStatus(a, undefined, now, office.timezone)).toBe('booked');
    expect(appointmentStatus(a, undefined, at('2026-11-24T08:00:00Z'), office.timezone)).toBe('no-show');
  });
  it('given its ticket, then checked-in, called, done or no-show', () => {
    const t = makeTicket({ id: 't', concernId: 'housing', issuedAt: now });
    expect(appointmentStatus(a, t, now, office.timezone)).toBe('checked-in');
    expect(appointmentStatus(a, { ...t, status: 'called' }, now, office.timezone)).toBe('called');
    expect(appointmentStatus(a, { ...t, status: 'done' }, now, office.timezone)).toBe('done');
    expect(appointmentStatus(a, { ...t, status: 'no-show' }, now, office.timezone)).toBe('no-show');
    expect(appointmentStatus({ ...a, cancelledAt: now }, undefined, now, office.timezone)).toBe('cancelled');
  });
});

describe('checking in with an appointment code', () => {
  const slot = booked('a1', '2026-11-23T09:00:00Z');
  it('given the default window of 60 minutes, then check-in opens an hour before the slot and not a minute earlier', () => {
    expect(checkinFrom(slot, office)).toBe(slot.start - 60 * MINUTE);
    expect(errorOf(checkAppointment(slot, 'housing', office, slot.start - 61 * MINUTE))).toBe('APPOINTMENT_TOO_EARLY');
    expect(unwrap(checkAppointment(slot, 'housing', office, slot.start - 60 * MINUTE)).id).toBe('a1');
  });
  it('given an office window of 15 minutes, then the same code is too early 20 minutes before', () => {
    const strict = makeOffice((o) => {
      o.policy = { ...o.policy, appointmentCheckinMinutes: 15 };
    });
    expect(checkinFrom(slot, strict)).toBe(slot.start - 15 * MINUTE);
    expect(errorOf(checkAppointment(slot, undefined, strict, slot.start - 20 * MINUTE))).toBe('APPOINTMENT_TOO_EARLY');
  });
  it('given a used, cancelled, other-concern or past appointment, then the matching refusal', () => {
    const now = slot.start;
    expect(errorOf(checkAppointment(undefined, 'housing', office, now))).toBe('UNKNOWN_APPOINTMENT');
    expect(errorOf(checkAppointment(slot, 'education', office, now))).toBe('UNKNOWN_APPOINTMENT');
    expect(errorOf(checkAppointment({ ...slot, ticketId: 't' }, 'housing', office, now))).toBe('APPOINTMENT_USED');
    expect(errorOf(checkAppointment({ ...slot, cancelledAt: now }, 'housing', office, now))).toBe(
      'APPOINTMENT_CANCELLED',
    );
    expect(errorOf(checkAppointment(slot, 'housing', office, now + 24 * 60 * MINUTE))).toBe('APPOINTMENT_EXPIRED');
  });
});
