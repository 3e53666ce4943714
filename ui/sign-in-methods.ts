/**
 * Which sign-ins the server offers (`GET /api/auth/methods`): with OpenID Connect configured the
 * sign-in screens show "Mit Dienstkonto anmelden". A sign-in through the provider that failed
 * comes back as `?signin_error=CODE`, read once and removed from the address bar.
 */
import { api } from './api.ts';

export interface SignInMethods {
  password: boolean;
  ldap: boolean;
  oidc: boolean;
}

/** The methods, or only the password form when the server cannot say (an older server, offline). */
export async function fetchSignInMethods(): Promise<SignInMethods> {
  try {
    const answer = await api<Partial<SignInMethods>>('GET', '/api/auth/methods');
    return { password: true, ldap: answer?.ldap === true, oidc: answer?.oidc === true };
  } catch {
    return { password: true, ldap: false, oidc: false };
  }
}

/** Where the "Mit Dienstkonto anmelden" link starts the sign-in for an app. */
export const serviceAccountHref = (app: 'counter' | 'admin') => `/api/auth/oidc/start?app=${app}`;

/** The error code a failed provider sign-in left in the address, removed from it (null: none). */
export function takeSignInError(): string | null {
  if (typeof location === 'undefined') return null;
  const url = new URL(location.href);
  const code = url.searchParams.get('signin_error');
  if (!code) return null;
  url.searchParams.delete('signin_error');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return /^[A-Z_]{1,40}$/.test(code) ? code : 'INTERNAL';
}
