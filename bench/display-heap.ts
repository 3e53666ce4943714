/**
 * The lobby screen over a simulated day in a real Chromium: `calls` calls and recalls arrive
 * (faster than in an office, same count as several busy days); the page's JS heap after a
 * forced garbage collection is compared at the start and at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/browser.ts';
import { BENCH_ADMIN_PASSWORD, postJson, startServer } from './server-process.ts';

export async function benchDisplayHeap(calls = 600) {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-bench-heap-'));
  const server = await startServer(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
    headless: true,
  });
  try {
    const { base } = server;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${base}/display`);
    await page.waitForTimeout(1500);
    const heap = async () => {
      await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
      await page.waitForTimeout(200);
      await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
      return page.evaluate(
        () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
      );
    };
    const token = (await postJson(base, '/api/login', { username: 'admin', password: BENCH_ADMIN_PASSWORD })).token;
    // Warm up: a few calls so every code path has run once.
    const desks = ['desk-1', 'desk-2', 'desk-3', 'desk-4'];
    const concerns = ['documents', 'housing', 'education', 'subsistence'];
    const round = async (i: number) => {
      const k = i % desks.length;
      await postJson(base, '/api/tickets', { concernId: concerns[k] });
      await postJson(base, `/api/counters/${desks[k]}/call-next`, undefined, token);
      if (i % 5 === 0) await postJson(base, `/api/counters/${desks[k]}/recall`, undefined, token);
      await new Promise((r) => setTimeout(r, 15));
    };
    // Fill every capped buffer first (last calls, announcement log): then memory must stay flat.
    for (let i = 0; i < 200; i++) await round(i);
    await page.waitForTimeout(3000);
    const start = await heap();
    for (let i = 0; i < calls; i++) await round(i);
    await page.waitForTimeout(3000);
    const end = await heap();
    return { startMb: start / 1048576, endMb: end / 1048576, growth: (end - start) / start };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
