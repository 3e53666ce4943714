/**
 * Reception and a visit with two concerns in a real Chromium against a real server: a
 * receptionist (a clerk without a counter) gives out a two-concern ticket with the keyboard only;
 * it prints on Platz 1's own printer (the TCP ESC/POS emulator). A clerk at Platz 2 serves the
 * first concern and records "Unterlagen fehlen" with one key; the visitor waits for the second
 * concern under the same number; a clerk at Platz 3 serves it and records "Erledigt" with one
 * touch. The week's statistics (JSON and CSV) count two concerns, one visit and both outcomes.
 * Reception also shows the QR code without a printer and keeps its layout with large text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { launchChromium } from '../helpers/browser.ts';
import {
  createAccount,
  demoOffice,
  http,
  login,
  removeDir,
  startTestServer,
  type TestServer,
} from '../helpers/server.ts';

const STAFF = [
  { username: 'r.empfang', password: 'empfang-2026-gut' },
  { username: 'a.zwei', password: 'platz-zwei-2026' },
  { username: 'b.drei', password: 'platz-drei-2026' },
];

let server: TestServer;
let printer: PrinterEmulator;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  printer = await PrinterEmulator.start();
  const office = demoOffice();
  office.counters = office.counters.map((c) => (c.id === 'desk-1' ? { ...c, printer: printer.url } : c));
  server = await startTestServer({ office });
  browser = await launchChromium();
  const admin = await login(server.url);
  for (const user of STAFF) {
    const created = await createAccount(server.url, admin, { ...user, role: 'clerk' });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await printer?.close();
  if (server) removeDir(server.dataDir);
});

async function signIn(path: string, user: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  return page;
}

async function openDesk(user: { username: string; password: string }, counterId: string): Promise<Page> {
  const page = await signIn('/counter', user);
  await page.getByTestId(`pick-counter-${counterId}`).click();
  await page.getByTestId('counter-status').waitFor();
  return page;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();
const idle = (page: Page) => expect.poll(() => page.getByTestId('action-call-next').isEnabled()).toBe(true);

describe('reception and a visit with two concerns', () => {
  it('gives out a two-concern ticket on the desk printer, serves both parts with outcomes, counts them', async () => {
    // Reception: no counter chosen on this computer; the ticket prints at Platz 1.
    const reception = await signIn('/counter?view=reception', STAFF[0]!);
    const filter = reception.getByTestId('reception-filter');
    await filter.waitFor();
    expect(await text(reception, 'reception-keys')).toContain('Enter gibt die Nummer aus');
    await reception.getByTestId('reception-desk').selectOption('desk-1');
    await filter.focus();
    expect(await text(reception, 'reception-issue')).toContain('Nummer drucken');

    // Keyboard only: type to filter + Enter, a number key for the second concern, Enter to issue.
    await reception.keyboard.type('wohn');
    expect(await reception.locator('[data-testid="reception-concerns"] > li').count()).toBe(1);
    await reception.keyboard.press('Enter');
    await reception.keyboard.press('3');
    await reception.keyboard.press('Backspace');
    await reception.keyboard.press('2');
    expect(
      await reception
        .locator('[data-testid="reception-picked"] > li')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-concern'))),
    ).toEqual(['housing', 'education']);
    await reception.keyboard.press('Enter');
    // A second Enter at once must not give a second ticket.
    await reception.keyboard.press('Enter');
    await expect.poll(() => text(reception, 'reception-number')).toBe('W-001');
    await expect.poll(() => reception.getByTestId('reception-issued').getAttribute('data-print')).toBe('printed');
    expect(await reception.getByTestId('reception-qr').count()).toBe(0);
    expect(server.ctx.queue.day().tickets).toHaveLength(1);

    const [job] = await printer.waitForJobs(1, 5000);
    expect(job?.text).toContain('W-001');
    expect(job?.text).toContain('Wohngeld');
    const ticket = server.ctx.queue.day().tickets[0]!;
    expect(ticket.concerns?.map((p) => p.concernId)).toEqual(['housing', 'education']);

    // Platz 2 (Wohngeld only): W-001 is listed with its second concern, served first.
    const two = await openDesk(STAFF[1]!, 'desk-2');
    await expect.poll(() => text(two, `later-${ticket.id}`)).toBe('2 Anliegen · danach Bildung und Teilhabe');
    await two.getByTestId('action-call-next').click();
    await expect.poll(() => text(two, 'current-number')).toBe('W-001');
    await idle(two);
    await two.keyboard.press('s');
    await two.getByTestId('in-service').waitFor();
    expect(await two.getByTestId('visit-part-0').getAttribute('data-state')).toBe('now');
    expect(await two.getByTestId('visit-part-1').getAttribute('data-state')).toBe('later');
    expect(await text(two, 'documents')).toContain('Mietvertrag');
    await two.getByTestId('document-1').check();
    expect(await text(two, 'documents-count')).toBe('1/3');

    // C, then the digit 2: "Unterlagen fehlen". Platz 2 does not serve the second concern.
    await two.keyboard.press('c');
    await two.getByTestId('complete-dialog').waitFor();
    expect(await two.getByTestId('complete-continue-here').count()).toBe(0);
    expect(await text(two, 'complete-next')).toContain('Bildung und Teilhabe');
    await two.keyboard.press('2');
    await two.getByTestId('current-empty').waitFor();
    await expect.poll(() => text(two, 'notice')).toContain('W-001 wartet jetzt auf „Bildung und Teilhabe“');
    const between = server.ctx.queue.ticketById(ticket.id);
    expect(between?.status).toBe('waiting');
    expect(between?.issuedAt).toBe(ticket.issuedAt);
    expect(between?.concerns?.[0]).toMatchObject({ status: 'done', outcome: 'documents-missing' });

    // Platz 3 (Bildung und Teilhabe): the same number, the first part shown as done.
    const three = await openDesk(STAFF[2]!, 'desk-3');
    await three.getByTestId('action-call-next').click();
    await expect.poll(() => text(three, 'current-number')).toBe('W-001');
    expect(await three.getByTestId('visit-part-0').getAttribute('data-state')).toBe('done');
    expect(await text(three, 'visit-part-0')).toContain('Unterlagen fehlen');
    expect(await three.getByTestId('visit-part-1').getAttribute('data-state')).toBe('now');
    await idle(three);
    await three.getByTestId('action-start').click();
    await three.getByTestId('in-service').waitFor();
    await three.getByTestId('action-complete').click();
    await three.getByTestId('complete-dialog').waitFor();
    await three.getByTestId('outcome-done').click();
    await three.getByTestId('current-empty').waitFor();
    expect(server.ctx.queue.ticketById(ticket.id)?.status).toBe('done');

    // The week's statistics: two concerns, one visit, both outcomes.
    const admin = await login(server.url);
    const stats = await http(server.url, 'GET', '/api/stats?by=week', undefined, admin);
    expect(stats.status).toBe(200);
    const row = (id: string) => stats.body.rows.find((r: { concernId: string }) => r.concernId === id);
    expect(row('housing')).toMatchObject({ issued: 1, served: 1, visits: 1, multiConcernShare: 1 });
    expect(row('housing').outcomes).toEqual({ 'documents-missing': 1 });
    expect(row('education')).toMatchObject({ issued: 1, served: 1, visits: 0 });
    expect(row('education').outcomes).toEqual({ done: 1 });
    expect(stats.body.totals).toHaveLength(1);
    expect(stats.body.totals[0]).toMatchObject({ concernId: '*', issued: 2, served: 2, visits: 1 });
    expect(stats.body.totals[0].outcomes).toEqual({ 'documents-missing': 1, done: 1 });

    const csv = await http(server.url, 'GET', '/api/stats?by=week&format=csv&dialect=en', undefined, admin);
    expect(csv.status).toBe(200);
    const [head = '', ...lines] = String(csv.body).trim().split('\n');
    const columns = head.split(',');
    const cell = (line: string, name: string) => line.split(',')[columns.indexOf(name)];
    const housing = lines.find((l) => cell(l, 'concernId') === 'housing') ?? '';
    const education = lines.find((l) => cell(l, 'concernId') === 'education') ?? '';
    expect(cell(housing, 'issued')).toBe('1');
    expect(cell(housing, 'visits')).toBe('1');
    expect(cell(housing, 'outcome_documents-missing')).toBe('1');
    expect(cell(education, 'issued')).toBe('1');
    expect(cell(education, 'outcome_done')).toBe('1');

    // The same receptionist can show the QR code instead (no printer chosen).
    await reception.getByTestId('reception-desk').selectOption('');
    await reception.getByTestId('reception-concern-certificates').click();
    await reception.getByTestId('reception-issue').click();
    await expect.poll(() => text(reception, 'reception-number')).toBe('C-001');
    await reception.getByTestId('reception-qr').waitFor();
    expect(printer.jobs).toHaveLength(1);

    // Large text (browser font size 150%): nothing sticks out sideways, every concern is readable.
    await reception.evaluate(() => {
      document.documentElement.style.fontSize = '150%';
    });
    const large = await reception.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      overflowing: [...document.querySelectorAll<HTMLElement>('.staff-btn, .panel, .reception__chip')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.getAttribute('data-testid') ?? el.className),
    }));
    expect(large).toEqual({ width: 1280, overflowing: [] });
    if (process.env.LOTSE_LARGE_SHOT)
      await reception.screenshot({ path: process.env.LOTSE_LARGE_SHOT, fullPage: true });
  });
});
