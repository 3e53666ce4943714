/**
 * The day's appointments as CSV (spreadsheets) and iCalendar (RFC 5545, for a counter's calendar).
 * Pure; holds no visitor data (appointments have none).
 */
import type { AppointmentView } from './api.ts';
import { type CsvDialect, rowsToCsv } from './csv-dialect.ts';
import { slotRulesOf } from './policy.ts';
import type { OfficeConfig } from './types.ts';

export const APPOINTMENT_CSV_COLUMNS = [
  'start',
  'code',
  'concernId',
  'concernName',
  'counterId',
  'status',
  'ticketNumber',
  'externalId',
] as const;

/** A CSV cell; cells that a spreadsheet would run as a formula are neutralised with `'`. */
function cell(value: string | undefined): string {
  if (value === undefined) return '';
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const GERMAN_COLUMNS: Record<(typeof APPOINTMENT_CSV_COLUMNS)[number], string> = {
  start: 'Beginn',
  code: 'Code',
  concernId: 'Anliegen (Kennung)',
  concernName: 'Anliegen',
  counterId: 'Platz (Kennung)',
  status: 'Zustand',
  ticketNumber: 'Nummer',
  externalId: 'Externe Kennung',
};

/** The day's appointments as CSV: `en` (`,`, field names, CRLF) or `de` for German spreadsheets. */
export function appointmentsToCsv(
  rows: readonly AppointmentView[],
  office: OfficeConfig,
  dialect: CsvDialect = 'en',
): string {
  const name = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
  if (dialect === 'de') {
    return rowsToCsv(
      rows,
      APPOINTMENT_CSV_COLUMNS.map((key) => ({
        key,
        de: GERMAN_COLUMNS[key],
        value: (a: AppointmentView) => (key === 'concernName' ? name(a.concernId) : a[key]),
      })),
      'de',
    );
  }
  const lines = [APPOINTMENT_CSV_COLUMNS.join(',')];
  for (const a of rows) {
    lines.push(
      [a.start, a.code, a.concernId, name(a.concernId), a.counterId, a.status, a.ticketNumber, a.externalId]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** UTC date-time as iCalendar writes it: 20261123T080000Z. */
function icsTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes text values (RFC 5545 3.3.11) and folds lines longer than 75 octets. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

function fold(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  while (octets(rest) > 75) {
    let cut = 75;
    while (octets(rest.slice(0, cut)) > (out.length ? 74 : 75)) cut--;
    out.push((out.length ? ' ' : '') + rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push((out.length ? ' ' : '') + rest);
  return out;
}

/** One VEVENT per appointment that is not cancelled. */
export function appointmentsToICalendar(rows: readonly AppointmentView[], office: OfficeConfig, now: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//Lotse//${text(office.name)}//DE`, 'CALSCALE:GREGORIAN'];
  for (const a of rows) {
    if (a.status === 'cancelled') continue;
    const concern = office.concerns.find((c) => c.id === a.concernId);
    const start = Date.parse(a.start);
    const minutes = concern ? slotRulesOf(concern).slotMinutes : 15;
    const counter = office.counters.find((c) => c.id === a.counterId)?.name;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${a.id}@lotse`,
      `DTSTAMP:${icsTime(now)}`,
      `DTSTART:${icsTime(start)}`,
      `DTEND:${icsTime(start + minutes * 60_000)}`,
      `SUMMARY:${text(`${concern?.name ?? a.concernId} – ${a.codeDisplay}`)}`,
      ...(counter ? [`LOCATION:${text(counter)}`] : []),
      `DESCRIPTION:${text(`Status: ${a.status}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.flatMap(fold).join('\r\n')}\r\n`;
}
