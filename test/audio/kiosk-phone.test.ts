/**
 * The kiosk's "Vorlesen" and the phone page's call sound, heard for real: headful Chromium on
 * Xvfb playing into a PulseAudio null sink (speech through speech-dispatcher and espeak-ng),
 * judged from the recording alone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../helpers/server.ts';
import { beeps, describe as describeSegments, readSamples, segments } from './analyse.ts';
import { audioOffice, clerk, launchHeadful } from './fixture.ts';
import { type SoundEnv, startSoundEnv } from './sound-env.ts';

let env: SoundEnv;
let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  env = await startSoundEnv();
  browser = await launchHeadful(env, { voices: true });
  server = await startTestServer({ office: audioOffice() });
});

afterEach(async () => {
  for (const context of browser.contexts()) await context.close().catch(() => undefined);
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
  if (server) removeDir(server.dataDir);
  await env?.stop();
});

/** A kiosk showing a fresh German ticket with its "Vorlesen" button. */
async function ticketOnKiosk(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}/kiosk`);
  await page.getByTestId('start-screen').waitFor();
  await page.getByTestId('concern-housing').click();
  // The kiosk confirms the chosen concern(s) before drawing.
  await page.getByTestId('confirm-screen').waitFor();
  await page.getByTestId('kiosk-draw').click();
  await page.getByTestId('ticket-number').waitFor();
  // Chromium loads the voice list late; the button shows once there is one.
  await page.getByTestId('read-aloud').waitFor({ timeout: 15_000 });
  return page;
}

/** Seconds of speech in a recording, and the gongs in it (there should be none). */
async function speechIn(path: string) {
  const found = segments(readSamples(path));
  const speech = found.filter((s) => s.kind === 'speech');
  return {
    gongs: found.filter((s) => s.kind === 'gong').length,
    span: speech.length > 0 ? (speech.at(-1)?.end as number) - (speech[0]?.start as number) : 0,
    trace: `${path}: ${describeSegments(found)}`,
  };
}

describe('kiosk "Vorlesen", heard', () => {
  it('reads the ticket aloud once, and a second touch stops it', async () => {
    const page = await ticketOnKiosk();
    const full = await env.record('kiosk-read');
    await page.getByTestId('read-aloud').click();
    // Pacing only: the button says "Stop" while it speaks.
    await expect.poll(() => page.getByTestId('read-aloud').getAttribute('class')).toContain('current');
    await expect
      .poll(() => page.getByTestId('read-aloud').getAttribute('class'), { timeout: 90_000, interval: 500 })
      .not.toContain('current');
    await page.waitForTimeout(2500);
    const whole = await speechIn(await full.stop());
    expect(whole.gongs, whole.trace).toBe(0);
    // Number, concern, people ahead, waiting time, documents, "watch the screen": many seconds.
    expect(whole.span, whole.trace).toBeGreaterThan(5);

    const cut = await env.record('kiosk-stop');
    await page.getByTestId('read-aloud').click();
    await page.waitForTimeout(2500);
    await page.getByTestId('read-aloud').click();
    await page.waitForTimeout(3000);
    const stopped = await speechIn(await cut.stop());
    expect(stopped.span, stopped.trace).toBeGreaterThan(0.5);
    expect(stopped.span, `${stopped.trace}; whole reading ${whole.span.toFixed(2)} s`).toBeLessThan(whole.span * 0.75);
  });
});

describe('phone page, heard', () => {
  it('beeps three times when the visitor is called, and three times again at a recall, never more', async () => {
    const phoneServer = await startTestServer({ office: audioOffice() });
    const stopServer = async () => {
      await phoneServer.stop().catch(() => undefined);
      removeDir(phoneServer.dataDir);
    };
    try {
      await phoneCalled(phoneServer);
    } finally {
      await stopServer();
    }
  });
});

async function phoneCalled(server: TestServer): Promise<void> {
  {
    const c = await clerk(server.url);
    const ticket = await c.issue();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.url}${ticket.statusUrl}`);
    await page.getByText(ticket.number).first().waitFor();
    const recording = await env.record('phone');
    await page.waitForTimeout(500);
    await c.callNext('room-1');
    await page.waitForTimeout(6000);
    await c.recall('room-1');
    await page.waitForTimeout(4000);
    const path = await recording.stop();
    const samples = readSamples(path);
    const found = beeps(samples, 880);
    const trace = `${path}: ${describeSegments(found)}`;
    expect(found.length, trace).toBe(6);
    // Two groups of three, seconds apart.
    expect((found[3]?.start as number) - (found[2]?.end as number), trace).toBeGreaterThan(2);
    expect(segments(samples).filter((s) => s.kind === 'gong').length, trace).toBe(0);
  }
}
