/**
 * A lobby screen whose Chromium has no voices (started without `--enable-speech-dispatcher`,
 * as on most Linux signage PCs) still speaks: the server renders the announcement (espeak-ng)
 * and the screen plays it after the gong. Without espeak-ng on the server the gong and the
 * call on screen remain. Judged from the recording of the sound card.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { audioOffice, clerk, expectGongThenSpeech, listen, openScreen, played } from './fixture.ts';
import { useSoundBench } from './sound-bench.ts';

const bench = useSoundBench({ voices: false });
const office = bench.office;

/** Seconds of the server's rendering of one announcement (sox reads the WAV's length). */
async function renderedSeconds(base: string, query: string): Promise<number> {
  const response = await fetch(`${base}/api/speech?${query}`);
  expect(response.status).toBe(200);
  const path = join(bench.env.dir, `rendered-${Date.now()}.wav`);
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  return Number(spawnSync('soxi', ['-D', path], { encoding: 'utf8' }).stdout.trim());
}

describe('a screen without voices', () => {
  it('has no voices of its own, and speaks each call with the server voice after the gong', async () => {
    const { server, clerk: c } = await office();
    const page = await openScreen(bench.browser, server.url);
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await c.issue();
    await c.issue();
    const recording = await bench.env.record('server-voice');
    await c.callNext('room-2');
    await c.callNext('room-4');
    await played(page, 2);
    await page.waitForTimeout(2000);
    const listened = await listen(recording);
    expectGongThenSpeech(listened, 2);
    expect(await page.evaluate(() => window.__lotseAnnouncementLog?.map((r) => r.speech))).toEqual([
      'server',
      'server',
    ]);
    // Room 4's name is longer: the second announcement lasts longer.
    const [room2, room4] = listened.heard.map((h) => h.speech) as [number, number];
    expect(room4, listened.trace).toBeGreaterThan(room2 + 0.3);
  });

  it('with a second language, says the call in both, one after the other, after one gong', async () => {
    const { server, clerk: c } = await office();
    const page = await openScreen(bench.browser, server.url, '?lang2=en');
    const ticket = await c.issue();
    const query = `number=${ticket.number}&counter=room-1`;
    const german = await renderedSeconds(server.url, `${query}&lang=de`);
    const english = await renderedSeconds(server.url, `${query}&lang=en`);
    const recording = await bench.env.record('second-language');
    await c.callNext('room-1');
    await played(page, 1);
    await page.waitForTimeout(2000);
    const listened = await listen(recording);
    expectGongThenSpeech(listened, 1);
    // Both renderings played (their silent edges aside), not just one.
    expect(listened.heard[0]?.speech, listened.trace).toBeGreaterThan(0.8 * (german + english) - 0.6);
  });

  it('without espeak-ng on the server, the gong still sounds and the call is shown', async () => {
    const saved = process.env.LOTSE_ESPEAK;
    process.env.LOTSE_ESPEAK = '/nonexistent/espeak-ng';
    let server: TestServer;
    try {
      server = await startTestServer({ office: audioOffice() });
    } finally {
      if (saved === undefined) delete process.env.LOTSE_ESPEAK;
      else process.env.LOTSE_ESPEAK = saved;
    }
    bench.servers.push(server);
    const c = await clerk(server.url);
    const page = await openScreen(bench.browser, server.url);
    const ticket = await c.issue();
    const recording = await bench.env.record('no-espeak');
    await c.callNext('room-1');
    await page.getByTestId('call-number').filter({ hasText: ticket.number }).waitFor();
    await played(page, 1);
    await page.waitForTimeout(2000);
    const listened = await listen(recording);
    expect(listened.heard.length, listened.trace).toBe(1);
    expect(listened.heard[0]?.speech, listened.trace).toBe(0);
    expect(listened.speechWithoutGong, listened.trace).toBe(0);
  });
});
