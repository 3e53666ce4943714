/** Directory settings from the environment, and the escaping that keeps user names out of LDAP syntax. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { escapeDnValue, escapeFilterValue } from './ldap.ts';
import { groupsFrom } from './oidc.ts';

describe('directory configuration', () => {
  it('is off unless its URL or issuer is set', () => {
    const config = parseConfig({});
    expect(config.ldap).toBeUndefined();
    expect(config.oidc).toBeUndefined();
  });

  it('reads LDAP with a DN template or a search, and the group mapping', () => {
    const ldap = parseConfig({
      LOTSE_LDAP_URL: 'ldaps://dc1.stadt.example:636',
      LOTSE_LDAP_SEARCH_BASE: 'ou=Mitarbeiter,dc=stadt,dc=example',
      LOTSE_LDAP_SEARCH_FILTER: '(&(objectClass=user)(sAMAccountName={username}))',
      LOTSE_LDAP_BIND_DN: 'cn=lotse,ou=Dienste,dc=stadt,dc=example',
      LOTSE_LDAP_BIND_PASSWORD: 'dienst-passwort',
      LOTSE_LDAP_GROUP_ROLES: 'cn=GG-Lotse-Admin,ou=Gruppen,dc=stadt,dc=example:admin;GG-Lotse:clerk',
    }).ldap;
    expect(ldap).toMatchObject({ url: 'ldaps://dc1.stadt.example:636', timeoutMs: 5000 });
    expect(ldap?.mapping.roles).toEqual([
      { group: 'cn=GG-Lotse-Admin,ou=Gruppen,dc=stadt,dc=example', role: 'admin' },
      { group: 'GG-Lotse', role: 'clerk' },
    ]);
    expect(() => parseConfig({ LOTSE_LDAP_URL: 'ldap://x', LOTSE_LDAP_GROUP_ROLES: 'a:admin' })).toThrow(
      /LOTSE_LDAP_USER_DN or LOTSE_LDAP_SEARCH_BASE/,
    );
    expect(() => parseConfig({ LOTSE_LDAP_URL: 'ldap://x', LOTSE_LDAP_USER_DN: 'uid={username},dc=x' })).toThrow(
      /LOTSE_LDAP_GROUP_ROLES.*maps no group/,
    );
    expect(() => parseConfig({ LOTSE_LDAP_URL: 'http://x', LOTSE_LDAP_USER_DN: 'uid={username}' })).toThrow(
      /LOTSE_LDAP_URL/,
    );
    expect(() => parseConfig({ LOTSE_LDAP_URL: 'ldap://x', LOTSE_LDAP_USER_DN: 'uid=fixed,dc=x' })).toThrow(
      /\{username\}/,
    );
  });

  it('derives the OpenID redirect from LOTSE_PUBLIC_URL and needs one of the two', () => {
    const oidc = parseConfig({
      LOTSE_PUBLIC_URL: 'https://lotse.stadt.example',
      LOTSE_OIDC_ISSUER: 'https://login.stadt.example/realms/stadt',
      LOTSE_OIDC_CLIENT_ID: 'lotse',
      LOTSE_OIDC_ROLES_CLAIM: 'realm_access.roles',
      LOTSE_OIDC_GROUP_ROLES: '{"lotse-admin": "admin", "lotse-clerk": "clerk"}',
    }).oidc;
    expect(oidc).toMatchObject({
      redirectUrl: 'https://lotse.stadt.example/api/auth/oidc/callback',
      usernameClaim: 'preferred_username',
      rolesClaim: 'realm_access.roles',
      scopes: 'openid profile email',
    });
    expect(() =>
      parseConfig({
        LOTSE_OIDC_ISSUER: 'https://a.example',
        LOTSE_OIDC_CLIENT_ID: 'x',
        LOTSE_OIDC_GROUP_ROLES: 'g:clerk',
      }),
    ).toThrow(/LOTSE_OIDC_REDIRECT_URL or LOTSE_PUBLIC_URL/);
  });
});

describe('LDAP escaping and claim reading', () => {
  it('escapes filter and DN values', () => {
    expect(escapeFilterValue('a*)(uid=*')).toBe('a\\2a\\29\\28uid=\\2a');
    expect(escapeFilterValue('back\\slash')).toBe('back\\5cslash');
    expect(escapeDnValue('a,ou=x+cn="y"')).toBe('a\\,ou\\=x\\+cn\\=\\"y\\"');
    expect(escapeDnValue(' #lead')).toBe('\\ #lead');
  });

  it('takes groups as a list or a string, Keycloak paths also without the slash', () => {
    expect(groupsFrom(['/lotse-admins', 'plain', 7])).toEqual(['/lotse-admins', 'lotse-admins', 'plain']);
    expect(groupsFrom('a b,c')).toEqual(['a', 'b', 'c']);
    expect(groupsFrom(undefined)).toEqual([]);
  });
});
