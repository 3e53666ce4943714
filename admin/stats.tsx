/**
 * The statistics tab: a date range with quick choices, the key figures of the range, charts of
 * visitors and waits per period, arrivals by weekday and hour, figures per period and concern,
 * per counter (never per person) and for appointments; every table also as CSV.
 * Everything comes from `GET /api/stats`, `/api/stats/heatmap` and `/api/stats/counters`.
 */
import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { OfficePublic } from '../core/api.ts';
import { api } from '../ui/api.ts';
import { errorText } from '../ui/staff-errors.ts';
import { formatDecimal, officeDay } from '../ui/staff-format.ts';
import { errorCodeOf } from '../ui/staff-session.ts';
import { BarChart, HeatmapTable, LineChart } from './charts.tsx';
import {
  type CountersAnswer,
  countersUrl,
  formatCheckIn,
  formatShare,
  type HeatmapAnswer,
  heatHours,
  heatmapUrl,
  periodLabel,
  periodShort,
  periodsOf,
  type QuickRangeId,
  quickRanges,
  rangeLabel,
  type StatsAnswer,
  type StatsBy,
  type StatsQuery,
  seriesOf,
  statsUrl,
  summaryCsvUrl,
  TOTAL,
} from './stats-data.ts';
import './stats.css';

export type { StatsBy, StatsQuery, StatsRow } from './stats-data.ts';
export { statsUrl, totals } from './stats-data.ts';

const BY_LABEL: Record<StatsBy, string> = { hour: 'Stunde', day: 'Tag', week: 'Woche', month: 'Monat' };
const PER_LABEL: Record<StatsBy, string> = { hour: 'je Stunde', day: 'je Tag', week: 'je Woche', month: 'je Monat' };

const COLORS = {
  issued: '#5b8fd9',
  served: '#0a6b33',
  median: '#0b4fb3',
  mean: '#b35900',
  p90: '#6b2c91',
};

interface Loaded {
  query: StatsQuery;
  stats: StatsAnswer;
  heatmap: HeatmapAnswer;
  counters: CountersAnswer;
}

function CsvLink({ href, name, testid }: { href: string; name: string; testid: string }) {
  return (
    <a
      class="staff-btn staff-btn--secondary stats-csv"
      data-testid={testid}
      href={href}
      download
      aria-label={`${name} als CSV-Datei herunterladen`}
    >
      CSV herunterladen
    </a>
  );
}

function SectionHead({ id, title, children }: { id: string; title: string; children?: ComponentChildren }) {
  return (
    <div class="stats-head">
      <h3 id={id} class="stats-head__title">
        {title}
      </h3>
      {children}
    </div>
  );
}

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
            <label class="staff-field">
              <span class="staff-field__label">Von</span>
              <input
                type="date"
                class="staff-input"
                data-testid="stats-from"
                value={draft.value.from}
                max={draft.value.to || undefined}
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
                min={draft.value.from || undefined}
                onInput={(e) => set({ to: e.currentTarget.value })}
              />
            </label>
            <label class="staff-field">
              <span class="staff-field__label">Zusammenfassen je</span>
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
              class="staff-btn staff-btn--primary stats-load"
              data-testid="stats-load"
              disabled={loading.value}
            >
              {loading.value ? 'Lädt …' : 'Anzeigen'}
            </button>
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
  const { query, stats, heatmap, counters } = loaded;
  const by = query.by;
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
  const labels = periods.map((p) => periodShort(p, by));
  const titles = periods.map((p) => periodLabel(p, by));
  const target = stats.targetWaitMinutes;
  const table = [...stats.rows, ...stats.totals].sort((a, b) =>
    a.period !== b.period
      ? a.period < b.period
        ? -1
        : 1
      : (a.concernId === TOTAL ? 1 : 0) - (b.concernId === TOTAL ? 1 : 0) ||
        concernName(a.concernId).localeCompare(concernName(b.concernId), 'de'),
  );
  const appointments = stats.summary.filter((r) => r.concernId !== TOTAL && (r.appointments ?? 0) > 0);
  const allAppointments = all.appointments ?? 0;
  const hours = heatHours(heatmap.cells);
  const ticketConcerns = props.office.concerns.filter((c) => !c.infoUrl);

  return (
    <>
      <section class="panel" aria-labelledby="stats-kpi-title">
        <h3 id="stats-kpi-title" class="visually-hidden">
          Kennzahlen des Zeitraums
        </h3>
        <dl class="stats-kpis" data-testid="stats-kpis">
          <div class="stats-kpi">
            <dt>Nummern ausgegeben</dt>
            <dd data-testid="kpi-issued">{all.issued}</dd>
          </div>
          <div class="stats-kpi">
            <dt>Bedient</dt>
            <dd data-testid="kpi-served">{all.served}</dd>
            <dd class="stats-kpi__more">
              {all.noShow} nicht erschienen · {all.cancelled ?? 0} abgebrochen
            </dd>
          </div>
          <div class="stats-kpi">
            <dt>Wartezeit (Median)</dt>
            <dd data-testid="kpi-wait">
              {formatDecimal(all.medianWaitMinutes)} <span class="stats-kpi__unit">Min.</span>
            </dd>
            <dd class="stats-kpi__more">
              Ø {formatDecimal(all.avgWaitMinutes)} · 9 von 10 höchstens {formatDecimal(all.p90WaitMinutes)} Min.
            </dd>
          </div>
          <div class="stats-kpi">
            <dt>Aufgerufen in höchstens {target} Min.</dt>
            <dd data-testid="kpi-target">{formatShare(all.servedWithinTargetShare)}</dd>
            <dd class="stats-kpi__more">der aufgerufenen Besucherinnen und Besucher</dd>
          </div>
          <div class="stats-kpi">
            <dt>Bearbeitungszeit (Median)</dt>
            <dd data-testid="kpi-service">
              {formatDecimal(all.medianServiceMinutes)} <span class="stats-kpi__unit">Min.</span>
            </dd>
            <dd class="stats-kpi__more">Ø {formatDecimal(all.avgServiceMinutes)} Min.</dd>
          </div>
        </dl>
      </section>

      <div class="stats-grid">
        <section class="panel" aria-labelledby="stats-visitors-title">
          <SectionHead id="stats-visitors-title" title={`Besucherinnen und Besucher ${PER_LABEL[by]}`}>
            <CsvLink href={statsUrl(query, 'csv')} name="Zahlen je Zeitraum" testid="stats-csv-chart" />
          </SectionHead>
          <BarChart
            id="chart-visitors"
            title={`Nummern ausgegeben und bedient ${PER_LABEL[by]}`}
            summary={`Balkendiagramm mit ${periods.length} Zeiträumen: insgesamt ${all.issued} Nummern ausgegeben und ${all.served} bedient. Die Zahlen stehen auch in der Tabelle „Zahlen je Zeitraum und Anliegen“.`}
            periods={periods}
            labels={labels}
            titles={titles}
            series={[
              {
                key: 'issued',
                name: 'Nummern ausgegeben',
                color: COLORS.issued,
                values: seriesOf(stats.totals, periods, (r) => r.issued, 0),
              },
              {
                key: 'served',
                name: 'Bedient',
                color: COLORS.served,
                values: seriesOf(stats.totals, periods, (r) => r.served, 0),
              },
            ]}
          />
        </section>
        <section class="panel" aria-labelledby="stats-heat-title">
          <SectionHead id="stats-heat-title" title="Ankünfte nach Wochentag und Uhrzeit">
            <label class="stats-inline-field">
              <span>Anliegen</span>
              <select
                class="staff-input"
                data-testid="stats-heat-concern"
                value={props.heatConcern}
                onChange={(e) => props.onHeatConcern(e.currentTarget.value)}
              >
                <option value="">Alle Anliegen</option>
                {ticketConcerns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <CsvLink
              href={heatmapUrl(query, props.heatConcern || null, 'csv')}
              name="Ankünfte nach Wochentag und Uhrzeit"
              testid="stats-csv-heatmap"
            />
          </SectionHead>
          {hours.length ? (
            <HeatmapTable
              id="stats-heatmap"
              caption="Durchschnittliche Zahl der Nummern je Stunde an den Tagen, an denen jemand kam. Dunkler heißt mehr."
              cells={heatmap.cells}
              openDays={heatmap.openDays}
              hours={hours}
            />
          ) : (
            <p class="staff-muted">In diesem Zeitraum kam niemand mit diesem Anliegen.</p>
          )}
        </section>
        <section class="panel" aria-labelledby="stats-waits-title">
          <SectionHead id="stats-waits-title" title={`Wartezeit ${PER_LABEL[by]} (Minuten)`}>
            <CsvLink href={statsUrl(query, 'csv')} name="Zahlen je Zeitraum" testid="stats-csv-waits" />
          </SectionHead>
          <LineChart
            id="chart-waits"
            title={`Wartezeit bis zum Aufruf ${PER_LABEL[by]}, in Minuten`}
            summary={`Liniendiagramm: Median ${formatDecimal(all.medianWaitMinutes)} Minuten, Durchschnitt ${formatDecimal(all.avgWaitMinutes)}, 9 von 10 warteten höchstens ${formatDecimal(all.p90WaitMinutes)} Minuten. Ziel: ${target} Minuten.`}
            periods={periods}
            labels={labels}
            titles={titles}
            unit="Min."
            reference={{ value: target, label: `Ziel ${target} Min.` }}
            series={[
              {
                key: 'median',
                name: 'Median',
                color: COLORS.median,
                marker: 'circle',
                labels: true,
                values: seriesOf(stats.totals, periods, (r) => r.medianWaitMinutes, null),
              },
              {
                key: 'mean',
                name: 'Durchschnitt',
                color: COLORS.mean,
                marker: 'square',
                dash: '8 5',
                values: seriesOf(stats.totals, periods, (r) => r.avgWaitMinutes, null),
              },
              {
                key: 'p90',
                name: '9 von 10 höchstens',
                color: COLORS.p90,
                marker: 'triangle',
                dash: '2 4',
                values: seriesOf(stats.totals, periods, (r) => r.p90WaitMinutes, null),
              },
            ]}
          />
        </section>
        <div class="stats-stack">
          <section class="panel" aria-labelledby="stats-counters-title">
            <SectionHead id="stats-counters-title" title="Je Platz">
              <CsvLink href={countersUrl(query, 'csv')} name="Zahlen je Platz" testid="stats-csv-counters" />
            </SectionHead>
            {counters.rows.length ? (
              <div class="table-scroll">
                <table class="table" data-testid="stats-counters">
                  <thead>
                    <tr>
                      <th scope="col">Platz</th>
                      <th scope="col" class="num">
                        Bedient
                      </th>
                      <th scope="col" class="num">
                        Anteil
                      </th>
                      <th scope="col" class="num">
                        Nicht erschienen
                      </th>
                      <th scope="col" class="num">
                        Bearbeitung Median
                      </th>
                      <th scope="col" class="num">
                        Bearbeitung Ø
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {counters.rows.map((c) => (
                      <tr key={c.counterId} data-testid="stats-counter-row" data-counter={c.counterId}>
                        <th scope="row">{counterName(c.counterId)}</th>
                        <td class="num" data-col="served">
                          {c.served}
                        </td>
                        <td class="num">{formatShare(c.servedShare)}</td>
                        <td class="num">{c.noShow}</td>
                        <td class="num">{formatDecimal(c.medianServiceMinutes)}</td>
                        <td class="num">{formatDecimal(c.avgServiceMinutes)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p class="staff-muted">In diesem Zeitraum wurde an keinem Platz jemand bedient.</p>
            )}
            <p class="staff-muted stats-note">
              Lotse zählt je Platz, nie je Person. Auswertungen über einzelne Beschäftigte gibt es nicht.
            </p>
          </section>
          <section class="panel" aria-labelledby="stats-appointments-title">
            <SectionHead id="stats-appointments-title" title="Termine">
              <CsvLink
                href={summaryCsvUrl(query)}
                name="Zahlen des ganzen Zeitraums mit Terminen"
                testid="stats-csv-appointments"
              />
            </SectionHead>
            {allAppointments ? (
              <div class="table-scroll">
                <table class="table" data-testid="stats-appointments">
                  <thead>
                    <tr>
                      <th scope="col">Anliegen</th>
                      <th scope="col" class="num">
                        Termine
                      </th>
                      <th scope="col" class="num">
                        Pünktlich da
                      </th>
                      <th scope="col" class="num">
                        Ankunft (Median)
                      </th>
                      <th scope="col" class="num">
                        Wartezeit ab Termin Ø
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...appointments, all].map((r) => (
                      <tr key={r.concernId} class={r.concernId === TOTAL ? 'stats-table__total' : ''}>
                        <th scope="row">{concernName(r.concernId)}</th>
                        <td class="num">{r.appointments ?? 0}</td>
                        <td class="num">{formatShare(r.punctualShare)}</td>
                        <td class="num">{formatCheckIn(r.medianCheckInMinutes)}</td>
                        <td class="num">{formatDecimal(r.avgAppointmentWaitMinutes)} Min.</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p class="staff-muted">In diesem Zeitraum kam niemand mit einem Termin.</p>
            )}
            <p class="staff-muted stats-note">
              Pünktlich: spätestens zur Terminzeit angemeldet. Wartezeit ab Termin: ab der Terminzeit oder, wer später
              kam, ab der Anmeldung.
            </p>
          </section>
        </div>
      </div>

      <section class="panel" aria-labelledby="stats-table-title">
        <SectionHead id="stats-table-title" title={`Zahlen ${PER_LABEL[by]} und Anliegen`}>
          <CsvLink href={statsUrl(query, 'csv')} name="Zahlen je Zeitraum und Anliegen" testid="stats-csv" />
        </SectionHead>
        <div class="table-scroll">
          <table class="table table--stats stats-table" data-testid="stats-table">
            <thead>
              <tr>
                <th scope="col">{BY_LABEL[by]}</th>
                <th scope="col">Anliegen</th>
                <th scope="col" class="num">
                  Aus&shy;gegeben
                </th>
                <th scope="col" class="num">
                  Bedient
                </th>
                <th scope="col" class="num">
                  Nicht erschienen
                </th>
                <th scope="col" class="num">
                  Ab&shy;gebrochen
                </th>
                <th scope="col" class="num">
                  Weiter&shy;geleitet
                </th>
                <th scope="col" class="num">
                  Warte&shy;zeit Median
                </th>
                <th scope="col" class="num">
                  Warte&shy;zeit Ø
                </th>
                <th scope="col" class="num">
                  9 von 10 warteten höchstens
                </th>
                <th scope="col" class="num">
                  In Ziel&shy;zeit ({target} Min.)
                </th>
                <th scope="col" class="num">
                  Bear&shy;beitung Median
                </th>
                <th scope="col" class="num">
                  Bear&shy;beitung Ø
                </th>
              </tr>
            </thead>
            <tbody>
              {table.map((r) => (
                <tr
                  key={`${r.period}-${r.concernId}`}
                  class={r.concernId === TOTAL ? 'stats-table__total' : ''}
                  data-testid={r.concernId === TOTAL ? 'stats-total-row' : 'stats-row'}
                  data-period={r.period}
                  data-concern={r.concernId}
                >
                  <td class="stats-table__period">{periodLabel(r.period, by)}</td>
                  <td>{concernName(r.concernId)}</td>
                  <td class="num" data-col="issued">
                    {r.issued}
                  </td>
                  <td class="num" data-col="served">
                    {r.served}
                  </td>
                  <td class="num">{r.noShow}</td>
                  <td class="num">{r.cancelled ?? 0}</td>
                  <td class="num">{r.transferred ?? 0}</td>
                  <td class="num">{formatDecimal(r.medianWaitMinutes)}</td>
                  <td class="num">{formatDecimal(r.avgWaitMinutes)}</td>
                  <td class="num">{formatDecimal(r.p90WaitMinutes)}</td>
                  <td class="num">{formatShare(r.servedWithinTargetShare)}</td>
                  <td class="num">{formatDecimal(r.medianServiceMinutes)}</td>
                  <td class="num">{formatDecimal(r.avgServiceMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="staff-muted stats-note">Zeiten in Minuten. Wartezeit: vom Ziehen der Nummer bis zum ersten Aufruf.</p>
      </section>
    </>
  );
}
