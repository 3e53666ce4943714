/**
 * The counter's actions, once for HTTP (`/api/counters/:id/<action>`, the counter in the path) and
 * once for the socket (`counter:<action>`, the counter in the payload): the socket request is the
 * HTTP body plus `counterId`.
 */
import { z } from 'zod';
import { Id } from './common.ts';

export const TicketBody = z.object({ ticketId: Id });
export const CompleteBody = z.object({
  /** One of the office's outcomes (`OfficePublic.outcomes`). */
  outcome: Id.optional(),
  /** The visitor stays here for the visit's next concern (this counter must serve it). */
  continueHere: z.boolean().optional(),
});
export const AddConcernBody = z.object({ concernId: Id });
export const TransferBody = z.object({
  concernId: Id,
  /** Outcome of the part served here before the visitor is sent on. */
  outcome: Id.optional(),
  /** A named counter (serving `concernId`): only it calls the visitor, first of all. */
  toCounterId: Id.optional(),
});
export const CounterStatusBody = z.object({
  status: z.enum(['open', 'paused', 'closed']),
  reason: z.string().max(200).optional(),
});
/** Admins free a number left called at a counter: back to the line, or finished. */
export const ReleaseBody = z.object({ how: z.enum(['requeue', 'finish']), number: z.string().min(1).max(20) });

export const CounterRequest = z.object({ counterId: Id });
export const TicketRequest = CounterRequest.extend(TicketBody.shape);
export const CompleteRequest = CounterRequest.extend(CompleteBody.shape);
export const AddConcernRequest = CounterRequest.extend(AddConcernBody.shape);
export const TransferRequest = CounterRequest.extend(TransferBody.shape);
export const CounterStatusRequest = CounterRequest.extend(CounterStatusBody.shape);
/** Admin: every counter, no payload. */
export const CountersWatchRequest = z.object({}).strict();

export type CounterRequest = z.infer<typeof CounterRequest>;
export type TicketRequest = z.infer<typeof TicketRequest>;
export type CompleteRequest = z.infer<typeof CompleteRequest>;
export type AddConcernRequest = z.infer<typeof AddConcernRequest>;
export type TransferRequest = z.infer<typeof TransferRequest>;
export type CounterStatusRequest = z.infer<typeof CounterStatusRequest>;
