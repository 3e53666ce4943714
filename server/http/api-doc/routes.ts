/**
 * Every HTTP route of the server, documented. A new route gets an entry here (or in a new
 * `routes-<area>.ts` listed below); a test fails when the server has a route without one.
 */
import { ADMIN_ROUTES } from './routes-admin.ts';
import { APPOINTMENT_ROUTES } from './routes-appointments.ts';
import { AUTH_ROUTES } from './routes-auth.ts';
import { COUNTER_ROUTES } from './routes-counter.ts';
import { LIVE_ROUTES } from './routes-live.ts';
import { PAGE_ROUTES } from './routes-pages.ts';
import { PUBLIC_ROUTES } from './routes-public.ts';
import type { RouteDoc } from './route.ts';

export const ROUTES: readonly RouteDoc[] = [
  ...PUBLIC_ROUTES,
  ...AUTH_ROUTES,
  ...COUNTER_ROUTES,
  ...APPOINTMENT_ROUTES,
  ...ADMIN_ROUTES,
  ...LIVE_ROUTES,
  ...PAGE_ROUTES,
];
