/** Requests on the `/print` namespace: kiosks and admins follow printers, print agents report. */
import { z } from 'zod';
import { PRINT_ERROR_CODES } from '../api.ts';
import { LANGUAGES } from '../types.ts';
import { Slug } from './common.ts';

export const PrinterWatchRequest = z.object({
  /** Admin: every printer (room `printers`, views with `detail`). */
  all: z.boolean().optional(),
  /** A kiosk: its printer only (room `printer:<id>`); without an id, LOTSE_PRINTER. */
  kioskId: Slug.optional(),
});

export const AgentJoinRequest = z.object({
  kioskId: Slug,
  /** The kiosk's `agentKey`, when the office configured one. */
  key: z.string().max(200).optional(),
});

/** What the agent's printer reports (`PrinterStatus` of `printer/types.ts` is this type). */
export const AgentStatusReport = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperNearEnd: z.boolean(),
  paperOut: z.boolean(),
  partial: z.boolean().optional(),
  error: z.string().max(300).optional(),
});

export const PrintAckRequest = z.object({
  jobId: z.string().min(1).max(64),
  /** True: printed. False: it cannot be (the server does not send it again). */
  printed: z.boolean(),
  error: z.enum(PRINT_ERROR_CODES).optional(),
});

/** One concern of a visit on paper, in the ticket's language, with the German texts as fallback. */
export const PrintableConcern = z.object({
  name: z.string(),
  documents: z.array(z.string()),
  fallback: z.object({ name: z.string(), documents: z.array(z.string()) }).optional(),
});

/**
 * Everything printed on one ticket: what the server's printing builds from a `TicketView`, what a
 * print job carries to a kiosk's print agent (`AgentPrintJob`), and what the printer module's
 * `renderTicket` lays out (`PrintableTicket` of `printer/types.ts` is this type). Texts are in
 * the ticket's language where the office has them.
 */
export const PrintableTicket = z.object({
  officeName: z.string(),
  /** What the visitor reads and is called by: `W-017`. */
  number: z.string(),
  concernName: z.string(),
  /** Epoch milliseconds. */
  issuedAt: z.number(),
  /** IANA time zone of the office, e.g. `Europe/Berlin`; the date and time are printed in it. */
  timezone: z.string(),
  waitingAhead: z.number(),
  estimatedWaitMinutes: z.number(),
  /** Documents to have ready, printed as a list (nothing when empty). */
  documents: z.array(z.string()),
  /** Full URL of the visitor's phone page; printed as a QR code. */
  phoneUrl: z.string(),
  language: z.enum(LANGUAGES),
  /** Optional line(s) above the office name, e.g. the authority. */
  header: z.string().optional(),
  /** Optional line(s) at the end, e.g. opening hours or a privacy note. */
  footer: z.string().optional(),
  /** A ticket for an appointment: its time (epoch milliseconds), printed under the number. */
  appointmentAt: z.number().optional(),
  /** The office's phone, printed in the ticket's foot. */
  officePhone: z.string().optional(),
  /**
   * German texts to print instead of `concernName` / `documents` when the printer cannot show
   * their script (Arabic) and no text rasteriser is configured. Without them such characters
   * print as `?`.
   */
  fallback: z.object({ concernName: z.string(), documents: z.array(z.string()) }).optional(),
  /**
   * A visit with several concerns: each in the order served, with its documents (these replace
   * `concernName` and `documents` on paper). Absent or of length 1 for a one-concern ticket.
   */
  concerns: z.array(PrintableConcern).optional(),
});

export type PrintableConcern = z.infer<typeof PrintableConcern>;
export type PrintableTicket = z.infer<typeof PrintableTicket>;
export type PrinterWatchRequest = z.infer<typeof PrinterWatchRequest>;
export type AgentJoinRequest = z.infer<typeof AgentJoinRequest>;
export type AgentStatusReport = z.infer<typeof AgentStatusReport>;
export type PrintAckRequest = z.infer<typeof PrintAckRequest>;
