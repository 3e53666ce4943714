/**
 * Draws any Arabic text (concern names, documents, the appointment line) as a raster image for
 * the printer: shaped (joining forms, lam-alef), right to left with numbers and Latin words in
 * reading order, wrapped at spaces to the paper width, each line right-aligned. Other characters
 * are drawn with the printer's own bitmap font. A `TextRasterizer` (see types.ts).
 */
import { ARABIC_BASELINE, ARABIC_GLYPH_HEIGHT, ARABIC_GLYPHS } from './arabic-font-data.ts';
import { type ShapedGlyph, shape, visualOrder } from './arabic-shaping.ts';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphDot, hasGlyph } from './font.ts';
import { createRaster, setDot } from './raster.ts';
import type { RasterImage } from './types.ts';

/** Baseline of the printer font's 24-dot cell. */
const FONT_BASELINE = 19;

const decoded = new Map<string, Uint8Array>();
function arabicGlyph(key: string): { width: number; bits: Uint8Array } | null {
  const entry = ARABIC_GLYPHS[key];
  if (!entry) return null;
  let bits = decoded.get(key);
  if (!bits) {
    bits = new Uint8Array(Buffer.from(entry[1], 'base64'));
    decoded.set(key, bits);
  }
  return { width: entry[0], bits };
}

const charOf = (g: ShapedGlyph) => g.key.slice(0, g.key.lastIndexOf(':'));

function glyphWidth(g: ShapedGlyph): number {
  const arabic = arabicGlyph(g.key);
  if (arabic) return arabic.width;
  return charOf(g) === ' ' ? 8 : GLYPH_WIDTH;
}

function lineWidth(glyphs: readonly ShapedGlyph[]): number {
  return glyphs.reduce((sum, g) => sum + glyphWidth(g), 0);
}

/** Logical-order lines of at most `maxWidth` dots, broken at spaces (a longer word stands alone). */
function wrap(text: string, maxWidth: number): ShapedGlyph[][] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && lineWidth(shape(candidate)) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.map((l) => shape(l));
}

/** `text` as a 1-bit image at most `maxWidth` dots wide, lines right-aligned. */
export function rasterizeArabic(text: string, maxWidth: number): RasterImage {
  const lines = wrap(text, maxWidth).map(visualOrder);
  const width = Math.max(1, Math.min(maxWidth, ...lines.map(lineWidth)));
  const image = createRaster(width, Math.max(1, lines.length) * ARABIC_GLYPH_HEIGHT);
  lines.forEach((line, row) => {
    const top = row * ARABIC_GLYPH_HEIGHT;
    let x = width - lineWidth(line);
    for (const g of line) {
      const arabic = arabicGlyph(g.key);
      if (arabic) {
        const bytesPerRow = Math.ceil(arabic.width / 8);
        for (let y = 0; y < ARABIC_GLYPH_HEIGHT; y++) {
          for (let gx = 0; gx < arabic.width; gx++) {
            const on = ((arabic.bits[y * bytesPerRow + (gx >> 3)] ?? 0) & (0x80 >> (gx & 7))) !== 0;
            if (on && x + gx >= 0 && x + gx < width) setDot(image, x + gx, top + y);
          }
        }
        x += arabic.width;
        continue;
      }
      const ch = charOf(g);
      if (ch !== ' ' && hasGlyph(ch)) {
        const offset = ARABIC_BASELINE - FONT_BASELINE;
        for (let y = 0; y < GLYPH_HEIGHT; y++) {
          for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
            const ty = top + offset + y;
            if (glyphDot(ch, gx, y) && x + gx >= 0 && x + gx < width && ty >= top && ty < top + ARABIC_GLYPH_HEIGHT) {
              setDot(image, x + gx, ty);
            }
          }
        }
      }
      x += glyphWidth(g);
    }
  });
  return image;
}
