/**
 * Visits in the admin app, in a real Chromium: the office manager edits the outcomes, the
 * kiosk's multi-concern maximum and a counter's own printer, and the change reaches
 * `GET /api/office`; then a day with a two-concern visit and recorded outcomes shows in the
 * statistics tab (visits, the share with several concerns, outcomes per day and per week),
 * and the CSV downloaded from the tab carries the same figures.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { ADMIN_PASSWORD, http, login, type TestServer } from '../helpers/server.ts';

const e2e = chromiumPerFile();
let server: TestServer | undefined;

async function openAdmin(base: string, tab: string, at?: number): Promise<Page> {
  const page = await e2e.newPage({ viewport: { width: 1440, height: 900 }, locale: 'de-DE' });
  if (at !== undefined) await page.clock.setFixedTime(at);
  await page.goto(`${base}/admin#${tab}`);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  return page;
}

describe('admin app: visits', () => {
  it('edits outcomes, the kiosk maximum and a counter printer, and the office serves them', async () => {
    server = await e2e.server();
    const base = server.url;
    const page = await openAdmin(base, 'visits');
    await page.getByTestId('outcome-list').waitFor();
    expect(await page.getByTestId('outcome-name-1').inputValue()).toBe('Unterlagen fehlen');

    // Rename a saved outcome (its id stays), add one (its id follows the name), reorder, remove.
    await page.getByTestId('outcome-name-0').fill('Erledigt – alles da');
    await page.getByTestId('outcome-add').click();
    await expect
      .poll(async () => await page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('outcome-name-4');
    await page.keyboard.type('Rückruf vereinbart');
    expect(await page.getByTestId('outcome-id-4').textContent()).toBe('rueckruf-vereinbart');
    await page.getByTestId('outcome-translation-4').fill('Call back arranged');
    await page.getByTestId('outcome-up-4').click();
    await page.getByTestId('outcome-remove-2').click(); // forwarded
    await page.getByTestId('kiosk-max').selectOption('5');
    await page.getByTestId('config-save').click();
    await expect.poll(async () => await page.getByTestId('config-status').getAttribute('data-dirty')).toBe('false');

    const office = (await http(base, 'GET', '/api/office')).body;
    expect(office.kioskMaxConcerns).toBe(5);
    expect(office.outcomes).toEqual([
      { id: 'done', name: 'Erledigt – alles da', names: { de: 'Erledigt – alles da', en: 'Done' } },
      {
        id: 'documents-missing',
        name: 'Unterlagen fehlen',
        names: { de: 'Unterlagen fehlen', en: 'Documents missing' },
      },
      {
        id: 'rueckruf-vereinbart',
        name: 'Rückruf vereinbart',
        names: { de: 'Rückruf vereinbart', en: 'Call back arranged' },
      },
      { id: 'appointment-made', name: 'Termin vereinbart', names: { de: 'Termin vereinbart', en: 'Appointment made' } },
    ]);

    // The kiosk's multi-concern choice off: one concern per ticket.
    await page.getByTestId('kiosk-multi').uncheck();
    await page.getByTestId('config-save').click();
    await expect.poll(async () => (await http(base, 'GET', '/api/office')).body.kioskMaxConcerns).toBe(1);

    // A counter's own printer: a wrong address is named next to the field, a right one is kept.
    await page.evaluate(() => {
      location.hash = '#setup-counters';
    });
    await page.getByTestId('counter-printer-0').fill('drucker-im-flur');
    await page.getByTestId('config-save').click();
    const issue = page.locator('#cfg-counters-0-printer-issues');
    await expect.poll(async () => await issue.textContent()).toContain('Keine gültige Druckeradresse');
    await page.getByTestId('counter-printer-0').fill('tcp://127.0.0.1:9100');
    await page.getByTestId('config-save').click();
    await expect.poll(async () => (await http(base, 'GET', '/api/office')).body.counters[0].hasPrinter).toBe(true);
    const config = await http(base, 'GET', '/api/admin/config', undefined, await login(base));
    expect(config.body.office.counters[0].printer).toBe('tcp://127.0.0.1:9100');
  });

  it('shows a two-concern visit and its outcomes in the statistics', async () => {
    // Monday 16 November 2026 in Berlin.
    let now = Date.parse('2026-11-16T08:00:00Z');
    server = await e2e.server({ clock: () => now });
    const base = server.url;
    const admin = await login(base);
    const post = async (path: string, body?: unknown) => {
      const r = await http(base, 'POST', path, body, admin);
      expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBeLessThan(300);
      return r.body;
    };
    // One visit with two concerns (housing, then education), one with housing only.
    const two = (await post('/api/tickets', { concernIds: ['housing', 'education'] })).ticket;
    now += 60_000;
    await post('/api/tickets', { concernIds: ['housing'] });
    now += 5 * 60_000;
    expect((await post('/api/counters/desk-2/call-next')).ticket.number).toBe(two.number);
    now += 6 * 60_000;
    await post('/api/counters/desk-2/complete', { outcome: 'documents-missing' });
    await post('/api/counters/desk-2/call-next');
    now += 4 * 60_000;
    await post('/api/counters/desk-2/complete', { outcome: 'done' });
    expect((await post('/api/counters/desk-3/call-next')).ticket.number).toBe(two.number);
    now += 5 * 60_000;
    await post('/api/counters/desk-3/complete', { outcome: 'done' });

    const page = await openAdmin(base, 'stats', now);
    await page.getByTestId('stats-quick-this-week').click();
    await expect.poll(async () => await page.getByTestId('stats-range').textContent()).toContain('Mo 16.11.2026');
    await expect.poll(async () => await page.getByTestId('kpi-issued').textContent()).toBe('3');
    expect(await page.getByTestId('kpi-served').textContent()).toBe('3');
    expect(await page.getByTestId('kpi-visits').textContent()).toBe('2');
    expect(await page.getByTestId('kpi-multi').textContent()).toBe('50\u00a0%');

    const outcomeRows = async () =>
      page
        .getByTestId('stats-outcome-row')
        .evaluateAll((rows) =>
          rows.map((r) => [
            r.getAttribute('data-period'),
            r.getAttribute('data-concern'),
            r.querySelector('[data-col="outcome_done"]')?.textContent,
            r.querySelector('[data-col="outcome_documents-missing"]')?.textContent,
          ]),
        );
    expect(await outcomeRows()).toEqual([
      ['2026-11-16', 'education', '1', '0'],
      ['2026-11-16', 'housing', '1', '1'],
      ['2026-11-16', '*', '2', '1'],
    ]);
    const heads = await page.getByTestId('stats-outcome-table').locator('thead th').allTextContents();
    expect(heads).toEqual([
      'Tag',
      'Anliegen',
      'Erledigt',
      'Unterlagen fehlen',
      'An Fachbereich weitergeleitet',
      'Termin vereinbart',
    ]);

    // Per week: "Unterlagen fehlen" in week 47.
    await page.getByTestId('stats-by').selectOption('week');
    await page.getByTestId('stats-load').click();
    await expect.poll(async () => (await outcomeRows()).map((r) => r[0])).toEqual(['2026-W47', '2026-W47', '2026-W47']);
    const missing = await page
      .locator('[data-testid="chart-outcomes-bar"][data-series="documents-missing"][data-period="2026-W47"]')
      .getAttribute('data-value');
    expect(missing).toBe('1');

    // The CSV the tab offers downloads with the same figures (here in the international format).
    await page.getByTestId('stats-csv-dialect').selectOption('en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-csv').click()]);
    const [head, ...lines] = readFileSync((await download.path()) as string, 'utf8')
      .trimEnd()
      .split('\n');
    const columns = (head ?? '').split(',');
    const total = Object.fromEntries(
      (lines.find((l) => l.startsWith('2026-W47,*,')) ?? '').split(',').map((c, i) => [columns[i], c]),
    );
    expect(total).toMatchObject({
      issued: '3',
      served: '3',
      visits: '2',
      multiConcernShare: '0.5',
      outcome_done: '2',
      'outcome_documents-missing': '1',
    });
  });
});
