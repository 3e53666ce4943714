/**
 * A city: 40 offices × 8 counters × 4 lobby screens and 2,000 phones on one PostgreSQL and one
 * Redis, spread over 3 server processes, with tickets and calls at 10× a busy office's rate.
 * A server process runs one office's queue; here each process carries the share of the city
 * that falls to it (14, 13 and 13 offices): their counters (8 per office, calling), their lobby
 * screens (4 per office, all observed), their share of the phones (each following a waiting
 * ticket) and their kiosks' tickets. Measured per process: call → screen latency, calls a
 * screen never received, CPU (share of one core, from /proc) and memory (RSS, peak RSS).
 * From the CPU share at this load, the offices one process carries with p99 ≤ 100 ms are
 * extrapolated (linear in CPU up to 70 % of one core; only when the measured p99 is within
 * 100 ms). Bounded: ≤ 3 minutes in all. `tsx bench/city.ts [SECONDS]` runs it alone.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadOfficeConfig } from '../server/office-config.ts';
import { type ServerProcess, startServerProcess } from '../test/helpers/processes.ts';
import { removeDir, tempDataDir } from '../test/helpers/server.ts';
import { startPostgres, startRedis } from '../test/helpers/services.ts';
import { BENCH_ADMIN_PASSWORD, pairKiosk, postJson, quantile, ROOT } from './server-process.ts';

export const CITY = { offices: 40, countersPerOffice: 8, screensPerOffice: 4, phones: 2000, processes: 3 };
/** A busy office: every counter serves a visitor every 6 minutes (80 tickets an hour with 8 counters). */
export const BUSY_OFFICE_PER_HOUR = 80;
export const RATE_FACTOR = 10;
export const CITY_P99_TARGET_MS = 100;
/** CPU share of one core up to which the capacity is extrapolated (headroom for bursts and GC). */
const CPU_BUDGET = 0.7;

export interface CityProcessFigures {
  offices: number;
  screens: number;
  phones: number;
  callsPerSecond: number;
  calls: number;
  p50: number;
  p99: number;
  /** The clerk's call-next request → its answer (the change stored), p99. */
  answerP99: number;
  lost: number;
  /** Share of one core while the load ran. */
  cpu: number;
  rssMb: number;
  peakRssMb: number;
  /** Offices at 10× a busy office's rate this process would carry with p99 ≤ 100 ms (CPU-linear). */
  carries: number;
}

export interface CityFigures {
  seconds: number;
  processes: CityProcessFigures[];
  p99: number;
  lost: number;
  /** The least any process carries, in offices at 10× a busy office's rate. */
  carries: number;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function procTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100 per second)
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** An office whose counters serve every concern (so each call finds someone). */
function officeFile(dir: string, index: number, counters: number): string {
  const base = loadOfficeConfig(undefined);
  const concernIds = base.concerns.filter((c) => !c.remote).map((c) => c.id);
  const office = {
    ...base,
    id: `city-${index + 1}`,
    name: `Bürgeramt ${index + 1}`,
    enforceOpeningHours: false,
    counters: Array.from({ length: counters }, (_, i) => ({
      id: `desk-${i + 1}`,
      name: `Platz ${i + 1}`,
      concernIds,
    })),
  };
  const path = join(dir, `city-${index + 1}.json`);
  writeFileSync(path, JSON.stringify(office));
  return path;
}

/** Load generator processes (bench/load-clients.ts): screens observed, phones held. */
function generator(
  children: ChildProcess[],
  start: { base: string; screens: number; phoneTokens: string[]; observe: boolean },
  received: [string, number][],
): Promise<void> {
  const child = fork(join(ROOT, 'bench/load-clients.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  children.push(child);
  child.on('message', (m: { type: string; items?: [string, number][] }) => {
    if (m.type === 'received' && m.items) received.push(...m.items);
  });
  const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
  child.send({ type: 'start', ...start });
  return ready;
}

export async function benchCity(seconds = 60): Promise<CityFigures> {
  const deadline = Date.now() + 170_000;
  const left = () => deadline - Date.now();
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const dir = tempDataDir();
  const children: ChildProcess[] = [];
  const nodes: ServerProcess[] = [];
  try {
    const share = (n: number, p: number) => Math.floor(n / CITY.processes) + (p < n % CITY.processes ? 1 : 0);
    const offices = Array.from({ length: CITY.processes }, (_, p) => share(CITY.offices, p));
    // One after another: three processes compiling and migrating at once can miss the start timeout.
    for (const [p, count] of offices.entries()) {
      nodes.push(
        await startServerProcess({
          LOTSE_DATABASE_URL: pg.url,
          LOTSE_REDIS_URL: redis.url,
          LOTSE_CONFIG: officeFile(dir, p, count * CITY.countersPerOffice),
          LOTSE_DATA: join(dir, `node-${p}`),
          LOTSE_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
          LOTSE_LOG_LEVEL: 'warn',
        }),
      );
    }
    for (const node of nodes) await pairKiosk(node.url);
    const perSecond = (count: number) => (count * BUSY_OFFICE_PER_HOUR * RATE_FACTOR) / 3600;
    const concerns = ['housing', 'documents', 'certificates', 'education', 'subsistence'];

    // Per process: tickets for its phones, and a queue long enough for every call of the run.
    const setups = await Promise.all(
      nodes.map(async (node, p) => {
        const token = (await postJson(node.url, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD }))
          .token as string;
        const calls = Math.ceil(perSecond(offices[p] as number) * seconds);
        const phones = share(CITY.phones, p);
        // Drawn by 8 kiosks at once per process, so the set-up stays short.
        const tokens: string[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            while (next < calls + phones) {
              const i = next++;
              const t = await postJson(node.url, '/api/tickets', { concernId: concerns[i % 5] });
              if (i >= calls) tokens.push(String(t.ticket.statusUrl).slice(3));
            }
          }),
        );
        return { token, calls, phoneTokens: tokens };
      }),
    );

    const received = nodes.map(() => [] as [string, number][]);
    const ready: Promise<void>[] = [];
    nodes.forEach((node, p) => {
      const screens = (offices[p] as number) * CITY.screensPerOffice;
      ready.push(generator(children, { base: node.url, screens, phoneTokens: [], observe: true }, received[p] ?? []));
      ready.push(
        generator(
          children,
          { base: node.url, screens: 0, phoneTokens: setups[p]?.phoneTokens ?? [], observe: false },
          [],
        ),
      );
    });
    await Promise.race([
      Promise.all(ready),
      sleep(Math.max(30_000, left() - (seconds + 10) * 1000)).then(() => {
        throw new Error('city load generators not ready in time');
      }),
    ]);

    // The run: per process, calls from its counters in turn and tickets from its kiosks, each at
    // 10× a busy office's rate times its offices.
    const pids = nodes.map((n) => n.child.pid as number);
    const ticksBefore = pids.map(procTicks);
    const startedAt = performance.now();
    const sentAt = nodes.map(() => new Map<string, number>());
    /** Per process: call-next request → its answer (the stored change), ms. */
    const answered = nodes.map(() => [] as number[]);
    await Promise.all(
      nodes.map(async (node, p) => {
        const setup = setups[p] as (typeof setups)[number];
        const interval = 1000 / perSecond(offices[p] as number);
        const counters = (offices[p] as number) * CITY.countersPerOffice;
        const t0 = now();
        const kiosks: Promise<unknown>[] = [];
        for (let i = 0; i < setup.calls; i++) {
          const wait = t0 + i * interval - now();
          if (wait > 0) await sleep(wait);
          kiosks.push(postJson(node.url, '/api/tickets', { concernId: concerns[i % 5] }));
          const sent = now();
          const answer = await postJson(
            node.url,
            `/api/counters/desk-${(i % counters) + 1}/call-next`,
            undefined,
            setup.token,
          );
          if (answer.ticket) sentAt[p]?.set(answer.ticket.number, sent);
          answered[p]?.push(now() - sent);
        }
        await Promise.all(kiosks);
      }),
    );
    const elapsed = (performance.now() - startedAt) / 1000;
    const cpu = pids.map((pid, p) => (procTicks(pid) - (ticksBefore[p] as number)) / 100 / elapsed);
    const memory = pids.map(memoryMb);
    await sleep(1500);

    const figures = nodes.map((_, p): CityProcessFigures => {
      const sent = sentAt[p] as Map<string, number>;
      const latencies = (received[p] ?? []).flatMap(([n, at]) => (sent.has(n) ? [at - (sent.get(n) as number)] : []));
      const screens = (offices[p] as number) * CITY.screensPerOffice;
      const p99 = quantile(latencies, 0.99);
      const share = cpu[p] as number;
      const count = offices[p] as number;
      return {
        offices: count,
        screens,
        phones: setups[p]?.phoneTokens.length ?? 0,
        callsPerSecond: perSecond(count),
        calls: sent.size,
        p50: quantile(latencies, 0.5),
        p99,
        answerP99: quantile(answered[p] ?? [], 0.99),
        lost: sent.size * screens - latencies.length,
        cpu: share,
        rssMb: memory[p]?.rss ?? Number.NaN,
        peakRssMb: memory[p]?.peak ?? Number.NaN,
        carries: p99 <= CITY_P99_TARGET_MS ? Math.floor((count * CPU_BUDGET) / Math.max(share, 0.01)) : 0,
      };
    });
    return {
      seconds,
      processes: figures,
      p99: Math.max(...figures.map((f) => f.p99)),
      lost: figures.reduce((n, f) => n + f.lost, 0),
      carries: Math.min(...figures.map((f) => f.carries)),
    };
  } finally {
    for (const c of children) {
      c.send?.({ type: 'stop' });
      setTimeout(() => c.kill('SIGKILL'), 2000).unref();
    }
    await Promise.all(nodes.map((n) => n.stop('SIGTERM')));
    await redis.stop();
    await pg.stop();
    removeDir(dir);
  }
}

if (process.argv[1]?.endsWith('bench/city.ts')) {
  const f = await benchCity(Number(process.argv[2] ?? '60'));
  for (const [i, p] of f.processes.entries()) {
    process.stdout.write(
      `process ${i + 1}: ${p.offices} offices, ${p.screens} screens, ${p.phones} phones, ` +
        `${p.callsPerSecond.toFixed(2)} calls/s + as many tickets/s: call → screen p50 ${p.p50.toFixed(1)} ms, ` +
        `p99 ${p.p99.toFixed(1)} ms (answer p99 ${p.answerP99.toFixed(1)} ms), lost ${p.lost}, CPU ${(p.cpu * 100).toFixed(0)} % of a core, ` +
        `RSS ${p.rssMb} MB (peak ${p.peakRssMb} MB), carries ${p.carries} offices\n`,
    );
  }
  process.stdout.write(
    `city p99 ${f.p99.toFixed(1)} ms (target ≤ ${CITY_P99_TARGET_MS}), lost ${f.lost}, one process carries ${f.carries} offices\n`,
  );
}
