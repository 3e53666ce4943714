/**
 * Ticket issue (confirmed = durable in the journal before the answer), over HTTP from one
 * client: with 1,000 and with 100,000 archived tickets. Several rounds; medians.
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

async function measure(base: string, count: number): Promise<IssueFigures> {
  const latencies: number[] = [];
  const start: number[] = [];
  for (let i = 0; i < WARM_UP; i++) {
    const t0 = performance.now();
    await postJson(base, '/api/tickets', { concernId: 'documents' });
    start.push(performance.now() - t0);
  }
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const answer = await postJson(base, '/api/tickets', { concernId: i % 2 ? 'housing' : 'certificates' });
    latencies.push(performance.now() - t0);
    if (!answer.ticket) throw new Error(`issue failed: ${JSON.stringify(answer)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    perSecond: count / seconds,
    startP99: quantile(start, 0.99),
  };
}

async function oneRound(historyTickets: number, count: number): Promise<IssueFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-issue-'));
  try {
    if (historyTickets > 0) writeHistory(dir, historyTickets, 1200);
    const server = await startServer(dir);
    try {
      return await measure(server.base, count);
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
export const LONG_DAY = 2000;

/**
 * Ticket issue once the live day holds LONG_DAY tickets, issued and called (a long afternoon;
 * nobody left waiting): a change must cost what changed, not the whole day.
 */
export async function benchIssueLongDay(count = 400): Promise<IssueFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-day-'));
  try {
    writeHistory(dir, SMALL_HISTORY, 1200);
    const server = await startServer(dir);
    try {
      const { base } = server;
      const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD }))
        .token as string;
      for (let i = 0; i < LONG_DAY; i++) {
        await postJson(base, '/api/tickets', { concernId: 'certificates' });
        const answer = await postJson(base, '/api/counters/desk-1/call-next', undefined, token);
        if (!answer.ticket) throw new Error(`call failed: ${JSON.stringify(answer)}`);
      }
      return await measure(base, count);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchIssue(rounds = 3, count = 400) {
  const small: IssueFigures[] = [];
  const full: IssueFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    small.push(await oneRound(SMALL_HISTORY, count));
    full.push(await oneRound(100_000, count));
  }
  const summary = (list: IssueFigures[]): IssueFigures => ({
    p50: median(list.map((f) => f.p50)),
    p99: median(list.map((f) => f.p99)),
    perSecond: median(list.map((f) => f.perSecond)),
    startP99: median(list.map((f) => f.startP99)),
  });
  return { small: summary(small), history: summary(full) };
}

/** The same measurement against the bare baseline (one fsync'd line per ticket). */
export async function benchIssueBare(rounds = 3, count = 400): Promise<IssueFigures> {
  const list: IssueFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-bare-'));
    try {
      const server = await startBareServer(dir);
      try {
        list.push(await measure(server.base, count));
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    p50: median(list.map((f) => f.p50)),
    p99: median(list.map((f) => f.p99)),
    perSecond: median(list.map((f) => f.perSecond)),
    startP99: median(list.map((f) => f.startP99)),
  };
}
