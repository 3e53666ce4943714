/** Test helpers: a real Lotse server on a random loopback port with its own data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { TicketView } from '../../core/api.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/events.ts';
import type { OfficeConfig } from '../../core/types.ts';
import { DEFAULT_PRINTER_DEVICES, type ServerConfig } from '../../server/config.ts';
import type { PrintServiceOptions } from '../../server/printing/print-service.ts';
import type { Clock } from '../../server/queue-service.ts';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { type RunningServer, startLotse } from '../../server/start.ts';

export const ADMIN_PASSWORD = 'test-admin-password';

export interface TestServer extends RunningServer {
  dataDir: string;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'lotse-test-'));
}

export function demoOffice(): OfficeConfig {
  return loadOfficeConfig(undefined);
}

/** The configuration `npm start` would parse for a single process on loopback, with `changes` on top. */
export function testServerConfig(dataDir: string, changes: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    officeConfigPath: undefined,
    adminPassword: ADMIN_PASSWORD,
    printer: 'none',
    publicUrl: undefined,
    databaseUrl: undefined,
    redisUrl: undefined,
    trustProxy: [],
    printerDevices: DEFAULT_PRINTER_DEVICES,
    ...changes,
  };
}

export async function startTestServer(
  options: {
    dataDir?: string;
    office?: OfficeConfig;
    clock?: Clock;
    port?: number;
    /** Keep the office configuration in the data folder (office.json), as `npm start` does. */
    usePersistedOffice?: boolean;
    /** LOTSE_PRINTER (default `none`). */
    printer?: string;
    /** LOTSE_PUBLIC_URL. */
    publicUrl?: string;
    /** Printer polling and waiting times. */
    printing?: PrintServiceOptions;
    /** LOTSE_DATABASE_URL and LOTSE_REDIS_URL: a process of a multi-process deployment. */
    databaseUrl?: string;
    redisUrl?: string;
    /** LOTSE_TRUST_PROXY. */
    trustProxy?: string[];
    /** LOTSE_PRINTER_DEVICES. */
    printerDevices?: string[];
    /** LOTSE_METRICS_TOKEN. */
    metricsToken?: string;
    /** No LOTSE_ADMIN_PASSWORD: the server generates one (`generatedAdminPassword`). */
    generateAdminPassword?: boolean;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = testServerConfig(dataDir, {
    port: options.port ?? 0,
    adminPassword: options.generateAdminPassword ? undefined : ADMIN_PASSWORD,
    printer: options.printer ?? 'none',
    publicUrl: options.publicUrl,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    trustProxy: options.trustProxy ?? [],
    printerDevices: options.printerDevices ?? DEFAULT_PRINTER_DEVICES,
    metricsToken: options.metricsToken,
  });
  const server = await startLotse(config, {
    ...(options.office ? { office: options.office } : options.usePersistedOffice ? {} : { office: demoOffice() }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.printing ? { printing: options.printing } : {}),
  });
  return Object.assign(server, { dataDir });
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client, optionally signed in with a session token. */
export function connectClient(url: string, token?: string): Promise<ClientSocket> {
  return connectSocket<ClientSocket>(url, token);
}

/** A real socket.io client of `url` (a namespace's URL), connected, optionally with a session token. */
export async function connectSocket<S extends Socket<any, any>>(url: string, token?: string): Promise<S> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket as S;
}

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Resolves with the first `event` the socket receives that passes `test` (fails after `ms`). */
export function eventWhere<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  test: (payload: Payload<E>) => boolean,
  ms = 5000,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    const on = (payload: Payload<E>) => {
      if (!test(payload)) return;
      clearTimeout(timer);
      socket.off(event, on as never);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, on as never);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    socket.on(event, on as never);
  });
}

/** Resolves with the next `event` the socket receives (fails after `ms`). */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  ms = 5000,
): Promise<Payload<E>> {
  return eventWhere(socket, event, () => true, ms);
}

export interface JsonAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function http<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<JsonAnswer<T>> {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON (CSV, HTML) */
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export async function login(base: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const answer = await http<{ token: string }>(base, 'POST', '/api/login', { username, password });
  if (answer.status !== 200) throw new Error(`login failed: ${answer.status}`);
  return answer.body.token;
}

/** An admin creates a staff account (`POST /api/admin/users`); the body goes as given. */
export function createAccount<T = any>(
  base: string,
  adminToken: string,
  account: { username: string; password: string; role: string; counters?: string[] },
): Promise<JsonAnswer<T>> {
  return http<T>(base, 'POST', '/api/admin/users', account, adminToken);
}

/** An admin registers a kiosk or lobby screen (`POST /api/admin/devices`); the answer holds its pairing link. */
export function registerDevice<T = any>(
  base: string,
  adminToken: string,
  device: { kind: string; name: string; area?: string },
): Promise<JsonAnswer<T>> {
  return http<T>(base, 'POST', '/api/admin/devices', device, adminToken);
}

/** A signed-in user changes its own password (`POST /api/me/password`). */
export function changePassword<T = any>(
  base: string,
  token: string,
  currentPassword: string,
  newPassword: string,
): Promise<JsonAnswer<T>> {
  return http<T>(base, 'POST', '/api/me/password', { currentPassword, newPassword }, token);
}

/** A new clerk account on `server`, signed in: its session token. */
export async function newClerk(server: RunningServer, username: string, password: string): Promise<string> {
  await server.ctx.auth.createUser(username, password, 'clerk');
  return login(server.url, username, password);
}

/** A clerk's action at a counter over HTTP (`call-next`, `complete`, `recall`, `no-show`, …). */
export function counterAction<T = { ticket: TicketView | null }>(
  base: string,
  token: string,
  counterId: string,
  action: string,
  body?: unknown,
): Promise<JsonAnswer<T>> {
  return http<T>(base, 'POST', `/api/counters/${counterId}/${action}`, body, token);
}
