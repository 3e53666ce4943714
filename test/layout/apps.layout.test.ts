/**
 * Layout of the lobby screen, the phone page, the counter and the admin app, measured as the
 * kiosk's (see kiosk.layout.test.ts): DejaVu and Liberation only, bundled fonts loaded and
 * blocked, the office with eight concerns and long names. The lobby screen at 1920×1080,
 * 1080×1920 and 1366×768 (also in Ukrainian and Arabic); the phone page at 360×640 and 390×844
 * in six languages, waiting and called; the counter at 1280×800 before and during a call; the
 * admin app's main tabs at 1280×800.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import { LANGUAGES } from '../../core/types.ts';
import { ADMIN_PASSWORD, http, login } from '../helpers/server.ts';
import { serverAndBrowserPerFile } from '../helpers/e2e.ts';
import { layoutOffice } from './fixture.ts';
import {
  checkState,
  FONT_MODES,
  type FontMode,
  launchOfficeChromium,
  type MeasureOptions,
  onPage,
  sizeName,
  type Viewport,
} from './harness.ts';

const DISPLAY_SIZES: Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
];
const PHONE_SIZES: Viewport[] = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
];
const STAFF_SIZE: Viewport = { width: 1280, height: 800 };

const DISPLAY: MeasureOptions = { fixedScreen: true };
const PHONE: MeasureOptions = {};
const STAFF: MeasureOptions = {};

const bench = serverAndBrowserPerFile({ office: layoutOffice() }, launchOfficeChromium);
let token: string;
const phoneTickets: TicketView[] = [];
const called: TicketView[] = [];

async function issue(concernId: string, language = 'de'): Promise<TicketView> {
  const r = await http<{ ticket: TicketView }>(bench.server.url, 'POST', '/api/tickets', { concernId, language });
  expect(r.status).toBe(201);
  return r.body.ticket;
}

async function callNext(counterId: string): Promise<TicketView> {
  const r = await http<{ ticket: TicketView | null }>(
    bench.server.url,
    'POST',
    `/api/counters/${counterId}/call-next`,
    undefined,
    token,
  );
  expect(r.status).toBe(200);
  return r.body.ticket as TicketView;
}

beforeAll(async () => {
  token = await login(bench.server.url);
  // One waiting visitor per language for the phone page, then every concern has people waiting.
  for (const language of LANGUAGES) phoneTickets.push(await issue('housing', language));
  for (const concern of ['education', 'subsistence', 'documents', 'certificates', 'disability', 'residence']) {
    await issue(concern);
    await issue(concern);
  }
});

async function displayStates(fonts: FontMode, step: string): Promise<string[]> {
  const views: { size: Viewport; query: string; name: string }[] = DISPLAY_SIZES.map((size) => ({
    size,
    query: '',
    name: `display-${sizeName(size)}-${step}`,
  }));
  if (step === 'four-calls') {
    for (const lang of ['uk', 'ar']) {
      views.push({
        size: DISPLAY_SIZES[0] as Viewport,
        query: `?lang=${lang}`,
        name: `display-1920x1080-${step}-${lang}`,
      });
    }
  }
  const each = views.map((view) =>
    onPage(bench.browser, view.size, fonts, async (page) => {
      const problems: string[] = [];
      await page.goto(`${bench.server.url}/display${view.query}`);
      await page.getByTestId('board').waitFor();
      if (step !== 'no-calls') {
        const shown = await page
          .waitForFunction(
            () =>
              Array.from(document.querySelectorAll('[data-testid="call-number"]')).some(
                (e) => e.getBoundingClientRect().height > 0,
              ),
            undefined,
            { timeout: 5000 },
          )
          .then(() => true)
          .catch(() => false);
        if (!shown) problems.push(`${view.name}: no called number on the screen`);
      }
      problems.push(...(await checkState(page, fonts, view.name, DISPLAY)));
      return problems;
    }),
  );
  return (await Promise.all(each)).flat();
}

async function phoneStates(fonts: FontMode, tickets: TicketView[], step: string): Promise<string[]> {
  const each = PHONE_SIZES.flatMap((size) =>
    tickets.map((ticket) =>
      onPage(
        bench.browser,
        size,
        fonts,
        async (page) => {
          await page.goto(`${bench.server.url}${ticket.statusUrl}`);
          await page.getByTestId('phone-number').first().waitFor();
          return checkState(page, fonts, `phone-${sizeName(size)}-${step}-${ticket.language}`, PHONE);
        },
        { touch: true },
      ),
    ),
  );
  return (await Promise.all(each)).flat();
}

async function signIn(page: Page): Promise<void> {
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
}

describe.each(FONT_MODES)('other apps, %s fonts', (fonts) => {
  it('lobby screen and phone page: waiting, then called', async () => {
    const problems: string[] = [];
    if (called.length === 0) {
      problems.push(...(await displayStates(fonts, 'no-calls')));
      problems.push(...(await phoneStates(fonts, phoneTickets, 'waiting')));
      called.push(await callNext('desk-2'));
      problems.push(...(await displayStates(fonts, 'one-call')));
      for (const desk of ['desk-1', 'desk-3', 'desk-4']) called.push(await callNext(desk));
    } else {
      // The second font mode sees the same office with its calls.
      problems.push(...(await phoneStates(fonts, phoneTickets.slice(called.length), 'waiting')));
    }
    problems.push(...(await displayStates(fonts, 'four-calls')));
    problems.push(...(await phoneStates(fonts, called.slice(0, 1), 'called')));
    expect(problems).toEqual([]);
  });

  it('counter at 1280×800 with a visitor called', async () => {
    // Platz 1 has someone called (the one called before, if any, is done).
    await callNext('desk-1');
    await onPage(bench.browser, STAFF_SIZE, fonts, async (page) => {
      await page.goto(`${bench.server.url}/counter`);
      await signIn(page);
      await page.getByTestId('pick-counter-desk-1').click();
      await page.getByTestId('counter-status').waitFor();
      const problems: string[] = [];
      const actions = { ...STAFF, essential: ['[data-testid="action-call-next"]'] };
      await page.getByTestId('current-number').waitFor();
      problems.push(...(await checkState(page, fonts, 'counter-1280x800-called', actions)));
      expect(problems).toEqual([]);
    });
  });

  it('admin at 1280×800: queue, counters, statistics, concerns, audit log', async () => {
    await onPage(bench.browser, STAFF_SIZE, fonts, async (page) => {
      await page.goto(`${bench.server.url}/admin#queue`);
      await signIn(page);
      const problems: string[] = [];
      for (const tab of ['queue', 'counters', 'stats', 'concerns', 'audit']) {
        await page.goto(`${bench.server.url}/admin#${tab}`);
        await page.waitForLoadState('networkidle');
        // The list asks for the hyphenation patterns as it renders; the measure then waits for them.
        if (tab === 'concerns') await page.getByTestId('concern-item-0').waitFor();
        problems.push(...(await checkState(page, fonts, `admin-1280x800-${tab}`, STAFF)));
      }
      expect(problems).toEqual([]);
    });
  });
});
