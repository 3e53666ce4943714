import { describe, expect, it } from 'vitest';
import { ARABIC_GLYPHS } from './arabic-font-data.ts';
import { shape, visualOrder } from './arabic-shaping.ts';
import { rasterizeArabic } from './arabic-text.ts';
import { renderTicket } from './layout.ts';
import { decode, printedLines } from './decode.ts';
import { sampleTicket } from './test-fixtures.ts';

const keys = (text: string) => shape(text).map((g) => g.key);

describe('Arabic shaping', () => {
  it('gives each letter its joining form: initial, medial, final; a right-joining letter breaks the word', () => {
    // سكن: seen initial, kaf medial, noon final
    expect(keys('سكن')).toEqual(['س:initial', 'ك:medial', 'ن:final']);
    // إعانة: alef isolated, ain initial, alef final, noon initial (after alef), teh marbuta final
    expect(keys('إعانة')).toEqual(['إ:isolated', 'ع:initial', 'ا:final', 'ن:initial', 'ة:final']);
  });

  it('joins lam and alef into one ligature and leaves out vowel marks', () => {
    expect(keys('الا')).toEqual(['ا:isolated', 'ﻻ:isolated']);
    expect(keys('بلا')).toEqual(['ب:initial', 'ﻻ:final']);
    expect(keys('واحدًا')).toEqual(keys('واحدا'));
  });

  it('has a glyph for every form it produces', () => {
    for (const text of [
      'إعانة السكن',
      'بطاقة الهوية أو جواز السفر',
      'موعدك:',
      'أسئلة؟ الهاتف:',
      'إثبات الدخل لآخر 3 أشهر',
    ]) {
      for (const g of shape(text)) if (g.arabic) expect(ARABIC_GLYPHS[g.key], g.key).toBeDefined();
    }
  });

  it('orders a line right to left, numbers and Latin words kept in reading order', () => {
    const visual = visualOrder(shape('رقم W-017 الآن')).map((g) => g.key.split(':')[0]);
    expect(visual.join('')).toBe(['ن', 'ﻵ', 'ا', ' ', 'W', '-', '0', '1', '7', ' ', 'م', 'ق', 'ر'].join(''));
  });
});

describe('rasterizeArabic', () => {
  it('draws the text, wraps at spaces to the width, and never exceeds it', () => {
    const one = rasterizeArabic('إعانة السكن', 576);
    expect(one.height).toBe(36);
    expect(one.data.some((b) => b !== 0)).toBe(true);
    const narrow = rasterizeArabic('بطاقة الهوية أو جواز السفر', 150);
    expect(narrow.width).toBeLessThanOrEqual(150);
    expect(narrow.height).toBeGreaterThan(36);
  });
});

describe('ticket layout', () => {
  it('prints the appointment time under the concern and the office phone in the foot', () => {
    const bytes = renderTicket(
      { ...sampleTicket, language: 'de', appointmentAt: Date.parse('2026-11-23T09:30:00Z'), officePhone: '0461 85-0' },
      { paperWidthMm: 80, nativeQr: true, nonLatin: 'raster' },
    );
    const lines = printedLines(decode(bytes));
    expect(lines.join('\n')).toContain('Ihr Termin 23.11.2026, 10:30');
    expect(lines.filter((l) => l.trim() !== '').at(-1)).toBe('0461 85-0');
    expect(lines).toContain('Fragen? Telefon');
  });
});
