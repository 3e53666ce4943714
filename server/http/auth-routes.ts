/** POST /api/login, POST /api/logout, GET /api/me. */
import { Router } from 'express';
import { SESSION_COOKIE, tokenFromHeaders } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';
import { currentUser } from './session.ts';
import { LoginBody, parse } from './validate.ts';

export function authRoutes(ctx: AppContext): Router {
  const router = Router();

  router.post('/api/login', async (req, res) => {
    const body = parse(LoginBody, req.body);
    const result = await ctx.auth.login(body.username, body.password, req.ip ?? 'unknown');
    if (!result.ok) return sendError(res, result.error);
    ctx.audit.record(result.user, 'session:sign-in');
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: 12 * 3600_000,
    });
    res.json({ token: result.token, user: result.user });
  });

  router.post('/api/logout', async (req, res) => {
    const token = tokenFromHeaders(req.headers);
    if (token) await ctx.auth.logout(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  router.get('/api/me', async (req, res) => {
    const user = await currentUser(ctx, req);
    if (!user) return sendError(res, 'UNAUTHENTICATED');
    res.json({ user });
  });

  return router;
}
