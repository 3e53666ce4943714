/** Drawing a ticket: at the kiosk, at reception, from on the way. */
import { z } from 'zod';
import { LANGUAGES } from '../types.ts';
import { Id, Slug } from './common.ts';

export const IssueBody = z.object({
  /** Optional with an appointment code: the appointment's concern is used. */
  concernId: Id.optional(),
  /** A visit with several concerns, in the order served (instead of `concernId`). */
  concernIds: z.array(Id).min(1).max(5).optional(),
  language: z.enum(LANGUAGES).optional(),
  appointmentCode: z.string().trim().min(1).max(64).optional(),
  /** One key per touch on the kiosk: repeating it returns the same ticket. */
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** The kiosk that asks (`/kiosk?kiosk=<id>`): its printer prints the ticket. */
  kioskId: Slug.optional(),
  /** Staff at reception: the counter or desk giving out the ticket (its printer prints it). */
  counterId: Id.optional(),
  /** Staff: false to show the ticket's QR code on screen instead of printing. */
  print: z.boolean().optional(),
});
export type IssueRequest = z.infer<typeof IssueBody>;

/** A number from on the way (public page, JSON or a plain form). */
export const RemoteBody = z.object({
  concernId: z.string().min(1).max(40),
  language: z.enum(LANGUAGES).optional(),
  /** The form's name for `language`. */
  lang: z.enum(LANGUAGES).optional(),
});

/** The phone page follows its ticket (`ticket:watch`). */
export const TicketWatchRequest = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
