/**
 * Staff sign in through an OpenID Connect provider (oidc-provider in this process, code flow
 * with PKCE): the groups claim gives role and counters, a user in no mapped group comes back to
 * the app with NO_ROLE, a forged or replayed callback is refused, an account disabled in Lotse
 * can no longer sign in, a local account's name is never taken over, sessions survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDirectoryServer } from '../helpers/directory-server.ts';
import { CookieJar, oidcRoundTrip, startOidcProvider, type TestProvider } from '../helpers/oidc-provider.ts';
import { freePort } from '../helpers/ports.ts';
import { http, login, removeDir, type TestServer, tempDataDir } from '../helpers/server.ts';

let provider: TestProvider;
let port: number;
let base: string;
const redirect = () => `${base}/api/auth/oidc/callback`;

beforeAll(async () => {
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({
    clientId: 'lotse',
    clientSecret: 'client-secret-for-tests',
    redirectUri: redirect(),
  });
  const account = (username: string, groups: string[]) =>
    provider.accounts.set(username, { claims: { preferred_username: username, groups } });
  account('anna', ['/lotse-admins']);
  account('bernd', ['/sachbearbeitung', '/wohngeld']);
  account('dieter', ['/kantine']);
  account('admin', ['/lotse-admins']);
}, 30_000);
afterAll(async () => {
  await provider?.stop();
});

const env = () => ({
  LOTSE_OIDC_ISSUER: provider.issuer,
  LOTSE_OIDC_CLIENT_ID: 'lotse',
  LOTSE_OIDC_CLIENT_SECRET: 'client-secret-for-tests',
  LOTSE_OIDC_REDIRECT_URL: redirect(),
  LOTSE_OIDC_SCOPES: 'openid profile groups',
  LOTSE_OIDC_GROUP_ROLES: 'lotse-admins:admin;sachbearbeitung:clerk',
  LOTSE_OIDC_GROUP_COUNTERS: '{"wohngeld": ["desk-1", "desk-2"]}',
});

const session = (jar: CookieJar) => jar.get(base, 'lotse_session');

async function meWithCookie(token: string | undefined) {
  const r = await fetch(`${base}/api/me`, { headers: { cookie: `lotse_session=${token}` } });
  return { status: r.status, body: (await r.json()) as { user?: unknown } };
}

describe('OpenID Connect sign-in', () => {
  it('signs in with the provider, maps groups, refuses what it must, keeps sessions across a restart', async () => {
    const dataDir = tempDataDir();
    let server: TestServer | undefined = await startDirectoryServer({ env: env(), dataDir, port });
    try {
      expect((await http(base, 'GET', '/api/auth/methods')).body).toEqual({ password: true, ldap: false, oidc: true });

      // The start sends the browser to the provider with PKCE (S256), state and nonce.
      const started = await fetch(`${base}/api/auth/oidc/start?app=admin`, { redirect: 'manual' });
      expect(started.status).toBe(303);
      const to = new URL(started.headers.get('location') ?? '');
      expect(to.origin).toBe(provider.issuer);
      expect(to.searchParams.get('code_challenge_method')).toBe('S256');
      for (const p of ['code_challenge', 'state', 'nonce']) expect(to.searchParams.get(p)?.length).toBeGreaterThan(20);
      expect(started.headers.getSetCookie().join()).toMatch(/lotse_oidc_state=.*HttpOnly/i);
      // Only the two apps: not a name every object has (it once redirected to `function Object()…`).
      for (const app of ['constructor', 'toString', 'kiosk']) {
        const refused = await http(base, 'GET', `/api/auth/oidc/start?app=${app}`);
        expect(refused.status, app).toBe(400);
        expect(refused.body.error.code, app).toBe('VALIDATION_FAILED');
      }

      const anna = await oidcRoundTrip(`${base}/api/auth/oidc/start?app=admin`, 'anna');
      expect(anna.finalUrl.href).toBe(`${base}/admin`);
      const annaToken = session(anna.jar);
      expect((await meWithCookie(annaToken)).body.user).toEqual({ username: 'anna', role: 'admin' });

      const bernd = await oidcRoundTrip(`${base}/api/auth/oidc/start?app=counter`, 'bernd');
      expect(bernd.finalUrl.href).toBe(`${base}/counter`);
      const berndToken = session(bernd.jar);
      expect((await meWithCookie(berndToken)).body.user).toEqual({ username: 'bernd', role: 'clerk' });
      expect((await http(base, 'POST', '/api/counters/desk-2/sign-in', undefined, berndToken)).status).toBe(200);
      const elsewhere = await http(base, 'POST', '/api/counters/desk-4/sign-in', undefined, berndToken);
      expect(elsewhere.body.error.code).toBe('COUNTER_NOT_ALLOWED');

      const users = await http(base, 'GET', '/api/admin/users', undefined, annaToken);
      const byName = Object.fromEntries(users.body.users.map((u: { username: string }) => [u.username, u]));
      expect(byName.anna).toMatchObject({ role: 'admin', source: 'oidc' });
      expect(byName.bernd).toMatchObject({ role: 'clerk', source: 'oidc', counters: ['desk-1', 'desk-2'] });

      // No mapped group: back at the app with the code, without a session.
      const dieter = await oidcRoundTrip(`${base}/api/auth/oidc/start?app=counter`, 'dieter');
      expect(dieter.finalUrl.href).toBe(`${base}/counter?signin_error=NO_ROLE`);
      expect(session(dieter.jar)).toBeUndefined();
      // The provider's `admin` is not the local first admin.
      const impostor = await oidcRoundTrip(`${base}/api/auth/oidc/start?app=admin`, 'admin');
      expect(impostor.finalUrl.href).toBe(`${base}/admin?signin_error=ACCOUNT_CONFLICT`);
      expect(session(impostor.jar)).toBeUndefined();

      // A callback with a state this browser did not start, or a second use of one, signs nobody in.
      const forged = await fetch(`${base}/api/auth/oidc/callback?code=abc&state=made-up`, { redirect: 'manual' });
      expect(forged.headers.get('location')).toBe('/counter?signin_error=SIGN_IN_EXPIRED');
      expect(forged.headers.getSetCookie().join()).not.toContain('lotse_session=');
      const jar = new CookieJar();
      const half = await fetch(`${base}/api/auth/oidc/start?app=counter`, { redirect: 'manual' });
      jar.take(new URL(base), half);
      const state = new URL(half.headers.get('location') ?? '').searchParams.get('state');
      const foreign = await fetch(`${base}/api/auth/oidc/callback?code=abc&state=${state}`, { redirect: 'manual' });
      expect(foreign.headers.get('location')).toBe('/counter?signin_error=SIGN_IN_EXPIRED');
      expect((await http(base, 'GET', '/api/auth/oidc/start?app=https://evil.example')).status).toBe(400);

      // Disabled in Lotse: the session ends and the provider's word no longer signs in.
      const admin = await login(base);
      expect((await http(base, 'PATCH', '/api/admin/users/bernd', { disabled: true }, admin)).status).toBe(200);
      expect((await meWithCookie(berndToken)).status).toBe(401);
      const again = await oidcRoundTrip(`${base}/api/auth/oidc/start?app=counter`, 'bernd');
      expect(again.finalUrl.href).toBe(`${base}/counter?signin_error=ACCOUNT_DISABLED`);
      expect(session(again.jar)).toBeUndefined();

      // A restart keeps the session of the directory user.
      await server.stop();
      server = await startDirectoryServer({ env: env(), dataDir, port });
      expect((await meWithCookie(annaToken)).body.user).toEqual({ username: 'anna', role: 'admin' });
    } finally {
      await server?.stop();
      removeDir(dataDir);
    }
  }, 60_000);

  it('reads a nested roles claim and names a provider that cannot be reached', async () => {
    provider.accounts.set('carla', {
      claims: { preferred_username: 'Carla', realm_access: { roles: ['offline_access', 'lotse-clerk'] } },
    });
    const server = await startDirectoryServer({
      env: {
        ...env(),
        LOTSE_OIDC_ROLES_CLAIM: 'realm_access.roles',
        LOTSE_OIDC_GROUP_ROLES: 'lotse-clerk:clerk',
        LOTSE_OIDC_GROUP_COUNTERS: '',
      },
      port,
    });
    let down: TestServer | undefined;
    try {
      const carla = await oidcRoundTrip(`${base}/api/auth/oidc/start?app=counter`, 'carla');
      expect(carla.finalUrl.href).toBe(`${base}/counter`);
      expect((await meWithCookie(session(carla.jar))).body.user).toEqual({ username: 'carla', role: 'clerk' });
      await server.stop();

      down = await startDirectoryServer({ env: { ...env(), LOTSE_OIDC_ISSUER: 'http://127.0.0.1:1' }, port });
      const started = await fetch(`${base}/api/auth/oidc/start?app=counter`, { redirect: 'manual' });
      expect(started.headers.get('location')).toBe('/counter?signin_error=DIRECTORY_UNAVAILABLE');
    } finally {
      await server.stop().catch(() => undefined);
      await down?.stop();
      removeDir(server.dataDir);
      if (down) removeDir(down.dataDir);
    }
  }, 60_000);
});
