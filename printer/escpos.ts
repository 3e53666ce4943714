/**
 * ESC/POS command encoder: the few commands a ticket needs, byte for byte as in the Epson
 * ESC/POS reference. Every function is pure and returns fresh bytes.
 */
import { encodeRuns, TICKET_CODE_PAGES } from './codepages.ts';
import type { RasterImage } from './types.ts';

export const LF = 0x0a;
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

export type Alignment = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

function byteRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer ${min}–${max}, got ${value}`);
  }
  return value;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** ESC @ — initialise the printer (clears the buffer and resets modes). */
export function initialize(): Uint8Array {
  return Uint8Array.of(ESC, 0x40);
}

/** ESC t n — select the character code table (19 = PC858, 17 = PC866, 13 = PC857). */
export function selectCodePage(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x74, byteRange('code page', n, 0, 255));
}

/** ESC a n — justification, 0 left, 1 centre, 2 right. */
export function align(alignment: Alignment): Uint8Array {
  return Uint8Array.of(ESC, 0x61, alignment === 'left' ? 0 : alignment === 'center' ? 1 : 2);
}

/** ESC E n — emphasised (bold) on or off. */
export function bold(on: boolean): Uint8Array {
  return Uint8Array.of(ESC, 0x45, on ? 1 : 0);
}

/** GS ! n — character size, width and height magnification 1–8 (bits 4–6 width, 0–2 height). */
export function characterSize(width: number, height: number): Uint8Array {
  const w = byteRange('width', width, 1, 8) - 1;
  const h = byteRange('height', height, 1, 8) - 1;
  return Uint8Array.of(GS, 0x21, (w << 4) | h);
}

/** LF — print the buffer and feed one line. */
export function lineFeed(): Uint8Array {
  return Uint8Array.of(LF);
}

/** ESC d n — print the buffer and feed n lines. */
export function feedLines(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, byteRange('lines', n, 0, 255));
}

/** GS ( k — one QR code function (cn = 49) with its parameter bytes; pL pH count fn + params + cn. */
function qrFunction(fn: number, params: Uint8Array): Uint8Array {
  const length = params.length + 2;
  if (length > 0xffff) throw new RangeError('QR function too long');
  const head = Uint8Array.of(GS, 0x28, 0x6b, length & 0xff, length >> 8, 49, fn);
  return concatBytes([head, params]);
}

/** GS ( k Function 165 — select QR model 2. */
export function qrModel2(): Uint8Array {
  return qrFunction(65, Uint8Array.of(50, 0));
}

/** GS ( k Function 167 — module size in dots (1–16). */
export function qrModuleSize(dots: number): Uint8Array {
  return qrFunction(67, Uint8Array.of(byteRange('module size', dots, 1, 16)));
}

/** GS ( k Function 169 — error correction level (48 L, 49 M, 50 Q, 51 H). */
export function qrErrorCorrection(level: QrErrorCorrection): Uint8Array {
  return qrFunction(69, Uint8Array.of(48 + 'LMQH'.indexOf(level)));
}

/** GS ( k Function 180 — store the symbol data (at most 7089 bytes). */
export function qrStore(data: Uint8Array): Uint8Array {
  if (data.length < 1 || data.length > 7089) throw new RangeError(`QR data must be 1–7089 bytes, got ${data.length}`);
  return qrFunction(80, concatBytes([Uint8Array.of(48), data]));
}

/** GS ( k Function 181 — print the stored symbol. */
export function qrPrint(): Uint8Array {
  return qrFunction(81, Uint8Array.of(48));
}

/** A complete native QR code: model 2, module size, error correction, store, print. */
export function qrCode(payload: string, moduleSize: number, level: QrErrorCorrection = 'M'): Uint8Array {
  return concatBytes([
    qrModel2(),
    qrModuleSize(moduleSize),
    qrErrorCorrection(level),
    qrStore(new TextEncoder().encode(payload)),
    qrPrint(),
  ]);
}

/** GS v 0 m xL xH yL yH d1…dk — print a raster bit image (m = 0: normal size). */
export function rasterImage(image: RasterImage): Uint8Array {
  const x = Math.ceil(image.width / 8);
  const y = image.height;
  byteRange('raster width in bytes', x, 1, 0xffff);
  byteRange('raster height', y, 1, 0xffff);
  if (image.data.length !== x * y) {
    throw new RangeError(`raster data must be ${x * y} bytes (${x} × ${y}), got ${image.data.length}`);
  }
  return concatBytes([Uint8Array.of(GS, 0x76, 0x30, 0, x & 0xff, x >> 8, y & 0xff, y >> 8), image.data]);
}

/**
 * GS V — cut. Partial with feed: GS V 66 n (feed to the cutting position + n motion units, then a
 * partial cut); full with feed: GS V 65 n.
 */
export function cut(options: { partial?: boolean; feed?: number } = {}): Uint8Array {
  const { partial = true, feed = 0 } = options;
  return Uint8Array.of(GS, 0x56, partial ? 66 : 65, byteRange('cut feed', feed, 0, 255));
}

/** DLE EOT n — real-time status: 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export function statusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(DLE, EOT, byteRange('status', n, 1, 4));
}

/**
 * Text in the printer's code pages, switching pages (`ESC t n`) where a character needs it.
 * Returns the bytes and the code page selected afterwards.
 */
export function encodeText(
  text: string,
  currentPage: number,
  pages: readonly number[] = TICKET_CODE_PAGES,
): { bytes: Uint8Array; page: number } {
  const parts: Uint8Array[] = [];
  let page = currentPage;
  for (const run of encodeRuns(text, currentPage, pages)) {
    if (run.page !== page) {
      parts.push(selectCodePage(run.page));
      page = run.page;
    }
    parts.push(run.bytes);
  }
  return { bytes: concatBytes(parts), page };
}

/** Collects commands and text for one job, remembering the selected code page. */
export class EscPosWriter {
  private readonly parts: Uint8Array[] = [];
  private page: number;

  constructor(
    private readonly pages: readonly number[] = TICKET_CODE_PAGES,
    initialPage = 0,
  ) {
    this.page = initialPage;
  }

  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }

  codePage(n: number): this {
    this.page = n;
    return this.raw(selectCodePage(n));
  }

  text(text: string): this {
    const { bytes, page } = encodeText(text, this.page, this.pages);
    this.page = page;
    return this.raw(bytes);
  }

  /** Text followed by LF. */
  line(text = ''): this {
    if (text) this.text(text);
    return this.raw(lineFeed());
  }

  bytes(): Uint8Array {
    return concatBytes(this.parts);
  }
}
