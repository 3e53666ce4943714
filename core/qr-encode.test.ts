/**
 * The QR encoder draws exactly the symbols recorded from the `qrcode` package (byte segment, each
 * level; SHA-256 of the modules, row by row), and jsQR reads them back.
 */
import { createHash } from 'node:crypto';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeQr, type QrLevel, qrPath } from './qr-encode.ts';

const SAMPLES = [
  'a',
  'http://127.0.0.1:3000/t/AbCdEfGhIjKlMnOpQrStUv',
  'https://lotse.example.org/t/0123456789abcdefghijkl',
  'https://www.example.org/antrag',
  'Grüße aus dem Bürgeramt – مرحبا – Привіт',
  'x'.repeat(150), // version 7 and up: version information
  'y'.repeat(300), // version 10 and up: 16-bit length
  'z'.repeat(1200), // many blocks
  'w'.repeat(2331), // level M: version 40, full
];

/** What `qrcode` 1.5.4 drew for each sample: version, mask, digest of the modules. */
const RECORDED: Record<QrLevel, [number, number, string][]> = {
  L: [
    [1, 3, 'becbf8de70b53eef'],
    [3, 3, '93a3e7d03509436a'],
    [3, 7, '9e3c8398e000c6e1'],
    [2, 3, 'a72670fe1c8bc293'],
    [4, 0, '7512b378aea160e0'],
    [7, 0, '4a60f86dac519185'],
    [11, 1, '736834ba30c710a8'],
    [25, 1, '7841b7ca45ac5c58'],
  ],
  M: [
    [1, 5, '20c5121183b26a4b'],
    [4, 2, '30b6e698d83b83a9'],
    [4, 2, '0bbeab2691dec329'],
    [3, 0, '0b5c456f732a740e'],
    [4, 1, '9106d4674506c578'],
    [8, 2, '7e4b305904063c50'],
    [13, 1, 'd4623766fa47b7db'],
    [29, 0, '21de760e56c7433a'],
    [40, 4, '799df5fade311f9f'],
  ],
  Q: [
    [1, 0, '41f6b53f4ca482b5'],
    [4, 6, '5661859b1cd8ee0c'],
    [5, 4, '1c06fc2812a4a1cd'],
    [3, 6, '20728fb2526a6c3d'],
    [5, 0, '798146c6aeca3c2f'],
    [10, 0, '64344512daf57ce1'],
    [16, 0, '1268c0392b7b4b5c'],
    [34, 4, 'e35dc0c8c7614d12'],
  ],
  H: [
    [1, 0, '065a337d89595ef5'],
    [6, 2, '897112f2d40afb17'],
    [6, 2, '57c6f5c5e242c70a'],
    [4, 6, '5db89e1aef974a90'],
    [6, 1, '211e9d9f70233f93'],
    [12, 0, 'c425f777fdd8787f'],
    [18, 2, 'ef55a290f99da37f'],
    [39, 1, '57e69638c60bb6bd'],
  ],
};

/** `qrcode` at level M with each mask forced, for one URL. */
const RECORDED_MASKS = [
  '7a6cbd05384ef836',
  'a4fe9b721f9dddaa',
  '96b97e15e48c32f4',
  '5999306d90d23012',
  '9cf1088569587216',
  'de93d0b255f9a1a4',
  'd453a8cb9eedfe75',
  '85003bb627b7d1e1',
];

const digest = (modules: Uint8Array) => createHash('sha256').update(modules).digest('hex').slice(0, 16);

/** Renders the symbol as RGBA pixels (4 px per module) for jsQR. */
function decode(text: string, level: QrLevel): string | undefined {
  const qr = encodeQr(text, { level });
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

const LEVELS = Object.keys(RECORDED) as QrLevel[];

describe('encodeQr', () => {
  it.each(LEVELS)('draws the recorded symbols at level %s', (level) => {
    RECORDED[level].forEach(([version, mask, modules], i) => {
      const qr = encodeQr(SAMPLES[i]!, { level });
      expect({
        level: qr.level,
        size: qr.size,
        version: qr.version,
        mask: qr.mask,
        modules: digest(qr.modules),
      }).toEqual({ level, size: version * 4 + 17, version, mask, modules });
    });
  });

  it('is level M by default', () => {
    expect(digest(encodeQr(SAMPLES[1]!).modules)).toBe(RECORDED.M[1]![2]);
  });

  it('draws the recorded symbol with every mask pattern', () => {
    const text = 'https://lotse.example.org/t/forced-mask-check';
    expect(Array.from({ length: 8 }, (_, mask) => digest(encodeQr(text, { mask }).modules))).toEqual(RECORDED_MASKS);
  });

  it.each(LEVELS)('is read back by a decoder at level %s', (level) => {
    for (const text of SAMPLES.slice(0, 7)) expect(decode(text, level)).toBe(text);
  });

  it('refuses text that does not fit', () => {
    expect(() => encodeQr('v'.repeat(2332))).toThrow(RangeError);
    expect(() => encodeQr('v'.repeat(1274), { level: 'H' })).toThrow(RangeError);
    expect(encodeQr('v'.repeat(2953), { level: 'L' }).version).toBe(40);
  });

  it('draws runs of dark modules as SVG path data inside the quiet zone', () => {
    const d = qrPath(encodeQr('a'));
    // The top-left finder pattern begins with a run of 7 dark modules at (2, 2).
    expect(d.startsWith('M2 2h7v1h-7z')).toBe(true);
  });
});
