/**
 * For the glyph tools: a drawn glyph's alpha values (one per pixel, 0–255, row by row) as the
 * printer's 1-bit rows of ceil(width / 8) bytes, most significant bit leftmost, set = black.
 */
export function pack(alpha: number[], width: number, height: number): Buffer {
  const bytesPerRow = Math.ceil(width / 8);
  const out = Buffer.alloc(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((alpha[y * width + x] ?? 0) >= 110) out[y * bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}
