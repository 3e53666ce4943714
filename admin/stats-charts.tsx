/** The charts of the statistics tab: concerns and visits per period, waits per period, arrivals by weekday and hour. */
import type { OfficePublic } from '../core/api.ts';
import { SelectOptions } from '../ui/staff-form.tsx';
import { formatDecimal } from '../ui/staff-format.ts';
import { BarChart, LineChart } from './charts.tsx';
import { HeatmapTable } from './heatmap.tsx';
import { heatHours, heatmapUrl, type StatsRow, type StatsQuery, seriesOf, statsUrl, visitsOf } from './stats-data.ts';
import { COLORS, CsvLink, type Loaded, PER_LABEL, SectionHead } from './stats-parts.tsx';

/** Periods of the range with their axis labels and long titles. */
export interface PeriodAxis {
  periods: string[];
  labels: string[];
  titles: string[];
}

export function VisitorsChart({
  query,
  totals,
  all,
  axis,
}: {
  query: StatsQuery;
  totals: StatsRow[];
  all: StatsRow;
  axis: PeriodAxis;
}) {
  const per = PER_LABEL[query.by];
  return (
    <section class="panel" aria-labelledby="stats-visitors-title">
      <SectionHead id="stats-visitors-title" title={`Anliegen und Besuche ${per}`}>
        <CsvLink href={statsUrl(query, 'csv')} name="Zahlen je Zeitraum" testid="stats-csv-chart" />
      </SectionHead>
      <BarChart
        id="chart-visitors"
        title={`Anliegen gewünscht und bedient, Besuche ${per}`}
        summary={`Balkendiagramm mit ${axis.periods.length} Zeiträumen: insgesamt ${all.issued} Anliegen gewünscht, ${all.served} bedient, ${visitsOf(all)} Besuche. Die Zahlen stehen auch in der Tabelle „Zahlen je Zeitraum und Anliegen“.`}
        {...axis}
        series={[
          {
            key: 'issued',
            name: 'Anliegen gewünscht',
            color: COLORS.issued,
            values: seriesOf(totals, axis.periods, (r) => r.issued, 0),
          },
          {
            key: 'served',
            name: 'Anliegen bedient',
            color: COLORS.served,
            values: seriesOf(totals, axis.periods, (r) => r.served, 0),
          },
          {
            key: 'visits',
            name: 'Besuche',
            color: COLORS.visits,
            values: seriesOf(totals, axis.periods, visitsOf, 0),
          },
        ]}
      />
    </section>
  );
}

export function WaitsChart({
  query,
  totals,
  all,
  axis,
  target,
}: {
  query: StatsQuery;
  totals: StatsRow[];
  all: StatsRow;
  axis: PeriodAxis;
  target: number;
}) {
  const per = PER_LABEL[query.by];
  return (
    <section class="panel" aria-labelledby="stats-waits-title">
      <SectionHead id="stats-waits-title" title={`Wartezeit ${per} (Minuten)`}>
        <CsvLink href={statsUrl(query, 'csv')} name="Zahlen je Zeitraum" testid="stats-csv-waits" />
      </SectionHead>
      <LineChart
        id="chart-waits"
        title={`Wartezeit bis zum Aufruf ${per}, in Minuten`}
        summary={`Liniendiagramm: Median ${formatDecimal(all.medianWaitMinutes)} Minuten, Durchschnitt ${formatDecimal(all.avgWaitMinutes)}, 9 von 10 warteten höchstens ${formatDecimal(all.p90WaitMinutes)} Minuten. Ziel: ${target} Minuten.`}
        {...axis}
        unit="Min."
        reference={{ value: target, label: `Ziel ${target} Min.` }}
        series={[
          {
            key: 'median',
            name: 'Median',
            color: COLORS.median,
            marker: 'circle',
            labels: true,
            values: seriesOf(totals, axis.periods, (r) => r.medianWaitMinutes, null),
          },
          {
            key: 'mean',
            name: 'Durchschnitt',
            color: COLORS.mean,
            marker: 'square',
            dash: '8 5',
            values: seriesOf(totals, axis.periods, (r) => r.avgWaitMinutes, null),
          },
          {
            key: 'p90',
            name: '9 von 10 höchstens',
            color: COLORS.p90,
            marker: 'triangle',
            dash: '2 4',
            values: seriesOf(totals, axis.periods, (r) => r.p90WaitMinutes, null),
          },
        ]}
      />
    </section>
  );
}

export function HeatmapSection(props: {
  loaded: Loaded;
  office: OfficePublic;
  concernId: string;
  onConcern: (id: string) => void;
}) {
  const { query, heatmap } = props.loaded;
  const hours = heatHours(heatmap.cells);
  const ticketConcerns = props.office.concerns.filter((c) => !c.infoUrl);
  return (
    <section class="panel" aria-labelledby="stats-heat-title">
      <SectionHead id="stats-heat-title" title="Ankünfte nach Wochentag und Uhrzeit">
        <label class="stats-inline-field">
          <span>Anliegen</span>
          <select
            class="staff-input"
            data-testid="stats-heat-concern"
            value={props.concernId}
            onChange={(e) => props.onConcern(e.currentTarget.value)}
          >
            <SelectOptions
              options={[
                { value: '', label: 'Alle Anliegen' },
                ...ticketConcerns.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          </select>
        </label>
        <CsvLink
          href={heatmapUrl(query, props.concernId || null, 'csv')}
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
  );
}
