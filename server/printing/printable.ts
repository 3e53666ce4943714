/**
 * From an issued ticket to what is printed on paper, and how printer trouble is named for the
 * apps: pure functions, no I/O.
 */
import { concernName, type PrintErrorCode, type TicketView, type VisitPartView } from '../../core/api.ts';
import type { PrinterState } from '../../core/events.ts';
import type { PrintableConcern, PrintableTicket } from '../../core/schemas/print.ts';
import type { OfficeConfig } from '../../core/types.ts';
import type { PrinterStatus } from '../../printer/index.ts';

/**
 * The base of the phone page's URL printed as QR code: LOTSE_PUBLIC_URL when set, else the
 * origin the kiosk used to reach the server (`http://lotse.local:3000`). No trailing slash.
 */
export function publicBaseUrl(publicUrl: string | undefined, protocol: string, host: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${protocol}://${host ?? 'localhost'}`;
}

/** Everything printed on one ticket, in the ticket's language, with the phone page's full URL. */
export function toPrintable(view: TicketView, office: OfficeConfig, baseUrl: string): PrintableTicket {
  const ticket: PrintableTicket = {
    officeName: office.name,
    number: view.number,
    concernName: view.concernName,
    issuedAt: Date.parse(view.issuedAt),
    timezone: office.timezone,
    waitingAhead: view.waitingAhead,
    estimatedWaitMinutes: view.estimatedWaitMinutes,
    documents: view.documents,
    phoneUrl: baseUrl + view.statusUrl,
    language: view.language,
  };
  if (view.language !== 'de') {
    // For a printer that cannot show the ticket's script (Arabic): the German texts.
    const concern = office.concerns.find((c) => c.id === view.concernId);
    ticket.fallback = { concernName: concernName(office, view.concernId, 'de'), documents: concern?.documents ?? [] };
  }
  if (view.appointmentAt !== undefined) ticket.appointmentAt = Date.parse(view.appointmentAt);
  const phone = office.contact?.phone?.trim();
  if (phone) ticket.officePhone = phone;
  if (view.concerns.length > 1) ticket.concerns = view.concerns.map((part) => printableConcern(part, view, office));
  return ticket;
}

/** One concern of a visit on paper: its name and documents in the ticket's language (German as fallback). */
function printableConcern(part: VisitPartView, view: TicketView, office: OfficeConfig): PrintableConcern {
  const concern = office.concerns.find((c) => c.id === part.concernId);
  const german = concern?.documents ?? [];
  const printable: PrintableConcern = {
    name: part.concernName,
    documents: concern?.documentsByLanguage?.[view.language] ?? german,
  };
  if (view.language !== 'de')
    printable.fallback = { name: concernName(office, part.concernId, 'de'), documents: german };
  return printable;
}

/** The code of a failed print job (a `PrinterError` from a transport, or anything else). */
export { printErrorOf } from '../../printer/errors.ts';

/** What keeps a printer with this status from printing, if anything. */
export function problemOf(status: PrinterStatus): PrintErrorCode | undefined {
  if (status.paperOut) return 'PAPER_OUT';
  if (status.coverOpen) return 'COVER_OPEN';
  if (!status.online)
    return status.error && /connect|ECONN|EHOST|ENOTFOUND|ENOENT/.test(status.error)
      ? 'PRINTER_UNREACHABLE'
      : 'PRINTER_OFFLINE';
  if (status.error) return 'PRINTER_ERROR';
  return undefined;
}

export function stateOf(status: PrinterStatus | undefined): PrinterState {
  if (!status) return 'unknown';
  if (problemOf(status)) return 'error';
  if (status.paperNearEnd) return 'warning';
  return 'ready';
}
