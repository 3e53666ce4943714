import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber, spokenTicketNumber } from './numbering.ts';

describe('formatTicketNumber', () => {
  it('given the first ticket of concern W, then it reads W-001', () => {
    expect(formatTicketNumber('W', 1)).toBe('W-001');
  });

  it('given running number 17, then it is padded to three digits: W-017', () => {
    expect(formatTicketNumber('W', 17)).toBe('W-017');
  });

  it('given running number 999, then it needs no padding: W-999', () => {
    expect(formatTicketNumber('W', 999)).toBe('W-999');
  });

  it('given running number 1000, then all four digits are kept: W-1000', () => {
    expect(formatTicketNumber('W', 1000)).toBe('W-1000');
  });

  it('given a prefix of several letters, then the prefix is kept as is', () => {
    expect(formatTicketNumber('WG', 5)).toBe('WG-005');
  });

  it('given different running numbers, then the numbers differ (no two tickets of a concern look alike)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b) => {
        fc.pre(a !== b);
        expect(formatTicketNumber('W', a)).not.toBe(formatTicketNumber('W', b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('spokenTicketNumber', () => {
  it('given W-017, then it is spoken as "W 17" (no leading zeros)', () => {
    expect(spokenTicketNumber('W-017')).toBe('W 17');
  });

  it('given W-001, W-010, W-100 and W-1000, then only leading zeros are dropped', () => {
    expect(spokenTicketNumber('W-001')).toBe('W 1');
    expect(spokenTicketNumber('W-010')).toBe('W 10');
    expect(spokenTicketNumber('W-100')).toBe('W 100');
    expect(spokenTicketNumber('W-1000')).toBe('W 1000');
  });

  it('given a multi-letter prefix, then the whole prefix is spoken', () => {
    expect(spokenTicketNumber('WG-005')).toBe('WG 5');
  });

  it('given text that is not a ticket number, then it is returned unchanged', () => {
    expect(spokenTicketNumber('Platz 3')).toBe('Platz 3');
    expect(spokenTicketNumber('W-')).toBe('W-');
  });

  it('given any formatted number, then speaking it gives prefix and running number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,3}$/), fc.integer({ min: 1, max: 99_999 }), (prefix, running) => {
        expect(spokenTicketNumber(formatTicketNumber(prefix, running))).toBe(`${prefix} ${running}`);
      }),
      { numRuns: 300 },
    );
  });
});
