/**
 * The start screen: welcome in the top third, the concerns as big buttons and the language
 * choice in the lower two thirds (reachable from a wheelchair on a portrait screen).
 */
import type { ConcernPublic, OfficePublic } from '../core/api.ts';
import type { Language } from '../ui/i18n.ts';
import { ConcernButton } from './ConcernButton.tsx';
import { LanguageChoice } from './LanguageChoice.tsx';
import { kioskMessages } from './messages.ts';

export interface StartScreenProps {
  office: OfficePublic;
  language: Language;
  busy: boolean;
  largeText: boolean;
  onChoose: (concern: ConcernPublic) => void;
  onLanguage: (language: Language) => void;
  onLargeText: (on: boolean) => void;
}

export function StartScreen({
  office,
  language,
  busy,
  largeText,
  onChoose,
  onLanguage,
  onLargeText,
}: StartScreenProps) {
  const t = kioskMessages(language);
  return (
    <main class="start" data-testid="start-screen" aria-busy={busy}>
      <header class="start-head">
        <p class="office-name">{office.name}</p>
        <div class="welcome-block">
          <h1 class="welcome">{t.welcome}</h1>
          <p class="instruction">{t.chooseConcern}</p>
        </div>
      </header>
      <section class="concerns" aria-label={t.chooseConcern}>
        {office.concerns.map((concern) => (
          <ConcernButton key={concern.id} concern={concern} language={language} disabled={busy} onChoose={onChoose} />
        ))}
      </section>
      <footer class="start-foot">
        <LanguageChoice current={language} label={t.language} disabled={busy} onChoose={onLanguage} />
        <button
          type="button"
          class={largeText ? 'large-toggle current' : 'large-toggle'}
          aria-pressed={largeText}
          data-testid="large-text"
          disabled={busy}
          onClick={() => onLargeText(!largeText)}
        >
          <span aria-hidden="true" class="large-toggle-icon">
            A<span>A</span>
          </span>
          {t.largeText}
        </button>
      </footer>
    </main>
  );
}
