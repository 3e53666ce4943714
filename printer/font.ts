/**
 * The preview's bitmap font: 12 × 24 dots like the printer's font A, covering every character
 * of the code pages in `codepages.ts` (data in `font-data.ts`). Missing characters draw as a box.
 */
import { FONT_BITS, FONT_CHARS, GLYPH_HEIGHT, GLYPH_WIDTH } from './font-data.ts';

export { GLYPH_HEIGHT, GLYPH_WIDTH };

const BYTES_PER_ROW = Math.ceil(GLYPH_WIDTH / 8);
const GLYPH_BYTES = BYTES_PER_ROW * GLYPH_HEIGHT;

let glyphs: Map<string, Uint8Array> | undefined;

function glyphTable(): Map<string, Uint8Array> {
  if (glyphs) return glyphs;
  const bits = new Uint8Array(Buffer.from(FONT_BITS, 'base64'));
  glyphs = new Map();
  const table = new Map<string, Uint8Array>();
  let i = 0;
  for (const ch of FONT_CHARS) {
    table.set(ch, bits.subarray(i * GLYPH_BYTES, (i + 1) * GLYPH_BYTES));
    i++;
  }
  glyphs = table;
  return table;
}

export function hasGlyph(ch: string): boolean {
  return glyphTable().has(ch);
}

/** Whether dot (x, y) of the character's 12 × 24 cell is black. */
export function glyphDot(ch: string, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= GLYPH_WIDTH || y >= GLYPH_HEIGHT) return false;
  const glyph = glyphTable().get(ch);
  if (!glyph) {
    // A box for characters without a glyph.
    const edge = x === 1 || x === GLYPH_WIDTH - 2 || y === 3 || y === GLYPH_HEIGHT - 4;
    return edge && x >= 1 && x <= GLYPH_WIDTH - 2 && y >= 3 && y <= GLYPH_HEIGHT - 4 && ch !== ' ';
  }
  return ((glyph[y * BYTES_PER_ROW + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0;
}
