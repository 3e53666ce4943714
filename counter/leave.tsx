/**
 * "Platz wechseln" while a visitor is still called here: the number must not stay "called" on
 * every screen. The clerk sends the visitor back to the front of the line or finishes the visit.
 */
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';

export interface LeaveDialogProps {
  number: string;
  counterName: string;
  onRequeue: () => void;
  onComplete: () => void;
  onCancel: () => void;
}

export function LeaveDialog({ number, counterName, onRequeue, onComplete, onCancel }: LeaveDialogProps) {
  return (
    <StaffModal titleId="leave-title" testId="leave-dialog" onCancel={onCancel}>
      <h2 id="leave-title" class="staff-modal__title">
        {number} ist noch an {counterName} aufgerufen
      </h2>
      <div class="staff-modal__body">
        <p>Bevor Sie den Platz wechseln: Was geschieht mit {number}?</p>
      </div>
      <div class="staff-modal__actions">
        <CancelButton testId="leave-cancel" onCancel={onCancel} />
        <button
          type="button"
          class="staff-btn staff-btn--big staff-btn--secondary"
          data-testid="leave-complete"
          onClick={onComplete}
        >
          Abschließen
        </button>
        <button
          type="button"
          data-autofocus
          class="staff-btn staff-btn--big staff-btn--primary"
          data-testid="leave-requeue"
          onClick={onRequeue}
        >
          Zurück in die Warteschlange (vorne)
        </button>
      </div>
    </StaffModal>
  );
}
