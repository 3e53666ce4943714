/**
 * `/api/health` while one client floods ticket drawing and another floods socket events (each
 * in its own process): the server's rate limits must keep it answering everyone else quickly.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { quantile, ROOT } from './server-process.ts';

export interface FloodFigures {
  healthP50: number;
  healthP99: number;
  ticketsSent: number;
  eventsSent: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function health(base: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}/api/health`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t0));
    });
    req.on('error', reject);
    req.end();
  });
}

function flooder(mode: 'tickets' | 'events', base: string, seconds: number): Promise<number> {
  const child = fork(join(ROOT, 'bench/flood-client.ts'), [mode, base, String(seconds)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'ignore',
  });
  return new Promise((resolve) => {
    let sent = 0;
    child.on('message', (m: { sent: number }) => {
      sent = m.sent;
    });
    child.on('exit', () => resolve(sent));
    setTimeout(() => child.kill('SIGKILL'), (seconds + 30) * 1000).unref();
  });
}

export async function benchFlood(server: { base: string }, seconds = 10): Promise<FloodFigures> {
  const floods = Promise.all([flooder('tickets', server.base, seconds), flooder('events', server.base, seconds)]);
  await new Promise((r) => setTimeout(r, 1500)); // the flooders are running
  const latencies: number[] = [];
  const until = Date.now() + (seconds - 2) * 1000;
  while (Date.now() < until) {
    latencies.push(await health(server.base));
    await new Promise((r) => setTimeout(r, 20));
  }
  const [ticketsSent, eventsSent] = await floods;
  return {
    healthP50: quantile(latencies, 0.5),
    healthP99: quantile(latencies, 0.99),
    ticketsSent,
    eventsSent,
  };
}

/**
 * `tsx bench/flood.ts [SECONDS]`: this benchmark alone, on a fresh server (`npm run bench` runs it
 * too). On a machine busy with other work, `BENCH_SERVER_NICE=-10` (root) gives the server and the
 * measuring process a higher priority than everything else, to measure the server as if it ran alone.
 */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { startServer } = await import('./server-process.ts');
  const dir = mkdtempSync(join(tmpdir(), 'lotse-flood-'));
  const server = await startServer(dir);
  const nice = process.env.BENCH_SERVER_NICE;
  if (nice && server.child.pid) {
    const { spawnSync } = await import('node:child_process');
    // The server and this measuring process; the flooding clients keep their priority.
    spawnSync('renice', ['-n', nice, '-p', String(server.child.pid), String(process.pid)], { stdio: 'ignore' });
  }
  try {
    const f = await benchFlood(server, Number(process.argv[2] ?? '15'));
    process.stdout.write(
      `/api/health p99 ${f.healthP99.toFixed(2)} ms (target ≤ 50), p50 ${f.healthP50.toFixed(2)} ms; ` +
        `${f.ticketsSent} ticket requests and ${f.eventsSent} socket events sent\n`,
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
