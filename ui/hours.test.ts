import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../core/types.ts';
import { clockText, nextOpeningText, openingLines, timeText, weekdayName } from './hours.ts';

const hours: OpeningHours = {
  weekly: {
    thu: [{ from: '09:00', to: '12:30' }],
    mon: [{ from: '09:00', to: '12:30' }],
    tue: [
      { from: '08:00', to: '10:00' },
      { from: '13:00', to: '17:30' },
    ],
  },
  closedDays: [],
};

describe('opening hours for visitors', () => {
  it('lists open days Monday first, with spans in local words', () => {
    expect(openingLines(hours, 'de')).toEqual([
      { day: 'mon', dayName: 'Montag', hours: '9:00–12:30' },
      { day: 'tue', dayName: 'Dienstag', hours: '8:00–10:00, 13:00–17:30' },
      { day: 'thu', dayName: 'Donnerstag', hours: '9:00–12:30' },
    ]);
    expect(weekdayName('thu', 'tr')).toBe('Perşembe');
  });

  it('drops the leading zero of hours only', () => {
    expect(clockText('09:05')).toBe('9:05');
    expect(clockText('13:00')).toBe('13:00');
  });

  it('names the next opening in the office time zone', () => {
    // Saturday 2026-11-21 12:00 UTC -> next opening Monday 2026-11-23 09:00 Berlin.
    const text = nextOpeningText(hours, 'Europe/Berlin', 'de', Date.UTC(2026, 10, 21, 12));
    expect(text).toContain('Montag');
    expect(text).toContain('23');
    expect(text).toContain('09:00');
  });

  it('keeps Latin digits in Arabic times, like the ticket numbers', () => {
    expect(timeText(Date.UTC(2026, 10, 21, 13, 5), 'Europe/Berlin', 'ar')).toMatch(/14:05/);
  });
});
