/** Starts a real Lotse server in its own process for a benchmark, and stops it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { freePort } from '../test/helpers/ports.ts';
import { startServerProcess } from '../test/helpers/processes.ts';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A Lotse server in its own process (the test helper), with the benchmark's settings. */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const server = await startServerProcess({
    LOTSE_DATA: dataDir,
    LOTSE_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    LOTSE_LOG_LEVEL: 'warn',
    ...env,
  });
  await pairKiosk(server.url);
  return { base: server.url, child: server.child, stop: () => server.stop() };
}

/** Runs `fn` against a fresh Lotse server (or the bare baseline) in a fresh data folder. */
export async function withServer<T>(fn: (server: BenchServer) => Promise<T>, bare = false): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const server = bare ? await startBareServer(dir) : await startServer(dir);
  try {
    return await fn(server);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bare baseline (bench/bare-server.ts) in its own process, writing to `dataDir`. */
export async function startBareServer(dataDir: string): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/bare-server.ts')], {
    env: { ...process.env, PORT: String(port), BARE_DATA: dataDir },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the bare server exited at start');
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the bare server did not answer within 30 s');
    }
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await pairKiosk(base);
  return {
    base,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Kiosk pairing tokens per server: the benchmarks draw tickets as a paired kiosk (not rate-limited). */
const kioskTokens = new Map<string, string>();

/** Pairs a kiosk with the server at `base`; `postJson` then draws its tickets as that kiosk. */
export async function pairKiosk(base: string): Promise<void> {
  const admin = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })) as {
    token: string;
  };
  const paired = (await postJson(base, '/api/admin/devices', { kind: 'kiosk', name: 'Benchmark' }, admin.token)) as {
    token?: string;
  };
  if (!paired.token) throw new Error(`pairing a kiosk failed: ${JSON.stringify(paired)}`);
  kioskTokens.set(base, paired.token);
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POST with node:http and a keep-alive agent. (undici's fetch sends a POST's headers and body
 * in separate packets, which adds delayed-ACK stalls of ~40 ms on loopback: not our server.)
 */
export function postJson(base: string, path: string, body?: unknown, token?: string): Promise<any> {
  const data = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      base + path,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(path === '/api/tickets' && kioskTokens.has(base) ? { 'x-lotse-device': kioskTokens.get(base) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}
