/** Staff accounts, managed by admins: list, create, change role or password, disable, remove. */
import { z } from 'zod';
import type { StaffAccountView } from '../core/admin-views.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Role } from '../core/types.ts';
import { type AccountSource, type Auth, sourceOf } from './auth.ts';
import { passwordProblem } from './passwords.ts';
import type { Store, StoredUser } from './store/store.ts';

export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'lower-case letters, digits, . _ -');

/** An account as the admin API lists it, with where it signs in. */
export interface StaffAccount extends StaffAccountView {
  /** `local` (password here) or the directory the account signs in with. */
  source: AccountSource;
}

/** Counter ids as an account's restriction: at most 100, each at most 64 characters; empty means any. */
export const AccountCounters = z.array(z.string().min(1).max(64)).max(100);

const present = (u: StoredUser): StaffAccount => {
  const account: StaffAccount = {
    username: u.username,
    role: u.role,
    disabled: u.disabled === true,
    createdAt: new Date(u.createdAt).toISOString(),
    source: sourceOf(u),
  };
  if (u.counters?.length) account.counters = [...u.counters];
  return account;
};

/** Sets or clears (empty list) the counters an account may work at. */
function restrict(user: StoredUser, counters: string[] | undefined): StoredUser {
  if (counters === undefined) return user;
  const { counters: _old, ...rest } = user;
  const unique = [...new Set(counters)];
  return unique.length > 0 ? { ...rest, counters: unique } : rest;
}

export class StaffService {
  constructor(
    private readonly store: Store,
    private readonly auth: Auth,
  ) {}

  async list(): Promise<StaffAccount[]> {
    return (await this.store.listUsers()).map(present).sort((a, b) => a.username.localeCompare(b.username));
  }

  async create(username: string, password: string, role: Role, counters?: string[]): Promise<Result<StaffAccount>> {
    if (passwordProblem(password, username)) return fail('WEAK_PASSWORD');
    const users = await this.store.listUsers();
    if (users.some((u) => u.username === username)) return fail('USER_EXISTS');
    await this.auth.createUser(username, password, role);
    const created = (await this.store.listUsers()).find((u) => u.username === username);
    if (!created) return fail('INTERNAL');
    const restricted = restrict(created, counters);
    if (restricted !== created) await this.store.saveUser(restricted);
    return ok(present(restricted));
  }

  async update(
    username: string,
    change: { role?: Role; password?: string; disabled?: boolean; counters?: string[] },
  ): Promise<Result<StaffAccount>> {
    const users = await this.store.listUsers();
    const user = users.find((u) => u.username === username);
    if (!user) return fail('UNKNOWN_USER');
    // A directory account's password lives in the directory; giving it one here would turn it local.
    if (change.password !== undefined && sourceOf(user) !== 'local') return fail('DIRECTORY_ACCOUNT');
    if (change.password !== undefined && passwordProblem(change.password, username)) return fail('WEAK_PASSWORD');
    const losesAdmin = user.role === 'admin' && ((change.role && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin && activeAdmins(users) <= 1) return fail('LAST_ADMIN');
    if (change.password !== undefined) await this.auth.createUser(username, change.password, change.role ?? user.role);
    const fresh = (await this.store.listUsers()).find((u) => u.username === username) ?? user;
    // A new password rewrites the account; what it was allowed to do stays.
    const kept: StoredUser = user.counters ? { ...fresh, counters: user.counters } : fresh;
    const next: StoredUser = restrict({ ...kept, role: change.role ?? fresh.role }, change.counters);
    if (change.disabled !== undefined) next.disabled = change.disabled;
    else if (user.disabled) next.disabled = true;
    next.createdAt = user.createdAt;
    await this.store.saveUser(next);
    await this.auth.revokeUser(username);
    return ok(present(next));
  }

  async remove(username: string): Promise<Result<true>> {
    const users = await this.store.listUsers();
    const user = users.find((u) => u.username === username);
    if (!user) return fail('UNKNOWN_USER');
    if (user.role === 'admin' && !user.disabled && activeAdmins(users) <= 1) return fail('LAST_ADMIN');
    await this.store.deleteUser(username);
    await this.auth.revokeUser(username);
    return ok(true);
  }
}

function activeAdmins(users: StoredUser[]): number {
  return users.filter((u) => u.role === 'admin' && !u.disabled).length;
}
