/**
 * The figures of the `fanout-1000` and `fanout-10000` sections of `npm run bench` (measurements:
 * `fanout.ts`): call → screen latency, and ticket issue latency with the same clients connected,
 * for Lotse and the bare baseline, with the same load generators, taking turns round by round so
 * a change in the machine's load meets both.
 */
import { benchFanout, type FanoutFigures } from './fanout.ts';
import type { Figure, FigureSink } from './figure.ts';
import { median, withServer } from './server-process.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Rounds of the 1,000-client section. A round's p99 moves by a third from one round to the
 * next on this machine (two cores shared by the server, three load generators and the clerk
 * driver), Lotse's and the baseline's alike; the median of five is steadier than of three.
 */
const ROUNDS_1000 = 5;

/** Lotse and the bare baseline, `rounds` times each in turn; medians of p50 and p99. */
async function lotseAndBare(rounds: number, options: Parameters<typeof benchFanout>[1]) {
  const lotse: FanoutFigures[] = [];
  const bare: FanoutFigures[] = [];
  for (let i = 0; i < rounds; i++) {
    lotse.push(await withServer((s) => benchFanout(s, options)));
    bare.push(await withServer((s) => benchFanout(s, options), true));
  }
  const of = (list: FanoutFigures[]) => ({
    p50: median(list.map((r) => r.p50)),
    p99: median(list.map((r) => r.p99)),
    issueP50: median(list.map((r) => r.issueP50)),
    issueP99: median(list.map((r) => r.issueP99)),
    lost: list.reduce((n, r) => n + (r.expected - r.received), 0),
    rssMb: Math.max(...list.map((r) => r.serverRssMb)),
  });
  return { lotse: of(lotse), bare: of(bare) };
}

/** What a call → screen section measures and judges. */
interface CallSection {
  /** Figure ids start `call.<key>` and `bare.<key>`. */
  key: string;
  options: Parameters<typeof benchFanout>[1];
  rounds: number;
  /** The p99 target, ms. */
  p99Within: number;
  /** The Lotse ÷ bare target. */
  ratioWithin: number;
  /** The section's own figure after the p99 (lost calls, memory). */
  extra: (lotse: Awaited<ReturnType<typeof lotseAndBare>>['lotse']) => Figure;
}

/** Measures a section and prints its figures: p50, p99, its own, the baseline's, the ratios. */
async function callSection({ record, info, recordRatio }: FigureSink, section: CallSection): Promise<void> {
  const { key, options } = section;
  const { lotse, bare } = await lotseAndBare(section.rounds, options);
  const label = `${options.screens} screens + ${options.phones} phones, ${options.rate} calls/s`;
  info(`call.${key}.p50`, `call → screen p50, ${label}`, r2(lotse.p50), 'ms');
  record({
    id: `call.${key}.p99`,
    name: `call → screen p99, ${label}`,
    value: r2(lotse.p99),
    unit: 'ms',
    target: `≤ ${section.p99Within}`,
    ok: lotse.p99 <= section.p99Within,
  });
  record(section.extra(lotse));
  info(`bare.${key}.p50`, 'bare baseline: call → screen p50, same load', r2(bare.p50), 'ms');
  info(`bare.${key}.p99`, 'bare baseline: call → screen p99, same load', r2(bare.p99), 'ms');
  const clients = options.screens + options.phones;
  for (const q of ['p50', 'p99'] as const) {
    const name = `Lotse ÷ bare, call → screen ${q}, ${clients} clients`;
    recordRatio(`call.${key}.${q}.ratio`, name, lotse[q], bare[q], section.ratioWithin);
  }
  const issuing = `${options.rate} tickets/s, the same clients connected`;
  info(`issue.at${key}.p50`, `ticket issue p50, ${issuing}`, r2(lotse.issueP50), 'ms');
  info(`issue.at${key}.p99`, `ticket issue p99, ${issuing}`, r2(lotse.issueP99), 'ms');
  info(`bare.issue.at${key}.p99`, 'bare baseline: ticket issue p99, same load', r2(bare.issueP99), 'ms');
  const name = `Lotse ÷ bare, ticket issue p99, ${clients} clients`;
  recordRatio(`issue.at${key}.p99.ratio`, name, lotse.issueP99, bare.issueP99, section.ratioWithin);
}

/** 500 lobby screens and 500 phones, 20 calls a second. */
export function fanout1000Section(sink: FigureSink, quick: boolean): Promise<void> {
  const screens = quick ? 100 : 500;
  const phones = quick ? 100 : 500;
  return callSection(sink, {
    key: '1000',
    options: { screens, phones, rate: 20, seconds: quick ? 3 : 10, generators: 2 },
    rounds: quick ? 1 : ROUNDS_1000,
    p99Within: 20,
    ratioWithin: 1.3,
    extra: (lotse) => ({
      id: 'call.1000.lost',
      name: 'calls not received by a screen',
      value: lotse.lost,
      unit: '',
      target: '0',
      ok: lotse.lost === 0,
    }),
  });
}

/** 10,000 phones and 20 screens, 20 calls a second; and the server's memory. */
export function fanout10000Section(sink: FigureSink, quick: boolean): Promise<void> {
  const phones = quick ? 1000 : 10_000;
  return callSection(sink, {
    key: '10000',
    options: { screens: 20, phones, rate: 20, seconds: quick ? 3 : 10, generators: 4 },
    rounds: 1,
    p99Within: 250,
    ratioWithin: 1.5,
    extra: (lotse) => ({
      id: 'call.10000.rss',
      name: `server memory (RSS), ${phones} phones`,
      value: lotse.rssMb,
      unit: 'MB',
      target: '≤ 1024',
      ok: lotse.rssMb <= 1024,
    }),
  });
}
