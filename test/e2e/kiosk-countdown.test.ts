/**
 * The kiosk's countdown back to the start screen (WCAG 2.2.1), in a real Chromium: the seconds
 * left are shown, screen readers hear one warning 20 seconds before the reset (not a message every
 * second), "Mehr Zeit" starts the countdown again, and without a touch the kiosk returns to its
 * German start screen. Also on the start screen a visitor left in another language.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenMessages } from '../../kiosk/screen-messages.ts';
import { serverAndBrowserPerFile } from '../helpers/e2e.ts';
import { testScope } from '../helpers/scope.ts';
import { demoOffice } from '../helpers/server.ts';

/** The warning comes at 20 s left, so 4 s after the last touch. */
const RESET_SECONDS = 24;

const scope = testScope();
const bench = serverAndBrowserPerFile({ office: { ...demoOffice(), kioskResetSeconds: RESET_SECONDS } });

const announced = async (page: Page) => ((await page.getByTestId('reset-announce').textContent()) ?? '').trim();
const secondsLeft = async (page: Page) =>
  Number(((await page.getByTestId('reset-left').textContent()) ?? '').replace(/\D+/g, ''));

describe('kiosk countdown', () => {
  it('warns once at 20 seconds, "Mehr Zeit" restarts it, then the kiosk resets', async () => {
    const context = await bench.browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(`${bench.server.url}/kiosk`);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('concern-housing').click();
    await page.getByTestId('kiosk-draw').click();
    await page.getByTestId('ticket-screen').waitFor();

    const t = screenMessages('en');
    expect(await page.getByTestId('reset-more').textContent()).toBe(t.moreTime);
    expect(await announced(page)).toBe('');
    const first = await secondsLeft(page);
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(RESET_SECONDS);

    // The one warning, in the visitor's language.
    await expect.poll(() => announced(page), { timeout: 8000 }).toBe(t.countdownWarning(20));
    const during = await secondsLeft(page);
    await page.waitForTimeout(2200);
    // The count goes on on screen; the live region keeps its one sentence (nothing new to announce).
    expect(await secondsLeft(page)).toBeLessThan(during);
    expect(await announced(page)).toBe(t.countdownWarning(20));

    // "More time": the countdown starts again, the warning is gone.
    await page.getByTestId('reset-more').click();
    await expect.poll(() => secondsLeft(page)).toBeGreaterThan(20);
    expect(await announced(page)).toBe('');
    expect(await page.getByTestId('ticket-screen').isVisible()).toBe(true);

    // Left alone: back to the German start screen.
    await page.getByTestId('start-screen').waitFor({ timeout: (RESET_SECONDS + 5) * 1000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await context.close();
  }, 60_000);

  it('on a start screen left in another language, the warning and "Mehr Zeit" appear before the reset', async () => {
    // More time before the warning (20 s left): the start screen is left alone for 20 s.
    const slow = await scope.server({ office: { ...demoOffice(), kioskResetSeconds: 40 } });
    const context = await bench.browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(`${slow.url}/kiosk`);
    await page.getByTestId('start-screen').waitFor();
    expect(await page.getByTestId('reset-more').count()).toBe(0);
    await page.getByTestId('lang-uk').click();
    expect(await page.getByTestId('reset-more').count()).toBe(0);
    const t = screenMessages('uk');
    await expect.poll(() => announced(page), { timeout: 30_000 }).toBe(t.countdownWarning(20));
    // A touch where the button is (the panel floats over the welcome band).
    const box = await page.getByTestId('reset-more').boundingBox();
    expect(box).not.toBeNull();
    if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('reset-more').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('uk');
    await context.close();
  }, 90_000);
});
