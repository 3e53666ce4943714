/**
 * After a concern is chosen (where a ticket may hold several): the chosen concerns, each
 * removable, then the big "Ticket ziehen" and "Ich habe noch ein Anliegen" (until the maximum).
 * Everything to touch lies in the lower two thirds of the portrait screen.
 */
import type { ConcernPublic } from '../core/api.ts';
import { concernName, fill, type Language } from '../ui/i18n.ts';
import { Pictogram } from '../ui/pictograms.tsx';
import { kioskMessages } from './messages.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { ResetBar } from './ResetBar.tsx';
import type { TimedScreenProps } from './screen-props.ts';

export interface ConfirmScreenProps extends TimedScreenProps {
  chosen: ConcernPublic[];
  max: number;
  busy: boolean;
  onDraw: () => void;
  onAddAnother: () => void;
  onRemove: (concernId: string) => void;
}

/** What "Vorlesen" says here: the chosen concerns and the two choices. */
export function confirmSpeech(chosen: ConcernPublic[], max: number, language: Language): string {
  const t = kioskMessages(language);
  const names = chosen.map((c) => `${concernName(c, language)}.`);
  const more = chosen.length < max ? [t.chosenHint, `${t.addAnother}.`] : [fill(t.chosenMax, { n: String(max) })];
  return [t.chosenTitle, ...names, `${t.draw}.`, ...more].join(' ');
}

export function ConfirmScreen({
  chosen,
  max,
  language,
  busy,
  resetSeconds,
  lastActivity,
  onDraw,
  onAddAnother,
  onRemove,
}: ConfirmScreenProps) {
  const t = kioskMessages(language);
  const room = chosen.length < max;
  return (
    <main class="confirm" data-testid="confirm-screen" aria-busy={busy}>
      <header class="confirm-head">
        <h1>{t.chosenTitle}</h1>
        <p class="confirm-hint" data-testid="confirm-hint">
          {room ? t.chosenHint : fill(t.chosenMax, { n: String(max) })}
        </p>
      </header>
      <ol class="chosen" data-testid="chosen-concerns">
        {chosen.map((concern, i) => (
          <li key={concern.id} class="chosen-item" data-testid={`chosen-${concern.id}`}>
            <span class="chosen-index" aria-hidden="true">
              {i + 1}
            </span>
            <Pictogram name={concern.pictogram} size="2.6rem" class="concern-icon" />
            <span class="chosen-name">{concernName(concern, language)}</span>
            <button
              type="button"
              class="secondary chosen-remove"
              data-testid={`remove-${concern.id}`}
              disabled={busy}
              aria-label={`${t.remove}: ${concernName(concern, language)}`}
              onClick={() => onRemove(concern.id)}
            >
              {t.remove}
            </button>
          </li>
        ))}
      </ol>
      <div class="confirm-actions">
        <button type="button" class="primary confirm-draw" data-testid="kiosk-draw" disabled={busy} onClick={onDraw}>
          {t.draw}
        </button>
        {room && (
          <button
            type="button"
            class="secondary confirm-more"
            data-testid="kiosk-add-concern"
            disabled={busy}
            onClick={onAddAnother}
          >
            {t.addAnother}
          </button>
        )}
        <ReadAloud text={confirmSpeech(chosen, max, language)} language={language} disabled={busy} />
      </div>
      <ResetBar seconds={resetSeconds} since={lastActivity} />
    </main>
  );
}
