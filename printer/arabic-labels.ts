/**
 * The fixed Arabic ticket labels as 1-bit images (pre-rendered with proper shaping, see
 * `tools/render-glyphs.ts`), since no printer code page shows joined Arabic script.
 */
import { ARABIC_LABEL_BITS } from './arabic-labels-data.ts';
import type { LabelKey } from './messages.ts';
import type { RasterImage } from './types.ts';

export function arabicLabel(key: LabelKey, maxWidth: number): RasterImage {
  const entry = ARABIC_LABEL_BITS[key];
  if (entry.width > maxWidth)
    throw new RangeError(`Arabic label ${key} is ${entry.width} dots wide, at most ${maxWidth} fit`);
  return { width: entry.width, height: entry.height, data: new Uint8Array(Buffer.from(entry.bits, 'base64')) };
}
