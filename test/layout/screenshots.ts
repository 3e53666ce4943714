/**
 * `npm run screenshots`: renders the pictures in docs/ from the layout suite's states, in the
 * suite's Chromium (DejaVu and Liberation only on the system, the bundled fonts loaded) with
 * its office of eight concerns: the kiosk, its ticket, the lobby screen, the phone page, the
 * counter, a visit of two concerns being completed at the second counter, the reception, the
 * admin app (queue, concerns, visits) and its statistics (a generated month of figures with the
 * clerks' outcomes). Every picture in docs/ comes from here.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { TicketView } from '../../core/api.ts';
import { ADMIN_PASSWORD, http, login, removeDir, startTestServer, tempDataDir } from '../helpers/server.ts';
import { layoutOffice } from './fixture.ts';
import { launchOfficeChromium, openContext, settle, type Viewport } from './harness.ts';
import { writeOutcomeMonth } from './outcome-month.ts';

const DOCS = process.env.LOTSE_DOCS ?? fileURLToPath(new URL('../../docs/', import.meta.url));
/** The statistics show the week before this moment (November 2026, the generated month). */
const STATS_NOW = Date.parse('2026-11-25T09:00:00Z');

async function shoot(
  browser: Browser,
  viewport: Viewport,
  file: string,
  show: (page: Page) => Promise<void>,
  extra: { touch?: boolean; scale?: number; now?: number } = {},
): Promise<void> {
  const context = await openContext(browser, viewport, 'bundled', extra);
  try {
    const page = await context.newPage();
    if (extra.now !== undefined) await page.clock.setFixedTime(extra.now);
    await show(page);
    await settle(page);
    await page.screenshot({ path: join(DOCS, file) });
    process.stdout.write(`docs/${file}\n`);
  } finally {
    await context.close();
  }
}

async function signIn(page: Page): Promise<void> {
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/**
 * A visit of two concerns (Wohngeld, then Bildung und Teilhabe): Platz 2 served the first with
 * "Unterlagen fehlen"; Platz 3 calls the visitor, starts and asks for the outcome of the second.
 */
async function completingVisit(page: Page, base: string): Promise<void> {
  const token = await login(base);
  const post = async (path: string, body?: unknown) => {
    const r = await http(base, 'POST', path, body, token);
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await post('/api/tickets', { concernIds: ['housing', 'education'] });
  await post('/api/tickets', { concernIds: ['education'] });
  await post('/api/tickets', { concernIds: ['subsistence'] });
  await post('/api/counters/desk-2/call-next');
  await post('/api/counters/desk-2/complete', { outcome: 'documents-missing' });
  await page.goto(`${base}/counter`);
  await signIn(page);
  await page.getByTestId('pick-counter-desk-3').click();
  await page.getByTestId('action-call-next').click();
  await page.getByTestId('current-number').waitFor();
  await page.getByTestId('action-start').click();
  await page.getByTestId('in-service').waitFor();
  await page.getByTestId('action-complete').click();
  await page.getByTestId('complete-dialog').waitFor();
}

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  const browser = await launchOfficeChromium();
  const server = await startTestServer({ office: layoutOffice() });
  const statsDir = tempDataDir();
  await writeOutcomeMonth(statsDir);
  const started = Date.now();
  const stats = await startTestServer({ dataDir: statsDir, clock: () => STATS_NOW + (Date.now() - started) });
  const visit = await startTestServer({ office: layoutOffice() });
  try {
    const base = server.url;
    const token = await login(base);
    const issue = async (concernId: string, language = 'de') =>
      (await http<{ ticket: TicketView }>(base, 'POST', '/api/tickets', { concernId, language })).body.ticket;
    const mine = await issue('housing');
    for (const concern of ['education', 'subsistence', 'documents', 'certificates', 'disability', 'residence']) {
      await issue(concern);
      await issue(concern, 'uk');
    }
    await issue('housing', 'ar');

    const kiosk = { width: 1080, height: 1920 };
    await shoot(browser, kiosk, 'kiosk.png', async (page) => {
      await page.goto(`${base}/kiosk`);
      await page.getByTestId('concern-housing').click();
      await page.getByTestId('confirm-screen').waitFor();
      await page.waitForTimeout(450);
      await page.getByTestId('kiosk-add-concern').click();
      await page.getByTestId('start-draw').waitFor();
    });
    await shoot(browser, kiosk, 'kiosk-ticket.png', async (page) => {
      await page.goto(`${base}/kiosk`);
      await page.getByTestId('concern-housing').click();
      await page.getByTestId('kiosk-draw').click();
      await page.getByTestId('ticket-screen').waitFor();
    });
    await shoot(browser, kiosk, 'kiosk-large-uk.png', async (page) => {
      await page.goto(`${base}/kiosk`);
      await page.getByTestId('lang-uk').click();
      await page.getByTestId('large-text').click();
    });
    await shoot(
      browser,
      { width: 390, height: 844 },
      'phone.png',
      async (page) => {
        await page.goto(`${base}${mine.statusUrl}`);
        await page.getByTestId('phone-number').first().waitFor();
      },
      { touch: true, scale: 2 },
    );

    for (const desk of ['desk-2', 'desk-3', 'desk-4', 'desk-1']) {
      await http(base, 'POST', `/api/counters/${desk}/call-next`, undefined, token);
    }
    await shoot(browser, { width: 1920, height: 1080 }, 'display.png', async (page) => {
      await page.goto(`${base}/display`);
      await page.locator('[data-testid="current-call"]').first().waitFor();
    });
    const staff = { width: 1280, height: 800 };
    await shoot(browser, staff, 'counter.png', async (page) => {
      await page.goto(`${base}/counter`);
      await signIn(page);
      await page.getByTestId('pick-counter-desk-1').click();
      await page.getByTestId('current-number').waitFor();
    });
    await shoot(browser, staff, 'reception.png', async (page) => {
      await page.goto(`${base}/counter`);
      await signIn(page);
      await page.getByTestId('open-reception').click();
      await page.getByTestId('reception-desk').waitFor();
    });
    await shoot(browser, staff, 'counter-visit.png', (page) => completingVisit(page, visit.url));
    const admin = { width: 1440, height: 900 };
    for (const [file, tab] of [
      ['admin.png', 'queue'],
      ['admin-config.png', 'concerns'],
      ['admin-visits.png', 'visits'],
    ] as const) {
      await shoot(browser, admin, file, async (page) => {
        await page.goto(`${base}/admin#${tab}`);
        await signIn(page);
        await page.waitForLoadState('networkidle');
      });
    }
    await shoot(
      browser,
      admin,
      'admin-stats.png',
      async (page) => {
        await page.goto(`${stats.url}/admin#stats`);
        await signIn(page);
        await page.getByTestId('kpi-issued').waitFor();
        await page.waitForLoadState('networkidle');
      },
      { now: STATS_NOW },
    );
    await shoot(
      browser,
      admin,
      'admin-stats-outcomes.png',
      async (page) => {
        await page.goto(`${stats.url}/admin#stats`);
        await signIn(page);
        await page.getByTestId('kpi-issued').waitFor();
        await page.getByTestId('stats-quick-this-month').click();
        await page.getByTestId('stats-by').selectOption('week');
        await page.getByTestId('stats-load').click();
        await page.locator('[data-testid="stats-outcome-row"][data-period="2026-W48"]').first().waitFor();
        await page.getByTestId('stats-outcomes').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      },
      { now: STATS_NOW },
    );
  } finally {
    await browser.close();
    await server.stop();
    await stats.stop();
    await visit.stop();
    removeDir(server.dataDir);
    removeDir(visit.dataDir);
    removeDir(statsDir);
  }
}

await main();
