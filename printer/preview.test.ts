import { writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decode } from './decode.ts';
import { EscPosWriter, initialize } from './escpos.ts';
import { glyphDot, hasGlyph } from './font.ts';
import { renderTicket } from './layout.ts';
import { previewBytes, renderPreview } from './preview.ts';
import { native58, sampleTicket } from './test-fixtures.ts';

function read(png: Uint8Array) {
  return PNG.sync.read(Buffer.from(png));
}

function inkPixels(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 80) n++;
  return n;
}

describe('preview', () => {
  it('draws a native QR code that a scanner reads as the phone URL (sample saved to /tmp/ticket-preview.png)', () => {
    const png = previewBytes(renderTicket(sampleTicket, native58));
    writeFileSync('/tmp/ticket-preview.png', png);
    const image = read(png);
    expect(image.width).toBe(384 + 2 * 40 + 2 * 18);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(sampleTicket.phoneUrl);
  });

  it('draws a raster QR code on 80 mm paper that a scanner reads', () => {
    const png = previewBytes(renderTicket(sampleTicket, { ...native58, paperWidthMm: 80, nativeQr: false }));
    const image = read(png);
    expect(image.width).toBe(576 + 2 * 40 + 2 * 18);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(sampleTicket.phoneUrl);
  });

  it('has glyphs for everything the code pages print, distinct for umlauts and Cyrillic', () => {
    for (const ch of 'AZaz09äöüßÄÖÜ€ЖжЯяşğİı─') expect(hasGlyph(ch)).toBe(true);
    const bitmap = (ch: string) => Array.from({ length: 24 * 12 }, (_, i) => glyphDot(ch, i % 12, Math.floor(i / 12)));
    expect(bitmap('ä')).not.toEqual(bitmap('a'));
    expect(bitmap('ä').filter(Boolean).length).toBeGreaterThan(bitmap('a').filter(Boolean).length);
    expect(bitmap(' ').some(Boolean)).toBe(false);
  });

  it('prints text as ink, bigger text as more ink, and nothing for nothing', () => {
    const line = (size: number) => {
      const w = new EscPosWriter().raw(initialize()).codePage(19);
      w.raw(Uint8Array.of(0x1d, 0x21, ((size - 1) << 4) | (size - 1))).line('W-017');
      return inkPixels(read(renderPreview(decode(w.bytes()), { paperWidthMm: 58 })));
    };
    expect(line(1)).toBeGreaterThan(100);
    expect(line(2)).toBeGreaterThan(3 * line(1));
    expect(inkPixels(read(renderPreview([], { paperWidthMm: 58 })))).toBe(0);
  });

  it('shows different tickets differently', () => {
    const a = previewBytes(renderTicket(sampleTicket, native58));
    const b = previewBytes(renderTicket({ ...sampleTicket, number: 'W-018' }, native58));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });
});
