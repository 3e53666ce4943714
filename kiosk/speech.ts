/**
 * "Vorlesen": the kiosk speaks the screen with the browser's own voices (no online service),
 * in the chosen language, and only with a voice of that language: a German voice reading
 * Arabic helps nobody. Where the device has no voices at all, the button is not shown.
 */
import { signal } from '@preact/signals';
import { LOCALES, type Language } from '../ui/i18n.ts';
import { voiceCandidates, voiceLanguage } from '../ui/voices.ts';

/** Languages of the installed voices ("de", "en", …); empty where speech is missing. */
export const voiceLanguages = signal<string[]>([]);
/** The kiosk is speaking right now. */
export const speaking = signal(false);

const synth = (): SpeechSynthesis | undefined =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;

/** Reads the device's voices now and whenever they change (Chromium loads them late). */
export function watchVoices(): void {
  const s = synth();
  if (!s) return;
  const read = () => {
    voiceLanguages.value = [...new Set(s.getVoices().map(voiceLanguage))];
  };
  read();
  s.addEventListener?.('voiceschanged', read);
}

/** The best voice of `language` (see `ui/voices.ts`); null if none. */
export function voiceFor(language: Language): SpeechSynthesisVoice | null {
  return voiceCandidates(synth()?.getVoices() ?? [], language)[0] ?? null;
}

let guard: ReturnType<typeof setTimeout> | undefined;
/** Counts speeches: events of a cancelled one (Chromium sends `error` on cancel) change nothing. */
let generation = 0;

export function stopSpeaking(): void {
  generation++;
  clearTimeout(guard);
  if (speaking.value) synth()?.cancel();
  speaking.value = false;
}

/**
 * Speaks `text` sentence by sentence (long utterances are cut off by some engines).
 * Does nothing without a voice of `language`.
 */
export function speak(text: string, language: Language): void {
  const s = synth();
  const voice = voiceFor(language);
  stopSpeaking();
  if (!s || !voice) return;
  s.cancel();
  const sentences = text
    .split(/(?<=[.!?؟:])\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  speaking.value = true;
  const current = generation;
  const done = () => {
    if (current === generation) stopSpeaking();
  };
  sentences.forEach((sentence, i) => {
    const utterance = new SpeechSynthesisUtterance(sentence);
    utterance.lang = LOCALES[language];
    utterance.voice = voice;
    utterance.rate = 0.9;
    if (i === sentences.length - 1) {
      utterance.onend = done;
      utterance.onerror = done;
    }
    s.speak(utterance);
  });
  // Some engines never say `end`: the button must not stay on "Stop" for ever.
  guard = setTimeout(done, 5000 + text.length * 150);
}
