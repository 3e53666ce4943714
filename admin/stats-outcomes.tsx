/**
 * Outcomes per period and concern: a stacked bar of all concerns together per period (so
 * "Unterlagen fehlen" per week is visible at a glance) and a table per period and concern.
 * Names come from the office's configured outcomes; an id no longer configured shows as itself.
 */
import type { OutcomeConfig } from '../core/types.ts';
import { BarChart } from './charts.tsx';
import type { PeriodAxis } from './stats-charts.tsx';
import {
  outcomeCount,
  outcomeIdsOf,
  outcomeName,
  type StatsQuery,
  type StatsRow,
  seriesOf,
  statsUrl,
} from './stats-data.ts';
import { CsvLink, OUTCOME_COLORS, PER_LABEL, SectionHead } from './stats-parts.tsx';
import { PeriodConcernTable } from './stats-tables.tsx';

export function OutcomesSection(props: {
  query: StatsQuery;
  totals: StatsRow[];
  table: StatsRow[];
  axis: PeriodAxis;
  outcomes: readonly OutcomeConfig[];
  concernName: (id: string) => string;
}) {
  const { query, totals, axis, outcomes, concernName } = props;
  const by = query.by;
  const ids = outcomeIdsOf(props.table, outcomes);
  const rows = props.table.filter((r) => outcomeCount(r) > 0);
  const name = (id: string) => outcomeName(id, outcomes);
  const recorded = totals.reduce((s, r) => s + outcomeCount(r), 0);
  return (
    <section class="panel" aria-labelledby="stats-outcomes-title" data-testid="stats-outcomes">
      <SectionHead id="stats-outcomes-title" title={`Ergebnisse ${PER_LABEL[by]}`}>
        <CsvLink href={statsUrl(query, 'csv')} name="Ergebnisse je Zeitraum und Anliegen" testid="stats-csv-outcomes" />
      </SectionHead>
      {rows.length === 0 || ids.length === 0 ? (
        <p class="staff-muted" data-testid="stats-outcomes-empty">
          In diesem Zeitraum wurde kein Ergebnis erfasst.
        </p>
      ) : (
        <div class="stats-outcomes">
          <BarChart
            id="chart-outcomes"
            title={`Abgeschlossene Anliegen nach Ergebnis ${PER_LABEL[by]}`}
            summary={`Gestapeltes Balkendiagramm: ${recorded} Anliegen mit Ergebnis, davon ${ids
              .map((id) => `${name(id)} ${totals.reduce((s, r) => s + (r.outcomes?.[id] ?? 0), 0)}`)
              .join(', ')}. Die Zahlen stehen auch in der Tabelle daneben.`}
            {...axis}
            stacked
            series={ids.map((id, i) => ({
              key: id,
              name: name(id),
              color: OUTCOME_COLORS[i % OUTCOME_COLORS.length] as string,
              values: seriesOf(totals, axis.periods, (r) => r.outcomes?.[id] ?? 0, 0),
            }))}
          />
          <PeriodConcernTable
            testId="stats-outcome-table"
            by={by}
            rows={rows}
            rowTestId={() => 'stats-outcome-row'}
            concernName={concernName}
            columns={ids.map(name)}
            cells={(r) =>
              ids.map((id) => (
                <td key={id} class="num" data-col={`outcome_${id}`}>
                  {r.outcomes?.[id] ?? 0}
                </td>
              ))
            }
          />
        </div>
      )}
      <p class="staff-muted stats-note">
        Das Ergebnis wählt der Platz beim Abschließen eines Anliegens. Es enthält nie persönliche Angaben.
      </p>
    </section>
  );
}
