/**
 * The lobby screen heard for real: a headful Chromium with speech-dispatcher voices (espeak-ng)
 * plays into a PulseAudio null sink; the recording of that sink is split into gong and speech
 * (see analyse.ts) and judged alone. The screen's own log only paces the test.
 */
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.ts';
import { audioOffice, clerk, expectGongThenSpeech, listen, openScreen, played } from './fixture.ts';
import { useSoundBench } from './sound-bench.ts';

const bench = useSoundBench({ voices: true });
const office = bench.office;

describe('lobby screen, heard', () => {
  it('a call gives a gong followed by speech, and nothing more', async () => {
    const { server, clerk: c } = await office();
    const page = await openScreen(bench.browser, server.url);
    await c.issue();
    const recording = await bench.env.record('one-call');
    await c.callNext('room-1');
    await played(page, 1);
    await page.waitForTimeout(2000);
    expectGongThenSpeech(await listen(recording), 1);
    // It was the browser's own voice (speech-dispatcher), not the server's.
    expect(await page.evaluate(() => window.__lotseAnnouncementLog?.map((r) => r.speech))).toEqual(['spoken']);
  });

  it('a burst of five calls gives five announcements one after another, in order, none twice', async () => {
    const { server, clerk: c } = await office();
    const page = await openScreen(bench.browser, server.url);
    for (let i = 0; i < 5; i++) await c.issue();
    const recording = await bench.env.record('burst');
    for (let i = 1; i <= 5; i++) await c.callNext(`room-${i}`);
    await played(page, 5, 150_000);
    // Nothing comes after the fifth.
    await page.waitForTimeout(3000);
    const listened = await listen(recording);
    expectGongThenSpeech(listened, 5);
    // The spoken counter names grow by several words from room 1 to room 5: in call order the
    // speech gets longer each time.
    const lengths = listened.heard.map((h) => h.speech);
    for (let i = 1; i < lengths.length; i++) {
      expect(
        lengths[i] as number,
        `speech lengths ${lengths.map((l) => l.toFixed(2))}; ${listened.trace}`,
      ).toBeGreaterThan((lengths[i - 1] as number) + 0.3);
    }
  });

  it('a recall is announced again, with the same words', async () => {
    const { server, clerk: c } = await office();
    const page = await openScreen(bench.browser, server.url);
    await c.issue();
    const recording = await bench.env.record('recall');
    await c.callNext('room-3');
    await played(page, 1);
    await c.recall('room-3');
    await played(page, 2);
    await page.waitForTimeout(2000);
    const listened = await listen(recording);
    expectGongThenSpeech(listened, 2);
    const [call, recall] = listened.heard.map((h) => h.speech) as [number, number];
    expect(Math.abs(call - recall) / call, listened.trace).toBeLessThan(0.25);
  });

  it('after a server restart the screen announces each missed call still open once, and nothing twice', async () => {
    const first = await office();
    const { dataDir } = first.server;
    const port = Number(new URL(first.server.url).port);
    const page = await openScreen(bench.browser, first.server.url);
    for (let i = 0; i < 4; i++) await first.clerk.issue();
    const recording = await bench.env.record('restart');
    await first.clerk.callNext('room-1');
    await played(page, 1);

    // The server goes; meanwhile another server on the same data calls three visitors, one of
    // whom is already done; then the server comes back on the screen's address.
    await first.server.stop();
    bench.servers.splice(bench.servers.indexOf(first.server), 1);
    await page.getByTestId('offline').waitFor({ timeout: 15_000 });
    const meanwhile = await startTestServer({ dataDir, office: audioOffice() });
    const other = await clerk(meanwhile.url);
    await other.callNext('room-2');
    await other.callNext('room-4');
    await other.callNext('room-5');
    await other.complete('room-5');
    await meanwhile.stop();
    const again = await startTestServer({ dataDir, port, office: audioOffice() });
    bench.servers.push(again);
    await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 30_000 });
    await played(page, 3);
    await page.waitForTimeout(4000);
    const listened = await listen(recording);
    // The call before, and the two missed calls still open (rooms 2 and 4), in that order.
    expectGongThenSpeech(listened, 3);
    const [, room2, room4] = listened.heard.map((h) => h.speech) as [number, number, number];
    expect(room4, listened.trace).toBeGreaterThan(room2 + 0.3);
  });
});
