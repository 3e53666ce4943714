/**
 * Soft hyphens (U+00AD) at real hyphenation points of long words, so that a long concern name
 * ("Schwerbehindertenausweis") breaks with a visible hyphen at a syllable instead of at an
 * arbitrary letter or out of its box. Chromium on Linux has no hyphenation dictionaries, so CSS
 * `hyphens: auto` does nothing there; the TeX patterns of the `hyphen` package do it here.
 *
 * Patterns load on first use, one language at a time (German about 140 KB gzip, the others
 * 1–33 KB), in their own chunks: until they are there the text is shown as it is, then every
 * component that asked renders again (`ready` is a signal). Arabic is never hyphenated.
 * Results are memoised.
 */
import { signal } from '@preact/signals';
import type { Language } from '../core/types.ts';

type Hyphenator = (text: string) => string;

/** Words shorter than this stay whole: they fit, and short names keep their plain text. */
export const MIN_WORD_LENGTH = 10;

const PATTERNS: Partial<Record<Language, () => Promise<{ default: unknown[] }>>> = {
  de: () => import('hyphen/patterns/de-1996.js'),
  en: () => import('hyphen/patterns/en-gb.js'),
  tr: () => import('hyphen/patterns/tr.js'),
  uk: () => import('hyphen/patterns/uk.js'),
  ru: () => import('hyphen/patterns/ru.js'),
};

const LONG_WORD = new RegExp(`\\p{L}{${MIN_WORD_LENGTH}}`, 'u');

const hyphenators = new Map<Language, Hyphenator>();
const loading = new Map<Language, Promise<void>>();
const memo = new Map<string, string>();
const MEMO_LIMIT = 2000;

/** Languages whose patterns are loaded; reading it subscribes a component to their arrival. */
export const ready = signal<ReadonlySet<Language>>(new Set());

/** While patterns load, the page says so (`data-hyphenation-loading`); the layout suite waits for it. */
function markLoading(): void {
  if (typeof document === 'undefined') return;
  const busy = [...loading.keys()].some((l) => !ready.value.has(l));
  document.documentElement.toggleAttribute('data-hyphenation-loading', busy);
}

/** Loads the patterns of a language once (nothing for Arabic); resolves when they can be used. */
export function loadHyphenation(language: Language): Promise<void> {
  const load = PATTERNS[language];
  if (!load) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = Promise.all([import('hyphen/hyphen.js'), load()])
      .then(([engine, patterns]) => {
        hyphenators.set(language, engine.default(patterns.default, { html: false, minWordLength: MIN_WORD_LENGTH }));
        ready.value = new Set([...ready.value, language]);
      })
      .catch(() => {
        // Without patterns the text stays as it is; a later call tries again.
        loading.delete(language);
      })
      .finally(markLoading);
    loading.set(language, pending);
    markLoading();
  }
  return pending;
}

/**
 * The text with soft hyphens in its long words, in the language's patterns; the text itself
 * while the patterns load (they are asked for here) and for Arabic.
 */
export function hyphenate(text: string, language: Language = 'de'): string {
  if (!PATTERNS[language] || !LONG_WORD.test(text)) return text;
  // Reading the signal makes a rendering component render again once the patterns are there.
  if (!ready.value.has(language)) {
    void loadHyphenation(language);
    return text;
  }
  const key = `${language}\u0000${text}`;
  let done = memo.get(key);
  if (done === undefined) {
    const hyphenator = hyphenators.get(language) as Hyphenator;
    done = hyphenator(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, done);
  }
  return done;
}
