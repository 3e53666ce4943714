/** The manager's live view: figures and alerts now, thresholds, alert minutes, the city overview. */
import { AlertThresholdsSchema } from '../../../core/alert-thresholds.ts';
import { AlertMinutesQuery, CounterAlertsQuery } from '../../../core/schemas/live.ts';
import { route } from './route.ts';

export const LIVE_ROUTES = [
  route('get', '/api/live', {
    tag: 'live view',
    summary: 'Per concern, counter, device and printer the state now, with alerts and today against the usual.',
    description:
      '`{concerns: [{concernId, waiting, longestWaitMinutes, level, …}], counters: [{counterId, status, ticketNumber?, …}], stranded, devices, printers, alerts: [{id, kind, level, message, since}], today, level, at}`; `level` is `ok`, `warning` or `critical`. Pushed as `live:update` on the `/live` namespace after `live:watch`.',
    access: 'admin',
    ok: { description: 'The live view' },
  }),
  route('get', '/api/live/alerts', {
    tag: 'live view',
    summary: 'The alerts of the concerns a counter serves (the counter banner).',
    access: 'staff',
    query: CounterAlertsQuery,
    ok: { description: '`{counterId, alerts}`' },
    errors: ['UNKNOWN_COUNTER'],
  }),
  route('get', '/api/live/thresholds', {
    tag: 'live view',
    summary: "The warning and critical levels in force, and the office's own settings.",
    access: 'admin',
    ok: { description: '`{effective, own}`' },
  }),
  route('put', '/api/live/thresholds', {
    tag: 'live view',
    summary: "Replace the office's alert levels (critical must not be below warning).",
    access: 'admin',
    body: AlertThresholdsSchema,
    ok: { description: '`{effective, own}`' },
    errors: ['CONFIG_CHANGED'],
  }),
  route('get', '/api/stats/alert-minutes', {
    tag: 'live view',
    summary: 'Minutes with an alert in force per day (warning, critical, per kind).',
    access: 'admin',
    query: AlertMinutesQuery,
    ok: { description: '`{from, to, days: [{day, warning, critical, byKind}]}`' },
  }),
  route('get', '/api/city/live', {
    tag: 'live view',
    summary: 'Every office on the shared database with its figures and alerts (admins in LOTSE_CITY_VIEWERS).',
    access: 'admin',
    ok: { description: '`{offices: [{officeId, officeName, updatedAt, stale, level, waiting, …}]}`' },
  }),
];
