/** Shared by the printer tests (not a test file itself). */
import jsQR from 'jsqr';
import { getDot } from './raster.ts';
import type { PrintableTicket, PrintLayoutOptions, RasterImage } from './types.ts';

export const sampleTicket: PrintableTicket = {
  officeName: 'Bürgeramt Mitte',
  number: 'W-017',
  concernName: 'Wohngeld beantragen',
  issuedAt: Date.UTC(2025, 10, 21, 12, 18), // 13:18 in Berlin
  timezone: 'Europe/Berlin',
  waitingAhead: 4,
  estimatedWaitMinutes: 15,
  documents: [
    'Personalausweis oder Reisepass',
    'Mietvertrag und Nachweis über Einkünfte der letzten 12 Monate',
    'Gebühr: 12,50 €',
    'Größe ändern',
  ],
  phoneUrl: 'https://lotse.example.org/t/Xk3fP9qLm2Rt',
  language: 'de',
  header: 'Bezirksamt Musterstadt',
  footer: 'Öffnungszeiten: Mo–Fr 8–14 Uhr',
};

export const native58: PrintLayoutOptions = { paperWidthMm: 58, nativeQr: true, nonLatin: 'german' };

/** Reads a QR code from a raster image (white margin added, 1 pixel per dot). */
export function readRasterQr(image: RasterImage): string | null {
  const m = 16;
  const width = image.width + 2 * m;
  const height = image.height + 2 * m;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!getDot(image, x, y)) continue;
      const i = ((y + m) * width + x + m) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
    }
  }
  return jsQR(rgba, width, height)?.data ?? null;
}
