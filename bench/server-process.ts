/** Starts a real Lotse server in its own process for a benchmark, and stops it. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

export interface BenchServer {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  srv.close();
  return port;
}

export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_DATA: dataDir,
      LOTSE_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      LOTSE_LOG_LEVEL: 'warn',
      LOTSE_PRINTER: 'none',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('benchmark server exited at start');
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return {
          base,
          child,
          async stop() {
            if (child.exitCode !== null) return;
            child.kill('SIGTERM');
            await once(child, 'exit');
          },
        };
      }
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('benchmark server did not start within 30 s');
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
