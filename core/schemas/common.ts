/** Building blocks shared by the request schemas: ids, days, references. */
import { z } from 'zod';
import { LANGUAGES } from '../types.ts';

/** An id of the office configuration (concern, counter, outcome, ticket). */
export const Id = z.string().min(1).max(64);
/** Whether `day` (`YYYY-MM-DD`) is a date of the calendar (2026-02-30 and 2026-13-45 are not). */
export function isCalendarDay(day: string): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === day;
}

/** A local day, `YYYY-MM-DD`, of the calendar. */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDay);
/** A counter's or kiosk's id as the configuration allows it. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);
/** A ticket's secret token (its phone page `/t/<token>`). */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** Pages for visitors: `?lang=` picks one of the six languages. */
export const LanguageQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

export const IdParam = z.object({ id: Id });
export const UuidParam = z.object({ id: z.string().uuid() });
export const TokenParam = z.object({ token: Token });
