/**
 * A clerk's day in a real Chromium: an account made by an admin (over the API), sign-in, the
 * counter, then call, recall, transfer, call again, complete, pause with a reason, resume and
 * close — with the counter page and the lobby screen checked after every step.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { createAccount, http, login, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile({ perFile: true });
let server: TestServer;

const newPage = (viewport: { width: number; height: number }) => e2e.newPage({ viewport });

beforeAll(async () => {
  server = await e2e.server();
});

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

/** Numbers shown as called right now on the lobby screen. */
const calledOnScreen = (display: Page) =>
  display.getByTestId('call-number').evaluateAll((els) => els.map((e) => e.textContent?.trim()));

/** The lobby screen's "last calls": number and whether it was a recall, newest first. */
const recentOnScreen = (display: Page) =>
  display
    .getByTestId('recent-call')
    .evaluateAll((els) => els.map((e) => ({ seq: Number(e.getAttribute('data-seq')), text: e.textContent ?? '' })));

describe("a clerk's day", () => {
  it('signs in, calls, recalls, transfers, pauses with a reason, resumes and closes', async () => {
    const base = server.url;
    const admin = await login(base);
    const created = await createAccount(base, admin, {
      username: 'a.schmidt',
      password: 'guter-tag-2026',
      role: 'clerk',
    });
    expect(created.status).toBe(201);

    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`${base}/display`);

    const issued = await http<{ ticket: { number: string } }>(base, 'POST', '/api/tickets', { concernId: 'housing' });
    expect(issued.status).toBe(201);
    const number = issued.body.ticket.number;
    expect(number).toBe('W-001');

    // Sign in and pick the counter.
    const desk = await newPage({ width: 1280, height: 800 });
    await desk.goto(`${base}/counter`);
    await desk.getByTestId('login-username').fill('a.schmidt');
    await desk.getByTestId('login-password').fill('guter-tag-2026');
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('pick-counter-desk-1').click();
    await desk.getByTestId('current-empty').waitFor();
    expect(await text(desk, 'staff-user')).toBe('a.schmidt');
    await expect.poll(() => text(desk, 'waiting-housing')).toContain('1');

    // Call.
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(number);
    expect(await text(desk, 'current-concern')).toBe('Wohngeld');
    expect(await text(desk, 'notice')).toContain(`${number} ist aufgerufen.`);
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([number]);
    expect(await text(display, 'call-counter')).toContain('Platz 1');

    // Recall: announced again; "Letzte Aufrufe" lists the number once, as its latest call (a recall).
    await desk.getByTestId('action-recall').click();
    await expect.poll(() => text(desk, 'notice')).toContain('erneut aufgerufen (2. Aufruf)');
    await expect
      .poll(async () => (await recentOnScreen(display)).find((c) => c.text.includes(number))?.text ?? '', {
        timeout: 5000,
      })
      .toContain('erneut');
    expect((await recentOnScreen(display)).filter((c) => c.text.includes(number))).toHaveLength(1);
    expect(await calledOnScreen(display)).toEqual([number]);

    // Transfer to another concern: the visitor keeps the number and waits again.
    await desk.getByTestId('action-transfer').click();
    await desk.getByTestId('transfer-to-education').click();
    await desk.getByTestId('current-empty').waitFor();
    expect(await text(desk, 'notice')).toContain(`${number} wartet jetzt für „Bildung und Teilhabe“`);
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([]);
    await expect
      .poll(async () => await display.getByTestId('waiting-education').textContent(), { timeout: 5000 })
      .toContain('1 Person wartet');
    await expect.poll(() => text(desk, 'waiting-education')).toContain('1');

    // Call again (this counter serves education too), then complete.
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(number);
    expect(await text(desk, 'current-concern')).toBe('Bildung und Teilhabe');
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([number]);
    await desk.getByTestId('action-complete').click();
    // The office has outcomes: completing asks for one (one touch).
    await desk.getByTestId('complete-dialog').waitFor();
    await desk.getByTestId('outcome-done').click();
    await desk.getByTestId('current-empty').waitFor();
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([]);

    // Pause with a reason: first the own words, cancelled; then a common reason with the keyboard.
    await desk.getByTestId('action-pause').click();
    await desk.getByTestId('pause-dialog').waitFor();
    await desk.getByTestId('pause-reason-text').fill('Akten holen');
    await desk.getByTestId('pause-cancel').click();
    expect(await desk.getByTestId('counter-status').getAttribute('data-status')).toBe('open');
    await desk.keyboard.press('p');
    await desk.getByTestId('pause-reason-lunch').check();
    await desk.getByTestId('pause-confirm').click();
    await expect.poll(async () => await desk.getByTestId('counter-status').getAttribute('data-status')).toBe('paused');
    expect(await text(desk, 'pause-reason')).toBe('Grund: Mittagspause');
    expect(await text(desk, 'notice')).toContain('pausiert (Mittagspause)');
    expect(server.ctx.queue.counterView('desk-1')?.pauseReason).toBe('Mittagspause');

    // A visitor who arrives during the pause waits; the screen shows it, and nobody is called.
    const second = await http<{ ticket: { number: string } }>(base, 'POST', '/api/tickets', {
      concernId: 'certificates',
    });
    expect(second.status).toBe(201);
    await expect
      .poll(async () => await display.getByTestId('waiting-certificates').textContent(), { timeout: 5000 })
      .toContain('1 Person wartet');
    await expect.poll(() => text(desk, 'waiting-certificates')).toContain('1');
    expect(await calledOnScreen(display)).toEqual([]);

    // Resume.
    await desk.getByTestId('action-resume').click();
    await expect.poll(async () => await desk.getByTestId('counter-status').getAttribute('data-status')).toBe('open');
    expect(await desk.getByTestId('pause-reason').count()).toBe(0);

    // Close at the end of the day.
    await desk.getByTestId('action-close').click();
    await expect.poll(async () => await desk.getByTestId('counter-status').getAttribute('data-status')).toBe('closed');
    expect(await text(desk, 'notice')).toContain('geschlossen');
    expect(await calledOnScreen(display)).toEqual([]);
    expect(await display.getByTestId('waiting-certificates').textContent()).toContain('1 Person wartet');
  });
});
