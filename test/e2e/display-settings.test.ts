/**
 * The lobby screen's settings from its URL, in a real Chromium against a real server: area
 * screens, portrait layout, number size from the viewing distance, Arabic labels, and the prompt
 * for a touch when the browser blocks sound.
 */
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { spokenNumber } from '../../core/announcement.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser.ts';
import { announced, office, openDisplay, SHOTS, shownNumbers, texts, useLobbyScreens } from './display-fixture.ts';

useLobbyScreens();

describe('lobby screen: settings from the URL', () => {
  it('a screen limited to an area shows, lists and announces only the calls of its counters', async () => {
    const o = await office();
    const upstairs = await openDisplay(o.base, `?area=${encodeURIComponent('1. Stock')}`);
    const ground = await openDisplay(o.base, '?area=Erdgeschoss');
    await o.issue('subsistence');
    await o.issue('housing');
    await o.issue('education');
    const atDesk4 = await o.callNext('desk-4'); // 1. Stock
    const atDesk3 = await o.callNext('desk-3'); // Erdgeschoss

    await expect.poll(() => shownNumbers(upstairs)).toEqual([atDesk4.number]);
    await expect.poll(() => shownNumbers(ground)).toEqual([atDesk3.number]);
    await announced(upstairs, 1);
    await announced(ground, 1);
    expect(await texts(upstairs)).toEqual([`Nummer ${spokenNumber(atDesk4.number, 'de')}, bitte zu Platz 4.`]);
    expect(await texts(ground)).toEqual([`Nummer ${spokenNumber(atDesk3.number, 'de')}, bitte zu Platz 3.`]);
    expect(
      await upstairs.getByTestId('recent-call').evaluateAll((els) => els.map((e) => e.getAttribute('data-counter-id'))),
    ).toEqual(['desk-4']);
    // Waiting per concern: only the concerns served upstairs (desk 4: subsistence, housing).
    const cards = await upstairs
      .locator('[data-testid^="waiting-"].waiting-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(cards.sort()).toEqual(['waiting-housing', 'waiting-subsistence']);
    expect(await upstairs.getByTestId('board-area').textContent()).toBe('1. Stock');
    await ground.screenshot({ path: join(SHOTS, 'display-area.png') });
  });

  it('lays out portrait by the window (or the setting) and landscape otherwise', async () => {
    const o = await office();
    for (const concern of ['documents', 'housing', 'education', 'subsistence']) await o.issue(concern);
    for (const desk of ['desk-1', 'desk-2', 'desk-3', 'desk-4']) await o.callNext(desk);

    const portrait = await openDisplay(o.base, '', { width: 1080, height: 1920 });
    expect(await portrait.getByTestId('board').getAttribute('data-orientation')).toBe('portrait');
    await expect.poll(() => portrait.getByTestId('current-call').count()).toBe(4);
    const calls = await portrait.locator('.panel.current').boundingBox();
    const recent = await portrait.locator('.panel.recent').boundingBox();
    expect(calls && recent && recent.y >= calls.y + calls.height).toBe(true);
    expect(calls && calls.width > 1000).toBe(true);
    // Nothing spills out of the screen.
    const overflow = await portrait.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    await portrait.waitForTimeout(300);
    await portrait.screenshot({ path: join(SHOTS, 'display-portrait.png') });

    const forced = await openDisplay(o.base, '?orientation=landscape', { width: 1080, height: 1920 });
    expect(await forced.getByTestId('board').getAttribute('data-orientation')).toBe('landscape');

    const landscape = await openDisplay(o.base);
    expect(await landscape.getByTestId('board').getAttribute('data-orientation')).toBe('landscape');
    const lc = await landscape.locator('.panel.current').boundingBox();
    const lr = await landscape.locator('.panel.recent').boundingBox();
    expect(lc && lr && lr.x >= lc.x + lc.width).toBe(true);
    await landscape.screenshot({ path: join(SHOTS, 'display-landscape.png') });
  });

  it('sizes the called numbers for the viewing distance: cap height at least 25 mm per metre', async () => {
    const o = await office();
    for (const concern of ['documents', 'housing', 'education', 'subsistence']) await o.issue(concern);
    for (const desk of ['desk-1', 'desk-2', 'desk-3', 'desk-4']) await o.callNext(desk);
    for (const [distance, diagonal] of [
      [3, 55],
      [5, 55],
      [4, 65],
    ] as const) {
      const page = await openDisplay(o.base, `?distance=${distance}&diagonal=${diagonal}`);
      await expect.poll(() => page.locator('.calls-fit').count()).toBe(1);
      // Measured independently of the app: font size of each shown number → millimetres.
      const sizes = await page.getByTestId('call-number').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return {
            font: Number.parseFloat(getComputedStyle(e).fontSize),
            right: r.right,
            panelRight: (e.closest('.calls') as HTMLElement).getBoundingClientRect().right,
            screen: Math.hypot(screen.width, screen.height),
          };
        }),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(1);
      for (const s of sizes) {
        const mmPerPx = (diagonal * 25.4) / s.screen;
        expect(s.font * 0.7 * mmPerPx).toBeGreaterThanOrEqual(25 * distance - 0.5);
        expect(s.right).toBeLessThanOrEqual(s.panelRight + 1); // fits, not cut off
      }
      expect(await page.getByTestId('size-warning').count()).toBe(0);
      console.log(
        `[figures] distance ${distance} m on ${diagonal}": ${sizes.length} call(s) at ${sizes[0]?.font.toFixed(0)} px ` +
          `(cap ${(((sizes[0]?.font ?? 0) * 0.7 * diagonal * 25.4) / (sizes[0]?.screen ?? 1)).toFixed(0)} mm)`,
      );
      if (distance === 5) await page.screenshot({ path: join(SHOTS, 'display-distance-5m.png') });
    }
    // A screen too small for the distance says so (for whoever sets it up).
    const tooFar = await openDisplay(o.base, '?distance=15&diagonal=32');
    await tooFar.getByTestId('size-warning').waitFor();
  });

  it('shows labels and speaks in the language of the URL; Arabic right to left', async () => {
    const o = await office();
    await o.issue('housing');
    const page = await openDisplay(o.base, '?lang=ar');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await page.locator('#current-title').textContent()).toBe('الرقم');
    expect(await page.locator('#recent-title').textContent()).toBe('آخر النداءات');
    const ticket = await o.callNext('desk-2');
    const [record] = await announced(page, 1);
    expect(record).toMatchObject({
      language: 'ar',
      text: `الرقم ${spokenNumber(ticket.number, 'ar')}، تفضل إلى Platz 2.`,
    });
    // The number stays left to right inside the Arabic page.
    expect(
      await page
        .getByTestId('call-number')
        .first()
        .evaluate((e) => getComputedStyle(e).direction),
    ).toBe('ltr');
    await page.screenshot({ path: join(SHOTS, 'display-arabic.png') });

    const english = await openDisplay(o.base, '?lang=en');
    expect(await english.locator('#recent-title').textContent()).toBe('Last calls');
    expect(await english.getByTestId('waiting-housing').textContent()).toContain('Nobody is waiting');
  });

  it('asks for a touch when the browser blocks sound, and plays after it', async () => {
    const o = await office();
    const strict = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--autoplay-policy')),
      headless: true,
    });
    try {
      const page = await openDisplay(o.base, '', { width: 1280, height: 720 }, strict);
      const prompt = page.getByTestId('sound-prompt');
      await prompt.waitFor();
      expect(await prompt.textContent()).toContain('bitte berühren');
      const box = await prompt.boundingBox();
      expect(box && box.height >= 44 && box.width >= 44).toBe(true);
      await prompt.click();
      await prompt.waitFor({ state: 'detached' });
    } finally {
      await strict.close();
    }
  });
});
