/**
 * Call → screen latency under load: load generators in their own processes hold `screens`
 * lobby screens and `phones` phone pages (each following its own ticket); a clerk driver makes
 * `rate` calls per second for `seconds` over HTTP; latency = receive time at a screen minus
 * the time the call request was sent. Then, with the same clients connected, a kiosk draws `rate`
 * tickets per second for `seconds`: ticket issue latency = answer time minus send time (Lotse
 * updates the screens' queue counts, the baseline emits each ticket to every client). Also
 * reports the server's resident memory.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_ADMIN_PASSWORD, type BenchServer, postJson, quantile, ROOT } from './server-process.ts';

const now = () => performance.timeOrigin + performance.now();

/**
 * Calls made before measuring, at the same rate, for Lotse and the baseline alike: the first
 * calls after a thousand clients connected run while V8 still compiles the paths that send to
 * them (the first ten took up to 36 ms here); an office's server runs all day.
 */
const WARM_UP_CALLS = 20;

export interface FanoutOptions {
  /** Lobby screens in all (the observed ones included). */
  screens: number;
  phones: number;
  rate: number;
  seconds: number;
  /** Load generator processes (besides the observer). */
  generators: number;
  /** Screens whose receive times are measured, in a process of their own. */
  observers?: number;
}

export interface FanoutFigures {
  /** Call → screen. */
  p50: number;
  p99: number;
  /** Ticket issue (request → answer) while the clients are connected. */
  issueP50: number;
  issueP99: number;
  received: number;
  expected: number;
  serverRssMb: number;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

export async function benchFanout(server: BenchServer, opts: FanoutOptions): Promise<FanoutFigures> {
  const { base } = server;
  const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD }))
    .token as string;
  const calls = opts.rate * opts.seconds;
  // Tickets: the ones to be called plus one per phone (phones follow tickets that stay waiting).
  const phoneTokens: string[] = [];
  for (let i = 0; i < WARM_UP_CALLS + calls; i++) {
    await postJson(base, '/api/tickets', { concernId: 'certificates' });
  }
  for (let i = 0; i < opts.phones; i++) {
    const t = await postJson(base, '/api/tickets', { concernId: 'housing' });
    phoneTokens.push(String(t.ticket.statusUrl).slice(3));
  }
  const children: ChildProcess[] = [];
  const sentAt = new Map<string, number>();
  const received: [string, number][] = [];
  try {
    const ready: Promise<void>[] = [];
    const observers = Math.min(opts.observers ?? 20, opts.screens);
    const loadScreens = opts.screens - observers;
    const spawnGenerator = (start: { screens: number; phoneTokens: string[]; observe: boolean }) => {
      const child = fork(join(ROOT, 'bench/load-clients.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      children.push(child);
      child.on('message', (m: { type: string; items?: [string, number][] }) => {
        if (m.type === 'received' && m.items) received.push(...m.items);
      });
      ready.push(new Promise((resolve) => child.once('message', () => resolve())));
      child.send({ type: 'start', base, ...start });
    };
    spawnGenerator({ screens: observers, phoneTokens: [], observe: true });
    for (let g = 0; g < opts.generators; g++) {
      const share = (n: number) => Math.floor(n / opts.generators) + (g < n % opts.generators ? 1 : 0);
      const start = Math.floor((opts.phones * g) / opts.generators);
      spawnGenerator({
        screens: share(loadScreens),
        phoneTokens: phoneTokens.slice(start, start + share(opts.phones)),
        observe: false,
      });
    }
    await Promise.race([
      Promise.all(ready),
      new Promise((_, reject) => setTimeout(() => reject(new Error('load generators not ready in 180 s')), 180_000)),
    ]);

    // Clerks at desk-1 (serves certificates first) call at a fixed rate; the first calls once the
    // clients are connected are not measured (see WARM_UP_CALLS).
    const interval = 1000 / opts.rate;
    for (let i = 0; i < WARM_UP_CALLS; i++) {
      await postJson(base, '/api/counters/desk-1/call-next', undefined, token);
      await new Promise((r) => setTimeout(r, interval));
    }
    const started = now();
    for (let i = 0; i < calls; i++) {
      const due = started + i * interval;
      const wait = due - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const sent = now();
      const answer = await postJson(base, '/api/counters/desk-1/call-next', undefined, token);
      if (answer.ticket) sentAt.set(answer.ticket.number, sent);
    }
    await new Promise((r) => setTimeout(r, 500));
    // Tickets at the same rate with the same clients connected (they stay waiting), after as
    // many unmeasured ones as calls before the measured calls.
    const issued: number[] = [];
    const issueStarted = now();
    for (let i = -WARM_UP_CALLS; i < calls; i++) {
      const wait = issueStarted + (i + WARM_UP_CALLS) * interval - now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const sent = now();
      const answer = await postJson(base, '/api/tickets', { concernId: 'certificates' });
      if (!answer.ticket) throw new Error(`a ticket was refused: ${JSON.stringify(answer)}`);
      if (i >= 0) issued.push(now() - sent);
    }
    const rss = rssMb(server.child.pid);
    await new Promise((r) => setTimeout(r, 1500));
    const latencies: number[] = [];
    for (const [number, at] of received) {
      const sent = sentAt.get(number);
      if (sent !== undefined) latencies.push(at - sent);
    }
    return {
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      issueP50: quantile(issued, 0.5),
      issueP99: quantile(issued, 0.99),
      received: latencies.length,
      expected: sentAt.size * Math.min(opts.observers ?? 20, opts.screens),
      serverRssMb: rss,
    };
  } finally {
    for (const c of children) {
      c.send?.({ type: 'stop' });
      setTimeout(() => c.kill('SIGKILL'), 2000).unref();
    }
  }
}
