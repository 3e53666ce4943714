/** Request helpers: the signed-in staff user, and guards for staff-only routes. */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role, StaffUser } from '../../core/types.ts';
import { type Session, tokenFromHeaders } from '../auth.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';

export function currentUser(ctx: AppContext, req: Request): Promise<StaffUser | null> {
  return ctx.auth.userFor(tokenFromHeaders(req.headers));
}

export function currentSession(ctx: AppContext, req: Request): Promise<Session | null> {
  return ctx.auth.sessionFor(tokenFromHeaders(req.headers));
}

export function requireRole(ctx: AppContext, ...roles: Role[]): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await currentUser(ctx, req);
    if (!user) return sendError(res, 'UNAUTHENTICATED');
    if (!roles.includes(user.role)) return sendError(res, 'FORBIDDEN');
    if (user.mustChangePassword) return sendError(res, 'PASSWORD_CHANGE_REQUIRED');
    res.locals.user = user;
    next();
  };
}
