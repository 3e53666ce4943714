/** The visitor's phone in a real Chromium: a touch screen on the ticket's page, vibrations recorded. */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import type { ChromiumBench } from '../helpers/e2e.ts';

/**
 * A phone (touch, mobile, `size`) on the ticket's page, once it shows the number.
 * `navigator.vibrate` is stubbed before the page loads to record its calls (headless Chromium has
 * no vibration hardware); read them with `vibrations`.
 */
export async function openPhone(
  e2e: ChromiumBench,
  base: string,
  ticket: TicketView,
  options: BrowserContextOptions & { viewport: { width: number; height: number } },
): Promise<Page> {
  const page = await e2e.newPage({ hasTouch: true, isMobile: true, ...options });
  await page.context().addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { __vibrations: unknown[] }).__vibrations = calls;
    Object.defineProperty(Navigator.prototype, 'vibrate', {
      configurable: true,
      value: (pattern: unknown) => {
        calls.push(pattern);
        return true;
      },
    });
  });
  await page.goto(`${base}${ticket.statusUrl}`);
  await expect.poll(async () => (await page.getByTestId('phone-number').textContent())?.trim()).toBe(ticket.number);
  return page;
}

export const vibrations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations);
