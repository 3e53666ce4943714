import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantOf,
  isValidTimeZone,
  localDay,
  localParts,
  nextLocalMidnight,
  parseClock,
  zoneOffsetMinutes,
} from './localtime.ts';
import { at } from './test-fixtures.ts';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('localDay in Europe/Berlin', () => {
  it('given 22:59 UTC on a winter evening, then it is still the same local day (23:59 CET)', () => {
    expect(localDay(at('2026-01-15T22:59:59.999Z'), BERLIN)).toBe('2026-01-15');
  });

  it('given 23:00 UTC on a winter evening, then it is already the next local day (00:00 CET)', () => {
    expect(localDay(at('2026-01-15T23:00:00Z'), BERLIN)).toBe('2026-01-16');
  });

  it('given 23:30 UTC in winter, then the local day is the next calendar day', () => {
    expect(localDay(at('2026-01-15T23:30:00Z'), BERLIN)).toBe('2026-01-16');
  });

  it('given 23:30 UTC on New Year’s Eve, then the local day is in the next year', () => {
    expect(localDay(at('2026-12-31T23:30:00Z'), BERLIN)).toBe('2027-01-01');
  });

  it('given summer time, when it is 22:00 UTC, then the next local day has begun (00:00 CEST)', () => {
    expect(localDay(at('2026-07-15T21:59:59.999Z'), BERLIN)).toBe('2026-07-15');
    expect(localDay(at('2026-07-15T22:00:00Z'), BERLIN)).toBe('2026-07-16');
  });

  it('given the spring change (2026-03-29), then that day starts at 23:00 UTC and ends at 22:00 UTC', () => {
    expect(localDay(at('2026-03-28T22:59:59.999Z'), BERLIN)).toBe('2026-03-28');
    expect(localDay(at('2026-03-28T23:00:00Z'), BERLIN)).toBe('2026-03-29');
    expect(localDay(at('2026-03-29T21:59:59.999Z'), BERLIN)).toBe('2026-03-29');
    expect(localDay(at('2026-03-29T22:00:00Z'), BERLIN)).toBe('2026-03-30');
  });

  it('given the autumn change (2026-10-25), then that day starts at 22:00 UTC and ends at 23:00 UTC', () => {
    expect(localDay(at('2026-10-24T21:59:59.999Z'), BERLIN)).toBe('2026-10-24');
    expect(localDay(at('2026-10-24T22:00:00Z'), BERLIN)).toBe('2026-10-25');
    expect(localDay(at('2026-10-25T22:59:59.999Z'), BERLIN)).toBe('2026-10-25');
    expect(localDay(at('2026-10-25T23:00:00Z'), BERLIN)).toBe('2026-10-26');
  });
});

describe('localParts and zoneOffsetMinutes in Europe/Berlin', () => {
  it('given 10:15 UTC on Monday 2026-03-02, then it is Monday 11:15 local (675 minutes)', () => {
    expect(localParts(at('2026-03-02T10:15:00Z'), BERLIN)).toEqual({
      date: '2026-03-02',
      weekday: 'mon',
      minutes: 675,
    });
  });

  it('given local midnight, then minutes are 0 (never 24:00)', () => {
    expect(localParts(at('2026-03-01T23:00:00Z'), BERLIN)).toEqual({ date: '2026-03-02', weekday: 'mon', minutes: 0 });
  });

  it('given the spring change, when the clock jumps from 02:00 to 03:00, then the wall time skips an hour', () => {
    expect(localParts(at('2026-03-29T00:59:00Z'), BERLIN).minutes).toBe(1 * 60 + 59);
    expect(localParts(at('2026-03-29T01:00:00Z'), BERLIN).minutes).toBe(3 * 60);
  });

  it('given the autumn change, then 02:30 local occurs twice, one hour apart', () => {
    expect(localParts(at('2026-10-25T00:30:00Z'), BERLIN).minutes).toBe(150);
    expect(localParts(at('2026-10-25T01:30:00Z'), BERLIN).minutes).toBe(150);
  });

  it('given winter and summer, then the offset is +60 and +120 minutes', () => {
    expect(zoneOffsetMinutes(at('2026-01-15T12:00:00Z'), BERLIN)).toBe(60);
    expect(zoneOffsetMinutes(at('2026-07-15T12:00:00Z'), BERLIN)).toBe(120);
    expect(zoneOffsetMinutes(at('2026-03-29T00:59:59Z'), BERLIN)).toBe(60);
    expect(zoneOffsetMinutes(at('2026-03-29T01:00:00Z'), BERLIN)).toBe(120);
  });

  it('given any instant from 1972 to 2100, when the minute before and the same minute were asked for just before, then the answer is the one Intl gives for it', () => {
    const zones = [BERLIN, 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
    // An independent reading: Swedish dates are written YYYY-MM-DD hh:mm:ss.
    const reference = (t: number, zone: string) => {
      const [date, clock] = new Date(t).toLocaleString('sv-SE', { timeZone: zone }).split(' ');
      const [hours, minutes] = String(clock).split(':').map(Number);
      return {
        date,
        weekday: new Date(t).toLocaleString('en-US', { timeZone: zone, weekday: 'short' }).toLowerCase(),
        minutes: Number(hours) * 60 + Number(minutes),
      };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: at('1972-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 59_999 }),
        fc.constantFrom(...zones),
        (t, within, zone) => {
          const minuteStart = Math.floor(t / 60_000) * 60_000;
          // The minute before, then another instant of this minute, then the one asked for.
          expect(localParts(minuteStart - 1, zone)).toEqual(reference(minuteStart - 1, zone));
          localParts(minuteStart + ((within + 30_000) % 60_000), zone);
          expect(localParts(minuteStart + within, zone)).toEqual(reference(minuteStart + within, zone));
        },
      ),
    );
  });

  it('given a zone west of UTC, then the offset is negative', () => {
    expect(zoneOffsetMinutes(at('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
  });
});

describe('instantOf in Europe/Berlin', () => {
  it('given an ordinary winter day, then 09:00 local is 08:00 UTC', () => {
    expect(instantOf('2026-03-02', 9 * 60, BERLIN)).toBe(at('2026-03-02T08:00:00Z'));
  });

  it('given an ordinary summer day, then 09:00 local is 07:00 UTC', () => {
    expect(instantOf('2026-06-01', 9 * 60, BERLIN)).toBe(at('2026-06-01T07:00:00Z'));
  });

  it('given the spring change day, then it lasts 23 hours', () => {
    const start = instantOf('2026-03-29', 0, BERLIN);
    const end = instantOf('2026-03-30', 0, BERLIN);
    expect(start).toBe(at('2026-03-28T23:00:00Z'));
    expect(end).toBe(at('2026-03-29T22:00:00Z'));
    expect(end - start).toBe(23 * HOUR);
  });

  it('given the autumn change day, then it lasts 25 hours', () => {
    const start = instantOf('2026-10-25', 0, BERLIN);
    const end = instantOf('2026-10-26', 0, BERLIN);
    expect(start).toBe(at('2026-10-24T22:00:00Z'));
    expect(end).toBe(at('2026-10-25T23:00:00Z'));
    expect(end - start).toBe(25 * HOUR);
  });

  it('given the spring change day, then wall times before and after the jump map to CET and CEST', () => {
    expect(instantOf('2026-03-29', 1 * 60 + 30, BERLIN)).toBe(at('2026-03-29T00:30:00Z'));
    expect(instantOf('2026-03-29', 9 * 60, BERLIN)).toBe(at('2026-03-29T07:00:00Z'));
  });

  it('given the autumn change day, then 09:00 local is already CET (08:00 UTC)', () => {
    expect(instantOf('2026-10-25', 9 * 60, BERLIN)).toBe(at('2026-10-25T08:00:00Z'));
  });

  it('given a wall time skipped by the spring change (02:30), then the later valid instant is used (03:30 CEST)', () => {
    const t = instantOf('2026-03-29', 2 * 60 + 30, BERLIN);
    expect(t).toBe(at('2026-03-29T01:30:00Z'));
    expect(localParts(t, BERLIN)).toMatchObject({ date: '2026-03-29', minutes: 3 * 60 + 30 });
  });

  it('given a wall time skipped by the spring change west of UTC (New York 02:30), then the later valid instant is used (03:30 EDT)', () => {
    const t = instantOf('2026-03-08', 2 * 60 + 30, 'America/New_York');
    expect(localParts(t, 'America/New_York')).toMatchObject({ date: '2026-03-08', minutes: 3 * 60 + 30 });
    expect(t).toBe(at('2026-03-08T07:30:00Z'));
  });

  it('given any existing wall time of a Berlin day, then instantOf and localParts agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (dayOffset, minutes) => {
          const date = addDays('2025-01-01', dayOffset);
          const t = instantOf(date, minutes, BERLIN);
          const parts = localParts(t, BERLIN);
          const skipped = parts.minutes !== minutes;
          if (skipped) {
            // Only the hour skipped in spring may be moved, and only forward by that hour.
            expect(minutes).toBeGreaterThanOrEqual(120);
            expect(minutes).toBeLessThan(180);
            expect(parts.minutes).toBe(minutes + 60);
          }
          expect(parts.date).toBe(date);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('nextLocalMidnight', () => {
  it('given the middle of the spring change day, then the next midnight is 22:00 UTC (00:00 CEST)', () => {
    expect(nextLocalMidnight(at('2026-03-29T10:00:00Z'), BERLIN)).toBe(at('2026-03-29T22:00:00Z'));
  });

  it('given the instant of a local midnight, then the next one is a full local day later', () => {
    expect(nextLocalMidnight(at('2026-03-28T23:00:00Z'), BERLIN)).toBe(at('2026-03-29T22:00:00Z'));
    expect(nextLocalMidnight(at('2026-10-24T22:00:00Z'), BERLIN)).toBe(at('2026-10-25T23:00:00Z'));
  });

  it('given the middle of the autumn change day, then the next midnight is 23:00 UTC (00:00 CET)', () => {
    expect(nextLocalMidnight(at('2026-10-25T12:00:00Z'), BERLIN)).toBe(at('2026-10-25T23:00:00Z'));
  });

  it('given one millisecond before midnight, then the next midnight is one millisecond later', () => {
    const t = at('2026-10-24T21:59:59.999Z');
    expect(nextLocalMidnight(t, BERLIN) - t).toBe(1);
  });

  it('given a zone whose clocks jump at midnight (Santiago, 2026-09-06 00:00 -> 01:00), then the next midnight still lies after now and on the next local day', () => {
    // 03:30 UTC is 23:30 on 2026-09-05 (-04); the new day begins at 04:00 UTC (01:00 -03).
    const now = at('2026-09-06T03:30:00Z');
    expect(localDay(now, 'America/Santiago')).toBe('2026-09-05');
    const next = nextLocalMidnight(now, 'America/Santiago');
    expect(next).toBeGreaterThan(now);
    expect(next).toBe(at('2026-09-06T04:00:00Z'));
  });

  it('given every third hour of 2026 in a number of zones, then the next midnight is after it, starts the next local day, and the instant before it is still today', () => {
    const zones = [
      BERLIN,
      'UTC',
      'America/New_York',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/Santiago',
      'America/Havana',
    ];
    const failures: string[] = [];
    for (const zone of zones) {
      for (let now = at('2026-01-01T00:30:00Z'); now < at('2027-01-01T00:00:00Z'); now += 3 * HOUR) {
        const next = nextLocalMidnight(now, zone);
        const today = localDay(now, zone);
        const ok = next > now && localDay(next, zone) === addDays(today, 1) && localDay(next - 1, zone) === today;
        if (!ok) failures.push(`${zone} ${new Date(now).toISOString()} -> ${new Date(next).toISOString()}`);
      }
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

describe('addDays', () => {
  it('given the end of February, then it rolls into March and respects leap years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
  });

  it('given the end of the year, then it rolls into the next year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('given negative or zero days, then it goes back or stays', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('given a DST change in between, then whole calendar days are counted', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
  });
});

describe('parseClock', () => {
  it('given well-formed clock times, then it returns minutes since midnight', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('12:30')).toBe(750);
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('24:00')).toBe(1440);
  });

  it.each([
    '',
    '9',
    '0900',
    '09:0',
    '09:000',
    '123:00',
    '24:01',
    '25:00',
    '12:60',
    'ab:cd',
    ' 09:00',
    '09:00 ',
    '-1:00',
    '09.00',
    '9:5',
    '09:00:00',
  ])('given the malformed clock time %j, then it returns NaN', (input) => {
    expect(parseClock(input)).toBeNaN();
  });
});

describe('isValidTimeZone', () => {
  it('given a known IANA zone, then it is valid', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('given an unknown zone, then it is not valid', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
