/**
 * The languages visitor-facing text exists in, and each one's BCP 47 tag (for speech, dates,
 * numbers and plural forms), shared by the server and every app.
 */

export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** BCP 47 tags for speech, dates and numbers. */
export const LOCALES: Record<Language, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  ar: 'ar',
  uk: 'uk-UA',
  ru: 'ru-RU',
};
