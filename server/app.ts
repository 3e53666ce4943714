/**
 * `createApplication(httpServer, deps)`: wires HTTP (Express) and realtime (socket.io) onto a
 * given server with the given dependencies. `main.ts` builds the dependencies; tests pass their own.
 */
import type { Server as HttpServer } from 'node:http';
import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { Server, type ServerOptions } from 'socket.io';
import type { AppContext } from './context.ts';
import { healthRoutes } from './health.ts';
import { accessLog } from './http/access-log.ts';
import { adoptPrototypes } from './http/app-server.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { appointmentRoutes } from './http/appointment-routes.ts';
import { confirmationRoutes } from './http/confirmation-page.ts';
import { appRoutes } from './http/apps.ts';
import { authRoutes } from './http/auth-routes.ts';
import { backupRoutes } from './http/backup-routes.ts';
import { counterRoutes } from './http/counter-routes.ts';
import { errorHandler, sendError } from './http/errors.ts';
import { originGuard, refuseForeignUpgrades, socketOriginCheck } from './http/origin.ts';
import { publicPageRoutes } from './http/public-page.ts';
import { publicRoutes } from './http/public-routes.ts';
import { speechRoutes } from './http/speech-routes.ts';
import { statsRoutes } from './http/stats-routes.ts';
import { metricsRoutes } from './http/metrics-routes.ts';
import { ticketRoutes } from './http/ticket-routes.ts';
import { openApiRoutes } from './http/openapi-routes.ts';
import { attachPrintRealtime } from './printing/realtime.ts';
import { printerRoutes } from './printing/routes.ts';
import { attachRealtime, type LotseServer } from './realtime.ts';
import { liveRoutes } from './http/live-routes.ts';
import { attachLiveRealtime } from './live-realtime.ts';

/**
 * The routers of the features, one file each, in the order a request is matched against them:
 * the kiosks' and clerks' routes first (they carry the office's traffic; each router passed
 * costs a request a few dozen microseconds). No two share a path.
 */
const FEATURE_ROUTES = [
  ticketRoutes,
  counterRoutes,
  publicRoutes,
  publicPageRoutes,
  speechRoutes,
  authRoutes,
  appointmentRoutes,
  confirmationRoutes,
  statsRoutes,
  backupRoutes,
  adminRoutes,
  printerRoutes,
];

export interface Application {
  app: express.Express;
  io: LotseServer;
  close(): Promise<void>;
}

export interface ApplicationOptions {
  /** A socket.io adapter (Redis streams) so that several server processes share rooms and events. */
  adapter?: ServerOptions['adapter'];
  /** False while this process does not hear other processes' calls (its Redis link is down). */
  fed?: () => boolean;
}

/**
 * The JSON body parser, but a request that says its body is empty (`Content-Length: 0`, as a
 * clerk's call-next, start or recall) is not read: it gets `{}` at once, as the parser would give
 * it after waiting for the end of the stream (0.14 ms of a call's 1.7 ms in the server, measured).
 */
function jsonBody(parser: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => {
    if (req.headers['content-length'] !== '0' || !req.is('application/json')) return parser(req, res, next);
    req.body = {};
    next();
  };
}

export function createApplication(
  httpServer: HttpServer,
  ctx: AppContext,
  options: ApplicationOptions = {},
): Application {
  const app = express();
  adoptPrototypes(httpServer, app);
  app.disable('x-powered-by');
  // X-Forwarded-For counts only from the proxies named in LOTSE_TRUST_PROXY.
  app.set('trust proxy', ctx.config.trustProxy.length > 0 ? ctx.config.trustProxy : false);
  app.use(accessLog());
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A whole office configuration (many concerns in six languages) may be larger than any other body.
  app.use('/api/admin/config', express.json({ limit: '512kb' }));
  app.use(jsonBody(express.json({ limit: '64kb' })));
  // Pages and scripts gzip'd: the phone page must load fast on a weak connection.
  app.use(compression({ threshold: 1024 }));
  app.use(originGuard(ctx.config));

  app.use(healthRoutes(ctx, options.fed ?? (() => true)));
  if (ctx.metrics) app.use(metricsRoutes(ctx, ctx.metrics));
  for (const routes of FEATURE_ROUTES) app.use(routes(ctx));
  if (ctx.live) app.use(liveRoutes(ctx, ctx.live.service, ctx.live.storage));
  app.use(appRoutes(ctx));
  app.use(openApiRoutes());
  app.use('/api', (_req, res) => sendError(res, 'NOT_FOUND'));
  app.use((_req, res) => sendError(res, 'NOT_FOUND'));
  app.use(errorHandler);

  httpServer.on('request', app);

  const io: LotseServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: socketOriginCheck(ctx.config),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    ...(options.adapter ? { adapter: options.adapter } : {}),
  });
  refuseForeignUpgrades(httpServer, ctx.config);
  const detach = attachRealtime(io, ctx, options.fed ?? (() => true));
  const detachPrint = attachPrintRealtime(io, ctx);
  const detachLive = ctx.live ? attachLiveRealtime(io, ctx, ctx.live.service) : () => undefined;
  ctx.metrics?.attach(ctx.queue, io, ctx.printing);

  return {
    app,
    io,
    async close() {
      detach();
      detachPrint();
      detachLive();
      ctx.queue.stop();
      // No disconnect packet: clients see the transport close and reconnect by themselves.
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
