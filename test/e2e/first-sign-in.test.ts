/**
 * The first sign-in with a generated admin password in a real Chromium: the admin app asks for a
 * new password (a weak one is refused in plain words) and opens only after it is changed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startTestServer({ generateAdminPassword: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('first sign-in with a generated password', () => {
  it('asks for a new password before the admin app opens', async () => {
    const generated = server.generatedAdminPassword as string;
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(generated);
    await page.getByTestId('login-submit').click();

    await page.getByTestId('password-current').fill(generated);
    await page.getByTestId('password-new').fill('123456789012');
    await page.getByTestId('password-repeat').fill('123456789012');
    await page.getByTestId('password-change-submit').click();
    expect(await page.getByTestId('password-change-error').textContent()).toContain('mindestens 12 Zeichen');

    await page.getByTestId('password-new').fill('Leuchtturm-am-Hafen-9');
    await page.getByTestId('password-repeat').fill('Leuchtturm-am-Hafen-9');
    await page.getByTestId('password-change-submit').click();
    await page.getByTestId('admin-tab-staff').waitFor();
    await page.close();
  });
});
