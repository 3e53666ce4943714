/**
 * The counters an account may work at: none ticked means any counter. The server refuses
 * signing in at any other counter (`COUNTER_NOT_ALLOWED`).
 */
import { useSignal } from '@preact/signals';
import type { CounterPublic } from '../core/api.ts';
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';

/** The counters of an account in a few words: "Alle Plätze", or their names. */
export function countersSummary(allowed: string[] | undefined, counters: readonly CounterPublic[]): string {
  if (!allowed?.length) return 'Alle Plätze';
  return allowed.map((id) => counters.find((c) => c.id === id)?.name ?? id).join(', ');
}

export function CountersDialog({
  username,
  allowed,
  counters,
  onCancel,
  onSave,
}: {
  username: string;
  allowed: string[] | undefined;
  counters: readonly CounterPublic[];
  onCancel: () => void;
  onSave: (counters: string[]) => Promise<void>;
}) {
  const chosen = useSignal<string[]>(allowed ?? []);
  const toggle = (id: string, on: boolean) => {
    chosen.value = on ? [...chosen.value.filter((c) => c !== id), id] : chosen.value.filter((c) => c !== id);
  };
  return (
    <StaffModal titleId="cfg-counters-title" testId="user-counters-dialog" onCancel={onCancel}>
      <h2 id="cfg-counters-title" class="staff-modal__title">
        Plätze für „{username}“
      </h2>
      <form
        class="cfg-form-stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // In the office's order, whatever order they were ticked in.
          void onSave(counters.filter((c) => chosen.value.includes(c.id)).map((c) => c.id));
        }}
      >
        <fieldset class="cfg-radios">
          <legend class="cfg-field__label">An diesen Plätzen darf das Konto arbeiten</legend>
          {counters.map((c) => (
            <label key={c.id} class="cfg-radio">
              <input
                type="checkbox"
                checked={chosen.value.includes(c.id)}
                data-testid={`user-counter-${c.id}`}
                onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              />
              <span>
                <strong>{c.name}</strong>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="cfg-field__hint">
          Kein Platz angekreuzt: das Konto darf an jedem Platz arbeiten. Die Person wird beim Speichern abgemeldet.
        </p>
        <div class="staff-modal__actions">
          <CancelButton testId="user-counters-cancel" variant="secondary" onCancel={onCancel} />
          <button type="submit" class="staff-btn staff-btn--big staff-btn--primary" data-testid="user-counters-save">
            Plätze speichern
          </button>
        </div>
      </form>
    </StaffModal>
  );
}
