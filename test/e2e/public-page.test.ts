/**
 * The office's public page in a real Chromium: German and Arabic pass axe (WCAG 2.2 AA), the
 * waiting figures follow a call made through the API, the page prints as one A4 page; and a
 * number from on the way is taken on the page, followed on the phone page, confirmed at the
 * kiosk with its letter and digits, and called at a counter.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { demoOffice, http, login, type TestServer } from '../helpers/server.ts';

// Evaluated, not added as a script element: the page's policy allows no inline script.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MONDAY_10 = Date.parse('2026-11-23T09:00:00Z'); // 10:00 in Berlin, open

const e2e = chromiumPerFile();
let server: TestServer | undefined;

const newPage = (viewport: { width: number; height: number }, touch = false) =>
  e2e.newPage({ viewport, hasTouch: touch });

/** Every WCAG 2.0–2.2 A and AA rule of axe; any violation fails. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return (result.violations as any[]).map((v) => `${v.id}: ${v.nodes.map((n: any) => n.target).join(' ')}`);
  });
}

const cell = (page: Page, concernId: string, which: 'count' | 'wait') =>
  page.locator(`.wait-now tr[data-concern="${concernId}"] .${which}`).textContent();

/** PDF page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe('the public page in Chromium', () => {
  it('is axe-clean in German and Arabic, follows a call live, and prints on one page', async () => {
    server = await e2e.server({ clock: () => MONDAY_10 });
    const admin = await login(server.url);
    for (let i = 0; i < 3; i++) {
      expect((await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' })).status).toBe(201);
    }

    const de = await newPage({ width: 390, height: 844 });
    await de.goto(`${server.url}/?lang=de`);
    expect(await de.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await de.locator('h1').textContent()).toBe('Sozialamt – Front Office');
    expect(await de.getByTestId('contact-phone').textContent()).toBe('0461 85-0');
    await expect.poll(() => cell(de, 'housing', 'count')).toBe('3');
    expect(await axeViolations(de)).toEqual([]);

    const ar = await newPage({ width: 1280, height: 900 });
    await ar.goto(`${server.url}/?lang=ar`);
    expect(await ar.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await ar.locator('html').getAttribute('lang')).toBe('ar');
    expect(await ar.locator('#h-hours').textContent()).toBe('أوقات العمل');
    // The language switch is plain links.
    expect(await ar.locator('nav a[hreflang="de"]').getAttribute('href')).toBe('/?lang=de');
    expect(await axeViolations(ar)).toEqual([]);

    // A clerk calls: both pages show one visitor fewer without a reload.
    const called = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(called.body.ticket.number).toBe('W-001');
    await expect.poll(() => cell(de, 'housing', 'count'), { timeout: 25_000, interval: 500 }).toBe('2');
    await expect.poll(() => cell(ar, 'housing', 'count'), { timeout: 25_000, interval: 500 }).toBe('2');

    // A one-page notice for the office door.
    const pdf = await de.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    const pdfAr = await ar.pdf({ format: 'A4' });
    expect(pdfPages(pdfAr)).toBe(1);
  });

  it('works without JavaScript: hours, contact and concerns are there', async () => {
    server = await e2e.server({ clock: () => MONDAY_10 });
    const context = await e2e.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    e2e.contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=en`);
    expect(await page.locator('tr.today').textContent()).toBe('Monday (today)9:00–12:30');
    expect(await page.getByTestId('contact-phone').textContent()).toBe('0461 85-0');
    expect(await page.locator('article[data-concern="housing"]').textContent()).toContain('Rental contract');
    await page.locator('footer a').click();
    await page.waitForURL(/\/apps$/);
    expect(await page.locator('a[href="/kiosk"]').count()).toBe(1);
  });
});

describe('a number from on the way', () => {
  it('is taken on the public page, confirmed at the kiosk and called at a counter', async () => {
    const office: OfficeConfig = demoOffice();
    office.enforceOpeningHours = true;
    office.remoteQuota = 10;
    for (const c of office.concerns) if (c.id === 'housing') c.remote = true;
    server = await e2e.server({ clock: () => MONDAY_10, office });
    const admin = await login(server.url);

    // On the way: the visitor takes a number and lands on the phone page.
    const phone = await newPage({ width: 390, height: 844 }, true);
    await phone.goto(`${server.url}/?lang=de`);
    await phone.getByTestId('remote-housing').click();
    await phone.waitForURL(/\/t\/[\w-]{22}$/);
    await expect
      .poll(async () => (await phone.getByTestId('phone-number').first().textContent())?.trim())
      .toBe('W-001');

    // Not here yet: call-next leaves it waiting.
    const early = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(early.body.ticket).toBeNull();

    // At the office: the kiosk's keypad has the concern's letter.
    const kiosk = await newPage({ width: 1080, height: 1920 }, true);
    await kiosk.goto(`${server.url}/kiosk`);
    await kiosk.getByTestId('start-screen').waitFor();
    await kiosk.getByTestId('appointment').tap();
    await kiosk.getByTestId('checkin-screen').waitFor();
    expect(await kiosk.getByTestId('checkin-remote').textContent()).toContain('unterwegs');
    for (const key of ['W', '0', '0', '1']) await kiosk.getByTestId(`key-${key}`).tap();
    await kiosk.getByTestId('key-ok').tap();
    await kiosk.getByTestId('ticket-screen').waitFor();
    expect((await kiosk.getByTestId('ticket-number').first().textContent())?.trim()).toBe('W-001');

    // The clerk calls: it is this visitor, and the phone page says where to go.
    const called = await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin);
    expect(called.body.ticket.number).toBe('W-001');
    await expect
      .poll(async () => (await phone.getByTestId('phone-counter').first().textContent()) ?? '', { timeout: 15_000 })
      .toContain('Platz 2');
  });
});

describe('the office phone where the kiosk cannot help', () => {
  it('is on the closed, quota and refused check-in screens', async () => {
    let now = MONDAY_10;
    const office: OfficeConfig = demoOffice();
    office.enforceOpeningHours = true;
    for (const c of office.concerns) if (c.id === 'certificates') c.dailyQuota = 0;
    server = await e2e.server({ clock: () => now, office });
    const kiosk = await newPage({ width: 1080, height: 1920 }, true);
    await kiosk.goto(`${server.url}/kiosk`);
    const phoneOn = async (screen: string) => {
      await kiosk.getByTestId(screen).waitFor();
      expect(await kiosk.getByTestId('contact-phone').textContent()).toContain('0461 85-0');
      await kiosk.getByTestId('kiosk-back').tap();
      await kiosk.getByTestId('start-screen').waitFor();
    };
    const draw = async (concernId: string) => {
      await kiosk.getByTestId(`concern-${concernId}`).tap();
      await kiosk.getByTestId('confirm-screen').waitFor();
      await kiosk.getByTestId('kiosk-draw').tap();
    };

    await kiosk.getByTestId('start-screen').waitFor();
    await draw('certificates');
    await kiosk.getByTestId('kiosk-message').waitFor();
    expect(await kiosk.getByTestId('kiosk-message').getAttribute('data-kind')).toBe('quota');
    await phoneOn('kiosk-message');

    await kiosk.getByTestId('appointment').tap();
    for (const key of ['1', '2', '3']) await kiosk.getByTestId(`key-${key}`).tap();
    await kiosk.getByTestId('key-ok').tap();
    await phoneOn('checkin-refused');

    now = Date.parse('2026-11-25T09:00:00Z'); // Wednesday: closed
    await draw('housing');
    await kiosk.getByTestId('kiosk-message').waitFor();
    expect(await kiosk.getByTestId('kiosk-message').getAttribute('data-kind')).toBe('closed');
    await phoneOn('kiosk-message');
  });
});
