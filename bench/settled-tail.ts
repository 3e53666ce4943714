/**
 * Where a settled server's slow ticket answers come from: the `issue` section's settled
 * measurement (SETTLED_AFTER tickets issued and called, 200 left waiting, then `count` timed),
 * with the server's main-thread garbage collection pauses observed from inside it
 * (`bench/gc-observer.mjs`) and the day's snapshot seen on disk. Each answer slower than
 * SLOW_MS is put down to a collection pause that overlaps it, to a snapshot written in the ten
 * answers before it, or to neither; then, over the rounds, how many of the latter fall on the
 * same request (±2) in another round: work that comes at the same request every time, as V8's
 * tiering up of hot functions does (a collection or a snapshot would have been seen).
 *
 *   npx tsx bench/settled-tail.ts [rounds=3] [settle=2000] [count=400]
 *
 * Not judged against a target: it explains the `issue` section's settled figures.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_ADMIN_PASSWORD, postJson, quantile, ROOT, startServer } from './server-process.ts';

const rounds = Number(process.argv[2] ?? 3);
const settle = Number(process.argv[3] ?? 2000);
const count = Number(process.argv[4] ?? 400);
const SLOW_MS = 1.5;
const WAITING = 200;
const epochMs = () => performance.timeOrigin + performance.now();
const concern = (i: number) => (i % 2 ? 'housing' : 'certificates');

interface Answer {
  from: number;
  to: number;
  /** The snapshot file changed while it was answered. */
  snapshot: boolean;
}

interface Pause {
  at: number;
  ms: number;
  kind: string;
}

async function round(index: number): Promise<{ answers: Answer[]; pauses: Pause[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-tail-'));
  const gcLog = join(dir, 'gc.log');
  try {
    const server = await startServer(join(dir, 'data'), {
      NODE_OPTIONS: `--import ${join(ROOT, 'bench/gc-observer.mjs')}`,
      LOTSE_BENCH_GC_LOG: gcLog,
    });
    try {
      const { base } = server;
      const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })).token;
      for (let i = 0; i < settle; i++) {
        await postJson(base, '/api/tickets', { concernId: concern(i) });
        await postJson(base, '/api/counters/desk-1/call-next', undefined, token);
      }
      for (let i = 0; i < WAITING; i++) await postJson(base, '/api/tickets', { concernId: concern(i) });
      const snapshotAt = () => {
        try {
          return statSync(join(dir, 'data', 'live-day.json')).mtimeMs;
        } catch {
          return 0;
        }
      };
      let stored = snapshotAt();
      const answers: Answer[] = [];
      for (let i = 0; i < count; i++) {
        const from = epochMs();
        await postJson(base, '/api/tickets', { concernId: concern(i) });
        const to = epochMs();
        const now = snapshotAt();
        answers.push({ from, to, snapshot: now !== stored });
        stored = now;
      }
      // The observer writes its batches every 500 ms.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const pauses = readFileSync(gcLog, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [at, ms, kind] = line.split(' ');
          return { at: Number(at), ms: Number(ms), kind: String(kind) };
        });
      process.stderr.write(`   (round ${index + 1} of ${rounds} done)\n`);
      return { answers, pauses };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const unexplainedPerRound: number[][] = [];
  process.stdout.write(
    `settled ticket issue: ${settle} issued and called, ${WAITING} waiting, ${count} timed; slow = over ${SLOW_MS} ms` +
      '\n',
  );
  for (let r = 0; r < rounds; r++) {
    const { answers, pauses } = await round(r);
    const ms = answers.map((a) => a.to - a.from);
    const slow = ms.flatMap((v, i) => (v > SLOW_MS ? [i] : []));
    const byPause = slow.filter((i) => {
      const a = answers[i] as Answer;
      return pauses.some((p) => p.at < a.to && p.at + p.ms > a.from);
    });
    const bySnapshot = slow.filter(
      (i) => !byPause.includes(i) && answers.slice(Math.max(0, i - 10), i + 1).some((a) => a.snapshot),
    );
    const unexplained = slow.filter((i) => !byPause.includes(i) && !bySnapshot.includes(i));
    unexplainedPerRound.push(unexplained);
    const inWindow = pauses.filter((p) => p.at >= (answers[0] as Answer).from && p.at <= (answers.at(-1) as Answer).to);
    const kinds = [...new Set(inWindow.map((p) => p.kind))]
      .map((k) => `${inWindow.filter((p) => p.kind === k).length} ${k}`)
      .join(', ');
    process.stdout.write(
      `round ${r + 1}: p50 ${quantile(ms, 0.5).toFixed(2)} ms, p99 ${quantile(ms, 0.99).toFixed(2)} ms; ` +
        `${slow.length} slow: ${byPause.length} during a collection pause, ${bySnapshot.length} by a snapshot, ` +
        `${unexplained.length} neither (collection pauses in the window: ${kinds || 'none'})\n`,
    );
  }
  if (rounds > 1) {
    // The same count for answers at random requests (a fixed seed: the figure is reproducible).
    let seed = 1;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    const trials = 200;
    let byChance = 0;
    for (let t = 0; t < trials; t++) {
      byChance += repeatedIn(unexplainedPerRound.map((list) => list.map(() => Math.floor(random() * count))));
    }
    const all = unexplainedPerRound.reduce((n, list) => n + list.length, 0);
    process.stdout.write(
      `of the ${all} slow answers with neither, ${repeatedIn(unexplainedPerRound)} fall on the same request (±2) ` +
        `in another round (at random requests: ${(byChance / trials).toFixed(1)})\n`,
    );
  }
}

/** How many of the listed requests have one within ±2 in another round's list. */
function repeatedIn(perRound: readonly (readonly number[])[]): number {
  let repeated = 0;
  perRound.forEach((list, r) => {
    for (const i of list) {
      if (perRound.some((other, o) => o !== r && other.some((j) => Math.abs(j - i) <= 2))) repeated++;
    }
  });
  return repeated;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
