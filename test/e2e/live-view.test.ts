/**
 * The live view in a real Chromium: a visitor's wait grows past the warning level (test clock);
 * the manager's wall view (`/admin?view=live`) and the banner of the clerk at a counter serving
 * that concern show the alert; calling the visitor clears it in both.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { ADMIN_PASSWORD, createAccount, http, login, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile({ perFile: true });
let server: TestServer;
let now = Date.parse('2026-12-07T08:00:00Z');

const newPage = (viewport: { width: number; height: number }) => e2e.newPage({ viewport });

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

beforeAll(async () => {
  server = await e2e.server({ clock: () => now });
});

describe('live view and counter banner', () => {
  it('shows a threshold passed on the wall view and at the counter, and clears it when the visitor is called', async () => {
    const base = server.url;
    const admin = await login(base);
    await createAccount(base, admin, { username: 'b.kaya', password: 'schalter-zwei-2026', role: 'clerk' });
    expect((await http(base, 'POST', '/api/tickets', { concernId: 'certificates' })).status).toBe(201);

    const desk = await newPage({ width: 1280, height: 800 });
    await desk.goto(`${base}/counter`);
    await desk.getByTestId('login-username').fill('b.kaya');
    await desk.getByTestId('login-password').fill('schalter-zwei-2026');
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('pick-counter-desk-1').click();
    await desk.getByTestId('current-empty').waitFor();
    expect(await desk.getByTestId('counter-alert-banner').count()).toBe(0);

    const wall = await newPage({ width: 1920, height: 1080 });
    await wall.goto(`${base}/admin?view=live`);
    await wall.getByTestId('login-username').fill('admin');
    await wall.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await wall.getByTestId('login-submit').click();
    await wall.getByTestId('live-view').waitFor();
    await expect.poll(() => text(wall, 'live-alerts')).toBe('Keine Warnungen.');
    expect(await text(wall, 'live-longest-certificates')).toBe('0 min');

    // 21 minutes later the periodic computation finds the wait past 20 minutes.
    now += 21 * 60_000;
    await server.ctx.live?.service.refresh();
    const message = '1 Person wartet länger als 20 Minuten – Bescheinigungen';
    await expect.poll(() => text(wall, 'live-alert-wait:certificates')).toContain(message);
    expect(await text(wall, 'live-longest-certificates')).toBe('21 min');
    await expect.poll(() => text(desk, 'counter-alert-wait:certificates')).toBe(message);

    // The clerk calls the visitor: the alert clears itself on the wall and at the counter.
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe('C-001');
    await desk.getByTestId('counter-alert-banner').waitFor({ state: 'detached' });
    await expect.poll(() => text(wall, 'live-alerts')).toBe('Keine Warnungen.');
    await expect.poll(() => text(wall, 'live-counter-desk-1')).toContain('C-001');
  });
});
