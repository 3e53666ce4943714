/** The small QR encoder draws exactly what the `qrcode` package draws, and jsQR reads it back. */
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { encodeQr, qrPath } from './qr-encode.ts';

const SAMPLES = [
  'a',
  'http://127.0.0.1:3000/t/AbCdEfGhIjKlMnOpQrStUv',
  'https://lotse.example.org/t/0123456789abcdefghijkl',
  'https://www.example.org/antrag',
  'Grüße aus dem Bürgeramt – مرحبا – Привіт',
  'x'.repeat(150), // version 8: version information
  'y'.repeat(300), // version 11: 16-bit length
  'z'.repeat(1200), // version 28: many blocks
  'w'.repeat(2331), // version 40, full
];

function reference(text: string, maskPattern?: number) {
  const qr = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
    ...(maskPattern === undefined ? {} : { maskPattern: maskPattern as QRCode.QRCodeMaskPattern }),
  });
  return { size: qr.modules.size, version: qr.version, mask: qr.maskPattern, modules: Array.from(qr.modules.data) };
}

/** Renders the symbol as RGBA pixels (4 px per module) for jsQR. */
function decode(text: string): string | undefined {
  const qr = encodeQr(text);
  const scale = 4;
  const side = (qr.size + 8) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.modules[y * qr.size + x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * side + (x + 4) * scale + dx) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
      }
    }
  }
  return jsQR(pixels, side, side)?.data;
}

describe('encodeQr', () => {
  it.each(SAMPLES)('matches the qrcode package for %#', (text) => {
    const mine = encodeQr(text);
    const theirs = reference(text);
    expect({ size: mine.size, version: mine.version, mask: mine.mask }).toEqual({
      size: theirs.size,
      version: theirs.version,
      mask: theirs.mask,
    });
    expect(Array.from(mine.modules)).toEqual(theirs.modules);
  });

  it('matches with every mask pattern', () => {
    const text = 'https://lotse.example.org/t/forced-mask-check';
    for (let mask = 0; mask < 8; mask++) {
      expect(Array.from(encodeQr(text, mask).modules)).toEqual(reference(text, mask).modules);
    }
  });

  it('is read back by a decoder', () => {
    for (const text of SAMPLES.slice(0, 7)) expect(decode(text)).toBe(text);
  });

  it('refuses text that does not fit', () => {
    expect(() => encodeQr('v'.repeat(2332))).toThrow(RangeError);
  });

  it('draws runs of dark modules as SVG path data inside the quiet zone', () => {
    const d = qrPath(encodeQr('a'));
    // The top-left finder pattern begins with a run of 7 dark modules at (2, 2).
    expect(d.startsWith('M2 2h7v1h-7z')).toBe(true);
  });
});
