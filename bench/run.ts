/**
 * `npm run bench`: bounded benchmarks on loopback. The server runs in its own process
 * (`npx tsx server/main.ts` on a temp data folder); load comes from this process.
 * Writes bench/results/latest.json and prints a table with each figure's target.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';

const root = new URL('..', import.meta.url).pathname;
const ADMIN = 'bench-admin-password';

interface Figure {
  name: string;
  value: number | string;
  unit: string;
  target: string;
  ok: boolean | null;
}

const figures: Figure[] = [];
const record = (f: Figure) => {
  figures.push(f);
  const mark = f.ok === null ? '  ' : f.ok ? 'ok' : '!!';
  process.stdout.write(`${mark} ${f.name.padEnd(58)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} target ${f.target}\n`);
};

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
const round = (x: number) => Math.round(x * 100) / 100;

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOTSE_DATA: dataDir, LOTSE_ADMIN_PASSWORD: ADMIN, LOTSE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 30 s');
}

async function post(base: string, path: string, body?: unknown, token?: string) {
  const r = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await r.json()) as any;
}

async function benchIssue(base: string, count: number) {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await post(base, '/api/tickets', { concernId: i % 2 ? 'housing' : 'documents' });
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: count / seconds };
}

async function benchCallToScreen(base: string, screens: number, calls: number) {
  const token = (await post(base, '/api/login', { username: 'admin', password: ADMIN })).token as string;
  const sockets: Socket[] = [];
  for (let i = 0; i < screens; i++) {
    const s = io(base, { transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(s);
  }
  await Promise.all(sockets.map((s) => new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())))));
  await Promise.all(sockets.map((s) => s.emitWithAck('screen:join', {})));
  for (let i = 0; i < calls; i++) await post(base, '/api/tickets', { concernId: 'certificates' });
  const latencies: number[] = [];
  for (let i = 0; i < calls; i++) {
    const received = sockets.map(
      (s) =>
        new Promise<number>((resolve) => {
          s.once('call:announced', () => resolve(performance.now()));
        }),
    );
    const t0 = performance.now();
    await post(base, '/api/counters/desk-1/call-next', undefined, token);
    const times = await Promise.race([
      Promise.all(received),
      new Promise<number[]>((r) => setTimeout(() => r([]), 5000)),
    ]);
    for (const t of times) latencies.push(t - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const s of sockets) s.disconnect();
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), samples: latencies.length };
}

function bundleSizes() {
  const assets = join(root, 'dist/apps/assets');
  const sizes: Record<string, number> = {};
  for (const app of ['kiosk', 'display', 'phone', 'counter', 'admin']) {
    const html = readFileSync(join(root, app === 'phone' ? 'dist/apps/display/phone.html' : `dist/apps/${app}/index.html`), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
    let total = 0;
    for (const file of new Set(scripts)) total += gzipSync(readFileSync(join(assets, file))).length;
    sizes[app] = total;
  }
  void readdirSync;
  return sizes;
}

async function main() {
  const port = 39_000 + Math.floor(Math.random() * 1000);
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const base = `http://127.0.0.1:${port}`;
  process.stdout.write(`Lotse benchmarks (server process on ${base})\n`);
  const server = await startServer(port, dataDir);
  try {
    const issue = await benchIssue(base, 500);
    record({ name: 'ticket issue p50 (empty history, HTTP)', value: round(issue.p50), unit: 'ms', target: '-', ok: null });
    record({ name: 'ticket issue p99 (empty history, HTTP)', value: round(issue.p99), unit: 'ms', target: '≤ 10 ms', ok: issue.p99 <= 10 });
    record({ name: 'ticket issue throughput (one client, sequential)', value: Math.round(issue.perSecond), unit: '/s', target: '-', ok: null });

    const screens = Number(process.env.BENCH_SCREENS ?? 1000);
    const call = await benchCallToScreen(base, screens, 30);
    record({ name: `call → screen p50 (${screens} screens)`, value: round(call.p50), unit: 'ms', target: '-', ok: null });
    record({ name: `call → screen p99 (${screens} screens)`, value: round(call.p99), unit: 'ms', target: '≤ 20 ms', ok: call.p99 <= 20 });
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }

  const sizes = bundleSizes();
  for (const [app, bytes] of Object.entries(sizes)) {
    const limited = app === 'kiosk' || app === 'phone';
    record({
      name: `JavaScript gzip: ${app}`,
      value: round(bytes / 1024),
      unit: 'KB',
      target: limited ? '≤ 40 KB' : '-',
      ok: limited ? bytes <= 40 * 1024 : null,
    });
  }

  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/latest.json'),
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
  );
  process.stdout.write('Written to bench/results/latest.json\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${String(error)}\n`);
  process.exit(1);
});
