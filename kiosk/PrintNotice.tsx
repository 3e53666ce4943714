/**
 * What the ticket screen says about the printout, in the visitor's language: printed (take
 * it), still coming, or not possible — then the screen is the ticket: the visitor takes a
 * photo of it or scans the code.
 */
import type { ComponentChildren } from 'preact';
import type { PrintStatus } from '../core/api.ts';
import type { Language } from '../ui/i18n.ts';
import { LineIcon } from '../ui/pictograms.tsx';
import { kioskMessages } from './messages.ts';
import './print.css';

export interface PrintNoticeProps {
  /** What the visitor is told (see `visitorOutcome`); nothing is shown when absent. */
  outcome: PrintStatus | undefined;
  language: Language;
}

/** Line drawings on the 48×48 grid of `ui/pictograms.tsx`, at the size of the notice's text. */
function Icon({ children }: { children: ComponentChildren }) {
  return (
    <LineIcon size="2.2rem" class="print-icon">
      {children}
    </LineIcon>
  );
}

const printerIcon = (
  <Icon>
    <path d="M14 18V6h20v12" />
    <rect x="6" y="18" width="36" height="16" rx="3" />
    <path d="M14 28h20v14H14z" />
  </Icon>
);

const cameraIcon = (
  <Icon>
    <path d="M6 16a3 3 0 0 1 3-3h7l3-5h10l3 5h7a3 3 0 0 1 3 3v20a3 3 0 0 1-3 3H9a3 3 0 0 1-3-3z" />
    <circle cx="24" cy="25" r="7" />
  </Icon>
);

export function PrintNotice({ outcome, language }: PrintNoticeProps) {
  if (!outcome) return null;
  const t = kioskMessages(language);
  if (outcome === 'failed') {
    return (
      <div class="ticket-print ticket-print-failed" data-testid="ticket-print" data-print="failed" role="alert">
        <p class="print-failed-title">{t.printFailed}</p>
        <p class="print-line" data-testid="print-photo">
          {cameraIcon}
          <span>{t.printPhoto}</span>
        </p>
      </div>
    );
  }
  const text = outcome === 'printed' ? t.printed : outcome === 'pending' ? t.printPending : t.printPhoto;
  return (
    <p class="ticket-print print-line" data-testid="ticket-print" data-print={outcome} role="status">
      {outcome === 'none' ? cameraIcon : printerIcon}
      <span>{text}</span>
    </p>
  );
}
