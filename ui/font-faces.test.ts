import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_WEIGHTS, fontFacesCss, SCRIPT_FONTS } from './font-faces.ts';

const require = createRequire(import.meta.url);

describe('fontFacesCss', () => {
  it('given the table, then one face per script and weight, in table order', () => {
    const css = fontFacesCss();
    const faces = [...css.matchAll(/@font-face \{[^}]*\}/g)].map((m) => m[0]);
    expect(faces).toHaveLength(SCRIPT_FONTS.length * FONT_WEIGHTS.length);
    const order = [...css.matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(order).toEqual(SCRIPT_FONTS.flatMap((s) => FONT_WEIGHTS.map((w) => `${s.files}-${w}-normal.woff2`)));
    for (const face of faces) expect(face).toContain('font-family: "Lotse Sans";');
  });

  it('given every face, then its file is in the installed @fontsource package', () => {
    const urls = [...fontFacesCss().matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1] ?? '');
    for (const url of urls) expect(existsSync(require.resolve(url)), url).toBe(true);
  });
});
