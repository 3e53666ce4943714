/**
 * The forms of the accounts page: a new account (name, first password, role) and a new
 * password for an existing one; what a valid name and password are.
 */
import { useSignal } from '@preact/signals';
import type { Role } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { SubmitButton } from '../ui/staff-form.tsx';
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';
import { FormProblem, PlainField, RadioCards } from './admin-list-page.tsx';
import './config.css';

export const ROLE_LABEL: Record<Role, string> = { admin: 'Verwaltung', clerk: 'Schalter' };
const ROLE_HINT: Record<Role, string> = {
  clerk: 'Ruft am Platz Besucher auf.',
  admin: 'Darf alles: Einstellungen, Konten, Geräte, Statistik – und auch am Platz arbeiten.',
};

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD = 12;

/** What is wrong with a new account's data, in plain German; null when it can be sent. */
export function accountProblem(username: string, password: string): string | null {
  if (!USERNAME_PATTERN.test(username))
    return 'Der Benutzername braucht 2 bis 40 Zeichen: kleine Buchstaben, Ziffern, Punkt, - oder _.';
  if (password.length < MIN_PASSWORD) return `Das Passwort braucht mindestens ${MIN_PASSWORD} Zeichen.`;
  return null;
}

export function NewAccountForm({
  onCreated,
  onFail,
}: {
  onCreated: (username: string, role: Role) => Promise<void>;
  onFail: (error: unknown) => void;
}) {
  const username = useSignal('');
  const password = useSignal('');
  const role = useSignal<Role>('clerk');
  const problem = useSignal<string | null>(null);
  const busy = useSignal(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const name = username.value.trim().toLowerCase();
    const p = accountProblem(name, password.value);
    problem.value = p;
    if (p || busy.value) return;
    busy.value = true;
    try {
      await api('POST', '/api/admin/users', { username: name, password: password.value, role: role.value });
      const created = role.value;
      username.value = '';
      password.value = '';
      role.value = 'clerk';
      await onCreated(name, created);
    } catch (error) {
      const code = errorCodeOf(error);
      if (code === 'USER_EXISTS' || code === 'WEAK_PASSWORD' || code === 'VALIDATION_FAILED')
        problem.value = code === 'VALIDATION_FAILED' ? accountProblem('', '') : errorText(code);
      else onFail(error);
    } finally {
      busy.value = false;
    }
  };

  return (
    <section class="panel" aria-labelledby="cfg-new-user-title">
      <h3 id="cfg-new-user-title" class="panel__title">
        Neues Konto
      </h3>
      <form class="cfg-form-stack" onSubmit={submit} noValidate>
        <FormProblem text={problem.value} testId="user-new-error" />
        <PlainField
          id="cfg-new-username"
          label="Benutzername"
          hint="Kleine Buchstaben, Ziffern, Punkt, - oder _. Zum Beispiel: m.yilmaz"
          value={username}
          testId="user-new-username"
          autoComplete="off"
          autoCapitalize="none"
          spellcheck={false}
        />
        <PlainField
          id="cfg-new-password"
          label="Erstes Passwort"
          hint={`Mindestens ${MIN_PASSWORD} Zeichen. Geben Sie es der Person persönlich.`}
          value={password}
          testId="user-new-password"
          type="text"
          autoComplete="new-password"
          spellcheck={false}
        />
        <RadioCards
          legend="Rolle"
          name="cfg-new-role"
          options={['clerk', 'admin'] as const}
          labels={ROLE_LABEL}
          hints={ROLE_HINT}
          value={role}
          testId={(r) => `user-new-role-${r}`}
        />
        <SubmitButton testId="user-new-submit" busy={busy.value} busyLabel="Wird angelegt …">
          Konto anlegen
        </SubmitButton>
      </form>
    </section>
  );
}

export function PasswordDialog({
  username,
  onCancel,
  onSave,
}: {
  username: string;
  onCancel: () => void;
  onSave: (password: string) => Promise<void>;
}) {
  const password = useSignal('');
  const problem = useSignal<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (password.value.length < MIN_PASSWORD) {
      problem.value = `Das Passwort braucht mindestens ${MIN_PASSWORD} Zeichen.`;
      return;
    }
    await onSave(password.value);
  };
  return (
    <StaffModal titleId="cfg-password-title" testId="user-password-dialog" onCancel={onCancel}>
      <h2 id="cfg-password-title" class="staff-modal__title">
        Neues Passwort für „{username}“
      </h2>
      <form class="cfg-form-stack" onSubmit={submit} noValidate>
        <FormProblem text={problem.value} />
        <PlainField
          id="cfg-password-new"
          label="Neues Passwort"
          hint={`Mindestens ${MIN_PASSWORD} Zeichen. Die Person wird dabei abgemeldet.`}
          value={password}
          testId="user-password-input"
          type="text"
          autoComplete="new-password"
          spellcheck={false}
          data-autofocus
        />
        <div class="staff-modal__actions">
          <CancelButton testId="user-password-cancel" variant="secondary" onCancel={onCancel} />
          <button type="submit" class="staff-btn staff-btn--big staff-btn--primary" data-testid="user-password-save">
            Passwort speichern
          </button>
        </div>
      </form>
    </StaffModal>
  );
}
