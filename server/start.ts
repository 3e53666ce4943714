/** Builds and starts a whole Lotse server; used by `main.ts` and by the tests. */
import { mkdirSync } from 'node:fs';
import { createAppServer } from './http/app-server.ts';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { OfficeConfig } from '../core/types.ts';
import { type Application, createApplication } from './app.ts';
import { Auth } from './auth.ts';
import type { ServerConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { AuditLog } from './audit.ts';
import { DeviceService } from './devices.ts';
import { OfficeService } from './office-service.ts';
import { createPrintService, type PrintServiceOptions } from './printing/print-service.ts';
import { StaffService } from './staff.ts';
import { AppointmentService } from './appointment-service.ts';
import { type Clock, QueueService } from './queue-service.ts';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { logger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { Limits } from './limits.ts';
import { loadOfficeConfig, parseOfficeConfig } from './office-config.ts';
import { openLowdbStore } from './store/lowdb-store.ts';
import { openPostgresStore } from './store/postgres-store.ts';
import { AlertWebhook } from './alert-webhook.ts';
import { LiveService, type LiveServiceOptions } from './live-service.ts';
import { closeRedis } from './redis-close.ts';
import { fileLiveStorage, postgresLiveStorage } from './live-storage.ts';

const log = logger('start');

export interface StartOptions {
  /** Defaults to the office file named in the configuration (or the demo office). */
  office?: OfficeConfig;
  clock?: Clock;
  appsDir?: string;
  /** Printer polling and waiting times (tests shorten them). */
  printing?: PrintServiceOptions;
  /** How often the live view is computed again without a change (tests shorten it). */
  live?: LiveServiceOptions;
}

export interface RunningServer {
  ctx: AppContext;
  application: Application;
  port: number;
  url: string;
  /** The one-time admin password when it was generated at this start. */
  generatedAdminPassword: string | null;
  stop(): Promise<void>;
}

/** lowdb files by default; PostgreSQL (with the office configuration in it) when configured. */
async function openStorage(config: ServerConfig, options: StartOptions) {
  if (!config.databaseUrl) {
    const store = await openLowdbStore(config.dataDir);
    try {
      const officeService = options.office
        ? new OfficeService(options.office, null)
        : OfficeService.open(config.officeConfigPath, config.dataDir);
      return { store, officeService };
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  mkdirSync(config.dataDir, { recursive: true });
  const seed = options.office ?? loadOfficeConfig(config.officeConfigPath);
  const store = await openPostgresStore(config.databaseUrl, seed.id);
  try {
    const saved = await store.loadOffice();
    const initial = saved ? parseOfficeConfig(saved, `database office ${seed.id}`) : seed;
    if (!saved) await store.saveOffice(seed);
    const officeService = new OfficeService(initial, (next) => store.saveOffice(next));
    store.onOfficeChange(() => {
      void store
        .loadOffice()
        .then((value) => officeService.adopt(value))
        .catch((error: unknown) => log.error({ err: error }, 'reloading the office configuration failed'));
    });
    return { store, officeService };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * socket.io across processes: the Redis streams adapter (it also recovers missed events).
 * One stream per office, so the screens of one office never hear another office's calls.
 */
async function openAdapter(config: ServerConfig, officeId: string) {
  if (!config.redisUrl) return { adapter: undefined, fed: () => true, close: async () => undefined };
  const client = createClient({ url: config.redisUrl });
  client.on('error', (error: unknown) => log.error({ err: error }, 'redis connection failed'));
  await client.connect();
  return {
    adapter: createAdapter(client, { streamName: `lotse:${officeId}` }),
    fed: () => client.isReady,
    close: async () => {
      await closeRedis(client);
    },
  };
}

export async function startLotse(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? (() => Date.now());
  const opened = await openStorage(config, options);
  const { officeService } = opened;
  const metrics = new Metrics();
  const store = metrics.timeStore(opened.store);
  let closeAdapter: () => Promise<void> = async () => {};
  let limits: Limits | undefined;
  let closeLive: () => Promise<void> = async () => {};
  try {
    const office = () => officeService.get();
    const queue = new QueueService(store, office, clock);
    await queue.init();
    limits = config.redisUrl ? await Limits.redis(config.redisUrl, officeService.get().id) : Limits.memory();
    const appointments = new AppointmentService(store, office, clock, queue);
    await appointments.refreshEstimates();
    const auth = new Auth(store, clock, limits);
    const generatedAdminPassword = await auth.bootstrap(config.adminPassword);
    const devices = new DeviceService(store, clock);
    await devices.init();
    const printing = createPrintService(config, office, clock, options.printing);
    await printing.start();
    const ctx: AppContext = {
      config,
      office,
      officeService,
      store,
      queue,
      appointments,
      auth,
      staff: new StaffService(store, auth),
      devices,
      audit: new AuditLog(store, clock),
      printing,
      clock,
      limits,
      appsDir: options.appsDir ?? fileURLToPath(new URL('../dist/apps', import.meta.url)),
      metrics,
    };
    const liveStorage = config.databaseUrl
      ? await postgresLiveStorage(config.databaseUrl, officeService.get().id)
      : fileLiveStorage(config.dataDir);
    const webhook =
      config.alertWebhookUrl && config.alertWebhookSecret
        ? new AlertWebhook({ url: config.alertWebhookUrl, secret: config.alertWebhookSecret })
        : undefined;
    const live = new LiveService(
      { office, queue, devices, printing, store, clock, storage: liveStorage, webhook },
      options.live,
    );
    ctx.live = { service: live, storage: liveStorage };
    closeLive = () => live.stop();
    const httpServer = createAppServer();
    const adapter = await openAdapter(config, officeService.get().id);
    closeAdapter = adapter.close;
    const application = createApplication(
      httpServer,
      ctx,
      adapter.adapter ? { adapter: adapter.adapter, fed: adapter.fed } : {},
    );
    officeService.onChange(() => queue.refresh());
    await live.start();
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    let stopped = false;
    return {
      ctx,
      application,
      port,
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      generatedAdminPassword,
      async stop() {
        if (stopped) return;
        stopped = true;
        await application.close();
        await live.stop();
        await ctx.printing.stop();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await closeAdapter();
        await limits?.close();
        await store.close();
        metrics.stop();
      },
    };
  } catch (error) {
    await closeLive();
    await closeAdapter();
    await limits?.close();
    await store.close();
    metrics.stop();
    throw error;
  }
}
