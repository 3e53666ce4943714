/**
 * The figures of the `issue` section of `npm run bench` (measurements: `issue.ts`).
 */
import type { FigureSink } from './figure.ts';
import { benchIssue, benchIssueBare, benchIssueLongDay, benchIssueSettled, LONG_DAY, SETTLED_AFTER } from './issue.ts';

const r2 = (x: number) => Math.round(x * 100) / 100;

export async function issueSection({ record, info }: FigureSink, quick: boolean): Promise<void> {
  const issue = await benchIssue(quick ? 1 : 3, quick ? 200 : 400);
  const bareIssue = await benchIssueBare(quick ? 1 : 3, quick ? 200 : 400);
  const longDay = await benchIssueLongDay(quick ? 200 : 400);
  const settled = await benchIssueSettled(quick ? 1 : 3, quick ? 200 : 400);
  info('issue.1000.p50', 'ticket issue p50 (durable), 1,000 historical tickets', r2(issue.small.p50), 'ms');
  record({
    id: 'issue.1000.p99',
    name: 'ticket issue p99 (durable), 1,000 historical tickets',
    value: r2(issue.small.p99),
    unit: 'ms',
    target: '≤ 10',
    ok: issue.small.p99 <= 10,
  });
  info('issue.history.p50', 'ticket issue p50 (durable), 100,000 historical tickets', r2(issue.history.p50), 'ms');
  record({
    id: 'issue.history.p99',
    name: 'ticket issue p99 (durable), 100,000 historical tickets',
    value: r2(issue.history.p99),
    unit: 'ms',
    target: '≤ 10',
    ok: issue.history.p99 <= 10,
  });
  const ratio = issue.history.p50 / issue.small.p50;
  record({
    id: 'issue.ratio',
    name: 'ticket issue p50 ratio, 100,000 / 1,000 history',
    value: r2(ratio),
    unit: '×',
    target: '≤ 1.2',
    ok: ratio <= 1.2,
  });
  const p99Ratio = issue.history.p99 / issue.small.p99;
  record({
    id: 'issue.p99.flat',
    name: 'ticket issue p99 ratio, 100,000 / 1,000 history',
    value: r2(p99Ratio),
    unit: '×',
    target: '≤ 1.3',
    ok: p99Ratio <= 1.3,
  });
  info('bare.issue.p99', 'bare baseline: ticket issue p99 (one fsync per ticket)', r2(bareIssue.p99), 'ms');
  // Without clients the baseline does nothing but its fsync: these ratios are Lotse's own work
  // per ticket against that floor (no target; the targets are with clients connected, in the
  // fanout sections).
  info(
    'issue.p99.ratio',
    'Lotse ÷ bare, ticket issue p99, no clients, 1,000 history',
    r2(issue.small.p99 / bareIssue.p99),
    '×',
  );
  const after = `settled (${SETTLED_AFTER.toLocaleString('en')} before)`;
  for (const q of ['p50', 'p99'] as const) {
    info(`issue.settled.${q}`, `ticket issue ${q}, ${after}`, r2(settled.lotse[q]), 'ms');
    info(`bare.issue.settled.${q}`, `bare baseline: ticket issue ${q}, ${after}`, r2(settled.bare[q]), 'ms');
  }
  info(
    'issue.settled.p50.ratio',
    `Lotse ÷ bare, ticket issue p50, no clients, ${after}`,
    r2(settled.lotse.p50 / settled.bare.p50),
    '×',
  );
  info(
    'issue.settled.p99.ratio',
    `Lotse ÷ bare, ticket issue p99, no clients, ${after}`,
    r2(settled.lotse.p99 / settled.bare.p99),
    '×',
  );
  info(
    'issue.start.p99',
    `ticket issue p99, first 200 after the server started (bare: ${r2(bareIssue.startP99)} ms)`,
    r2(issue.small.startP99),
    'ms',
  );
  for (const q of ['p50', 'p99'] as const) {
    info(
      `issue.day.${q}`,
      `ticket issue ${q}, day of ${LONG_DAY.toLocaleString('en')} tickets (issued and called before)`,
      r2(longDay[q]),
      'ms',
    );
  }
  const dayRatio = longDay.p50 / issue.small.p50;
  record({
    id: 'issue.day.ratio',
    name: `ticket issue p50 ratio, day of ${LONG_DAY.toLocaleString('en')} / fresh day`,
    value: r2(dayRatio),
    unit: '×',
    target: '≤ 1.3',
    ok: dayRatio <= 1.3,
  });
  info('issue.throughput', 'ticket issue throughput, one kiosk at a time', Math.round(issue.small.perSecond), '/s');
}
