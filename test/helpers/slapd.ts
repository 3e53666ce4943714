/**
 * A real OpenLDAP server for tests, from Debian's `slapd` package (`.ci/run` installs it): its
 * own configuration and database in a temporary folder, filled with `slapadd`, listening on a
 * random loopback port. The example directory: people under ou=people, groups (groupOfNames)
 * under ou=groups with the memberof overlay (people carry `memberOf`, as in Active Directory),
 * the manager `cn=admin,dc=example,dc=org`.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { freePort, waitForListener } from './ports.ts';

export const LDAP_SUFFIX = 'dc=example,dc=org';
export const LDAP_MANAGER = `cn=admin,${LDAP_SUFFIX}`;
export const LDAP_MANAGER_PASSWORD = 'manager-secret-4711';

export interface LdapPerson {
  uid: string;
  password: string;
  groups: string[];
}

export interface Slapd {
  url: string;
  /** A client bound as the manager (for changes during a test); unbound by the caller. */
  manager(): Promise<Client>;
  stop(): Promise<void>;
}

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

function ldif(people: LdapPerson[]): string {
  const entries = [
    `dn: ${LDAP_SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Stadt Beispiel`,
    `dn: ou=people,${LDAP_SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    `dn: ou=groups,${LDAP_SUFFIX}\nobjectClass: organizationalUnit\nou: groups`,
    ...people.map(
      (p) =>
        `dn: uid=${p.uid},ou=people,${LDAP_SUFFIX}\nobjectClass: inetOrgPerson\nuid: ${p.uid}\ncn: ${p.uid}\nsn: ${p.uid}\nuserPassword: ${p.password}`,
    ),
  ];
  return `${entries.join('\n\n')}\n`;
}

/** Groups are added to the running server, so that the memberof overlay gives people their `memberOf`. */
async function addGroups(client: Client, people: LdapPerson[]): Promise<void> {
  for (const group of [...new Set(people.flatMap((p) => p.groups))]) {
    await client.add(`cn=${group},ou=groups,${LDAP_SUFFIX}`, {
      objectClass: 'groupOfNames',
      cn: group,
      member: people.filter((p) => p.groups.includes(group)).map((m) => `uid=${m.uid},ou=people,${LDAP_SUFFIX}`),
    });
  }
}

function listening(port: number, child: ChildProcess, ms: number): Promise<void> {
  return waitForListener(port, ms, () => (child.exitCode !== null ? `slapd exited with ${child.exitCode}` : undefined));
}

export async function startSlapd(people: LdapPerson[]): Promise<Slapd> {
  if (!existsSync(SLAPD)) throw new Error('slapd is not installed: apt-get install slapd ldap-utils (.ci/run does)');
  const dir = mkdtempSync(join(tmpdir(), 'lotse-slapd-'));
  const db = join(dir, 'db');
  mkdirSync(db);
  const conf = join(dir, 'slapd.conf');
  writeFileSync(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      'include /etc/ldap/schema/nis.schema',
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'moduleload memberof',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'database mdb',
      'maxsize 10485760',
      `suffix "${LDAP_SUFFIX}"`,
      `rootdn "${LDAP_MANAGER}"`,
      `rootpw ${LDAP_MANAGER_PASSWORD}`,
      `directory ${db}`,
      // Active Directory style: each person lists their groups in memberOf.
      'overlay memberof',
      'memberof-group-oc groupOfNames',
      'memberof-member-ad member',
      'memberof-memberof-ad memberOf',
      'memberof-refint true',
      // Passwords serve binds only; everything else may be read by signed-in users and anyone.
      'access to attrs=userPassword by self write by anonymous auth by * none',
      'access to * by * read',
      '',
    ].join('\n'),
  );
  const data = join(dir, 'data.ldif');
  writeFileSync(data, ldif(people));
  execFileSync(SLAPADD, ['-f', conf, '-l', data], { stdio: 'pipe' });
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: 'ignore' });
  try {
    await listening(port, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const manager = async () => {
    const client = new Client({ url, timeout: 5000, connectTimeout: 5000 });
    await client.bind(LDAP_MANAGER, LDAP_MANAGER_PASSWORD);
    return client;
  };
  const client = await manager();
  try {
    await addGroups(client, people);
  } finally {
    await client.unbind();
  }
  return {
    url,
    manager,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
