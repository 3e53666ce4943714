/**
 * Staff accounts: who may sign in, as clerk (counter app) or admin (this app). Create, change
 * role (making someone an admin asks first), limit the counters an account may work at, set a new
 * password, lock and unlock, remove. The server keeps at least one admin. The forms are in
 * `staff-account-forms.tsx`, the counters dialog in `staff-counters-dialog.tsx`.
 */
import type { Signal } from '@preact/signals';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { StaffAccountView } from '../core/admin-views.ts';
import type { CounterPublic, OfficePublic } from '../core/api.ts';
import type { Role } from '../core/types.ts';
import { api } from '../ui/api.ts';
import { formatDay } from '../ui/staff-format.ts';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { useAdminList } from './admin-list.ts';
import { ListPageHead, ListTable, RowButton } from './admin-list-page.tsx';
import { NewAccountForm, PasswordDialog, ROLE_LABEL } from './staff-account-forms.tsx';
import { CountersDialog, countersSummary } from './staff-counters-dialog.tsx';
import './config.css';

export type StaffAccount = StaffAccountView;

export interface StaffAccountsPanelProps {
  /** The signed-in admin (may not lock or remove the own account here). */
  me: string;
  fail: (code: string) => void;
}

type Dialog =
  | { kind: 'password'; username: string }
  | { kind: 'remove'; username: string }
  | { kind: 'admin'; username: string }
  | { kind: 'counters'; username: string; allowed: string[] | undefined };

type Change = Partial<{ role: Role; password: string; disabled: boolean; counters: string[] }>;

export function StaffAccountsPanel({ me, fail }: StaffAccountsPanelProps) {
  const list = useAdminList<StaffAccount>('/api/admin/users', (a) => (a as { users: StaffAccount[] }).users, fail);
  const { notice, load, failed, busy } = list;
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

  const change = (username: string, body: Change, done: string) =>
    list.act(() => api('PATCH', `/api/admin/users/${encodeURIComponent(username)}`, body), done, {
      reloadOnError: true,
    });

  const remove = (username: string) =>
    list.act(
      () => api('DELETE', `/api/admin/users/${encodeURIComponent(username)}`),
      `Das Konto „${username}“ ist entfernt.`,
    );

  const open = dialog.value;
  return (
    <div class="cfg">
      <ListPageHead
        title="Konten"
        notice={notice}
        intro="Jede Person, die am Platz arbeitet, bekommt ein eigenes Konto. Ein Konto mit der Rolle „Verwaltung“ darf auch diese Seiten öffnen."
      />
      <div class="cfg-columns cfg-columns--wide-left">
        <ListTable
          list={list}
          titleId="cfg-users-title"
          title="Alle Konten"
          loading="Konten werden geladen …"
          columns={['Benutzername', 'Rolle', 'Plätze', 'Zustand', 'Angelegt']}
          row={(u) => (
            <AccountRow
              key={u.username}
              u={u}
              self={u.username === me}
              busy={busy.value}
              counters={counters.value}
              dialog={dialog}
              change={change}
            />
          )}
        />
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

interface AccountRowProps {
  u: StaffAccount;
  /** The signed-in admin's own account. */
  self: boolean;
  busy: boolean;
  counters: readonly CounterPublic[];
  dialog: Signal<Dialog | null>;
  change: (username: string, body: Change, done: string) => Promise<boolean>;
}

function AccountRow({ u, self, busy, counters, dialog, change }: AccountRowProps) {
  return (
    <tr key={u.username} data-testid={`user-${u.username}`}>
      <th scope="row">
        {u.username} {self ? <span class="chip">Sie</span> : null}
      </th>
      <td>
        <label class="visually-hidden" for={`cfg-role-${u.username}`}>
          Rolle von {u.username}
        </label>
        <select
          id={`cfg-role-${u.username}`}
          class="staff-input cfg-input cfg-select cfg-select--compact"
          value={u.role}
          disabled={busy}
          data-testid={`user-role-${u.username}`}
          onChange={(e) => {
            const role = e.currentTarget.value as Role;
            if (role === 'admin') {
              // Not yet: the select shows the current role until the admin confirms.
              e.currentTarget.value = u.role;
              dialog.value = { kind: 'admin', username: u.username };
              return;
            }
            void change(u.username, { role }, `„${u.username}“ hat jetzt die Rolle „${ROLE_LABEL[role]}“.`);
          }}
        >
          <option value="clerk">{ROLE_LABEL.clerk}</option>
          <option value="admin">{ROLE_LABEL.admin}</option>
        </select>
      </td>
      <td>
        <RowButton
          testId={`user-counters-${u.username}`}
          disabled={busy}
          ariaLabel={`Plätze von ${u.username}: ${countersSummary(u.counters, counters)}. Ändern`}
          onClick={() => {
            dialog.value = { kind: 'counters', username: u.username, allowed: u.counters };
          }}
        >
          {countersSummary(u.counters, counters)}
        </RowButton>
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
          <RowButton
            testId={`user-password-${u.username}`}
            disabled={busy}
            onClick={() => {
              dialog.value = { kind: 'password', username: u.username };
            }}
          >
            Neues Passwort
          </RowButton>
          <RowButton
            testId={`user-lock-${u.username}`}
            disabled={busy || self}
            title={self ? 'Ihr eigenes Konto können Sie hier nicht sperren.' : undefined}
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
          </RowButton>
          <RowButton
            testId={`user-remove-${u.username}`}
            danger
            disabled={busy || self}
            title={self ? 'Ihr eigenes Konto können Sie hier nicht entfernen.' : undefined}
            onClick={() => {
              dialog.value = { kind: 'remove', username: u.username };
            }}
          >
            Entfernen
          </RowButton>
        </div>
      </td>
    </tr>
  );
}
