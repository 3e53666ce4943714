/** The language choice: every language named in its own script. */
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../ui/i18n.ts';

export interface LanguageChoiceProps {
  current: Language;
  label: string;
  disabled: boolean;
  onChoose: (language: Language) => void;
}

export function LanguageChoice({ current, label, disabled, onChoose }: LanguageChoiceProps) {
  return (
    <nav class="languages" aria-label={label}>
      {LANGUAGES.map((lang) => (
        <button
          type="button"
          key={lang}
          lang={lang}
          dir={lang === 'ar' ? 'rtl' : 'ltr'}
          class={lang === current ? 'language current' : 'language'}
          aria-pressed={lang === current}
          data-testid={`lang-${lang}`}
          disabled={disabled}
          onClick={() => onChoose(lang)}
        >
          {LANGUAGE_NAMES[lang]}
        </button>
      ))}
    </nav>
  );
}
