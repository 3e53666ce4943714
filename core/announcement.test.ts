import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementText, DEFAULT_TEMPLATES, germanNumberWords, spokenCounter, spokenNumber } from './announcement.ts';
import { formatTicketNumber } from './numbering.ts';
import { LANGUAGES } from './types.ts';

describe('germanNumberWords', () => {
  it('given numbers a waiting room hears, then German words', () => {
    expect(germanNumberWords(0)).toBe('null');
    expect(germanNumberWords(1)).toBe('eins');
    expect(germanNumberWords(7)).toBe('sieben');
    expect(germanNumberWords(11)).toBe('elf');
    expect(germanNumberWords(17)).toBe('siebzehn');
    expect(germanNumberWords(20)).toBe('zwanzig');
    expect(germanNumberWords(21)).toBe('einundzwanzig');
    expect(germanNumberWords(35)).toBe('fünfunddreißig');
    expect(germanNumberWords(100)).toBe('einhundert');
    expect(germanNumberWords(101)).toBe('einhunderteins');
    expect(germanNumberWords(117)).toBe('einhundertsiebzehn');
    expect(germanNumberWords(999)).toBe('neunhundertneunundneunzig');
    expect(germanNumberWords(1000)).toBe('eintausend');
    expect(germanNumberWords(2031)).toBe('zweitausendeinunddreißig');
  });

  it('given a number out of range, then its digits', () => {
    expect(germanNumberWords(10_000)).toBe('10000');
    expect(germanNumberWords(-1)).toBe('-1');
    expect(germanNumberWords(1.5)).toBe('1.5');
  });

  it('given any number up to 9999, then only letters (never digits, minus or zeros spelt out)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        const words = germanNumberWords(n);
        expect(words).toMatch(/^[a-zßäöü]+$/);
        expect(words).not.toContain('null');
        expect(words).not.toContain('minus');
      }),
    );
  });
});

describe('spokenNumber', () => {
  it('given a ticket number in German, then prefix and the number in words, no "minus", no leading zeros', () => {
    expect(spokenNumber('W-017', 'de')).toBe('W siebzehn');
    expect(spokenNumber('A-001', 'de')).toBe('A eins');
    expect(spokenNumber('B-120', 'de')).toBe('B einhundertzwanzig');
  });

  it('given another language, then the prefix and the number without leading zeros (voices read digits)', () => {
    expect(spokenNumber('W-017', 'en')).toBe('W 17');
    expect(spokenNumber('W-017', 'tr')).toBe('W 17');
    expect(spokenNumber('W-017', 'ar')).toBe('W 17');
    expect(spokenNumber('W-017', 'uk')).toBe('W 17');
    expect(spokenNumber('W-017', 'ru')).toBe('W 17');
  });

  it('given a prefix of several letters, then it is spelt letter by letter', () => {
    expect(spokenNumber('WG-005', 'de')).toBe('W G fünf');
    expect(spokenNumber('AB-100', 'en')).toBe('A B 100');
  });

  it('given something that is no ticket number, then it stays as it is', () => {
    expect(spokenNumber('Platz 3', 'de')).toBe('Platz 3');
    expect(spokenNumber('W-', 'de')).toBe('W-');
  });

  it('given every formatted number, then the spoken form has neither hyphen nor leading zero', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,3}$/), fc.integer({ min: 1, max: 20_000 }), (prefix, running) => {
        for (const language of LANGUAGES) {
          const spoken = spokenNumber(formatTicketNumber(prefix, running), language);
          expect(spoken).not.toContain('-');
          expect(spoken).not.toMatch(/\b0\d/);
          expect(spoken.startsWith(prefix.split('').join(' '))).toBe(true);
        }
      }),
    );
  });
});

describe('spokenCounter', () => {
  it('given a pronunciation, then it is said instead of the name', () => {
    expect(spokenCounter({ name: 'A', spokenName: 'Schalter A' }, 'x')).toBe('Schalter A');
    expect(spokenCounter({ name: 'Platz 2', spokenName: '  ' }, 'x')).toBe('Platz 2');
    expect(spokenCounter(undefined, 'Platz 9')).toBe('Platz 9');
  });
});

describe('announcementText', () => {
  const office = {
    announcements: { language: 'de' as const, templates: { de: 'Die Nummer {number} bitte zu {counter}.' } },
    counters: [
      { id: 'desk-2', name: 'P2', spokenName: 'Platz zwei' },
      { id: 'desk-3', name: 'Platz 3' },
    ],
  };

  it("given the office's wording and a pronunciation, then both are used", () => {
    expect(announcementText(office, { number: 'W-017', counterId: 'desk-2', counterName: 'P2' }, 'de')).toBe(
      'Die Nummer W siebzehn bitte zu Platz zwei.',
    );
  });

  it('given a language without office wording, then the built-in wording of that language', () => {
    const call = { number: 'W-017', counterId: 'desk-3', counterName: 'Platz 3' };
    expect(announcementText(office, call, 'en')).toBe('Number W 17, please go to Platz 3.');
    expect(announcementText(office, call, 'tr')).toBe('Numara W 17, lütfen Platz 3.');
    expect(announcementText(office, call, 'ar')).toBe('الرقم W 17، تفضل إلى Platz 3.');
    expect(announcementText(office, call, 'uk')).toBe('Номер W 17, будь ласка, до Platz 3.');
    expect(announcementText(office, call, 'ru')).toBe('Номер W 17, пожалуйста, к Platz 3.');
    expect(announcementText(null, call, 'de')).toBe('Nummer W siebzehn, bitte zu Platz 3.');
  });

  it('given a counter the office does not know (any more), then the name the call carries', () => {
    expect(announcementText(office, { number: 'B-002', counterId: 'gone', counterName: 'Zimmer 4' }, 'de')).toBe(
      'Die Nummer B zwei bitte zu Zimmer 4.',
    );
    expect(Object.keys(DEFAULT_TEMPLATES).sort()).toEqual([...LANGUAGES].sort());
  });
});
