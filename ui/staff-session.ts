/**
 * Staff sign-in over HTTP. The server keeps the session in an httpOnly cookie, so the app never
 * holds the token: a socket connected after `signIn` is authenticated by that cookie.
 */
import type { LoginAnswer } from '../core/api.ts';
import type { Role, StaffUser } from '../core/types.ts';
import { ApiError, api } from './api.ts';

/** The error code of anything `api()` threw (a broken answer counts as `INTERNAL`). */
export function errorCodeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'INTERNAL';
}

/** The signed-in user, or `null` when there is no valid session. */
export async function fetchMe(): Promise<StaffUser | null> {
  try {
    const answer = await api<{ user: StaffUser }>('GET', '/api/me');
    return answer?.user ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<StaffUser> {
  const answer = await api<LoginAnswer>('POST', '/api/login', { username, password });
  return answer.user;
}

/** Sets a new password (the server ends the other sessions and gives this one a fresh cookie). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<StaffUser> {
  const answer = await api<LoginAnswer>('POST', '/api/me/password', { currentPassword, newPassword });
  return answer.user;
}

/** Ends the session on the server; a failure (offline, already gone) is not the user's problem. */
export async function signOut(): Promise<void> {
  try {
    await api<unknown>('POST', '/api/logout');
  } catch {
    // The cookie expires on its own; nothing else to do.
  }
}

/** Whether a user of `role` may open an app that needs `required` (an admin may do everything). */
export function hasRole(role: Role, required: Role): boolean {
  return role === 'admin' || role === required;
}
