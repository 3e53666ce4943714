/**
 * What a test opens (servers, sockets, emulators) is closed after it, in reverse order, and a
 * server's data folder removed: one `afterEach` for the file.
 */
import { afterEach } from 'vitest';
import { removeDir, startTestServer, type TestServer, tempDataDir } from './server.ts';

export type Cleanup = () => Promise<void> | void;

export interface TestScope {
  /** Run after the test, last pushed first. */
  cleanup: Cleanup[];
  /** A test server stopped after the test; its data folder is removed unless the test gave one. */
  server(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer>;
}

/** Registers the `afterEach` of the calling test file. */
export function testScope(): TestScope {
  const cleanup: Cleanup[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  return {
    cleanup,
    async server(options = {}) {
      const dataDir = options.dataDir ?? tempDataDir();
      if (!options.dataDir) cleanup.push(() => removeDir(dataDir));
      const s = await startTestServer({ ...options, dataDir });
      cleanup.push(() => s.stop());
      return s;
    },
  };
}
