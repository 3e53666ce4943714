/** Staff sign-in: session token (cookie and answer), password change, who is signed in. */
import { z } from 'zod';
import { LoginBody, PasswordChangeBody } from '../../../core/schemas/auth.ts';
import { route } from './route.ts';

const Done = z.object({ ok: z.literal(true) });

export const AUTH_ROUTES = [
  route('post', '/api/login', {
    tag: 'sign-in',
    summary: 'Sign in with user name and password; sets the session cookie.',
    access: 'public',
    body: LoginBody,
    ok: { description: '`{token, user}`' },
    errors: ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS', 'RATE_LIMITED'],
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
    errors: ['INVALID_CREDENTIALS', 'WEAK_PASSWORD', 'RATE_LIMITED'],
  }),
  route('get', '/api/me', {
    tag: 'sign-in',
    summary: 'The signed-in account.',
    access: 'session',
    ok: { description: '`{user}`' },
  }),
];
