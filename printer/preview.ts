/**
 * A PNG picture of what a thermal printer would print for decoded ESC/POS commands: font A
 * (12 × 24 dots) text with alignment, bold and magnification, raster images, native QR codes
 * drawn from the same matrix a printer computes, feeds and cuts. One pixel per printer dot.
 */
import { PNG } from 'pngjs';
import { decode, type EscPosCommand } from './decode.ts';
import type { Alignment } from './escpos.ts';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphDot } from './font.ts';
import { blit, createRaster, fillRect, getDot, qrMatrix, setDot } from './raster.ts';
import { paperDots, type RasterImage } from './types.ts';

/** Line feed amount for normal-height text (Epson's default 1/6 inch is ~34 dots; 30 looks alike). */
const LINE_DOTS = 30;
const SIDE_MARGIN = 40; // paper outside the printable area (58 mm: 464 dots paper, 384 printable)
const BACKDROP = 18;
const TOP_MARGIN = 24;
const CUT_GAP = 40;

export interface PreviewOptions {
  /** Paper width; by default 80 mm when a raster image or a text line is wider than 58 mm allows. */
  paperWidthMm?: 58 | 80;
}

interface Cell {
  ch: string;
  bold: boolean;
  width: number;
  height: number;
}

type Op = { kind: 'image'; image: RasterImage; x: number; y: number } | { kind: 'cut'; y: number };

/** Lays the commands out on an endless paper strip of printable width `dots`. */
function layOut(commands: readonly EscPosCommand[], dots: number): { ops: Op[]; height: number } {
  const ops: Op[] = [];
  let y = 0;
  let alignment: Alignment = 'left';
  let isBold = false;
  let size = { width: 1, height: 1 };
  let line: Cell[] = [];

  const xFor = (width: number) =>
    alignment === 'center' ? Math.floor((dots - width) / 2) : alignment === 'right' ? dots - width : 0;

  const printLine = () => {
    const lineHeight = Math.max(1, ...line.map((c) => c.height)) * GLYPH_HEIGHT;
    const width = line.reduce((sum, c) => sum + c.width * GLYPH_WIDTH, 0);
    if (line.length > 0) {
      const image = createRaster(Math.max(1, width), lineHeight);
      let x = 0;
      for (const cell of line) {
        drawGlyph(image, cell, x, lineHeight - cell.height * GLYPH_HEIGHT);
        x += cell.width * GLYPH_WIDTH;
      }
      ops.push({ kind: 'image', image, x: Math.max(0, xFor(width)), y });
    }
    y += Math.max(LINE_DOTS, lineHeight + LINE_DOTS - GLYPH_HEIGHT);
    line = [];
  };

  for (const c of commands) {
    switch (c.type) {
      case 'init':
        alignment = 'left';
        isBold = false;
        size = { width: 1, height: 1 };
        break;
      case 'align':
        alignment = c.align;
        break;
      case 'bold':
        isBold = c.on;
        break;
      case 'size':
        size = { width: c.width, height: c.height };
        break;
      case 'text':
        for (const ch of c.text) line.push({ ch, bold: isBold, ...size });
        break;
      case 'lineFeed':
        printLine();
        break;
      case 'feed':
        if (line.length > 0) printLine();
        y += c.lines * LINE_DOTS;
        break;
      case 'raster': {
        const scaleX = c.mode === 1 || c.mode === 3 ? 2 : 1;
        const scaleY = c.mode === 2 || c.mode === 3 ? 2 : 1;
        const image = scale(c.image, scaleX, scaleY);
        ops.push({ kind: 'image', image, x: Math.max(0, xFor(image.width)), y });
        y += image.height;
        break;
      }
      case 'qr': {
        const matrix = qrMatrix(c.data, c.errorCorrection);
        const side = matrix.size * c.moduleSize;
        const image = createRaster(side, side);
        for (let r = 0; r < matrix.size; r++) {
          for (let col = 0; col < matrix.size; col++) {
            if (matrix.isDark(r, col))
              fillRect(image, col * c.moduleSize, r * c.moduleSize, c.moduleSize, c.moduleSize);
          }
        }
        ops.push({ kind: 'image', image, x: Math.max(0, xFor(side)), y });
        y += side;
        break;
      }
      case 'cut':
        if (line.length > 0) printLine();
        y += c.feed + LINE_DOTS;
        ops.push({ kind: 'cut', y });
        y += CUT_GAP;
        break;
      default:
        break;
    }
  }
  if (line.length > 0) printLine();
  return { ops, height: y };
}

function drawGlyph(image: RasterImage, cell: Cell, x0: number, y0: number): void {
  for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
    for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
      if (!glyphDot(cell.ch, gx, gy)) continue;
      // Emphasis is printed as a second pass one dot to the right.
      const w = cell.width + (cell.bold ? 1 : 0);
      fillRect(image, x0 + gx * cell.width, y0 + gy * cell.height, w, cell.height);
    }
  }
}

function scale(image: RasterImage, sx: number, sy: number): RasterImage {
  if (sx === 1 && sy === 1) return image;
  const out = createRaster(image.width * sx, image.height * sy);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) if (getDot(image, Math.floor(x / sx), Math.floor(y / sy))) setDot(out, x, y);
  }
  return out;
}

function guessPaper(commands: readonly EscPosCommand[]): 58 | 80 {
  const wideRaster = commands.some((c) => c.type === 'raster' && c.image.width > paperDots(58));
  let column = 0;
  let widest = 0;
  let width = 1;
  for (const c of commands) {
    if (c.type === 'size') width = c.width;
    if (c.type === 'text') column += [...c.text].length * width;
    if (c.type === 'lineFeed') column = 0;
    widest = Math.max(widest, column);
  }
  return wideRaster || widest > 32 ? 80 : 58;
}

/** PNG bytes of the printed strip (paper on a grey backdrop, dashed lines where it is cut). */
export function renderPreview(commands: readonly EscPosCommand[], options: PreviewOptions = {}): Uint8Array {
  const dots = paperDots(options.paperWidthMm ?? guessPaper(commands));
  const laid = layOut(commands, dots);
  const { ops } = laid;
  // A strip that ends with a cut ends there: the picture shows the ticket that came out.
  const last = ops[ops.length - 1];
  const height = last?.kind === 'cut' ? last.y : laid.height;
  const print = createRaster(dots, Math.max(1, height));
  const cuts: number[] = [];
  for (const op of ops) {
    if (op.kind === 'image') blit(print, op.image, op.x, op.y);
    else if (op.y < height) cuts.push(op.y);
  }

  const paperWidth = dots + 2 * SIDE_MARGIN;
  const png = new PNG({ width: paperWidth + 2 * BACKDROP, height: height + TOP_MARGIN + 2 * BACKDROP });
  const put = (x: number, y: number, [r, g, b]: readonly number[]) => {
    const i = (y * png.width + x) * 4;
    png.data[i] = r ?? 0;
    png.data[i + 1] = g ?? 0;
    png.data[i + 2] = b ?? 0;
    png.data[i + 3] = 255;
  };
  const backdrop = [200, 203, 208];
  const paper = [252, 251, 247];
  const ink = [28, 28, 34];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const px = x - BACKDROP;
      const py = y - BACKDROP;
      const onPaper = px >= 0 && px < paperWidth && py >= 0 && py < height + TOP_MARGIN;
      if (!onPaper) {
        const shadow = px >= 3 && px < paperWidth + 3 && py >= 3 && py < height + TOP_MARGIN + 3;
        put(x, y, shadow ? [170, 173, 178] : backdrop);
        continue;
      }
      const dx = px - SIDE_MARGIN;
      const dy = py - TOP_MARGIN;
      const isCut = cuts.some((c) => dy === c) && Math.floor(px / 6) % 2 === 0;
      if (isCut) put(x, y, [150, 150, 150]);
      else put(x, y, dy >= 0 && getDot(print, dx, dy) ? ink : paper);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** Decodes ESC/POS bytes and renders them. */
export function previewBytes(bytes: Uint8Array, options: PreviewOptions = {}): Uint8Array {
  return renderPreview(decode(bytes), options);
}
