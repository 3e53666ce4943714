/** "Anliegen hinzufügen": a concern found during the conversation becomes the visit's next part. */
import type { ConcernPublic, TicketView } from '../core/api.ts';
import { MAX_VISIT_CONCERNS } from '../core/types.ts';
import { ConcernChoices } from './concern-choices.tsx';
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';

export interface AddConcernDialogProps {
  ticket: TicketView;
  concerns: ConcernPublic[];
  onPick: (concernId: string) => void;
  onCancel: () => void;
}

/** Concerns that can join the visit: served at a counter (not info-only) and not yet part of it. */
export function addableConcerns(concerns: ConcernPublic[], ticket: TicketView): ConcernPublic[] {
  const taken = new Set(ticket.concerns.map((p) => p.concernId));
  return concerns.filter((c) => !c.infoUrl && !taken.has(c.id));
}

export function AddConcernDialog({ ticket, concerns, onPick, onCancel }: AddConcernDialogProps) {
  const full = ticket.concerns.length >= MAX_VISIT_CONCERNS;
  const choices = full ? [] : addableConcerns(concerns, ticket);
  return (
    <StaffModal titleId="add-concern-title" wide testId="add-concern-dialog" onCancel={onCancel}>
      <h2 id="add-concern-title" class="staff-modal__title">
        Anliegen hinzufügen für {ticket.number}
      </h2>
      <p class="staff-modal__body">Das neue Anliegen kommt direkt nach dem jetzigen an die Reihe.</p>
      {choices.length === 0 ? (
        <p class="staff-form__error">
          {full ? `Ein Besuch kann höchstens ${MAX_VISIT_CONCERNS} Anliegen haben.` : 'Es gibt kein weiteres Anliegen.'}
        </p>
      ) : (
        <ConcernChoices concerns={choices} testIdPrefix="add-concern-" onPick={onPick} />
      )}
      <div class="staff-modal__actions">
        <CancelButton testId="add-concern-cancel" onCancel={onCancel} />
      </div>
    </StaffModal>
  );
}
