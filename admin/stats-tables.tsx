/** The tables of the statistics tab: per counter, appointments, and figures per period and concern. */
import type { ComponentChildren } from 'preact';
import { formatDecimal } from '../ui/staff-format.ts';
import {
  type CountersAnswer,
  countersUrl,
  formatCheckIn,
  formatShare,
  periodLabel,
  type StatsBy,
  type StatsQuery,
  type StatsRow,
  statsUrl,
  summaryCsvUrl,
  TOTAL,
  visitsOf,
} from './stats-data.ts';
import { BY_LABEL, CsvLink, PER_LABEL, SectionHead } from './stats-parts.tsx';
import { DataTable } from './table-head.tsx';

export function CountersTable(props: {
  query: StatsQuery;
  counters: CountersAnswer;
  counterName: (id: string) => string;
}) {
  const { query, counters, counterName } = props;
  return (
    <section class="panel" aria-labelledby="stats-counters-title">
      <SectionHead id="stats-counters-title" title="Je Platz">
        <CsvLink href={countersUrl(query, 'csv')} name="Zahlen je Platz" testid="stats-csv-counters" />
      </SectionHead>
      {counters.rows.length ? (
        <DataTable
          testId="stats-counters"
          columns={[
            'Platz',
            { num: 'Bedient' },
            { num: 'Anteil' },
            { num: 'Nicht erschienen' },
            { num: 'Bearbeitung Median' },
            { num: 'Bearbeitung Ø' },
          ]}
        >
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
        </DataTable>
      ) : (
        <p class="staff-muted">In diesem Zeitraum wurde an keinem Platz jemand bedient.</p>
      )}
      <p class="staff-muted stats-note">
        Lotse zählt je Platz, nie je Person. Auswertungen über einzelne Beschäftigte gibt es nicht.
      </p>
    </section>
  );
}

export function AppointmentsTable(props: {
  query: StatsQuery;
  summary: StatsRow[];
  all: StatsRow;
  concernName: (id: string) => string;
}) {
  const { query, all, concernName } = props;
  const appointments = props.summary.filter((r) => r.concernId !== TOTAL && (r.appointments ?? 0) > 0);
  return (
    <section class="panel" aria-labelledby="stats-appointments-title">
      <SectionHead id="stats-appointments-title" title="Termine">
        <CsvLink
          href={summaryCsvUrl(query)}
          name="Zahlen des ganzen Zeitraums mit Terminen"
          testid="stats-csv-appointments"
        />
      </SectionHead>
      {all.appointments ? (
        <DataTable
          testId="stats-appointments"
          columns={[
            'Anliegen',
            { num: 'Termine' },
            { num: 'Pünktlich da' },
            { num: 'Ankunft (Median)' },
            { num: 'Wartezeit ab Termin Ø' },
          ]}
        >
          {[...appointments, all].map((r) => (
            <tr key={r.concernId} class={r.concernId === TOTAL ? 'stats-table__total' : ''}>
              <th scope="row">{concernName(r.concernId)}</th>
              <td class="num">{r.appointments ?? 0}</td>
              <td class="num">{formatShare(r.punctualShare)}</td>
              <td class="num">{formatCheckIn(r.medianCheckInMinutes)}</td>
              <td class="num">{formatDecimal(r.avgAppointmentWaitMinutes)} Min.</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p class="staff-muted">In diesem Zeitraum kam niemand mit einem Termin.</p>
      )}
      <p class="staff-muted stats-note">
        Pünktlich: spätestens zur Terminzeit angemeldet. Wartezeit ab Termin: ab der Terminzeit oder, wer später kam, ab
        der Anmeldung.
      </p>
    </section>
  );
}

/** Rows of every period and concern, each period's total last. */
export function PeriodTable(props: {
  query: StatsQuery;
  table: StatsRow[];
  target: number;
  concernName: (id: string) => string;
}) {
  const { query, table, target, concernName } = props;
  const by = query.by;
  return (
    <section class="panel" aria-labelledby="stats-table-title">
      <SectionHead id="stats-table-title" title={`Zahlen ${PER_LABEL[by]} und Anliegen`}>
        <CsvLink href={statsUrl(query, 'csv')} name="Zahlen je Zeitraum und Anliegen" testid="stats-csv" />
      </SectionHead>
      <PeriodConcernTable
        testId="stats-table"
        by={by}
        rows={table}
        rowTestId={(r) => (r.concernId === TOTAL ? 'stats-total-row' : 'stats-row')}
        concernName={concernName}
        columns={[
          'Ge\u00ADwünscht',
          'Bedient',
          'Be\u00ADsuche',
          'Mit mehreren Anliegen',
          'Nicht erschienen',
          'Ab\u00ADgebrochen',
          'Weiter\u00ADgeleitet',
          'Warte\u00ADzeit Median',
          'Warte\u00ADzeit Ø',
          '9 von 10 warteten höchstens',
          `In Ziel\u00ADzeit (${target} Min.)`,
          'Bear\u00ADbeitung Median',
          'Bear\u00ADbeitung Ø',
        ]}
        cells={(r) => (
          <>
            <td class="num" data-col="issued">
              {r.issued}
            </td>
            <td class="num" data-col="served">
              {r.served}
            </td>
            <td class="num" data-col="visits">
              {visitsOf(r)}
            </td>
            <td class="num" data-col="multiConcernShare">
              {formatShare(r.multiConcernShare)}
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
          </>
        )}
      />
      <p class="staff-muted stats-note">
        Zeiten in Minuten. Wartezeit: vom Ziehen der Nummer bis zum ersten Aufruf. Gewünscht und bedient zählen
        Anliegen; ein Besuch mit zwei Anliegen zählt zweimal, als Besuch einmal (beim ersten Anliegen).
      </p>
    </section>
  );
}

/**
 * A table of rows per period and concern, each period's total row marked: period and concern
 * first, then `columns` of figures. It can be wide, so its scroll box takes the keyboard focus.
 */
export function PeriodConcernTable(props: {
  testId: string;
  by: StatsBy;
  rows: StatsRow[];
  rowTestId: (r: StatsRow) => string;
  concernName: (id: string) => string;
  columns: string[];
  cells: (r: StatsRow) => ComponentChildren;
}) {
  const { by, concernName } = props;
  return (
    <DataTable
      testId={props.testId}
      variant="table--stats stats-table"
      focusable
      columns={[BY_LABEL[by], 'Anliegen', ...props.columns.map((num) => ({ num }))]}
    >
      {props.rows.map((r) => (
        <tr
          key={`${r.period}-${r.concernId}`}
          class={r.concernId === TOTAL ? 'stats-table__total' : ''}
          data-testid={props.rowTestId(r)}
          data-period={r.period}
          data-concern={r.concernId}
        >
          <td class="stats-table__period">{periodLabel(r.period, by)}</td>
          <td>{concernName(r.concernId)}</td>
          {props.cells(r)}
        </tr>
      ))}
    </DataTable>
  );
}
