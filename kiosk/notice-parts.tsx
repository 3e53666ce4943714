/** Pieces the kiosk's notice screens share: the chosen concern above the title, and the buttons at the foot. */
import type { ComponentChildren } from 'preact';
import type { ConcernPublic } from '../core/api.ts';
import { concernName, type Language } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { kioskMessages } from './messages.ts';
import { ReadAloud } from './ReadAloud.tsx';

/** The concern the notice is about: its pictogram and name. */
export function NoticeConcern({ concern, language }: { concern: ConcernPublic; language: Language }) {
  return (
    <p class="notice-concern">
      <Pictogram name={concern.pictogram} size="2.4rem" />
      <span>{concernName(concern, language)}</span>
    </p>
  );
}

export interface NoticeButtonsProps {
  /** What "Vorlesen" says. */
  speech: string;
  language: Language;
  onBack: () => void;
  /** Buttons between "Vorlesen" and "Zurück" (try again, check in...). */
  children?: ComponentChildren;
}

/** "Vorlesen", the screen's own buttons, and "Zurück" to the start screen as the main action. */
export function NoticeButtons({ speech, language, onBack, children }: NoticeButtonsProps) {
  return (
    <>
      <ReadAloud text={speech} language={language} />
      {children}
      <button type="button" class="primary" data-testid="kiosk-back" onClick={onBack}>
        {kioskMessages(language).back}
      </button>
    </>
  );
}

/** "Noch einmal versuchen" (secondary). */
export function TryAgainButton({
  testid,
  language,
  onClick,
}: {
  testid: string;
  language: Language;
  onClick: () => void;
}) {
  return (
    <button type="button" class="secondary" data-testid={testid} onClick={onClick}>
      {kioskMessages(language).tryAgain}
    </button>
  );
}
