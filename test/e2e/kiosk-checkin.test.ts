/**
 * Appointment check-in at the kiosk in a real Chromium, by touch and by a scanner that types:
 * on time, late, too early, unknown, used and another day, in all six languages.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKIN_MESSAGES } from '../../kiosk/checkin-messages.ts';
import { LANGUAGES } from '../../ui/i18n.ts';
import { http } from '../helpers/server.ts';
import {
  box,
  expectReachable,
  kiosk,
  OPEN,
  openKiosk,
  scan,
  shot,
  touch,
  useKioskOffice,
  waiting,
} from './kiosk-fixture.ts';

useKioskOffice();

describe('kiosk: appointment check-in', () => {
  const book = async (code: string, start: string) => {
    const answer = await http(
      kiosk.server.url,
      'POST',
      '/api/appointments',
      { code, concernId: 'housing', start },
      kiosk.admin,
    );
    expect(answer.status).toBe(201);
  };

  beforeAll(async () => {
    await book('4711', '2026-11-23T08:45:00Z'); // 09:45: on time
    await book('5522', '2026-11-23T08:00:00Z'); // 09:00: 30 minutes late
    await book('6633', '2026-11-23T11:00:00Z'); // 12:00: too early before 11:00
    await book('8855', '2026-11-24T13:00:00Z'); // tomorrow 14:00
    kiosk.now = Date.parse('2026-11-19T07:00:00Z'); // booked last Thursday for the same day
    try {
      await book('7744', '2026-11-19T09:00:00Z'); // last Thursday 10:00
    } finally {
      kiosk.now = OPEN;
    }
    await book('T-2002', '2026-11-23T08:40:00Z'); // 09:40, from a scanner
  });

  async function enter(page: Page, code: string): Promise<void> {
    await touch(page, 'appointment');
    await page.getByTestId('checkin-screen').waitFor();
    for (const digit of code) await touch(page, `key-${digit}`);
    expect(await page.getByTestId('checkin-code').textContent()).toBe(code);
    await touch(page, 'key-ok');
  }

  async function refused(page: Page, reason: string): Promise<string> {
    const screen = page.getByTestId('checkin-refused');
    await screen.waitFor();
    expect(await screen.getAttribute('data-reason')).toBe(reason);
    return (await page.getByTestId('checkin-refused-text').textContent()) ?? '';
  }

  it('checks in with the keypad: a ticket for the appointment, on time', async () => {
    const page = await openKiosk();
    const before = await waiting('housing');
    await touch(page, 'appointment');
    await page.getByTestId('checkin-screen').waitFor();
    expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES.de.title);
    // Keys far above 44 px, the whole keypad in the lower two thirds.
    await expectReachable(page, 100);
    for (const key of ['key-4', 'key-7', 'key-1', 'key-2']) await touch(page, key);
    await touch(page, 'key-delete');
    await touch(page, 'key-1');
    expect(await page.getByTestId('checkin-code').textContent()).toBe('4711');
    await shot(page, 'checkin-keypad');
    await scan(page, 'check-in keypad');
    await touch(page, 'key-ok');
    await page.getByTestId('ticket-screen').waitFor();
    const note = page.getByTestId('ticket-appointment');
    expect(await note.getAttribute('data-late')).toBe('false');
    expect(await note.textContent()).toBe('Sie sind für Ihren Termin um 9:45 Uhr angemeldet.');
    expect(await waiting('housing')).toBe(before + 1);
    await shot(page, 'ticket-appointment');
    await scan(page, 'ticket (appointment)');
  });

  it('tells a late visitor plainly that they wait like everybody else', async () => {
    const page = await openKiosk();
    await enter(page, '5522');
    const note = page.getByTestId('ticket-appointment');
    await note.waitFor();
    expect(await note.getAttribute('data-late')).toBe('true');
    expect(await note.textContent()).toBe(
      'Ihr Termin war um 9:00 Uhr. Sie sind zu spät. Darum warten Sie jetzt wie alle anderen.',
    );
    await shot(page, 'ticket-late');
  });

  it('explains too early (with the time from which check-in works), unknown, used and another day', async () => {
    const page = await openKiosk({ clock: true });
    await enter(page, '6633');
    expect(await refused(page, 'early')).toBe('Ihr Termin: 12:00 Uhr. Sie können sich ab 11:00 Uhr anmelden.');
    expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES.de.earlyTitle);
    await expectReachable(page);
    await shot(page, 'checkin-early');
    await scan(page, 'check-in too early');
    await touch(page, 'kiosk-back');

    await enter(page, '8855');
    expect(await refused(page, 'early')).toBe(
      'Ihr Termin: Dienstag, 24. November, 14:00 Uhr. Sie können sich ab Dienstag, 24. November, 13:00 Uhr anmelden.',
    );
    await touch(page, 'kiosk-back');

    await enter(page, '999');
    expect(await refused(page, 'unknown')).toBe(CHECKIN_MESSAGES.de.unknownText);
    await shot(page, 'checkin-unknown');
    await scan(page, 'check-in unknown code');
    await touch(page, 'checkin-again'); // straight back to an empty keypad
    await page.getByTestId('checkin-screen').waitFor();
    expect(await page.getByTestId('checkin-code').textContent()).toBe('');
    await touch(page, 'kiosk-back');

    await enter(page, '4711');
    expect(await refused(page, 'used')).toBe(CHECKIN_MESSAGES.de.usedText);
    await scan(page, 'check-in used code');
    await touch(page, 'kiosk-back');

    await enter(page, '7744');
    expect(await refused(page, 'expired')).toBe(CHECKIN_MESSAGES.de.expiredText);
    await scan(page, 'check-in another day');
  });

  it('takes a code from a scanner that types like a keyboard, letters and "-" included', async () => {
    const page = await openKiosk();
    const before = await waiting('housing');
    await page.keyboard.type('T-2002', { delay: 15 });
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-screen').waitFor();
    expect(await page.getByTestId('ticket-appointment').getAttribute('data-late')).toBe('false');
    expect(await waiting('housing')).toBe(before + 1);
  });

  it('speaks all six languages, the keypad left to right everywhere', async () => {
    const page = await openKiosk();
    for (const lang of LANGUAGES) {
      await touch(page, `lang-${lang}`);
      await touch(page, 'appointment');
      await page.getByTestId('checkin-screen').waitFor();
      expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES[lang].title);
      expect(await page.getByTestId('key-ok').textContent()).toBe(CHECKIN_MESSAGES[lang].confirm);
      expect(await page.locator('.keypad').getAttribute('dir')).toBe('ltr');
      expect((await box(page, 'key-1')).x).toBeLessThan((await box(page, 'key-3')).x);
      if (lang === 'ar') {
        await shot(page, 'checkin-keypad-ar');
        await scan(page, 'check-in keypad (ar)');
        await touch(page, 'key-9');
        await touch(page, 'key-ok');
        await refused(page, 'unknown');
        expect(await page.locator('h1').textContent()).toBe(CHECKIN_MESSAGES.ar.unknownTitle);
        await shot(page, 'checkin-unknown-ar');
        await scan(page, 'check-in unknown code (ar)');
      }
      await touch(page, 'kiosk-back');
      await page.getByTestId('start-screen').waitFor();
    }
  });
});

describe('kiosk: axe-core', () => {
  it('scanned every screen', () => {
    for (const screen of [
      'check-in keypad',
      'check-in too early',
      'check-in unknown code',
      'check-in used code',
      'check-in another day',
    ]) {
      expect(kiosk.scanned).toContain(screen);
    }
  });
});
