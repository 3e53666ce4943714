/** Pieces shared by the views of the statistics tab: labels, colours, section heads and CSV links. */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import type { CsvDialect } from '../core/csv-dialect.ts';
import { StaffSelect, optionsOf } from '../ui/staff-form.tsx';
import type { CountersAnswer, HeatmapAnswer, StatsAnswer, StatsBy, StatsQuery } from './stats-data.ts';

export const BY_LABEL: Record<StatsBy, string> = { hour: 'Stunde', day: 'Tag', week: 'Woche', month: 'Monat' };
export const PER_LABEL: Record<StatsBy, string> = {
  hour: 'je Stunde',
  day: 'je Tag',
  week: 'je Woche',
  month: 'je Monat',
};

/** Colours of bars and lines (each at least 3:1 against white). */
export const COLORS = {
  issued: '#5b8fd9',
  served: '#0a6b33',
  visits: '#8a4b08',
  median: '#0b4fb3',
  mean: '#b35900',
  p90: '#6b2c91',
};

/** Colours of the outcomes, in their configured order. */
export const OUTCOME_COLORS = [
  '#0a6b33',
  '#b35900',
  '#0b4fb3',
  '#6b2c91',
  '#a3123a',
  '#00707a',
  '#5c5c00',
  '#8a4b08',
  '#3d3d99',
  '#99004d',
  '#4d6b00',
  '#555555',
];

/** What the tab loaded for one query. */
export interface Loaded {
  query: StatsQuery;
  stats: StatsAnswer;
  heatmap: HeatmapAnswer;
  counters: CountersAnswer;
}

/** The CSV format every link of the tab downloads: German spreadsheets unless changed. */
export const csvDialect = signal<CsvDialect>('de');

/** A CSV address in the chosen format. */
export function withDialect(href: string, dialect: CsvDialect): string {
  return `${href}${href.includes('?') ? '&' : '?'}dialect=${dialect}`;
}

export const DIALECT_LABEL: Record<CsvDialect, string> = {
  de: 'Tabellenkalkulation deutsch (; und Komma)',
  en: 'International (, und Punkt, englische Spalten)',
};

/** The choice of the CSV format, for the tab's filter bar. */
export function CsvDialectChoice() {
  return (
    <StaffSelect
      label="CSV-Format"
      testId="stats-csv-dialect"
      value={csvDialect.value}
      options={optionsOf(DIALECT_LABEL)}
      onValue={(d) => {
        csvDialect.value = d;
      }}
    />
  );
}

export function CsvLink({ href, name, testid }: { href: string; name: string; testid: string }) {
  return (
    <a
      class="staff-btn staff-btn--secondary stats-csv"
      data-testid={testid}
      href={withDialect(href, csvDialect.value)}
      download
      aria-label={`${name} als CSV-Datei herunterladen`}
    >
      CSV herunterladen
    </a>
  );
}

export function SectionHead({ id, title, children }: { id: string; title: string; children?: ComponentChildren }) {
  return (
    <div class="stats-head">
      <h3 id={id} class="stats-head__title">
        {title}
      </h3>
      {children}
    </div>
  );
}
