import { describe, expect, it } from 'vitest';
import { decideAccess, parseGroupMapping } from './directory-groups.ts';

const mapping = parseGroupMapping(
  'cn=lotse-admins,ou=groups,dc=example,dc=org:admin; cn=Bürgerbüro,ou=groups,dc=example,dc=org:clerk; sachbearbeitung:clerk',
  '{"cn=wohngeld,ou=groups,dc=example,dc=org": ["desk-1", "desk-2"], "empfang": "desk-3"}',
);

describe('directory group mapping', () => {
  it('reads both notations, splitting at the last colon', () => {
    expect(mapping.roles).toHaveLength(3);
    expect(mapping.roles[1]).toEqual({ group: 'cn=Bürgerbüro,ou=groups,dc=example,dc=org', role: 'clerk' });
    expect(mapping.counters).toEqual([
      { group: 'cn=wohngeld,ou=groups,dc=example,dc=org', counters: ['desk-1', 'desk-2'] },
      { group: 'empfang', counters: ['desk-3'] },
    ]);
  });

  it('admin wins; DNs compare without case and spaces after commas; plain names match a DN by its cn', () => {
    expect(decideAccess(mapping, ['CN=Lotse-Admins, OU=Groups, DC=example, DC=org', 'cn=empfang,dc=x'])).toEqual({
      ok: true,
      role: 'admin',
    });
    expect(decideAccess(mapping, ['cn=Sachbearbeitung,ou=groups,dc=example,dc=org'])).toEqual({
      ok: true,
      role: 'clerk',
    });
    expect(decideAccess(mapping, ['sachbearbeitung', 'cn=wohngeld,ou=groups,dc=example,dc=org', 'Empfang'])).toEqual({
      ok: true,
      role: 'clerk',
      counters: ['desk-1', 'desk-2', 'desk-3'],
    });
  });

  it('no mapped group: NO_ROLE; a counter group alone gives no role', () => {
    expect(decideAccess(mapping, [])).toEqual({ ok: false, error: 'NO_ROLE' });
    expect(decideAccess(mapping, ['empfang', 'cn=lotse-admins,ou=other,dc=example,dc=org'])).toEqual({
      ok: false,
      error: 'NO_ROLE',
    });
  });

  it('refuses a broken setting with a message naming it', () => {
    expect(() => parseGroupMapping('lotse-admins:root', undefined)).toThrow(/admin or clerk/);
    expect(() => parseGroupMapping('lotse-admins', undefined)).toThrow(/GROUP:VALUE/);
    expect(() => parseGroupMapping('{"a": 1}', undefined)).toThrow(/string/);
  });
});
