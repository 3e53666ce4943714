/**
 * Staff accounts and sessions: argon2 password hashes, random session tokens (cookie or
 * bearer), login throttling, and the admin bootstrap on a first start (a generated password
 * must be changed at the first sign-in).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Role, StaffUser } from '../core/types.ts';
import type { Clock } from './queue-service.ts';
import type { Limits } from './limits.ts';
import { logger } from './logger.ts';
import type { Store, StoredSession, StoredUser } from './store/store.ts';

const log = logger('auth');

export const SESSION_COOKIE = 'lotse_session';
const SESSION_TTL_MS = 12 * 3600_000;

export interface Session {
  user: StaffUser;
  expiresAt: number;
  /** The counter a clerk signed in to; clerks act only there. */
  counterId?: string;
  /** The counters the account may work at (absent: any). */
  counters?: string[];
}

/** Where an account signs in: a local password, or a directory (provisioned at its first sign-in). */
export type AccountSource = 'local' | 'ldap' | 'oidc';

/** A stored staff account; directory accounts carry their source and have no password hash. */
export type StaffRecord = StoredUser & { source?: 'ldap' | 'oidc' };

export const sourceOf = (user: StoredUser): AccountSource => (user as StaffRecord).source ?? 'local';

export type LoginResult =
  | { ok: true; token: string; user: StaffUser }
  | { ok: false; error: 'INVALID_CREDENTIALS' | 'RATE_LIMITED' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** How long a process trusts a session it looked up (other processes may revoke it meanwhile). */
const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_CAP = 5_000;

export class Auth {
  private readonly cache = new Map<string, { session: StoredSession; at: number }>();
  private readonly endedListeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly limits: Limits,
  ) {}

  /** Creates the `admin` account when no staff account exists yet. Returns the password when generated. */
  async bootstrap(adminPassword: string | undefined): Promise<string | null> {
    const users = await this.store.listUsers();
    if (users.length > 0) return null;
    const password = adminPassword ?? randomBytes(12).toString('base64url');
    await this.createUser('admin', password, 'admin', !adminPassword);
    if (!adminPassword) {
      log.warn({ username: 'admin', password }, 'created the account admin with this one-time password; change it');
    } else {
      log.info({ username: 'admin' }, 'created the account admin from LOTSE_ADMIN_PASSWORD');
    }
    return adminPassword ? null : password;
  }

  async createUser(username: string, password: string, role: Role, mustChangePassword = false): Promise<void> {
    const user: StoredUser = { username, role, passwordHash: await hash(password), createdAt: this.clock() };
    if (mustChangePassword) user.mustChangePassword = true;
    await this.store.saveUser(user);
  }

  /**
   * Signs in. Failed attempts count per client address and per account (across processes
   * when Redis is configured); either limit used up refuses further attempts with RATE_LIMITED
   * before the password is even checked.
   */
  async login(username: string, password: string, client: string): Promise<LoginResult> {
    if (await this.throttled(username, client)) return { ok: false, error: 'RATE_LIMITED' };
    const user = (await this.store.listUsers()).find((u) => u.username === username);
    // Directory accounts have no password here: they sign in through their directory only.
    const local = user && sourceOf(user) === 'local' && !user.disabled ? user : undefined;
    const valid = local ? await verify(local.passwordHash, password).catch(() => false) : false;
    if (!user || !valid) {
      await this.failed(username, client, !!user);
      return { ok: false, error: 'INVALID_CREDENTIALS' };
    }
    return { ok: true, ...(await this.openSession(user)) };
  }

  /** Whether failed sign-ins from this client or for this account used up their limit. */
  async throttled(username: string, client: string): Promise<boolean> {
    return (
      (await this.limits.exhausted('loginClient', client)) ||
      (await this.limits.exhausted('loginAccount', `account:${username.toLowerCase()}`))
    );
  }

  /** Counts a failed sign-in; only real accounts are counted per account (made-up names create no keys). */
  async failed(username: string, client: string, realAccount: boolean): Promise<void> {
    await this.limits.take('loginClient', client);
    if (realAccount) await this.limits.take('loginAccount', `account:${username.toLowerCase()}`);
    log.info({ username: username.slice(0, 40), client }, 'failed sign-in');
  }

  /** A new session for an account whose credentials were checked (here or by its directory). */
  async openSession(user: StoredUser): Promise<{ token: string; user: StaffUser }> {
    const token = randomBytes(32).toString('base64url');
    const staff: StaffUser = { username: user.username, role: user.role };
    if (user.mustChangePassword) staff.mustChangePassword = true;
    const session: StoredSession = {
      tokenHash: hashToken(token),
      user: staff,
      expiresAt: this.clock() + SESSION_TTL_MS,
    };
    if (user.counters?.length) session.counters = [...user.counters];
    await this.store.putSession(session);
    return { token, user: staff };
  }

  /**
   * Checks the password of a signed-in user (before they change it); failures count like
   * failed sign-ins.
   */
  async checkPassword(username: string, password: string, client: string): Promise<'ok' | 'wrong' | 'limited'> {
    const account = `account:${username.toLowerCase()}`;
    if ((await this.limits.exhausted('loginClient', client)) || (await this.limits.exhausted('loginAccount', account)))
      return 'limited';
    const user = (await this.store.listUsers()).find((u) => u.username === username);
    if (
      user &&
      sourceOf(user) === 'local' &&
      !user.disabled &&
      (await verify(user.passwordHash, password).catch(() => false))
    )
      return 'ok';
    await this.limits.take('loginClient', client);
    await this.limits.take('loginAccount', account);
    return 'wrong';
  }

  async logout(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    this.cache.delete(tokenHash);
    await this.store.deleteSession(tokenHash);
    this.sessionsEnded();
  }

  /** Called after sessions ended in this process (sockets then leave the staff rooms). */
  onSessionsEnded(listener: () => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private sessionsEnded(): void {
    for (const listener of this.endedListeners) listener();
  }

  /** The signed-in user of a session token, or null. */
  async userFor(token: string | undefined): Promise<StaffUser | null> {
    return (await this.sessionFor(token))?.user ?? null;
  }

  async sessionFor(token: string | undefined): Promise<Session | null> {
    if (!token || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const now = this.clock();
    const cached = this.cache.get(tokenHash);
    let session = cached && now - cached.at < SESSION_CACHE_MS ? cached.session : undefined;
    if (!session) {
      session = (await this.store.getSession(tokenHash)) ?? undefined;
      if (!session) {
        this.cache.delete(tokenHash);
        return null;
      }
      this.cache.set(tokenHash, { session, at: now });
      if (this.cache.size > SESSION_CACHE_CAP) this.cache.delete(this.cache.keys().next().value as string);
    }
    if (session.expiresAt <= now) {
      this.cache.delete(tokenHash);
      await this.store.deleteSession(tokenHash);
      return null;
    }
    return session;
  }

  /** A clerk signs in to a counter: from now on this session acts only there. */
  async bindCounter(token: string, counterId: string): Promise<void> {
    const session = await this.sessionFor(token);
    if (!session) return;
    const tokenHash = hashToken(token);
    const next: StoredSession = { tokenHash, user: session.user, expiresAt: session.expiresAt, counterId };
    if (session.counters) next.counters = session.counters;
    await this.store.putSession(next);
    this.cache.set(tokenHash, { session: next, at: this.clock() });
  }

  /** Ends every session of a user (after a password or role change, or removal). */
  async revokeUser(username: string): Promise<void> {
    for (const [k, v] of this.cache) if (v.session.user.username === username) this.cache.delete(k);
    await this.store.deleteSessionsOf(username);
    this.sessionsEnded();
  }
}

/**
 * Why a session may not work at a counter, or null: a generated password still to be changed, or
 * an account restricted to other counters.
 */
export function counterRefusal(
  session: Session,
  counterId: string,
): 'PASSWORD_CHANGE_REQUIRED' | 'COUNTER_NOT_ALLOWED' | null {
  if (session.user.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
  if (session.counters && !session.counters.includes(counterId)) return 'COUNTER_NOT_ALLOWED';
  return null;
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
