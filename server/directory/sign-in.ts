/**
 * The username/password form: local accounts check their password here; every other name goes
 * to LDAP when it is configured. Failed attempts are throttled alike (server/limits.ts); a
 * directory that cannot be reached counts as no attempt.
 */
import type { StaffUser } from '../../core/types.ts';
import { type Auth, sourceOf } from '../auth.ts';
import type { LdapSettings } from '../config.ts';
import type { Clock } from '../queue-service.ts';
import type { Store } from '../store/store.ts';
import { type AdmitError, DirectoryAccounts } from './accounts.ts';
import { LdapDirectory } from './ldap.ts';

export type PasswordSignInResult =
  | { ok: true; token: string; user: StaffUser }
  | { ok: false; error: 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'DIRECTORY_UNAVAILABLE' | AdmitError };

export class PasswordSignIn {
  private readonly ldap: LdapDirectory | undefined;
  private readonly accounts: DirectoryAccounts;

  constructor(
    private readonly store: Store,
    private readonly auth: Auth,
    clock: Clock,
    private readonly ldapSettings: LdapSettings | undefined,
  ) {
    this.ldap = ldapSettings ? new LdapDirectory(ldapSettings) : undefined;
    this.accounts = new DirectoryAccounts(store, auth, clock);
  }

  async login(username: string, password: string, client: string): Promise<PasswordSignInResult> {
    if (!this.ldap || !this.ldapSettings) return this.auth.login(username, password, client);
    const users = await this.store.listUsers();
    const exact = users.find((u) => u.username === username);
    if (exact && sourceOf(exact) === 'local') return this.auth.login(username, password, client);
    if (await this.auth.throttled(username, client)) return { ok: false, error: 'RATE_LIMITED' };
    const answer = await this.ldap.authenticate(username, password);
    if (!answer.ok) {
      if (answer.error === 'INVALID_CREDENTIALS') {
        const known = users.some((u) => u.username === username.trim().toLowerCase());
        await this.auth.failed(username, client, known);
      }
      return answer;
    }
    return this.accounts.admit('ldap', answer.identity, this.ldapSettings.mapping);
  }
}
