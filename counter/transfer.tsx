/** Choose the concern the current visitor is sent to; the visitor keeps number and place in line. */
import type { ConcernPublic } from '../core/api.ts';
import { StaffModal } from '../ui/staff-shell.tsx';

export interface TransferDialogProps {
  number: string;
  currentConcernId: string;
  concerns: ConcernPublic[];
  onPick: (concernId: string) => void;
  onCancel: () => void;
}

/** Concerns a visitor can be sent to: not the one they have, not the online-only ones. */
export function transferTargets(concerns: ConcernPublic[], currentConcernId: string): ConcernPublic[] {
  return concerns.filter((c) => c.id !== currentConcernId && !c.infoUrl);
}

export function TransferDialog({ number, currentConcernId, concerns, onPick, onCancel }: TransferDialogProps) {
  const targets = transferTargets(concerns, currentConcernId);
  return (
    <StaffModal titleId="transfer-title" wide testId="transfer-dialog" onCancel={onCancel}>
      <h2 id="transfer-title" class="staff-modal__title">
        {number} weiterleiten an …
      </h2>
      <p class="staff-modal__body">
        Die Person behält ihre Nummer und wartet mit ihrer Ankunftszeit für das neue Anliegen.
      </p>
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
              onClick={() => onPick(concern.id)}
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
