import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { KIOSK_MESSAGES } from '../../kiosk/messages-all.ts';
import { http } from '../helpers/server.ts';
import {
  box,
  CLOSED,
  contrast,
  draw,
  expectReachable,
  kiosk,
  OPEN,
  openKiosk,
  readQr,
  restartServer,
  scan,
  shot,
  totalWaiting,
  TOP_THIRD,
  touch,
  useKioskOffice,
  waiting,
} from './kiosk-fixture.ts';

useKioskOffice();

describe('kiosk: a ticket by touch', () => {
  it('shows the number very large, people ahead, the wait, the documents and the QR code; Fertig goes back', async () => {
    const page = await openKiosk();
    const before = await waiting('housing');
    await draw(page, 'housing');
    const number = page.getByTestId('ticket-number');
    await number.waitFor();
    expect((await number.textContent())?.trim()).toMatch(/^W-\d{3}$/);
    const size = await number.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(200);
    expect(await contrast(page, 'ticket-number', 'ticket-number')).toBeGreaterThanOrEqual(7);
    expect(await page.getByTestId('ticket-ahead').textContent()).toMatch(/Vor Ihnen/);
    expect(await page.getByTestId('ticket-wait').textContent()).toMatch(/Sie /);
    expect(await page.getByTestId('ticket-documents').textContent()).toContain('Mietvertrag');
    expect(await page.getByTestId('ticket-print').count()).toBe(1);
    // The QR code on screen is the visitor's phone page.
    const shown = (await number.textContent())?.trim();
    const ticket = kiosk.server.ctx.queue.day().tickets.find((t) => t.number === shown);
    expect(ticket).toBeTruthy();
    const phoneUrl = `${kiosk.server.url}/t/${ticket?.token}`;
    expect(await page.getByTestId('ticket-qr').getAttribute('data-value')).toBe(phoneUrl);
    expect(await readQr(page, 'ticket-qr')).toBe(phoneUrl);
    expect(await waiting('housing')).toBe(before + 1);
    expect((await box(page, 'kiosk-done')).y).toBeGreaterThan(TOP_THIRD);
    await shot(page, 'ticket-de');
    await scan(page, 'ticket');
    await touch(page, 'kiosk-done');
    await page.getByTestId('start-screen').waitFor();
  });

  it('gives one ticket for a double or triple tap', async () => {
    const page = await openKiosk();
    const before = await waiting('education');
    // A triple tap on the concern chooses it once: the touches landing on the confirmation do nothing ...
    await page.getByTestId('concern-education').click({ clickCount: 3, delay: 30 });
    await page.getByTestId('confirm-screen').waitFor();
    expect(await page.getByTestId('chosen-concerns').locator('li').count()).toBe(1);
    // ... and a triple tap on "Ticket ziehen" draws one ticket.
    await page.getByTestId('kiosk-draw').click({ clickCount: 3, delay: 30 });
    await page.getByTestId('ticket-screen').waitFor();
    expect(await waiting('education')).toBe(before + 1);
    await touch(page, 'kiosk-done');
    // Three touches within one task, before the screen can even change.
    for (const testId of ['concern-education', 'kiosk-draw']) {
      await page.getByTestId(testId).waitFor();
      await page.evaluate((id) => {
        const button = document.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement;
        button.click();
        button.click();
        button.click();
      }, testId);
    }
    await page.getByTestId('ticket-screen').waitFor();
    expect(await waiting('education')).toBe(before + 2);
  });

  it('repeats a request whose answer was lost with the same key: still one ticket', async () => {
    const page = await openKiosk();
    const before = await waiting('subsistence');
    const bodies: { idempotencyKey: string }[] = [];
    await page.route('**/api/tickets', async (route) => {
      bodies.push(route.request().postDataJSON());
      if (bodies.length === 1) {
        await route.fetch(); // the server makes the ticket ...
        await route.abort('connectionreset'); // ... but the kiosk never hears of it
        return;
      }
      await route.continue();
    });
    await draw(page, 'subsistence');
    await page.getByTestId('ticket-screen').waitFor({ timeout: 15_000 });
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bodies.map((b) => b.idempotencyKey)).size).toBe(1);
    expect(await waiting('subsistence')).toBe(before + 1);
  });
});

describe('kiosk: no ticket, explained', () => {
  it('shows the online form of an info-only concern as a QR code, and gives no ticket', async () => {
    const page = await openKiosk();
    const before = await totalWaiting();
    const online = kiosk.office.concerns.find((c) => c.infoUrl);
    if (!online?.infoUrl) throw new Error('demo office without info-only concern');
    await touch(page, `concern-${online.id}`);
    await page.getByTestId('info-screen').waitFor();
    expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.de.infoTitle);
    expect(await page.getByTestId('info-qr').getAttribute('data-value')).toBe(online.infoUrl);
    expect(await readQr(page, 'info-qr')).toBe(online.infoUrl);
    expect(await totalWaiting()).toBe(before);
    await expectReachable(page);
    await shot(page, 'info');
    await scan(page, 'info');
    await touch(page, 'kiosk-back');
    await page.getByTestId('start-screen').waitFor();
  });

  it('says "no more tickets today" when the daily quota of a concern is reached', async () => {
    const page = await openKiosk();
    await draw(page, 'certificates'); // quota 1: this one is the last
    await page.getByTestId('ticket-screen').waitFor();
    await touch(page, 'kiosk-done');
    await draw(page, 'certificates');
    const notice = page.getByTestId('kiosk-message');
    await notice.waitFor();
    expect(await notice.getAttribute('data-kind')).toBe('quota');
    expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.de.quotaTitle);
    expect(await page.locator('.notice-text').first().textContent()).toBe(KIOSK_MESSAGES.de.quotaText);
    await expectReachable(page);
    await shot(page, 'quota');
    await scan(page, 'quota');
  });

  it('shows a closed screen with the next opening outside opening hours', async () => {
    kiosk.now = CLOSED;
    try {
      const page = await openKiosk({ clock: true });
      await draw(page, 'housing');
      const notice = page.getByTestId('kiosk-message');
      await notice.waitFor();
      expect(await notice.getAttribute('data-kind')).toBe('closed');
      expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.de.closedTitle);
      const next = await page.getByTestId('next-opening').textContent();
      expect(next).toContain('Dienstag, 24. November');
      expect(next).toContain('13:00');
      expect(await page.locator('.hours-line').count()).toBe(3);
      await expectReachable(page);
      await shot(page, 'closed');
      await scan(page, 'closed');
      // The same in Arabic, right to left.
      await touch(page, 'kiosk-back');
      await touch(page, 'lang-ar');
      await draw(page, 'housing');
      await notice.waitFor();
      expect(await page.locator('h1').textContent()).toBe(KIOSK_MESSAGES.ar.closedTitle);
      await shot(page, 'closed-ar');
      await scan(page, 'closed (ar)');
    } finally {
      kiosk.now = OPEN;
    }
  });
});

describe('kiosk: live updates and reset', () => {
  it('shows changed concerns at once, and returns to the German start screen after kioskResetSeconds', async () => {
    const page = await openKiosk();
    const current = await http<{ version: string; office: OfficeConfig }>(
      kiosk.server.url,
      'GET',
      '/api/admin/config',
      undefined,
      kiosk.admin,
    );
    const next = structuredClone(current.body.office);
    next.kioskResetSeconds = 5;
    const housing = next.concerns.find((c) => c.id === 'housing');
    if (!housing?.names) throw new Error('demo office changed');
    housing.names.de = 'Wohngeld und Lastenzuschuss';
    next.concerns.push({
      id: 'passport',
      prefix: 'P',
      name: 'Pass und Ausweis',
      description: 'Sie brauchen einen neuen Pass oder Ausweis.',
      pictogram: 'documents',
      documents: ['Altes Dokument', 'Ein Foto'],
    } as OfficeConfig['concerns'][number]);
    next.counters[0]?.concernIds.push('passport');
    const put = await http(
      kiosk.server.url,
      'PUT',
      '/api/admin/config',
      { office: next, version: current.body.version },
      kiosk.admin,
    );
    expect(put.status).toBe(200);
    kiosk.office = next;
    // office:updated over socket.io: no reload.
    await expect
      .poll(() => page.getByTestId('concern-housing').locator('.concern-name').textContent(), { timeout: 5000 })
      .toBe('Wohngeld und Lastenzuschuss');
    await page.getByTestId('concern-passport').waitFor();

    await touch(page, 'lang-en');
    await draw(page, 'passport');
    await page.getByTestId('ticket-screen').waitFor();
    expect((await page.getByTestId('ticket-number').textContent())?.trim()).toMatch(/^P-\d{3}$/);
    const left = Date.now();
    await page.getByTestId('start-screen').waitFor({ timeout: 10_000 });
    expect(Date.now() - left).toBeGreaterThan(3500);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('h1.welcome').textContent()).toBe(KIOSK_MESSAGES.de.welcome);
  });
});

describe('kiosk: connection loss', () => {
  it('says "Einen Moment, bitte" while the server is away and recovers by itself after a restart', async () => {
    const page = await openKiosk();
    await draw(page, 'housing');
    const last = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await touch(page, 'kiosk-done');
    await page.getByTestId('start-screen').waitFor();

    await kiosk.server.stop();
    const overlay = page.getByTestId('kiosk-offline');
    await overlay.waitFor({ timeout: 15_000 });
    expect(await overlay.textContent()).toContain(KIOSK_MESSAGES.de.waitTitle);
    await shot(page, 'offline');
    await scan(page, 'offline');

    await restartServer();
    await overlay.waitFor({ state: 'detached', timeout: 20_000 });
    await draw(page, 'housing');
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    // Same data folder: the numbering goes on.
    expect(Number(number.slice(2))).toBe(Number(last.slice(2)) + 1);
  });
});

describe('kiosk: axe-core', () => {
  it('scanned every screen', () => {
    for (const screen of ['ticket', 'info', 'closed', 'quota', 'offline']) {
      expect(kiosk.scanned).toContain(screen);
    }
  });
});
