/**
 * An appointment from the phone call to the counter, in a real Chromium: a clerk books it on the
 * counter's appointments screen and prints the confirmation on the emulated ESC/POS printer; the
 * visitor checks in at the kiosk with the code before walk-in hours; another counter does not
 * take them, the booked counter calls them first. Also: an appointment-only concern on the kiosk,
 * the confirmation page printed on A4, and the day's list with the appointment's state.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrinterEmulator } from '../../printer/emulator.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createAccount, http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';
import { appointmentOffice } from '../helpers/offices.ts';

/** Monday 23 November 2026, 06:50 in Berlin: the caller books for 07:30 the same morning. */
const BOOKING = Date.parse('2026-11-23T05:50:00Z');
/** Monday 07:25 in Berlin: walk-in hours (09:00) have not begun; appointment hours (07:00) have. */
const MONDAY_EARLY = Date.parse('2026-11-23T06:25:00Z');

let now = BOOKING;
let server: TestServer;
let printer: PrinterEmulator;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Walk-ins Mon 09:00–12:30 (enforced); appointments Mon 07:00–12:30; subsistence only by appointment. */
const office = appointmentOffice;

beforeAll(async () => {
  printer = await PrinterEmulator.start();
  server = await startTestServer({ office: office(), clock: () => now, printer: printer.url });
  browser = await launchChromium();
  const admin = await login(server.url);
  const created = await createAccount(server.url, admin, {
    username: 'b.termin',
    password: 'termine-2026-ok',
    role: 'clerk',
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await printer?.close();
});

async function newPage(options: { width: number; height: number; touch?: boolean }): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    hasTouch: options.touch ?? false,
  });
  contexts.push(context);
  return context.newPage();
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

describe('an appointment from the phone call to the counter', () => {
  it('is booked by the clerk, printed, checked in before walk-in hours and called first by the booked counter', async () => {
    // The clerk at desk-2 takes a call and books Monday 07:30 for housing, at desk-2.
    const desk = await newPage({ width: 1280, height: 800 });
    await desk.goto(`${server.url}/counter`);
    await desk.getByTestId('login-username').fill('b.termin');
    await desk.getByTestId('login-password').fill('termine-2026-ok');
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('pick-counter-desk-2').click();
    await desk.getByTestId('current-empty').waitFor();

    await desk.getByTestId('open-appointments').click();
    await desk.locator('[data-testid="book-concern"][data-concern="housing"]').click();
    const slot = desk.locator('[data-testid="slot"][data-start="2026-11-23T06:30:00.000Z"]');
    await slot.waitFor();
    expect((await slot.textContent())?.trim()).toBe('07:30');
    await slot.click();
    await desk.getByTestId('book-counter').selectOption('desk-2');
    await desk.getByTestId('book').click();
    const shown = await text(desk, 'booked-code');
    expect(shown).toMatch(/^\d{4} \d{4}$/);
    const code = (shown ?? '').replace(' ', '');

    // The confirmation on the thermal printer.
    await desk.getByTestId('print-confirmation').click();
    const [job] = await printer.waitForJobs(1);
    expect(job?.text).toContain(shown);
    expect(job?.text).toContain('Montag, 23. November 2026');
    expect(job?.text).toContain('07:30');
    expect(job?.text).toContain('Platz 2');
    expect(job?.text).toContain('0461 85-0');
    expect(job?.qr[0]).toMatch(new RegExp(`^${server.url}/appointment/[0-9a-f-]{36}\\?lang=de$`));
    expect(job?.cuts).toBe(1);

    // The confirmation page, printed on A4 by the browser.
    const confirmation = await newPage({ width: 800, height: 1000 });
    await confirmation.goto(job?.qr[0] ?? '');
    expect(await text(confirmation, 'code')).toBe(shown);
    const pdf = await confirmation.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Monday 07:25: walk-ins are refused, the code checks in at the kiosk.
    now = MONDAY_EARLY;
    const kiosk = await newPage({ width: 1080, height: 1920, touch: true });
    await kiosk.goto(`${server.url}/kiosk`);
    await kiosk.getByTestId('start-screen').waitFor();
    expect((await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' })).body.error.code).toBe(
      'OFFICE_CLOSED',
    );
    await kiosk.getByTestId('appointment').tap();
    await kiosk.getByTestId('checkin-screen').waitFor();
    for (const digit of code) await kiosk.getByTestId(`key-${digit}`).tap();
    await kiosk.getByTestId('key-ok').tap();
    await kiosk.getByTestId('ticket-screen').waitFor();
    const ticketNumber = await text(kiosk, 'ticket-number');
    expect(ticketNumber).toMatch(/^W-\d{3}$/);

    // A visitor already inside gets a walk-in ticket from staff; desk-1 (which also serves housing)
    // calls at 07:30: it gets the walk-in, not the appointment booked for desk-2.
    now = Date.parse('2026-11-23T06:30:00Z');
    const admin = await login(server.url);
    const walkIn = await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' }, admin);
    expect(walkIn.status).toBe(201);
    const other = await http(server.url, 'POST', '/api/counters/desk-1/call-next', undefined, admin);
    expect(other.body.ticket.number).toBe(walkIn.body.ticket.number);

    // The clerk goes back to the desk and calls next: the appointment comes first.
    await desk.getByTestId('back-to-desk').click();
    await desk.getByTestId('current-empty').waitFor();
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(ticketNumber);

    // The day's list shows the appointment as called.
    await desk.getByTestId('open-appointments').click();
    await desk.getByTestId('tab-day').click();
    await desk.getByTestId('day').fill('2026-11-23');
    const row = desk.getByTestId('appointment-row').first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('called');
    expect(await row.textContent()).toContain(shown);
  });

  it('shows an appointment-only concern on the kiosk with the phone number to book', async () => {
    now = Date.parse('2026-11-23T08:30:00Z'); // Monday 09:30: open
    const kiosk = await newPage({ width: 1080, height: 1920, touch: true });
    await kiosk.goto(`${server.url}/kiosk`);
    await kiosk.getByTestId('concern-subsistence').tap();
    await kiosk.getByTestId('booking-screen').waitFor();
    expect(await text(kiosk, 'booking-phone')).toContain('0461 85-0');
    await kiosk.getByTestId('booking-checkin').tap();
    await kiosk.getByTestId('checkin-screen').waitFor();
  });
});
