/**
 * The spoken announcement of a call, as people in a waiting room expect to hear it:
 * "Nummer W siebzehn, bitte zu Platz zwei." Pure: the lobby screen speaks it with the browser's
 * voices, the server renders the same text with espeak-ng for screens without a voice.
 *
 * - The ticket number is spoken as its prefix, letter by letter, and its running number without
 *   leading zeros (`W-017` -> `W 17`, never "W minus null eins sieben"); in German the running
 *   number is written out in words (`W siebzehn`), so every voice says it alike.
 * - A counter is spoken by its `spokenName` (its pronunciation, e.g. "Platz zwei" or "Schalter
 *   A" for "A"), else by the name the screen shows.
 */
import type { Counter, Language, Translations } from './types.ts';

/** Wording when the office has none for a language. */
export const DEFAULT_TEMPLATES: Record<Language, string> = {
  de: 'Nummer {number}, bitte zu {counter}.',
  en: 'Number {number}, please go to {counter}.',
  tr: 'Numara {number}, lütfen {counter}.',
  ar: 'الرقم {number}، تفضل إلى {counter}.',
  uk: 'Номер {number}, будь ласка, до {counter}.',
  ru: 'Номер {number}, пожалуйста, к {counter}.',
};

const DE_UNITS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const DE_TEENS = [
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const DE_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

/** 0–99 in German words; `final` false for the part before "hundert"/"tausend" ("ein", not "eins"). */
function germanBelowHundred(n: number, final: boolean): string {
  if (n < 10) return n === 1 && !final ? 'ein' : (DE_UNITS[n] as string);
  if (n < 20) return DE_TEENS[n - 10] as string;
  const unit = n % 10;
  const tens = DE_TENS[Math.floor(n / 10)] as string;
  return unit === 0 ? tens : `${unit === 1 ? 'ein' : DE_UNITS[unit]}und${tens}`;
}

/** A whole number from 0 to 9999 in German words (`17` -> `siebzehn`, `101` -> `einhunderteins`); digits beyond. */
export function germanNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 100) return germanBelowHundred(n, true);
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  return [
    thousands > 0 ? `${germanBelowHundred(thousands, false)}tausend` : '',
    hundreds > 0 ? `${germanBelowHundred(hundreds, false)}hundert` : '',
    rest > 0 ? germanBelowHundred(rest, true) : '',
  ].join('');
}

/**
 * How a ticket number is spoken in `language`: `W-017` -> `W siebzehn` (German), `W 17` (others);
 * a prefix of several letters is spelt (`WG-005` -> `W G fünf`). Anything else is left as it is.
 */
export function spokenNumber(number: string, language: Language): string {
  const match = /^([^-]*?)-0*(\d+)$/.exec(number.trim());
  if (!match) return number;
  const prefix = match[1] as string;
  const running = Number(match[2]);
  const letters = /^[A-Za-z]+$/.test(prefix) ? prefix.toUpperCase().split('').join(' ') : prefix;
  const said = language === 'de' ? germanNumberWords(running) : String(running);
  return letters ? `${letters} ${said}` : said;
}

/** How a counter is spoken: its pronunciation if the office gave one, else its name. */
export function spokenCounter(counter: Pick<Counter, 'name' | 'spokenName'> | undefined, fallback: string): string {
  const spoken = counter?.spokenName?.trim();
  return spoken || counter?.name || fallback;
}

export interface AnnouncementOffice {
  announcements?: { templates?: Translations; language?: Language };
  counters?: Pick<Counter, 'id' | 'name' | 'spokenName'>[];
}

export interface AnnouncedCall {
  number: string;
  counterId?: string;
  counterName: string;
}

/** The office's wording for `language`, else the built-in one. */
export function announcementTemplate(office: AnnouncementOffice | null, language: Language): string {
  return office?.announcements?.templates?.[language] ?? DEFAULT_TEMPLATES[language];
}

/** "Nummer W siebzehn, bitte zu Platz zwei." for `call` in `language`. */
export function announcementText(office: AnnouncementOffice | null, call: AnnouncedCall, language: Language): string {
  const counter = office?.counters?.find((c) => c.id === call.counterId);
  const values: Record<string, string> = {
    number: spokenNumber(call.number, language),
    counter: spokenCounter(counter, call.counterName),
  };
  return announcementTemplate(office, language).replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}
