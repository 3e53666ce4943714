/**
 * The "Vorlesen" button: speaks `text` in the chosen language, a second touch stops it.
 * Hidden where the device has no voices; disabled, and saying so, where it has none for this language.
 */
import type { Language } from '../ui/i18n.ts';
import { SpeakerIcon } from './icons.tsx';
import { kioskMessages } from './messages.ts';
import { speak, speaking, stopSpeaking, voiceLanguages } from './speech.ts';

export interface ReadAloudProps {
  text: string;
  language: Language;
  disabled?: boolean;
}

export function ReadAloud({ text, language, disabled = false }: ReadAloudProps) {
  const languages = voiceLanguages.value;
  if (languages.length === 0) return null;
  const t = kioskMessages(language);
  const available = languages.includes(language);
  const on = available && speaking.value;
  return (
    <button
      type="button"
      class={on ? 'read-aloud current' : 'read-aloud'}
      data-testid="read-aloud"
      disabled={disabled || !available}
      onClick={() => (on ? stopSpeaking() : speak(text, language))}
    >
      <SpeakerIcon size="1.8rem" />
      <span class="read-aloud-text">
        <span>{on ? t.stopReading : t.readAloud}</span>
        {!available && (
          <span class="read-aloud-none" data-testid="read-aloud-none">
            {t.noVoice}
          </span>
        )}
      </span>
    </button>
  );
}
