/**
 * The shared set-up of the kiosk tests in a real Chromium: a portrait 1080×1920 touch screen, an
 * office whose clock the test sets (open and closed hours), and the helpers of every kiosk story
 * (draw a ticket, screenshots under test-results/kiosk/, axe-core scans, contrast, reach).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { OfficeConfig } from '../../core/types.ts';
import { launchChromium } from '../helpers/browser.ts';
import { demoOffice, http, login, removeDir, startTestServer, type TestServer } from '../helpers/server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/kiosk/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const WIDTH = 1080;
export const HEIGHT = 1920;
/** Everything to touch lies below the top third of the portrait screen. */
export const TOP_THIRD = HEIGHT / 3;

/** Monday 23 November 2026, 09:30 in Berlin: open (Mon 9:00–12:30). */
export const OPEN = Date.parse('2026-11-23T08:30:00Z');
/** The same Monday, 13:00 in Berlin: closed; next opening Tuesday 13:00. */
export const CLOSED = Date.parse('2026-11-23T12:00:00Z');

/** The state of the test file: set by `useKioskOffice`, changed by the tests (the clock, the office). */
export const kiosk = {
  now: OPEN,
  office: undefined as unknown as OfficeConfig,
  server: undefined as unknown as TestServer,
  browser: undefined as unknown as Browser,
  admin: '',
  contexts: [] as BrowserContext[],
  /** Labels of the screens scanned with axe-core. */
  scanned: [] as string[],
};

function kioskOffice(): OfficeConfig {
  const o = demoOffice();
  o.enforceOpeningHours = true;
  o.kioskResetSeconds = 120;
  const certificates = o.concerns.find((c) => c.id === 'certificates');
  if (!certificates) throw new Error('demo office without certificates');
  certificates.dailyQuota = 1;
  // Two places per housing slot: two appointments below share the 09:40 slot.
  const housing = o.concerns.find((c) => c.id === 'housing');
  if (housing) housing.slotCapacity = 2;
  return o;
}

/** Starts the kiosk office and Chromium for the calling test file. */
export function useKioskOffice(): void {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    kiosk.office = kioskOffice();
    kiosk.server = await startTestServer({ office: kiosk.office, clock: () => kiosk.now });
    kiosk.browser = await launchChromium();
    kiosk.admin = await login(kiosk.server.url);
  });

  afterAll(async () => {
    for (const c of kiosk.contexts) await c.close().catch(() => {});
    await kiosk.browser?.close();
    await kiosk.server?.stop();
    if (kiosk.server) removeDir(kiosk.server.dataDir);
  });
}

/** Starts the server again on the same data folder and port (after a test stopped it). */
export async function restartServer(): Promise<void> {
  const { port, dataDir } = kiosk.server;
  kiosk.server = await startTestServer({ dataDir, port, office: kiosk.office, clock: () => kiosk.now });
}

export interface KioskOptions {
  /** Appended to /kiosk, e.g. `?cursor=none`. */
  query?: string;
  /** Installs a fake speechSynthesis with voices of these locales; records what it says. */
  voices?: string[];
  /** Sets the browser's clock to the server's (for "tomorrow" and the next opening). */
  clock?: boolean;
}

/** A fresh kiosk on a portrait touch screen. */
export async function openKiosk({ query = '', voices, clock = false }: KioskOptions = {}): Promise<Page> {
  const context = await kiosk.browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    hasTouch: true,
    bypassCSP: true, // to inject axe-core
    reducedMotion: 'reduce',
  });
  kiosk.contexts.push(context);
  if (voices) {
    await context.addInitScript((locales: string[]) => {
      const spoken: { text: string; lang: string; voice: string | undefined }[] = [];
      const list = locales.map((lang) => ({
        lang,
        name: `Test ${lang}`,
        localService: true,
        default: false,
        voiceURI: lang,
      }));
      class Utterance {
        lang = '';
        voice: { name: string } | null = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(readonly text: string) {}
      }
      const synth = {
        speaking: false,
        pending: false,
        getVoices: () => list,
        speak(u: Utterance) {
          spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
          setTimeout(() => u.onend?.(), 600);
        },
        cancel() {},
        addEventListener() {},
        removeEventListener() {},
      };
      Object.assign(window, { __spoken: spoken });
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    }, voices);
  }
  const page = await context.newPage();
  if (clock) await page.clock.setSystemTime(kiosk.now);
  await page.goto(`${kiosk.server.url}/kiosk${query}`);
  await page.getByTestId('start-screen').waitFor();
  return page;
}

export const touch = (page: Page, testId: string) => page.getByTestId(testId).tap();

/** Chooses one concern and draws its ticket: the kiosk confirms the choice first. */
export async function draw(page: Page, concernId: string): Promise<void> {
  await touch(page, `concern-${concernId}`);
  await page.getByTestId('confirm-screen').waitFor();
  await touch(page, 'kiosk-draw');
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** axe-core on the whole page: no serious or critical violation. */
export async function scan(page: Page, label: string): Promise<void> {
  await page.waitForTimeout(150);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<any> } }).axe;
    const result = await axe.run(document);
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string,
      nodes: (v.nodes as any[]).slice(0, 3).map((n) => (n.target as string[]).join(' ')),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `axe on ${label}`).toEqual([]);
  kiosk.scanned.push(label);
}

export async function waiting(concernId: string): Promise<number> {
  const answer = await http<{ waiting: { concernId: string; count: number }[] }>(kiosk.server.url, 'GET', '/api/queue');
  return answer.body.waiting.find((w) => w.concernId === concernId)?.count ?? 0;
}

export async function totalWaiting(): Promise<number> {
  const answer = await http<{ waiting: { count: number }[] }>(kiosk.server.url, 'GET', '/api/queue');
  return answer.body.waiting.reduce((sum, w) => sum + w.count, 0);
}

/** Reads the QR code shown in an element from a screenshot of it. */
export async function readQr(page: Page, testId: string): Promise<string | undefined> {
  const png = PNG.sync.read(await page.getByTestId(testId).screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

export async function box(page: Page, testId: string) {
  const b = await page.getByTestId(testId).first().boundingBox();
  if (!b) throw new Error(`${testId} is not visible`);
  return b;
}

/** WCAG contrast ratio between an element's text colour and the background of `backgroundOf`. */
export async function contrast(page: Page, testId: string, backgroundTestId: string): Promise<number> {
  const [fg, bg] = await page.evaluate(
    ([a, b]) => {
      const color = (el: Element | null, prop: 'color' | 'backgroundColor') =>
        el ? getComputedStyle(el)[prop] : 'rgb(0, 0, 0)';
      const fore = color(document.querySelector(`[data-testid="${a}"]`), 'color');
      let el: Element | null = document.querySelector(`[data-testid="${b}"]`);
      let back = color(el, 'backgroundColor');
      while (el && /rgba\(.*, 0\)|transparent/.test(back)) {
        el = el.parentElement;
        back = el ? color(el, 'backgroundColor') : 'rgb(255, 255, 255)';
      }
      return [fore, back];
    },
    [testId, backgroundTestId],
  );
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every button on screen is far above 44×44 px and lies in the lower two thirds. */
export async function expectReachable(page: Page, minSide = 66): Promise<void> {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('main button')].map((b) => {
      const r = b.getBoundingClientRect();
      return { id: b.getAttribute('data-testid') ?? b.textContent, top: r.top, width: r.width, height: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.top, `${b.id} below the top third`).toBeGreaterThanOrEqual(TOP_THIRD - 1);
    expect(Math.min(b.width, b.height), `${b.id} touch target`).toBeGreaterThanOrEqual(minSide);
  }
}
