/** Requests on the `/print` namespace: kiosks and admins follow printers, print agents report. */
import { z } from 'zod';
import { PRINT_ERROR_CODES } from '../api.ts';
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

export type PrinterWatchRequest = z.infer<typeof PrinterWatchRequest>;
export type AgentJoinRequest = z.infer<typeof AgentJoinRequest>;
export type AgentStatusReport = z.infer<typeof AgentStatusReport>;
export type PrintAckRequest = z.infer<typeof PrintAckRequest>;
