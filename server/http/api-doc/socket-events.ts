/**
 * Every socket.io event of `core/events.ts`, documented: requests with their acknowledgement
 * (their zod schema is in `core/schemas/socket-requests.ts`), pushes with their payload and room. The `Record` types make the compiler
 * refuse an event of `core/events.ts` without an entry here.
 */
import type {
  ClientToServerEvents,
  PrintClientToServerEvents,
  PrintServerToClientEvents,
  ServerToClientEvents,
} from '../../../core/events.ts';

export interface SocketRequestDoc {
  summary: string;
  /** What `{ok:true, data}` carries. */
  ack: string;
}

export interface SocketPushDoc {
  summary: string;
  payload: string;
  room: string;
}

const TICKET = '`{ticket: TicketView}`';

export const SOCKET_REQUESTS: Record<keyof ClientToServerEvents, SocketRequestDoc> = {
  'screen:join': {
    summary: 'A lobby screen (or the live view) joins room `screens` and catches up on missed calls.',
    ack: '`{screen?, office, queue, missed, recent}`',
  },
  'ticket:watch': { summary: 'The phone page follows its ticket.', ack: '`TicketView`' },
  'counter:watch': {
    summary: 'A clerk signs in to a counter, joins room `staff`.',
    ack: '`CounterView`',
  },
  'counters:watch': {
    summary: "Admin: joins room `staff`, every counter's view.",
    ack: '`CounterView[]`',
  },
  'counter:callNext': {
    summary: 'Call the next visitor (`null` when nobody waits).',
    ack: '`{ticket: TicketView | null}`',
  },
  'counter:callSpecific': { summary: 'Call one waiting visitor.', ack: TICKET },
  'counter:start': { summary: 'The called visitor arrived: service starts.', ack: TICKET },
  'counter:park': { summary: 'The visitor steps away.', ack: TICKET },
  'counter:returnParked': { summary: 'A parked visitor is back here.', ack: TICKET },
  'counter:recall': { summary: 'Call the called visitor again.', ack: TICKET },
  'counter:complete': { summary: 'The current concern is done.', ack: TICKET },
  'counter:addConcern': { summary: "A concern becomes the visit's next part.", ack: TICKET },
  'counter:noShow': { summary: 'The called visitor did not come.', ack: TICKET },
  'counter:transfer': { summary: 'Send the visitor on to another concern.', ack: TICKET },
  'counter:setStatus': {
    summary: 'Open, pause or close the counter.',
    ack: '`CounterView`',
  },
  'counter:undo': {
    summary: "Take back the counter's last no-show, completion or transfer.",
    ack: TICKET,
  },
  'counter:requeue': { summary: 'The called visitor goes back to the line.', ack: TICKET },
};

export const SOCKET_PUSHES: Record<keyof ServerToClientEvents, SocketPushDoc> = {
  'call:announced': {
    summary: 'A call or recall, with an increasing `seq`.',
    payload: '`CallView`',
    room: '`screens`, `ticket:<token>`',
  },
  'queue:updated': {
    summary: 'Waiting counts, estimates, current calls.',
    payload: '`QueueSnapshot`',
    room: '`screens`',
  },
  'ticket:updated': { summary: 'One ticket changed.', payload: '`TicketView`', room: '`ticket:<token>`' },
  'office:updated': { summary: 'The configuration changed.', payload: '`OfficePublic`', room: 'everyone' },
  'counter:updated': { summary: "A counter's state changed.", payload: '`CounterView`', room: '`staff`' },
  'screen:heartbeat': {
    summary: "This process hears the office's calls; the latest `seq`.",
    payload: '`{seq}`',
    room: '`screens`',
  },
  'screen:settings': {
    summary: "An admin changed this paired screen's settings.",
    payload: '`ScreenDeviceSettings`',
    room: '`device:<id>`',
  },
};

export const PRINT_REQUESTS: Record<keyof PrintClientToServerEvents, SocketRequestDoc> = {
  'printer:watch': {
    summary: 'Kiosk or admin: follow printer health.',
    ack: '`PrinterStatusView[]`',
  },
  'agent:join': {
    summary: "Print agent: take over a kiosk's print jobs.",
    ack: '`{printerId, pending}`',
  },
  'agent:status': { summary: "Print agent: its printer's status.", ack: '`null`' },
  'print:ack': { summary: 'Print agent: a job is printed, or cannot be.', ack: '`null`' },
};

export const PRINT_PUSHES: Record<keyof PrintServerToClientEvents, SocketPushDoc> = {
  'printer:status': {
    summary: "A printer's health or counters changed.",
    payload: '`PrinterStatusView`',
    room: '`printers`, `printer:<id>`',
  },
  'print:result': {
    summary: "A ticket's printout's final outcome.",
    payload: '`{ticketId, print}`',
    room: '`printer:<id>`',
  },
  'print:job': { summary: 'A job for the print agent.', payload: '`AgentPrintJob`', room: "the agent's socket" },
};
