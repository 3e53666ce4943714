/**
 * The lobby screen in a real Chromium against a real server: calls appear within 100 ms, three
 * calls in quick succession give three announcements in order, a screen that was offline (network
 * gone, or the server restarted) catches up and announces what it missed exactly once, area
 * screens, portrait layout, number size from the viewing distance, Arabic labels, the sound prompt.
 *
 * Headless Chromium has no speech voices: announcements are observed through the page's test
 * hook `window.__lotseAnnouncementLog` (gong, then speech attempt, one after another).
 * Screenshots go to $LOTSE_SHOTS (default: <tmp>/lotse-e2e-shots).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../core/api.ts';
import { spokenNumber } from '../../core/announcement.ts';
import type { AnnouncementRecord } from '../../display/announcer.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser.ts';
import { chromiumPerFile } from '../helpers/e2e.ts';
import { http, login, startTestServer, type TestServer } from '../helpers/server.ts';

const SHOTS = process.env.LOTSE_SHOTS ?? join(tmpdir(), 'lotse-e2e-shots');
mkdirSync(SHOTS, { recursive: true });

const e2e = chromiumPerFile();

/** A fresh server (own data folder) with a signed-in admin acting as clerk. */
async function office(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await e2e.server(options);
  const token = await login(server.url);
  return clerk(server.url, token, server);
}

function clerk(base: string, token: string, server?: TestServer) {
  return {
    server: server as TestServer,
    base,
    async issue(concernId: string, language = 'de'): Promise<TicketView> {
      const r = await http<{ ticket: TicketView }>(base, 'POST', '/api/tickets', { concernId, language });
      expect(r.status).toBe(201);
      return r.body.ticket;
    },
    async callNext(counterId: string): Promise<TicketView> {
      const r = await http<{ ticket: TicketView | null }>(
        base,
        'POST',
        `/api/counters/${counterId}/call-next`,
        undefined,
        token,
      );
      expect(r.status).toBe(200);
      expect(r.body.ticket).not.toBeNull();
      return r.body.ticket as TicketView;
    },
    async recall(counterId: string): Promise<TicketView> {
      const r = await http<{ ticket: TicketView }>(base, 'POST', `/api/counters/${counterId}/recall`, undefined, token);
      expect(r.status).toBe(200);
      return r.body.ticket;
    },
  };
}

async function openDisplay(
  base: string,
  query = '',
  viewport = { width: 1920, height: 1080 },
  on = e2e.browser,
): Promise<Page> {
  const context = await on.newContext({ viewport });
  e2e.contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${base}/display${query}`);
  await page.getByTestId('board').waitFor();
  return page;
}

const log = (page: Page) => page.evaluate(() => window.__lotseAnnouncementLog ?? []) as Promise<AnnouncementRecord[]>;
const texts = (page: Page) => page.evaluate(() => [...(window.__lotseAnnouncements ?? [])]);
const shownNumbers = (page: Page) => page.getByTestId('call-number').allTextContents();

/** Waits until the announcement log has `n` entries whose gong and speech are over. */
async function announced(page: Page, n: number, timeout = 30_000): Promise<AnnouncementRecord[]> {
  await expect
    .poll(async () => (await log(page)).filter((r) => r.endedAt !== undefined).length, { timeout, interval: 100 })
    .toBeGreaterThanOrEqual(n);
  return log(page);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

describe('lobby screen: calls', () => {
  it('shows a call within 100 ms of the clerk pressing "call next" (median of 5)', async () => {
    const o = await office();
    const page = await openDisplay(o.base);
    // Time (page clock = test clock, same machine) at which each number first appears on the board.
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      const scan = () => {
        for (const el of document.querySelectorAll('[data-testid="call-number"]')) {
          const n = el.textContent?.trim() ?? '';
          if (n && !(n in seen)) seen[n] = Date.now();
        }
      };
      new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    for (let i = 0; i < 6; i++) await o.issue('housing');
    // One warm-up call (first render paths), then five measured ones.
    const latencies: number[] = [];
    let firstSent = 0;
    for (let i = 0; i < 6; i++) {
      const sent = Date.now();
      if (i === 0) firstSent = sent;
      const ticket = await o.callNext('desk-2');
      await expect
        .poll(
          () =>
            page.evaluate((n) => (window as unknown as { __seen: Record<string, number> }).__seen[n], ticket.number),
          {
            timeout: 5000,
            interval: 20,
          },
        )
        .toBeDefined();
      const seenAt = await page.evaluate(
        (n) => (window as unknown as { __seen: Record<string, number> }).__seen[n] as number,
        ticket.number,
      );
      if (i > 0) latencies.push(seenAt - sent);
      await page.waitForTimeout(150);
    }
    const records = await log(page);
    console.log(
      `[figures] call → display latency ms: ${latencies.join(', ')} (median ${median(latencies)}); ` +
        `call → gong starts (first call): ${(records[0]?.startedAt ?? 0) - firstSent} ms`,
    );
    expect(median(latencies)).toBeLessThan(100);
    for (const l of latencies) expect(l).toBeLessThan(2000);
  });

  it('announces three calls made within 100 ms, in order, one after another; a recall too', async () => {
    const o = await office();
    const page = await openDisplay(o.base);
    // Earliest first, so desk 1 (which serves all three) takes the documents ticket.
    await o.issue('documents');
    await o.issue('housing');
    await o.issue('education');
    const sentAt: number[] = [];
    const tickets = await Promise.all(
      ['desk-1', 'desk-2', 'desk-3'].map((desk) => {
        sentAt.push(Date.now());
        return o.callNext(desk);
      }),
    );
    expect(Math.max(...sentAt) - Math.min(...sentAt)).toBeLessThan(100);
    expect(tickets.map((t) => t.number).sort()).toEqual(['B-001', 'U-001', 'W-001']);

    const records = await announced(page, 3);
    expect(records).toHaveLength(3);
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(3);
    expect(records.map((r) => r.text).sort()).toEqual([
      'Nummer B eins, bitte zu Platz 3.',
      'Nummer U eins, bitte zu Platz 1.',
      'Nummer W eins, bitte zu Platz 2.',
    ]);
    // Strictly one after another: each starts after the previous one ended.
    for (let i = 1; i < records.length; i++) {
      expect(records[i]?.startedAt as number).toBeGreaterThanOrEqual(records[i - 1]?.endedAt as number);
    }
    // The server's order (by seq) is the announcement order; the board shows all three.
    expect(
      (
        await page.getByTestId('recent-call').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq'))))
      ).slice(0, 3),
    ).toEqual([...seqs].reverse());
    expect((await shownNumbers(page)).sort()).toEqual(['B-001', 'U-001', 'W-001']);

    await o.recall('desk-2');
    const after = await announced(page, 4);
    expect(after[3]).toMatchObject({ text: 'Nummer W eins, bitte zu Platz 2.', recall: true });
    expect((await page.getByTestId('call-number').first().textContent())?.trim()).toBe('W-001');
    expect(await page.getByTestId('current-call').first().getAttribute('data-new')).toBe('true');
    console.log(
      `[figures] three calls: announcements ${after.map((r) => `${r.seq}:${(r.endedAt as number) - (r.startedAt as number)}ms/${r.speech}`).join(', ')}`,
    );
  });
});

describe('lobby screen: offline and catch-up', () => {
  it('a screen whose network drops during two calls shows the offline marker, then shows and announces both once', async () => {
    const o = await office();
    const page = await openDisplay(o.base);
    await o.issue('housing');
    await o.issue('education');
    await o.issue('subsistence');
    const first = await o.callNext('desk-2');
    await announced(page, 1);

    await page.context().setOffline(true);
    await page.getByTestId('offline').waitFor({ timeout: 10_000 });
    const missed = [await o.callNext('desk-3'), await o.callNext('desk-4')];
    await page.waitForTimeout(300);
    expect(await shownNumbers(page)).not.toContain(missed[0]?.number);

    await page.context().setOffline(false);
    await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 15_000 });
    const records = await announced(page, 3);
    expect(records.map((r) => r.text)).toEqual([
      `Nummer ${spokenNumber(first.number, 'de')}, bitte zu Platz 2.`,
      `Nummer ${spokenNumber(missed[0]?.number ?? '', 'de')}, bitte zu Platz 3.`,
      `Nummer ${spokenNumber(missed[1]?.number ?? '', 'de')}, bitte zu Platz 4.`,
    ]);
    expect((await shownNumbers(page)).sort()).toEqual([first.number, ...missed.map((t) => t.number)].sort());
    // Nothing is announced twice, also not a while later.
    await page.waitForTimeout(3000);
    expect(await texts(page)).toHaveLength(3);
  });

  it('a screen catches up after a server restart, announcing the calls made meanwhile exactly once', async () => {
    const first = await office();
    const { dataDir } = first.server;
    const port = Number(new URL(first.base).port);
    const page = await openDisplay(first.base);
    await first.issue('housing');
    await first.issue('education');
    await first.issue('subsistence');
    await first.callNext('desk-2');
    await announced(page, 1);

    // The server goes away; while the screen is offline another server on the same data calls two
    // visitors; then the server comes back on the screen's address.
    await first.server.stop();
    e2e.servers.splice(e2e.servers.indexOf(first.server), 1);
    await page.getByTestId('offline').waitFor({ timeout: 10_000 });
    const meanwhile = await startTestServer({ dataDir });
    const other = clerk(meanwhile.url, await login(meanwhile.url));
    const missed = [await other.callNext('desk-3'), await other.callNext('desk-4')];
    await meanwhile.stop();

    const again = await startTestServer({ dataDir, port });
    e2e.servers.push(again);
    await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 20_000 });
    const records = await announced(page, 3);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records.slice(1).map((r) => r.text)).toEqual([
      `Nummer ${spokenNumber(missed[0]?.number ?? '', 'de')}, bitte zu Platz 3.`,
      `Nummer ${spokenNumber(missed[1]?.number ?? '', 'de')}, bitte zu Platz 4.`,
    ]);
    expect(await shownNumbers(page)).toEqual(expect.arrayContaining(missed.map((t) => t.number)));
    await page.waitForTimeout(3000);
    expect(await texts(page)).toHaveLength(3);
  });
});

describe('lobby screen: settings from the URL', () => {
  it('a screen limited to an area shows, lists and announces only the calls of its counters', async () => {
    const o = await office();
    const upstairs = await openDisplay(o.base, `?area=${encodeURIComponent('1. Stock')}`);
    const ground = await openDisplay(o.base, '?area=Erdgeschoss');
    await o.issue('subsistence');
    await o.issue('housing');
    await o.issue('education');
    const atDesk4 = await o.callNext('desk-4'); // 1. Stock
    const atDesk3 = await o.callNext('desk-3'); // Erdgeschoss

    await expect.poll(() => shownNumbers(upstairs)).toEqual([atDesk4.number]);
    await expect.poll(() => shownNumbers(ground)).toEqual([atDesk3.number]);
    await announced(upstairs, 1);
    await announced(ground, 1);
    expect(await texts(upstairs)).toEqual([`Nummer ${spokenNumber(atDesk4.number, 'de')}, bitte zu Platz 4.`]);
    expect(await texts(ground)).toEqual([`Nummer ${spokenNumber(atDesk3.number, 'de')}, bitte zu Platz 3.`]);
    expect(
      await upstairs.getByTestId('recent-call').evaluateAll((els) => els.map((e) => e.getAttribute('data-counter-id'))),
    ).toEqual(['desk-4']);
    // Waiting per concern: only the concerns served upstairs (desk 4: subsistence, housing).
    const cards = await upstairs
      .locator('[data-testid^="waiting-"].waiting-card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(cards.sort()).toEqual(['waiting-housing', 'waiting-subsistence']);
    expect(await upstairs.getByTestId('board-area').textContent()).toBe('1. Stock');
    await ground.screenshot({ path: join(SHOTS, 'display-area.png') });
  });

  it('lays out portrait by the window (or the setting) and landscape otherwise', async () => {
    const o = await office();
    for (const concern of ['documents', 'housing', 'education', 'subsistence']) await o.issue(concern);
    for (const desk of ['desk-1', 'desk-2', 'desk-3', 'desk-4']) await o.callNext(desk);

    const portrait = await openDisplay(o.base, '', { width: 1080, height: 1920 });
    expect(await portrait.getByTestId('board').getAttribute('data-orientation')).toBe('portrait');
    await expect.poll(() => portrait.getByTestId('current-call').count()).toBe(4);
    const calls = await portrait.locator('.panel.current').boundingBox();
    const recent = await portrait.locator('.panel.recent').boundingBox();
    expect(calls && recent && recent.y >= calls.y + calls.height).toBe(true);
    expect(calls && calls.width > 1000).toBe(true);
    // Nothing spills out of the screen.
    const overflow = await portrait.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    await portrait.waitForTimeout(300);
    await portrait.screenshot({ path: join(SHOTS, 'display-portrait.png') });

    const forced = await openDisplay(o.base, '?orientation=landscape', { width: 1080, height: 1920 });
    expect(await forced.getByTestId('board').getAttribute('data-orientation')).toBe('landscape');

    const landscape = await openDisplay(o.base);
    expect(await landscape.getByTestId('board').getAttribute('data-orientation')).toBe('landscape');
    const lc = await landscape.locator('.panel.current').boundingBox();
    const lr = await landscape.locator('.panel.recent').boundingBox();
    expect(lc && lr && lr.x >= lc.x + lc.width).toBe(true);
    await landscape.screenshot({ path: join(SHOTS, 'display-landscape.png') });
  });

  it('sizes the called numbers for the viewing distance: cap height at least 25 mm per metre', async () => {
    const o = await office();
    for (const concern of ['documents', 'housing', 'education', 'subsistence']) await o.issue(concern);
    for (const desk of ['desk-1', 'desk-2', 'desk-3', 'desk-4']) await o.callNext(desk);
    for (const [distance, diagonal] of [
      [3, 55],
      [5, 55],
      [4, 65],
    ] as const) {
      const page = await openDisplay(o.base, `?distance=${distance}&diagonal=${diagonal}`);
      await expect.poll(() => page.locator('.calls-fit').count()).toBe(1);
      // Measured independently of the app: font size of each shown number → millimetres.
      const sizes = await page.getByTestId('call-number').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return {
            font: Number.parseFloat(getComputedStyle(e).fontSize),
            right: r.right,
            panelRight: (e.closest('.calls') as HTMLElement).getBoundingClientRect().right,
            screen: Math.hypot(screen.width, screen.height),
          };
        }),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(1);
      for (const s of sizes) {
        const mmPerPx = (diagonal * 25.4) / s.screen;
        expect(s.font * 0.7 * mmPerPx).toBeGreaterThanOrEqual(25 * distance - 0.5);
        expect(s.right).toBeLessThanOrEqual(s.panelRight + 1); // fits, not cut off
      }
      expect(await page.getByTestId('size-warning').count()).toBe(0);
      console.log(
        `[figures] distance ${distance} m on ${diagonal}": ${sizes.length} call(s) at ${sizes[0]?.font.toFixed(0)} px ` +
          `(cap ${(((sizes[0]?.font ?? 0) * 0.7 * diagonal * 25.4) / (sizes[0]?.screen ?? 1)).toFixed(0)} mm)`,
      );
      if (distance === 5) await page.screenshot({ path: join(SHOTS, 'display-distance-5m.png') });
    }
    // A screen too small for the distance says so (for whoever sets it up).
    const tooFar = await openDisplay(o.base, '?distance=15&diagonal=32');
    await tooFar.getByTestId('size-warning').waitFor();
  });

  it('shows labels and speaks in the language of the URL; Arabic right to left', async () => {
    const o = await office();
    await o.issue('housing');
    const page = await openDisplay(o.base, '?lang=ar');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await page.locator('#current-title').textContent()).toBe('الرقم');
    expect(await page.locator('#recent-title').textContent()).toBe('آخر النداءات');
    const ticket = await o.callNext('desk-2');
    const [record] = await announced(page, 1);
    expect(record).toMatchObject({
      language: 'ar',
      text: `الرقم ${spokenNumber(ticket.number, 'ar')}، تفضل إلى Platz 2.`,
    });
    // The number stays left to right inside the Arabic page.
    expect(
      await page
        .getByTestId('call-number')
        .first()
        .evaluate((e) => getComputedStyle(e).direction),
    ).toBe('ltr');
    await page.screenshot({ path: join(SHOTS, 'display-arabic.png') });

    const english = await openDisplay(o.base, '?lang=en');
    expect(await english.locator('#recent-title').textContent()).toBe('Last calls');
    expect(await english.getByTestId('waiting-housing').textContent()).toContain('Nobody is waiting');
  });

  it('asks for a touch when the browser blocks sound, and plays after it', async () => {
    const o = await office();
    const strict = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--autoplay-policy')),
      headless: true,
    });
    try {
      const page = await openDisplay(o.base, '', { width: 1280, height: 720 }, strict);
      const prompt = page.getByTestId('sound-prompt');
      await prompt.waitFor();
      expect(await prompt.textContent()).toContain('bitte berühren');
      const box = await prompt.boundingBox();
      expect(box && box.height >= 44 && box.width >= 44).toBe(true);
      await prompt.click();
      await prompt.waitFor({ state: 'detached' });
    } finally {
      await strict.close();
    }
  });
});
