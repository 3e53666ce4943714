/**
 * The step after signing in with a generated password: the user chooses their own before the
 * app opens (the server refuses everything else until then).
 */
import { useSignal } from '@preact/signals';
import type { StaffUser } from '../core/types.ts';
import { errorText } from './staff-errors.ts';
import { StaffInput, SubmitButton } from './staff-form.tsx';
import { changePassword, errorCodeOf } from './staff-session.ts';
import { StaffCard } from './staff-shell.tsx';

export interface PasswordChangeProps {
  appName: string;
  onChanged: (user: StaffUser) => void;
}

export function PasswordChange({ appName, onChanged }: PasswordChangeProps) {
  const current = useSignal('');
  const next = useSignal('');
  const repeat = useSignal('');
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy.value) return;
    if (next.value !== repeat.value) {
      error.value = 'Die beiden neuen Passwörter stimmen nicht überein.';
      return;
    }
    busy.value = true;
    error.value = null;
    try {
      onChanged(await changePassword(current.value, next.value));
    } catch (e) {
      error.value = errorText(errorCodeOf(e));
    } finally {
      busy.value = false;
    }
  };

  const field = (label: string, testId: string, value: typeof current, autoComplete: string) => (
    <StaffInput
      label={label}
      testId={testId}
      type="password"
      autoComplete={autoComplete}
      value={value.value}
      onValue={(v) => {
        value.value = v;
      }}
    />
  );

  return (
    <StaffCard title={`${appName} – Neues Passwort`}>
      <form class="staff-form" onSubmit={submit} noValidate>
        {error.value ? (
          <p class="staff-form__error" role="alert" data-testid="password-change-error">
            {error.value}
          </p>
        ) : (
          <p class="staff-form__info" role="status">
            Bitte wählen Sie ein eigenes Passwort: mindestens 12 Zeichen, kein häufig benutztes.
          </p>
        )}
        {field('Bisheriges Passwort', 'password-current', current, 'current-password')}
        {field('Neues Passwort', 'password-new', next, 'new-password')}
        {field('Neues Passwort wiederholen', 'password-repeat', repeat, 'new-password')}
        <SubmitButton
          testId="password-change-submit"
          busy={busy.value}
          busyLabel="Wird gespeichert …"
          variant="staff-btn--big"
        >
          Passwort speichern
        </SubmitButton>
      </form>
    </StaffCard>
  );
}
