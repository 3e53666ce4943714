/**
 * Which role, and which counters, a directory user gets from the groups the directory lists for
 * them (LDAP groups or an OpenID Connect groups/roles claim). Pure: the mapping comes from the
 * configuration, the groups from the directory.
 */
import type { Role } from './types.ts';

export interface GroupMapping {
  /** Group (DN or name, compared without case) → role. */
  roles: { group: string; role: Role }[];
  /** Group → counter ids that group may work at. */
  counters: { group: string; counters: string[] }[];
}

export type GroupDecision = { ok: true; role: Role; counters?: string[] } | { ok: false; error: 'NO_ROLE' };

/** `cn=Lotse Admins,ou=groups,dc=example,dc=org` and ` CN=lotse admins, OU=Groups…` are one group. */
export function normaliseGroup(group: string): string {
  return group
    .split(',')
    .map((part) => part.trim())
    .join(',')
    .toLowerCase();
}

/** The first RDN's value of a DN (`cn=lotse-admins,ou=…` → `lotse-admins`), or the name itself. */
function shortName(group: string): string {
  const first = /^[a-z][a-z0-9-]*=([^,]*)/i.exec(group.trim());
  return normaliseGroup(first?.[1] ?? group);
}

function matches(configured: string, group: string): boolean {
  const want = normaliseGroup(configured);
  return want === normaliseGroup(group) || (!want.includes('=') && want === shortName(group));
}

/**
 * Admin wins over clerk; no mapped group: NO_ROLE. Counters are the union over the user's counter
 * groups; when none of them applies (or the user is an admin) the account may work at any counter.
 */
export function decideAccess(mapping: GroupMapping, groups: readonly string[]): GroupDecision {
  const roles = new Set<Role>();
  for (const { group, role } of mapping.roles) if (groups.some((g) => matches(group, g))) roles.add(role);
  const role: Role | undefined = roles.has('admin') ? 'admin' : roles.has('clerk') ? 'clerk' : undefined;
  if (!role) return { ok: false, error: 'NO_ROLE' };
  if (role === 'admin') return { ok: true, role };
  const counters = new Set<string>();
  for (const entry of mapping.counters) {
    if (groups.some((g) => matches(entry.group, g))) for (const c of entry.counters) counters.add(c);
  }
  return counters.size > 0 ? { ok: true, role, counters: [...counters] } : { ok: true, role };
}

/**
 * Reads a mapping written as JSON (`{"cn=a,dc=x": "admin"}`) or as `GROUP:VALUE;GROUP:VALUE`
 * (split at the last colon, so DNs with commas work). Throws an Error naming the problem.
 */
export function parseGroupList(text: string | undefined): [group: string, value: string | string[]][] {
  if (!text?.trim()) return [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new Error('not valid JSON');
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
    return Object.entries(parsed as Record<string, unknown>).map(([group, value]) => {
      if (typeof value === 'string') return [group, value];
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return [group, value as string[]];
      throw new Error(`the value for "${group}" must be a string or a list of strings`);
    });
  }
  return trimmed
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.lastIndexOf(':');
      if (colon <= 0 || colon === entry.length - 1) throw new Error(`"${entry}" is not GROUP:VALUE`);
      return [entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()];
    });
}

/** Builds the mapping from the two settings (roles: `admin` or `clerk`; counters: comma-separated ids). */
export function parseGroupMapping(rolesText: string | undefined, countersText: string | undefined): GroupMapping {
  const roles = parseGroupList(rolesText).map(([group, value]) => {
    if (value !== 'admin' && value !== 'clerk') throw new Error(`role for "${group}" must be admin or clerk`);
    return { group, role: value as Role };
  });
  const counters = parseGroupList(countersText).map(([group, value]) => {
    const ids = (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw new Error(`no counters for "${group}"`);
    return { group, counters: ids };
  });
  return { roles, counters };
}
