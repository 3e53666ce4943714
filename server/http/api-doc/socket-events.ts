/**
 * Every socket.io event of `core/events.ts`, documented: requests with their zod schema and
 * acknowledgement, pushes with their payload and room. The `Record` types make the compiler
 * refuse an event of `core/events.ts` without an entry here.
 */
import type { z } from 'zod';
import type {
  ClientToServerEvents,
  PrintClientToServerEvents,
  PrintServerToClientEvents,
  ServerToClientEvents,
} from '../../../core/events.ts';
import {
  AddConcernRequest,
  CompleteRequest,
  CounterRequest,
  CounterStatusRequest,
  CountersWatchRequest,
  TicketRequest,
  TransferRequest,
} from '../../../core/schemas/counter.ts';
import {
  AgentJoinRequest,
  AgentStatusReport,
  PrintAckRequest,
  PrinterWatchRequest,
} from '../../../core/schemas/print.ts';
import { ScreenJoinRequest } from '../../../core/schemas/screen.ts';
import { TicketWatchRequest } from '../../../core/schemas/tickets.ts';

export interface SocketRequestDoc {
  summary: string;
  schema: z.ZodType;
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
    schema: ScreenJoinRequest,
    ack: '`{screen?, office, queue, missed, recent}`',
  },
  'ticket:watch': { summary: 'The phone page follows its ticket.', schema: TicketWatchRequest, ack: '`TicketView`' },
  'counter:watch': {
    summary: 'A clerk signs in to a counter, joins room `staff`.',
    schema: CounterRequest,
    ack: '`CounterView`',
  },
  'counters:watch': {
    summary: "Admin: joins room `staff`, every counter's view.",
    schema: CountersWatchRequest,
    ack: '`CounterView[]`',
  },
  'counter:callNext': {
    summary: 'Call the next visitor (`null` when nobody waits).',
    schema: CounterRequest,
    ack: '`{ticket: TicketView | null}`',
  },
  'counter:callSpecific': { summary: 'Call one waiting visitor.', schema: TicketRequest, ack: TICKET },
  'counter:start': { summary: 'The called visitor arrived: service starts.', schema: CounterRequest, ack: TICKET },
  'counter:park': { summary: 'The visitor steps away.', schema: CounterRequest, ack: TICKET },
  'counter:returnParked': { summary: 'A parked visitor is back here.', schema: TicketRequest, ack: TICKET },
  'counter:recall': { summary: 'Call the called visitor again.', schema: CounterRequest, ack: TICKET },
  'counter:complete': { summary: 'The current concern is done.', schema: CompleteRequest, ack: TICKET },
  'counter:addConcern': { summary: "A concern becomes the visit's next part.", schema: AddConcernRequest, ack: TICKET },
  'counter:noShow': { summary: 'The called visitor did not come.', schema: CounterRequest, ack: TICKET },
  'counter:transfer': { summary: 'Send the visitor on to another concern.', schema: TransferRequest, ack: TICKET },
  'counter:setStatus': {
    summary: 'Open, pause or close the counter.',
    schema: CounterStatusRequest,
    ack: '`CounterView`',
  },
  'counter:undo': {
    summary: "Take back the counter's last no-show, completion or transfer.",
    schema: CounterRequest,
    ack: TICKET,
  },
  'counter:requeue': { summary: 'The called visitor goes back to the line.', schema: CounterRequest, ack: TICKET },
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
    schema: PrinterWatchRequest,
    ack: '`PrinterStatusView[]`',
  },
  'agent:join': {
    summary: "Print agent: take over a kiosk's print jobs.",
    schema: AgentJoinRequest,
    ack: '`{printerId, pending}`',
  },
  'agent:status': { summary: "Print agent: its printer's status.", schema: AgentStatusReport, ack: '`null`' },
  'print:ack': { summary: 'Print agent: a job is printed, or cannot be.', schema: PrintAckRequest, ack: '`null`' },
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
