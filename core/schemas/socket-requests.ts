/**
 * The zod schema of every socket.io request of `core/events.ts`, by event: the server validates
 * each payload with it and the API document shows it. The mapped types make the compiler refuse
 * an event without a schema, or a schema whose result is not the event's payload.
 */
import type { z } from 'zod';
import type { ClientToServerEvents, PrintClientToServerEvents } from '../events.ts';
import {
  AddConcernRequest,
  CompleteRequest,
  CounterRequest,
  CounterStatusRequest,
  CountersWatchRequest,
  TicketRequest,
  TransferRequest,
} from './counter.ts';
import { AgentJoinRequest, AgentStatusReport, PrintAckRequest, PrinterWatchRequest } from './print.ts';
import { ScreenJoinRequest } from './screen.ts';
import { TicketWatchRequest } from './tickets.ts';

/** The payload (first argument) of a request event. */
export type RequestOf<Events, E extends keyof Events> = Events[E] extends (req: infer R, ...rest: never[]) => void
  ? R
  : never;

/** Per event, the schema of its payload. */
export type RequestSchemas<Events> = { [E in keyof Events]: z.ZodType<RequestOf<Events, E>> };

export const SOCKET_REQUEST_SCHEMAS: RequestSchemas<ClientToServerEvents> = {
  'screen:join': ScreenJoinRequest,
  'ticket:watch': TicketWatchRequest,
  'counter:watch': CounterRequest,
  'counters:watch': CountersWatchRequest,
  'counter:callNext': CounterRequest,
  'counter:callSpecific': TicketRequest,
  'counter:start': CounterRequest,
  'counter:park': CounterRequest,
  'counter:returnParked': TicketRequest,
  'counter:recall': CounterRequest,
  'counter:complete': CompleteRequest,
  'counter:addConcern': AddConcernRequest,
  'counter:noShow': CounterRequest,
  'counter:transfer': TransferRequest,
  'counter:setStatus': CounterStatusRequest,
  'counter:undo': CounterRequest,
  'counter:requeue': CounterRequest,
};

export const PRINT_REQUEST_SCHEMAS: RequestSchemas<PrintClientToServerEvents> = {
  'printer:watch': PrinterWatchRequest,
  'agent:join': AgentJoinRequest,
  'agent:status': AgentStatusReport,
  'print:ack': PrintAckRequest,
};
