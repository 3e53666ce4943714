/**
 * The statistics tab in a real Chromium on a generated month (test/helpers/stats-month.ts):
 * a manager signs in, sees last week's figures and the arrival heat map, and every number drawn
 * in the charts, the heat map and the tables equals the CSV the tab offers for download.
 * With LOTSE_SCREENSHOTS=<folder> the whole page of last week and of this month is saved there.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { ADMIN_PASSWORD, removeDir, startTestServer, type TestServer, tempDataDir } from '../helpers/server.ts';
import { writeMonth } from '../helpers/stats-month.ts';

// Wednesday 25 November 2026, 10:00 in Berlin: "last week" is Mon 16 to Sun 22 November.
const NOW = Date.parse('2026-11-25T09:00:00Z');
const shots = process.env.LOTSE_SCREENSHOTS;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await writeMonth(dataDir);
  const started = Date.now();
  server = await startTestServer({ dataDir, clock: () => NOW + (Date.now() - started) });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'de-DE',
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.clock.setFixedTime(NOW);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

type Csv = Record<string, string>[];

/** Downloads what a link of the page points to, with the page's session. */
async function csvOf(testid: string): Promise<Csv> {
  const href = await page.getByTestId(testid).getAttribute('href');
  expect(href).toBeTruthy();
  const text = await page.evaluate(async (url) => (await fetch(url as string)).text(), href);
  const [head, ...lines] = text.trimEnd().split('\n');
  const columns = (head ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((c, i) => [columns[i], c])));
}

/** `[series, period, value]` of every bar or point of a chart. */
async function marks(testid: string) {
  return page
    .getByTestId(testid)
    .evaluateAll((nodes) =>
      nodes.map((n) => [n.getAttribute('data-series'), n.getAttribute('data-period'), n.getAttribute('data-value')]),
    );
}

/** The figure of the CSV's total row of a period, as the chart draws it ("" -> none). */
function total(csv: Csv, period: string, column: string, none: string): string {
  const row = csv.find((r) => r.period === period && r.concernId === '*');
  return row ? row[column] || none : none;
}

async function waitForStats(range: string) {
  await expect.poll(async () => page.getByTestId('stats-range').textContent(), { timeout: 10_000 }).toContain(range);
}

describe('the statistics tab', () => {
  it('shows last week after sign-in, and the charts draw the CSV figures', async () => {
    await page.goto(`${server.url}/admin#stats`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await waitForStats('Mo 16.11.2026 bis So 22.11.2026');
    expect(await page.getByTestId('stats-quick-last-week').getAttribute('aria-pressed')).toBe('true');
    // CSV for German spreadsheets is the default; these checks read the international format.
    expect(await page.getByTestId('stats-csv-dialect').inputValue()).toBe('de');
    await page.getByTestId('stats-csv-dialect').selectOption('en');

    // Key figures of the week: Mon 80, Tue 80, Thu 60.
    expect(await page.getByTestId('kpi-issued').textContent()).toBe('220');
    expect(await page.getByTestId('kpi-served').textContent()).toBe('176');
    expect(await page.getByTestId('kpi-target').textContent()).toBe('88,9\u00a0%');

    const csv = await csvOf('stats-csv-chart');
    expect(csv.filter((r) => r.concernId === '*').map((r) => [r.period, r.issued])).toEqual([
      ['2026-11-16', '80'],
      ['2026-11-17', '80'],
      ['2026-11-19', '60'],
    ]);

    // Bars: every day of the week, closed days as zero.
    const bars = await marks('chart-visitors-bar');
    expect(bars).toHaveLength(21);
    for (const [series, period, value] of bars) {
      expect(value, `${series} ${period}`).toBe(total(csv, period as string, series as string, '0'));
    }
    // Wait lines: only days with visitors.
    const points = await marks('chart-waits-point');
    expect(points).toHaveLength(9);
    const column: Record<string, string> = {
      median: 'medianWaitMinutes',
      mean: 'avgWaitMinutes',
      p90: 'p90WaitMinutes',
    };
    for (const [series, period, value] of points) {
      expect(value, `${series} ${period}`).toBe(total(csv, period as string, column[series as string] as string, ''));
    }

    // The table shows the same rows as the CSV, each period's total last.
    const tableRows = await page
      .getByTestId('stats-table')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [
          r.getAttribute('data-period'),
          r.getAttribute('data-concern'),
          r.querySelector('[data-col="issued"]')?.textContent,
          r.querySelector('[data-col="served"]')?.textContent,
        ]),
      );
    // (The tab sorts concerns by name, the CSV by id; in both the total comes last in its period.)
    const byKey = (a: unknown[], b: unknown[]) => String(a.slice(0, 2)).localeCompare(String(b.slice(0, 2)));
    expect([...tableRows].sort(byKey)).toEqual(csv.map((r) => [r.period, r.concernId, r.issued, r.served]).sort(byKey));
    expect(tableRows.filter((_, i) => i % 4 === 3).map((r) => r[1])).toEqual(['*', '*', '*']);
    if (shots) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, 'admin-stats-week-full.png'), fullPage: true });
    }
  });

  it('shows the arrival heat map and the counters as in their CSV', async () => {
    const heatCsv = await csvOf('stats-csv-heatmap');
    const cells = await page
      .getByTestId('stats-heatmap-cell')
      .evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-weekday'), n.getAttribute('data-hour'), n.getAttribute('data-value')]),
      );
    const drawn = cells.filter(([, , v]) => v !== '0');
    expect(drawn).toEqual(heatCsv.map((c) => [c.weekday, c.hour, c.avgArrivals]));
    // Monday 16 November, 9 to 10: 30 % of 80.
    expect(heatCsv[0]).toMatchObject({ weekday: '1', hour: '9', avgArrivals: '24', weekdayName: 'Montag' });
    expect(
      await page.locator('[data-testid="stats-heatmap-cell"][data-weekday="1"][data-hour="9"]').textContent(),
    ).toBe('24');

    const counterCsv = await csvOf('stats-csv-counters');
    const counters = await page
      .getByTestId('stats-counter-row')
      .evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-counter'), r.querySelector('[data-col="served"]')?.textContent]),
      );
    expect(counters).toEqual(counterCsv.map((c) => [c.counterId, c.served]));
    expect(counterCsv.map((c) => c.counterName)).toEqual(['Platz 1', 'Platz 2', 'Platz 3']);
  });

  it('downloads the CSV file when the manager clicks the link, German or international', async () => {
    await page.getByTestId('stats-csv-dialect').selectOption('de');
    const [german] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
    expect(german.suggestedFilename()).toBe('lotse-stats-2026-11-16-2026-11-22-day.csv');
    const bytes = readFileSync((await german.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Zeitraum;Anliegen \(Kennung\);Ausgegeben;Bedient;Nicht erschienen;/);
    expect(lines.some((l) => /;\d+,\d+;/.test(l))).toBe(true);

    await page.getByTestId('stats-csv-dialect').selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.split('\n')[0]).toMatch(
      /^period,concernId,issued,served,noShow,avgWaitMinutes,p90WaitMinutes,avgServiceMinutes,/,
    );
  });

  it('has no serious accessibility problems', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    // Evaluated rather than added as a script tag: the page's content security policy forbids inline scripts.
    await page.evaluate(readFileSync(axePath, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
      const result = await axe.run(document.querySelector('[data-testid="stats"]'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations
        .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v: { id: string; nodes: { target: string[] }[] }) =>
            `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    });
    expect(violations).toEqual([]);
  });

  it('groups by hour, and says so plainly when a range has no data', async () => {
    await page.getByTestId('stats-quick-last-week').click();
    await waitForStats('Mo 16.11.2026 bis So 22.11.2026');
    await page.getByTestId('stats-by').selectOption('hour');
    await page.getByTestId('stats-load').click();
    // Monday 9–12, Tuesday 13–17, Thursday 9–12: 13 hours with visitors, three bars each (concerns requested, served, visits).
    await expect.poll(async () => (await marks('chart-visitors-bar')).length).toBe(39);
    const csv = await csvOf('stats-csv-chart');
    for (const [series, period, value] of await marks('chart-visitors-bar')) {
      expect(value, `${series} ${period}`).toBe(total(csv, period as string, series as string, '0'));
    }
    expect(total(csv, '2026-11-17 16:00', 'issued', '0')).toBe('24');

    await page.getByTestId('stats-quick-last-month').click();
    await expect.poll(async () => page.getByTestId('stats-empty').isVisible()).toBe(true);
  });

  it('sums this month per week', async () => {
    await page.getByTestId('stats-quick-this-month').click();
    await waitForStats('So 01.11.2026 bis Mi 25.11.2026');
    await page.getByTestId('stats-by').selectOption('week');
    await page.getByTestId('stats-load').click();
    await expect.poll(async () => (await marks('chart-visitors-bar')).length).toBe(15);
    const csv = await csvOf('stats-csv-chart');
    const issued = (await marks('chart-visitors-bar')).filter(([s]) => s === 'issued').map(([, p, v]) => [p, v]);
    expect(issued).toEqual([
      ['2026-W44', '0'], // Sunday 1 November only: closed
      ['2026-W45', '180'],
      ['2026-W46', '210'],
      ['2026-W47', '220'],
      ['2026-W48', '110'], // up to Wednesday 25: Mon 50 + Tue 60
    ]);
    for (const [period, value] of issued) expect(value).toBe(total(csv, period as string, 'issued', '0'));
    // Mondays 2, 9, 16, 23 Nov, 9 to 10: 18 + 21 + 24 + 15 = 78 over 4 days.
    expect(
      await page.locator('[data-testid="stats-heatmap-cell"][data-weekday="1"][data-hour="9"]').textContent(),
    ).toBe('19,5');
    if (shots) await page.screenshot({ path: join(shots, 'admin-stats-month-full.png'), fullPage: true });
  });
});
