/**
 * One JSON line per HTTP request (pino-http, module `http`): method, path, status, duration and
 * client address. Headers are left out (cookies, tokens), and the phone page's ticket token in
 * `/t/<token>` and `/api/status/<token>` is replaced, so the log never holds a way into a ticket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import { pinoHttp } from 'pino-http';
import { logger } from '../logger.ts';

const TOKEN_PATHS = /^(\/t\/|\/api\/status\/)[^/?]+/;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_PATHS, '$1:token');
}

export function accessLog() {
  return pinoHttp({
    logger: logger('http'),
    customAttributeKeys: { responseTime: 'ms' },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
      error || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customProps: (req: IncomingMessage) => ({ client: (req as Request).ip }),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      err: (err: { type?: string }) => ({ type: err.type ?? 'Error' }),
    },
  });
}
