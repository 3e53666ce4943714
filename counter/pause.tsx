/** Why the counter pauses: a common reason in one touch, or the clerk's own words. */
import { useSignal } from '@preact/signals';
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';
import './pause.css';

export const PAUSE_REASONS = [
  { id: 'break', label: 'Kurze Pause' },
  { id: 'lunch', label: 'Mittagspause' },
  { id: 'meeting', label: 'Besprechung' },
  { id: 'backoffice', label: 'Arbeit im Büro' },
  { id: 'technical', label: 'Technisches Problem' },
] as const;

export const OTHER_REASON = 'other';
export const REASON_MAX = 200;

/** The reason sent to the server; `null` when "other" is chosen but nothing is written. */
export function pauseReasonText(choice: string, text: string): string | null {
  if (choice === OTHER_REASON) {
    const own = text.trim().slice(0, REASON_MAX);
    return own ? own : null;
  }
  return PAUSE_REASONS.find((r) => r.id === choice)?.label ?? null;
}

export interface PauseDialogProps {
  onPause: (reason: string) => void;
  onCancel: () => void;
}

export function PauseDialog({ onPause, onCancel }: PauseDialogProps) {
  const choice = useSignal<string>(PAUSE_REASONS[0].id);
  const text = useSignal('');
  const problem = useSignal<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const reason = pauseReasonText(choice.value, text.value);
    if (!reason) {
      problem.value = 'Bitte schreiben Sie kurz den Grund oder wählen Sie einen aus der Liste.';
      return;
    }
    onPause(reason);
  };

  return (
    <StaffModal titleId="pause-title" testId="pause-dialog" onCancel={onCancel}>
      <h2 id="pause-title" class="staff-modal__title">
        Pause – warum?
      </h2>
      <p class="staff-modal__body">Solange Ihr Platz pausiert, wird niemand zu Ihnen gerufen.</p>
      <form class="pause-form" onSubmit={submit} noValidate>
        <fieldset class="pause-reasons">
          <legend class="staff-field__label">Grund</legend>
          {[...PAUSE_REASONS, { id: OTHER_REASON, label: 'Anderer Grund' }].map((r) => (
            <label key={r.id} class={`pause-reason ${choice.value === r.id ? 'pause-reason--selected' : ''}`}>
              <input
                type="radio"
                name="pause-reason"
                value={r.id}
                checked={choice.value === r.id}
                data-testid={`pause-reason-${r.id}`}
                onChange={() => {
                  choice.value = r.id;
                  problem.value = null;
                }}
              />
              <span>{r.label}</span>
            </label>
          ))}
        </fieldset>
        <label class="staff-field">
          <span class="staff-field__label">Anderer Grund, in eigenen Worten</span>
          <input
            class="staff-input"
            maxLength={REASON_MAX}
            value={text.value}
            data-testid="pause-reason-text"
            onInput={(e) => {
              text.value = e.currentTarget.value;
              if (e.currentTarget.value.trim()) choice.value = OTHER_REASON;
              problem.value = null;
            }}
            onFocus={() => {
              choice.value = OTHER_REASON;
            }}
            aria-describedby={problem.value ? 'pause-problem' : undefined}
          />
        </label>
        {problem.value ? (
          <p class="staff-form__error" id="pause-problem" role="alert">
            {problem.value}
          </p>
        ) : null}
        <div class="staff-modal__actions">
          <CancelButton testId="pause-cancel" variant="secondary" onCancel={onCancel} />
          <button
            type="submit"
            data-autofocus
            class="staff-btn staff-btn--big staff-btn--warn"
            data-testid="pause-confirm"
          >
            Pause beginnen
          </button>
        </div>
      </form>
    </StaffModal>
  );
}
