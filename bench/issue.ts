/**
 * Ticket issue (confirmed = durable in the journal before the answer), over HTTP from one
 * client: with 1,000 and with 100,000 archived tickets, on a long day, and on a settled server
 * beside the bare baseline. Several rounds; medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHistory } from './history.ts';
import { BENCH_ADMIN_PASSWORD, median, postJson, quantile, startBareServer, startServer } from './server-process.ts';

export interface IssueFigures {
  p50: number;
  p99: number;
  perSecond: number;
  /** p99 of the first WARM_UP tickets after the server started (informational). */
  startP99: number;
}

/**
 * Tickets drawn before measuring. A fresh process answers its first couple of hundred requests
 * while V8 is still compiling the hot paths (up to 15 ms each here, on two cores shared with the
 * load generator); an office's server runs all day, so the figures are taken after that, for
 * Lotse and the baseline alike. The start is reported on its own line.
 */
const WARM_UP = 200;

/** Tickets drawn in the measured mix: every other one for housing, the rest for certificates. */
const measuredConcern = (i: number) => (i % 2 ? 'housing' : 'certificates');

async function measure(base: string, count: number): Promise<IssueFigures> {
  const start: number[] = [];
  for (let i = 0; i < WARM_UP; i++) {
    const t0 = performance.now();
    await postJson(base, '/api/tickets', { concernId: 'documents' });
    start.push(performance.now() - t0);
  }
  return { ...(await timedIssues(base, count)), startP99: quantile(start, 0.99) };
}

/** `count` tickets one after another, timed. */
async function timedIssues(base: string, count: number): Promise<Omit<IssueFigures, 'startP99'>> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const answer = await postJson(base, '/api/tickets', { concernId: measuredConcern(i) });
    latencies.push(performance.now() - t0);
    if (!answer.ticket) throw new Error(`issue failed: ${JSON.stringify(answer)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: count / seconds };
}

/**
 * Tickets issued, and each one called, before the settled measurement: a busy office's morning.
 * A fresh process goes on compiling its hot code for its first couple of thousand requests; the
 * bare baseline's own slowest answers are gone after about 2,000.
 */
export const SETTLED_AFTER = 2000;

/** `tickets` tickets issued, each one called at once at desk-1 (nobody left waiting). */
async function issueAndCall(base: string, tickets: number, concern: (i: number) => string): Promise<void> {
  const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD }))
    .token as string;
  for (let i = 0; i < tickets; i++) {
    await postJson(base, '/api/tickets', { concernId: concern(i) });
    const answer = await postJson(base, '/api/counters/desk-1/call-next', undefined, token);
    if (!answer.ticket) throw new Error(`call failed: ${JSON.stringify(answer)}`);
  }
}

/**
 * Ticket issue on a settled server: SETTLED_AFTER tickets issued and called in the measured mix,
 * then WARM_UP more left waiting (the queue the measurement starts from, as in `measure`).
 */
async function measureSettled(base: string, count: number): Promise<IssueFigures> {
  await issueAndCall(base, SETTLED_AFTER, measuredConcern);
  for (let i = 0; i < WARM_UP; i++) await postJson(base, '/api/tickets', { concernId: measuredConcern(i) });
  return { ...(await timedIssues(base, count)), startP99: Number.NaN };
}

/**
 * Runs `fn` against a fresh server in a fresh data folder: Lotse with `history` archived tickets,
 * or the bare baseline (`history` null).
 */
async function withServer<T>(history: number | null, fn: (base: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-issue-'));
  try {
    if (history) writeHistory(dir, history, 1200);
    const server = history === null ? await startBareServer(dir) : await startServer(dir);
    try {
      return await fn(server.base);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Archived tickets of the smaller history (a few days of a busy office). */
export const SMALL_HISTORY = 1000;

/** Tickets in the live day of the long-day round (issued and called before measuring). */
export const LONG_DAY = 5000;

/**
 * Ticket issue once the live day holds LONG_DAY tickets, issued and called (a long afternoon;
 * nobody left waiting): a change must cost what changed, not the whole day.
 */
export function benchIssueLongDay(count = 400): Promise<IssueFigures> {
  return withServer(SMALL_HISTORY, async (base) => {
    await issueAndCall(base, LONG_DAY, () => 'certificates');
    return measure(base, count);
  });
}

/** Medians over rounds. */
function summary(list: readonly IssueFigures[]): IssueFigures {
  return {
    p50: median(list.map((f) => f.p50)),
    p99: median(list.map((f) => f.p99)),
    perSecond: median(list.map((f) => f.perSecond)),
    startP99: median(list.map((f) => f.startP99)),
  };
}

export async function benchIssue(rounds = 3, count = 400) {
  const small: IssueFigures[] = [];
  const full: IssueFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    small.push(await withServer(SMALL_HISTORY, (base) => measure(base, count)));
    full.push(await withServer(100_000, (base) => measure(base, count)));
  }
  return { small: summary(small), history: summary(full) };
}

/** The same measurement against the bare baseline (one fsync'd line per ticket). */
export async function benchIssueBare(rounds = 3, count = 400): Promise<IssueFigures> {
  const list: IssueFigures[] = [];
  for (let r = 0; r < rounds; r++) list.push(await withServer(null, (base) => measure(base, count)));
  return summary(list);
}

/**
 * Ticket issue on settled servers (see `measureSettled`), Lotse (1,000 archived tickets) and the
 * bare baseline taking turns round by round, so a change in the machine's load meets both.
 */
export async function benchIssueSettled(rounds = 3, count = 400): Promise<{ lotse: IssueFigures; bare: IssueFigures }> {
  const lotse: IssueFigures[] = [];
  const bare: IssueFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    lotse.push(await withServer(SMALL_HISTORY, (base) => measureSettled(base, count)));
    bare.push(await withServer(null, (base) => measureSettled(base, count)));
  }
  return { lotse: summary(lotse), bare: summary(bare) };
}
