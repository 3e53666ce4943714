/**
 * Code pages of the printer's character tables (`ESC t n`) and how text is mapped onto them.
 *
 * A ticket may mix scripts (a German office name on a Russian ticket), so text is encoded run
 * by run: each character stays in the current code page when it has it, otherwise the first
 * code page of the preference list that has it is selected (`ESC t n`). Characters no code page
 * has are transliterated (typographic dashes and quotes, Ukrainian і/ґ), else printed as `?`.
 */
import iconv from 'iconv-lite';

/** `ESC t n` numbers (Epson) and their iconv-lite names. */
export const CODE_PAGES: Readonly<Record<number, string>> = {
  0: 'cp437',
  2: 'cp850',
  13: 'cp857', // Turkish
  16: 'cp1252',
  17: 'cp866', // Cyrillic #2
  18: 'cp852',
  19: 'cp858', // PC858: Latin-1 with €
  44: 'cp1125', // Ukrainian
  46: 'cp1251',
};

/** German/Western first, then Cyrillic, then Turkish: the pages a ticket is printed with. */
export const TICKET_CODE_PAGES: readonly number[] = [19, 17, 13];

/** Code page right after `ESC @` on an Epson printer. */
export const DEFAULT_CODE_PAGE = 0;

const tables = new Map<number, Map<string, number>>();

/** Character → byte for one code page (bytes 0x20–0xFF without DEL and undefined slots). */
function table(page: number): Map<string, number> {
  let map = tables.get(page);
  if (map) return map;
  const name = CODE_PAGES[page];
  if (!name) throw new RangeError(`unknown code page ESC t ${page}`);
  map = new Map();
  for (let byte = 0x20; byte <= 0xff; byte++) {
    if (byte === 0x7f) continue;
    const ch = iconv.decode(Uint8Array.of(byte), name);
    if (ch === '\ufffd' || map.has(ch)) continue;
    map.set(ch, byte);
  }
  tables.set(page, map);
  return map;
}

export function hasChar(page: number, ch: string): boolean {
  return table(page).has(ch);
}

/** Decodes bytes printed while `page` was selected. */
export function decodeBytes(bytes: Uint8Array, page: number): string {
  const name = CODE_PAGES[page] ?? 'cp437';
  return iconv.decode(Buffer.from(bytes), name);
}

/** Encodes text that is known to be representable in `page`. */
export function encodeBytes(text: string, page: number): Uint8Array {
  const name = CODE_PAGES[page];
  if (!name) throw new RangeError(`unknown code page ESC t ${page}`);
  return new Uint8Array(iconv.encode(text, name));
}

const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u201e': '"',
  '\u201c': '"',
  '\u201d': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u201a': "'",
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u02bc': "'",
  '\u2026': '...',
  '\u2022': '*',
  '\u2023': '>',
  '\u2192': '->',
  // Ukrainian letters missing from CP866 look the same as these.
  і: 'i',
  І: 'I',
  ґ: 'г',
  Ґ: 'Г',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
};

/** Invisible characters Intl and editors insert (bidi marks, zero-width spaces, soft hyphen). */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

function inSomePage(ch: string, pages: readonly number[]): boolean {
  return pages.some((p) => hasChar(p, ch));
}

function transliterate(ch: string, pages: readonly number[]): string | null {
  const direct = TRANSLITERATIONS[ch];
  if (direct !== undefined) return direct;
  // Accented letters without a code page: drop the accent (ą → a).
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
  if (base !== ch && base.length > 0 && [...base].every((c) => inSomePage(c, pages))) return base;
  return null;
}

/** True when every character of `text` can be printed with `pages` (after transliteration). */
export function isPrintable(text: string, pages: readonly number[] = TICKET_CODE_PAGES): boolean {
  for (const ch of text.normalize('NFC').replace(INVISIBLE, '')) {
    if (ch === '\n') continue;
    if (!inSomePage(ch, pages) && transliterate(ch, pages) === null) return false;
  }
  return true;
}

/**
 * Text in which every character is in one of `pages`: NFC, invisible marks removed,
 * look-alikes substituted, the rest `?`. Newlines are kept for the caller to break on.
 */
export function toPrintable(text: string, pages: readonly number[] = TICKET_CODE_PAGES): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(INVISIBLE, '')) {
    if (ch === '\n' || inSomePage(ch, pages)) out += ch;
    else out += transliterate(ch, pages) ?? '?';
  }
  return out;
}

export interface EncodedRun {
  page: number;
  bytes: Uint8Array;
}

/**
 * Splits printable text into runs of one code page each, starting in `current`.
 * Characters in no page of `pages` are replaced by `?` (call `toPrintable` first to avoid that).
 */
export function encodeRuns(text: string, current: number, pages: readonly number[] = TICKET_CODE_PAGES): EncodedRun[] {
  const runs: { page: number; text: string }[] = [];
  let page = current;
  for (const raw of text) {
    let ch = raw;
    if (!hasChar(page, ch)) {
      const other = pages.find((p) => hasChar(p, ch));
      if (other === undefined) ch = '?';
      else page = other;
    }
    const last = runs[runs.length - 1];
    if (last && last.page === page) last.text += ch;
    else runs.push({ page, text: ch });
  }
  return runs.map((r) => ({ page: r.page, bytes: encodeBytes(r.text, r.page) }));
}
