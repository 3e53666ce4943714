/** Requests of the live view: a counter's alerts, the alert minutes per day. */
import { z } from 'zod';
import { Day } from './common.ts';

/** `GET /api/live/alerts?counterId=`: the alerts of the concerns that counter serves. */
export const CounterAlertsQuery = z.object({ counterId: z.string().min(1).max(64) });

/** `GET /api/stats/alert-minutes?from&to`: days, at most 800 apart (default: the last seven). */
export const AlertMinutesQuery = z.object({ from: Day.optional(), to: Day.optional() });
