/**
 * Who is asking: the client address (forwarded headers believed only from LOTSE_TRUST_PROXY),
 * and whether a browser request comes from our own pages. Unsafe requests that carry the
 * session cookie and an `Origin` of another site (another port or subdomain counts as another
 * site) are refused, and so are socket.io handshakes from other origins: `SameSite=Strict`
 * alone does not stop a sibling origin of the same site.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import proxyaddr from 'proxy-addr';
import { readCookie, SESSION_COOKIE } from '../auth.ts';
import type { ServerConfig } from '../config.ts';
import { sendError } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type TrustFn = (addr: string, i: number) => boolean;

export function compileTrust(config: ServerConfig): TrustFn {
  return config.trustProxy.length > 0 ? proxyaddr.compile(config.trustProxy) : () => false;
}

/** The client's address; `X-Forwarded-For` counts only when the peer is a trusted proxy. */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  try {
    return proxyaddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}

/** Whether `origin` is this server's own (same host and port as the request) or LOTSE_PUBLIC_URL's. */
export function isOwnOrigin(origin: string, host: string | undefined, publicUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (host && url.host === host.toLowerCase()) return true;
  if (publicUrl) {
    try {
      return new URL(publicUrl).origin === url.origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** HTTP: unsafe requests with the session cookie must come from our own origin. */
export function originGuard(config: ServerConfig) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!UNSAFE.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin === undefined) return next();
    if (!readCookie(req.headers.cookie, SESSION_COOKIE)) return next();
    if (isOwnOrigin(origin, req.get('host'), config.publicUrl)) return next();
    sendError(res, 'FOREIGN_ORIGIN');
  };
}

/** socket.io `allowRequest`: handshakes from other origins get 403. */
export function socketOriginCheck(config: ServerConfig) {
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    if (origin === undefined || isOwnOrigin(origin, req.headers.host, config.publicUrl)) return callback(null, true);
    callback('foreign origin', false);
  };
}

/**
 * WebSocket upgrades from other origins get `403` (engine.io itself answers every refused
 * upgrade with 400). Runs before socket.io's own upgrade listener, which then finds the socket closed.
 */
export function refuseForeignUpgrades(server: HttpServer, config: ServerConfig): void {
  server.prependListener('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const origin = req.headers.origin;
    if (origin === undefined || isOwnOrigin(origin, req.headers.host, config.publicUrl)) return;
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
