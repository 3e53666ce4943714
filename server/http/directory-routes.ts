/**
 * GET /api/auth/methods (which sign-ins the apps offer), and the OpenID Connect round trip:
 * GET /api/auth/oidc/start?app=counter|admin sends the browser to the provider,
 * GET /api/auth/oidc/callback signs in and sends it back to its app. Failures return to the app
 * with `?signin_error=CODE`, which the sign-in screen shows.
 */
import { type Response, Router } from 'express';
import type { ErrorCode } from '../../core/result.ts';
import { readCookie, SESSION_COOKIE } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { DirectoryAccounts } from '../directory/accounts.ts';
import { OidcDirectory } from '../directory/oidc.ts';
import { OidcStartQuery } from '../../core/schemas/auth.ts';
import { sendError } from './errors.ts';
import { parse } from './validate.ts';

const STATE_COOKIE = 'lotse_oidc_state';
const STATE_PATH = '/api/auth/oidc';
/** The apps a sign-in may return to (nothing else: no open redirect). */
const APPS = { counter: '/counter', admin: '/admin' } as const;

export function directoryRoutes(ctx: AppContext): Router {
  const router = Router();
  const oidc = ctx.config.oidc ? new OidcDirectory(ctx.config.oidc, ctx.clock) : undefined;
  const accounts = new DirectoryAccounts(ctx.store, ctx.auth, ctx.clock);

  router.get('/api/auth/methods', (_req, res) => {
    res.json({ password: true, ldap: !!ctx.config.ldap, oidc: !!oidc });
  });

  const backToApp = (res: Response, returnTo: string, code: ErrorCode) => {
    res.clearCookie(STATE_COOKIE, { path: STATE_PATH });
    res.redirect(303, `${returnTo}?signin_error=${code}`);
  };

  router.get('/api/auth/oidc/start', async (req, res) => {
    if (!oidc) return sendError(res, 'NOT_FOUND');
    const returnTo = APPS[parse(OidcStartQuery, req.query).app ?? 'counter'];
    const started = await oidc.start(returnTo);
    if (!started.ok) return backToApp(res, returnTo, started.error);
    // Lax: the provider's redirect back is a cross-site navigation, which must carry it.
    res.cookie(STATE_COOKIE, started.state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: STATE_PATH,
      maxAge: 10 * 60_000,
    });
    res.redirect(303, started.url);
  });

  router.get('/api/auth/oidc/callback', async (req, res) => {
    if (!oidc) return sendError(res, 'NOT_FOUND');
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string') query.set(key, value);
    const finished = await oidc.finish(query, readCookie(req.headers.cookie, STATE_COOKIE));
    if (!finished.ok) return backToApp(res, finished.returnTo ?? APPS.counter, finished.error);
    const admitted = await accounts.admit('oidc', finished.identity, oidc.settings.mapping);
    if (!admitted.ok) return backToApp(res, finished.returnTo, admitted.error);
    ctx.audit.record(admitted.user, 'session:sign-in', undefined, 'oidc');
    res.clearCookie(STATE_COOKIE, { path: STATE_PATH });
    res.cookie(SESSION_COOKIE, admitted.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: 12 * 3600_000,
    });
    res.redirect(303, finished.returnTo);
  });

  return router;
}
