import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/result.ts';
import { errorText, isKnownErrorCode } from './staff-errors.ts';
import { formatClock, formatDay, formatDecimal, formatMinutes, minutesSince, officeDay } from './staff-format.ts';

describe('staff formatting', () => {
  it('formats minutes in plain German', () => {
    expect(formatMinutes(0)).toBe('unter 1 Min.');
    expect(formatMinutes(0.4)).toBe('unter 1 Min.');
    expect(formatMinutes(7)).toBe('7 Min.');
    expect(formatMinutes(65)).toBe('1 Std. 05 Min.');
    expect(formatMinutes(Number.NaN)).toBe('unter 1 Min.');
  });

  it('shows clock times in the office time zone', () => {
    // 08:05 UTC is 09:05 in Berlin in winter and 10:05 in summer.
    expect(formatClock('2026-01-15T08:05:00.000Z', 'Europe/Berlin')).toBe('09:05');
    expect(formatClock('2026-07-15T08:05:00.000Z', 'Europe/Berlin')).toBe('10:05');
    expect(formatClock('not a date', 'Europe/Berlin')).toBe('–');
  });

  it('counts whole minutes since an instant, never negative', () => {
    const at = Date.parse('2026-01-15T08:00:00.000Z');
    expect(minutesSince('2026-01-15T08:00:00.000Z', at + 59_000)).toBe(0);
    expect(minutesSince('2026-01-15T08:00:00.000Z', at + 12 * 60_000 + 1)).toBe(12);
    expect(minutesSince('2026-01-15T08:00:00.000Z', at - 60_000)).toBe(0);
  });

  it('takes the office day from the office time zone, not the machine', () => {
    const lateUtc = Date.parse('2026-03-01T23:30:00.000Z'); // 00:30 on 2 March in Berlin
    expect(officeDay('Europe/Berlin', 0, lateUtc)).toBe('2026-03-02');
    expect(officeDay('Europe/Berlin', -6, lateUtc)).toBe('2026-02-24');
    expect(officeDay('UTC', 0, lateUtc)).toBe('2026-03-01');
  });

  it('formats days and decimals the German way', () => {
    expect(formatDay('2026-11-17')).toBe('Di 17.11.2026');
    expect(formatDay('2026-W47')).toBe('2026-W47');
    expect(formatDecimal(4.25)).toBe('4,3');
    expect(formatDecimal(12)).toBe('12');
    expect(formatDecimal(null)).toBe('–');
  });
});

describe('staff error texts', () => {
  it('has a German text for every server error code', () => {
    for (const code of ERROR_CODES) {
      expect(isKnownErrorCode(code)).toBe(true);
      expect(errorText(code)).not.toMatch(/Unbekannter Fehler/);
    }
  });

  it('names unknown codes so they can be reported', () => {
    expect(errorText('SOMETHING_NEW')).toContain('SOMETHING_NEW');
    expect(errorText('OFFLINE')).toMatch(/Verbindung/);
  });
});
