/**
 * Shapes of the public HTTP API and the realtime payloads (the README lists the routes),
 * plus the pure functions that build them from the domain state.
 * Times are ISO strings here.
 */
import { formatCode } from './appointments.ts';
import { appointmentHoursOf, policyOf } from './policy.ts';
import { isUnserved } from './office-checks.ts';
import type { ErrorCode } from './result.ts';
import type {
  AnnouncementConfig,
  Appointment,
  AppointmentStatus,
  CallRecord,
  Concern,
  CounterStatus,
  Language,
  OfficeConfig,
  OutcomeConfig,
  Role,
  Ticket,
  TicketStatus,
  UndoableAction,
} from './types.ts';
import type { ConcernEstimate } from './estimate.ts';
import type { TicketEstimate } from './ticket-estimates.ts';
import { currentPartIndex, kioskMaxConcerns, visitParts } from './visit.ts';

/** One concern of a visit as the visitor and staff see it. */
export interface VisitPartView {
  concernId: string;
  /** In the ticket's language. */
  concernName: string;
  status: TicketStatus;
  /** The clerk's outcome id, once the part is completed with one. */
  outcome?: string;
  /** The part now due (waiting or at a counter). */
  due?: true;
  /** A clerk passed the visitor on to this concern (a transfer). */
  transferred?: true;
}

export interface TicketView {
  id: string;
  number: string;
  /** The concern now due (the current part of the visit). */
  concernId: string;
  concernName: string;
  /** Every concern of the visit in the order served (one for a one-concern ticket). */
  concerns: VisitPartView[];
  status: TicketStatus;
  waitingAhead: number;
  estimatedWaitMinutes: number;
  /** `/t/<token>`: the visitor's phone page. */
  statusUrl: string;
  language: Language;
  issuedAt: string;
  calledAt?: string;
  counterId?: string;
  counterName?: string;
  callCount: number;
  appointmentAt?: string;
  /** Set once the clerk started serving the visitor. */
  servedAt?: string;
  /** The visitor stepped away (e.g. to fetch a document) and is not called until back. */
  parked?: boolean;
  /** Documents to have ready, in the ticket's language where known. */
  documents: string[];
}

export interface CallView {
  seq: number;
  number: string;
  concernId: string;
  counterId: string;
  counterName: string;
  calledAt: string;
  recall: boolean;
}

export interface CalledView {
  number: string;
  concernId: string;
  counterId: string;
  counterName: string;
  calledAt: string;
}

export interface QueueSnapshot {
  /** Visitors called right now, newest first. */
  called: CalledView[];
  waiting: ConcernEstimate[];
  /** Latest call sequence number. */
  seq: number;
  day: string;
  /** Numbers of today's visitors who did not come when called (lobby screens leave them out of "last calls"). */
  noShows?: string[];
}

/** A concern as the apps see it: the office's concern without the queue's internals (weight, service time). */
export interface ConcernPublic
  extends Pick<
    Concern,
    | 'id'
    | 'prefix'
    | 'name'
    | 'names'
    | 'description'
    | 'descriptions'
    | 'documents'
    | 'documentsByLanguage'
    | 'pictogram'
    | 'infoUrl'
    | 'dailyQuota'
    | 'appointmentOnly'
    | 'slotMinutes'
    | 'slotCapacity'
    | 'remote'
  > {
  /** No counter serves it: no tickets are given for it (`CONCERN_UNSERVED`), the kiosk leaves it out. */
  unserved?: boolean;
}

export interface CounterPublic {
  id: string;
  name: string;
  concernIds: string[];
  area?: string;
  /** How announcements say it; default `name`. */
  spokenName?: string;
  /** A receptionist at this counter can print tickets here. */
  hasPrinter?: boolean;
}

/**
 * The office as the apps see it: its settings as configured, concerns and counters in their public
 * form. `appointmentHours`: when appointments are given and checked in (the opening hours unless
 * the office set its own).
 */
export interface OfficePublic
  extends Pick<
    OfficeConfig,
    'id' | 'name' | 'timezone' | 'openingHours' | 'appointmentHours' | 'contact' | 'enforceOpeningHours'
  > {
  concerns: ConcernPublic[];
  counters: CounterPublic[];
  announcements: AnnouncementConfig;
  kioskResetSeconds: number;
  /** What the kiosk needs of the queue policy to explain an appointment check-in. */
  appointments: { lateMinutes: number; checkinMinutes: number };
  /** Only paired kiosks and screens may draw tickets and show calls. */
  requireDevicePairing: boolean;
  /** What a clerk records on completing a concern (may be empty). */
  outcomes: OutcomeConfig[];
  /** Concerns a visitor may choose for one ticket at the kiosk (1..5). */
  kioskMaxConcerns: number;
}

/** A waiting visitor as a clerk sees it: by number only. */
export interface CounterTicket {
  ticketId: string;
  number: string;
  concernId: string;
  waitingMinutes: number;
  appointmentAt?: string;
  /** Checked in for an appointment that is not due yet: call-next leaves them, a clerk may call them. */
  early?: boolean;
  /** The visit's concerns still to come after `concernId` (absent for a one-concern visit). */
  laterConcernIds?: string[];
  /** A colleague sent the visitor to this counter: it is listed and called first. */
  sentHere?: true;
}

/** The counter's last no-show, completion or transfer, while "Rückgängig" is still possible. */
export interface UndoView {
  action: UndoableAction;
  ticketId: string;
  number: string;
  /** Until when the undo is accepted (server time). */
  until: string;
  /** Seconds left when the view was made (count down from there: clocks differ). */
  secondsLeft: number;
}

export interface CounterView {
  counterId: string;
  name: string;
  status: CounterStatus;
  pauseReason?: string;
  current: TicketView | null;
  /** Waiting visitors this counter can call, per concern (parked visitors not counted). */
  waiting: { concernId: string; count: number; longestWaitMinutes: number }[];
  /** The next visitors in the order this counter would call them (capped), to call one by number. */
  next: CounterTicket[];
  /** Parked visitors of concerns this counter serves: called again by number when they are back. */
  parked: CounterTicket[];
  /** Calls without showing up after which a recall is refused (the clerk marks a no-show). */
  maxCalls: number;
  /** What "Rückgängig" would take back, while it may. */
  undo?: UndoView;
}

export interface LoginAnswer {
  token: string;
  user: { username: string; role: Role };
}

/** Body of every HTTP error answer. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Every socket.io acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode };

/**
 * What became of a ticket's printout (in the answer of `POST /api/tickets`): `printed` the
 * printer confirmed it, `failed` it cannot be printed (the ticket is valid all the same),
 * `pending` no answer yet within the wait (the outcome follows as `print:result`), `none` no
 * printer is configured for this kiosk.
 */
export type PrintStatus = 'printed' | 'failed' | 'pending' | 'none';

export const PRINT_ERROR_CODES = [
  'PAPER_OUT',
  'COVER_OPEN',
  'PRINTER_OFFLINE',
  'PRINTER_UNREACHABLE',
  'PRINTER_TIMEOUT',
  'CONNECTION_LOST',
  'PRINTER_ERROR',
  'AGENT_OFFLINE',
  'JOB_EXPIRED',
] as const;
/** Why a ticket was not printed, or what keeps a printer from printing. */
export type PrintErrorCode = (typeof PRINT_ERROR_CODES)[number];

export interface PrintResult {
  status: PrintStatus;
  error?: PrintErrorCode;
}

/** Answer of `POST /api/tickets`. */
export interface IssueAnswer {
  ticket: TicketView;
  print: PrintResult;
}

/** An instant (ms since the epoch) as the API writes it. */
export const iso = (ms: number) => new Date(ms).toISOString();

export function concernName(office: OfficeConfig, concernId: string, language: Language = 'de'): string {
  const concern = office.concerns.find((c) => c.id === concernId);
  if (!concern) return concernId;
  return concern.names?.[language] ?? concern.name;
}

export function toTicketView(ticket: Ticket, office: OfficeConfig, estimate?: TicketEstimate): TicketView {
  const concern = office.concerns.find((c) => c.id === ticket.concernId);
  const counter = ticket.counterId ? office.counters.find((c) => c.id === ticket.counterId) : undefined;
  const waiting = ticket.status === 'waiting';
  const view: TicketView = {
    id: ticket.id,
    number: ticket.number,
    concernId: ticket.concernId,
    concernName: concernName(office, ticket.concernId, ticket.language),
    concerns: partViews(ticket, office),
    status: ticket.status,
    waitingAhead: waiting ? (estimate?.waitingAhead ?? 0) : 0,
    estimatedWaitMinutes: waiting ? (estimate?.estimatedWaitMinutes ?? 0) : 0,
    statusUrl: `/t/${ticket.token}`,
    language: ticket.language,
    issuedAt: iso(ticket.issuedAt),
    callCount: ticket.callCount,
    documents: concern?.documentsByLanguage?.[ticket.language] ?? concern?.documents ?? [],
  };
  if (ticket.status === 'called' && ticket.calledAt !== undefined) view.calledAt = iso(ticket.calledAt);
  if (ticket.status === 'called' && counter) {
    view.counterId = counter.id;
    view.counterName = counter.name;
  }
  if (ticket.appointmentAt !== undefined) view.appointmentAt = iso(ticket.appointmentAt);
  if (ticket.status === 'called' && ticket.servedAt !== undefined) view.servedAt = iso(ticket.servedAt);
  if (ticket.status === 'waiting' && ticket.parked) view.parked = true;
  return view;
}

function partViews(ticket: Ticket, office: OfficeConfig): VisitPartView[] {
  const parts = visitParts(ticket);
  const due = currentPartIndex(parts);
  return parts.map((p, i) => {
    const view: VisitPartView = {
      concernId: p.concernId,
      concernName: concernName(office, p.concernId, ticket.language),
      status: p.status,
    };
    if (p.outcome !== undefined) view.outcome = p.outcome;
    if (i === due) view.due = true;
    if (p.transferredFrom !== undefined) view.transferred = true;
    return view;
  });
}

export function toCallView(call: CallRecord): CallView {
  return {
    seq: call.seq,
    number: call.number,
    concernId: call.concernId,
    counterId: call.counterId,
    counterName: call.counterName,
    calledAt: iso(call.at),
    recall: call.recall,
  };
}

export function toOfficePublic(office: OfficeConfig): OfficePublic {
  return {
    id: office.id,
    name: office.name,
    timezone: office.timezone,
    openingHours: office.openingHours,
    appointmentHours: appointmentHoursOf(office),
    contact: office.contact ?? {},
    enforceOpeningHours: office.enforceOpeningHours,
    concerns: office.concerns.map((c) => {
      const { weight: _w, serviceMinutes: _s, ...pub } = c;
      return isUnserved(office, c) ? { ...pub, unserved: true } : pub;
    }),
    counters: office.counters.map(({ printer, ...c }) => (printer ? { ...c, hasPrinter: true } : { ...c })),
    announcements: office.announcements,
    kioskResetSeconds: office.kioskResetSeconds,
    appointments: {
      lateMinutes: office.policy.appointmentLateMinutes,
      checkinMinutes: policyOf(office).appointmentCheckinMinutes,
    },
    requireDevicePairing: office.requireDevicePairing === true,
    outcomes: office.outcomes ?? [],
    kioskMaxConcerns: kioskMaxConcerns(office),
  };
}

/** An appointment as staff and integrations see it (`GET /api/appointments`). */
export interface AppointmentView {
  id: string;
  code: string;
  /** The code grouped for reading out: `4711 0815`. */
  codeDisplay: string;
  concernId: string;
  start: string;
  status: AppointmentStatus;
  counterId?: string;
  externalId?: string;
  bookedAt?: string;
  language?: Language;
  /** The visitor's ticket number once checked in. */
  ticketNumber?: string;
  /** The confirmation page (printable; in the visitor's language). */
  confirmationUrl: string;
}

export function toAppointmentView(a: Appointment, status: AppointmentStatus, ticketNumber?: string): AppointmentView {
  return {
    id: a.id,
    code: a.code,
    codeDisplay: formatCode(a.code),
    concernId: a.concernId,
    start: iso(a.start),
    status,
    ...(a.counterId !== undefined ? { counterId: a.counterId } : {}),
    ...(a.externalId !== undefined ? { externalId: a.externalId } : {}),
    ...(a.bookedAt !== undefined ? { bookedAt: iso(a.bookedAt) } : {}),
    ...(a.language !== undefined ? { language: a.language } : {}),
    ...(ticketNumber !== undefined ? { ticketNumber } : {}),
    confirmationUrl: `/appointment/${a.id}`,
  };
}
