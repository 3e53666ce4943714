/**
 * The slow kiosk: a paired kiosk in a real Chromium with the CPU throttled (CDP
 * `Emulation.setCPUThrottlingRate`, 4× by default, as an old kiosk PC), portrait touch screen.
 *   first screen usable: navigation start → the concern buttons are on screen and enabled
 *     (a cold start: browser cache cleared before every load)
 *   touch → number: the touch on "Ticket ziehen" → the ticket number is on screen
 * Both are taken inside the page (a MutationObserver and the touch event's own time stamp), so
 * the driver's polling adds nothing. `tsx bench/kiosk.ts` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser.ts';
import { BENCH_ADMIN_PASSWORD, postJson, quantile, startServer } from './server-process.ts';

export const KIOSK_FIRST_SCREEN_TARGET_MS = 1500;
export const KIOSK_TOUCH_TARGET_MS = 300;

export interface KioskFigures {
  throttle: number;
  /** Per cold load, ms after navigation start. */
  firstScreen: number[];
  /** Per ticket, touch → number on screen, ms. */
  touchToNumber: number[];
  firstScreenP50: number;
  firstScreenMax: number;
  touchP50: number;
  touchMax: number;
}

/**
 * Runs in the page before its own scripts: notes when the concern buttons and a ticket number
 * appear. A string, not a function: tsx would add helpers the page does not have.
 */
const OBSERVE = `(() => {
  const check = () => {
    if (window.__usableAt === undefined) {
      const button = document.querySelector('button[data-testid^="concern-"]');
      if (button && !button.disabled && button.getBoundingClientRect().height > 0) window.__usableAt = performance.now();
    }
    if (window.__numberAt === undefined && document.querySelector('[data-testid="ticket-number"]')?.textContent?.trim()) {
      window.__numberAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  document.addEventListener('pointerdown', (event) => {
    if (event.target?.closest?.('[data-testid="kiosk-draw"]')) {
      window.__touchAt = event.timeStamp;
      window.__numberAt = undefined;
    }
  }, { capture: true });
})();`;

export async function benchKiosk(options: { loads?: number; tickets?: number; throttle?: number } = {}) {
  const loads = options.loads ?? 5;
  const tickets = options.tickets ?? 10;
  const throttle = options.throttle ?? 4;
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-kiosk-'));
  const server = await startServer(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const { base } = server;
    const admin = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })).token;
    const paired = await postJson(base, '/api/admin/devices', { kind: 'kiosk', name: 'Langsamer Kiosk' }, admin);
    if (!paired.pairingUrl) throw new Error(`pairing the kiosk failed: ${JSON.stringify(paired)}`);
    const context = await browser.newContext({
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    await context.addInitScript({ content: OBSERVE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${base}${paired.pairingUrl}`);
    await page.getByTestId('start-screen').waitFor();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

    const usable = () =>
      page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt, undefined, {
        timeout: 30_000,
      });
    const firstScreen: number[] = [];
    for (let i = 0; i < loads; i++) {
      await cdp.send('Network.clearBrowserCache');
      await page.goto(`${base}/kiosk`);
      firstScreen.push(Number(await (await usable()).jsonValue()));
    }

    const touchToNumber: number[] = [];
    const concerns = ['housing', 'certificates', 'documents'];
    for (let i = 0; i < tickets; i++) {
      await page.getByTestId(`concern-${concerns[i % concerns.length]}`).tap();
      await page.getByTestId('confirm-screen').waitFor();
      await page.getByTestId('kiosk-draw').tap();
      const at = await page.waitForFunction(
        () => {
          const w = window as unknown as { __numberAt?: number; __touchAt?: number };
          return w.__numberAt !== undefined && w.__touchAt !== undefined ? w.__numberAt - w.__touchAt : undefined;
        },
        undefined,
        { timeout: 30_000 },
      );
      touchToNumber.push(Number(await at.jsonValue()));
      await page.getByTestId('kiosk-done').tap();
      await page.getByTestId('start-screen').waitFor();
    }
    await context.close();
    return {
      throttle,
      firstScreen,
      touchToNumber,
      firstScreenP50: quantile(firstScreen, 0.5),
      firstScreenMax: Math.max(...firstScreen),
      touchP50: quantile(touchToNumber, 0.5),
      touchMax: Math.max(...touchToNumber),
    } satisfies KioskFigures;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/kiosk.ts')) {
  const f = await benchKiosk();
  process.stdout.write(
    `kiosk at ${f.throttle}× CPU throttle: first screen usable p50 ${f.firstScreenP50.toFixed(0)} ms, ` +
      `max ${f.firstScreenMax.toFixed(0)} ms (target ≤ ${KIOSK_FIRST_SCREEN_TARGET_MS}); touch → number p50 ` +
      `${f.touchP50.toFixed(0)} ms, max ${f.touchMax.toFixed(0)} ms (target ≤ ${KIOSK_TOUCH_TARGET_MS})\n`,
  );
}
