/**
 * `npm run simulate -- [--seed N] [--weekly 227] [--days 1] [--out bench/results/simulated-day.svg]`
 *
 * Simulates office days with random arrivals and clerks who follow the queue policy (model in
 * `core/simulate/`), prints the waits per concern and overall and how far the estimates printed
 * on the tickets were from the waits that then happened, and draws the first day as an SVG.
 *
 * More options:
 *   --config FILE        office JSON (default: server/demo-office.json)
 *   --rate N             arrivals per opening hour (instead of --weekly)
 *   --start YYYY-MM-DD   first date (default 2026-03-02, a Monday); closed days are skipped
 *   --counters a,b       staffed counters (default: all)
 *   --mix id=share,...   share of arrivals per concern (default: equal)
 *   --appointments S     share of visitors with an appointment (default 0: walk-in office)
 *   --cv X               variation of service times (default 0.5)
 *   --no-shows S  --transfers S  --parks S   shares (defaults 0.04, 0.05, 0.02)
 *   --target P           estimate error target in % of the mean wait (default 25); exit code 1 above it
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEFAULT_SIMULATION,
  hourlyRateOf,
  type SimulationRun,
  simulateDays,
  weeklyOpeningHours,
} from '../core/simulate/model.ts';
import { summarize, type WaitSummary } from '../core/simulate/report.ts';
import type { OfficeConfig } from '../core/types.ts';
import { renderDaySvg } from './simulate-chart.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    weekly: { type: 'string' },
    rate: { type: 'string' },
    days: { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results/simulated-day.svg' },
    config: { type: 'string' },
    start: { type: 'string' },
    counters: { type: 'string' },
    mix: { type: 'string' },
    appointments: { type: 'string' },
    cv: { type: 'string' },
    'no-shows': { type: 'string' },
    transfers: { type: 'string' },
    parks: { type: 'string' },
    target: { type: 'string', default: '25' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help) {
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const usage = /\/\*\*([\s\S]*?)\*\//.exec(source)?.[1] ?? '';
  process.stdout.write(`${usage.replace(/^ \* ?/gm, '').trim()}\n`);
  process.exit(0);
}

function num(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`--${name} expects a non-negative number, got "${value}"\n`);
    process.exit(2);
  }
  return n;
}

const resolvePath = (p: string) => (isAbsolute(p) ? p : join(process.cwd(), p));
const configPath = values.config ? resolvePath(values.config) : join(ROOT, 'server/demo-office.json');
const office = JSON.parse(readFileSync(configPath, 'utf8')) as OfficeConfig;
if (!Array.isArray(office.concerns) || !Array.isArray(office.counters) || !office.policy || !office.openingHours) {
  process.stderr.write(`${configPath} does not look like an office configuration\n`);
  process.exit(2);
}

const mix = values.mix
  ? Object.fromEntries(
      values.mix.split(',').map((pair) => {
        const [id, share] = pair.split('=');
        return [id ?? '', num('mix', share) ?? 0];
      }),
    )
  : undefined;

const run: SimulationRun = {
  seed: Math.floor(num('seed', values.seed) ?? 1),
  days: Math.max(1, Math.floor(num('days', values.days) ?? 1)),
  ...(values.start ? { startDate: values.start } : {}),
  ...(values.weekly !== undefined ? { weeklyConcerns: num('weekly', values.weekly) } : {}),
  ...(values.rate !== undefined ? { hourlyRate: num('rate', values.rate) } : {}),
  ...(values.counters ? { counters: values.counters.split(',').map((s) => s.trim()) } : {}),
  ...(mix ? { mix } : {}),
  ...(values.appointments !== undefined ? { appointmentShare: num('appointments', values.appointments) } : {}),
  ...(values.cv !== undefined ? { serviceCv: num('cv', values.cv) } : {}),
  ...(values['no-shows'] !== undefined ? { noShowShare: num('no-shows', values['no-shows']) } : {}),
  ...(values.transfers !== undefined ? { transferShare: num('transfers', values.transfers) } : {}),
  ...(values.parks !== undefined ? { parkShare: num('parks', values.parks) } : {}),
};

const days = simulateDays(office, run);
if (days.length === 0) {
  process.stderr.write('The office has no opening hours to simulate.\n');
  process.exit(2);
}
const report = summarize(days);
const options = { ...DEFAULT_SIMULATION, ...run };
const rate = hourlyRateOf(office, options);
const name = (id: string) => office.concerns.find((c) => c.id === id)?.name ?? id;
const f1 = (x: number) => x.toFixed(1);
const w = process.stdout.write.bind(process.stdout);

w(`Lotse day simulator · ${office.name} · seed ${run.seed}\n`);
const dayList = days.map((d) => `${d.weekday} ${d.date}`).join(', ');
w(`days: ${dayList}\n`);
const source =
  options.hourlyRate !== undefined
    ? `${f1(rate)} arrivals per opening hour`
    : `${options.weeklyConcerns} concerns per week over ${f1(weeklyOpeningHours(office))} opening hours = ${f1(rate)} per hour`;
w(`arrivals: ${source}; staffed: ${days[0]?.staffed.join(', ')}\n`);
w(
  `visitors ${report.visitors}, served ${report.served}, no-shows ${report.noShows}, transferred ${report.transferred}` +
    `${options.appointmentShare > 0 ? `, with appointment ${days.flatMap((d) => d.visitors).filter((v) => v.appointment).length}` : ''}\n\n`,
);

const row = (label: string, s: WaitSummary) =>
  `  ${label.padEnd(28)} ${String(s.count).padStart(5)} ${f1(s.meanMinutes).padStart(7)} ${f1(s.p90Minutes).padStart(7)} ${f1(s.maxMinutes).padStart(7)}\n`;
w(
  `waits until the first call (minutes)  ${'n'.padStart(5)} ${'mean'.padStart(7)} ${'p90'.padStart(7)} ${'max'.padStart(7)}\n`,
);
for (const c of office.concerns) {
  const s = report.byConcern[c.id];
  if (s) w(row(name(c.id), s));
}
w(row('all', report.overall));

const e = report.estimate;
const pct = e.relativeToMeanWait * 100;
const target = num('target', values.target) ?? 25;
const okMark = pct <= target ? 'ok' : 'ABOVE TARGET';
w(`\nestimate printed at issue vs. actual wait (${e.count} visitors)\n`);
w(
  `  median absolute error       ${f1(e.medianAbsoluteMinutes)} min = ${f1(pct)} % of the mean wait (target ≤ ${target} %) ${okMark}\n`,
);
w(`  mean absolute error         ${f1(e.meanAbsoluteMinutes)} min\n`);
w(`  bias (estimate - actual)    ${e.biasMinutes >= 0 ? '+' : ''}${f1(e.biasMinutes)} min\n`);
w(`  within 5 minutes            ${f1(e.within5Minutes * 100)} %\n`);

const first = days[0];
if (first) {
  const outPath = resolvePath(values.out);
  mkdirSync(dirname(outPath), { recursive: true });
  const staffedNames = first.staffed.map((id) => office.counters.find((c) => c.id === id)?.name ?? id);
  const svg = renderDaySvg(first, office, {
    staffedNames,
    ...(days.length > 1 ? { dayLabel: `Tag 1 von ${days.length}` } : {}),
  });
  writeFileSync(outPath, svg);
  w(`\nchart of ${first.weekday} ${first.date}: ${relative(process.cwd(), outPath) || outPath}\n`);
}
process.exitCode = pct <= target ? 0 : 1;
