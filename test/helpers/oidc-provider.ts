/**
 * An OpenID provider in this process for tests (`oidc-provider`, its built-in login and consent
 * pages), on a random loopback port, and a browser-like client that walks the sign-in round trip
 * with plain HTTP: it follows redirects, keeps cookies per host and fills in the provider's forms.
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './ports.ts';

export interface TestAccount {
  /** Claims beside `sub` (e.g. preferred_username, groups). */
  claims: Record<string, unknown>;
}

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  stop(): Promise<void>;
}

export async function startOidcProvider(client: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, TestAccount>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], groups: ['groups', 'realm_access'] },
    cookies: { keys: ['lotse-test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...account.claims }) };
    },
  });
  const server: Server = provider.listen(port, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    issuer,
    accounts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies per host:port, sent with every request to it (paths ignored: enough for these round trips). */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.jars.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(url: URL | string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  take(url: URL, response: Response): void {
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    this.jars.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}

export interface RoundTrip {
  /** The last URL: where the browser ended up (the app, with `?signin_error=` on failure). */
  finalUrl: URL;
  jar: CookieJar;
}

const hidden = (html: string) =>
  [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\s*\/?>/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]);

/**
 * Follows a sign-in from `start` (Lotse's /api/auth/oidc/start) through the provider's login and
 * consent pages back to Lotse, signing in as `login`; stops at the first page outside the flow.
 */
export async function oidcRoundTrip(start: string, login: string, jar = new CookieJar()): Promise<RoundTrip> {
  let url = new URL(start);
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(url),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(body ? { body: body.toString() } : {}),
    });
    jar.take(url, response);
    method = 'GET';
    body = undefined;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.arrayBuffer();
      url = new URL(location, url);
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
    if (!action || !url.pathname.startsWith('/interaction/')) return { finalUrl: url, jar };
    body = new URLSearchParams(hidden(html));
    if (html.includes('name="login"')) {
      body.set('login', login);
      body.set('password', 'any password: the test provider checks none');
    }
    method = 'POST';
    url = new URL(action.replaceAll('&amp;', '&'), url);
  }
  throw new Error('the sign-in round trip did not end within 20 steps');
}
