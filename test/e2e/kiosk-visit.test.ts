/**
 * A visit with several concerns, in a real Chromium: at the kiosk a visitor chooses two concerns
 * (confirmation, "Ich habe noch ein Anliegen", the chosen one marked on the list) and draws one
 * ticket with one request; the emulated printer prints both concerns; the phone page follows
 * both parts (called, first part done, waiting for the next, called again, done), and shows
 * when the clerk goes straight on at the same counter. German and Arabic in large text.
 *
 * Screenshots go to test-results/kiosk-visit/ (the pictures in docs/ come from `npm run screenshots`).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import { KIOSK_MESSAGES } from '../../kiosk/messages-all.ts';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { launchChromium } from '../helpers/browser.ts';
import { counterAction, http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/kiosk-visit/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOP_THIRD = 1920 / 3;

let server: TestServer;
let printer: PrinterEmulator;
let browser: Browser;
let token: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  printer = await PrinterEmulator.start();
  server = await startTestServer({ printer: printer.url, printing: { pollIntervalMs: 500 } });
  browser = await launchChromium();
  token = await login(server.url);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await printer?.close();
});

async function kiosk(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1080, height: 1920 },
    hasTouch: true,
    bypassCSP: true,
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/kiosk`);
  await page.getByTestId('start-screen').waitFor();
  return page;
}

async function phone(ticket: { statusUrl: string }): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${ticket.statusUrl}`);
  await page.getByTestId('phone-number').waitFor();
  return page;
}

const touch = (page: Page, testId: string) => page.getByTestId(testId).tap();
/** A visitor's next touch comes after the screen has settled (a double tap's second touch is ignored). */
const settle = (page: Page) => page.waitForTimeout(500);

async function counter(counterId: string, action: string, body?: unknown): Promise<TicketView | null> {
  const r = await counterAction(server.url, token, counterId, action, body);
  expect(r.status, `${action} at ${counterId}`).toBe(200);
  return r.body.ticket;
}

async function scan(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const bad = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<any> } }).axe;
    const result = await axe.run(document);
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id as string);
  });
  expect(bad, `axe on ${label}`).toEqual([]);
}

/** Buttons of 44 px and more, in the lower two thirds; no text wider than the screen. */
async function expectUsable(page: Page): Promise<void> {
  const found = await page.evaluate(() => ({
    buttons: [...document.querySelectorAll('main button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { id: b.getAttribute('data-testid') ?? '', top: r.top, width: r.width, height: r.height, right: r.right };
    }),
    overflow: [...document.querySelectorAll('main *')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
      .map((e) => e.className),
    wide: document.documentElement.scrollWidth > window.innerWidth,
  }));
  for (const b of found.buttons) {
    expect(b.top, `${b.id} below the top third`).toBeGreaterThanOrEqual(TOP_THIRD - 1);
    expect(Math.min(b.width, b.height), `${b.id} touch target`).toBeGreaterThanOrEqual(44);
    expect(b.right, `${b.id} on screen`).toBeLessThanOrEqual(1080);
  }
  expect(found.wide).toBe(false);
}

describe('a visit with two concerns', () => {
  it('drawn at the kiosk with one request, printed with both, followed part by part on the phone', async () => {
    const page = await kiosk();
    const bodies: { concernIds?: string[]; concernId?: string; idempotencyKey: string }[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/tickets') && r.method() === 'POST') bodies.push(r.postDataJSON());
    });
    const t = KIOSK_MESSAGES.de;

    await touch(page, 'concern-housing');
    await page.getByTestId('confirm-screen').waitFor();
    expect(await page.locator('h1').textContent()).toBe(t.chosenTitle);
    expect(await page.getByTestId('chosen-concerns').textContent()).toContain('Wohngeld');
    expect(await page.getByTestId('kiosk-draw').textContent()).toBe('Ticket ziehen');
    expect(await page.getByTestId('kiosk-add-concern').textContent()).toBe('Ich habe noch ein Anliegen');
    await expectUsable(page);
    await scan(page, 'confirmation');
    await page.screenshot({ path: join(SHOTS, 'confirm-de.png') });

    await settle(page);
    await touch(page, 'kiosk-add-concern');
    await page.getByTestId('start-screen').waitFor();
    expect(await page.getByTestId('concern-housing').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('concern-housing').textContent()).toContain(t.chosenMark);
    expect(await page.getByTestId('concern-certificates').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('start-draw').isVisible()).toBe(true);
    await scan(page, 'start with a chosen concern');
    await page.screenshot({ path: join(SHOTS, 'start-chosen-de.png') });

    await settle(page);
    await touch(page, 'concern-certificates');
    await page.getByTestId('confirm-screen').waitFor();
    expect(await page.getByTestId('chosen-concerns').locator('li').allTextContents()).toEqual([
      expect.stringContaining('Wohngeld'),
      expect.stringContaining('Bescheinigungen'),
    ]);
    expect(bodies).toHaveLength(0);
    await touch(page, 'kiosk-draw');

    await page.getByTestId('ticket-screen').waitFor();
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^W-\d{3}$/);
    expect(await page.getByTestId('ticket-concerns').locator('li').allTextContents()).toEqual([
      'Wohngeld',
      'Bescheinigungen',
    ]);
    expect(await page.getByTestId('ticket-order').textContent()).toBe(t.visitOrder);
    expect(await page.getByTestId('ticket-documents-housing').textContent()).toContain('Mietvertrag');
    expect(await page.getByTestId('ticket-documents-certificates').textContent()).toContain(
      'Personalausweis oder Pass',
    );
    await scan(page, 'ticket with two concerns');
    await page.screenshot({ path: join(SHOTS, 'ticket-two-de.png'), fullPage: true });

    // One request with both concerns, one ticket.
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.concernIds).toEqual(['housing', 'certificates']);
    const tickets = server.ctx.queue.day().tickets;
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket?.concerns?.map((p) => p.concernId)).toEqual(['housing', 'certificates']);

    // The printout lists both concerns in order, each with its documents.
    const [job] = await printer.waitForJobs(1, 10_000);
    expect(job?.lines).toContain(number);
    const first = job?.lines.indexOf('1. Wohngeld') ?? -1;
    expect(first).toBeGreaterThan(0);
    expect(job?.lines[first + 1]).toBe('2. Bescheinigungen');
    expect(job?.lines).toContain('- Mietvertrag');

    // The phone follows both parts.
    const status = await http<{ ticket: TicketView }>(server.url, 'GET', `/api/status/${ticket?.token}`);
    const mobile = await phone(status.body.ticket);
    const state = (concernId: string) => mobile.getByTestId(`phone-part-${concernId}`).getAttribute('data-state');
    expect(await state('housing')).toBe('now');
    expect(await state('certificates')).toBe('later');

    expect((await counter('desk-2', 'call-next'))?.number).toBe(number);
    await expect.poll(() => mobile.getByTestId('phone-status').getAttribute('data-status')).toBe('called');
    expect(await mobile.getByTestId('phone-counter').textContent()).toBe('Platz 2');

    await counter('desk-2', 'complete', { outcome: 'done' });
    const between = mobile.getByTestId('phone-between');
    await between.waitFor({ timeout: 5000 });
    expect(await between.textContent()).toContain('Ihr nächstes Anliegen: Bescheinigungen');
    expect(await between.textContent()).toContain('Sie werden wieder aufgerufen.');
    expect(await mobile.getByTestId('phone-status').getAttribute('data-status')).toBe('waiting');
    expect(await state('housing')).toBe('done');
    expect(await state('certificates')).toBe('now');
    await mobile.screenshot({ path: join(SHOTS, 'phone-between-de.png'), fullPage: true });

    await mobile.waitForTimeout(4200); // a second call, not a repeated event of the first
    expect((await counter('desk-1', 'call-next'))?.number).toBe(number);
    await expect.poll(() => mobile.getByTestId('phone-status').getAttribute('data-status')).toBe('called');
    expect(await mobile.getByTestId('phone-counter').textContent()).toBe('Platz 1');
    expect(await mobile.getByTestId('phone-between').count()).toBe(0);
    // Called twice in one visit: the phone signals both calls.
    await expect
      .poll(async () =>
        (await mobile.evaluate(() => window.__lotsePhoneSignals ?? [])).filter((s) => s.kind === 'called'),
      )
      .toHaveLength(2);

    await counter('desk-1', 'complete', { outcome: 'done' });
    await expect.poll(() => mobile.getByTestId('phone-status').getAttribute('data-status')).toBe('done');
  });

  it('the clerk goes straight on at the same counter: the phone says to stay there', async () => {
    const issued = await http<{ ticket: TicketView }>(server.url, 'POST', '/api/tickets', {
      concernIds: ['documents', 'certificates'],
    });
    expect(issued.status).toBe(201);
    const mobile = await phone(issued.body.ticket);
    expect((await counter('desk-1', 'call-next'))?.number).toBe(issued.body.ticket.number);
    await expect.poll(() => mobile.getByTestId('phone-status').getAttribute('data-status')).toBe('called');
    await counter('desk-1', 'complete', { continueHere: true });
    const here = mobile.getByTestId('phone-continue-here');
    await here.waitFor({ timeout: 5000 });
    expect(await here.textContent()).toBe('Ihr nächstes Anliegen wird gleich hier erledigt.');
    expect(await mobile.getByTestId('phone-counter').textContent()).toBe('Platz 1');
    expect(await mobile.getByTestId('phone-part-documents').getAttribute('data-state')).toBe('done');
    await mobile.screenshot({ path: join(SHOTS, 'phone-continue-here-de.png'), fullPage: true });
    await counter('desk-1', 'complete');
  });

  it('in Arabic with large text: right to left, nothing cut off, the phone in Arabic too', async () => {
    const page = await kiosk();
    await touch(page, 'lang-ar');
    await touch(page, 'large-text');
    await touch(page, 'concern-housing');
    await page.getByTestId('confirm-screen').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.ar.chosenTitle);
    await settle(page);
    await touch(page, 'kiosk-add-concern');
    await settle(page);
    await touch(page, 'concern-education');
    await page.getByTestId('confirm-screen').waitFor();
    expect(await page.getByTestId('kiosk-draw').textContent()).toBe(KIOSK_MESSAGES.ar.draw);
    await expectUsable(page);
    await scan(page, 'confirmation (ar, large text)');
    await page.screenshot({ path: join(SHOTS, 'confirm-ar-large.png') });
    await settle(page);
    await touch(page, 'kiosk-add-concern');
    await page.getByTestId('start-screen').waitFor();
    await page.screenshot({ path: join(SHOTS, 'start-chosen-ar-large.png') });
    await touch(page, 'start-draw');
    await page.getByTestId('ticket-screen').waitFor();
    expect(await page.getByTestId('ticket-order').textContent()).toBe(KIOSK_MESSAGES.ar.visitOrder);
    expect(await page.getByTestId('ticket-concerns').locator('li').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'ticket-two-ar-large.png'), fullPage: true });

    const number = (await page.getByTestId('ticket-number').textContent())?.trim();
    const ticket = server.ctx.queue.day().tickets.find((t) => t.number === number);
    expect(ticket?.language).toBe('ar');
    const mobile = await phone({ statusUrl: `/t/${ticket?.token}` });
    expect(await mobile.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await mobile.getByTestId('phone-parts').locator('li').count()).toBe(2);
    await mobile.screenshot({ path: join(SHOTS, 'phone-ar.png'), fullPage: true });
  });
});
