/** Builds and starts a whole Lotse server; used by `main.ts` and by the tests. */
import { createServer } from 'node:http';
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
import { type Clock, QueueService } from './queue-service.ts';
import { openLowdbStore } from './store/lowdb-store.ts';

export interface StartOptions {
  /** Defaults to the office file named in the configuration (or the demo office). */
  office?: OfficeConfig;
  clock?: Clock;
  appsDir?: string;
  /** Printer polling and waiting times (tests shorten them). */
  printing?: PrintServiceOptions;
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

export async function startLotse(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? (() => Date.now());
  const store = await openLowdbStore(config.dataDir);
  try {
    const officeService = options.office
      ? new OfficeService(options.office, null)
      : OfficeService.open(config.officeConfigPath, config.dataDir);
    const office = () => officeService.get();
    const queue = new QueueService(store, office, clock);
    await queue.init();
    const auth = new Auth(store, clock);
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
      auth,
      staff: new StaffService(store, auth),
      devices,
      audit: new AuditLog(store, clock),
      printing,
      clock,
      appsDir: options.appsDir ?? fileURLToPath(new URL('../dist/apps', import.meta.url)),
    };
    const httpServer = createServer();
    const application = createApplication(httpServer, ctx);
    officeService.onChange(() => queue.refresh());
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
        await ctx.printing.stop();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
