/**
 * The first sign-in with a generated admin password in a real Chromium: the admin app asks for a
 * new password (a weak one is refused in plain words) and opens only after it is changed.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowserPerFile } from '../helpers/e2e.ts';

const bench = serverAndBrowserPerFile({ generateAdminPassword: true });

describe('first sign-in with a generated password', () => {
  it('asks for a new password before the admin app opens', async () => {
    const generated = bench.server.generatedAdminPassword as string;
    const page = await bench.browser.newPage();
    await page.goto(`${bench.server.url}/admin`);
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
