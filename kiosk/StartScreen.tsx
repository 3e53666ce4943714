/**
 * The start screen: welcome in the top third; the concerns as big buttons, "Ich habe einen
 * Termin", "Vorlesen", the language choice and the display modes in the lower two thirds
 * (reachable from a wheelchair on a portrait screen).
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { ConcernPublic, OfficePublic } from '../core/api.ts';
import { concernDescription, concernName, type Language } from '../ui/i18n.ts';
import { ConcernButton } from './ConcernButton.tsx';
import { CalendarIcon, ContrastIcon } from './icons.tsx';
import { LanguageChoice } from './LanguageChoice.tsx';
import { kioskMessages } from './messages.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { ScrollCue } from './ScrollCue.tsx';

export interface StartScreenProps {
  office: OfficePublic;
  language: Language;
  busy: boolean;
  largeText: boolean;
  highContrast: boolean;
  /** Concerns already chosen for the next ticket (where the kiosk offers several). */
  chosen?: string[];
  /** Most concerns one ticket may hold. */
  max?: number;
  onChoose: (concern: ConcernPublic) => void;
  onAppointment: () => void;
  onLanguage: (language: Language) => void;
  onLargeText: (on: boolean) => void;
  onHighContrast: (on: boolean) => void;
  /** "Ticket ziehen" for the chosen concerns. */
  onDraw?: () => void;
}

interface ModeToggleProps {
  testid: string;
  on: boolean;
  busy: boolean;
  label: string;
  onToggle: (on: boolean) => void;
  /** The mode's icon, before the label. */
  children: ComponentChildren;
}

/** A display mode (large text, high contrast) that a touch switches on or off. */
function ModeToggle({ testid, on, busy, label, onToggle, children }: ModeToggleProps) {
  return (
    <button
      type="button"
      class={on ? 'mode-toggle current' : 'mode-toggle'}
      aria-pressed={on}
      data-testid={testid}
      disabled={busy}
      onClick={() => onToggle(!on)}
    >
      {children}
      <span>{label}</span>
    </button>
  );
}

/** What "Vorlesen" says on the start screen: the greeting, then every concern with its line. */
export function startSpeech(office: OfficePublic, language: Language): string {
  const t = kioskMessages(language);
  const concerns = office.concerns.map((c) => {
    const name = concernName(c, language);
    const description = concernDescription(c, language);
    return description ? `${name}: ${description}` : `${name}.`;
  });
  return [`${t.welcome}.`, t.chooseConcern, ...concerns, `${t.appointment}: ${t.appointmentHint}`].join(' ');
}

export function StartScreen({
  office,
  language,
  busy,
  largeText,
  highContrast,
  onChoose,
  onAppointment,
  onLanguage,
  onLargeText,
  onHighContrast,
  chosen = [],
  max = 1,
  onDraw,
}: StartScreenProps) {
  const t = kioskMessages(language);
  const several = max > 1;
  const full = chosen.length >= max;
  const list = useRef<HTMLElement>(null);
  return (
    <main class="start" data-testid="start-screen" aria-busy={busy}>
      <header class="start-head">
        <p class="office-name">{office.name}</p>
        <div class="welcome-block">
          <h1 class="welcome">{t.welcome}</h1>
          <p class="instruction">{t.chooseConcern}</p>
        </div>
      </header>
      <div class="concerns-wrap">
        <section class="concerns" aria-label={t.chooseConcern} ref={list}>
          {office.concerns.map((concern) => {
            const isChosen = chosen.includes(concern.id);
            return (
              <ConcernButton
                key={concern.id}
                concern={concern}
                language={language}
                disabled={busy || (several && full && !isChosen && !concern.infoUrl)}
                {...(several && chosen.length > 0 ? { chosen: isChosen, chosenMark: t.chosenMark } : {})}
                onChoose={onChoose}
              />
            );
          })}
        </section>
        <ScrollCue target={list} language={language} />
      </div>
      <div class="start-actions">
        {chosen.length > 0 && onDraw ? (
          <button type="button" class="primary start-draw" data-testid="start-draw" disabled={busy} onClick={onDraw}>
            <span>{t.draw}</span>
            <span class="draw-count" aria-hidden="true">
              {chosen.length}
            </span>
          </button>
        ) : (
          <button
            type="button"
            class="concern appointment"
            data-testid="appointment"
            disabled={busy}
            onClick={onAppointment}
          >
            <CalendarIcon size="3.2rem" class="concern-icon" />
            <span class="concern-text">
              <span class="concern-name">{t.appointment}</span>
              <span class="concern-desc">{t.appointmentHint}</span>
            </span>
          </button>
        )}
        <ReadAloud text={startSpeech(office, language)} language={language} disabled={busy} />
      </div>
      <footer class="start-foot">
        <LanguageChoice current={language} label={t.language} disabled={busy} onChoose={onLanguage} />
        <div class="modes">
          <ModeToggle testid="large-text" on={largeText} busy={busy} label={t.largeText} onToggle={onLargeText}>
            <span aria-hidden="true" class="mode-icon large-icon">
              A<span>A</span>
            </span>
          </ModeToggle>
          <ModeToggle
            testid="high-contrast"
            on={highContrast}
            busy={busy}
            label={t.highContrast}
            onToggle={onHighContrast}
          >
            <ContrastIcon size="1.5em" />
          </ModeToggle>
        </div>
      </footer>
    </main>
  );
}
