/**
 * 1-bit raster images (`RasterImage`): creating, drawing, centring, and QR codes drawn from
 * the matrix of the encoder in `core/qr-encode.ts` (the fallback for printers without `GS ( k`).
 */
import { encodeQr } from '../core/qr-encode.ts';
import type { QrErrorCorrection } from './escpos.ts';
import type { RasterImage } from './types.ts';

export function createRaster(width: number, height: number): RasterImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`raster size must be positive integers, got ${width} × ${height}`);
  }
  return { width, height, data: new Uint8Array(Math.ceil(width / 8) * height) };
}

export function getDot(image: RasterImage, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return false;
  const byte = image.data[y * Math.ceil(image.width / 8) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

export function setDot(image: RasterImage, x: number, y: number): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const i = y * Math.ceil(image.width / 8) + (x >> 3);
  image.data[i] = (image.data[i] ?? 0) | (0x80 >> (x & 7));
}

export function fillRect(image: RasterImage, x: number, y: number, w: number, h: number): void {
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) setDot(image, xx, yy);
}

/** Copies `src` into `dst` with its top-left corner at (x, y); black dots only are copied. */
export function blit(dst: RasterImage, src: RasterImage, x: number, y: number): void {
  for (let sy = 0; sy < src.height; sy++) {
    for (let sx = 0; sx < src.width; sx++) if (getDot(src, sx, sy)) setDot(dst, x + sx, y + sy);
  }
}

/** The image centred on a canvas `width` dots wide (wider images are returned unchanged). */
export function centerOn(image: RasterImage, width: number): RasterImage {
  if (image.width >= width) return image;
  const out = createRaster(width, image.height);
  blit(out, image, Math.floor((width - image.width) / 2), 0);
  return out;
}

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  isDark(row: number, col: number): boolean;
}

export function qrMatrix(payload: string, level: QrErrorCorrection = 'M'): QrMatrix {
  const { size, modules } = encodeQr(payload, { level });
  return { size, isDark: (row, col) => modules[row * size + col] === 1 };
}

/** Quiet zone around a QR code, in modules (the standard asks for 4). */
export const QR_QUIET_MODULES = 4;

/** The largest module size ≤ `preferred` at which the QR code plus quiet zone fits into `maxDots`. */
export function fitQrModuleSize(
  payload: string,
  preferred: number,
  maxDots: number,
  level: QrErrorCorrection = 'M',
): number {
  const { size } = qrMatrix(payload, level);
  const fit = Math.floor(maxDots / (size + 2 * QR_QUIET_MODULES));
  if (fit < 1) throw new RangeError(`QR payload too long for ${maxDots} dots`);
  return Math.max(1, Math.min(preferred, fit));
}

/** The QR code as a raster image with a quiet zone, centred on `canvasWidth` dots when given. */
export function qrRaster(
  payload: string,
  moduleSize: number,
  canvasWidth?: number,
  level: QrErrorCorrection = 'M',
): RasterImage {
  const matrix = qrMatrix(payload, level);
  const side = (matrix.size + 2 * QR_QUIET_MODULES) * moduleSize;
  const image = createRaster(side, side);
  const origin = QR_QUIET_MODULES * moduleSize;
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (matrix.isDark(row, col))
        fillRect(image, origin + col * moduleSize, origin + row * moduleSize, moduleSize, moduleSize);
    }
  }
  return canvasWidth === undefined ? image : centerOn(image, canvasWidth);
}
