/**
 * OpenID Connect sign-in (authorization code with PKCE, state and nonce): the provider's
 * metadata is discovered once (again after a failure), each started sign-in is remembered here
 * for ten minutes under its state, and the callback yields the user name and groups (or roles)
 * from the ID token, or from the userinfo endpoint when the ID token lacks them.
 */
import * as client from 'openid-client';
import type { OidcSettings } from '../config.ts';
import { logger } from '../logger.ts';
import type { Clock } from '../queue-service.ts';
import type { DirectoryIdentity } from './ldap.ts';

const log = logger('oidc');

const PENDING_MS = 10 * 60_000;
const PENDING_CAP = 10_000;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

interface Pending {
  verifier: string;
  nonce: string;
  returnTo: string;
  expiresAt: number;
}

export type OidcStart = { ok: true; url: string; state: string } | { ok: false; error: 'DIRECTORY_UNAVAILABLE' };
export type OidcFinish =
  | { ok: true; identity: DirectoryIdentity; returnTo: string }
  | { ok: false; error: 'SIGN_IN_EXPIRED' | 'INVALID_CREDENTIALS' | 'DIRECTORY_UNAVAILABLE'; returnTo?: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A claim by name, or by a dotted path into nested claims (`realm_access.roles`). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let at: unknown = claims;
  for (const key of path.split('.'))
    at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/** Groups as a list; Keycloak writes group paths (`/lotse-admins`), which also count without the slash. */
export function groupsFrom(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return list
    .filter((g): g is string => typeof g === 'string' && g.length > 0)
    .flatMap((g) => (g.startsWith('/') && g.length > 1 ? [g, g.slice(1)] : [g]));
}

export class OidcDirectory {
  private configuration: client.Configuration | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(
    readonly settings: OidcSettings,
    private readonly clock: Clock,
  ) {}

  private async config(): Promise<client.Configuration> {
    if (this.configuration) return this.configuration;
    const s = this.settings;
    const issuer = new URL(s.issuer);
    // Plain HTTP only to a provider on this machine (a test or a local proxy); else HTTPS.
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    this.configuration = await client.discovery(
      issuer,
      s.clientId,
      undefined,
      s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None(),
      { ...(insecure ? { execute: [client.allowInsecureRequests] } : {}), timeout: 10 },
    );
    return this.configuration;
  }

  /** Where to send the browser to sign in; `returnTo` is a path of this server. */
  async start(returnTo: string): Promise<OidcStart> {
    let config: client.Configuration;
    try {
      config = await this.config();
    } catch (error) {
      log.error({ err: error, issuer: this.settings.issuer }, 'OpenID provider discovery failed');
      return { ok: false, error: 'DIRECTORY_UNAVAILABLE' };
    }
    const now = this.clock();
    for (const [key, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(key);
    if (this.pending.size >= PENDING_CAP) this.pending.delete(this.pending.keys().next().value as string);
    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    this.pending.set(state, { verifier, nonce, returnTo, expiresAt: now + PENDING_MS });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { ok: true, url: url.href, state };
  }

  /** The provider's answer (the callback's query) for the sign-in this browser started (`browserState`). */
  async finish(query: URLSearchParams, browserState: string | undefined): Promise<OidcFinish> {
    const state = query.get('state') ?? '';
    const pending = this.pending.get(state);
    this.pending.delete(state);
    if (!pending || pending.expiresAt <= this.clock() || browserState !== state)
      return { ok: false, error: 'SIGN_IN_EXPIRED' };
    const { returnTo } = pending;
    if (query.has('error')) {
      log.info({ error: query.get('error')?.slice(0, 60) }, 'OpenID provider refused the sign-in');
      return { ok: false, error: 'INVALID_CREDENTIALS', returnTo };
    }
    let claims: Record<string, unknown>;
    try {
      const config = await this.config();
      const currentUrl = new URL(this.settings.redirectUrl);
      currentUrl.search = query.toString();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      const s = this.settings;
      if (claimAt(claims, s.usernameClaim) === undefined || claimAt(claims, s.rolesClaim) === undefined) {
        const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub as string);
        claims = { ...info, ...claims };
        for (const path of [s.usernameClaim, s.rolesClaim]) {
          if (claimAt(claims, path) === undefined && claimAt(info, path) !== undefined)
            claims[path] = claimAt(info, path);
        }
      }
    } catch (error) {
      const unreachable = error instanceof TypeError || (error as { name?: string }).name === 'TimeoutError';
      log.warn({ err: error }, 'OpenID sign-in failed');
      return { ok: false, error: unreachable ? 'DIRECTORY_UNAVAILABLE' : 'INVALID_CREDENTIALS', returnTo };
    }
    const rawName = claimAt(claims, this.settings.usernameClaim);
    const username = typeof rawName === 'string' ? rawName.trim().toLowerCase() : '';
    if (!USERNAME.test(username)) {
      log.warn({ claim: this.settings.usernameClaim }, 'OpenID user name missing or not usable as a staff user name');
      return { ok: false, error: 'INVALID_CREDENTIALS', returnTo };
    }
    return {
      ok: true,
      identity: { username, groups: groupsFrom(claimAt(claims, this.settings.rolesClaim)) },
      returnTo,
    };
  }
}
