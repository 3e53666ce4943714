/**
 * Start-up of the Lotse server: configuration from the environment, then `startLotse`.
 * `npm start` runs this after building the apps.
 */
import { ConfigError, parseConfig } from './config.ts';
import { logger } from './logger.ts';
import { OfficeConfigError } from './office-config.ts';
import { startLotse } from './start.ts';
import { StoreError } from './store/store.ts';

const log = logger('main');

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const server = await startLotse(config);
  const office = server.ctx.office();
  log.info(
    { port: server.port, host: config.host, office: office.name, data: config.dataDir },
    `Lotse is running: ${server.url}/ (kiosk /kiosk, display /display, counter /counter, admin /admin)`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof OfficeConfigError || error instanceof StoreError) {
    log.fatal(error.message);
  } else {
    log.fatal({ err: error }, 'Lotse could not start');
  }
  process.exit(1);
});
