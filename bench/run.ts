/**
 * `npm run bench`: bounded benchmarks on loopback; servers run in their own processes.
 * Prints every figure with its target and the change against bench/results/baseline.json,
 * and writes bench/results/latest.json. `BENCH_QUICK=1` runs fewer rounds.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSizes } from './bundles.ts';
import { benchCallToScreen } from './call-latency.ts';
import { benchIssue } from './issue.ts';
import { ROOT, startServer } from './server-process.ts';

interface Figure {
  id: string;
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean | null;
}

const quick = process.env.BENCH_QUICK === '1';
const results = join(ROOT, 'bench/results');
const baselinePath = join(results, 'baseline.json');
const baseline: Record<string, number> = existsSync(baselinePath)
  ? Object.fromEntries((JSON.parse(readFileSync(baselinePath, 'utf8')).figures as Figure[]).map((f) => [f.id, f.value]))
  : {};
const figures: Figure[] = [];
const r2 = (x: number) => Math.round(x * 100) / 100;

function record(f: Figure) {
  figures.push(f);
  const mark = f.ok === null ? '  ' : f.ok ? 'ok' : '!!';
  const before = baseline[f.id];
  const change = before !== undefined && before !== 0 ? `${f.value >= before ? '+' : ''}${Math.round(((f.value - before) / before) * 100)}%` : '';
  process.stdout.write(
    `${mark} ${f.name.padEnd(62)} ${String(f.value).padStart(9)} ${f.unit.padEnd(4)} ${f.target.padEnd(10)} ${change.padStart(6)}\n`,
  );
}

async function main() {
  process.stdout.write(`Lotse benchmarks${quick ? ' (quick)' : ''}  ·  node ${process.version}\n`);
  process.stdout.write(`   ${'figure'.padEnd(62)} ${'value'.padStart(9)} unit target     vs base\n`);

  const issue = await benchIssue(quick ? 1 : 3, quick ? 200 : 400);
  record({ id: 'issue.empty.p50', name: 'ticket issue p50, empty history', value: r2(issue.empty.p50), unit: 'ms', target: '-', ok: null });
  record({ id: 'issue.empty.p99', name: 'ticket issue p99, empty history', value: r2(issue.empty.p99), unit: 'ms', target: '≤ 10', ok: issue.empty.p99 <= 10 });
  record({ id: 'issue.history.p50', name: 'ticket issue p50, 100,000 historical tickets', value: r2(issue.history.p50), unit: 'ms', target: '-', ok: null });
  record({ id: 'issue.history.p99', name: 'ticket issue p99, 100,000 historical tickets', value: r2(issue.history.p99), unit: 'ms', target: '≤ 10', ok: issue.history.p99 <= 10 });
  const ratio = issue.history.p50 / issue.empty.p50;
  record({ id: 'issue.ratio', name: 'ticket issue p50 ratio, history / empty', value: r2(ratio), unit: '×', target: '≤ 1.2', ok: ratio <= 1.2 });
  record({ id: 'issue.throughput', name: 'ticket issue throughput, one client', value: Math.round(issue.empty.perSecond), unit: '/s', target: '-', ok: null });

  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
  const server = await startServer(dir);
  try {
    const screens = quick ? 200 : 1000;
    const call = await benchCallToScreen(server.base, screens, quick ? 20 : 50);
    record({ id: 'call.p50', name: `call → screen p50, ${screens} screens`, value: r2(call.p50), unit: 'ms', target: '-', ok: null });
    record({ id: 'call.p99', name: `call → screen p99, ${screens} screens`, value: r2(call.p99), unit: 'ms', target: '≤ 20', ok: call.p99 <= 20 });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  for (const [app, bytes] of Object.entries(bundleSizes())) {
    const limited = app === 'kiosk' || app === 'phone';
    record({ id: `js.${app}`, name: `JavaScript gzip, ${app}`, value: r2(bytes / 1024), unit: 'KB', target: limited ? '≤ 40' : '-', ok: limited ? bytes <= 40 * 1024 : null });
  }

  mkdirSync(results, { recursive: true });
  const out = { at: new Date().toISOString(), node: process.version, quick, figures };
  writeFileSync(join(results, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(`\nWritten to bench/results/latest.json${existsSync(baselinePath) ? '' : ' (no baseline yet: copy it to bench/results/baseline.json)'}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
