import { describe, expect, it } from 'vitest';
import { decode, EscPosDecoder, type EscPosCommand, printedLines } from './decode.ts';
import {
  concatBytes,
  cut,
  EscPosWriter,
  initialize,
  qrCode,
  rasterImage,
  selectCodePage,
  statusRequest,
} from './escpos.ts';
import { renderTicket } from './layout.ts';
import { sampleTicket } from './test-fixtures.ts';

describe('decode', () => {
  it('reads text by the code page selected at that point', () => {
    const bytes = new EscPosWriter().raw(initialize()).codePage(19).line('Grüße, 5 €').line('Привет, Jürgen').bytes();
    expect(printedLines(decode(bytes))).toEqual(['Grüße, 5 €', 'Привет, Jürgen']);
  });

  it('uses PC437 after ESC @ until a code page is selected', () => {
    // 0x81 is ü in PC437 and PC858; 0xd5 is ╒ in PC437 but € in PC858.
    const bytes = concatBytes([initialize(), Uint8Array.of(0xd5, 0x0a), selectCodePage(19), Uint8Array.of(0xd5, 0x0a)]);
    expect(printedLines(decode(bytes))).toEqual(['╒', '€']);
  });

  it('yields the QR payload with the settings in force', () => {
    const commands = decode(qrCode('https://example.org/t/abc', 7, 'Q'));
    expect(commands).toEqual([
      { type: 'qr', data: 'https://example.org/t/abc', model: 2, moduleSize: 7, errorCorrection: 'Q' },
    ]);
  });

  it('yields raster images, cuts and status queries', () => {
    const image = { width: 16, height: 2, data: Uint8Array.of(1, 2, 3, 4) };
    const bytes = concatBytes([
      rasterImage(image),
      statusRequest(2),
      cut({ partial: false, feed: 5 }),
      Uint8Array.of(0x1d, 0x56, 0x31),
    ]);
    expect(decode(bytes)).toEqual([
      { type: 'raster', image, mode: 0 },
      { type: 'status', n: 2 },
      { type: 'cut', partial: false, feed: 5 },
      { type: 'cut', partial: true, feed: 0 },
    ]);
  });

  it('skips commands it does not know by their length and keeps going', () => {
    // ESC - 1 (underline), GS h 80 (barcode height), then text
    const bytes = Uint8Array.of(0x1b, 0x2d, 0x01, 0x1d, 0x68, 0x50, 0x41, 0x0a);
    const commands = decode(bytes);
    expect(commands.filter((c) => c.type === 'unknown')).toHaveLength(2);
    expect(printedLines(commands)).toEqual(['A']);
  });

  it('reports an incomplete trailing command as unknown', () => {
    const commands = decode(Uint8Array.of(0x1d, 0x76, 0x30, 0x00, 0x02));
    expect(commands).toEqual([{ type: 'unknown', bytes: Uint8Array.of(0x1d, 0x76, 0x30, 0x00, 0x02) }]);
  });

  it('decodes the same commands however the bytes are split into chunks', () => {
    const bytes = renderTicket(sampleTicket, { paperWidthMm: 58, nativeQr: false, nonLatin: 'german' });
    const whole = decode(bytes);
    const merged = (commands: EscPosCommand[]) => printedLines(commands).join('\n');
    for (const chunkSize of [1, 2, 3, 7, 64, 1000]) {
      const decoder = new EscPosDecoder();
      const commands: EscPosCommand[] = [];
      for (let i = 0; i < bytes.length; i += chunkSize)
        commands.push(...decoder.push(bytes.subarray(i, i + chunkSize)));
      commands.push(...decoder.end());
      expect(merged(commands)).toBe(merged(whole));
      expect(commands.filter((c) => c.type !== 'text')).toEqual(whole.filter((c) => c.type !== 'text'));
    }
  });
});
