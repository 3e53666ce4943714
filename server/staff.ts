/** Staff accounts, managed by admins: list, create, change role or password, disable, remove. */
import { z } from 'zod';
import { fail, ok, type Result } from '../core/result.ts';
import type { Role } from '../core/types.ts';
import type { Auth } from './auth.ts';
import { passwordProblem } from './passwords.ts';
import type { Store, StoredUser } from './store/store.ts';

export const Username = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'lower-case letters, digits, . _ -');

export interface StaffAccount {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

const present = (u: StoredUser): StaffAccount => ({
  username: u.username,
  role: u.role,
  disabled: u.disabled === true,
  createdAt: new Date(u.createdAt).toISOString(),
});

export class StaffService {
  constructor(
    private readonly store: Store,
    private readonly auth: Auth,
  ) {}

  async list(): Promise<StaffAccount[]> {
    return (await this.store.listUsers()).map(present).sort((a, b) => a.username.localeCompare(b.username));
  }

  async create(username: string, password: string, role: Role): Promise<Result<StaffAccount>> {
    if (passwordProblem(password, username)) return fail('WEAK_PASSWORD');
    const users = await this.store.listUsers();
    if (users.some((u) => u.username === username)) return fail('USER_EXISTS');
    await this.auth.createUser(username, password, role);
    const created = (await this.store.listUsers()).find((u) => u.username === username);
    return created ? ok(present(created)) : fail('INTERNAL');
  }

  async update(
    username: string,
    change: { role?: Role; password?: string; disabled?: boolean },
  ): Promise<Result<StaffAccount>> {
    const users = await this.store.listUsers();
    const user = users.find((u) => u.username === username);
    if (!user) return fail('UNKNOWN_USER');
    if (change.password !== undefined && passwordProblem(change.password, username)) return fail('WEAK_PASSWORD');
    const losesAdmin = user.role === 'admin' && ((change.role && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin && activeAdmins(users) <= 1) return fail('LAST_ADMIN');
    if (change.password !== undefined) await this.auth.createUser(username, change.password, change.role ?? user.role);
    const fresh = (await this.store.listUsers()).find((u) => u.username === username) ?? user;
    const next: StoredUser = { ...fresh, role: change.role ?? fresh.role };
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
