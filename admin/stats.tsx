/** Statistics per hour, day or week and concern (`GET /api/stats`), with CSV export. */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatDay, formatDecimal, officeDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';

export interface StatsRow {
  period: string;
  concernId: string;
  issued: number;
  served: number;
  noShow: number;
  avgWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  avgServiceMinutes: number | null;
}

export type StatsBy = 'hour' | 'day' | 'week';

export interface StatsQuery {
  from: string;
  to: string;
  by: StatsBy;
}

export function statsUrl(query: StatsQuery, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, by: query.by });
  if (format === 'csv') params.set('format', 'csv');
  return `/api/stats?${params.toString()}`;
}

/** Sums per column; averages weighted by the visitors served. */
export function totals(rows: StatsRow[]) {
  const sum = (pick: (r: StatsRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const weighted = (pick: (r: StatsRow) => number | null) => {
    const valid = rows.filter((r) => typeof pick(r) === 'number' && r.served > 0);
    const served = valid.reduce((s, r) => s + r.served, 0);
    return served > 0 ? valid.reduce((s, r) => s + (pick(r) as number) * r.served, 0) / served : null;
  };
  return {
    issued: sum((r) => r.issued),
    served: sum((r) => r.served),
    noShow: sum((r) => r.noShow),
    avgWaitMinutes: weighted((r) => r.avgWaitMinutes),
    avgServiceMinutes: weighted((r) => r.avgServiceMinutes),
  };
}

const BY_LABEL: Record<StatsBy, string> = { hour: 'Stunde', day: 'Tag', week: 'Woche' };

export function StatsPanel({ office, fail }: { office: OfficePublic; fail: (code: string) => void }) {
  const draft = useSignal<StatsQuery>({
    from: officeDay(office.timezone, -6),
    to: officeDay(office.timezone),
    by: 'day',
  });
  const shown = useSignal<StatsQuery | null>(null);
  const rows = useSignal<StatsRow[] | null>(null);
  const loading = useSignal(false);
  const error = useSignal<string | null>(null);

  const load = async () => {
    const query = draft.value;
    if (!query.from || !query.to || query.from > query.to) {
      error.value = 'Bitte wählen Sie einen Zeitraum: „Von“ muss vor oder gleich „Bis“ sein.';
      return;
    }
    loading.value = true;
    error.value = null;
    try {
      const answer = await api<StatsRow[] | { rows: StatsRow[] }>('GET', statsUrl(query));
      rows.value = Array.isArray(answer) ? answer : (answer?.rows ?? []);
      shown.value = query;
    } catch (e) {
      const code = errorCodeOf(e);
      if (code === 'UNAUTHENTICATED') fail(code);
      else error.value = `Die Statistik konnte nicht geladen werden. ${errorText(code)}`;
    } finally {
      loading.value = false;
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const set = (patch: Partial<StatsQuery>) => {
    draft.value = { ...draft.value, ...patch };
  };
  const concernName = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
  const list = rows.value;
  const sum = list ? totals(list) : null;
  const q = shown.value;

  return (
    <section class="panel" aria-labelledby="admin-stats-title">
      <h2 id="admin-stats-title" class="panel__title">
        Statistik
      </h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label class="staff-field">
          <span class="staff-field__label">Von</span>
          <input
            type="date"
            class="staff-input"
            data-testid="stats-from"
            value={draft.value.from}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label class="staff-field">
          <span class="staff-field__label">Bis</span>
          <input
            type="date"
            class="staff-input"
            data-testid="stats-to"
            value={draft.value.to}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
        <label class="staff-field">
          <span class="staff-field__label">Je</span>
          <select
            class="staff-input"
            data-testid="stats-by"
            value={draft.value.by}
            onChange={(e) => set({ by: e.currentTarget.value as StatsBy })}
          >
            {(Object.keys(BY_LABEL) as StatsBy[]).map((by) => (
              <option key={by} value={by}>
                {BY_LABEL[by]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          class="staff-btn staff-btn--big staff-btn--primary"
          data-testid="stats-load"
          disabled={loading.value}
        >
          {loading.value ? 'Lädt …' : 'Anzeigen'}
        </button>
        {q ? (
          <a
            class="staff-btn staff-btn--big staff-btn--secondary"
            data-testid="stats-csv"
            href={statsUrl(q, 'csv')}
            download={`lotse-statistik-${q.from}-bis-${q.to}.csv`}
          >
            Als CSV herunterladen
          </a>
        ) : null}
      </form>
      {error.value ? (
        <p class="staff-form__error" role="alert">
          {error.value}
        </p>
      ) : null}
      {list && q ? (
        list.length === 0 ? (
          <p class="staff-muted" data-testid="stats-empty">
            Für diesen Zeitraum gibt es keine Daten.
          </p>
        ) : (
          <div class="table-scroll">
            <table class="table table--stats" data-testid="stats-table">
              <thead>
                <tr>
                  <th scope="col">{BY_LABEL[q.by]}</th>
                  <th scope="col">Anliegen</th>
                  <th scope="col" class="num">
                    Nummern ausgegeben
                  </th>
                  <th scope="col" class="num">
                    Bedient
                  </th>
                  <th scope="col" class="num">
                    Nicht erschienen
                  </th>
                  <th scope="col" class="num">
                    Wartezeit Ø (Min.)
                  </th>
                  <th scope="col" class="num">
                    9 von 10 warteten höchstens (Min.)
                  </th>
                  <th scope="col" class="num">
                    Bearbeitung Ø (Min.)
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={`${r.period}-${r.concernId}`}>
                    <td class="mono">{q.by === 'day' ? formatDay(r.period) : r.period}</td>
                    <td>{concernName(r.concernId)}</td>
                    <td class="num">{r.issued}</td>
                    <td class="num">{r.served}</td>
                    <td class="num">{r.noShow}</td>
                    <td class="num">{formatDecimal(r.avgWaitMinutes)}</td>
                    <td class="num">{formatDecimal(r.p90WaitMinutes)}</td>
                    <td class="num">{formatDecimal(r.avgServiceMinutes)}</td>
                  </tr>
                ))}
              </tbody>
              {sum ? (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      Summe
                    </th>
                    <td class="num">{sum.issued}</td>
                    <td class="num">{sum.served}</td>
                    <td class="num">{sum.noShow}</td>
                    <td class="num">{formatDecimal(sum.avgWaitMinutes)}</td>
                    <td class="num">–</td>
                    <td class="num">{formatDecimal(sum.avgServiceMinutes)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
