import { describe, expect, it } from 'vitest';
import { decode, summarize } from './decode.ts';
import { MAX_DOCUMENTS_PER_CONCERN, renderTicket } from './layout.ts';
import { getDot } from './raster.ts';
import { native58, readRasterQr, sampleTicket } from './test-fixtures.ts';
import type { PrintableTicket, PrintLayoutOptions } from './types.ts';

/** The ticket as printed, decoded back (58 mm, native QR codes, unless `options` say otherwise). */
const printed = (ticket: PrintableTicket, options: PrintLayoutOptions = native58) =>
  summarize(decode(renderTicket(ticket, options)));
/** The `count` printed lines after the first line that reads `marker`. */
const linesAfter = (lines: string[], marker: string, count: number) => {
  const at = lines.indexOf(marker);
  return lines.slice(at + 1, at + 1 + count);
};

describe('renderTicket → decode (round trip)', () => {
  it('gives back the number, German text with umlauts and €, the QR payload and one cut', () => {
    const t = printed(sampleTicket);
    expect(t.lines).toContain('W-017');
    expect(t.text).toContain('Bürgeramt Mitte');
    expect(t.text).toContain('Nachweis über');
    expect(t.text).toContain('Gebühr: 12,50 €');
    expect(t.text).toContain('Größe ändern');
    expect(t.text).toContain('Öffnungszeiten: Mo-Fr 8-14 Uhr');
    expect(t.text).toContain('Bezirksamt Musterstadt');
    expect(t.qr).toEqual([sampleTicket.phoneUrl]);
    expect(t.cuts).toBe(1);
  });

  it('ends with a partial cut after the last text', () => {
    const commands = decode(renderTicket(sampleTicket, native58));
    expect(commands[commands.length - 1]).toEqual({ type: 'cut', partial: true, feed: 0 });
    expect(commands[0]).toEqual({ type: 'init' });
    expect(commands[1]).toEqual({ type: 'codePage', page: 19 });
  });

  it('prints local date and time in the office time zone', () => {
    expect(printed(sampleTicket).text).toMatch(/Ausgegeben: +21\.11\.2025, 13:18/);
    const tokyo = renderTicket({ ...sampleTicket, timezone: 'Asia/Tokyo' }, native58);
    expect(summarize(decode(tokyo)).text).toMatch(/21\.11\.2025, 21:18/);
    expect(() => renderTicket({ ...sampleTicket, timezone: 'Mars/Olympus' }, native58)).toThrow(RangeError);
  });

  it('prints people ahead and the estimated wait, or that the visitor is next', () => {
    const text = printed(sampleTicket).text;
    expect(text).toMatch(/Vor Ihnen warten: +4/);
    expect(text).toMatch(/Wartezeit: +ca\. 15 Min\./);
    const next = summarize(
      decode(renderTicket({ ...sampleTicket, waitingAhead: 0, estimatedWaitMinutes: 0 }, native58)),
    ).text;
    expect(next).toContain('Sie sind als Nächstes dran.');
    expect(next).not.toContain('Vor Ihnen');
    const odd = summarize(
      decode(renderTicket({ ...sampleTicket, waitingAhead: 2.4, estimatedWaitMinutes: Number.NaN }, native58)),
    ).text;
    expect(odd).toMatch(/Vor Ihnen warten: +2\n/);
    expect(odd).toMatch(/Wartezeit: +ca\. 0 Min\./);
  });

  it('lists the documents, wrapped with an indent, and leaves the list out when there are none', () => {
    expect(linesAfter(printed(sampleTicket).lines, 'Bitte halten Sie bereit:', 4)).toEqual([
      '- Personalausweis oder Reisepass',
      '- Mietvertrag und Nachweis über',
      '  Einkünfte der letzten 12',
      '  Monate',
    ]);
    const none = printed({ ...sampleTicket, documents: [] }).text;
    expect(none).not.toContain('bereit');
  });

  it('keeps every line within 32 columns at 58 mm and 48 at 80 mm', () => {
    const long = {
      ...sampleTicket,
      officeName: 'Bürgeramt der Stadtverwaltung mit einem sehr langen Namen',
      concernName: 'Anmeldung einer Wohnung nach Umzug innerhalb Deutschlands',
    };
    for (const [paper, cols] of [
      [58, 32],
      [80, 48],
    ] as const) {
      const commands = decode(renderTicket(long, { ...native58, paperWidthMm: paper }));
      let width = 1;
      let column = 0;
      for (const c of commands) {
        if (c.type === 'size') width = c.width;
        if (c.type === 'text') column += [...c.text].length * width;
        if (c.type === 'lineFeed') column = 0;
        expect(column).toBeLessThanOrEqual(cols);
      }
      expect(summarize(commands).lines.some((l) => l.length > 32)).toBe(paper === 80);
    }
  });

  it('prints the number in quadruple size and bold', () => {
    const commands = decode(renderTicket(sampleTicket, native58));
    const at = commands.findIndex((c) => c.type === 'text' && c.text === 'W-017');
    const before = commands.slice(0, at);
    expect(before.filter((c) => c.type === 'size').pop()).toEqual({ type: 'size', width: 4, height: 4 });
    expect(before.filter((c) => c.type === 'bold').pop()).toEqual({ type: 'bold', on: true });
  });

  it('is pure: the same input gives the same bytes', () => {
    expect(renderTicket(sampleTicket, native58)).toEqual(renderTicket({ ...sampleTicket }, { ...native58 }));
  });

  it('draws a readable raster QR code when the printer has no GS ( k', () => {
    const t = printed(sampleTicket, { ...native58, nativeQr: false });
    expect(t.qr).toEqual([]);
    expect(t.rasters).toHaveLength(1);
    const [qr] = t.rasters;
    expect(qr?.width).toBe(384);
    expect(readRasterQr(qr!)).toBe(sampleTicket.phoneUrl);
  });

  it('prints Russian and Ukrainian labels through PC866', () => {
    const ru = summarize(
      decode(renderTicket({ ...sampleTicket, language: 'ru', concernName: 'Жилищное пособие' }, native58)),
    );
    expect(ru.text).toContain('Ваш номер');
    expect(ru.text).toContain('Жилищное пособие');
    expect(ru.text).toContain('Bürgeramt Mitte');
    const uk = printed({ ...sampleTicket, language: 'uk' });
    expect(uk.text).toContain('Будь ласка, пiдготуйте:'); // і printed as its Latin look-alike
  });

  it('prints Turkish labels through PC857', () => {
    const tr = printed({ ...sampleTicket, language: 'tr' });
    expect(tr.text).toContain('Sıranızı telefonunuzdan izleyin:');
    expect(tr.text).toMatch(/Önünüzdeki kişi: +4/);
  });

  it('Arabic with nonLatin "german": German labels and the German fallback texts', () => {
    const ar: PrintableTicket = {
      ...sampleTicket,
      language: 'ar',
      concernName: 'طلب إعانة السكن',
      documents: ['جواز السفر'],
      fallback: { concernName: 'Wohngeld beantragen', documents: ['Reisepass'] },
    };
    const t = printed(ar);
    expect(t.text).toContain('Ihre Nummer');
    expect(t.text).toContain('Wohngeld beantragen');
    expect(t.lines).toContain('- Reisepass');
    expect(t.text).not.toContain('?');
    expect(t.rasters).toHaveLength(0);
  });

  it('Arabic with nonLatin "raster": labels as images, values as text, dynamic text through the rasteriser', () => {
    const ar: PrintableTicket = {
      ...sampleTicket,
      language: 'ar',
      concernName: 'طلب إعانة السكن',
      documents: ['جواز السفر'],
    };
    const drawn: string[] = [];
    const rasterizeText = (text: string) => {
      drawn.push(text);
      return { width: 8, height: 1, data: Uint8Array.of(0xff) };
    };
    const t = printed(ar, { ...native58, nonLatin: 'raster', rasterizeText });
    expect(t.text).not.toContain('Ihre Nummer');
    expect(t.lines).toContain('W-017');
    expect(t.lines).toContain('4');
    expect(t.lines).toContain('15');
    expect(drawn).toEqual(['طلب إعانة السكن', 'جواز السفر']);
    // yourNumber, issued, ahead, estimatedWait, documents, qr labels + 2 rasterised texts
    expect(t.rasters).toHaveLength(8);
    expect(t.qr).toEqual([sampleTicket.phoneUrl]);
  });

  it('centres a logo within the paper width and rejects one that is too wide', () => {
    const logo = { width: 16, height: 2, data: new Uint8Array(4).fill(0xff) };
    const [image] = printed(sampleTicket, { ...native58, logo }).rasters;
    expect(image?.width).toBe(384);
    expect(getDot(image!, 183, 0)).toBe(false);
    expect(getDot(image!, 184, 0)).toBe(true);
    expect(getDot(image!, 199, 1)).toBe(true);
    expect(getDot(image!, 200, 1)).toBe(false);
    const wide = { width: 400, height: 1, data: new Uint8Array(50) };
    expect(() => renderTicket(sampleTicket, { ...native58, logo: wide })).toThrow(RangeError);
  });

  it('shrinks the QR modules so a long URL still fits the paper', () => {
    const long = { ...sampleTicket, phoneUrl: `https://lotse.example.org/t/${'x'.repeat(200)}` };
    const [qr] = printed(long, { ...native58, nativeQr: false }).rasters;
    expect(qr?.width).toBe(384);
    expect(readRasterQr(qr!)).toBe(long.phoneUrl);
    const native = decode(renderTicket(long, native58)).find((c) => c.type === 'qr');
    expect(native?.type === 'qr' && native.moduleSize).toBeLessThan(6);
  });

  describe('a visit with several concerns', () => {
    const visit: PrintableTicket = {
      ...sampleTicket,
      concerns: [
        { name: 'Wohngeld beantragen', documents: ['Personalausweis', 'Mietvertrag', 'Lohnzettel', 'Kontoauszüge'] },
        { name: 'Bescheinigung', documents: ['Personalausweis'] },
        { name: 'Unterlagen abgeben', documents: [] },
      ],
    };

    it('prints the concerns in order under the number, and how they are served', () => {
      const lines = printed(visit).lines;
      expect(linesAfter(lines, 'W-017', 6)).toEqual([
        '1. Wohngeld beantragen',
        '2. Bescheinigung',
        '3. Unterlagen abgeben',
        'Nacheinander erledigt, alles',
        'unter einer Nummer.',
        '─'.repeat(32),
      ]);
      // Unnumbered only as the heading of its documents.
      expect(lines.filter((l) => l === 'Wohngeld beantragen')).toHaveLength(1);
    });

    it('lists the documents of each concern under its name, at most three each', () => {
      const lines = printed(visit).lines;
      expect(linesAfter(lines, 'Bitte halten Sie bereit:', 8)).toEqual([
        'Wohngeld beantragen',
        '- Personalausweis',
        '- Mietvertrag',
        '- Lohnzettel',
        '... und 1 mehr: siehe Handy',
        'Bescheinigung',
        '- Personalausweis',
        '─'.repeat(32),
      ]);
      expect(lines).not.toContain('- Kontoauszüge');
      expect(MAX_DOCUMENTS_PER_CONCERN).toBe(3);
    });

    it('sets each concern centred and bold, byte for byte', () => {
      const bytes = Buffer.from(renderTicket(visit, native58));
      const line = (text: string) =>
        Buffer.concat([
          Buffer.from([0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01]), // ESC a 1 (centre), ESC E 1 (bold)
          Buffer.from(`${text}\n`, 'latin1'),
          Buffer.from([0x1b, 0x45, 0x00]), // ESC E 0
        ]);
      const first = bytes.indexOf(line('1. Wohngeld beantragen'));
      expect(first).toBeGreaterThan(0);
      expect(bytes.indexOf(line('2. Bescheinigung'))).toBe(first + line('1. Wohngeld beantragen').length);
    });

    it('prints a one-concern ticket exactly as without the list', () => {
      const one: PrintableTicket = {
        ...sampleTicket,
        concerns: [{ name: sampleTicket.concernName, documents: sampleTicket.documents }],
      };
      expect(renderTicket(one, native58)).toEqual(renderTicket(sampleTicket, native58));
    });

    it('Arabic: the German names and documents where the printer cannot show the script', () => {
      const ar: PrintableTicket = {
        ...sampleTicket,
        language: 'ar',
        concerns: [
          { name: 'إعانة السكن', documents: ['جواز السفر'], fallback: { name: 'Wohngeld', documents: ['Pass'] } },
          { name: 'شهادات', documents: ['جواز السفر'], fallback: { name: 'Bescheinigungen', documents: ['Pass'] } },
        ],
      };
      const t = printed(ar);
      expect(t.lines).toContain('1. Wohngeld');
      expect(t.lines).toContain('2. Bescheinigungen');
      expect(t.lines).toContain('Nacheinander erledigt, alles');
      expect(t.text).not.toContain('?');
      const drawn: string[] = [];
      const rasterizeText = (text: string) => {
        drawn.push(text);
        return { width: 8, height: 1, data: Uint8Array.of(0xff) };
      };
      renderTicket(ar, { ...native58, nonLatin: 'raster', rasterizeText });
      expect(drawn.slice(0, 3)).toEqual(['1. إعانة السكن', '2. شهادات', 'تُنجز واحدًا بعد الآخر، كلها برقم واحد.']);
    });
  });
});
