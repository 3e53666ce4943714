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
  QueueSnapshot,
  TicketView,
} from './api.ts';
import type { CounterStatus, Language } from './types.ts';

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
}

export interface ScreenJoinRequest {
  /** Highest call `seq` this screen has already shown; omit on the first join. */
  afterSeq?: number;
}

export interface ScreenJoinAnswer {
  office: OfficePublic;
  queue: QueueSnapshot;
  /** Calls after `afterSeq`, oldest first (at most the server's recent-call buffer). */
  missed: CallView[];
  /** The most recent calls, newest first, for the "last calls" list. */
  recent: CallView[];
}

export interface CounterRequest {
  counterId: string;
}

export interface TransferRequest extends CounterRequest {
  concernId: string;
}

export interface CounterStatusRequest extends CounterRequest {
  status: CounterStatus;
  reason?: string;
}

export interface IssueRequest {
  concernId: string;
  language?: Language;
  appointmentCode?: string;
  /** One key per touch on the kiosk: repeating it returns the same ticket. */
  idempotencyKey?: string;
}

export interface ClientToServerEvents {
  /** Lobby screen / admin live view joins room `screens` and catches up. */
  'screen:join': (req: ScreenJoinRequest, ack: (a: Ack<ScreenJoinAnswer>) => void) => void;
  /** Phone page follows its ticket (room `ticket:<token>`). */
  'ticket:watch': (req: { token: string }, ack: (a: Ack<TicketView>) => void) => void;
  /** Staff: join room `staff` and get the view of one counter. */
  'counter:watch': (req: CounterRequest, ack: (a: Ack<CounterView>) => void) => void;
  'counter:callNext': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView | null }>) => void) => void;
  'counter:recall': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:complete': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:noShow': (req: CounterRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:transfer': (req: TransferRequest, ack: (a: Ack<{ ticket: TicketView }>) => void) => void;
  'counter:setStatus': (req: CounterStatusRequest, ack: (a: Ack<CounterView>) => void) => void;
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
