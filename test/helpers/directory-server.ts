/** A Lotse server with directory sign-in configured from environment variables, as `npm start` reads them. */
import { DEFAULT_PRINTER_DEVICES, parseConfig, type ServerConfig } from '../../server/config.ts';
import { startLotse } from '../../server/start.ts';
import { ADMIN_PASSWORD, demoOffice, type TestServer, tempDataDir } from './server.ts';

export async function startDirectoryServer(options: {
  env: Record<string, string>;
  dataDir?: string;
  port?: number;
}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const parsed = parseConfig(options.env);
  const config: ServerConfig = {
    port: options.port ?? 0,
    host: '127.0.0.1',
    dataDir,
    officeConfigPath: undefined,
    adminPassword: ADMIN_PASSWORD,
    printer: 'none',
    publicUrl: parsed.publicUrl,
    databaseUrl: undefined,
    redisUrl: undefined,
    trustProxy: [],
    printerDevices: DEFAULT_PRINTER_DEVICES,
    ldap: parsed.ldap,
    oidc: parsed.oidc,
  };
  const server = await startLotse(config, { office: demoOffice() });
  return Object.assign(server, { dataDir });
}
