/** Queries of the statistics (`/api/stats*`). */
import { z } from 'zod';
import { CSV_DIALECTS } from '../csv-dialect.ts';
import { Day, Slug } from './common.ts';

const StatsRange = {
  from: Day.optional(),
  to: Day.optional(),
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

/** A concern's id as the configuration allows it (also one no longer configured: its days stay). */
export const StatsHeatmapQuery = z.object({ ...StatsRange, concernId: Slug.optional() });

export const StatsCountersQuery = z.object({
  ...StatsRange,
  by: z.enum(['hour', 'day', 'week', 'month', 'all']).default('all'),
});
