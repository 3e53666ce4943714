/**
 * Payload validation at the edge. The schemas themselves live in `core/schemas/` (one module per
 * area, shared by the HTTP routes, the socket handlers, the apps and the OpenAPI document); they
 * are re-exported here for the routes.
 */
import type { z } from 'zod';
import { HttpError } from './errors.ts';

export * from '../../core/schemas/admin.ts';
export * from '../../core/schemas/appointments.ts';
export * from '../../core/schemas/auth.ts';
export * from '../../core/schemas/common.ts';
export * from '../../core/schemas/counter.ts';
export * from '../../core/schemas/speech.ts';
export * from '../../core/schemas/stats.ts';
export * from '../../core/schemas/tickets.ts';

export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError('VALIDATION_FAILED');
  return result.data;
}

/** Path parameter `:id` of a counter. */
export { IdParam as CounterIdParam } from '../../core/schemas/common.ts';
