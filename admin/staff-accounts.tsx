/**
 * Staff accounts: who may sign in, as clerk (counter app) or admin (this app). Create, change
 * role (making someone an admin asks first), limit the counters an account may work at, set a new
 * password, lock and unlock, remove. The server keeps at least one admin.
 *
 * Over 400 lines: the list and its row actions (role, counters, password, lock, remove) share the
 * account list's state and the confirmation dialogs; the pure parts are in `staff-format`.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CounterPublic, OfficePublic } from '../core/api.ts';
import type { Role } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { ConfirmDialog, NoticeBanner, StaffModal } from '../ui/staff-shell.tsx';
import { useAdminList } from './admin-list.ts';
import { CountersDialog, countersSummary } from './staff-counters-dialog.tsx';
import './config.css';

export interface StaffAccount {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** The counters the account may work at; absent: any. */
  counters?: string[];
}

export interface StaffAccountsPanelProps {
  /** The signed-in admin (may not lock or remove the own account here). */
  me: string;
  fail: (code: string) => void;
}

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

type Dialog =
  | { kind: 'password'; username: string }
  | { kind: 'remove'; username: string }
  | { kind: 'admin'; username: string }
  | { kind: 'counters'; username: string; allowed: string[] | undefined };

export function StaffAccountsPanel({ me, fail }: StaffAccountsPanelProps) {
  const {
    items: users,
    loadError,
    notice,
    load,
    failed,
  } = useAdminList<StaffAccount>('/api/admin/users', (a) => (a as { users: StaffAccount[] }).users, fail);
  const busy = useSignal(false);
  const dialog = useSignal<Dialog | null>(null);
  const counters = useSignal<readonly CounterPublic[]>([]);
  useEffect(() => {
    api<OfficePublic>('GET', '/api/office').then(
      (office) => {
        counters.value = office.counters;
      },
      () => undefined,
    );
  }, []);

  const change = async (
    username: string,
    body: Partial<{ role: Role; password: string; disabled: boolean; counters: string[] }>,
    done: string,
  ) => {
    if (busy.value) return false;
    busy.value = true;
    try {
      await api('PATCH', `/api/admin/users/${encodeURIComponent(username)}`, body);
      notice.value = { kind: 'success', text: done };
      await load();
      return true;
    } catch (error) {
      failed(error);
      await load();
      return false;
    } finally {
      busy.value = false;
    }
  };

  const remove = async (username: string) => {
    busy.value = true;
    try {
      await api('DELETE', `/api/admin/users/${encodeURIComponent(username)}`);
      notice.value = { kind: 'success', text: `Das Konto „${username}“ ist entfernt.` };
      await load();
    } catch (error) {
      failed(error);
    } finally {
      busy.value = false;
    }
  };

  const list = users.value;
  const open = dialog.value;
  return (
    <div class="cfg">
      <header class="cfg__head">
        <h2 class="cfg__title">Konten</h2>
        <p class="cfg__intro">
          Jede Person, die am Platz arbeitet, bekommt ein eigenes Konto. Ein Konto mit der Rolle „Verwaltung“ darf auch
          diese Seiten öffnen.
        </p>
      </header>
      <NoticeBanner
        reserveSpace={false}
        notice={notice.value}
        onClose={() => {
          notice.value = null;
        }}
      />
      <div class="cfg-columns cfg-columns--wide-left">
        <section class="panel" aria-labelledby="cfg-users-title">
          <h3 id="cfg-users-title" class="panel__title">
            Alle Konten {list ? <span class="panel__count">{list.length}</span> : null}
          </h3>
          {loadError.value ? (
            <div>
              <p class="staff-form__error" role="alert">
                {loadError.value}
              </p>
              <button type="button" class="staff-btn staff-btn--primary" onClick={() => void load()}>
                Noch einmal versuchen
              </button>
            </div>
          ) : !list ? (
            <p class="staff-muted">Konten werden geladen …</p>
          ) : (
            <div class="table-scroll">
              <table class="table cfg-table">
                <thead>
                  <tr>
                    <th scope="col">Benutzername</th>
                    <th scope="col">Rolle</th>
                    <th scope="col">Plätze</th>
                    <th scope="col">Zustand</th>
                    <th scope="col">Angelegt</th>
                    <th scope="col">
                      <span class="cfg-sr">Aktionen</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((u) => {
                    const self = u.username === me;
                    return (
                      <tr key={u.username} data-testid={`user-${u.username}`}>
                        <th scope="row">
                          {u.username} {self ? <span class="chip">Sie</span> : null}
                        </th>
                        <td>
                          <label class="cfg-sr" for={`cfg-role-${u.username}`}>
                            Rolle von {u.username}
                          </label>
                          <select
                            id={`cfg-role-${u.username}`}
                            class="staff-input cfg-input cfg-select cfg-select--compact"
                            value={u.role}
                            disabled={busy.value}
                            data-testid={`user-role-${u.username}`}
                            onChange={(e) => {
                              const role = e.currentTarget.value as Role;
                              if (role === 'admin') {
                                // Not yet: the select shows the current role until the admin confirms.
                                e.currentTarget.value = u.role;
                                dialog.value = { kind: 'admin', username: u.username };
                                return;
                              }
                              void change(
                                u.username,
                                { role },
                                `„${u.username}“ hat jetzt die Rolle „${ROLE_LABEL[role]}“.`,
                              );
                            }}
                          >
                            <option value="clerk">{ROLE_LABEL.clerk}</option>
                            <option value="admin">{ROLE_LABEL.admin}</option>
                          </select>
                        </td>
                        <td>
                          <button
                            type="button"
                            class="staff-btn staff-btn--quiet"
                            disabled={busy.value}
                            aria-label={`Plätze von ${u.username}: ${countersSummary(u.counters, counters.value)}. Ändern`}
                            data-testid={`user-counters-${u.username}`}
                            onClick={() => {
                              dialog.value = { kind: 'counters', username: u.username, allowed: u.counters };
                            }}
                          >
                            {countersSummary(u.counters, counters.value)}
                          </button>
                        </td>
                        <td>
                          <span
                            class={`status ${u.disabled ? 'status--closed' : 'status--open'}`}
                            data-testid={`user-state-${u.username}`}
                          >
                            {u.disabled ? 'Gesperrt' : 'Aktiv'}
                          </span>
                        </td>
                        <td class="mono">{formatDay(u.createdAt.slice(0, 10))}</td>
                        <td>
                          <div class="cfg-row-actions">
                            <button
                              type="button"
                              class="staff-btn staff-btn--quiet"
                              disabled={busy.value}
                              data-testid={`user-password-${u.username}`}
                              onClick={() => {
                                dialog.value = { kind: 'password', username: u.username };
                              }}
                            >
                              Neues Passwort
                            </button>
                            <button
                              type="button"
                              class="staff-btn staff-btn--quiet"
                              disabled={busy.value || self}
                              title={self ? 'Ihr eigenes Konto können Sie hier nicht sperren.' : undefined}
                              data-testid={`user-lock-${u.username}`}
                              onClick={() =>
                                void change(
                                  u.username,
                                  { disabled: !u.disabled },
                                  u.disabled
                                    ? `„${u.username}“ kann sich wieder anmelden.`
                                    : `„${u.username}“ ist gesperrt und abgemeldet.`,
                                )
                              }
                            >
                              {u.disabled ? 'Entsperren' : 'Sperren'}
                            </button>
                            <button
                              type="button"
                              class="staff-btn staff-btn--quiet cfg-danger-text"
                              disabled={busy.value || self}
                              title={self ? 'Ihr eigenes Konto können Sie hier nicht entfernen.' : undefined}
                              data-testid={`user-remove-${u.username}`}
                              onClick={() => {
                                dialog.value = { kind: 'remove', username: u.username };
                              }}
                            >
                              Entfernen
                            </button>
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <NewAccountForm
          onCreated={async (username, role) => {
            notice.value = {
              kind: 'success',
              text: `Das Konto „${username}“ (${ROLE_LABEL[role]}) ist angelegt. Geben Sie der Person Benutzername und Passwort.`,
            };
            await load();
          }}
          onFail={failed}
        />
      </div>
      {open?.kind === 'password' ? (
        <PasswordDialog
          username={open.username}
          onCancel={() => {
            dialog.value = null;
          }}
          onSave={async (password) => {
            const ok = await change(
              open.username,
              { password },
              `„${open.username}“ hat ein neues Passwort und muss sich neu anmelden.`,
            );
            if (ok) dialog.value = null;
          }}
        />
      ) : null}
      {open?.kind === 'admin' ? (
        <ConfirmDialog
          title={`„${open.username}“ zur Verwaltung machen?`}
          confirmLabel="Ja, Verwaltung"
          danger
          onCancel={() => {
            dialog.value = null;
          }}
          onConfirm={() => {
            dialog.value = null;
            void change(
              open.username,
              { role: 'admin' },
              `„${open.username}“ hat jetzt die Rolle „${ROLE_LABEL.admin}“.`,
            );
          }}
        >
          <p>
            Das Konto darf dann alles: Einstellungen, Konten, Geräte und Statistik. Die Person wird abgemeldet und
            meldet sich neu an.
          </p>
        </ConfirmDialog>
      ) : null}
      {open?.kind === 'counters' ? (
        <CountersDialog
          username={open.username}
          allowed={open.allowed}
          counters={counters.value}
          onCancel={() => {
            dialog.value = null;
          }}
          onSave={async (chosen) => {
            const ok = await change(
              open.username,
              { counters: chosen },
              `„${open.username}“ darf jetzt an ${chosen.length ? countersSummary(chosen, counters.value) : 'allen Plätzen'} arbeiten.`,
            );
            if (ok) dialog.value = null;
          }}
        />
      ) : null}
      {open?.kind === 'remove' ? (
        <ConfirmDialog
          title={`Konto „${open.username}“ entfernen?`}
          confirmLabel="Entfernen"
          danger
          onCancel={() => {
            dialog.value = null;
          }}
          onConfirm={() => {
            dialog.value = null;
            void remove(open.username);
          }}
        >
          <p>Die Person kann sich danach nicht mehr anmelden. Das Protokoll behält ihren Namen.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function NewAccountForm({
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
        {problem.value ? (
          <p class="staff-form__error" role="alert" data-testid="user-new-error">
            {problem.value}
          </p>
        ) : null}
        <div class="cfg-field">
          <label class="cfg-field__label" for="cfg-new-username">
            Benutzername
          </label>
          <input
            id="cfg-new-username"
            class="staff-input cfg-input"
            autoComplete="off"
            autoCapitalize="none"
            spellcheck={false}
            aria-describedby="cfg-new-username-hint"
            value={username.value}
            data-testid="user-new-username"
            onInput={(e) => {
              username.value = e.currentTarget.value;
            }}
          />
          <p class="cfg-field__hint" id="cfg-new-username-hint">
            Kleine Buchstaben, Ziffern, Punkt, - oder _. Zum Beispiel: m.yilmaz
          </p>
        </div>
        <div class="cfg-field">
          <label class="cfg-field__label" for="cfg-new-password">
            Erstes Passwort
          </label>
          <input
            id="cfg-new-password"
            class="staff-input cfg-input"
            type="text"
            autoComplete="new-password"
            spellcheck={false}
            aria-describedby="cfg-new-password-hint"
            value={password.value}
            data-testid="user-new-password"
            onInput={(e) => {
              password.value = e.currentTarget.value;
            }}
          />
          <p class="cfg-field__hint" id="cfg-new-password-hint">
            Mindestens {MIN_PASSWORD} Zeichen. Geben Sie es der Person persönlich.
          </p>
        </div>
        <fieldset class="cfg-radios">
          <legend class="cfg-field__label">Rolle</legend>
          {(['clerk', 'admin'] as const).map((r) => (
            <label key={r} class={`cfg-radio ${role.value === r ? 'cfg-radio--selected' : ''}`}>
              <input
                type="radio"
                name="cfg-new-role"
                value={r}
                checked={role.value === r}
                data-testid={`user-new-role-${r}`}
                onChange={() => {
                  role.value = r;
                }}
              />
              <span>
                <strong>{ROLE_LABEL[r]}</strong>
                <span class="cfg-radio__hint">{ROLE_HINT[r]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="staff-btn staff-btn--primary" disabled={busy.value} data-testid="user-new-submit">
          {busy.value ? 'Wird angelegt …' : 'Konto anlegen'}
        </button>
      </form>
    </section>
  );
}

function PasswordDialog({
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
        {problem.value ? (
          <p class="staff-form__error" role="alert">
            {problem.value}
          </p>
        ) : null}
        <div class="cfg-field">
          <label class="cfg-field__label" for="cfg-password-new">
            Neues Passwort
          </label>
          <input
            id="cfg-password-new"
            class="staff-input cfg-input"
            type="text"
            autoComplete="new-password"
            spellcheck={false}
            data-autofocus
            value={password.value}
            data-testid="user-password-input"
            onInput={(e) => {
              password.value = e.currentTarget.value;
            }}
          />
          <p class="cfg-field__hint">Mindestens {MIN_PASSWORD} Zeichen. Die Person wird dabei abgemeldet.</p>
        </div>
        <div class="staff-modal__actions">
          <button type="button" class="staff-btn staff-btn--big staff-btn--secondary" onClick={onCancel}>
            Abbrechen
          </button>
          <button type="submit" class="staff-btn staff-btn--big staff-btn--primary" data-testid="user-password-save">
            Passwort speichern
          </button>
        </div>
      </form>
    </StaffModal>
  );
}
