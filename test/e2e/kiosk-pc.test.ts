/**
 * Kiosk and screen PCs: `deploy/kiosk-chromium.sh` prints the Chromium command line for a
 * device URL; Chromium started with exactly those flags loads the lobby screen against a real
 * server, may sound the gong without anyone touching the screen (a browser without the flags asks
 * for a touch first), and shows calls again after the server was away and came back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from '../helpers/browser.ts';
import { http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const run = promisify(execFile);
const SCRIPT = new URL('../../deploy/kiosk-chromium.sh', import.meta.url).pathname;

let server: TestServer | undefined;
let context: BrowserContext | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await context?.close();
  context = undefined;
  await server?.stop();
  if (server) removeDir(server.dataDir);
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The script's command line, split as the shell would. */
async function commandLine(url: string, profile: string): Promise<string[]> {
  const { stdout } = await run(SCRIPT, ['--profile', profile, '--chromium', CHROMIUM_PATH, url]);
  const split = await run('bash', ['-c', 'eval "set -- $1"; printf "%s\\0" "$@"', '_', stdout.trim()]);
  return split.stdout.split('\0').slice(0, -1);
}

/**
 * Desktop Chromium's own autoplay rule (headless Chromium plays anything): sound only after the
 * user touched the page. Given first, so that the device's flags must override it.
 */
const DESKTOP_DEFAULT = '--autoplay-policy=document-user-activation-required';

/** Starts Chromium as the device would (headless here, and without the sandbox as root). */
async function startDevice(flags: string[], profile: string): Promise<Page> {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [DESKTOP_DEFAULT, ...flags, '--no-sandbox', '--disable-gpu'],
    viewport: { width: 1920, height: 1080 },
  });
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * What the page itself may play as it loads, before anyone touches it: an AudioContext's state and
 * a short tone through an <audio> element. Run as the page's own script (an init script): a
 * `page.evaluate` would count as a user gesture and allow everything.
 */
function probeSoundAtLoad(): void {
  const rate = 8000;
  const samples = new Uint8Array(800).map((_, i) => 128 + Math.round(60 * Math.sin(i / 3)));
  const header = new DataView(new ArrayBuffer(44));
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) header.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  header.setUint32(4, 36 + samples.length, true);
  text(8, 'WAVEfmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, rate, true);
  header.setUint32(28, rate, true);
  header.setUint16(32, 1, true);
  header.setUint16(34, 8, true);
  text(36, 'data');
  header.setUint32(40, samples.length, true);
  const probe = window as unknown as { lotseProbe: Promise<{ context: string; media: string }> };
  probe.lotseProbe = new Promise((resolve) => {
    window.addEventListener('DOMContentLoaded', () => {
      const context = new AudioContext();
      const audio = new Audio(URL.createObjectURL(new Blob([header.buffer, samples], { type: 'audio/wav' })));
      audio.play().then(
        () => resolve({ context: context.state, media: 'played' }),
        (error: Error) => resolve({ context: context.state, media: error.name }),
      );
    });
  });
}

const soundAtLoad = (page: Page) =>
  page.evaluate(() => (window as unknown as { lotseProbe: Promise<{ context: string; media: string }> }).lotseProbe);

describe('kiosk and screen PCs', () => {
  it('the printed command line has the device flags, and Chromium started with it runs the lobby screen with sound', async () => {
    server = await startTestServer();
    const s = server;
    const profile = mkdtempSync(join(tmpdir(), 'lotse-kiosk-profile-'));
    dirs.push(profile);
    const url = `${s.url}/display`;
    const args = await commandLine(url, profile);
    expect(args[0]).toBe(CHROMIUM_PATH);
    expect(args.at(-1)).toBe(url);
    expect(args).toEqual(
      expect.arrayContaining([
        `--user-data-dir=${profile}`,
        '--kiosk',
        '--autoplay-policy=no-user-gesture-required',
        '--disable-pinch',
        '--overscroll-history-navigation=0',
        '--noerrdialogs',
      ]),
    );
    expect(args.find((a) => a.startsWith('--disable-features='))).toContain('Translate');

    const flags = args.slice(1, -1).filter((a) => !a.startsWith('--user-data-dir='));
    const page = await startDevice(flags, profile);
    await page.addInitScript(probeSoundAtLoad);
    await page.goto(url);
    await page.getByTestId('clock').waitFor();
    // The gong may sound at once: media plays and Web Audio runs without a touch, and the board
    // does not ask for one.
    expect(await soundAtLoad(page)).toEqual({ context: 'running', media: 'played' });
    expect(await page.getByTestId('sound-prompt').count()).toBe(0);

    // A call reaches the screen; so does one after the server was away and came back.
    const admin = await login(s.url);
    await http(s.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const first = (await http(s.url, 'POST', '/api/counters/desk-2/call-next', undefined, admin)).body.ticket;
    await page.getByTestId('call-number').filter({ hasText: first.number }).first().waitFor();

    const port = new URL(s.url).port;
    await s.stop();
    server = await startTestServer({ dataDir: s.dataDir, port: Number(port) });
    const again = await login(server.url);
    await http(server.url, 'POST', '/api/tickets', { concernId: 'housing' });
    const second = (await http(server.url, 'POST', '/api/counters/desk-2/call-next', undefined, again)).body.ticket;
    expect(second.number).not.toBe(first.number);
    await page.getByTestId('call-number').filter({ hasText: second.number }).first().waitFor({ timeout: 30_000 });
  });

  it('without the flags (desktop Chromium as installed) the same page must wait for a touch before it may sound', async () => {
    server = await startTestServer();
    const profile = mkdtempSync(join(tmpdir(), 'lotse-kiosk-profile-'));
    dirs.push(profile);
    const page = await startDevice([], profile);
    await page.addInitScript(probeSoundAtLoad);
    await page.goto(`${server.url}/display`);
    await page.getByTestId('clock').waitFor();
    expect(await soundAtLoad(page)).toEqual({ context: 'suspended', media: 'NotAllowedError' });
    await page.getByTestId('sound-prompt').waitFor();
  });

  it('refuses to print a command line without a device URL', async () => {
    await expect(run(SCRIPT, ['not-a-url'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Name the device'),
    });
  });
});
