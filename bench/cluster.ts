/**
 * One process against three: real PostgreSQL and Redis (Debian's packages) on loopback, server
 * processes on them. Ticket throughput with 12 kiosks spread over the processes, and the
 * call → screen latency with 300 screens spread over the processes while clerks call 20 per
 * second on the first process. Side by side for 1 and 3 processes.
 */
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startServerProcess, type ServerProcess } from '../test/helpers/processes.ts';
import { removeDir, tempDataDir } from '../test/helpers/server.ts';
import { startPostgres, startRedis } from '../test/helpers/services.ts';
import { BENCH_ADMIN_PASSWORD, pairKiosk, postJson, quantile } from './server-process.ts';

export interface ClusterFigures {
  processes: number;
  issuePerSecond: number;
  issueP50: number;
  issueP99: number;
  /** The same kiosks once the day holds 2,000 tickets. */
  fullDayIssueP50: number;
  fullDayIssueP99: number;
  callP50: number;
  callP99: number;
  lost: number;
}

const now = () => performance.timeOrigin + performance.now();

/** Requests each process answers before the measured round (see `measure`). */
const WARM_UP_PER_PROCESS = 200;

/** A clerk at desk-1 (serves certificates) calls the `waiting` visitors of the warm-up, until nobody waits. */
async function callEveryone(node: ServerProcess, token: string, waiting: number): Promise<void> {
  for (let called = 0; called <= waiting; called++) {
    const answer = await postJson(node.url, '/api/counters/desk-1/call-next', undefined, token);
    if (answer.ticket) continue;
    if (called < waiting) throw new Error(`desk-1 called ${called} of ${waiting} waiting visitors`);
    return;
  }
  throw new Error(`still somebody waiting after ${waiting} calls`);
}

/** `kiosks` kiosks spread over the processes, each drawing `perKiosk` tickets one after another. */
async function issueRound(nodes: ServerProcess[], kiosks: number, perKiosk: number) {
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: kiosks }, async (_, k) => {
      const node = nodes[k % nodes.length] as ServerProcess;
      for (let i = 0; i < perKiosk; i++) {
        const start = performance.now();
        const answer = await postJson(node.url, '/api/tickets', { concernId: 'certificates' }).catch((error) => {
          const exit = node.child.exitCode ?? node.child.signalCode;
          throw new Error(`issue failed (${String(error)}); server ${exit === null ? 'running' : `ended: ${exit}`}`, {
            cause: node.stderr().slice(-4000),
          });
        });
        if (!answer.ticket) throw new Error(`issue failed: ${JSON.stringify(answer)}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { latencies, perSecond: (kiosks * perKiosk) / ((performance.now() - t0) / 1000) };
}

async function measure(
  nodes: ServerProcess[],
  screensTotal: number,
  calls: number,
): Promise<Omit<ClusterFigures, 'processes'>> {
  // Throughput: 12 kiosks, each drawing tickets one after another, spread over the processes.
  // Warm-up: WARM_UP_PER_PROCESS tickets per process, then a clerk calls them all, so the
  // measured day starts with nobody waiting. A fresh process answers its first couple of hundred
  // requests while V8 compiles the hot paths (as in the single-process benchmark, `issue.ts`);
  // with 40 per process (120 in all) three processes were still warming up in the measured
  // round, which came out slower than the later one with a day of 2,000 tickets.
  const token = (await postJson(nodes[0]!.url, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD }))
    .token as string;
  const warmUp = await issueRound(nodes, 12, Math.ceil((WARM_UP_PER_PROCESS * nodes.length) / 12));
  await callEveryone(nodes[0]!, token, warmUp.latencies.length);
  const fresh = await issueRound(nodes, 12, 50);
  // The same once the day holds 2,000 tickets: a change must cost what changed, not the whole day.
  const inDay = warmUp.latencies.length + fresh.latencies.length;
  await issueRound(nodes, 12, Math.max(0, Math.ceil((2000 - inDay - 12 * 50) / 12)));
  const full = await issueRound(nodes, 12, 50);

  // Screens on every process; calls made on the first one.
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < screensTotal; i++) {
      sockets.push(
        io(nodes[i % nodes.length]!.url, { transports: ['websocket'], forceNew: true, reconnection: false }),
      );
    }
    await Promise.all(sockets.map((s) => new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())))));
    await Promise.all(sockets.map((s) => s.emitWithAck('screen:join', {})));
    const received: [string, number][] = [];
    for (const s of sockets) s.on('call:announced', (c: { number: string }) => received.push([c.number, now()]));
    const sentAt = new Map<string, number>();
    const started = now();
    for (let i = 0; i < calls; i++) {
      const wait = started + i * 50 - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const sent = now();
      const answer = await postJson(nodes[0]!.url, `/api/counters/desk-${(i % 4) + 1}/call-next`, undefined, token);
      if (answer.ticket) sentAt.set(answer.ticket.number, sent);
    }
    await new Promise((r) => setTimeout(r, 1500));
    const callLatencies = received.flatMap(([n, at]) => (sentAt.has(n) ? [at - (sentAt.get(n) as number)] : []));
    return {
      issuePerSecond: fresh.perSecond,
      issueP50: quantile(fresh.latencies, 0.5),
      issueP99: quantile(fresh.latencies, 0.99),
      fullDayIssueP50: quantile(full.latencies, 0.5),
      fullDayIssueP99: quantile(full.latencies, 0.99),
      callP50: quantile(callLatencies, 0.5),
      callP99: quantile(callLatencies, 0.99),
      lost: sentAt.size * screensTotal - callLatencies.length,
    };
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

export async function benchCluster(processCounts = [1, 3], screens = 300, calls = 100): Promise<ClusterFigures[]> {
  const results: ClusterFigures[] = [];
  for (const count of processCounts) {
    const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const dir = tempDataDir();
    let nodes: ServerProcess[] = [];
    try {
      nodes = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          startServerProcess({
            LOTSE_DATABASE_URL: pg.url,
            LOTSE_REDIS_URL: redis.url,
            LOTSE_DATA: join(dir, `node-${i}`),
            LOTSE_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
            LOTSE_LOG_LEVEL: 'warn',
          }),
        ),
      );
      for (const node of nodes) await pairKiosk(node.url);
      results.push({ processes: count, ...(await measure(nodes, screens, calls)) });
    } finally {
      await Promise.all(nodes.map((n) => n.stop('SIGTERM')));
      await redis.stop();
      await pg.stop();
      removeDir(dir);
    }
  }
  return results;
}

/** `tsx bench/cluster.ts [PROCESSES ...]` runs it alone (default: 1 and 3 processes). */
if (process.argv[1]?.endsWith('bench/cluster.ts')) {
  const counts = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  for (const c of await benchCluster(counts.length ? counts : [1, 3])) {
    process.stdout.write(
      `${c.processes} process(es): issue ${c.issuePerSecond.toFixed(0)}/s, p50 ${c.issueP50.toFixed(1)} ms, ` +
        `p99 ${c.issueP99.toFixed(1)} ms; day of 2,000 p50 ${c.fullDayIssueP50.toFixed(1)} ms, ` +
        `p99 ${c.fullDayIssueP99.toFixed(1)} ms; call → screen p50 ${c.callP50.toFixed(1)} ms, ` +
        `p99 ${c.callP99.toFixed(1)} ms, lost ${c.lost}\n`,
    );
  }
  process.exit(0);
}
