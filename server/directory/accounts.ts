/**
 * Directory users as staff accounts: provisioned at their first sign-in, role and counters
 * taken afresh from their groups at every sign-in, never a password. A local account of the same
 * name is never taken over, and an account an admin disabled stays disabled whatever the
 * directory says.
 */
import { decideAccess, type GroupMapping } from '../../core/directory-groups.ts';
import type { StaffUser } from '../../core/types.ts';
import { type Auth, type StaffRecord, sourceOf } from '../auth.ts';
import { logger } from '../logger.ts';
import type { Clock } from '../queue-service.ts';
import type { Store } from '../store/store.ts';
import type { DirectoryIdentity } from './ldap.ts';

const log = logger('directory');

export type AdmitError = 'NO_ROLE' | 'ACCOUNT_DISABLED' | 'ACCOUNT_CONFLICT';
export type Admission = { ok: true; token: string; user: StaffUser } | { ok: false; error: AdmitError };

const sameList = (a: string[] | undefined, b: string[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => b?.[i] === x);

export class DirectoryAccounts {
  constructor(
    private readonly store: Store,
    private readonly auth: Auth,
    private readonly clock: Clock,
  ) {}

  /** The account of a user the directory vouched for, refreshed from their groups, with a new session. */
  async admit(source: 'ldap' | 'oidc', identity: DirectoryIdentity, mapping: GroupMapping): Promise<Admission> {
    const { username } = identity;
    const existing = (await this.store.listUsers()).find((u) => u.username === username);
    if (existing && sourceOf(existing) !== source) {
      log.warn({ username, source, existing: sourceOf(existing) }, 'directory user has the name of another account');
      return { ok: false, error: 'ACCOUNT_CONFLICT' };
    }
    if (existing?.disabled) return { ok: false, error: 'ACCOUNT_DISABLED' };
    const access = decideAccess(mapping, identity.groups);
    if (!access.ok) {
      log.info({ username, source, groups: identity.groups.length }, 'directory user has no mapped group');
      // The directory took the user out of Lotse's groups: what they still had open ends too.
      if (existing) await this.auth.revokeUser(username);
      return { ok: false, error: 'NO_ROLE' };
    }
    const next: StaffRecord = {
      username,
      role: access.role,
      passwordHash: '',
      createdAt: existing?.createdAt ?? this.clock(),
      source,
    };
    if (access.counters) next.counters = [...access.counters].sort();
    const changed = existing && (existing.role !== next.role || !sameList(existing.counters, next.counters));
    await this.store.saveUser(next);
    // Sessions opened with the old role or counters end: the directory's word is the current one.
    if (changed) await this.auth.revokeUser(username);
    if (!existing) log.info({ username, source, role: next.role }, 'directory user signed in for the first time');
    return { ok: true, ...(await this.auth.openSession(next)) };
  }
}
