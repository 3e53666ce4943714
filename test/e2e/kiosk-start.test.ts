import { describe, expect, it } from 'vitest';
import { spokenNumber } from '../../core/announcement.ts';
import { CHECKIN_MESSAGES } from '../../kiosk/checkin-messages.ts';
import { KIOSK_MESSAGES } from '../../kiosk/messages-all.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../ui/i18n.ts';
import {
  box,
  contrast,
  draw,
  expectReachable,
  kiosk,
  openKiosk,
  scan,
  shot,
  TOP_THIRD,
  touch,
  useKioskOffice,
} from './kiosk-fixture.ts';

useKioskOffice();

describe('kiosk: start screen', () => {
  it('shows the concerns as big buttons with pictogram, name and one line, all reachable from a wheelchair', async () => {
    const page = await openKiosk();
    for (const concern of kiosk.office.concerns) {
      const button = page.getByTestId(`concern-${concern.id}`);
      await expect.poll(() => button.locator('.concern-name').textContent()).toBe(concern.names?.de ?? concern.name);
      expect(await button.locator('.concern-desc').textContent()).toBe(concern.descriptions?.de ?? concern.description);
      expect(await button.locator('svg').count()).toBe(1);
    }
    expect(await page.getByTestId('appointment').textContent()).toContain('Ich habe einen Termin');
    await expectReachable(page);
    // Concern buttons are much larger than the minimum.
    const housing = await box(page, 'concern-housing');
    expect(housing.height).toBeGreaterThan(150);
    expect(housing.width).toBeGreaterThan(400);
    await shot(page, 'start-de');
    await scan(page, 'start (de)');
  });

  it('is hardened: no selection, no context menu, no zoom, and a cursor-less mode', async () => {
    const page = await openKiosk({ query: '?cursor=none' });
    const facts = await page.evaluate(() => {
      const target = document.querySelector('[data-testid="concern-housing"]') as HTMLElement;
      const fire = (type: string) => {
        const event = new Event(type, { bubbles: true, cancelable: true });
        target.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const wheel = new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 });
      target.dispatchEvent(wheel);
      return {
        viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content'),
        touchAction: getComputedStyle(document.documentElement).touchAction,
        userSelect: getComputedStyle(document.body).userSelect,
        contextMenuBlocked: fire('contextmenu'),
        selectBlocked: fire('selectstart'),
        ctrlWheelBlocked: wheel.defaultPrevented,
        cursorNone: document.documentElement.classList.contains('no-cursor'),
        buttonCursor: getComputedStyle(target).cursor,
      };
    });
    expect(facts).toMatchObject({
      touchAction: 'pan-x pan-y',
      userSelect: 'none',
      contextMenuBlocked: true,
      selectBlocked: true,
      ctrlWheelBlocked: true,
      cursorNone: true,
      buttonCursor: 'none',
    });
    expect(facts.viewport).toContain('width=device-width');
    expect(facts.viewport).not.toContain('user-scalable=no');
  });
});

describe('kiosk: languages', () => {
  it('has every text in every catalogue', () => {
    for (const lang of LANGUAGES) {
      for (const key of Object.keys(KIOSK_MESSAGES.de)) {
        expect(KIOSK_MESSAGES[lang][key as keyof (typeof KIOSK_MESSAGES)['de']], `${lang}.${key}`).toBeTruthy();
      }
      for (const key of Object.keys(CHECKIN_MESSAGES.de)) {
        expect(CHECKIN_MESSAGES[lang][key as keyof (typeof CHECKIN_MESSAGES)['de']], `${lang}.${key}`).toBeTruthy();
      }
    }
  });

  it('renders each of the six languages, names each in its own script, and mirrors Arabic', async () => {
    const page = await openKiosk();
    for (const lang of LANGUAGES) {
      expect(await page.getByTestId(`lang-${lang}`).textContent()).toBe(LANGUAGE_NAMES[lang]);
    }
    for (const lang of LANGUAGES) {
      await touch(page, `lang-${lang}`);
      const t = KIOSK_MESSAGES[lang];
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
      // The other languages' texts come as their own chunk a moment after start.
      await expect.poll(() => page.locator('h1.welcome').textContent()).toBe(t.welcome);
      expect(await page.locator('.instruction').textContent()).toBe(t.chooseConcern);
      expect(await page.getByTestId('appointment').locator('.concern-name').textContent()).toBe(t.appointment);
      const housing = kiosk.office.concerns.find((c) => c.id === 'housing');
      expect(await page.getByTestId('concern-housing').locator('.concern-name').textContent()).toBe(
        housing?.names?.[lang],
      );
      expect(await page.getByTestId(`lang-${lang}`).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await shot(page, `start-${lang}`);
    }
    // Arabic: the whole layout mirrored.
    await touch(page, 'lang-ar');
    const first = await box(page, `concern-${kiosk.office.concerns[0]?.id}`);
    const second = await box(page, `concern-${kiosk.office.concerns[1]?.id}`);
    expect(first.x).toBeGreaterThan(second.x);
    expect((await box(page, 'lang-de')).x).toBeGreaterThan((await box(page, 'lang-en')).x);
    const icon = await page.getByTestId('concern-housing').locator('svg').boundingBox();
    const name = await page.getByTestId('concern-housing').locator('.concern-name').boundingBox();
    expect(icon && name && icon.x > name.x).toBe(true);
    await scan(page, 'start (ar)');
    await touch(page, 'lang-de');
  });
});

describe('kiosk: accessibility modes', () => {
  it('has a large-text and a high-contrast mode, both clean for axe, both reset for the next visitor', async () => {
    const page = await openKiosk();
    const rootSize = () => page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();
    await touch(page, 'large-text');
    expect(await page.getByTestId('large-text').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(rootSize).toBeGreaterThan(normal * 1.2);
    await expectReachable(page);
    await shot(page, 'start-large-text');
    await scan(page, 'large text');
    await touch(page, 'large-text');

    await touch(page, 'high-contrast');
    expect(await page.locator('html').getAttribute('class')).toContain('high-contrast');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await shot(page, 'start-high-contrast');
    await scan(page, 'high contrast (start)');
    await touch(page, 'large-text');
    await scan(page, 'high contrast + large text');
    await draw(page, 'documents');
    await page.getByTestId('ticket-screen').waitFor();
    expect(await contrast(page, 'ticket-number', 'ticket-number')).toBeGreaterThanOrEqual(7);
    await shot(page, 'ticket-high-contrast');
    await scan(page, 'high contrast (ticket)');
    await touch(page, 'kiosk-done');
    await page.getByTestId('start-screen').waitFor();
    expect(await page.locator('html').getAttribute('class')).not.toMatch(/high-contrast|large-text/);
  });

  it('reads the screen aloud in the chosen language, only with a voice of that language', async () => {
    // Headless Chromium here has no voices: then there is no button at all.
    const silent = await openKiosk();
    if ((await silent.evaluate(() => speechSynthesis.getVoices().length)) === 0) {
      expect(await silent.getByTestId('read-aloud').count()).toBe(0);
    }

    const page = await openKiosk({ voices: ['de-DE', 'en-GB', 'ar-SA'] });
    const spoken = () =>
      page.evaluate(
        () => (window as unknown as { __spoken: { text: string; lang: string; voice: string }[] }).__spoken,
      );
    const button = page.getByTestId('read-aloud');
    expect((await box(page, 'read-aloud')).y).toBeGreaterThan(TOP_THIRD);
    await touch(page, 'read-aloud');
    expect(await button.textContent()).toContain(KIOSK_MESSAGES.de.stopReading);
    await expect.poll(() => button.textContent(), { timeout: 5000 }).toContain(KIOSK_MESSAGES.de.readAloud);
    const german = await spoken();
    expect(german[0]).toMatchObject({ text: 'Willkommen.', lang: 'de-DE', voice: 'Test de-DE' });
    expect(german.map((s) => s.text).join(' ')).toContain('Wohngeld');
    await scan(page, 'start with "Vorlesen"');

    await touch(page, 'lang-tr'); // no Turkish voice: disabled, and it says why
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByTestId('read-aloud-none').textContent()).toBe(KIOSK_MESSAGES.tr.noVoice);

    await touch(page, 'lang-ar');
    await touch(page, 'read-aloud');
    await expect.poll(async () => (await spoken()).some((s) => s.lang === 'ar' && s.voice === 'Test ar-SA')).toBe(true);
    await scan(page, 'start with "Vorlesen" (ar)');

    await touch(page, 'lang-de');
    await draw(page, 'housing');
    const number = (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
    await touch(page, 'read-aloud');
    const said = spokenNumber(number, 'de');
    await expect
      .poll(async () => (await spoken()).map((s) => s.text).join(' '))
      .toContain(`Ihre Nummer: ${said}. ${(await page.getByTestId('ticket-concern').textContent())?.trim()}.`);
    await scan(page, 'ticket with "Vorlesen"');
  });
});

describe('kiosk: axe-core', () => {
  it('scanned every screen', () => {
    for (const screen of [
      'start (de)',
      'start (ar)',
      'large text',
      'high contrast (start)',
      'high contrast (ticket)',
    ]) {
      expect(kiosk.scanned).toContain(screen);
    }
  });
});
