/**
 * CSV as spreadsheets read it. `de` (the default download): `;` between cells, decimal comma,
 * German headers, UTF-8 with a byte order mark and CRLF line ends, as German spreadsheet
 * programs open it with a double click. `en`: `,`, decimal point, English (field name) headers,
 * LF. In both, text a spreadsheet would run as a formula (= + - @) gets a leading `'`. Pure.
 */

export const CSV_DIALECTS = ['de', 'en'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

interface DialectRules {
  separator: string;
  decimal: string;
  eol: string;
  bom: string;
}

const RULES: Record<CsvDialect, DialectRules> = {
  de: { separator: ';', decimal: ',', eol: '\r\n', bom: '\uFEFF' },
  en: { separator: ',', decimal: '.', eol: '\n', bom: '' },
};

/** One cell: numbers with the dialect's decimal mark, formulas neutralised, quoted when needed. */
export function csvCell(value: unknown, dialect: CsvDialect = 'en'): string {
  if (value === null || value === undefined) return '';
  // Numbers are never quoted (a German decimal comma is no separator there).
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', RULES[dialect].decimal) : '';
  const s = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Lines of cells as one CSV text in the dialect (with its BOM and line ends). */
export function csvText(lines: readonly (readonly string[])[], dialect: CsvDialect): string {
  const rules = RULES[dialect];
  return `${rules.bom}${lines.map((cells) => cells.join(rules.separator)).join(rules.eol)}${rules.eol}`;
}

/** A column of a CSV: its field name (the English header) and the German header. */
export interface CsvColumn<T> {
  key: string;
  de: string;
  value: (row: T) => unknown;
}

/** Rows as CSV with the given columns, headed in the dialect's language. */
export function rowsToCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], dialect: CsvDialect = 'en'): string {
  const head = columns.map((c) => csvCell(dialect === 'de' ? c.de : c.key, dialect));
  const body = rows.map((row) => columns.map((c) => csvCell(c.value(row), dialect)));
  return csvText([head, ...body], dialect);
}
