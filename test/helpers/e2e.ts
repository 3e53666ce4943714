/**
 * The shared set-up of the end-to-end tests: one Chromium per file; the browser contexts and
 * servers a test opens are closed, and the servers' data removed, after it (or, with `perFile`,
 * after the last test of the file).
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { testScope } from './scope.ts';
import { removeDir, startTestServer, type TestServer } from './server.ts';

export interface ChromiumBench {
  /** Set once `beforeAll` has run. */
  browser: Browser;
  /** Closed after each test (`perFile`: after the file). */
  contexts: BrowserContext[];
  /** Stopped after each test (`perFile`: after the file), their data folders removed. */
  servers: TestServer[];
  /** A page in a context of its own (default viewport 1440 × 900). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  server(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer>;
}

/** Registers the hooks of the calling test file. */
export function chromiumPerFile(options: { officeFonts?: boolean; perFile?: boolean } = {}): ChromiumBench {
  const bench = { contexts: [], servers: [] } as unknown as ChromiumBench;
  bench.newPage = async (contextOptions = { viewport: { width: 1440, height: 900 } }) => {
    const context = await bench.browser.newContext(contextOptions);
    bench.contexts.push(context);
    return context.newPage();
  };
  bench.server = async (serverOptions = {}) => {
    const server = await startTestServer(serverOptions);
    bench.servers.push(server);
    return server;
  };

  const closeAll = async () => {
    for (const c of bench.contexts.splice(0)) await c.close().catch(() => undefined);
    for (const s of bench.servers.splice(0)) {
      await s.stop().catch(() => undefined);
      removeDir(s.dataDir);
    }
  };

  beforeAll(async () => {
    bench.browser = await launchChromium({ officeFonts: options.officeFonts });
  });

  if (!options.perFile) afterEach(closeAll);

  afterAll(async () => {
    await closeAll();
    await bench.browser?.close();
  });
  return bench;
}

export interface ServerAndBrowser {
  /** Set once `beforeAll` has run. */
  server: TestServer;
  browser: Browser;
}

/**
 * One server (with `options`) and one browser (`launch`: a Chromium) for the calling test file,
 * started before its tests; the browser closed, the server stopped and its data removed after them.
 */
export function serverAndBrowserPerFile(
  options: Parameters<typeof startTestServer>[0] = {},
  launch: () => Promise<Browser> = () => launchChromium(),
): ServerAndBrowser {
  const file = testScope({ perFile: true });
  const bench = {} as ServerAndBrowser;
  beforeAll(async () => {
    bench.server = await file.server(options);
    bench.browser = await launch();
    file.cleanup.push(() => bench.browser.close());
  });
  return bench;
}
