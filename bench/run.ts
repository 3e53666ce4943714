/**
 * `npm run bench`: every figure of the project's targets, bounded, on loopback; servers and
 * load generators run in their own processes. Prints each figure with its target and the change
 * against bench/results/baseline.json, and writes bench/results/latest.json.
 * `BENCH_QUICK=1` runs smaller loads (for a smoke run); the targets are judged on the full run.
 *
 * One section per benchmark, each with its figures' names, units and targets (the call → screen
 * and ticket-issue sections' in `fanout-figures.ts` and `issue-figures.ts`); the measuring
 * itself lives in the other files of bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulateDays } from '../core/simulate/model.ts';
import { summarize } from '../core/simulate/report.ts';
import { loadOfficeConfig } from '../server/office-config.ts';
import { bundleSizes } from './bundles.ts';
import { publicPageBytes } from './public-page.ts';
import { benchCity, CITY, CITY_P99_TARGET_MS, RATE_FACTOR } from './city.ts';
import { benchCluster } from './cluster.ts';
import { benchDisplayHeap } from './display-heap.ts';
import { fanout1000Section, fanout10000Section } from './fanout-figures.ts';
import { benchFlood } from './flood.ts';
import type { Figure } from './figure.ts';
import { issueSection } from './issue-figures.ts';
import { benchKiosk, KIOSK_FIRST_SCREEN_TARGET_MS, KIOSK_TOUCH_TARGET_MS } from './kiosk.ts';
import { benchRace } from './race.ts';
import { runSectionProcess, SECTION_OUT } from './section-process.ts';
import { ROOT, withServer } from './server-process.ts';
import { benchStats, STATS_TARGET_MS } from './stats.ts';

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
  const change =
    before !== undefined && before !== 0
      ? `${f.value >= before ? '+' : ''}${Math.round(((f.value - before) / before) * 100)}%`
      : '';
  process.stdout.write(
    `${mark} ${f.name.padEnd(66)} ${String(f.value).padStart(9)} ${f.unit.padEnd(4)} ${f.target.padEnd(10)} ${change.padStart(6)}\n`,
  );
}

/** A figure without a target (context for the others). */
function info(id: string, name: string, value: number, unit: string) {
  record({ id, name, value, unit, target: '-', ok: null });
}

/** Lotse ÷ the bare baseline (bench/bare-server.ts), measured in the same run with the same load generators. */
function recordRatio(id: string, name: string, lotse: number, bare: number, limit: number) {
  const ratio = lotse / bare;
  record({ id, name, value: r2(ratio), unit: '×', target: `≤ ${limit}`, ok: ratio <= limit });
}

/** `BENCH_ONLY=cluster,issue` runs only those sections (while working on one part). */
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

/** The figure of a section that ended without its own (it threw, or its process died). */
const sectionFailed = (name: string): Figure => ({
  id: `${name}.failed`,
  name: `${name} failed`,
  value: 1,
  unit: '',
  target: '0',
  ok: false,
});

async function section(name: string, fn: () => Promise<void>) {
  if (only && !only.includes(name)) return;
  if (!SECTION_OUT) {
    // The run itself: the section measures in a process of its own (see section-process.ts).
    const measured = runSectionProcess<Figure>(new URL(import.meta.url).pathname, name);
    if (measured) figures.push(...measured);
    else figures.push(sectionFailed(name));
    return;
  }
  const started = performance.now();
  // The command that measures this section's figures again, alone.
  process.stdout.write(`   $ ${quick ? 'BENCH_QUICK=1 ' : ''}BENCH_ONLY=${name} npm run bench\n`);
  // What the sections before left to write back (the statistics' year of tickets, a database
  // folder) goes to disk first, and the processes they ended are gone: each section measures
  // its own work, not the page cache of the one before.
  spawnSync('sync');
  await new Promise((resolve) => setTimeout(resolve, 2000));
  try {
    await fn();
  } catch (error) {
    process.stdout.write(`!! ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    figures.push(sectionFailed(name));
  }
  process.stderr.write(`   (${name}: ${Math.round((performance.now() - started) / 1000)} s)\n`);
}

async function main() {
  const started = performance.now();
  if (!SECTION_OUT) {
    process.stdout.write(
      `Lotse benchmarks${quick ? ' (quick)' : ''} · node ${process.version} · ${new Date().toISOString()}\n`,
    );
    process.stdout.write(`   ${'figure'.padEnd(66)} ${'value'.padStart(9)} unit target     vs base\n`);
  }

  const sink = { record, info, recordRatio };
  await section('fanout-1000', () => fanout1000Section(sink, quick));
  await section('fanout-10000', () => fanout10000Section(sink, quick));
  await section('issue', () => issueSection(sink, quick));

  await section('race', async () => {
    const race = await benchRace(30, quick ? 1000 : 10_000);
    record({
      id: 'race.doubles',
      name: `concurrent call-next, 30 counters, ${race.calls} calls: double calls`,
      value: race.doubles,
      unit: '',
      target: '0',
      ok: race.doubles === 0,
    });
    record({
      id: 'race.distinct',
      name: 'concurrent call-next: distinct visitors called',
      value: race.distinct,
      unit: '',
      target: String(race.calls),
      ok: race.distinct === race.calls,
    });
    info('race.throughput', 'concurrent call-next throughput', Math.round(race.perSecond), '/s');
  });

  await section('bundles', async () => {
    for (const [app, bytes] of Object.entries(bundleSizes())) {
      const limited = app === 'kiosk' || app === 'phone';
      record({
        id: `js.${app}`,
        name: `JavaScript gzip, ${app}`,
        value: r2(bytes / 1024),
        unit: 'KB',
        target: limited ? '≤ 40' : '-',
        ok: limited ? bytes <= 40 * 1024 : null,
      });
    }
    const page = publicPageBytes();
    record({
      id: 'page.public',
      name: `public page, HTML + script gzip (largest language: ${page.language})`,
      value: r2(page.bytes / 1024),
      unit: 'KB',
      target: '≤ 30',
      ok: page.bytes <= 30 * 1024,
    });
  });

  await section('simulator', async () => {
    const office = loadOfficeConfig(undefined);
    const report = summarize(simulateDays(office, { seed: 1, days: 1, weeklyConcerns: 227 }));
    const error = report.estimate.relativeToMeanWait * 100;
    info(
      'sim.wait.mean',
      "simulated demo office's day: mean wait (227 concerns/week)",
      r2(report.overall.meanMinutes),
      'min',
    );
    record({
      id: 'sim.estimate.error',
      name: 'wait-estimate median absolute error, % of mean wait',
      value: r2(error),
      unit: '%',
      target: '≤ 25',
      ok: error <= 25,
    });
    // A third of the visitors booked ahead by phone; the estimates foresee their appointments.
    const mixed = summarize(
      simulateDays(office, {
        seed: 1,
        days: 1,
        weeklyConcerns: 227,
        appointmentShare: 1 / 3,
        appointmentsBookedAhead: true,
      }),
    );
    const mixedError = mixed.estimate.relativeToMeanWait * 100;
    record({
      id: 'sim.appointments.estimate.error',
      name: 'wait-estimate error with a third booked ahead, % of mean wait',
      value: r2(mixedError),
      unit: '%',
      target: '≤ 25',
      ok: mixedError <= 25,
    });
    info(
      'sim.appointments.estimate.bias',
      'wait-estimate bias with a third booked ahead (estimate − wait)',
      r2(mixed.estimate.biasMinutes),
      'min',
    );
  });

  await section('display-heap', async () => {
    const heap = await benchDisplayHeap(quick ? 150 : 600);
    const growth = heap.growth * 100;
    info('display.heap.start', 'lobby screen JS heap at start (Chromium)', r2(heap.startMb), 'MB');
    record({
      id: 'display.heap.growth',
      name: `lobby screen heap growth over ${quick ? 150 : 600} calls`,
      value: r2(growth),
      unit: '%',
      target: '≤ 10',
      ok: growth <= 10,
    });
  });

  await section('cluster', async () => {
    // One process count at a time, so each figure is printed as soon as it is measured.
    for (const count of [1, 3]) {
      const [c] = await benchCluster([count], quick ? 100 : 300, quick ? 40 : 100);
      if (!c) continue;
      const p = `${c.processes} process${c.processes > 1 ? 'es' : ''} on PostgreSQL + Redis`;
      info(
        `cluster.${c.processes}.issue`,
        `ticket issue throughput, 12 kiosks, ${p}`,
        Math.round(c.issuePerSecond),
        '/s',
      );
      const issueTarget = c.processes > 1 ? 40 : 25;
      record({
        id: `cluster.${c.processes}.issue.p99`,
        name: `ticket issue p99, 12 kiosks, ${p}`,
        value: r2(c.issueP99),
        unit: 'ms',
        target: `≤ ${issueTarget}`,
        ok: c.issueP99 <= issueTarget,
      });
      info(
        `cluster.${c.processes}.fullday.p99`,
        `ticket issue p99, 12 kiosks, day of 2,000 tickets, ${p}`,
        r2(c.fullDayIssueP99),
        'ms',
      );
      const dayRatio = c.fullDayIssueP50 / c.issueP50;
      record({
        id: `cluster.${c.processes}.fullday.ratio`,
        name: `ticket issue p50 ratio, day of 2,000 tickets / fresh day, ${p}`,
        value: r2(dayRatio),
        unit: '×',
        target: '≤ 1.3',
        ok: dayRatio <= 1.3,
      });
      info(`cluster.${c.processes}.call.p50`, `call → screen p50, screens on every process, ${p}`, r2(c.callP50), 'ms');
      info(`cluster.${c.processes}.call.p99`, `call → screen p99, screens on every process, ${p}`, r2(c.callP99), 'ms');
      record({
        id: `cluster.${c.processes}.lost`,
        name: `calls not received by a screen, ${p}`,
        value: c.lost,
        unit: '',
        target: '0',
        ok: c.lost === 0,
      });
    }
  });

  await section('flood', async () => {
    const f = await withServer((s) => benchFlood(s, quick ? 6 : 15));
    record({
      id: 'flood.health.p99',
      name: '/api/health p99 while one client floods tickets, one socket events',
      value: r2(f.healthP99),
      unit: 'ms',
      target: '≤ 50',
      ok: f.healthP99 <= 50,
    });
    info('flood.health.p50', '/api/health p50 during the same floods', r2(f.healthP50), 'ms');
  });

  await section('kiosk', async () => {
    const k = await benchKiosk({ loads: quick ? 2 : 5, tickets: quick ? 3 : 10, throttle: 4 });
    record({
      id: 'kiosk.first.max',
      name: `kiosk first screen usable, CPU ${k.throttle}× slower, cold cache, worst of ${k.firstScreen.length}`,
      value: Math.round(k.firstScreenMax),
      unit: 'ms',
      target: `≤ ${KIOSK_FIRST_SCREEN_TARGET_MS}`,
      ok: k.firstScreenMax <= KIOSK_FIRST_SCREEN_TARGET_MS,
    });
    info('kiosk.first.p50', 'kiosk first screen usable, median', Math.round(k.firstScreenP50), 'ms');
    record({
      id: 'kiosk.touch.max',
      name: `kiosk touch "Ticket ziehen" → number on screen, CPU ${k.throttle}× slower, worst of ${k.touchToNumber.length}`,
      value: Math.round(k.touchMax),
      unit: 'ms',
      target: `≤ ${KIOSK_TOUCH_TARGET_MS}`,
      ok: k.touchMax <= KIOSK_TOUCH_TARGET_MS,
    });
    info('kiosk.touch.p50', 'kiosk touch → number on screen, median', Math.round(k.touchP50), 'ms');
  });

  await section('city', async () => {
    const c = await benchCity(quick ? 20 : 60);
    const label = `${CITY.offices} offices, ${CITY.processes} processes, ${RATE_FACTOR}× busy rate`;
    for (const [i, p] of c.processes.entries()) {
      const at = `process ${i + 1} (${p.offices} offices, ${p.screens} screens, ${p.phones} phones)`;
      record({
        id: `city.${i + 1}.p99`,
        name: `city: call → screen p99, ${at}`,
        value: r2(p.p99),
        unit: 'ms',
        target: `≤ ${CITY_P99_TARGET_MS}`,
        ok: p.p99 <= CITY_P99_TARGET_MS,
      });
      info(
        `city.${i + 1}.answer.p99`,
        `city: call-next answered p99 (stored, before the screens hear it), ${at}`,
        r2(p.answerP99),
        'ms',
      );
      info(
        `city.${i + 1}.cpu`,
        `city: CPU, ${at}, ${r2(p.callsPerSecond)} calls/s + tickets/s`,
        Math.round(p.cpu * 100),
        '%',
      );
      info(`city.${i + 1}.rss`, `city: memory (RSS; peak ${p.peakRssMb} MB), ${at}`, p.rssMb, 'MB');
    }
    record({
      id: 'city.lost',
      name: `city: calls not received by a screen, ${label}`,
      value: c.lost,
      unit: '',
      target: '0',
      ok: c.lost === 0,
    });
    info(
      'city.carries',
      `city: offices one process carries at p99 ≤ ${CITY_P99_TARGET_MS} ms (${RATE_FACTOR}× busy rate, CPU ≤ 70 %)`,
      c.carries,
      '',
    );
  });

  // Last (from before each section had a process of its own): it builds a year of tickets.
  await section('stats', async () => {
    for (const f of await benchStats({ runs: quick ? 3 : 7, withStore: false })) {
      record({
        id: `stats.${f.tickets}`,
        name: `statistics of a year, ${f.tickets.toLocaleString('en')} tickets`,
        value: r2(f.aggregateMs),
        unit: 'ms',
        target: `≤ ${STATS_TARGET_MS}`,
        ok: f.aggregateMs <= STATS_TARGET_MS,
      });
    }
  });

  if (SECTION_OUT) {
    // A section's own process: its figures go back to the run that started it, and it ends now
    // rather than when the last idle connection or timer of its load generators lets it.
    writeFileSync(SECTION_OUT, JSON.stringify(figures));
    process.exit(0);
  }
  mkdirSync(results, { recursive: true });
  const failed = figures.filter((f) => f.ok === false).length;
  const out = {
    at: new Date().toISOString(),
    node: process.version,
    quick,
    seconds: Math.round((performance.now() - started) / 1000),
    figures,
  };
  writeFileSync(join(results, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(
    `\n${figures.length} figures, ${failed} off target, ${out.seconds} s. Written to bench/results/latest.json` +
      `${existsSync(baselinePath) ? '' : ' (no baseline yet: copy it to bench/results/baseline.json)'}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
