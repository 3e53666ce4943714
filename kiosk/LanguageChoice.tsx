/** The language choice: every language named in its own script, fitted to its button. */
import { useRef } from 'preact/hooks';
import { useFitToBox } from '../ui/fit.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../ui/i18n.ts';

export interface LanguageChoiceProps {
  current: Language;
  label: string;
  disabled: boolean;
  onChoose: (language: Language) => void;
}

function LanguageButton({
  lang,
  current,
  disabled,
  onChoose,
}: {
  lang: Language;
  current: boolean;
  disabled: boolean;
  onChoose: (language: Language) => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useFitToBox(ref, lang);
  return (
    <button
      type="button"
      ref={ref}
      lang={lang}
      dir={lang === 'ar' ? 'rtl' : 'ltr'}
      class={current ? 'language current' : 'language'}
      aria-pressed={current}
      data-testid={`lang-${lang}`}
      disabled={disabled}
      onClick={() => onChoose(lang)}
    >
      {LANGUAGE_NAMES[lang]}
    </button>
  );
}

export function LanguageChoice({ current, label, disabled, onChoose }: LanguageChoiceProps) {
  return (
    <nav class="languages" aria-label={label}>
      {LANGUAGES.map((lang) => (
        <LanguageButton key={lang} lang={lang} current={lang === current} disabled={disabled} onChoose={onChoose} />
      ))}
    </nav>
  );
}
