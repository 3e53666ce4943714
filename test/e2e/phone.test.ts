/**
 * The visitor's phone page (/t/<token>) in a real Chromium: live position, the "you are next"
 * notice, "called" with the counter (beep and vibration attempted), the closing page, in the
 * ticket's language; and how much it loads.
 *
 * `navigator.vibrate` is stubbed before the page loads to record its calls (headless Chromium
 * has no vibration hardware). Screenshots go to $LOTSE_SHOTS (default: <tmp>/lotse-e2e-shots).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { openPhone, vibrations } from './phone-fixture.ts';
import { counterAction, http, login, type TestServer } from '../helpers/server.ts';

const SHOTS = process.env.LOTSE_SHOTS ?? join(tmpdir(), 'lotse-e2e-shots');
mkdirSync(SHOTS, { recursive: true });

const e2e = chromiumPerFile();
let server: TestServer;
let token: string;

async function fresh(): Promise<void> {
  server = await e2e.server();
  token = await login(server.url);
}

async function issue(concernId: string, language = 'de'): Promise<TicketView> {
  const r = await http<{ ticket: TicketView }>(server.url, 'POST', '/api/tickets', { concernId, language });
  expect(r.status).toBe(201);
  return r.body.ticket;
}

async function act(counterId: string, action: 'call-next' | 'complete' | 'recall'): Promise<TicketView | null> {
  const r = await counterAction(server.url, token, counterId, action, undefined);
  expect(r.status).toBe(200);
  return r.body.ticket;
}

/** A phone (390 × 844, touch) on the ticket's page, with `navigator.vibrate` recorded. */
const phoneOf = (ticket: TicketView, locale = 'de-DE') =>
  openPhone(e2e, server.url, ticket, { viewport: { width: 390, height: 844 }, locale });

const signals = (page: Page) => page.evaluate(() => window.__lotsePhoneSignals ?? []);

describe('the phone page', () => {
  it('follows the ticket live: position, "you are next", called with the counter, then done', async () => {
    await fresh();
    for (let i = 0; i < 3; i++) await issue('housing');
    const mine = await issue('housing');
    const phone = await phoneOf(mine);
    expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'de',
      'ltr',
    ]);
    expect(await phone.getByTestId('phone-status').getAttribute('data-status')).toBe('waiting');
    expect(await phone.getByTestId('phone-ahead').textContent()).toBe('Vor Ihnen warten 3 Personen.');
    expect(await phone.getByTestId('phone-next').count()).toBe(0);

    // Two ahead: the notice appears, with one short vibration.
    await act('desk-2', 'call-next');
    const notice = phone.getByTestId('phone-next');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain('Vor Ihnen sind nur noch 2 Personen.');
    expect(await notice.textContent()).toContain('Sie sind bald dran.');
    await expect.poll(() => vibrations(phone)).toEqual([[200]]);
    await phone.screenshot({ path: join(SHOTS, 'phone-soon.png') });

    await act('desk-2', 'call-next');
    await expect.poll(() => notice.textContent()).toContain('Vor Ihnen ist nur noch 1 Person.');
    await act('desk-2', 'call-next');
    await expect.poll(() => notice.textContent()).toContain('Sie sind als Nächstes dran.');
    expect(await vibrations(phone)).toEqual([[200]]); // the nudge only once

    // Called: status, the counter in big letters, beep and vibration.
    const sent = Date.now();
    await act('desk-2', 'call-next');
    await expect
      .poll(() => phone.getByTestId('phone-status').getAttribute('data-status'), { timeout: 5000, interval: 20 })
      .toBe('called');
    const latency = Date.now() - sent;
    expect(await phone.getByTestId('phone-counter').textContent()).toBe('Platz 2');
    expect(await phone.getByTestId('phone-status').textContent()).toBe('Sie sind dran!');
    const counterSize = await phone
      .getByTestId('phone-counter')
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(counterSize).toBeGreaterThanOrEqual(48);
    await expect.poll(() => vibrations(phone)).toEqual([[200], [400, 200, 400, 200, 800]]);
    const called = (await signals(phone)).filter((s) => s.kind === 'called');
    expect(called).toHaveLength(1);
    expect(called[0]).toMatchObject({ vibrated: true, beep: true });
    expect(await phone.title()).toBe(`${mine.number} → Platz 2`);
    await phone.waitForTimeout(2600); // after the flashing
    await phone.screenshot({ path: join(SHOTS, 'phone-called.png') });
    console.log(`[figures] call → phone shows "called": ${latency} ms (including the test's polling)`);

    // Done: a short closing page; the live link is dropped.
    await act('desk-2', 'complete');
    await expect.poll(() => phone.getByTestId('phone-status').getAttribute('data-status')).toBe('done');
    expect(await phone.getByTestId('phone-final').textContent()).toBe('Ihr Besuch ist abgeschlossen. Vielen Dank!');
    expect(await phone.getByTestId('phone-counter').count()).toBe(0);
    expect(await phone.getByTestId('phone-next').count()).toBe(0);
    await phone.screenshot({ path: join(SHOTS, 'phone-done.png') });
  });

  it('speaks the ticket\'s language: English "you are next", Arabic right to left', async () => {
    await fresh();
    await issue('housing');
    await issue('housing');
    const english = await issue('housing', 'en');
    const arabic = await issue('housing', 'ar');
    const en = await phoneOf(english, 'de-DE');
    const ar = await phoneOf(arabic, 'de-DE');
    // Already two ahead when the page opens: notice shown, no nudge (nothing changed).
    expect(await en.getByTestId('phone-next').textContent()).toContain('Only 2 people are ahead of you.');
    expect(await vibrations(en)).toEqual([]);
    expect(await ar.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await ar.getByTestId('phone-ahead').textContent()).toBe('ينتظر قبلك 3 أشخاص.');

    await act('desk-2', 'call-next');
    await expect.poll(() => en.getByTestId('phone-next').textContent()).toContain('Only 1 person is ahead of you.');
    await expect.poll(() => ar.getByTestId('phone-next').textContent()).toContain('أمامك شخصان فقط.');
    await act('desk-2', 'call-next');
    await act('desk-2', 'call-next');
    await expect.poll(() => en.getByTestId('phone-status').textContent()).toBe('It is your turn!');
    expect(await en.getByTestId('phone-counter').textContent()).toBe('Platz 2');
    await expect.poll(() => ar.getByTestId('phone-next').textContent()).toContain('أنت التالي.');
    await ar.screenshot({ path: join(SHOTS, 'phone-arabic-next.png') });
  });

  it('a recall signals again; an unknown token says so', async () => {
    await fresh();
    const mine = await issue('housing');
    const phone = await phoneOf(mine);
    await act('desk-2', 'call-next');
    await expect.poll(() => phone.getByTestId('phone-status').getAttribute('data-status')).toBe('called');
    await phone.waitForTimeout(4200); // one signal per call, not per event of the same call
    await act('desk-2', 'recall');
    await expect.poll(async () => (await signals(phone)).filter((s) => s.kind === 'called').length).toBe(2);

    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    e2e.contexts.push(context);
    const lost = await context.newPage();
    await lost.goto(`${server.url}/t/abcdefghijklmnopqrstuv`);
    await lost.getByTestId('phone-not-found').waitFor();
  });

  it('stays small: what a phone loads on first visit', async () => {
    await fresh();
    const mine = await issue('housing');
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    e2e.contexts.push(context);
    const page = await context.newPage();
    let bytes = 0;
    const files: string[] = [];
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/socket.io') || url.pathname.startsWith('/api')) return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      bytes += body.length;
      files.push(`${url.pathname} ${body.length}`);
    });
    await page.goto(`${server.url}${mine.statusUrl}`, { waitUntil: 'networkidle' });
    await page.getByTestId('phone-number').waitFor();
    console.log(
      `[figures] phone page first load: ${(bytes / 1024).toFixed(1)} KiB in ${files.length} files (uncompressed)`,
    );
    expect(bytes).toBeLessThan(150 * 1024);
  });
});
