/** Staff sign-in: session token (cookie and answer), password change, who is signed in. */
import { z } from 'zod';
import { LoginBody, OidcStartQuery, PasswordChangeBody } from '../../../core/schemas/auth.ts';
import { route } from './route.ts';

const Done = z.object({ ok: z.literal(true) });

export const AUTH_ROUTES = [
  route('post', '/api/login', {
    tag: 'sign-in',
    summary: 'Sign in with user name and password; sets the session cookie.',
    access: 'public',
    body: LoginBody,
    ok: { description: '`{token, user}`' },
    errors: [
      'INVALID_CREDENTIALS',
      'TOO_MANY_ATTEMPTS',
      'RATE_LIMITED',
      // With LDAP sign-in: no mapped group, disabled in Lotse, a local account's name, directory down.
      'NO_ROLE',
      'ACCOUNT_DISABLED',
      'ACCOUNT_CONFLICT',
      'DIRECTORY_UNAVAILABLE',
    ],
  }),
  route('post', '/api/logout', {
    tag: 'sign-in',
    summary: 'End the session.',
    access: 'public',
    ok: { description: '`{ok: true}`', schema: Done },
  }),
  route('post', '/api/me/password', {
    tag: 'sign-in',
    summary: 'Change the own password (answers a new session).',
    access: 'session',
    body: PasswordChangeBody,
    ok: { description: '`{token, user}`' },
    errors: ['INVALID_CREDENTIALS', 'WEAK_PASSWORD', 'RATE_LIMITED', 'DIRECTORY_ACCOUNT'],
  }),
  route('get', '/api/me', {
    tag: 'sign-in',
    summary: 'The signed-in account.',
    access: 'session',
    ok: { description: '`{user}`' },
  }),
  route('get', '/api/auth/methods', {
    tag: 'sign-in',
    summary: 'Which sign-in methods are configured (the apps show the directory button by it).',
    access: 'public',
    ok: { description: '`{password: true, ldap, oidc}`' },
  }),
  route('get', '/api/auth/oidc/start', {
    tag: 'sign-in',
    summary: 'Start an OpenID Connect sign-in (code flow with PKCE): redirects to the provider.',
    description:
      '`?app=counter|admin` names the app to return to. A refusal returns to the app with `?signin_error=CODE`.',
    access: 'public',
    query: OidcStartQuery,
    ok: { description: 'Redirect to the provider', content: 'redirect' },
    errors: ['NOT_FOUND'],
  }),
  route('get', '/api/auth/oidc/callback', {
    tag: 'sign-in',
    summary: "The provider's redirect back: sets the session cookie and returns to the app.",
    description:
      'Refusals (`NO_ROLE`, `ACCOUNT_DISABLED`, `ACCOUNT_CONFLICT`, `SIGN_IN_EXPIRED`, `DIRECTORY_UNAVAILABLE`) return to the app with `?signin_error=CODE`.',
    access: 'public',
    ok: { description: 'Redirect to the app', content: 'redirect' },
    errors: ['NOT_FOUND'],
  }),
];
