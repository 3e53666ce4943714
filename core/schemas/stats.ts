/** Queries of the statistics (`/api/stats*`). */
import { z } from 'zod';
import { CSV_DIALECTS } from '../csv-dialect.ts';
import { Day, Id } from './common.ts';

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

export const StatsHeatmapQuery = z.object({ ...StatsRange, concernId: Id.optional() });

export const StatsCountersQuery = z.object({
  ...StatsRange,
  by: z.enum(['hour', 'day', 'week', 'month', 'all']).default('all'),
});
