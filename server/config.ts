/** Server configuration: parsed once from the environment into a typed object. */
import { resolve } from 'node:path';
import { z } from 'zod';

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
  /** Bearer token that lets Prometheus read `/metrics` from another machine (loopback needs none). */
  metricsToken?: string | undefined;
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
    metricsToken: e.LOTSE_METRICS_TOKEN,
  };
}
