/** Plain-words screens when no ticket can be given: closed, quota reached, something failed. */
import type { ComponentChildren } from 'preact';
import type { ConcernPublic, OfficePublic } from '../core/api.ts';
import { nextOpeningText, openingLines } from '../ui/hours.ts';
import type { Language } from '../ui/i18n.ts';
import { ContactLine } from './contact-line.tsx';
import { NoticeButtons, NoticeConcern, TryAgainButton } from './notice-parts.tsx';
import { kioskMessages, nextOpeningMessage } from './messages.ts';
import { NoticeFrame } from './NoticeFrame.tsx';
import { screenMessages } from './screen-messages.ts';
import type { BackScreenProps } from './screen-props.ts';

export interface NoticeScreenProps extends BackScreenProps {
  kind: 'closed' | 'quota' | 'failed';
  office: OfficePublic;
  concern?: ConcernPublic;
  onRetry?: () => void;
  /** The failure was the server's storage: the visitor is sent to the information desk. */
  storage?: boolean;
  /** Too many numbers drawn here in a short time: wait a minute and try again. */
  limited?: boolean;
}

function OpeningHoursList({ office, language }: { office: OfficePublic; language: Language }) {
  const lines = openingLines(office.openingHours, language);
  if (lines.length === 0) return null;
  return (
    <div class="hours">
      <h2>{kioskMessages(language).openingHours}</h2>
      <dl>
        {lines.map((line) => (
          <div key={line.day} class="hours-line">
            <dt>{line.dayName}</dt>
            <dd dir="ltr">{line.hours}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function NoticeScreen({
  kind,
  office,
  concern,
  language,
  resetSeconds,
  lastActivity,
  onBack,
  onRetry,
  storage,
  limited,
}: NoticeScreenProps) {
  const t = kioskMessages(language);
  let title: string;
  let body: ComponentChildren;
  /** What "Vorlesen" says besides the title. */
  let speech: string;
  if (kind === 'closed') {
    const when = nextOpeningText(office.openingHours, office.timezone, language);
    title = t.closedTitle;
    speech = when ? `${t.closedText} ${nextOpeningMessage(language, when)}` : t.closedText;
    body = (
      <>
        <p class="notice-text">{t.closedText}</p>
        {when && (
          <p class="notice-text strong" data-testid="next-opening">
            {nextOpeningMessage(language, when)}
          </p>
        )}
        <OpeningHoursList office={office} language={language} />
      </>
    );
  } else if (kind === 'quota') {
    title = t.quotaTitle;
    speech = t.quotaText;
    body = (
      <>
        <p class="notice-text">{t.quotaText}</p>
        <OpeningHoursList office={office} language={language} />
      </>
    );
  } else if (limited) {
    const m = screenMessages(language);
    title = m.busyTitle;
    speech = m.busyText;
    body = (
      <p class="notice-text" data-testid="kiosk-limited">
        {m.busyText}
      </p>
    );
  } else if (storage) {
    title = t.storageTitle;
    speech = t.storageText;
    body = <p class="notice-text">{t.storageText}</p>;
  } else {
    title = t.failedTitle;
    speech = t.failedText;
    body = <p class="notice-text">{t.failedText}</p>;
  }
  return (
    <NoticeFrame
      class={`notice-${kind}`}
      testid="kiosk-message"
      kind={kind}
      language={language}
      resetSeconds={resetSeconds}
      lastActivity={lastActivity}
      actions={
        <NoticeButtons speech={`${title} ${speech}`} language={language} onBack={onBack}>
          {onRetry && <TryAgainButton testid="kiosk-retry" language={language} onClick={onRetry} />}
        </NoticeButtons>
      }
    >
      {concern && <NoticeConcern concern={concern} language={language} />}
      <div class="notice-body" role="alert">
        <h1>{title}</h1>
        {body}
        <ContactLine office={office} language={language} />
      </div>
    </NoticeFrame>
  );
}

export interface WaitOverlayProps {
  language: Language;
  /** Only the short "please wait" while a ticket is being made; the full text when offline. */
  mode: 'busy' | 'offline';
}

/** The calm "Einen Moment, bitte" over everything, while a ticket is made or the server is away. */
export function WaitOverlay({ language, mode }: WaitOverlayProps) {
  const t = kioskMessages(language);
  return (
    <div
      class={`wait-overlay wait-${mode}`}
      data-testid={mode === 'offline' ? 'kiosk-offline' : 'kiosk-busy'}
      role="status"
      aria-live="polite"
    >
      <div class="wait-box">
        <div class="spinner" aria-hidden="true" />
        <p class="wait-title">{mode === 'offline' ? t.waitTitle : t.busy}</p>
        {mode === 'offline' && <p class="wait-text">{t.waitText}</p>}
      </div>
    </div>
  );
}
