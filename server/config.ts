/** Server configuration: parsed once from the environment into a typed object. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { type GroupMapping, parseGroupMapping } from '../core/directory-groups.ts';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOTSE_DATA: z.string().min(1).default('./data'),
  LOTSE_CONFIG: z.string().min(1).optional(),
  LOTSE_ADMIN_PASSWORD: z.string().min(12, 'LOTSE_ADMIN_PASSWORD needs at least 12 characters').optional(),
  LOTSE_PRINTER: z.string().min(1).default('virtual'),
  LOTSE_PUBLIC_URL: z.string().url().optional(),
  LOTSE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://…')
    .optional(),
  LOTSE_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'expected redis://…')
    .optional(),
  LOTSE_TRUST_PROXY: z.string().optional(),
  LOTSE_PRINTER_DEVICES: z.string().optional(),
  LOTSE_PRINT_JOB_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(600).optional(),
  LOTSE_LDAP_URL: z
    .string()
    .regex(/^ldaps?:\/\//, 'expected ldap://… or ldaps://…')
    .optional(),
  LOTSE_LDAP_USER_DN: z.string().includes('{username}', { message: 'must contain {username}' }).optional(),
  LOTSE_LDAP_SEARCH_BASE: z.string().min(1).optional(),
  LOTSE_LDAP_SEARCH_FILTER: z.string().includes('{username}', { message: 'must contain {username}' }).optional(),
  LOTSE_LDAP_BIND_DN: z.string().min(1).optional(),
  LOTSE_LDAP_BIND_PASSWORD: z.string().min(1).optional(),
  LOTSE_LDAP_GROUP_BASE: z.string().min(1).optional(),
  LOTSE_LDAP_GROUP_ROLES: z.string().optional(),
  LOTSE_LDAP_GROUP_COUNTERS: z.string().optional(),
  LOTSE_LDAP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
  LOTSE_OIDC_ISSUER: z.string().url().optional(),
  LOTSE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  LOTSE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  LOTSE_OIDC_REDIRECT_URL: z.string().url().optional(),
  LOTSE_OIDC_SCOPES: z.string().min(1).optional(),
  LOTSE_OIDC_USERNAME_CLAIM: z.string().min(1).optional(),
  LOTSE_OIDC_ROLES_CLAIM: z.string().min(1).optional(),
  LOTSE_OIDC_GROUP_ROLES: z.string().optional(),
  LOTSE_OIDC_GROUP_COUNTERS: z.string().optional(),
  LOTSE_ALERT_WEBHOOK_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'expected http(s)://…')
    .optional(),
  LOTSE_ALERT_WEBHOOK_SECRET: z.string().min(16, 'LOTSE_ALERT_WEBHOOK_SECRET needs at least 16 characters').optional(),
  LOTSE_CITY_VIEWERS: z.string().optional(),
  LOTSE_METRICS_TOKEN: z.string().min(16, 'LOTSE_METRICS_TOKEN needs at least 16 characters').optional(),
});

/** Device files a `file:` printer may name when LOTSE_PRINTER_DEVICES is not set. */
export const DEFAULT_PRINTER_DEVICES = ['/dev/usb/lp*', '/dev/ttyUSB*', '/dev/lp*'];

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  officeConfigPath: string | undefined;
  adminPassword: string | undefined;
  printer: string;
  /** Base URL printed into QR codes; by default taken from the request. */
  publicUrl: string | undefined;
  /** PostgreSQL instead of the embedded lowdb files: several server processes share it. */
  databaseUrl: string | undefined;
  /** Redis for socket.io across processes (a call made on one reaches screens on all). */
  redisUrl: string | undefined;
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (addresses, CIDR ranges or `loopback`,
   * comma-separated). Empty: the client address is the TCP peer.
   */
  trustProxy: string[];
  /** Patterns (`*` at the end only) of the device files a `file:` printer may write to. */
  printerDevices: string[];
  /** A ticket still waiting for its printer after this many seconds is dropped unprinted (default 20). */
  printJobMaxAgeSeconds?: number | undefined;
  /** Sign-in against LDAP/Active Directory with the username/password form (absent: local accounts only). */
  ldap?: LdapSettings | undefined;
  /** Sign-in through an OpenID Connect provider (absent: no "Mit Dienstkonto anmelden"). */
  oidc?: OidcSettings | undefined;
  /** Alerts of the live view are POSTed here (JSON, signed with `alertWebhookSecret`). */
  alertWebhookUrl?: string | undefined;
  alertWebhookSecret?: string | undefined;
  /** Admin accounts of this office that see every office on the shared database (`*`: every admin). */
  cityViewers?: string[] | undefined;
  /** Bearer token that lets Prometheus read `/metrics` from another machine (loopback needs none). */
  metricsToken?: string | undefined;
}

export interface LdapSettings {
  url: string;
  /** `uid={username},ou=people,dc=example,dc=org`: bind directly as this DN. */
  userDnTemplate?: string | undefined;
  /** Otherwise: find the user under this base with this filter (`{username}` escaped), then bind as it. */
  searchBase?: string | undefined;
  searchFilter: string;
  /** Account that searches (absent: anonymous search, or the user's own bind with a DN template). */
  bindDn?: string | undefined;
  bindPassword?: string | undefined;
  /** Where groups with `member`/`uniqueMember`/`memberUid` of the user are searched (besides `memberOf`). */
  groupBase?: string | undefined;
  mapping: GroupMapping;
  timeoutMs: number;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string | undefined;
  redirectUrl: string;
  scopes: string;
  usernameClaim: string;
  /** Claim holding the groups or roles; a dotted path reaches nested claims (`realm_access.roles`). */
  rolesClaim: string;
  mapping: GroupMapping;
}

function mappingOf(prefix: string, roles: string | undefined, counters: string | undefined): GroupMapping {
  try {
    const mapping = parseGroupMapping(roles, counters);
    if (mapping.roles.length === 0) throw new Error('maps no group to a role');
    return mapping;
  } catch (error) {
    throw new ConfigError(`Invalid environment: ${prefix}_GROUP_ROLES/_GROUP_COUNTERS: ${(error as Error).message}`);
  }
}

function ldapSettings(e: z.infer<typeof EnvSchema>): LdapSettings | undefined {
  if (!e.LOTSE_LDAP_URL) return undefined;
  if (!e.LOTSE_LDAP_USER_DN && !e.LOTSE_LDAP_SEARCH_BASE)
    throw new ConfigError('Invalid environment: LOTSE_LDAP_URL needs LOTSE_LDAP_USER_DN or LOTSE_LDAP_SEARCH_BASE');
  if (!!e.LOTSE_LDAP_BIND_DN !== !!e.LOTSE_LDAP_BIND_PASSWORD)
    throw new ConfigError('Invalid environment: LOTSE_LDAP_BIND_DN and LOTSE_LDAP_BIND_PASSWORD go together');
  return {
    url: e.LOTSE_LDAP_URL,
    userDnTemplate: e.LOTSE_LDAP_USER_DN,
    searchBase: e.LOTSE_LDAP_SEARCH_BASE,
    searchFilter: e.LOTSE_LDAP_SEARCH_FILTER ?? '(uid={username})',
    bindDn: e.LOTSE_LDAP_BIND_DN,
    bindPassword: e.LOTSE_LDAP_BIND_PASSWORD,
    groupBase: e.LOTSE_LDAP_GROUP_BASE,
    mapping: mappingOf('LOTSE_LDAP', e.LOTSE_LDAP_GROUP_ROLES, e.LOTSE_LDAP_GROUP_COUNTERS),
    timeoutMs: e.LOTSE_LDAP_TIMEOUT_MS ?? 5000,
  };
}

function oidcSettings(e: z.infer<typeof EnvSchema>): OidcSettings | undefined {
  if (!e.LOTSE_OIDC_ISSUER) return undefined;
  if (!e.LOTSE_OIDC_CLIENT_ID)
    throw new ConfigError('Invalid environment: LOTSE_OIDC_ISSUER needs LOTSE_OIDC_CLIENT_ID');
  const redirectUrl =
    e.LOTSE_OIDC_REDIRECT_URL ??
    (e.LOTSE_PUBLIC_URL ? new URL('/api/auth/oidc/callback', e.LOTSE_PUBLIC_URL).href : undefined);
  if (!redirectUrl)
    throw new ConfigError('Invalid environment: LOTSE_OIDC_ISSUER needs LOTSE_OIDC_REDIRECT_URL or LOTSE_PUBLIC_URL');
  return {
    issuer: e.LOTSE_OIDC_ISSUER,
    clientId: e.LOTSE_OIDC_CLIENT_ID,
    clientSecret: e.LOTSE_OIDC_CLIENT_SECRET,
    redirectUrl,
    scopes: e.LOTSE_OIDC_SCOPES ?? 'openid profile email',
    usernameClaim: e.LOTSE_OIDC_USERNAME_CLAIM ?? 'preferred_username',
    rolesClaim: e.LOTSE_OIDC_ROLES_CLAIM ?? 'groups',
    mapping: mappingOf('LOTSE_OIDC', e.LOTSE_OIDC_GROUP_ROLES, e.LOTSE_OIDC_GROUP_COUNTERS),
  };
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export class ConfigError extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  if (e.LOTSE_ALERT_WEBHOOK_URL && !e.LOTSE_ALERT_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid environment: LOTSE_ALERT_WEBHOOK_SECRET: required with LOTSE_ALERT_WEBHOOK_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.LOTSE_DATA),
    officeConfigPath: e.LOTSE_CONFIG ? resolve(e.LOTSE_CONFIG) : undefined,
    adminPassword: e.LOTSE_ADMIN_PASSWORD,
    printer: e.LOTSE_PRINTER,
    publicUrl: e.LOTSE_PUBLIC_URL,
    databaseUrl: e.LOTSE_DATABASE_URL,
    redisUrl: e.LOTSE_REDIS_URL,
    trustProxy: list(e.LOTSE_TRUST_PROXY),
    printerDevices: e.LOTSE_PRINTER_DEVICES === undefined ? DEFAULT_PRINTER_DEVICES : list(e.LOTSE_PRINTER_DEVICES),
    printJobMaxAgeSeconds: e.LOTSE_PRINT_JOB_MAX_AGE_SECONDS,
    ldap: ldapSettings(e),
    oidc: oidcSettings(e),
    alertWebhookUrl: e.LOTSE_ALERT_WEBHOOK_URL,
    alertWebhookSecret: e.LOTSE_ALERT_WEBHOOK_SECRET,
    cityViewers: list(e.LOTSE_CITY_VIEWERS),
    metricsToken: e.LOTSE_METRICS_TOKEN,
  };
}
