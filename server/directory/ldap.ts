/**
 * LDAP / Active Directory sign-in: binds as the user (found by a DN template, or by a search
 * with a service account or anonymously), then reads the user's groups (`memberOf`, and groups
 * under a group base that list the user as `member`, `uniqueMember` or `memberUid`). The
 * password goes to the directory only; nothing of it is kept.
 */
import { Client, InvalidCredentialsError } from 'ldapts';
import type { LdapSettings } from '../config.ts';
import { logger } from '../logger.ts';

const log = logger('ldap');

export interface DirectoryIdentity {
  /** The Lotse user name (lower case). */
  username: string;
  /** Group DNs or names as the directory lists them. */
  groups: string[];
}

export type DirectoryAnswer =
  | { ok: true; identity: DirectoryIdentity }
  | { ok: false; error: 'INVALID_CREDENTIALS' | 'DIRECTORY_UNAVAILABLE' };

/** User names a directory account may have in Lotse (as staff user names, in lower case). */
const DIRECTORY_USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** RFC 4515: a value inside a search filter. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** RFC 4514: a value inside a DN. */
export function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=\0]/g, (c) => `\\${c === '\0' ? '00' : c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}

const values = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)));

export class LdapDirectory {
  constructor(private readonly settings: LdapSettings) {}

  async authenticate(typedUsername: string, password: string): Promise<DirectoryAnswer> {
    const username = typedUsername.trim().toLowerCase();
    // An empty password would be an anonymous bind, which many servers accept.
    if (!DIRECTORY_USERNAME.test(username) || password.length === 0) return { ok: false, error: 'INVALID_CREDENTIALS' };
    const s = this.settings;
    const client = new Client({ url: s.url, timeout: s.timeoutMs, connectTimeout: s.timeoutMs });
    let stage = 'connect';
    try {
      let userDn: string;
      if (s.userDnTemplate) {
        userDn = s.userDnTemplate.replaceAll('{username}', escapeDnValue(username));
      } else {
        stage = 'service bind';
        if (s.bindDn) await client.bind(s.bindDn, s.bindPassword);
        stage = 'user search';
        const found = await client.search(s.searchBase as string, {
          scope: 'sub',
          filter: s.searchFilter.replaceAll('{username}', escapeFilterValue(username)),
          attributes: ['dn'],
          sizeLimit: 2,
        });
        const entry = found.searchEntries.length === 1 ? found.searchEntries[0] : undefined;
        if (!entry) return { ok: false, error: 'INVALID_CREDENTIALS' };
        userDn = entry.dn;
      }
      stage = 'user bind';
      try {
        await client.bind(userDn, password);
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return { ok: false, error: 'INVALID_CREDENTIALS' };
        throw error;
      }
      stage = 'group lookup';
      return { ok: true, identity: { username, groups: await this.groupsOf(client, userDn, username) } };
    } catch (error) {
      log.error({ err: error, stage, url: s.url }, 'LDAP directory failed');
      return { ok: false, error: 'DIRECTORY_UNAVAILABLE' };
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async groupsOf(client: Client, userDn: string, username: string): Promise<string[]> {
    const own = await client.search(userDn, { scope: 'base', filter: '(objectClass=*)', attributes: ['memberOf'] });
    const groups = own.searchEntries.flatMap((e) => values(e.memberOf));
    if (this.settings.groupBase) {
      const dn = escapeFilterValue(userDn);
      const found = await client.search(this.settings.groupBase, {
        scope: 'sub',
        filter: `(|(member=${dn})(uniqueMember=${dn})(memberUid=${escapeFilterValue(username)}))`,
        attributes: ['cn'],
        sizeLimit: 1000,
      });
      groups.push(...found.searchEntries.map((e) => e.dn));
    }
    return [...new Set(groups)];
  }
}
