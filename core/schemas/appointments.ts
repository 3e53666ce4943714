/** Appointments: booking, moving, listing, free slots and their statistics. */
import { z } from 'zod';
import { CSV_DIALECTS } from '../csv-dialect.ts';
import { LANGUAGES } from '../types.ts';
import { Day, Id, Slug, UuidParam } from './common.ts';

export const AppointmentBody = z.object({
  concernId: Id,
  start: z.iso.datetime({ offset: true }),
  counterId: Slug.optional(),
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
  counterId: Slug.nullable().optional(),
});

/** Print the confirmation on a kiosk's printer (LOTSE_PRINTER without one). */
export const AppointmentPrintBody = z.object({ kioskId: z.string().optional() });

export const AppointmentIdParam = UuidParam;
export const SlotsQuery = z.object({ concernId: Id, date: Day });
export const FreeSlotsQuery = z.object({ concernId: Id, days: z.coerce.number().int().min(1).max(60).default(14) });
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
