/** The audit log: who changed what, when (staff actions only; visitors appear by number at most). */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatClock, formatDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import './config.css';

export interface AuditEntryView {
  at: string;
  username: string;
  action: string;
  target?: string;
  detail?: string;
}

export interface AuditPanelProps {
  timeZone: string;
  fail: (code: string) => void;
}

const ACTIONS: Record<string, string> = {
  'config:change': 'Einstellungen gespeichert',
  'user:create': 'Konto angelegt',
  'user:change': 'Konto geändert',
  'user:remove': 'Konto entfernt',
  'device:pair': 'Gerät verbunden',
  'device:remove': 'Gerät getrennt',
  'device:configure': 'Anzeige eingestellt',
  'session:sign-in': 'Angemeldet',
  'counter:sign-in': 'Am Platz angemeldet',
  'counter:callNext': 'Aufgerufen',
  'counter:recall': 'Erneut aufgerufen',
  'counter:complete': 'Erledigt',
  'counter:noShow': 'Nicht erschienen',
  'counter:transfer': 'Weitergeleitet',
  'counter:setStatus': 'Zustand des Platzes',
  'appointment:create': 'Termin angelegt',
};

/** The action in plain German; unknown ones as they are. */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

const LIMITS = [50, 200, 1000];

/** Entries whose user, action, target or detail contain `query` (case-insensitive). */
export function filterEntries(entries: AuditEntryView[], query: string): AuditEntryView[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  return entries.filter((e) =>
    [e.username, e.action, actionLabel(e.action), e.target ?? '', e.detail ?? ''].some((s) =>
      s.toLowerCase().includes(q),
    ),
  );
}

function localDate(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function AuditPanel({ timeZone, fail }: AuditPanelProps) {
  const entries = useSignal<AuditEntryView[] | null>(null);
  const error = useSignal<string | null>(null);
  const limit = useSignal(200);
  const query = useSignal('');
  const loading = useSignal(false);

  const load = async () => {
    loading.value = true;
    try {
      const answer = await api<{ entries: AuditEntryView[] }>('GET', `/api/admin/audit?limit=${limit.value}`);
      entries.value = answer.entries;
      error.value = null;
    } catch (e) {
      const code = errorCodeOf(e);
      if (code === 'UNAUTHENTICATED') fail(code);
      else error.value = errorText(code);
    } finally {
      loading.value = false;
    }
  };
  useEffect(() => {
    void load();
  }, [limit.value]);

  const list = entries.value;
  const shown = list ? filterEntries(list, query.value) : [];
  return (
    <div class="cfg">
      <header class="cfg__head">
        <h2 class="cfg__title">Protokoll</h2>
        <p class="cfg__intro">Was Mitarbeitende getan haben, das Neueste zuerst.</p>
      </header>
      <section class="panel" aria-labelledby="cfg-audit-title">
        <h3 id="cfg-audit-title" class="panel__title">
          Einträge {list ? <span class="panel__count">{shown.length}</span> : null}
        </h3>
        <div class="filters">
          <div class="cfg-field">
            <label class="cfg-field__label" for="cfg-audit-search">
              Suchen
            </label>
            <input
              id="cfg-audit-search"
              class="staff-input cfg-input"
              type="search"
              placeholder="Name, Platz, Nummer …"
              value={query.value}
              data-testid="audit-search"
              onInput={(e) => {
                query.value = e.currentTarget.value;
              }}
            />
          </div>
          <div class="cfg-field">
            <label class="cfg-field__label" for="cfg-audit-limit">
              Anzahl
            </label>
            <select
              id="cfg-audit-limit"
              class="staff-input cfg-input cfg-select"
              value={String(limit.value)}
              data-testid="audit-limit"
              onChange={(e) => {
                limit.value = Number(e.currentTarget.value);
              }}
            >
              {LIMITS.map((n) => (
                <option key={n} value={String(n)}>
                  die letzten {n}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            class="staff-btn staff-btn--secondary"
            disabled={loading.value}
            data-testid="audit-reload"
            onClick={() => void load()}
          >
            {loading.value ? 'Wird geladen …' : 'Neu laden'}
          </button>
        </div>
        {error.value ? (
          <p class="staff-form__error" role="alert">
            {error.value}
          </p>
        ) : !list ? (
          <p class="staff-muted">Protokoll wird geladen …</p>
        ) : shown.length === 0 ? (
          <p class="staff-muted">Keine Einträge.</p>
        ) : (
          <div class="table-scroll">
            <table class="table cfg-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">Zeit</th>
                  <th scope="col">Wer</th>
                  <th scope="col">Was</th>
                  <th scope="col">Betrifft</th>
                  <th scope="col">Einzelheiten</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e, i) => (
                  <tr key={`${e.at}-${i}`} data-testid="audit-entry">
                    <td class="mono">
                      {formatDay(localDate(e.at, timeZone))}, {formatClock(e.at, timeZone)}
                    </td>
                    <td>{e.username}</td>
                    <td data-action={e.action}>{actionLabel(e.action)}</td>
                    <td>{e.target ?? '–'}</td>
                    <td>{e.detail ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
