/**
 * The layout suite's Chromium: fonts as on an office PC (only DejaVu and Liberation, through
 * FONTCONFIG_FILE), the apps' own fonts either loaded or blocked, and the page measured by
 * measure-page.js. Screenshots of every state go to test-results/layout/<fonts>/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { officePcFonts } from '../helpers/fonts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser.ts';

export const FONT_CONFIG = process.env.LOTSE_LAYOUT_FONTCONFIG ?? '/tmp/cv-fonts.conf';
export const SHOTS = fileURLToPath(new URL('../../test-results/layout/', import.meta.url));

/** `bundled`: the apps' web fonts load; `blocked`: every font request fails (system fallbacks only). */
export type FontMode = 'bundled' | 'blocked';
export const FONT_MODES: FontMode[] = ['bundled', 'blocked'];

const MEASURE_SOURCE = readFileSync(fileURLToPath(new URL('./measure-page.js', import.meta.url)), 'utf8').replace(
  'export function measureLayout',
  'function measureLayout',
);

/** A fontconfig that knows only DejaVu and Liberation (as a bare Debian kiosk or signage PC). */
export function ensureFontConfig(path = FONT_CONFIG): string {
  return officePcFonts(path);
}

export async function launchOfficeChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does).`);
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.FONTCONFIG_FILE = ensureFontConfig();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, env });
}

export interface Viewport {
  width: number;
  height: number;
}

export const sizeName = (v: Viewport) => `${v.width}x${v.height}`;

export async function openContext(
  browser: Browser,
  viewport: Viewport,
  fonts: FontMode,
  extra: { touch?: boolean; scale?: number } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: extra.scale ?? 1,
    hasTouch: extra.touch ?? false,
    reducedMotion: 'reduce',
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  // The machine may be busy: pages get time to load.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(60_000);
  if (fonts === 'blocked') {
    await context.route(/\.(woff2?|ttf|otf)(\?.*)?$/, (route) => route.abort());
  }
  return context;
}

/** Runs `visit` on a page of a browser context of its own, closed afterwards whatever happens. */
export async function onPage<T>(
  browser: Browser,
  viewport: Viewport,
  fonts: FontMode,
  visit: (page: Page) => Promise<T>,
  extra: { touch?: boolean; scale?: number } = {},
): Promise<T> {
  const context = await openContext(browser, viewport, fonts, extra);
  try {
    return await visit(await context.newPage());
  } finally {
    await context.close();
  }
}

export interface MeasureOptions {
  /** CSS selectors of actions that must be whole on the screen; a trailing `?` makes one optional. */
  essential?: string[];
  /** Where text may break anywhere (addresses, codes). */
  breakable?: string[];
  ignore?: string[];
  /** Kiosk and lobby: nothing may lie below the edge unless it is in a scrolling list. */
  fixedScreen?: boolean;
  /** Kiosk: a list longer than its box shows a scroll cue. */
  scrollCue?: boolean;
}

/** Waits until fonts, hyphenation patterns (ui/hyphenate.ts), fitting and animations have settled. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-hyphenation-loading'));
  // No named function inside: tsx (npm run screenshots) would wrap it in a helper the page lacks.
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Finite transitions (a mode switch animating widths) end first; fitting follows the last width.
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.race([
      Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 1500)),
    ]);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.waitForTimeout(150);
}

/** How many of the apps' own font files this page has loaded. */
export function loadedOwnFonts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      Array.from(document.fonts).filter((f) => f.family.replace(/["']/g, '') === 'Lotse Sans' && f.status === 'loaded')
        .length,
  );
}

export interface StateResult {
  name: string;
  problems: string[];
}

/**
 * Measures the page as it is now and saves its screenshot as `<fonts>/<name>.png`; returns the
 * problems, each prefixed with the state's name. In `bundled` mode the page must have loaded at
 * least one of the apps' font files, in `blocked` mode none.
 */
export async function checkState(
  page: Page,
  fonts: FontMode,
  name: string,
  options: MeasureOptions,
): Promise<string[]> {
  await settle(page);
  const problems = (await page.evaluate(`${MEASURE_SOURCE}\nmeasureLayout(${JSON.stringify(options)})`)) as string[];
  const own = await loadedOwnFonts(page);
  if (fonts === 'bundled' && own === 0) problems.push('the bundled fonts did not load');
  if (fonts === 'blocked' && own > 0) problems.push('a bundled font loaded although fonts are blocked');
  // Every state with the bundled fonts; with them blocked, the states that fail (or all, with
  // LOTSE_LAYOUT_SHOTS=all): a screenshot costs more than the measuring.
  if (fonts === 'bundled' || problems.length > 0 || process.env.LOTSE_LAYOUT_SHOTS === 'all') {
    const dir = join(SHOTS, fonts);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`) });
  }
  return problems.map((p) => `${name}: ${p}`);
}
