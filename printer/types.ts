/**
 * What the printer module takes in and gives back. The server turns a ticket (see
 * `core/api.ts`, `TicketView`) into a `PrintableTicket`; `renderTicket` turns that into bytes.
 */
import type { Language } from '../core/types.ts';

export type TicketLanguage = Language;

/** Everything printed on one ticket: one schema in `core/schemas/print.ts` is the source. */
export type { PrintableConcern, PrintableTicket } from '../core/schemas/print.ts';

/**
 * A 1-bit image as the printer takes it (`GS v 0`): `height` rows of `ceil(width / 8)` bytes,
 * most significant bit = leftmost dot, bit set = black dot.
 */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Draws a line of text the printer cannot show by itself (e.g. Arabic) as an image. */
export type TextRasterizer = (text: string, maxWidthDots: number) => RasterImage;

export interface PrintLayoutOptions {
  paperWidthMm: 58 | 80;
  /** Print the QR code with the printer's own `GS ( k`; otherwise as a `GS v 0` raster image. */
  nativeQr: boolean;
  /**
   * What to do with a script the printer has no code page for (Arabic):
   * `raster` prints the fixed labels as built-in images (and dynamic texts through
   * `rasterizeText` when given, else the German `fallback`); `german` prints the ticket in German.
   */
  nonLatin: 'raster' | 'german';
  /** Printed centred at the top; at most the printable width (384 dots at 58 mm, 576 at 80 mm). */
  logo?: RasterImage;
  /** Dots per QR module (1–16); default 6 at 58 mm, 8 at 80 mm. */
  qrModuleSize?: number;
  /**
   * Used with `nonLatin: 'raster'` for concern names and documents in a script without code page;
   * default: the built-in Arabic text rasteriser (`arabic-text.ts`).
   */
  rasterizeText?: TextRasterizer;
}

/** What a printer reports about itself (DLE EOT 1–4). */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  /** A reported error (cutter, head temperature, unrecoverable) or why the status is unknown. */
  error?: string;
  /** True when the transport cannot read the printer's sensors (device file): only `online` is meaningful. */
  partial?: boolean;
}

/** Printable width in dots (203 dpi, font A 12 × 24 dots). */
export function paperDots(paperWidthMm: 58 | 80): number {
  return paperWidthMm === 58 ? 384 : 576;
}

/** Characters per line in font A. */
export function paperColumns(paperWidthMm: 58 | 80): number {
  return paperWidthMm === 58 ? 32 : 48;
}
