/**
 * The lobby screen on a machine whose only fonts are DejaVu and Liberation (as on many signage
 * PCs): Chromium runs with a fontconfig limited to those (`$LOTSE_FONTCONFIG`, default
 * /tmp/cv-fonts.conf, written here when missing). Measured from the DOM: the arrow never
 * overlaps a digit, counter names and "again" are not cut, more concerns do not shrink the
 * called numbers, "last calls" lists each number once and no no-shows, an unknown area is named,
 * a paired screen follows the settings an admin gives it, a closed office shows its phone.
 * Screenshots go to $LOTSE_SHOTS (default: <tmp>/lotse-e2e-shots).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import type { Concern, OfficeConfig } from '../../core/types.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { demoOffice, http, login, registerDevice } from '../helpers/server.ts';

const SHOTS = process.env.LOTSE_SHOTS ?? join(tmpdir(), 'lotse-e2e-shots');
mkdirSync(SHOTS, { recursive: true });

const e2e = chromiumPerFile({ officeFonts: true });

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const SMALL = { width: 1366, height: 768 };

/** The demo office with `extra` more concerns (served at desk 1), names long like real ones. */
function officeWith(extra: number): OfficeConfig {
  const office = demoOffice();
  const names = ['Reisepass und Personalausweis', 'Meldebescheinigung', 'Schwerbehindertenausweis'];
  for (let i = 0; i < extra; i++) {
    const concern: Concern = {
      ...(office.concerns[0] as Concern),
      id: `extra-${i}`,
      prefix: String.fromCharCode(75 + i),
      name: names[i % names.length] as string,
    };
    delete concern.names;
    office.concerns.push(concern);
    office.counters[0]?.concernIds.push(concern.id);
  }
  return office;
}

async function office(config?: OfficeConfig) {
  const server = await e2e.server(config ? { office: config } : {});
  const token = await login(server.url);
  const base = server.url;
  const post = async <T>(path: string, body?: unknown) => {
    const r = await http<T>(base, 'POST', path, body, token);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  return {
    base,
    token,
    async issue(concernId: string): Promise<TicketView> {
      const r = await http<{ ticket: TicketView }>(base, 'POST', '/api/tickets', { concernId, language: 'de' });
      expect(r.status).toBe(201);
      return r.body.ticket;
    },
    callNext: async (desk: string) => (await post<{ ticket: TicketView }>(`/api/counters/${desk}/call-next`)).ticket,
    recall: (desk: string) => post(`/api/counters/${desk}/recall`),
    noShow: (desk: string) => post(`/api/counters/${desk}/no-show`),
  };
}

async function openDisplay(base: string, query: string, viewport: { width: number; height: number }) {
  const context = await e2e.browser.newContext({ viewport });
  e2e.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/display${query}`);
  await page.getByTestId('board').waitFor();
  return page;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Boxes of number, arrow and counter of every current call, and whether any text is cut. */
async function callBoxes(page: Page) {
  return page.getByTestId('current-call').evaluateAll((rows) =>
    rows.map((row) => {
      const box = (selector: string) => {
        const e = row.querySelector(selector) as Element;
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const counter = row.querySelector('.call-counter') as HTMLElement;
      const number = row.querySelector('.call-number') as HTMLElement;
      const rowBox = row.getBoundingClientRect();
      return {
        number: box('.call-number'),
        arrow: box('.call-arrow'),
        counter: box('.call-counter'),
        row: { x: rowBox.x, y: rowBox.y, width: rowBox.width, height: rowBox.height },
        counterCut: counter.scrollWidth > counter.clientWidth + 1,
        numberCut: number.scrollWidth > number.clientWidth + 1,
        /** More than one line: taller than 1.3 line heights. */
        counterWraps:
          counter.getBoundingClientRect().height > 1.3 * Number.parseFloat(getComputedStyle(counter).fontSize) * 1.05,
        fontPx: Number.parseFloat(getComputedStyle(number).fontSize),
      };
    }),
  );
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

describe('lobby screen layout with only DejaVu and Liberation fonts', () => {
  it('with one, two and four calls: the arrow overlaps no digit, counter names are whole and on one line', async () => {
    const o = await office();
    for (let i = 0; i < 4; i++) await o.issue('housing');
    for (let i = 0; i < 2; i++) await o.issue('subsistence');
    const desks = ['desk-1', 'desk-2', 'desk-4', 'desk-3'];
    let called = 0;
    for (const wanted of [1, 2, 4]) {
      while (called < wanted) await o.callNext(desks[called++] as string);
      for (const [viewport, name] of [
        [LANDSCAPE, 'landscape'],
        [PORTRAIT, 'portrait'],
        [SMALL, 'small'],
      ] as const) {
        for (const lang of ['de', 'ar']) {
          const page = await openDisplay(o.base, `?lang=${lang}`, viewport);
          await expect.poll(() => page.getByTestId('current-call').count()).toBe(wanted);
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(200);
          const rows = await callBoxes(page);
          for (const r of rows) {
            const where = `${wanted} calls, ${name}, ${lang}`;
            expect(overlap(r.number, r.arrow), `arrow over number (${where})`).toBe(false);
            expect(overlap(r.arrow, r.counter), `arrow over counter (${where})`).toBe(false);
            expect(overlap(r.number, r.counter), `number over counter (${where})`).toBe(false);
            expect(r.counterCut || r.numberCut, `text cut (${where})`).toBe(false);
            expect(r.counterWraps, `counter name wraps (${where})`).toBe(false);
            expect(inside(r.counter, r.row) && inside(r.number, r.row), `outside its row (${where})`).toBe(true);
          }
          const overflow = await page.evaluate(() => ({
            x: document.documentElement.scrollWidth - window.innerWidth,
            y: document.documentElement.scrollHeight - window.innerHeight,
          }));
          expect(overflow.x).toBeLessThanOrEqual(0);
          expect(overflow.y).toBeLessThanOrEqual(0);
          if (wanted !== 4 || lang === 'ar') {
            await page.screenshot({ path: join(SHOTS, `display-fonts-${wanted}-${name}-${lang}.png`) });
          }
          await page.context().close();
        }
      }
    }
  }, 400_000);

  it('"last calls" lists each number once (its latest call, with "again" whole) and no no-shows, also in portrait', async () => {
    const o = await office();
    const a = await o.issue('housing');
    const b = await o.issue('housing');
    const c = await o.issue('subsistence');
    expect((await o.callNext('desk-1')).number).toBe(a.number);
    await o.recall('desk-1');
    await o.recall('desk-1');
    expect((await o.callNext('desk-2')).number).toBe(b.number);
    expect((await o.callNext('desk-4')).number).toBe(c.number);
    await o.noShow('desk-4');
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      for (const lang of ['de', 'ar']) {
        const page = await openDisplay(o.base, `?lang=${lang}`, viewport);
        await expect
          .poll(() => page.locator('[data-testid="recent-call"] .recent-number').allTextContents())
          .toEqual([b.number, a.number]);
        const again = await page.locator('.recent-again').count();
        expect(again).toBe(1);
        const cut = await page.locator('.recent-counter').evaluateAll((els) =>
          els.map((e) => {
            const badge = e.querySelector('.recent-again');
            const box = e.getBoundingClientRect();
            const b = badge?.getBoundingClientRect();
            return e.scrollWidth > e.clientWidth + 1 || (b !== undefined && b.right > box.right + 1);
          }),
        );
        expect(cut).toEqual([false, false]);
        await page.screenshot({
          path: join(
            SHOTS,
            `display-recent-${viewport.width > viewport.height ? 'landscape' : 'portrait'}-${lang}.png`,
          ),
        });
        await page.context().close();
      }
    }
  }, 120_000);

  it('more concerns turn pages of waiting cards; the called numbers keep their size and the cards their text', async () => {
    const sizes: Record<string, number[]> = {};
    for (const extra of [0, 3]) {
      const o = await office(officeWith(extra));
      for (let i = 0; i < 4; i++) await o.issue('housing');
      await o.callNext('desk-1');
      await o.callNext('desk-2');
      for (const [viewport, name] of [
        [LANDSCAPE, 'landscape'],
        [PORTRAIT, 'portrait'],
        [SMALL, 'small'],
      ] as const) {
        const page = await openDisplay(o.base, '', viewport);
        await expect.poll(() => page.getByTestId('current-call').count()).toBe(2);
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(200);
        const rows = await callBoxes(page);
        sizes[name] = [...(sizes[name] ?? []), rows[0]?.fontPx ?? 0];
        const waiting = await page.getByTestId('waiting').evaluate((section) => {
          const cards = [...section.querySelectorAll('.waiting-card')] as HTMLElement[];
          const tops = new Set(cards.map((c) => Math.round(c.getBoundingClientRect().top)));
          return {
            rows: tops.size,
            pages: Number(section.getAttribute('data-pages')),
            cut: cards.some(
              (c) =>
                c.scrollHeight > c.clientHeight + 1 ||
                [...c.querySelectorAll('span')].some(
                  (s) => s.getBoundingClientRect().right > c.getBoundingClientRect().right + 1,
                ),
            ),
          };
        });
        expect(waiting.rows).toBeLessThanOrEqual(name === 'portrait' ? 2 : 1);
        expect(waiting.cut, `waiting card text cut (${name}, ${6 + extra} concerns)`).toBe(false);
        if (extra > 0 && name !== 'portrait') expect(waiting.pages).toBe(2);
        if (extra > 0) await page.screenshot({ path: join(SHOTS, `display-8-concerns-${name}.png`) });
        await page.context().close();
      }
    }
    for (const [name, [before, after]] of Object.entries(sizes)) {
      expect(after, `called numbers on ${name} with 8 concerns`).toBeCloseTo(before as number, 0);
    }
    console.log(`[figures] called-number font px with 5 → 8 concerns: ${JSON.stringify(sizes)}`);
  }, 120_000);

  it('a misspelt area says so and names the known areas instead of an empty board', async () => {
    const o = await office();
    for (const lang of ['de', 'ar']) {
      const page = await openDisplay(o.base, `?area=Erdgeshoss&lang=${lang}`, LANDSCAPE);
      const notice = page.getByTestId('unknown-area');
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      expect(text).toContain('Erdgeshoss');
      expect(text).toContain('Erdgeschoss');
      expect(text).toContain('1. Stock');
      await page.screenshot({ path: join(SHOTS, `display-unknown-area-${lang}.png`) });
    }
    const known = await openDisplay(o.base, '?area=erdgeschoss', LANDSCAPE);
    await known.locator('.panel.current').waitFor();
    expect(await known.getByTestId('unknown-area').count()).toBe(0);
  });

  it('a paired screen shows the area, layout and language its device settings name, and follows changes at once', async () => {
    const o = await office();
    const paired = await registerDevice<{ device: { id: string }; pairingUrl: string }>(o.base, o.token, {
      kind: 'screen',
      name: 'Anzeige oben',
      area: '1. Stock',
    });
    expect(paired.status).toBe(201);
    await o.issue('housing');
    await o.issue('subsistence');
    await o.callNext('desk-1'); // Erdgeschoss
    const upstairs = await o.callNext('desk-4'); // 1. Stock
    // The address asks for the ground floor; the device settings say upstairs and win.
    const page = await openDisplay(
      o.base,
      `${paired.body.pairingUrl.replace('/display', '')}&area=Erdgeschoss`,
      LANDSCAPE,
    );
    await expect.poll(() => page.getByTestId('call-number').allTextContents()).toEqual([upstairs.number]);
    expect(await page.getByTestId('board-area').textContent()).toBe('1. Stock');
    expect(await page.getByTestId('board').getAttribute('data-orientation')).toBe('landscape');

    const change = await http(
      o.base,
      'PATCH',
      `/api/admin/devices/${paired.body.device.id}`,
      { orientation: 'portrait', language: 'ar', distanceM: 3 },
      o.token,
    );
    expect(change.status).toBe(200);
    await expect.poll(() => page.getByTestId('board').getAttribute('data-orientation')).toBe('portrait');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.locator('.calls-fit').getAttribute('data-cap-mm')).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, 'display-paired-settings.png') });

    // After a reload the screen gets the same settings on connecting.
    await page.reload();
    await page.getByTestId('board').waitFor();
    await expect.poll(() => page.getByTestId('board').getAttribute('data-orientation')).toBe('portrait');
    expect(await page.getByTestId('board-area').textContent()).toBe('1. Stock');

    // Bad input: a clear 400, never a 5xx.
    const bad = await http(o.base, 'PATCH', `/api/admin/devices/${paired.body.device.id}`, { distanceM: 500 }, o.token);
    expect(bad.status).toBe(400);
    const unknown = await http(o.base, 'PATCH', `/api/admin/devices/${crypto.randomUUID()}`, { area: null }, o.token);
    expect(unknown.status).toBe(404);
  });

  it('a closed office shows its phone where the calls would be', async () => {
    const config = demoOffice();
    config.openingHours = { weekly: {}, closedDays: [] };
    config.contact = { phone: '0461 85-0' };
    const o = await office(config);
    for (const lang of ['de', 'ar']) {
      const page = await openDisplay(o.base, `?lang=${lang}`, LANDSCAPE);
      const phone = page.getByTestId('closed-phone');
      await phone.waitFor();
      expect(await phone.textContent()).toContain('0461 85-0');
      await page.screenshot({ path: join(SHOTS, `display-closed-${lang}.png`) });
    }
  });
});
