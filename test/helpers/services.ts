/**
 * Real PostgreSQL and Redis servers for tests, from Debian's packages (`.ci/run` installs
 * `postgresql` and `redis-server`), each in a temporary folder on a random loopback port.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { beforeAll } from 'vitest';
import { freePort, waitForListener } from './ports.ts';
import { testScope } from './scope.ts';

export interface Service {
  url: string;
  stop(): Promise<void>;
}

/** A service that can be killed and started again on the same port with the same data (fault tests). */
export interface RestartableService extends Service {
  /** Stops it at once, as a crash would (PostgreSQL: `pg_ctl -m immediate stop`; Redis: SIGKILL). */
  crash(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort() : [];
  const version = versions.at(-1);
  if (!version) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run does)');
  return join(root, version, 'bin');
}

/** initdb refuses to run as root: run it as the `postgres` user when we are root. */
function asPostgres(cmd: string, args: string[]) {
  if (process.getuid?.() === 0)
    return execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
  return execFileSync(cmd, args, { stdio: 'pipe' });
}

/** `under`: the folder its data goes in (a small tmpfs, for a full disk); a temporary one by default. */
export async function startPostgres(under?: string): Promise<RestartableService> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(under ?? tmpdir(), 'lotse-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'lotse', '--no-sync']);
  const port = await freePort();
  const start = () =>
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  start();
  return {
    url: `postgres://lotse@127.0.0.1:${port}/postgres`,
    async crash() {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
    },
    async restart() {
      start();
    },
    async stop() {
      try {
        asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } catch {
        /* not running (crashed by a fault test) */
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const waitForPort = (port: number, ms: number) => waitForListener(port, ms);

export async function startRedis(): Promise<RestartableService> {
  if (!existsSync('/usr/bin/redis-server'))
    throw new Error('Redis is not installed: apt-get install redis-server (.ci/run does)');
  const dir = mkdtempSync(join(tmpdir(), 'lotse-redis-'));
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const launch = () =>
    spawn(
      '/usr/bin/redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
  let child: ChildProcess = launch();
  await waitForPort(port, 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    async crash() {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    },
    async restart() {
      child = launch();
      await waitForPort(port, 10_000);
    },
    async stop() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A database of its own on a test's PostgreSQL server (each test starts from an empty schema). */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}

/** A service (`start`) for the calling test file or describe block: started before its tests, stopped after them. */
export function servicePerFile<S extends Service>(start: () => Promise<S>): { service: S } {
  const file = testScope({ perFile: true });
  const holder = {} as { service: S };
  beforeAll(async () => {
    holder.service = await start();
    file.cleanup.push(() => holder.service.stop());
  }, 60_000);
  return holder;
}

/** One PostgreSQL server for the calling test file, with a database of its own per test. */
export interface FilePostgres {
  /** The server (set once the file's `beforeAll` has run). */
  db: RestartableService;
  /** A database of its own on the server (each test starts from an empty schema). */
  database(name: string): Promise<string>;
  /** `closable` (a store, a pool) is closed after the file's last test, before the server stops. */
  closeAfter<T extends { close(): Promise<void> }>(closable: T): T;
}

/** Starts PostgreSQL before the calling file's tests and stops it after them (registers the hooks). */
export function postgresPerFile(): FilePostgres {
  const file = testScope({ perFile: true });
  const server = {
    database: (name: string) => createDatabase(server.db.url, name),
    closeAfter<T extends { close(): Promise<void> }>(closable: T): T {
      file.cleanup.push(() => closable.close());
      return closable;
    },
  } as FilePostgres;
  beforeAll(async () => {
    server.db = await startPostgres();
    file.cleanup.push(() => server.db.stop());
  }, 60_000);
  return server;
}
