/**
 * Every clerk action at the counter in a real Chromium against a real server: call, "Person ist
 * da" (recall disappears), park (the visitor leaves the counter and the lobby screen, waits under
 * "Geparkt", call-next skips them), "Ist zurück", call by number from "Als Nächstes" (with the
 * warning over an open visitor), "Jetzt aufrufen" for a parked visitor. Then the screen of a busy
 * morning at 1280×800: nothing overflows and the buttons are in sight without scrolling.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createAccount, http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const CLERK = { username: 'b.weber', password: 'schalter-eins-2026' };

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'de-DE' });
  contexts.push(context);
  return context.newPage();
}

async function createClerk(server: TestServer): Promise<void> {
  const admin = await login(server.url);
  const created = await createAccount(server.url, admin, { ...CLERK, role: 'clerk' });
  expect(created.status).toBe(201);
}

/** Signs in as the clerk and picks Platz 1. */
async function openDesk(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/counter`);
  await page.getByTestId('login-username').fill(CLERK.username);
  await page.getByTestId('login-password').fill(CLERK.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('pick-counter-desk-1').click();
  await page.getByTestId('counter-status').waitFor();
}

async function issue(
  server: TestServer,
  body: Record<string, string>,
): Promise<{ id: string; number: string; issuedAt: string }> {
  const answer = await http<{ ticket: { id: string; number: string; issuedAt: string } }>(
    server.url,
    'POST',
    '/api/tickets',
    body,
  );
  expect(answer.status).toBe(201);
  return answer.body.ticket;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

/** Numbers in "Als Nächstes", in order. */
const nextNumbers = (page: Page) =>
  page.locator('[data-testid="next-list"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

/** Numbers under "Geparkt". */
const parkedNumbers = (page: Page) =>
  page.locator('[data-testid="parked-list"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

/** Waits until no request of the desk runs (every button waits for it, and so do the shortcuts). */
const idle = (page: Page) => expect.poll(() => page.getByTestId('action-call-next').isEnabled()).toBe(true);

/** Numbers the lobby screen shows as called right now. */
const calledOnScreen = (display: Page) =>
  display.getByTestId('call-number').evaluateAll((els) => els.map((e) => e.textContent?.trim()));

describe('counter actions', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    await createClerk(server);
  });

  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('calls, starts, parks, skips the parked visitor, returns them and calls by number', async () => {
    const w1 = await issue(server, { concernId: 'housing' });
    const w2 = await issue(server, { concernId: 'housing' });
    const b1 = await issue(server, { concernId: 'education' });
    expect([w1.number, w2.number, b1.number]).toEqual(['W-001', 'W-002', 'B-001']);

    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`${server.url}/display`);
    const desk = await newPage({ width: 1280, height: 800 });
    await openDesk(desk, server);

    // "Als Nächstes": in the order call-next would take them.
    await expect.poll(() => nextNumbers(desk)).toEqual(['W-001', 'W-002', 'B-001']);
    expect(await text(desk, `next-${b1.id}`)).toContain('Bildung und Teilhabe');
    expect(await text(desk, 'parked-empty')).toBe('Niemand ist geparkt.');

    // Call: the visitor has not arrived yet, so "Person ist da" and "Erneut aufrufen" are offered.
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe('W-001');
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual(['W-001']);
    await idle(desk);
    expect(await desk.getByTestId('action-recall').isEnabled()).toBe(true);
    expect(await desk.getByTestId('action-start').isEnabled()).toBe(true);
    await expect.poll(() => nextNumbers(desk)).toEqual(['W-002', 'B-001']);

    // Start: "Im Gespräch seit HH:MM", recall is gone (and R does nothing).
    await desk.getByTestId('action-start').click();
    await desk.getByTestId('in-service').waitFor();
    expect(await text(desk, 'in-service')).toMatch(/^Im Gespräch seit \d\d:\d\d Uhr/);
    expect(await desk.getByTestId('action-recall').count()).toBe(0);
    expect(await desk.getByTestId('action-start').count()).toBe(0);
    expect(await desk.getByTestId('current').getAttribute('data-started')).toBe('true');
    expect(server.ctx.queue.ticketById(w1.id)?.servedAt).toBeTypeOf('number');
    await idle(desk);
    await desk.keyboard.press('r');
    await expect.poll(() => text(desk, 'notice')).toContain('schon bei Ihnen');
    expect(server.ctx.queue.ticketById(w1.id)?.callCount).toBe(1);

    // Park: the visitor leaves the counter and the lobby screen, and waits under "Geparkt".
    await desk.getByTestId('action-park').click();
    await desk.getByTestId('current-empty').waitFor();
    await expect.poll(() => text(desk, 'notice')).toContain('W-001 ist geparkt');
    await expect.poll(() => parkedNumbers(desk)).toEqual(['W-001']);
    expect(await nextNumbers(desk)).toEqual(['W-002', 'B-001']);
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([]);

    // Call next skips the parked visitor.
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe('W-002');
    expect(await parkedNumbers(desk)).toEqual(['W-001']);
    // The new visitor has not started: recall is back.
    await idle(desk);
    expect(await desk.getByTestId('action-recall').isEnabled()).toBe(true);

    // "Ist zurück" while W-002 is at the counter: refused, W-001 stays parked.
    await desk.getByTestId(`return-${w1.id}`).click();
    await expect.poll(() => text(desk, 'notice')).toContain('An Ihrem Platz ist noch jemand');
    expect(await parkedNumbers(desk)).toEqual(['W-001']);

    // Call by number from "Als Nächstes": W-002 is still open, so the desk asks first.
    await desk.getByTestId(`call-specific-${b1.id}`).click();
    await desk.getByTestId('confirm-dialog').waitFor();
    expect(await text(desk, 'confirm-dialog')).toContain('W-002 ist noch offen');
    expect(await text(desk, 'confirm-ok')).toBe('B-001 aufrufen');
    await desk.getByTestId('confirm-ok').click();
    await expect.poll(() => text(desk, 'current-number')).toBe('B-001');
    expect(await text(desk, 'current-concern')).toBe('Bildung und Teilhabe');
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual(['B-001']);
    expect(server.ctx.queue.ticketById(w2.id)?.status).toBe('done');
    await desk.getByTestId('next-empty').waitFor();

    // K parks with the keyboard; "Jetzt aufrufen" calls the parked visitor straight back.
    await idle(desk);
    await desk.keyboard.press('k');
    await desk.getByTestId('current-empty').waitFor();
    await expect.poll(() => parkedNumbers(desk)).toEqual(['W-001', 'B-001']);
    await desk.getByTestId(`call-specific-${b1.id}`).click();
    await expect.poll(() => text(desk, 'current-number')).toBe('B-001');
    await expect.poll(() => parkedNumbers(desk)).toEqual(['W-001']);
    expect(server.ctx.queue.ticketById(b1.id)?.callCount).toBe(1);
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual(['B-001']);

    // S starts with the keyboard; then done.
    await idle(desk);
    await desk.keyboard.press('s');
    await desk.getByTestId('in-service').waitFor();
    await desk.getByTestId('action-complete').click();
    await desk.getByTestId('complete-dialog').waitFor();
    await desk.keyboard.press('0');
    await desk.getByTestId('current-empty').waitFor();
    expect(server.ctx.queue.ticketById(b1.id)?.status).toBe('done');
    expect(server.ctx.queue.ticketById(b1.id)?.concerns?.[0]?.outcome).toBeUndefined();

    // Now W-001 is back: service resumes here at once, with the old arrival time.
    await idle(desk);
    await desk.getByTestId(`return-${w1.id}`).click();
    await expect.poll(() => text(desk, 'current-number')).toBe('W-001');
    await desk.getByTestId('in-service').waitFor();
    await desk.getByTestId('parked-empty').waitFor();
    await expect.poll(() => text(desk, 'notice')).toContain('W-001 ist zurück');
    expect(server.ctx.queue.ticketById(w1.id)).toMatchObject({ status: 'called', counterId: 'desk-1' });
    expect(server.ctx.queue.ticketById(w1.id)?.issuedAt).toBe(Date.parse(w1.issuedAt));
  });
});

describe('the counter screen on a busy morning (1280×800)', () => {
  // Monday 23 November 2026; times are Berlin time (UTC+1).
  const at = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00+01:00`);
  let now = at('09:00');
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ clock: () => now });
    await createClerk(server);
  });

  afterAll(async () => {
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('shows a started visitor, the next ones and a parked one, all in sight and tidy', async () => {
    const arrivals: [string, string][] = [
      ['09:02', 'documents'],
      ['09:05', 'housing'],
      ['09:11', 'education'],
      ['09:18', 'subsistence'],
      ['09:24', 'housing'],
      ['09:29', 'certificates'],
      ['09:33', 'housing'],
      ['09:36', 'education'],
      ['09:40', 'housing'],
    ];
    for (const [time, concernId] of arrivals) {
      now = at(time);
      await issue(server, { concernId });
    }
    // An appointment at 10:00, checked in early: due (and first) from 09:50.
    const admin = await login(server.url);
    const booked = await http(
      server.url,
      'POST',
      '/api/appointments',
      { code: '4711', concernId: 'housing', start: new Date(at('10:00')).toISOString() },
      admin,
    );
    expect(booked.status).toBe(201);
    now = at('09:44');
    const appointment = await issue(server, { appointmentCode: '4711' });

    now = at('09:20');
    const page = await newPage({ width: 1280, height: 800 });
    await page.clock.setFixedTime(at('09:52'));
    await openDesk(page, server);

    // 09:20 U-001 is called and starts; 09:27 a document is missing: parked.
    await page.getByTestId('action-call-next').click();
    await expect.poll(() => text(page, 'current-number')).toBe('U-001');
    now = at('09:21');
    await page.getByTestId('action-start').click();
    await page.getByTestId('in-service').waitFor();
    now = at('09:27');
    await page.getByTestId('action-park').click();
    await expect.poll(() => parkedNumbers(page)).toEqual(['U-001']);

    // 09:47 W-001 is called, 09:48 the service starts.
    now = at('09:47');
    await page.getByTestId('action-call-next').click();
    await expect.poll(() => text(page, 'current-number')).toBe('W-001');
    now = at('09:48');
    await page.getByTestId('action-start').click();
    await page.getByTestId('in-service').waitFor();

    // 09:52 one more visitor arrives (and the lists are counted again).
    now = at('09:52');
    await issue(server, { concernId: 'subsistence' });
    await expect
      .poll(() => nextNumbers(page))
      .toEqual([appointment.number, 'B-001', 'H-001', 'W-002', 'C-001', 'W-003', 'B-002', 'W-004', 'H-002']);
    expect(await text(page, `next-${appointment.id}`)).toContain('Termin 10:00 Uhr');
    expect(await text(page, 'in-service')).toContain('Im Gespräch seit 09:48 Uhr');
    expect(await text(page, 'in-service')).toContain('Dauer 4 Min.');
    expect(await text(page, 'current-wait')).toContain('47 Min.');

    // Tidy: no page scrolling, nothing sticks out of its box, the buttons are in sight.
    const layout = await page.evaluate(() => {
      const root = document.documentElement;
      const overflowing = [...document.querySelectorAll<HTMLElement>('.staff-btn, .panel, .current, .queue__item')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.getAttribute('data-testid') ?? el.className);
      return { width: root.scrollWidth, height: root.scrollHeight, overflowing };
    });
    expect(layout).toEqual({ width: 1280, height: 800, overflowing: [] });
    for (const id of [
      'action-call-next',
      'in-service',
      'action-no-show',
      'action-complete',
      'action-park',
      'action-transfer',
      'action-pause',
      'action-close',
    ]) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      if (!box) continue;
      expect(box.y + box.height, id).toBeLessThanOrEqual(800);
      expect(box.x + box.width, id).toBeLessThanOrEqual(1280);
      expect(box.height, id).toBeGreaterThanOrEqual(64);
    }
    const parkedRow = await page.locator('[data-testid="parked-list"] > li').first().boundingBox();
    expect(parkedRow && parkedRow.y + parkedRow.height).toBeLessThanOrEqual(800);
  });
});
