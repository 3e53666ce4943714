/**
 * Slips at the counter in a real Chromium against a real server: "Nicht erschienen" is asked
 * first and then taken back with "Rückgängig" (the lobby screen shows the number again), so are a
 * completion and a transfer; a transfer to a named counter lists the visitor first there; "Platz
 * wechseln" asks what happens with a called visitor; and a number left called at a closed counter
 * is freed by an admin in the live queue, after which no screen shows it any more.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { ADMIN_PASSWORD, createAccount, http, login, type TestServer } from '../helpers/server.ts';

const CLERK = { username: 'k.meyer', password: 'schalter-zwei-2026' };

const e2e = chromiumPerFile({ perFile: true });
let server: TestServer;

beforeAll(async () => {
  server = await e2e.server();
  const admin = await login(server.url);
  const created = await createAccount(server.url, admin, { ...CLERK, role: 'clerk' });
  expect(created.status).toBe(201);
});

const newPage = (viewport = { width: 1280, height: 800 }) => e2e.newPage({ viewport, locale: 'de-DE' });

async function signIn(page: Page, username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Signs in as the clerk and picks `counterTestId` (e.g. `desk-2`). */
async function openDesk(counterId: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${server.url}/counter`);
  await signIn(page, CLERK.username, CLERK.password);
  await page.getByTestId(`pick-counter-${counterId}`).click();
  await page.getByTestId('counter-status').waitFor();
  return page;
}

async function issue(concernId: string): Promise<{ id: string; number: string }> {
  const answer = await http(server.url, 'POST', '/api/tickets', { concernId });
  expect(answer.status).toBe(201);
  return answer.body.ticket;
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();
const idle = (page: Page) => expect.poll(() => page.getByTestId('action-call-next').isEnabled()).toBe(true);
const calledOnScreen = (display: Page) =>
  display.getByTestId('call-number').evaluateAll((els) => els.map((e) => e.textContent?.trim()));
const nextNumbers = (page: Page) =>
  page.locator('[data-testid="next-list"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

describe('undo at the counter', () => {
  it('no-show (asked first), completion and transfer are each taken back with "Rückgängig"', async () => {
    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`${server.url}/display`);
    const t = await issue('housing');
    const desk = await openDesk('desk-2');

    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(t.number);
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([t.number]);

    // "Nicht erschienen" asks; Escape keeps the visitor.
    await idle(desk);
    await desk.getByTestId('action-no-show').click();
    await desk.getByTestId('confirm-dialog').waitFor();
    expect(await text(desk, 'confirm-dialog')).toContain(`${t.number} nicht erschienen?`);
    await desk.keyboard.press('Escape');
    await desk.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(server.ctx.queue.ticketById(t.id)?.status).toBe('called');

    // With X and Enter (the confirmation has the focus) the no-show is marked; the screen drops it.
    await desk.keyboard.press('x');
    await desk.getByTestId('confirm-dialog').waitFor();
    // The dialog moves the focus in once it is drawn; Enter goes to whatever has the focus.
    await expect
      .poll(() => desk.evaluate(() => document.activeElement?.closest('[data-testid="confirm-dialog"]') !== null))
      .toBe(true);
    await desk.keyboard.press('Enter');
    await desk.getByTestId('undo-bar').waitFor();
    expect(await text(desk, 'undo-bar')).toContain(`${t.number} ist als „nicht erschienen“ vermerkt.`);
    expect(server.ctx.queue.ticketById(t.id)?.status).toBe('no-show');
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([]);

    // "Rückgängig": the visitor is back at the counter and on the lobby screen.
    await idle(desk);
    await desk.getByTestId('action-undo').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(t.number);
    await desk.getByTestId('undo-bar').waitFor({ state: 'detached' });
    expect(server.ctx.queue.ticketById(t.id)).toMatchObject({ status: 'called', counterId: 'desk-2', callCount: 1 });
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toEqual([t.number]);

    // Completion, undone with Z.
    await idle(desk);
    await desk.getByTestId('action-complete').click();
    await desk.getByTestId('complete-dialog').waitFor();
    await desk.keyboard.press('0');
    await desk.getByTestId('undo-bar').waitFor();
    expect(server.ctx.queue.ticketById(t.id)?.status).toBe('done');
    await idle(desk);
    await desk.keyboard.press('z');
    await expect.poll(() => text(desk, 'current-number')).toBe(t.number);
    expect(server.ctx.queue.ticketById(t.id)?.status).toBe('called');
    expect(server.ctx.queue.day().serviceMinutes.housing ?? []).toEqual([]);

    // Transfer to another concern, undone.
    await idle(desk);
    await desk.getByTestId('action-transfer').click();
    await desk.getByTestId('transfer-to-education').click();
    await desk.getByTestId('undo-bar').waitFor();
    expect(server.ctx.queue.ticketById(t.id)).toMatchObject({ status: 'waiting', concernId: 'education' });
    await idle(desk);
    await desk.getByTestId('action-undo').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(t.number);
    expect(server.ctx.queue.ticketById(t.id)).toMatchObject({ status: 'called', concernId: 'housing' });

    // Transfer to a named counter: Platz 4 lists the visitor first, marked as sent there.
    const other = await issue('housing');
    await idle(desk);
    await desk.getByTestId('action-transfer').click();
    await desk.getByTestId('transfer-counter-desk-4').click();
    await expect.poll(() => text(desk, 'notice')).toContain('wartet jetzt auf Platz 4');
    expect(server.ctx.queue.ticketById(t.id)?.forCounterId).toBe('desk-4');
    await expect.poll(() => nextNumbers(desk)).toEqual([other.number]);
    const view4 = server.ctx.queue.counterView('desk-4');
    expect(view4?.next.slice(0, 2).map((n) => n.number)).toEqual([t.number, other.number]);
    expect(view4?.next[0]?.sentHere).toBe(true);

    // After the undo time the bar is gone and the undo is refused.
    await desk.getByTestId('undo-bar').waitFor({ state: 'detached', timeout: 20_000 });
  });
});

describe('no number stays stranded', () => {
  it('"Platz wechseln" with a visitor called asks; "Zurück in die Warteschlange" puts them back before the picker', async () => {
    const t = await issue('education');
    const desk = await openDesk('desk-3');
    await desk.getByTestId('action-call-next').click();
    await expect.poll(() => text(desk, 'current-number')).toBe(t.number);
    await idle(desk);
    await desk.getByTestId('change-counter').click();
    await desk.getByTestId('leave-dialog').waitFor();
    await desk.getByTestId('leave-requeue').click();
    await desk.getByTestId('pick-counter-desk-3').waitFor();
    expect(server.ctx.queue.ticketById(t.id)).toMatchObject({ status: 'waiting', callCount: 0 });
    expect(server.ctx.queue.queueSnapshot().called.map((c) => c.number)).not.toContain(t.number);
    // Back at the desk, the visitor is first in line again.
    await desk.getByTestId('pick-counter-desk-3').click();
    await expect.poll(() => nextNumbers(desk)).toEqual([t.number]);
  });

  it('a number left called at a closed counter is released by an admin in the live queue; the screens drop it', async () => {
    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`${server.url}/display`);
    const t = await issue('subsistence');
    const desk = await openDesk('desk-3');
    await expect.poll(() => nextNumbers(desk)).toContain(t.number);
    await desk.getByTestId(`call-specific-${t.id}`).click();
    await expect.poll(() => text(desk, 'current-number')).toBe(t.number);
    // Closing with the visitor still called: the number stays on the screens.
    await idle(desk);
    await desk.getByTestId('action-close').click();
    await desk.getByTestId('confirm-ok').click();
    await expect.poll(() => desk.getByTestId('counter-status').getAttribute('data-status')).toBe('closed');
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).toContain(t.number);

    const admin = await newPage({ width: 1440, height: 900 });
    await admin.goto(`${server.url}/admin#queue`);
    await signIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.getByTestId('admin-release-requeue-desk-3').click();
    await admin.getByTestId('confirm-dialog').waitFor();
    expect(await text(admin, 'confirm-dialog')).toContain(`${t.number} an Platz 3`);
    await admin.getByTestId('confirm-ok').click();
    await admin.getByTestId('admin-called-desk-3').waitFor({ state: 'detached' });
    expect(server.ctx.queue.ticketById(t.id)).toMatchObject({ status: 'waiting' });
    await expect.poll(() => calledOnScreen(display), { timeout: 5000 }).not.toContain(t.number);
    const token = await login(server.url);
    const audit = await http(server.url, 'GET', '/api/admin/audit?limit=5', undefined, token);
    const released = audit.body.entries.find((e: { action: string }) => e.action === 'counter:release-requeue');
    expect(released).toMatchObject({ username: 'admin', target: 'desk-3', detail: t.number });
  });
});
