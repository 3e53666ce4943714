/**
 * Small language helpers shared by the visitor apps: pick a text by language with a German
 * fallback, writing direction, plural forms, and the concern texts of the office.
 * No dependencies: the phone page imports this too and must stay small.
 */
import type { ConcernPublic } from '../core/api.ts';
import { LOCALES } from '../core/languages.ts';
import { LANGUAGES, type Language, type Translations } from '../core/types.ts';

export { LANGUAGES, type Language };

/** Each language named in its own script, as the kiosk's language choice shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
};

/** BCP 47 tags for speech, dates and numbers. */
export { LOCALES };

export const DEFAULT_LANGUAGE: Language = 'de';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `rtl` for Arabic, `ltr` otherwise. */
export function dirOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Sets `lang` and `dir` on the document (Arabic: right to left). */
export function applyDocumentLanguage(language: Language, doc: Document = document): void {
  doc.documentElement.lang = language;
  doc.documentElement.dir = dirOf(language);
}

/** The text for `language`, else German, else `fallback`. */
export function pick(texts: Translations | undefined, language: Language, fallback = ''): string {
  return texts?.[language] ?? texts?.de ?? fallback;
}

/** Picks a whole message catalogue by language, falling back to German. */
export function catalogue<T>(all: Record<Language, T>, language: Language): T {
  return all[language] ?? all.de;
}

/** Plural forms by CLDR category; `other` is required. `{n}` in a form is replaced by the count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const pluralRules = new Map<Language, Intl.PluralRules>();

export function plural(language: Language, n: number, forms: PluralForms): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  const form = forms[rules.select(n)] ?? forms.other;
  return form.replaceAll('{n}', String(n));
}

/** Replaces `{name}` placeholders. Unknown placeholders stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

export function concernName(concern: ConcernPublic, language: Language): string {
  return pick(concern.names, language, concern.name);
}

export function concernDescription(concern: ConcernPublic, language: Language): string {
  return pick(concern.descriptions, language, concern.description ?? '');
}

export function concernDocuments(concern: ConcernPublic, language: Language): string[] {
  return concern.documentsByLanguage?.[language] ?? concern.documents ?? [];
}
