/**
 * One JSON line per HTTP request (module `http`): method, path, status, duration in ms and client
 * address. Headers are left out (cookies, tokens), and the phone page's ticket token in
 * `/t/<token>` and `/api/status/<token>` is replaced, so the log never holds a way into a ticket.
 *
 * Written here rather than with pino-http: that made two child loggers per request (serializing
 * the request each time) even when the level let no line through, a tenth of a ticket's time
 * on the server. Here a request costs one listener, and a line only when it is written.
 */
import type { NextFunction, Request, Response } from 'express';
import { logger } from '../logger.ts';

const TOKEN_PATHS = /^(\/t\/|\/api\/status\/)[^/?]+/;

export function redactUrl(url: string): string {
  return url.replace(TOKEN_PATHS, '$1:token');
}

export function accessLog() {
  const log = logger('http');
  return (req: Request, res: Response, next: NextFunction): void => {
    // Failed requests are logged at `error`: below that nothing of this module is written.
    if (!log.isLevelEnabled('error')) {
      next();
      return;
    }
    const started = performance.now();
    const done = (error?: unknown) => {
      res.off('finish', done);
      res.off('close', done);
      res.off('error', done);
      const failed = error instanceof Error || res.statusCode >= 500;
      const level = failed ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const line = {
        req: { method: req.method, url: redactUrl(req.originalUrl) },
        res: { status: res.statusCode },
        ms: Math.round(performance.now() - started),
        client: req.ip,
        ...(error instanceof Error ? { err: { type: error.name } } : {}),
      };
      if (!res.writableFinished && !failed) log.info(line, 'request aborted');
      else log[level](line, failed ? 'request failed' : 'request');
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}
