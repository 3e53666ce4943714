/**
 * Arabic shaping for print: which form (isolated, initial, medial, final) each letter takes from
 * its neighbours, lam-alef ligatures, and the visual order of a right-to-left line with embedded
 * left-to-right runs (numbers, Latin words). Pure; the glyphs are in `arabic-font-data.ts`.
 */
export type JoiningForm = 'isolated' | 'final' | 'initial' | 'medial';
/** dual: joins on both sides; right: only to the letter before it; none: never. */
export type Joining = 'dual' | 'right' | 'none';

const DUAL = 'بتثجحخسشصضطظعغفقكلمنهيئىـ' + 'پچژگکی';
const RIGHT = 'آأؤإاةدذرزو';
const NONE = 'ء';

export const ARABIC_LETTERS: Readonly<Record<string, Joining>> = Object.fromEntries([
  ...[...DUAL].map((c) => [c, 'dual' as const]),
  ...[...RIGHT].map((c) => [c, 'right' as const]),
  ...[...NONE].map((c) => [c, 'none' as const]),
]);

/** Vowel marks and other combining signs: not drawn on paper (the letters alone read fine). */
export const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED]/g;

/** Alef variants after lam and the ligature's private key ("ﻻ" family). */
export const LAM_ALEF: Readonly<Record<string, string>> = { ا: 'ﻻ', أ: 'ﻷ', إ: 'ﻹ', آ: 'ﻵ' };

export interface ShapedGlyph {
  /** Key into the glyph table: "letter:form", or the character itself for other text. */
  key: string;
  /** Arabic glyph (true) or a character drawn with the printer's own font (false). */
  arabic: boolean;
}

const isArabic = (ch: string) => ch in ARABIC_LETTERS || ch in LAM_ALEF || /[\u0600-\u06FF]/.test(ch);

/** Logical-order glyphs of `text` with the joining form of each letter. */
export function shape(text: string): ShapedGlyph[] {
  const chars = [...text.replace(ARABIC_MARKS, '')];
  const out: ShapedGlyph[] = [];
  const joinsForward = (c: string | undefined) => c !== undefined && ARABIC_LETTERS[c] === 'dual';
  const joinsBack = (c: string | undefined) =>
    c !== undefined && (ARABIC_LETTERS[c] === 'dual' || ARABIC_LETTERS[c] === 'right');
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const joining = ARABIC_LETTERS[ch];
    if (!joining) {
      out.push({ key: `${ch}:isolated`, arabic: isArabic(ch) });
      continue;
    }
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const fromPrev = joinsForward(prev);
    if (ch === 'ل' && next !== undefined && next in LAM_ALEF) {
      out.push({ key: `${LAM_ALEF[next]}:${fromPrev ? 'final' : 'isolated'}`, arabic: true });
      i++;
      continue;
    }
    const toNext = joining === 'dual' && joinsBack(next);
    const form: JoiningForm =
      fromPrev && joining !== 'none' ? (toNext ? 'medial' : 'final') : toNext ? 'initial' : 'isolated';
    out.push({ key: `${ch}:${form}`, arabic: true });
  }
  return out;
}

/** A left-to-right run: Latin letters and digits (with the punctuation between them). */
const isLtr = (g: ShapedGlyph) => !g.arabic && /[\p{L}\p{N}]/u.test(g.key.slice(0, g.key.lastIndexOf(':')));

/**
 * Visual order (left to right on paper) of one right-to-left line: Arabic glyphs reversed,
 * left-to-right runs (numbers, Latin words) kept in reading order.
 */
export function visualOrder(glyphs: readonly ShapedGlyph[]): ShapedGlyph[] {
  const runs: ShapedGlyph[][] = [];
  let i = 0;
  while (i < glyphs.length) {
    const g = glyphs[i] as ShapedGlyph;
    if (isLtr(g)) {
      // An LTR run takes inner neutrals (spaces, "-", ".", ":") that sit between LTR characters.
      let end = i + 1;
      let last = i;
      while (end < glyphs.length && !(glyphs[end] as ShapedGlyph).arabic) {
        if (isLtr(glyphs[end] as ShapedGlyph)) last = end;
        end++;
      }
      runs.push(glyphs.slice(i, last + 1));
      i = last + 1;
    } else {
      runs.push([g]);
      i++;
    }
  }
  return runs.reverse().flat();
}
