import { describe, expect, it } from 'vitest';
import {
  align,
  bold,
  characterSize,
  cut,
  EscPosWriter,
  encodeText,
  feedLines,
  initialize,
  lineFeed,
  qrCode,
  qrErrorCorrection,
  qrModel2,
  qrModuleSize,
  qrPrint,
  qrStore,
  rasterImage,
  selectCodePage,
  statusRequest,
} from './escpos.ts';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('ESC/POS commands, byte for byte (Epson reference)', () => {
  it('ESC @ initialises', () => expect(hex(initialize())).toBe('1b 40'));

  it('ESC t n selects the code page', () => {
    expect(hex(selectCodePage(19))).toBe('1b 74 13');
    expect(hex(selectCodePage(17))).toBe('1b 74 11');
    expect(() => selectCodePage(256)).toThrow(RangeError);
  });

  it('ESC a n justifies left, centre, right', () => {
    expect(hex(align('left'))).toBe('1b 61 00');
    expect(hex(align('center'))).toBe('1b 61 01');
    expect(hex(align('right'))).toBe('1b 61 02');
  });

  it('ESC E n switches emphasis', () => {
    expect(hex(bold(true))).toBe('1b 45 01');
    expect(hex(bold(false))).toBe('1b 45 00');
  });

  it('GS ! n sets width in bits 4–6 and height in bits 0–2', () => {
    expect(hex(characterSize(1, 1))).toBe('1d 21 00');
    expect(hex(characterSize(2, 2))).toBe('1d 21 11');
    expect(hex(characterSize(4, 4))).toBe('1d 21 33');
    expect(hex(characterSize(2, 1))).toBe('1d 21 10');
    expect(hex(characterSize(1, 3))).toBe('1d 21 02');
    expect(() => characterSize(9, 1)).toThrow(RangeError);
  });

  it('LF and ESC d n feed', () => {
    expect(hex(lineFeed())).toBe('0a');
    expect(hex(feedLines(3))).toBe('1b 64 03');
  });

  it('GS ( k functions 165, 167, 169, 180, 181 (QR model 2)', () => {
    expect(hex(qrModel2())).toBe('1d 28 6b 04 00 31 41 32 00');
    expect(hex(qrModuleSize(6))).toBe('1d 28 6b 03 00 31 43 06');
    expect(hex(qrErrorCorrection('L'))).toBe('1d 28 6b 03 00 31 45 30');
    expect(hex(qrErrorCorrection('M'))).toBe('1d 28 6b 03 00 31 45 31');
    expect(hex(qrErrorCorrection('H'))).toBe('1d 28 6b 03 00 31 45 33');
    // pL pH = k + 3 for k data bytes.
    expect(hex(qrStore(new TextEncoder().encode('AB')))).toBe('1d 28 6b 05 00 31 50 30 41 42');
    expect(hex(qrPrint())).toBe('1d 28 6b 03 00 31 51 30');
    expect(() => qrModuleSize(17)).toThrow(RangeError);
  });

  it('GS ( k store counts long payloads in pL and pH', () => {
    const data = new Uint8Array(300).fill(0x61);
    const bytes = qrStore(data);
    // 300 + 3 = 303 = 0x012f
    expect(hex(bytes.subarray(0, 8))).toBe('1d 28 6b 2f 01 31 50 30');
    expect(bytes.length).toBe(8 + 300);
  });

  it('a full native QR code is model, size, level, store, print in that order', () => {
    const expected = [
      '1d 28 6b 04 00 31 41 32 00',
      '1d 28 6b 03 00 31 43 08',
      '1d 28 6b 03 00 31 45 31',
      '1d 28 6b 04 00 31 50 30 78',
      '1d 28 6b 03 00 31 51 30',
    ].join(' ');
    expect(hex(qrCode('x', 8, 'M'))).toBe(expected);
  });

  it('GS v 0 m xL xH yL yH with width in bytes and height in dots', () => {
    const image = { width: 16, height: 2, data: Uint8Array.of(0xff, 0x00, 0x0f, 0xf0) };
    expect(hex(rasterImage(image))).toBe('1d 76 30 00 02 00 02 00 ff 00 0f f0');
    const wide = { width: 9, height: 1, data: Uint8Array.of(0x80, 0x80) };
    expect(hex(rasterImage(wide))).toBe('1d 76 30 00 02 00 01 00 80 80');
    expect(() => rasterImage({ width: 8, height: 2, data: Uint8Array.of(1) })).toThrow(RangeError);
  });

  it('GS V cuts: 66 n partial with feed, 65 n full with feed', () => {
    expect(hex(cut())).toBe('1d 56 42 00');
    expect(hex(cut({ partial: true, feed: 24 }))).toBe('1d 56 42 18');
    expect(hex(cut({ partial: false, feed: 0 }))).toBe('1d 56 41 00');
  });

  it('DLE EOT n asks for real-time status', () => {
    expect(hex(statusRequest(1))).toBe('10 04 01');
    expect(hex(statusRequest(4))).toBe('10 04 04');
  });
});

describe('text in code pages', () => {
  it('encodes German text and € in PC858 without switching', () => {
    const { bytes, page } = encodeText('Grüße 5 €', 19);
    // ü 0x81, ß 0xe1, e 0x65, € 0xd5 in PC858.
    expect(hex(bytes)).toBe('47 72 81 e1 65 20 35 20 d5');
    expect(page).toBe(19);
  });

  it('switches to PC866 for Cyrillic and back to PC858 for an umlaut', () => {
    const { bytes, page } = encodeText('Да ü', 19);
    // ESC t 17, Д 0x84, а 0xa0, space, ESC t 19, ü 0x81
    expect(hex(bytes)).toBe('1b 74 11 84 a0 20 1b 74 13 81');
    expect(page).toBe(19);
  });

  it('uses PC857 for Turkish letters PC858 lacks', () => {
    const { bytes } = encodeText('ş', 19);
    expect(hex(bytes)).toBe('1b 74 0d 9f');
  });

  it('the writer tracks the selected page across calls', () => {
    const w = new EscPosWriter().raw(initialize()).codePage(19);
    w.text('Я').line('я');
    expect(hex(w.bytes())).toBe('1b 40 1b 74 13 1b 74 11 9f ef 0a');
  });
});
