/**
 * The kiosk on a server whose disk is full: the visitor reads in plain words that no number can
 * be given and where to go, in each of the six languages (a real Chromium, a real full tmpfs).
 */
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { KIOSK_MESSAGES } from '../../kiosk/messages-all.ts';
import { LANGUAGES } from '../../ui/i18n.ts';
import { launchChromium } from '../helpers/browser.ts';
import { http, login, startTestServer, type TestServer } from '../helpers/server.ts';
import { mountSmallDisk, type SmallDisk } from './tmpfs.ts';

let disk: SmallDisk | undefined;
let server: TestServer | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  disk?.unmount();
});

describe('the kiosk on a full disk', () => {
  it('sends the visitor to the information desk, in every language', async () => {
    disk = mountSmallDisk('4m');
    server = await startTestServer({ dataDir: disk.dir });
    const base = server.url;
    // Drawn as staff: anonymous clients are rate-limited, and the kiosk below must be refused for
    // the full disk, not for the count.
    const staff = await login(base);
    disk.fill();
    // Use up the room left in the journal's last page, so the kiosk's draw is refused.
    let refused = false;
    for (let i = 0; i < 400 && !refused; i++) {
      refused = (await http(base, 'POST', '/api/tickets', { concernId: 'documents' }, staff)).status === 507;
    }
    expect(refused).toBe(true);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const page = await context.newPage();
    for (const language of LANGUAGES) {
      // A fresh start screen per language (a refused choice stays chosen on the kiosk).
      await page.goto(`${base}/kiosk`);
      await page.getByTestId(`lang-${language}`).tap();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
      await page.getByTestId('concern-housing').tap();
      await page.getByTestId('confirm-screen').waitFor();
      await page.getByTestId('kiosk-draw').tap();
      const notice = page.getByTestId('kiosk-message');
      await notice.waitFor();
      expect(await notice.getAttribute('data-kind')).toBe('failed');
      const texts = KIOSK_MESSAGES[language];
      await expect.poll(() => page.locator('h1').textContent()).toBe(texts.storageTitle);
      expect(await page.locator('.notice-text').first().textContent()).toBe(texts.storageText);
      await page.getByTestId('kiosk-back').tap();
      await page.getByTestId('start-screen').waitFor();
    }
  });
});
