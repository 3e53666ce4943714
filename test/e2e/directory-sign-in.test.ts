/**
 * Directory sign-in in a real Chromium: the counter app takes an LDAP user's directory password
 * in its usual form (slapd on loopback), the admin app signs in through the OpenID provider with
 * "Mit Dienstkonto anmelden", and a provider user without a mapped group comes back to the
 * sign-in screen with the reason in German. Requests off loopback are blocked.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { startDirectoryServer } from '../helpers/directory-server.ts';
import { startOidcProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { freePort } from '../helpers/ports.ts';
import { removeDir, type TestServer } from '../helpers/server.ts';
import { LDAP_SUFFIX, type Slapd, startSlapd } from '../helpers/slapd.ts';

let browser: Browser;
let slapd: Slapd;
let provider: TestProvider;
let server: TestServer;
let base: string;

beforeAll(async () => {
  browser = await launchChromium();
  slapd = await startSlapd([{ uid: 'bernd', password: 'Bernd-im-Verzeichnis-2', groups: ['sachbearbeitung'] }]);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    clientId: 'lotse',
    clientSecret: 'client-secret-for-tests',
    redirectUri: `${base}/api/auth/oidc/callback`,
  });
  provider.accounts.set('anna', { claims: { preferred_username: 'anna', groups: ['/lotse-admins'] } });
  provider.accounts.set('dieter', { claims: { preferred_username: 'dieter', groups: ['/kantine'] } });
  server = await startDirectoryServer({
    port,
    env: {
      LOTSE_LDAP_URL: slapd.url,
      LOTSE_LDAP_USER_DN: `uid={username},ou=people,${LDAP_SUFFIX}`,
      LOTSE_LDAP_GROUP_BASE: `ou=groups,${LDAP_SUFFIX}`,
      LOTSE_LDAP_GROUP_ROLES: 'sachbearbeitung:clerk',
      LOTSE_OIDC_ISSUER: provider.issuer,
      LOTSE_OIDC_CLIENT_ID: 'lotse',
      LOTSE_OIDC_CLIENT_SECRET: 'client-secret-for-tests',
      LOTSE_OIDC_REDIRECT_URL: `${base}/api/auth/oidc/callback`,
      LOTSE_OIDC_SCOPES: 'openid profile groups',
      LOTSE_OIDC_GROUP_ROLES: 'lotse-admins:admin',
    },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
  await slapd?.stop();
  if (server) removeDir(server.dataDir);
});

async function loopbackOnly(): Promise<BrowserContext> {
  const context = await browser.newContext();
  // The provider's built-in pages load a web font; nothing may leave this machine.
  await context.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
  return context;
}

/** The provider's own login and consent pages (oidc-provider's built-in ones). */
async function providerSignIn(page: import('playwright-core').Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password: the test provider checks none');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('directory sign-in in the apps', () => {
  it('a clerk signs in to the counter app with the directory password', async () => {
    const context = await loopbackOnly();
    try {
      const page = await context.newPage();
      await page.goto(`${base}/counter`);
      await page.getByTestId('login-oidc').waitFor();
      await page.getByTestId('login-username').fill('bernd');
      await page.getByTestId('login-password').fill('Bernd-im-Verzeichnis-2');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('pick-counter-desk-1').waitFor();
    } finally {
      await context.close();
    }
  }, 60_000);

  it('an admin signs in with "Mit Dienstkonto anmelden"; a user without a mapped group is told why not', async () => {
    const context = await loopbackOnly();
    try {
      const page = await context.newPage();
      await page.goto(`${base}/admin`);
      const button = page.getByTestId('login-oidc');
      expect(await button.textContent()).toBe('Mit Dienstkonto anmelden');
      await button.click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await providerSignIn(page, 'anna');
      await page.getByTestId('admin-tab-staff').waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin');

      const other = await (await loopbackOnly()).newPage();
      await other.goto(`${base}/counter`);
      await other.getByTestId('login-oidc').click();
      await providerSignIn(other, 'dieter');
      const message = other.getByTestId('login-message');
      await message.waitFor();
      expect(await message.textContent()).toContain('nicht freigeschaltet');
      expect(other.url()).toBe(`${base}/counter`);
      await other.context().close();
    } finally {
      await context.close();
    }
  }, 60_000);
});
