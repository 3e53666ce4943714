/**
 * Statistics over a year of history: builds the hourly buckets of 250 office days (10,000
 * tickets at the pilot office's volume, 250,000 for a large office) and times what the
 * statistics tab asks for a one-year range: figures per day and concern with a total per day
 * and the summary of the year, the arrival heat map and the per-counter table. Target: under
 * 200 ms. Median of several runs, each on fresh bucket objects (as read from the files).
 * Also times reading the year's stats files through the lowdb store (the request's I/O part).
 *
 * `npm run bench:stats` prints the figures; `benchStats()` returns them for bench/run.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, instantOf } from '../core/localtime.ts';
import { emptyDay } from '../core/queue.ts';
import { bucketsOf, type HourBucket, statsReport } from '../core/stats.ts';
import { arrivalsHeatmap, counterReport } from '../core/stats-views.ts';
import type { Ticket } from '../core/types.ts';
import { openLowdbStore } from '../server/store/lowdb-store.ts';

export const STATS_TARGET_MS = 200;
const TZ = 'Europe/Berlin';
const FIRST_DAY = '2025-11-24'; // a Monday; 250 office days (Mon–Fri) run to mid-November 2026
const OFFICE_DAYS = 250;
const CONCERNS = ['housing', 'education', 'subsistence', 'documents', 'certificates'];
const COUNTERS = ['desk-1', 'desk-2', 'desk-3', 'desk-4', 'desk-5', 'desk-6'];

export interface StatsBenchFigure {
  /** Tickets in the year. */
  tickets: number;
  /** Office days (files) in the year. */
  days: number;
  /** Hourly buckets the tickets folded into. */
  buckets: number;
  /** Median time to aggregate what the statistics tab shows for the year, from buckets in memory. */
  aggregateMs: number;
  /**
   * Median CPU time (user + system, all threads) of the same: close to `aggregateMs` on an idle
   * machine, and the fairer figure when other processes compete for the CPU.
   */
  aggregateCpuMs: number;
  /** Median time to read the year's buckets from the lowdb stats files (null when skipped). */
  readMs: number | null;
  /** The same target for every size. */
  targetMs: number;
  ok: boolean;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same year. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The office days of the year (Monday to Friday). */
export function yearDays(): string[] {
  const days: string[] = [];
  for (let d = FIRST_DAY; days.length < OFFICE_DAYS; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(d);
  }
  return days;
}

/** One office day's tickets: arrivals from 8:00 to 16:00, outcomes, waits, services, appointments. */
export function dayTickets(day: string, count: number, rnd: () => number): Ticket[] {
  const open = instantOf(day, 8 * 60, TZ);
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    const issuedAt = open + Math.floor(((i + rnd()) / count) * 8 * 3_600_000);
    const concernId = CONCERNS[Math.floor(rnd() * CONCERNS.length)] as string;
    const r = rnd();
    const status: Ticket['status'] = r < 0.85 ? 'done' : r < 0.93 ? 'no-show' : 'cancelled';
    const t: Ticket = {
      id: `${day}-${i}`,
      token: `bench${i}`,
      number: `X-${i}`,
      concernId,
      day,
      status,
      language: 'de',
      issuedAt,
      source: 'kiosk',
      callCount: status === 'cancelled' ? 0 : 1,
    };
    if (status !== 'cancelled') {
      t.firstCalledAt = issuedAt + Math.floor(rnd() * 60 * 60_000);
      t.calledAt = t.firstCalledAt;
      t.counterId = COUNTERS[Math.floor(rnd() * COUNTERS.length)] as string;
      t.closedAt = t.calledAt + Math.floor((2 + rnd() * 25) * 60_000);
    }
    if (rnd() < 0.15) t.appointmentAt = issuedAt + Math.floor((rnd() * 20 - 10) * 60_000);
    if (rnd() < 0.05) t.transferredFrom = ['documents'];
    tickets.push(t);
  }
  return tickets;
}

/** A year of hourly buckets per day for `tickets` tickets spread over 250 office days. */
export function yearBuckets(tickets: number, seed = 42): { day: string; buckets: HourBucket[] }[] {
  const rnd = random(seed);
  const days = yearDays();
  return days.map((day, d) => {
    const count = Math.floor(((d + 1) * tickets) / days.length) - Math.floor((d * tickets) / days.length);
    return { day, buckets: bucketsOf(dayTickets(day, count, rnd), TZ) };
  });
}

/**
 * What the statistics tab computes to show one range: `GET /api/stats?by=day` (figures per day
 * and concern, a total per day, the summary of the range), the heat map and the counters.
 */
export function aggregateYear(buckets: readonly HourBucket[], from: string, to: string): number {
  const rangeLabel = `${from}/${to}`;
  const days = statsReport(buckets, 'day', { targetWaitMinutes: 20, rangeLabel, summary: true });
  const heatmap = arrivalsHeatmap(buckets);
  const counters = counterReport(buckets, 'all', { rangeLabel });
  return days.rows.length + (days.summary?.length ?? 0) + heatmap.cells.length + counters.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Times the aggregation of a year of history for each size (median of `runs` runs, after one
 * warm-up), and with `withStore` also reading the year's stats files through the lowdb store.
 */
export async function benchStats(
  options: { sizes?: number[]; runs?: number; withStore?: boolean } = {},
): Promise<StatsBenchFigure[]> {
  const sizes = options.sizes ?? [10_000, 250_000];
  const runs = options.runs ?? 7;
  const figures: StatsBenchFigure[] = [];
  for (const tickets of sizes) {
    const perDay = yearBuckets(tickets);
    const buckets = perDay.flatMap((d) => d.buckets);
    const from = perDay[0]?.day ?? FIRST_DAY;
    const to = perDay[perDay.length - 1]?.day ?? FIRST_DAY;
    aggregateYear(structuredClone(buckets), from, to);
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Fresh objects each run, as a request reads them from the files: nothing parsed is reused.
      const fresh = structuredClone(buckets);
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      aggregateYear(fresh, from, to);
      times.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    let readMs: number | null = null;
    if (options.withStore !== false) {
      const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-stats-'));
      try {
        const store = await openLowdbStore(dir);
        try {
          await store.transact(async (tx) => {
            for (const { day, buckets: b } of perDay) await tx.archiveDay({ ...emptyDay(day), tickets: [] }, b);
            return { next: null, value: undefined };
          });
          const reads: number[] = [];
          for (let i = 0; i < Math.min(runs, 5); i++) {
            const start = performance.now();
            const read = await store.statsBuckets(from, to);
            reads.push(performance.now() - start);
            if (read.length !== buckets.length) throw new Error('stats files read back incompletely');
          }
          readMs = r2(median(reads));
        } finally {
          await store.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const aggregateMs = r2(median(times));
    figures.push({
      tickets,
      days: perDay.length,
      buckets: buckets.length,
      aggregateMs,
      aggregateCpuMs: r2(median(cpu)),
      readMs,
      targetMs: STATS_TARGET_MS,
      ok: aggregateMs < STATS_TARGET_MS,
    });
  }
  return figures;
}

async function main() {
  const quick = process.env.BENCH_QUICK === '1';
  process.stdout.write(`Lotse statistics benchmark${quick ? ' (quick)' : ''}  ·  node ${process.version}\n`);
  const figures = await benchStats({ runs: quick ? 3 : 7 });
  for (const f of figures) {
    const size = `${f.tickets.toLocaleString('en')} tickets, ${f.days} days, ${f.buckets.toLocaleString('en')} buckets`;
    process.stdout.write(
      `${f.ok ? 'ok' : '!!'} aggregate a year (${size}) ${String(f.aggregateMs).padStart(9)} ms  target < ${f.targetMs} ms  (CPU ${f.aggregateCpuMs} ms)\n`,
    );
    if (f.readMs !== null) {
      process.stdout.write(
        `   read the year's stats files (lowdb)${' '.repeat(Math.max(1, size.length - 14))}${String(f.readMs).padStart(9)} ms\n`,
      );
    }
  }
  if (figures.some((f) => !f.ok)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
