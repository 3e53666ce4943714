/**
 * Choose the concern the current visitor is sent to; the visitor keeps number and place in line.
 * The part served here may get an outcome first (optional).
 */
import { useState } from 'preact/hooks';
import type { ConcernPublic } from '../core/api.ts';
import type { OutcomeConfig } from '../core/types.ts';
import { StaffModal } from '../ui/staff-shell.tsx';

export interface TransferDialogProps {
  number: string;
  currentConcernId: string;
  concerns: ConcernPublic[];
  outcomes: OutcomeConfig[];
  onPick: (concernId: string, outcome?: string) => void;
  onCancel: () => void;
}

/** Concerns a visitor can be sent to: not the one they have, not the online-only ones. */
export function transferTargets(concerns: ConcernPublic[], currentConcernId: string): ConcernPublic[] {
  return concerns.filter((c) => c.id !== currentConcernId && !c.infoUrl);
}

export function TransferDialog({
  number,
  currentConcernId,
  concerns,
  outcomes,
  onPick,
  onCancel,
}: TransferDialogProps) {
  const targets = transferTargets(concerns, currentConcernId);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  return (
    <StaffModal titleId="transfer-title" wide testId="transfer-dialog" onCancel={onCancel}>
      <h2 id="transfer-title" class="staff-modal__title">
        {number} weiterleiten an …
      </h2>
      <p class="staff-modal__body">
        Die Person behält ihre Nummer und wartet mit ihrer Ankunftszeit für das neue Anliegen.
      </p>
      {outcomes.length ? (
        <div class="transfer__outcomes">
          <span class="staff-muted">Ergebnis hier (freiwillig):</span>
          {outcomes.map((o) => (
            <button
              key={o.id}
              type="button"
              aria-pressed={outcome === o.id}
              class={`staff-btn ${outcome === o.id ? 'staff-btn--primary' : 'staff-btn--quiet'}`}
              data-testid={`transfer-outcome-${o.id}`}
              onClick={() => setOutcome(outcome === o.id ? undefined : o.id)}
            >
              {o.name}
            </button>
          ))}
        </div>
      ) : null}
      {targets.length === 0 ? (
        <p class="staff-form__error">Es gibt kein anderes Anliegen.</p>
      ) : (
        <div class="transfer">
          {targets.map((concern) => (
            <button
              key={concern.id}
              type="button"
              class="staff-btn staff-btn--action staff-btn--secondary transfer__item"
              data-testid={`transfer-to-${concern.id}`}
              onClick={() => onPick(concern.id, outcome)}
            >
              <span class="transfer__prefix" aria-hidden="true">
                {concern.prefix}
              </span>
              <span class="staff-btn__label">{concern.name}</span>
            </button>
          ))}
        </div>
      )}
      <div class="staff-modal__actions">
        <button
          type="button"
          class="staff-btn staff-btn--big staff-btn--quiet"
          data-testid="transfer-cancel"
          onClick={onCancel}
        >
          Abbrechen
        </button>
      </div>
    </StaffModal>
  );
}
