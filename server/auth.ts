/**
 * Staff accounts and sessions: argon2 password hashes, random session tokens (cookie or
 * bearer), login throttling, and the admin bootstrap on a first start.
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Role, StaffUser } from '../core/types.ts';
import type { Clock } from './queue-service.ts';
import { logger } from './logger.ts';
import type { Store } from './store/store.ts';

const log = logger('auth');

export const SESSION_COOKIE = 'lotse_session';
const SESSION_TTL_MS = 12 * 3600_000;
const SESSIONS_CAP = 10_000;
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

export interface Session {
  user: StaffUser;
  expiresAt: number;
  /** The counter a clerk signed in to; clerks act only there. */
  counterId?: string;
}

export type LoginResult =
  | { ok: true; token: string; user: StaffUser }
  | { ok: false; error: 'INVALID_CREDENTIALS' | 'TOO_MANY_ATTEMPTS' };

export class Auth {
  private readonly sessions = new Map<string, Session>();
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Creates the `admin` account when no staff account exists yet. Returns the password when generated. */
  async bootstrap(adminPassword: string | undefined): Promise<string | null> {
    const users = await this.store.listUsers();
    if (users.length > 0) return null;
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    await this.createUser('admin', password, 'admin');
    if (!adminPassword) {
      log.warn({ username: 'admin', password }, 'created the account admin with this one-time password; change it');
    } else {
      log.info({ username: 'admin' }, 'created the account admin from LOTSE_ADMIN_PASSWORD');
    }
    return adminPassword ? null : password;
  }

  async createUser(username: string, password: string, role: Role): Promise<void> {
    await this.store.saveUser({ username, role, passwordHash: await hash(password), createdAt: this.clock() });
  }

  async login(username: string, password: string, client: string): Promise<LoginResult> {
    const now = this.clock();
    const key = `${client}|${username.toLowerCase()}`;
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);
    if (recent.length >= MAX_FAILURES) return { ok: false, error: 'TOO_MANY_ATTEMPTS' };
    const user = (await this.store.listUsers()).find((u) => u.username === username);
    const valid = user && !user.disabled ? await verify(user.passwordHash, password).catch(() => false) : false;
    if (!user || !valid) {
      recent.push(now);
      this.failures.set(key, recent);
      if (this.failures.size > SESSIONS_CAP) this.failures.delete(this.failures.keys().next().value as string);
      log.info({ username: username.slice(0, 40), client }, 'failed sign-in');
      return { ok: false, error: 'INVALID_CREDENTIALS' };
    }
    this.failures.delete(key);
    const token = randomBytes(32).toString('base64url');
    const staff: StaffUser = { username: user.username, role: user.role };
    this.sessions.set(token, { user: staff, expiresAt: now + SESSION_TTL_MS });
    this.prune(now);
    return { ok: true, token, user: staff };
  }

  logout(token: string): void {
    this.sessions.delete(token);
  }

  /** The signed-in user of a session token, or null. */
  userFor(token: string | undefined): StaffUser | null {
    return this.sessionFor(token)?.user ?? null;
  }

  sessionFor(token: string | undefined): Session | null {
    if (!token) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    if (session.expiresAt <= this.clock()) {
      this.sessions.delete(token);
      return null;
    }
    return session;
  }

  /** A clerk signs in to a counter: from now on this session acts only there. */
  bindCounter(token: string, counterId: string): void {
    const session = this.sessionFor(token);
    if (session) session.counterId = counterId;
  }

  /** Ends every session of a user (after a password or role change, or removal). */
  revokeUser(username: string): void {
    for (const [token, s] of this.sessions) if (s.user.username === username) this.sessions.delete(token);
  }

  private prune(now: number): void {
    if (this.sessions.size <= SESSIONS_CAP) return;
    for (const [token, s] of this.sessions) {
      if (s.expiresAt <= now || this.sessions.size > SESSIONS_CAP) this.sessions.delete(token);
    }
  }
}

/** The session token of a request: `Authorization: Bearer …` or the session cookie. */
export function tokenFromHeaders(headers: { authorization?: string | undefined; cookie?: string | undefined }) {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || undefined;
  return readCookie(headers.cookie, SESSION_COOKIE);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
