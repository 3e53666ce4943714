/**
 * The statistics tab: a date range with quick choices, the key figures of the range, charts of
 * concerns, visits and waits per period, arrivals by weekday and hour, outcomes per period and
 * concern, figures per period and concern, per counter (never per person) and for appointments;
 * every table also as CSV. The views are in stats-kpis, stats-charts, stats-outcomes and stats-tables.
 * Everything comes from `GET /api/stats`, `/api/stats/heatmap` and `/api/stats/counters`.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { StaffInput, StaffSelect, SubmitButton, optionsOf } from '../ui/staff-form.tsx';
import { officeDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { HeatmapSection, VisitorsChart, WaitsChart } from './stats-charts.tsx';
import {
  type CountersAnswer,
  countersUrl,
  type HeatmapAnswer,
  heatmapUrl,
  periodLabel,
  periodShort,
  periodsOf,
  type QuickRangeId,
  quickRanges,
  rangeLabel,
  type StatsAnswer,
  type StatsQuery,
  statsUrl,
  TOTAL,
} from './stats-data.ts';
import { StatsKpis } from './stats-kpis.tsx';
import { OutcomesSection } from './stats-outcomes.tsx';
import { BY_LABEL, CsvDialectChoice, type Loaded } from './stats-parts.tsx';
import { AppointmentsTable, CountersTable, PeriodTable } from './stats-tables.tsx';
import './stats.css';

export type { StatsBy, StatsQuery, StatsRow } from './stats-data.ts';
export { statsUrl, totals } from './stats-data.ts';

export function StatsPanel({ office, fail }: { office: OfficePublic; fail: (code: string) => void }) {
  const today = officeDay(office.timezone);
  const quick = quickRanges(today);
  const initial = quick[0] as (typeof quick)[number];
  const draft = useSignal<StatsQuery>({ from: initial.from, to: initial.to, by: initial.by });
  const active = useSignal<QuickRangeId | null>(initial.id);
  const heatConcern = useSignal<string>('');
  const data = useSignal<Loaded | null>(null);
  const loading = useSignal(false);
  const error = useSignal<string | null>(null);

  const load = async (query: StatsQuery = draft.value, concernId: string = heatConcern.value) => {
    if (!query.from || !query.to || query.from > query.to) {
      error.value = 'Bitte wählen Sie einen Zeitraum: „Von“ muss vor oder gleich „Bis“ sein.';
      return;
    }
    loading.value = true;
    error.value = null;
    try {
      const [stats, heatmap, counters] = await Promise.all([
        api<StatsAnswer>('GET', statsUrl(query)),
        api<HeatmapAnswer>('GET', heatmapUrl(query, concernId || null)),
        api<CountersAnswer>('GET', countersUrl(query)),
      ]);
      data.value = { query, stats, heatmap, counters };
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
    active.value = null;
  };
  const concernName = (id: string) =>
    id === TOTAL ? 'Alle Anliegen' : (office.concerns.find((c) => c.id === id)?.name ?? id);
  const counterName = (id: string) => office.counters.find((c) => c.id === id)?.name ?? id;
  const loaded = data.value;

  return (
    <div class="stats" data-testid="stats">
      <section class="panel" aria-labelledby="admin-stats-title">
        <h2 id="admin-stats-title" class="visually-hidden">
          Statistik
        </h2>
        <form
          class="stats-filters"
          onSubmit={(e) => {
            e.preventDefault();
            void load();
          }}
        >
          <fieldset class="stats-quick">
            <legend class="staff-field__label stats-quick__legend">Zeitraum</legend>
            <div class="stats-quick__list">
              {quick.map((q) => (
                <button
                  key={q.id}
                  type="button"
                  class={`staff-btn stats-quick__btn ${active.value === q.id ? 'stats-quick__btn--active' : ''}`}
                  aria-pressed={active.value === q.id}
                  data-testid={`stats-quick-${q.id}`}
                  onClick={() => {
                    draft.value = { from: q.from, to: q.to, by: q.by };
                    active.value = q.id;
                    void load(draft.value);
                  }}
                >
                  {q.label}
                </button>
              ))}
            </div>
          </fieldset>
          <div class="stats-filters__row">
            <StaffInput
              label="Von"
              testId="stats-from"
              type="date"
              value={draft.value.from}
              max={draft.value.to || undefined}
              onValue={(from) => set({ from })}
            />
            <StaffInput
              label="Bis"
              testId="stats-to"
              type="date"
              value={draft.value.to}
              min={draft.value.from || undefined}
              onValue={(to) => set({ to })}
            />
            <StaffSelect
              label="Zusammenfassen je"
              testId="stats-by"
              value={draft.value.by}
              options={optionsOf(BY_LABEL)}
              onValue={(by) => set({ by })}
            />
            <SubmitButton testId="stats-load" busy={loading.value} busyLabel="Lädt …" variant="stats-load">
              Anzeigen
            </SubmitButton>
            <CsvDialectChoice />
            {loaded ? (
              <p class="stats-range" data-testid="stats-range" aria-live="polite">
                <span class="staff-muted">Angezeigt: </span>
                <strong>{rangeLabel(loaded.stats.from, loaded.stats.to)}</strong>
                <span class="staff-muted"> · Zielwartezeit {loaded.stats.targetWaitMinutes} Min.</span>
              </p>
            ) : null}
          </div>
        </form>
        {error.value ? (
          <p class="staff-form__error" role="alert">
            {error.value}
          </p>
        ) : null}
      </section>
      {loaded ? (
        <Report
          loaded={loaded}
          concernName={concernName}
          counterName={counterName}
          office={office}
          heatConcern={heatConcern.value}
          onHeatConcern={(id) => {
            heatConcern.value = id;
            void load(loaded.query, id);
          }}
        />
      ) : null}
    </div>
  );
}

function Report(props: {
  loaded: Loaded;
  office: OfficePublic;
  concernName: (id: string) => string;
  counterName: (id: string) => string;
  heatConcern: string;
  onHeatConcern: (id: string) => void;
}) {
  const { loaded, concernName, counterName } = props;
  const { query, stats, counters } = loaded;
  const all = stats.summary.find((r) => r.concernId === TOTAL);
  if (!all) {
    return (
      <section class="panel">
        <p class="staff-muted" data-testid="stats-empty">
          Für diesen Zeitraum gibt es keine Daten. Wählen Sie einen anderen Zeitraum.
        </p>
      </section>
    );
  }
  const periods = periodsOf(
    query,
    stats.totals.map((t) => t.period),
  );
  const axis = {
    periods,
    labels: periods.map((p) => periodShort(p, query.by)),
    titles: periods.map((p) => periodLabel(p, query.by)),
  };
  const target = stats.targetWaitMinutes;
  const table = [...stats.rows, ...stats.totals].sort((a, b) =>
    a.period !== b.period
      ? a.period < b.period
        ? -1
        : 1
      : (a.concernId === TOTAL ? 1 : 0) - (b.concernId === TOTAL ? 1 : 0) ||
        concernName(a.concernId).localeCompare(concernName(b.concernId), 'de'),
  );

  return (
    <>
      <StatsKpis all={all} target={target} />
      <div class="stats-grid">
        <VisitorsChart query={query} totals={stats.totals} all={all} axis={axis} />
        <HeatmapSection
          loaded={loaded}
          office={props.office}
          concernId={props.heatConcern}
          onConcern={props.onHeatConcern}
        />
        <WaitsChart query={query} totals={stats.totals} all={all} axis={axis} target={target} />
        <div class="stats-stack">
          <CountersTable query={query} counters={counters} counterName={counterName} />
          <AppointmentsTable query={query} summary={stats.summary} all={all} concernName={concernName} />
        </div>
      </div>
      <OutcomesSection
        query={query}
        totals={stats.totals}
        table={table}
        axis={axis}
        outcomes={props.office.outcomes ?? []}
        concernName={concernName}
      />
      <PeriodTable query={query} table={table} target={target} concernName={concernName} />
    </>
  );
}
