/** Payload validation at the edge: zod schemas for every request body and query. */
import { CSV_DIALECTS } from '../../core/csv-dialect.ts';
import { z } from 'zod';
import { LANGUAGES } from '../../core/types.ts';
import { HttpError } from './errors.ts';

export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError('VALIDATION_FAILED');
  return result.data;
}

const id = z.string().min(1).max(64);

export const IssueBody = z.object({
  /** Optional with an appointment code: the appointment's concern is used. */
  concernId: id.optional(),
  /** A visit with several concerns, in the order served (instead of `concernId`). */
  concernIds: z.array(id).min(1).max(5).optional(),
  language: z.enum(LANGUAGES).optional(),
  appointmentCode: z.string().trim().min(1).max(64).optional(),
  idempotencyKey: z.string().min(8).max(100).optional(),
  /** The kiosk that asks (`/kiosk?kiosk=<id>`): its printer prints the ticket. */
  kioskId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)
    .optional(),
  /** Staff at reception: the counter or desk giving out the ticket (its printer prints it). */
  counterId: id.optional(),
  /** Staff: false to show the ticket's QR code on screen instead of printing. */
  print: z.boolean().optional(),
});

export const LoginBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(500),
});

export const PasswordChangeBody = z.object({
  currentPassword: z.string().min(1).max(500),
  newPassword: z.string().min(1).max(500),
});

export const TransferBody = z.object({ concernId: id, outcome: id.optional(), toCounterId: id.optional() });

export const ReleaseBody = z.object({ how: z.enum(['requeue', 'finish']), number: z.string().min(1).max(20) });

export const CompleteBody = z.object({ outcome: id.optional(), continueHere: z.boolean().optional() });

export const AddConcernBody = z.object({ concernId: id });

export const TicketBody = z.object({ ticketId: id });

export const CounterStatusBody = z.object({
  status: z.enum(['open', 'paused', 'closed']),
  reason: z.string().max(200).optional(),
});

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const CounterRef = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);

export const AppointmentBody = z.object({
  concernId: id,
  start: z.iso.datetime({ offset: true }),
  counterId: CounterRef.optional(),
  /** A code of the booking system; generated (8 digits) when absent. */
  code: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/)
    .optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  language: z.enum(LANGUAGES).optional(),
});

export const RescheduleBody = z.object({
  start: z.iso.datetime({ offset: true }),
  /** Another counter, or null for none; unchanged when absent. */
  counterId: CounterRef.nullable().optional(),
});

export const AppointmentIdParam = z.object({ id: z.string().uuid() });
export const SlotsQuery = z.object({ concernId: id, date: Day });
export const FreeSlotsQuery = z.object({ concernId: id, days: z.coerce.number().int().min(1).max(60).default(14) });
export const AppointmentStatsQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  by: z.enum(['day', 'week', 'month', 'all']).default('day'),
  format: z.enum(['json', 'csv']).default('json'),
  dialect: z.enum(CSV_DIALECTS).default('de'),
});
export const AppointmentsQuery = z.object({
  date: Day.optional(),
  format: z.enum(['json', 'csv', 'ics']).default('json'),
  dialect: z.enum(CSV_DIALECTS).default('de'),
});

/** A real calendar date (2026-02-30 is refused). */
const StatsDay = Day.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
});
const StatsRange = {
  from: StatsDay.optional(),
  to: StatsDay.optional(),
  format: z.enum(['json', 'csv']).default('json'),
  /** CSV for German spreadsheets (`;`, decimal comma, German headers; the default) or `en`. */
  dialect: z.enum(CSV_DIALECTS).default('de'),
};

export const StatsQuery = z.object({
  ...StatsRange,
  /** `all`: one period for the whole range. */
  by: z.enum(['hour', 'day', 'week', 'month', 'all']).default('day'),
  /** Target wait in minutes for `servedWithinTargetShare`; default: the office's setting. */
  target: z.coerce.number().int().min(1).max(600).optional(),
});

export const StatsHeatmapQuery = z.object({ ...StatsRange, concernId: id.optional() });

export const StatsCountersQuery = z.object({
  ...StatsRange,
  by: z.enum(['hour', 'day', 'week', 'month', 'all']).default('all'),
});

export const CounterIdParam = z.object({ id });
export const TokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
