/**
 * Which of the browser's voices speaks a language: only voices of that language (a German voice
 * reading Arabic helps nobody), local (offline) voices before online ones, the exact locale
 * (`de-DE` for `de`) before other regions. One rule for the kiosk and the lobby screen.
 */
import { LOCALES, type Language } from './i18n.ts';

const normalTag = (lang: string) => lang.toLowerCase().replace('_', '-');

/** The language of a voice ("de", "en", …). */
export const voiceLanguage = (voice: Pick<SpeechSynthesisVoice, 'lang'>) => normalTag(voice.lang).slice(0, 2);

/** Voices for `language`: exact locale and local first; online voices last. */
export function voiceCandidates<V extends Pick<SpeechSynthesisVoice, 'lang' | 'localService'>>(
  voices: readonly V[],
  language: Language,
): V[] {
  const tag = LOCALES[language].toLowerCase();
  const matching = voices.filter((v) => normalTag(v.lang) === language || normalTag(v.lang).startsWith(`${language}-`));
  const exact = matching.filter((v) => normalTag(v.lang) === tag);
  const ordered = [
    ...exact.filter((v) => v.localService),
    ...matching.filter((v) => v.localService),
    ...exact,
    ...matching,
  ];
  return [...new Set(ordered)];
}
