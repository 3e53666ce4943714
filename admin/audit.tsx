/**
 * The audit log: who did what, when, as German sentences with the names of counters and accounts
 * (staff actions only; visitors appear by number at most). Filters by kind and account are asked
 * of the server; the search narrows what is shown. The raw code of an entry is its tooltip and
 * in the CSV download.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import {
  AUDIT_KIND_LABELS,
  AUDIT_KINDS,
  type AuditKind,
  type AuditNames,
  type AuditRecord,
  auditNames,
  auditRaw,
  auditSentence,
} from '../core/audit-text.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatClock, formatDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { PlainField, PlainSelect } from './admin-list-page.tsx';
import { DataTable } from './table-head.tsx';
import './config.css';

export type AuditEntryView = AuditRecord;

export interface AuditPanelProps {
  office: Pick<OfficePublic, 'timezone' | 'counters' | 'concerns'>;
  fail: (code: string) => void;
}

const LIMITS = [50, 200, 1000];

/** The filters' first choice: no filter. */
const ALL = { value: '', label: 'alle' } as const;

/** A filter's DOM id and test id. */
const filterIds = (name: string) => ({ id: `cfg-audit-${name}`, testId: `audit-${name}` });

/** Entries whose sentence, user or raw code contain `query` (case-insensitive). */
export function filterEntries(entries: AuditRecord[], query: string, names: AuditNames): AuditRecord[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  return entries.filter((e) =>
    [auditSentence(e, names), auditRaw(e), e.username].some((s) => s.toLowerCase().includes(q)),
  );
}

/** The address of the log with the filters chosen (also for the CSV download). */
export function auditUrl(filter: { limit: number; kind: string; username: string }, format?: 'csv'): string {
  const params = new URLSearchParams({ limit: String(filter.limit) });
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.username) params.set('username', filter.username);
  if (format) params.set('format', format);
  return `/api/admin/audit?${params.toString()}`;
}

function localDate(iso: string, timeZone: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function AuditPanel({ office, fail }: AuditPanelProps) {
  const entries = useSignal<AuditRecord[] | null>(null);
  const accounts = useSignal<string[]>([]);
  const error = useSignal<string | null>(null);
  const limit = useSignal(String(LIMITS[1]));
  const kind = useSignal<AuditKind | ''>('');
  const username = useSignal('');
  const query = useSignal('');
  const loading = useSignal(false);
  const names = auditNames(office);
  const filter = { limit: Number(limit.value), kind: kind.value, username: username.value };

  const load = async () => {
    loading.value = true;
    try {
      const answer = await api<{ entries: AuditRecord[] }>('GET', auditUrl(filter));
      entries.value = answer.entries;
      // The accounts to choose from: every one seen so far.
      accounts.value = [...new Set([...accounts.value, ...answer.entries.map((e) => e.username)])].sort();
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
  }, [limit.value, kind.value, username.value]);

  const list = entries.value;
  const shown = list ? filterEntries(list, query.value, names) : [];
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
          <PlainSelect
            {...filterIds('kind')}
            label="Art"
            value={kind}
            options={[
              ALL,
              ...[...AUDIT_KINDS, 'other' as const].map((k) => ({ value: k, label: AUDIT_KIND_LABELS[k] })),
            ]}
          />
          <PlainSelect
            {...filterIds('account')}
            label="Konto"
            value={username}
            options={[ALL, ...accounts.value.map((a) => ({ value: a, label: a === '-' ? 'ohne Anmeldung' : a }))]}
          />
          <PlainField
            {...filterIds('search')}
            label="Suchen"
            type="search"
            placeholder="Platz, Nummer …"
            value={query}
          />
          <PlainSelect
            {...filterIds('limit')}
            label="Anzahl"
            value={limit}
            options={LIMITS.map((n) => ({ value: String(n), label: `die letzten ${n}` }))}
          />
          <button
            type="button"
            class="staff-btn staff-btn--secondary"
            disabled={loading.value}
            data-testid="audit-reload"
            onClick={() => void load()}
          >
            {loading.value ? 'Wird geladen …' : 'Neu laden'}
          </button>
          <a
            class="staff-btn staff-btn--secondary"
            href={auditUrl(filter, 'csv')}
            download
            data-testid="audit-csv"
            aria-label="Protokoll mit diesen Filtern als CSV-Datei herunterladen"
          >
            CSV herunterladen
          </a>
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
          <DataTable testId="audit-table" variant="cfg-table" columns={['Zeit', 'Was geschah']}>
            {shown.map((e, i) => (
              <tr key={`${e.at}-${i}`} data-testid="audit-entry" data-action={e.action}>
                <td class="mono">
                  {formatDay(localDate(e.at, office.timezone))}, {formatClock(e.at, office.timezone)}
                </td>
                <td title={`Code: ${auditRaw(e)}`} data-testid="audit-text">
                  {auditSentence(e, names)}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
