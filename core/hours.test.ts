import { describe, expect, it } from 'vitest';
import { isOpen, nextOpening } from './hours.ts';
import { at, makeOffice } from './test-fixtures.ts';
import type { OpeningHours } from './types.ts';

const BERLIN = 'Europe/Berlin';
/** Demo office: Mon and Thu 09:00–12:30, Tue 13:00–17:30; closed 24–26 and 31 Dec, 1 Jan. */
const hours: OpeningHours = makeOffice().openingHours;

describe('isOpen (Europe/Berlin; Mon 09:00–12:30, Tue 13:00–17:30, Thu 09:00–12:30)', () => {
  it('given Monday 09:00 local exactly, then the office is open', () => {
    expect(isOpen(hours, BERLIN, at('2026-03-02T08:00:00Z'))).toBe(true);
  });

  it('given Monday one millisecond before 09:00 local, then the office is closed', () => {
    expect(isOpen(hours, BERLIN, at('2026-03-02T07:59:59.999Z'))).toBe(false);
  });

  it('given Monday 12:29 local, then the office is still open', () => {
    expect(isOpen(hours, BERLIN, at('2026-03-02T11:29:59Z'))).toBe(true);
  });

  it('given Monday 12:30 local exactly, then the office is closed', () => {
    expect(isOpen(hours, BERLIN, at('2026-03-02T11:30:00Z'))).toBe(false);
  });

  it('given summer time, then the edges follow local time (09:00 CEST = 07:00 UTC, 12:30 CEST = 10:30 UTC)', () => {
    expect(isOpen(hours, BERLIN, at('2026-06-01T06:59:00Z'))).toBe(false);
    expect(isOpen(hours, BERLIN, at('2026-06-01T07:00:00Z'))).toBe(true);
    expect(isOpen(hours, BERLIN, at('2026-06-01T10:29:00Z'))).toBe(true);
    expect(isOpen(hours, BERLIN, at('2026-06-01T10:30:00Z'))).toBe(false);
  });

  it('given Tuesday, then only the afternoon span counts', () => {
    expect(isOpen(hours, BERLIN, at('2026-03-03T09:00:00Z'))).toBe(false); // 10:00
    expect(isOpen(hours, BERLIN, at('2026-03-03T12:00:00Z'))).toBe(true); // 13:00
    expect(isOpen(hours, BERLIN, at('2026-03-03T16:29:00Z'))).toBe(true); // 17:29
    expect(isOpen(hours, BERLIN, at('2026-03-03T16:30:00Z'))).toBe(false); // 17:30
  });

  it('given a weekday without spans (Wednesday) or a weekend day, then the office is closed all day', () => {
    expect(isOpen(hours, BERLIN, at('2026-03-04T09:00:00Z'))).toBe(false);
    expect(isOpen(hours, BERLIN, at('2026-03-01T09:00:00Z'))).toBe(false);
    expect(isOpen(hours, BERLIN, at('2026-03-07T09:00:00Z'))).toBe(false);
  });

  it('given a closed day that falls on an opening weekday (Thu 2026-12-24), then the office is closed', () => {
    expect(isOpen(hours, BERLIN, at('2026-12-17T09:00:00Z'))).toBe(true); // the Thursday before: open
    expect(isOpen(hours, BERLIN, at('2026-12-24T09:00:00Z'))).toBe(false);
  });

  it('given a closed day, then it is matched by the local date, not the UTC date', () => {
    const allDay: OpeningHours = {
      weekly: Object.fromEntries(
        (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
      ),
      closedDays: ['2026-03-02'],
    };
    expect(isOpen(allDay, BERLIN, at('2026-03-01T22:30:00Z'))).toBe(true); // Sun 23:30 local
    expect(isOpen(allDay, BERLIN, at('2026-03-01T23:30:00Z'))).toBe(false); // Mon 00:30 local, closed day
    expect(isOpen(allDay, BERLIN, at('2026-03-02T23:30:00Z'))).toBe(true); // Tue 00:30 local
  });

  it('given the weekday is taken locally, then 23:30 UTC on Sunday counts as Monday in Berlin', () => {
    const mondayNight: OpeningHours = { weekly: { mon: [{ from: '00:00', to: '01:00' }] }, closedDays: [] };
    expect(isOpen(mondayNight, BERLIN, at('2026-03-01T23:30:00Z'))).toBe(true);
  });
});

describe('nextOpening (Europe/Berlin)', () => {
  it('given Sunday, then the office next opens on Monday 09:00 local', () => {
    expect(nextOpening(hours, BERLIN, at('2026-03-01T10:00:00Z'))).toBe(at('2026-03-02T08:00:00Z'));
  });

  it('given Monday morning before opening, then it opens at 09:00 the same day', () => {
    expect(nextOpening(hours, BERLIN, at('2026-03-02T06:00:00Z'))).toBe(at('2026-03-02T08:00:00Z'));
  });

  it('given the office is open, then the next opening is now', () => {
    const now = at('2026-03-02T10:00:00Z');
    expect(nextOpening(hours, BERLIN, now)).toBe(now);
  });

  it('given Monday at closing time 12:30, then it next opens on Tuesday at 13:00', () => {
    expect(nextOpening(hours, BERLIN, at('2026-03-02T11:30:00Z'))).toBe(at('2026-03-03T12:00:00Z'));
  });

  it('given Tuesday after closing, then it next opens on Thursday 09:00 (Wednesday is closed)', () => {
    expect(nextOpening(hours, BERLIN, at('2026-03-03T17:00:00Z'))).toBe(at('2026-03-05T08:00:00Z'));
  });

  it('given Christmas (closed days 24–26 Dec on Thu–Sat), then it next opens on Monday 28 Dec 09:00', () => {
    expect(nextOpening(hours, BERLIN, at('2026-12-23T10:00:00Z'))).toBe(at('2026-12-28T08:00:00Z'));
    expect(nextOpening(hours, BERLIN, at('2026-12-24T09:00:00Z'))).toBe(at('2026-12-28T08:00:00Z'));
  });

  it('given a closed Monday, then it next opens on Tuesday 13:00', () => {
    const closedMonday: OpeningHours = { ...hours, closedDays: ['2026-03-02'] };
    expect(nextOpening(closedMonday, BERLIN, at('2026-03-01T10:00:00Z'))).toBe(at('2026-03-03T12:00:00Z'));
    expect(nextOpening(closedMonday, BERLIN, at('2026-03-02T09:00:00Z'))).toBe(at('2026-03-03T12:00:00Z'));
  });

  it('given the Sunday of the spring change, then Monday 09:00 is already CEST (07:00 UTC)', () => {
    expect(nextOpening(hours, BERLIN, at('2026-03-29T10:00:00Z'))).toBe(at('2026-03-30T07:00:00Z'));
  });

  it('given the Sunday of the autumn change, then Monday 09:00 is already CET (08:00 UTC)', () => {
    expect(nextOpening(hours, BERLIN, at('2026-10-25T10:00:00Z'))).toBe(at('2026-10-26T08:00:00Z'));
  });

  it('given several spans listed out of order, then the earliest coming span is found', () => {
    const split: OpeningHours = {
      weekly: {
        mon: [
          { from: '14:00', to: '16:00' },
          { from: '09:00', to: '11:00' },
        ],
      },
      closedDays: [],
    };
    expect(nextOpening(split, BERLIN, at('2026-03-02T06:00:00Z'))).toBe(at('2026-03-02T08:00:00Z'));
    expect(nextOpening(split, BERLIN, at('2026-03-02T10:30:00Z'))).toBe(at('2026-03-02T13:00:00Z')); // 11:30 local
    expect(isOpen(split, BERLIN, at('2026-03-02T13:30:00Z'))).toBe(true);
  });

  it('given no opening hours at all, then there is no next opening', () => {
    expect(nextOpening({ weekly: {}, closedDays: [] }, BERLIN, at('2026-03-02T10:00:00Z'))).toBeNull();
  });

  it('given the next opening lies beyond the horizon, then there is none', () => {
    const sundayNow = at('2026-03-01T10:00:00Z');
    expect(nextOpening(hours, BERLIN, sundayNow, 0)).toBeNull();
    expect(nextOpening(hours, BERLIN, sundayNow, 1)).toBe(at('2026-03-02T08:00:00Z'));
  });
});
