/**
 * The realtime contract: every socket.io event between the server and the apps, typed once.
 * Names are `noun:verb`. Every client request is answered with an acknowledgement
 * `{ok:true, data}` or `{ok:false, error: CODE}`.
 *
 * Rooms (joined by the server on request):
 *  - `screens`         lobby screens and the admin's live view: calls and queue changes;
 *  - `ticket:<token>`  a visitor's phone page: changes of that one ticket;
 *  - `staff`           signed-in clerks and admins: counter changes.
 *
 * Calls: every call and every recall is its own `call:announced` event carrying `seq`, a number
 * that increases by one per call/recall of the office (also across server restarts and days).
 * A screen remembers the highest `seq` it has shown and passes it as `afterSeq` when it joins
 * again; the answer lists the calls it missed, oldest first, so nothing is announced twice
 * and nothing is lost.
 */
import type {
  Ack,
  CallView,
  CounterView,
  OfficePublic,
  PrintErrorCode,
  PrintResult,
  QueueSnapshot,
  TicketView,
} from './api.ts';
import type {
  AddConcernRequest,
  CompleteRequest,
  CounterRequest,
  CounterStatusRequest,
  TicketRequest,
  TransferRequest,
} from './schemas/counter.ts';
import type {
  AgentJoinRequest,
  AgentStatusReport,
  PrintAckRequest,
  PrintableTicket,
  PrinterWatchRequest,
} from './schemas/print.ts';
import type { ScreenJoinRequest } from './schemas/screen.ts';
import type { Language } from './types.ts';

// Request payloads are zod schemas in `core/schemas/` (validated by the server, typed here).
export type {
  AddConcernRequest,
  AgentJoinRequest,
  AgentStatusReport,
  CompleteRequest,
  CounterRequest,
  CounterStatusRequest,
  PrintAckRequest,
  PrinterWatchRequest,
  ScreenJoinRequest,
  TicketRequest,
  TransferRequest,
};
export type { IssueRequest } from './schemas/tickets.ts';

export interface ServerToClientEvents {
  /** A call or recall (room `screens`, and `ticket:<token>` of the called ticket). */
  'call:announced': (call: CallView) => void;
  /** Waiting counts, estimates and current calls changed (room `screens`). */
  'queue:updated': (queue: QueueSnapshot) => void;
  /** One ticket changed: status, position, estimate (room `ticket:<token>`). */
  'ticket:updated': (ticket: TicketView) => void;
  /** Office configuration changed (everyone): apps re-render without reload. */
  'office:updated': (office: OfficePublic) => void;
  /** A counter's state changed (room `staff`). */
  'counter:updated': (counter: CounterView) => void;
  /**
   * Every `SCREEN_HEARTBEAT_MS` to screens (room `screens`) while this server process is fed with
   * the office's calls (its Redis link is up, when it uses one), with the latest call `seq`. A
   * screen that hears none for a while shows that it is offline; a `seq` above its own makes it
   * catch up through `screen:join` (missed calls in sequence order).
   */
  'screen:heartbeat': (beat: { seq: number }) => void;
  /** An admin changed this paired screen's settings (room `device:<id>`). */
  'screen:settings': (settings: ScreenDeviceSettings) => void;
}

/** How often screens hear a heartbeat. */
export const SCREEN_HEARTBEAT_MS = 5000;

/** Settings an admin gave a paired lobby screen; each unset one falls back to the screen's address. */
export interface ScreenDeviceSettings {
  area?: string;
  orientation?: 'portrait' | 'landscape';
  /** Viewing distance in metres. */
  distanceM?: number;
  language?: Language;
}

export interface ScreenJoinAnswer {
  /** The settings of the paired screen that joins (absent for a screen that is not paired). */
  screen?: ScreenDeviceSettings;
  office: OfficePublic;
  queue: QueueSnapshot;
  /** Calls after `afterSeq`, oldest first (at most the server's recent-call buffer). */
  missed: CallView[];
  /** The most recent calls, newest first, for the "last calls" list. */
  recent: CallView[];
}

export interface ClientToServerEvents {
  /** Lobby screen / admin live view joins room `screens` and catches up. */
  'screen:join': (req: ScreenJoinRequest, ack: (a: Ack<ScreenJoinAnswer>) => void) => void;
  /** Phone page follows its ticket (room `ticket:<token>`). */
  'ticket:watch': (req: { token: string }, ack: (a: Ack<TicketView>) => void) => void;
  /** Staff: join room `staff` and get the view of one counter. */
  'counter:watch': (req: CounterRequest, ack: (a: Ack<CounterView>) => void) => void;
  'counter:callNext': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView | null }>) => void) => void;
  /** Call one waiting visitor by number (e.g. an early appointment, a parked visitor who is back). */
  'counter:callSpecific': (req: TicketRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** The called visitor arrived: service starts (service time is measured from here). */
  'counter:start': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** The visitor steps away (fetches a document); not called until returned. */
  'counter:park': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** A parked visitor is back at this counter: service resumes here (no announcement). */
  'counter:returnParked': (req: TicketRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:recall': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** The current concern is done (with an outcome); the visit ends or waits for its next concern. */
  'counter:complete': (req: CompleteRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** A concern found during the conversation becomes the visit's next part. */
  'counter:addConcern': (req: AddConcernRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:noShow': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:transfer': (req: TransferRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:setStatus': (req: CounterStatusRequest, ack: (a: Ack<CounterView>) => void) => void;
  /**
   * "Rückgängig": takes back this counter's last no-show, completion or transfer within the
   * office's `undoSeconds` (refused: NOTHING_TO_UNDO, UNDO_EXPIRED, UNDO_CONFLICT).
   */
  'counter:undo': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** The called visitor goes back to the line unserved, keeping the arrival time (the clerk leaves). */
  'counter:requeue': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  /** Admin: join room `staff` and get every counter's view, without signing in to any counter. */
  'counters:watch': (req: Record<string, never>, ack: (a: Ack<CounterView[]>) => void) => void;
}

/** Data the server keeps per socket. */
export interface SocketData {
  /** Staff session token given at the handshake (cookie or `auth.token`). */
  sessionToken?: string;
  /** A paired device (kiosk or lobby screen), from `auth.device`. */
  device?: { id: string; kind: 'kiosk' | 'screen'; area?: string };
}

export const SCREENS_ROOM = 'screens';
export const STAFF_ROOM = 'staff';
export const ticketRoom = (token: string) => `ticket:${token}`;

// ---------------------------------------------------------------------------------------------
// Printing: namespace `/print` (its own connection handlers, so the queue events above stay as
// they are). Kiosks and admins follow printer health; the print agent on a kiosk PC gets that
// kiosk's print jobs. Rooms there: `printers` (staff: every printer), `printer:<id>` (kiosks
// printing on that printer).
// ---------------------------------------------------------------------------------------------

export const PRINT_NAMESPACE = '/print';
export const PRINTERS_ROOM = 'printers';
export const printerRoom = (printerId: string) => `printer:${printerId}`;

export type PrinterKind = 'tcp' | 'file' | 'virtual' | 'none' | 'agent';
/** `ready`; `warning` paper near end; `error` cannot print; `off` no printer; `unknown` not checked yet. */
export type PrinterState = 'ready' | 'warning' | 'error' | 'off' | 'unknown';

/** One printer's health and counters (since the server started). */
export interface PrinterStatusView {
  /** `default` (LOTSE_PRINTER) or `kiosk:<kioskId>` (a kiosk's own printer). */
  id: string;
  name: string;
  kind: PrinterKind;
  /** Configured kiosks that print here (for `default`: those without a printer of their own). */
  kioskIds: string[];
  state: PrinterState;
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  /** Only `online` is known (a device file reports no paper or cover). */
  partial: boolean;
  /** What keeps the printer from printing (with `state: 'error'`). */
  problem?: PrintErrorCode;
  /** The printer's own words about it, for staff only (not sent to kiosks). */
  detail?: string;
  checkedAt: string | null;
  printed: number;
  failed: number;
  /** Jobs waiting for the print agent (kind `agent`). */
  pendingJobs: number;
  lastPrintedAt?: string;
  lastFailure?: { at: string; error: PrintErrorCode };
}

/** `GET /api/printers` (admin) adds where each printer is. */
export interface PrinterAdminView extends PrinterStatusView {
  /** `tcp://10.0.0.5:9100`, `file:/dev/usb/lp0`, the virtual printer's folder, `agent`, `none`. */
  target: string;
}

/** A print job for the agent of one kiosk. Sent again after a reconnect until acknowledged. */
export interface AgentPrintJob {
  jobId: string;
  ticketId: string;
  ticket: PrintableTicket;
  /** Print it only within this many ms after receiving it (the visitor has gone after that). */
  expiresInMs: number;
}

export interface PrintServerToClientEvents {
  /** A printer's health or counters changed (rooms `printers` and `printer:<id>`). */
  'printer:status': (printer: PrinterStatusView) => void;
  /** Final outcome of a ticket's printout (room `printer:<id>`), e.g. after an answer `pending`. */
  'print:result': (result: { ticketId: string; print: PrintResult }) => void;
  /** A job for the print agent (only to the agent's socket). */
  'print:job': (job: AgentPrintJob) => void;
}

export interface PrintClientToServerEvents {
  /** Kiosk or staff: follow printer health; answers the current state. */
  'printer:watch': (req: PrinterWatchRequest, ack: (a: Ack<PrinterStatusView[]>) => void) => void;
  /** Print agent: takes over the kiosk's print jobs; every unacknowledged job is sent (again). */
  'agent:join': (req: AgentJoinRequest, ack: (a: Ack<{ printerId: string; pending: number }>) => void) => void;
  /** Print agent: its printer's status (at join, on change, and after a failed job). */
  'agent:status': (req: AgentStatusReport, ack: (a: Ack<null>) => void) => void;
  /** Print agent: a job is done (printed, or cannot be). Repeating it is harmless. */
  'print:ack': (req: PrintAckRequest, ack: (a: Ack<null>) => void) => void;
}

// ---------------------------------------------------------------------------------------------
// The manager's live view and alerts: namespace `/live`. Admins follow the live view (room
// `live`); clerks follow the alerts of the concerns their counter serves (room `alerts:<id>`).
// ---------------------------------------------------------------------------------------------

export const LIVE_NAMESPACE = '/live';
export const LIVE_ROOM = 'live';
export const counterAlertsRoom = (counterId: string) => `alerts:${counterId}`;

export interface LiveServerToClientEvents {
  /** The live view changed (room `live`). */
  'live:update': (view: import('./live-view.ts').LiveView) => void;
  /** The alerts of one counter's concerns changed (room `alerts:<counterId>`). */
  'alerts:updated': (alerts: import('./live-view.ts').CounterAlerts) => void;
}

export interface LiveClientToServerEvents {
  /** Admin: follow the live view; answers it as it is now. */
  'live:watch': (req: Record<string, never>, ack: (a: Ack<import('./live-view.ts').LiveView>) => void) => void;
  /** Staff at a counter: follow the alerts of the concerns it serves. */
  'alerts:watch': (req: CounterRequest, ack: (a: Ack<import('./live-view.ts').CounterAlerts>) => void) => void;
}
