/**
 * POST /api/login (local accounts, else LDAP when configured), POST /api/logout, GET /api/me,
 * and the directory routes (server/http/directory-routes.ts).
 */
import { type Request, type Response, Router } from 'express';
import { SESSION_COOKIE, sourceOf, tokenFromHeaders } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { PasswordSignIn } from '../directory/sign-in.ts';
import { directoryRoutes } from './directory-routes.ts';
import { sendError } from './errors.ts';
import { currentSession, currentUser } from './session.ts';
import { LoginBody, PasswordChangeBody, parse } from './validate.ts';

export function authRoutes(ctx: AppContext): Router {
  const router = Router();
  const passwordSignIn = new PasswordSignIn(ctx.store, ctx.auth, ctx.clock, ctx.config.ldap);
  router.use(directoryRoutes(ctx));

  router.post('/api/login', async (req, res) => {
    const body = parse(LoginBody, req.body);
    const result = await passwordSignIn.login(body.username, body.password, req.ip ?? 'unknown');
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(result.user, 'session:sign-in');
    sendSession(req, res, result);
  });

  router.post('/api/logout', async (req, res) => {
    const token = tokenFromHeaders(req.headers);
    if (token) await ctx.auth.logout(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  // A signed-in user chooses a new password (required after a generated one). Every session of
  // the account ends; this request gets a fresh one.
  router.post('/api/me/password', async (req, res) => {
    const body = parse(PasswordChangeBody, req.body);
    const session = await currentSession(ctx, req);
    if (!session) return sendError(res, 'UNAUTHENTICATED');
    const account = (await ctx.store.listUsers()).find((u) => u.username === session.user.username);
    if (account && sourceOf(account) !== 'local') return sendError(res, 'DIRECTORY_ACCOUNT');
    const client = req.ip ?? 'unknown';
    const checked = await ctx.auth.checkPassword(session.user.username, body.currentPassword, client);
    if (checked === 'limited') return sendError(res, 'RATE_LIMITED');
    if (checked === 'wrong') return sendError(res, 'INVALID_CREDENTIALS');
    if (body.newPassword === body.currentPassword) return sendError(res, 'WEAK_PASSWORD');
    const changed = await ctx.staff.update(session.user.username, { password: body.newPassword });
    if (!changed.ok) return sendError(res, changed.error);
    const result = await ctx.auth.login(session.user.username, body.newPassword, client);
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(result.user, 'session:password-change');
    sendSession(req, res, result);
  });

  router.get('/api/me', async (req, res) => {
    const user = await currentUser(ctx, req);
    if (!user) return sendError(res, 'UNAUTHENTICATED');
    res.json({ user });
  });

  return router;
}

/** A new session: its token as the staff apps' cookie (12 h, this site only) and in the answer. */
function sendSession(req: Request, res: Response, session: { token: string; user: unknown }): void {
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge: 12 * 3600_000,
  });
  res.json({ token: session.token, user: session.user });
}
