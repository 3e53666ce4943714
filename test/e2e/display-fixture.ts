/**
 * The shared set-up of the lobby-screen tests in a real Chromium: a fresh office per test with a
 * signed-in admin acting as clerk, screens opened at a size, and the page's test hooks
 * (`window.__lotseAnnouncementLog`: gong, then speech attempt, one after another), since
 * headless Chromium has no speech voices. Screenshots go to $LOTSE_SHOTS (default:
 * <tmp>/lotse-e2e-shots).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import type { AnnouncementRecord } from '../../display/announcer.ts';
import { type ChromiumBench, chromiumPerFile } from '../helpers/e2e.ts';
import { http, login, type startTestServer, type TestServer } from '../helpers/server.ts';

export const SHOTS = process.env.LOTSE_SHOTS ?? join(tmpdir(), 'lotse-e2e-shots');
mkdirSync(SHOTS, { recursive: true });

let e2e: ChromiumBench;

/** Chromium for the calling test file (registers its hooks). */
export function useLobbyScreens(): ChromiumBench {
  e2e = chromiumPerFile();
  return e2e;
}

/** A fresh server (own data folder) with a signed-in admin acting as clerk. */
export async function office(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await e2e.server(options);
  const token = await login(server.url);
  return clerk(server.url, token, server);
}

export function clerk(base: string, token: string, server?: TestServer) {
  return {
    server: server as TestServer,
    base,
    async issue(concernId: string, language = 'de'): Promise<TicketView> {
      const r = await http<{ ticket: TicketView }>(base, 'POST', '/api/tickets', { concernId, language });
      expect(r.status).toBe(201);
      return r.body.ticket;
    },
    async callNext(counterId: string): Promise<TicketView> {
      const r = await http<{ ticket: TicketView | null }>(
        base,
        'POST',
        `/api/counters/${counterId}/call-next`,
        undefined,
        token,
      );
      expect(r.status).toBe(200);
      expect(r.body.ticket).not.toBeNull();
      return r.body.ticket as TicketView;
    },
    async recall(counterId: string): Promise<TicketView> {
      const r = await http<{ ticket: TicketView }>(base, 'POST', `/api/counters/${counterId}/recall`, undefined, token);
      expect(r.status).toBe(200);
      return r.body.ticket;
    },
  };
}

export async function openDisplay(
  base: string,
  query = '',
  viewport = { width: 1920, height: 1080 },
  on = e2e.browser,
): Promise<Page> {
  const context = await on.newContext({ viewport });
  e2e.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/display${query}`);
  await page.getByTestId('board').waitFor();
  return page;
}

export const log = (page: Page) =>
  page.evaluate(() => window.__lotseAnnouncementLog ?? []) as Promise<AnnouncementRecord[]>;
export const texts = (page: Page) => page.evaluate(() => [...(window.__lotseAnnouncements ?? [])]);
export const shownNumbers = (page: Page) => page.getByTestId('call-number').allTextContents();

/** Waits until the announcement log has `n` entries whose gong and speech are over. */
export async function announced(page: Page, n: number, timeout = 30_000): Promise<AnnouncementRecord[]> {
  await expect
    .poll(async () => (await log(page)).filter((r) => r.endedAt !== undefined).length, { timeout, interval: 100 })
    .toBeGreaterThanOrEqual(n);
  return log(page);
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
