/**
 * Memory allocated per ticket issue, and by which functions: garbage is what the collector has
 * to clear, and its pauses are the tail of the ticket latency. The server runs in this process
 * (V8's sampling heap profiler, counting also objects already collected), so the figures are
 * the server's own; the HTTP client's share is listed apart and not counted.
 *
 *   npx tsx bench/allocations.ts [waiting=300] [tickets=300] [survivors]
 *
 * With `survivors`, only what outlives a minor collection is counted (objects a scavenge copies
 * and then promotes to the old generation): the scavenger's work grows with it, not with the
 * short-lived garbage.
 *
 * Not timed: the figure is bytes, the same on a busy machine as on a quiet one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../server/config.ts';
import { startLotse } from '../server/start.ts';
import { BENCH_ADMIN_PASSWORD, pairKiosk, postJson } from './server-process.ts';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const waiting = Number(process.argv[2] ?? 300);
const tickets = Number(process.argv[3] ?? 300);
const survivorsOnly = process.argv[4] === 'survivors';

/** Where a frame comes from: a project file, a package, or Node itself. */
function frameName(frame: ProfileNode['callFrame']): string {
  const url = frame.url.replace(/^.*\/node_modules\//, 'npm:').replace(/^file:\/\/.*?\/(core|server|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${url}`;
}

/** Bytes per function (self) and per project function (with what it calls). */
function summarise(head: ProfileNode) {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let client = 0;
  let total = 0;
  const walk = (node: ProfileNode, stack: readonly string[]) => {
    const name = frameName(node.callFrame);
    const path = stack.includes(name) ? stack : [...stack, name];
    const fromClient = path.some((f) => f.includes('bench/'));
    if (fromClient) client += node.selfSize;
    else {
      total += node.selfSize;
      self.set(name, (self.get(name) ?? 0) + node.selfSize);
      for (const f of path)
        if (/^\S+ (core|server)\//.test(f)) inclusive.set(f, (inclusive.get(f) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, path);
  };
  walk(head, []);
  return { self, inclusive, client, total };
}

const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
const kb = (bytes: number) => `${(bytes / tickets / 1000).toFixed(1).padStart(7)} KB`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-alloc-'));
  const server = await startLotse(
    parseConfig({
      ...process.env,
      LOTSE_DATA: dir,
      LOTSE_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      LOTSE_LOG_LEVEL: 'warn',
      LOTSE_PRINTER: 'none',
      PORT: '0',
      HOST: '127.0.0.1',
    }),
  );
  const session = new Session();
  try {
    await pairKiosk(server.url);
    for (let i = 0; i < waiting; i++) await postJson(server.url, '/api/tickets', { concernId: 'documents' });
    session.connect();
    await session.post('HeapProfiler.enable');
    // Every 4 KB allocated is sampled, also objects a major (and, unless survivors only, a minor)
    // collection has cleared since.
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: !survivorsOnly,
    } as never);
    for (let i = 0; i < tickets; i++) {
      await postJson(server.url, '/api/tickets', { concernId: i % 2 ? 'housing' : 'certificates' });
    }
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
    const { self, inclusive, client, total } = summarise(profile.head);
    process.stdout.write(
      `${survivorsOnly ? 'outlived a minor collection' : 'allocated'} per ticket issue, ` +
        `${waiting}–${waiting + tickets} waiting: ${kb(total).trim()} ` +
        `(the benchmark's HTTP client: ${kb(client).trim()}, not counted)\n\nby function (self):\n`,
    );
    for (const [name, bytes] of top(self, 15)) process.stdout.write(`${kb(bytes)}  ${name}\n`);
    process.stdout.write('\nby project function (with what it calls):\n');
    for (const [name, bytes] of top(inclusive, 15)) process.stdout.write(`${kb(bytes)}  ${name}\n`);
  } finally {
    session.disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
