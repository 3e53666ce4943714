/**
 * The visitor's phone page in the states where a visitor could be misled or stuck, in a real
 * Chromium (fonts limited to DejaVu and Liberation, as on an office PC): a parked visitor is
 * told so (never "you are next"), a transferred one learns where the ticket went and the new
 * position, sound and vibration are offered honestly (only after a tap), a missed or cancelled
 * ticket shows the office's phone. Measured: no text wider than the 360 px screen.
 * Screenshots go to $LOTSE_SHOTS (default: <tmp>/lotse-e2e-shots).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { testScope } from '../helpers/scope.ts';
import { counterAction, demoOffice, http, login, type TestServer } from '../helpers/server.ts';
import { openPhone } from './phone-fixture.ts';

const SHOTS = process.env.LOTSE_SHOTS ?? join(tmpdir(), 'lotse-e2e-shots');
mkdirSync(SHOTS, { recursive: true });

const e2e = chromiumPerFile({ officeFonts: true });
const file = testScope({ perFile: true });
let server: TestServer;
let token: string;

beforeAll(async () => {
  const office = demoOffice();
  office.contact = { phone: '0461 85-0' };
  server = await file.server({ office });
  token = await login(server.url);
});

async function issue(concernId: string, language: string): Promise<TicketView> {
  const r = await http<{ ticket: TicketView }>(server.url, 'POST', '/api/tickets', { concernId, language });
  expect(r.status).toBe(201);
  return r.body.ticket;
}

async function act(counterId: string, action: string, body?: unknown): Promise<TicketView | null> {
  const r = await counterAction(server.url, token, counterId, action, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.ticket;
}

/** Calls until `ticket` is at `desk` (completing whoever comes first). */
async function callUntil(desk: string, ticket: TicketView): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const called = await act(desk, 'call-next');
    if (called?.id === ticket.id) return;
    await act(desk, 'complete');
  }
  throw new Error(`${ticket.number} was not called at ${desk}`);
}

/** A phone (360 × 640, touch) on the ticket's page, with `navigator.vibrate` recorded. */
const phoneOf = (ticket: TicketView) => openPhone(e2e, server.url, ticket, { viewport: { width: 360, height: 640 } });

/** Elements whose text is wider than their box or the screen. */
const cutTexts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main *')]
      .filter((e) => {
        const el = e as HTMLElement;
        const r = el.getBoundingClientRect();
        return r.width > 0 && (el.scrollWidth > el.clientWidth + 1 || r.right > window.innerWidth + 1 || r.left < -1);
      })
      .map((e) => `${e.tagName}.${(e as HTMLElement).className}`),
  );

describe('the phone page where a visitor could be misled', () => {
  for (const language of ['de', 'ar']) {
    it(`parked: says so in the visitor's language and never "you are next"; back: waits again (${language})`, async () => {
      const ticket = await issue('certificates', language);
      const phone = await phoneOf(ticket);
      await callUntil('desk-1', ticket);
      await expect.poll(() => phone.getByTestId('phone-status').getAttribute('data-status')).toBe('called');
      await act('desk-1', 'park');
      await phone.getByTestId('phone-parked').waitFor();
      // Nobody is ahead, yet no "you are next": the visitor is away.
      expect(await phone.getByTestId('phone-next').count()).toBe(0);
      const status = (await phone.getByTestId('phone-status').textContent()) ?? '';
      expect(status).toBe(language === 'de' ? 'Sie sind kurz weg' : 'لقد ابتعدت قليلًا');
      expect(await cutTexts(phone)).toEqual([]);
      await phone.screenshot({ path: join(SHOTS, `phone-parked-${language}.png`), fullPage: true });
      const back = await act('desk-1', 'return', { ticketId: ticket.id });
      expect(back?.id).toBe(ticket.id);
      await expect.poll(() => phone.getByTestId('phone-parked').count()).toBe(0);
    });
  }

  it('after a transfer: where the ticket went and the new position; Arabic too', async () => {
    for (const language of ['de', 'ar']) {
      const ticket = await issue('certificates', language);
      const phone = await phoneOf(ticket);
      await callUntil('desk-1', ticket);
      await act('desk-1', 'transfer', { concernId: 'housing' });
      const moved = phone.getByTestId('phone-moved');
      await moved.waitFor();
      const text = (await moved.textContent()) ?? '';
      expect(text).toContain(language === 'de' ? 'Wohngeld' : 'إعانة السكن');
      // The new position (the visitor keeps the original arrival time), and the wait.
      await phone.getByTestId('phone-ahead').waitFor();
      await phone.getByTestId('phone-wait').waitFor();
      expect(await cutTexts(phone)).toEqual([]);
      await phone.screenshot({ path: join(SHOTS, `phone-transferred-${language}.png`), fullPage: true });
      // Clear the floor for the next round.
      for (let i = 0; i < 10 && (await act('desk-2', 'call-next')); i++) await act('desk-2', 'complete');
    }
  });

  it('promises no signal before a tap; the tap turns on sound and vibration and says so', async () => {
    const ticket = await issue('certificates', 'de');
    const phone = await phoneOf(ticket);
    const off = phone.getByTestId('phone-signal-off');
    await off.waitFor();
    expect(await off.textContent()).toContain('Noch kein Ton');
    expect(await phone.locator('main').textContent()).not.toContain('Ihr Handy gibt ein Signal');
    await phone.screenshot({ path: join(SHOTS, 'phone-signal-off-de.png'), fullPage: true });
    // A finger on the button (any first touch of the page turns the signals on).
    const box = await phone.getByTestId('phone-sound').boundingBox();
    expect(box).not.toBeNull();
    await phone.touchscreen.tap((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    await phone.getByTestId('phone-signal-on').waitFor();
    expect(await phone.getByTestId('phone-signal-off').count()).toBe(0);
    await phone.screenshot({ path: join(SHOTS, 'phone-signal-on-de.png'), fullPage: true });
    expect(await cutTexts(phone)).toEqual([]);
  });

  it('a missed or cancelled visitor sees the office phone (Arabic: the number reads left to right)', async () => {
    for (const language of ['de', 'ar']) {
      const ticket = await issue('certificates', language);
      const phone = await phoneOf(ticket);
      await callUntil('desk-1', ticket);
      await act('desk-1', 'no-show');
      const contact = phone.getByTestId('phone-contact');
      await contact.waitFor();
      expect(await contact.locator('a').textContent()).toBe('0461 85-0');
      expect(await contact.locator('a').getAttribute('href')).toBe('tel:0461850');
      expect(await cutTexts(phone)).toEqual([]);
      await phone.screenshot({ path: join(SHOTS, `phone-no-show-${language}.png`), fullPage: true });
    }
  });
});
