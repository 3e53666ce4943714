/**
 * The figures of the `fanout-1000` and `fanout-10000` sections of `npm run bench` (measurements:
 * `fanout.ts`): call → screen latency for Lotse and the bare baseline, with the same load
 * generators, taking turns round by round so a change in the machine's load meets both.
 */
import { benchFanout, type FanoutFigures } from './fanout.ts';
import type { FigureSink } from './figure.ts';
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
    lost: list.reduce((n, r) => n + (r.expected - r.received), 0),
    rssMb: Math.max(...list.map((r) => r.serverRssMb)),
  });
  return { lotse: of(lotse), bare: of(bare) };
}

/** 500 lobby screens and 500 phones, 20 calls a second. */
export async function fanout1000Section({ record, info, recordRatio }: FigureSink, quick: boolean): Promise<void> {
  const screens = quick ? 100 : 500;
  const phones = quick ? 100 : 500;
  const options = { screens, phones, rate: 20, seconds: quick ? 3 : 10, generators: 2 };
  const { lotse, bare } = await lotseAndBare(quick ? 1 : ROUNDS_1000, options);
  const label = `${screens} screens + ${phones} phones, 20 calls/s`;
  info('call.1000.p50', `call → screen p50, ${label}`, r2(lotse.p50), 'ms');
  record({
    id: 'call.1000.p99',
    name: `call → screen p99, ${label}`,
    value: r2(lotse.p99),
    unit: 'ms',
    target: '≤ 20',
    ok: lotse.p99 <= 20,
  });
  record({
    id: 'call.1000.lost',
    name: 'calls not received by a screen',
    value: lotse.lost,
    unit: '',
    target: '0',
    ok: lotse.lost === 0,
  });
  info('bare.1000.p50', 'bare baseline: call → screen p50, same load', r2(bare.p50), 'ms');
  info('bare.1000.p99', 'bare baseline: call → screen p99, same load', r2(bare.p99), 'ms');
  const clients = screens + phones;
  recordRatio('call.1000.p50.ratio', `Lotse ÷ bare, call → screen p50, ${clients} clients`, lotse.p50, bare.p50, 1.3);
  recordRatio('call.1000.p99.ratio', `Lotse ÷ bare, call → screen p99, ${clients} clients`, lotse.p99, bare.p99, 1.3);
}

/** 10,000 phones and 20 screens, 20 calls a second; and the server's memory. */
export async function fanout10000Section({ record, info, recordRatio }: FigureSink, quick: boolean): Promise<void> {
  const phones = quick ? 1000 : 10_000;
  const options = { screens: 20, phones, rate: 20, seconds: quick ? 3 : 10, generators: 4 };
  const { lotse, bare } = await lotseAndBare(1, options);
  const label = `${phones} phones + 20 screens, 20 calls/s`;
  info('call.10000.p50', `call → screen p50, ${label}`, r2(lotse.p50), 'ms');
  record({
    id: 'call.10000.p99',
    name: `call → screen p99, ${label}`,
    value: r2(lotse.p99),
    unit: 'ms',
    target: '≤ 250',
    ok: lotse.p99 <= 250,
  });
  record({
    id: 'call.10000.rss',
    name: `server memory (RSS), ${phones} phones`,
    value: lotse.rssMb,
    unit: 'MB',
    target: '≤ 1024',
    ok: lotse.rssMb <= 1024,
  });
  info('bare.10000.p50', 'bare baseline: call → screen p50, same load', r2(bare.p50), 'ms');
  info('bare.10000.p99', 'bare baseline: call → screen p99, same load', r2(bare.p99), 'ms');
  recordRatio('call.10000.p50.ratio', `Lotse ÷ bare, call → screen p50, ${phones} clients`, lotse.p50, bare.p50, 1.5);
  recordRatio('call.10000.p99.ratio', `Lotse ÷ bare, call → screen p99, ${phones} clients`, lotse.p99, bare.p99, 1.5);
}
