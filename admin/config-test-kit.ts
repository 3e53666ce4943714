/**
 * What the configuration pages' tests share: a small office to start from, a stub of the admin
 * API's configuration routes that records every save, the server's "validation failed" answer,
 * opening a page, and typing into a field by its test id. Used by the `config-*.test.tsx` files only.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { type FunctionComponent, h } from 'preact';
import { vi } from 'vitest';
import type { OfficeConfig } from '../core/types.ts';
import { type ConfigModel, createConfigModel } from './config-model.ts';
import type { ConfigTabProps } from './config-page.tsx';

/** An office of one concern and one counter; `over` replaces whole top-level entries. */
export function baseOffice(over: Partial<OfficeConfig> = {}): OfficeConfig {
  return {
    id: 'demo',
    name: 'Testamt',
    timezone: 'Europe/Berlin',
    enforceOpeningHours: true,
    openingHours: { weekly: {}, closedDays: [] },
    concerns: [{ id: 'housing', prefix: 'W', name: 'Wohngeld' }],
    counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing'] }],
    policy: { appointmentLeadMinutes: 10, appointmentLateMinutes: 15, maxWaitMinutes: 60, maxCalls: 3 },
    announcements: { language: 'de', templates: { de: 'Nummer {number}, bitte zu {counter}.' } },
    retentionDays: 90,
    kioskResetSeconds: 30,
    ...over,
  };
}

/** Two concerns served at one counter, Monday hours and a closed day (for the model's tests). */
export const sampleOffice = () =>
  baseOffice({
    openingHours: { weekly: { mon: [{ from: '09:00', to: '12:00' }] }, closedDays: ['2026-12-24'] },
    concerns: [
      { id: 'housing', prefix: 'W', name: 'Wohngeld', names: { de: 'Wohngeld', en: 'Housing benefit' } },
      { id: 'certificates', prefix: 'C', name: 'Bescheinigungen' },
    ],
    counters: [{ id: 'desk-1', name: 'Platz 1', concernIds: ['housing', 'certificates'] }],
  });

export type Reply = { status: number; body: unknown };
export type Put = { office: OfficeConfig; version?: string };

/**
 * Stubs `fetch`: GET /api/admin/config answers `office()` as version v1, each PUT is recorded
 * and answered by `reply` (with its round, from 1); `gets` answers further GET paths; anything
 * else is a 404. Returns the recorded saves.
 */
export function serveConfig(
  office: () => OfficeConfig,
  reply: (body: Put, round: number) => Reply,
  gets: Record<string, unknown> = {},
): Put[] {
  const puts: Put[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      if (method === 'GET' && path === '/api/admin/config')
        return new Response(JSON.stringify({ version: 'v1', office: office() }), { status: 200 });
      if (method === 'GET' && path in gets) return new Response(JSON.stringify(gets[path]));
      if (method === 'PUT' && path === '/api/admin/config') {
        const body = JSON.parse(String(init?.body)) as Put;
        puts.push(body);
        const r = reply(body, puts.length);
        return new Response(JSON.stringify(r.body), { status: r.status });
      }
      return new Response('{}', { status: 404 });
    }),
  );
  return puts;
}

/** The server's answer to a saved configuration: version v2 for the first save, v3 for the second … */
export function accepted(body: Put, round = 1): Reply {
  return { status: 200, body: { version: `v${round + 1}`, office: body.office } };
}

/** The server's answer to a configuration with issues. */
export function validationFailed(issues: unknown[]): Reply {
  return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: '', issues } } };
}

/** Unmounts what a test rendered and removes the stubbed `fetch` (for `afterEach`). */
export function resetPage(): void {
  cleanup();
  vi.unstubAllGlobals();
}

/** Types `value` into the field with `testId`. */
export const type = (testId: string, value: string) =>
  fireEvent.input(screen.getByTestId(testId), { target: { value } });

/** Renders `page` with a new model and waits until the element `ready` shows; returns the model. */
export async function openPage(page: FunctionComponent<ConfigTabProps>, ready: string): Promise<ConfigModel> {
  const model = createConfigModel();
  render(h(page, { model, fail: vi.fn() }));
  await screen.findByTestId(ready);
  return model;
}
