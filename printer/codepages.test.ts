import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeRuns, isPrintable, toPrintable } from './codepages.ts';
import { labelValue, wrapText } from './wrap.ts';

describe('code pages', () => {
  it('knows which scripts a ticket can print', () => {
    expect(isPrintable('Straße 5 € — „Ausweis“')).toBe(true);
    expect(isPrintable('Паспорт')).toBe(true);
    expect(isPrintable('Орієнтовне очікування')).toBe(true); // і and є via look-alikes / PC866
    expect(isPrintable('Kimlik kartı, İstanbul')).toBe(true);
    expect(isPrintable('جواز السفر')).toBe(false);
  });

  it('substitutes typographic characters and marks what cannot be shown', () => {
    expect(toPrintable('„Mo–Fr“ … 8\u202f:')).toBe('"Mo-Fr" ... 8 :');
    expect(toPrintable('5\u00a0€')).toBe('5\u00a0€'); // no-break space exists in PC858
    expect(toPrintable('Ґанок і')).toBe('Ганок i');
    expect(toPrintable('a\u200fب')).toBe('a?');
  });

  it('round-trips mixed text through the runs it chooses', () => {
    const text = 'Bürgeramt: Паспорт, kimlik kartı, 5 €';
    const decoded = encodeRuns(text, 19)
      .map((r) => decodeBytes(r.bytes, r.page))
      .join('');
    expect(decoded).toBe(text);
  });
});

describe('word wrap', () => {
  it('breaks between words within the width', () => {
    expect(wrapText('Mietvertrag und Nachweis über Einkünfte', 16)).toEqual([
      'Mietvertrag und',
      'Nachweis über',
      'Einkünfte',
    ]);
  });

  it('splits words longer than a line and keeps explicit line breaks', () => {
    expect(wrapText('Wohngeldberechnungsstelle x', 10)).toEqual(['Wohngeldbe', 'rechnungss', 'telle x']);
    expect(wrapText('a\n\nb', 5)).toEqual(['a', '', 'b']);
  });

  it('never returns a line wider than the columns', () => {
    const text =
      'Ein sehr langer Satz mit Wörtern unterschiedlicher Länge, Donaudampfschifffahrtsgesellschaft inklusive.';
    for (const cols of [5, 8, 13, 32])
      for (const line of wrapText(text, cols)) expect([...line].length).toBeLessThanOrEqual(cols);
  });

  it('puts label and value on one line when they fit', () => {
    expect(labelValue('Vor Ihnen:', '4', 16)).toEqual(['Vor Ihnen:     4']);
    expect(labelValue('Geschätzte Wartezeit:', 'ca. 15 Min.', 16)).toEqual([
      'Geschätzte',
      'Wartezeit:',
      '     ca. 15 Min.',
    ]);
  });
});
