/**
 * Staff sign in with the city's LDAP directory (a real slapd on loopback): groups give the role
 * and the counters, a user in no mapped group is refused, a disabled account and a changed
 * directory stop the sign-in, local accounts stay the fallback, and sessions survive a restart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDirectoryServer } from '../helpers/directory-server.ts';
import { changePassword, http, login, removeDir, tempDataDir, type TestServer } from '../helpers/server.ts';
import { LDAP_MANAGER, LDAP_MANAGER_PASSWORD, LDAP_SUFFIX, type Slapd, startSlapd } from '../helpers/slapd.ts';

const PASSWORDS = { anna: 'Anna-im-Verzeichnis-1', bernd: 'Bernd-im-Verzeichnis-2', carla: 'Carla-im-Verzeichnis-3' };

let slapd: Slapd;
beforeAll(async () => {
  slapd = await startSlapd([
    { uid: 'anna', password: PASSWORDS.anna, groups: ['lotse-admins'] },
    { uid: 'bernd', password: PASSWORDS.bernd, groups: ['sachbearbeitung', 'wohngeld'] },
    { uid: 'carla', password: PASSWORDS.carla, groups: ['sachbearbeitung'] },
    { uid: 'dieter', password: 'Dieter-im-Verzeichnis-4', groups: ['kantine'] },
  ]);
}, 30_000);
afterAll(async () => {
  await slapd?.stop();
});

const mapping = {
  LOTSE_LDAP_GROUP_ROLES: `cn=lotse-admins,ou=groups,${LDAP_SUFFIX}:admin;sachbearbeitung:clerk`,
  LOTSE_LDAP_GROUP_COUNTERS: 'wohngeld:desk-1,desk-2',
};
const templateEnv = () => ({
  LOTSE_LDAP_URL: slapd.url,
  LOTSE_LDAP_USER_DN: `uid={username},ou=people,${LDAP_SUFFIX}`,
  LOTSE_LDAP_GROUP_BASE: `ou=groups,${LDAP_SUFFIX}`,
  ...mapping,
});

const signIn = (base: string, username: string, password: string) =>
  http(base, 'POST', '/api/login', { username, password });

describe('LDAP sign-in', () => {
  it('maps groups to roles and counters, refuses users without a mapped group, keeps local accounts and sessions', async () => {
    const dataDir = tempDataDir();
    let server: TestServer | undefined = await startDirectoryServer({ env: templateEnv(), dataDir });
    try {
      const base = server.url;
      expect((await http(base, 'GET', '/api/auth/methods')).body).toEqual({ password: true, ldap: true, oidc: false });

      const anna = await signIn(base, 'Anna', PASSWORDS.anna);
      expect(anna.status).toBe(200);
      expect(anna.body.user).toEqual({ username: 'anna', role: 'admin' });
      const bernd = await signIn(base, 'bernd', PASSWORDS.bernd);
      expect(bernd.body.user).toEqual({ username: 'bernd', role: 'clerk' });
      const carla = await signIn(base, 'carla', PASSWORDS.carla);
      expect(carla.body.user).toEqual({ username: 'carla', role: 'clerk' });

      const noRole = await signIn(base, 'dieter', 'Dieter-im-Verzeichnis-4');
      expect(noRole.status).toBe(403);
      expect(noRole.body.error.code).toBe('NO_ROLE');
      const wrong = await signIn(base, 'anna', 'nicht-das-Passwort');
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
      for (const injected of ['*', 'anna)(uid=*', 'anna,ou=people', 'cn=admin,dc=example,dc=org']) {
        expect((await signIn(base, injected, PASSWORDS.anna)).body.error.code).toBe('INVALID_CREDENTIALS');
      }

      // The directory's admin works as an admin; the accounts appear with their source, without a password.
      const users = await http(base, 'GET', '/api/admin/users', undefined, anna.body.token);
      expect(users.status).toBe(200);
      const byName = Object.fromEntries(users.body.users.map((u: { username: string }) => [u.username, u]));
      expect(byName.anna).toMatchObject({ role: 'admin', source: 'ldap' });
      expect(byName.bernd).toMatchObject({ role: 'clerk', source: 'ldap', counters: ['desk-1', 'desk-2'] });
      expect(byName.carla.counters).toBeUndefined();
      expect(byName.admin).toMatchObject({ source: 'local' });
      expect(byName.dieter).toBeUndefined();
      const stored = readFileSync(join(dataDir, 'staff.json'), 'utf8');
      for (const password of Object.values(PASSWORDS)) expect(stored).not.toContain(password);
      const setPassword = await http(
        base,
        'PATCH',
        '/api/admin/users/anna',
        { password: 'Ein-lokales-Passwort-9' },
        anna.body.token,
      );
      expect(setPassword.body.error.code).toBe('DIRECTORY_ACCOUNT');
      const ownPassword = await changePassword(base, anna.body.token, PASSWORDS.anna, 'Ein-lokales-Passwort-9');
      expect(ownPassword.body.error.code).toBe('DIRECTORY_ACCOUNT');

      // The counters of the group: desk-1 yes, desk-3 no; carla may work anywhere.
      expect((await http(base, 'POST', '/api/counters/desk-1/sign-in', undefined, bernd.body.token)).status).toBe(200);
      const elsewhere = await http(base, 'POST', '/api/counters/desk-3/sign-in', undefined, bernd.body.token);
      expect(elsewhere.body.error.code).toBe('COUNTER_NOT_ALLOWED');
      expect((await http(base, 'POST', '/api/counters/desk-3/sign-in', undefined, carla.body.token)).status).toBe(200);

      // The first admin stays local, with its own password, beside the directory.
      const admin = await login(base);
      expect((await http(base, 'GET', '/api/me', undefined, admin)).body.user).toEqual({
        username: 'admin',
        role: 'admin',
      });

      // Disabled in Lotse: the session ends and the directory password no longer signs in.
      expect((await http(base, 'PATCH', '/api/admin/users/bernd', { disabled: true }, admin)).status).toBe(200);
      expect((await http(base, 'GET', '/api/me', undefined, bernd.body.token)).status).toBe(401);
      const disabled = await signIn(base, 'bernd', PASSWORDS.bernd);
      expect(disabled.status).toBe(403);
      expect(disabled.body.error.code).toBe('ACCOUNT_DISABLED');

      // Changed in the directory: out of the group means no role; a new password replaces the old one.
      const manager = await slapd.manager();
      try {
        await manager.modify(
          `cn=sachbearbeitung,ou=groups,${LDAP_SUFFIX}`,
          new Change({
            operation: 'delete',
            modification: new Attribute({ type: 'member', values: [`uid=carla,ou=people,${LDAP_SUFFIX}`] }),
          }),
        );
        await manager.modify(
          `uid=anna,ou=people,${LDAP_SUFFIX}`,
          new Change({
            operation: 'replace',
            modification: new Attribute({ type: 'userPassword', values: ['Anna-neues-Passwort-5'] }),
          }),
        );
      } finally {
        await manager.unbind();
      }
      expect((await signIn(base, 'carla', PASSWORDS.carla)).body.error.code).toBe('NO_ROLE');
      // Out of the groups: the session from before ends with the refused sign-in.
      expect((await http(base, 'GET', '/api/me', undefined, carla.body.token)).status).toBe(401);
      expect((await signIn(base, 'anna', PASSWORDS.anna)).body.error.code).toBe('INVALID_CREDENTIALS');
      const annaAgain = await signIn(base, 'anna', 'Anna-neues-Passwort-5');
      expect(annaAgain.status).toBe(200);

      // A restart keeps the directory users' sessions.
      await server.stop();
      server = await startDirectoryServer({ env: templateEnv(), dataDir });
      const me = await http(server.url, 'GET', '/api/me', undefined, annaAgain.body.token);
      expect(me.status).toBe(200);
      expect(me.body.user).toEqual({ username: 'anna', role: 'admin' });
    } finally {
      await server?.stop();
      removeDir(dataDir);
    }
  }, 60_000);

  it('finds users by search with a service account, reads memberOf, throttles wrong passwords, names an unreachable directory', async () => {
    const dataDir = tempDataDir();
    const env = {
      LOTSE_LDAP_URL: slapd.url,
      LOTSE_LDAP_SEARCH_BASE: `ou=people,${LDAP_SUFFIX}`,
      LOTSE_LDAP_SEARCH_FILTER: '(&(objectClass=inetOrgPerson)(uid={username}))',
      LOTSE_LDAP_BIND_DN: LDAP_MANAGER,
      LOTSE_LDAP_BIND_PASSWORD: LDAP_MANAGER_PASSWORD,
      // No group base: the groups come from the user's memberOf only (as with Active Directory).
      ...mapping,
    };
    const server = await startDirectoryServer({ env, dataDir });
    let unreachable: TestServer | undefined;
    try {
      const bernd = await signIn(server.url, 'bernd', PASSWORDS.bernd);
      expect(bernd.status).toBe(200);
      expect(bernd.body.user).toEqual({ username: 'bernd', role: 'clerk' });
      const berndCounters = await http(server.url, 'POST', '/api/counters/desk-3/sign-in', undefined, bernd.body.token);
      expect(berndCounters.body.error.code).toBe('COUNTER_NOT_ALLOWED');
      expect((await signIn(server.url, 'dieter', 'Dieter-im-Verzeichnis-4')).body.error.code).toBe('NO_ROLE');
      expect((await signIn(server.url, 'b*', PASSWORDS.bernd)).body.error.code).toBe('INVALID_CREDENTIALS');

      // Wrong passwords count per account as for local ones: then even the right one waits.
      let last = 0;
      for (let i = 0; i < 12; i++) last = (await signIn(server.url, 'bernd', `falsch-${i}-Passwort`)).status;
      expect(last).toBe(429);
      expect((await signIn(server.url, 'bernd', PASSWORDS.bernd)).body.error.code).toBe('RATE_LIMITED');

      // A directory nobody answers at: a clear 503, and local accounts still work.
      unreachable = await startDirectoryServer({
        env: { ...env, LOTSE_LDAP_URL: 'ldap://127.0.0.1:1', LOTSE_LDAP_TIMEOUT_MS: '2000' },
      });
      const down = await signIn(unreachable.url, 'carla', PASSWORDS.carla);
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('DIRECTORY_UNAVAILABLE');
      expect((await signIn(unreachable.url, 'admin', 'test-admin-password')).status).toBe(200);
    } finally {
      await server.stop();
      await unreachable?.stop();
      removeDir(dataDir);
      if (unreachable) removeDir(unreachable.dataDir);
    }
  }, 60_000);
});
