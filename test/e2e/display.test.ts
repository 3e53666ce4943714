import { describe, expect, it } from 'vitest';
import { spokenNumber } from '../../core/announcement.ts';
import { login, startTestServer } from '../helpers/server.ts';
import {
  announced,
  clerk,
  log,
  median,
  office,
  openDisplay,
  shownNumbers,
  texts,
  useLobbyScreens,
} from './display-fixture.ts';

const e2e = useLobbyScreens();

describe('lobby screen: calls', () => {
  // How fast is a benchmark's business (`npm run bench`: call → screen); here: each call appears.
  it('shows each number the clerk calls on the board, one after another', async () => {
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
    expect(latencies).toHaveLength(5);
  });

  it('announces three calls made at once, in order, one after another; a recall too', async () => {
    const o = await office();
    const page = await openDisplay(o.base);
    // Earliest first, so desk 1 (which serves all three) takes the documents ticket.
    await o.issue('documents');
    await o.issue('housing');
    await o.issue('education');
    const tickets = await Promise.all(['desk-1', 'desk-2', 'desk-3'].map((desk) => o.callNext(desk)));
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
