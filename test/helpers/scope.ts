/**
 * What a test opens (servers, sockets, emulators) is closed after it, in reverse order, and a
 * server's data folder removed: one `afterEach` for the file, or with `perFile` one `afterAll`
 * (for what the file's `beforeAll` opens once for all its tests).
 */
import { afterAll, afterEach } from 'vitest';
import {
  type ClientSocket,
  connectClient,
  removeDir,
  startTestServer,
  type TestServer,
  tempDataDir,
} from './server.ts';

export type Cleanup = () => Promise<void> | void;

export interface TestScope {
  /** Run after the test (`perFile`: after the file), last pushed first. */
  cleanup: Cleanup[];
  /** A test server stopped after the test; its data folder is removed unless the test gave one. */
  server(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer>;
  /** A real socket.io client of `url`, optionally signed in, disconnected after the test. */
  client(url: string, token?: string): Promise<ClientSocket>;
}

/**
 * Registers the `afterEach` of the calling test file (`perFile`: its `afterAll`, or the
 * describe block's when called inside one).
 */
export function testScope(options: { perFile?: boolean } = {}): TestScope {
  const cleanup: Cleanup[] = [];
  (options.perFile ? afterAll : afterEach)(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  return {
    cleanup,
    async server(serverOptions = {}) {
      const dataDir = serverOptions.dataDir ?? tempDataDir();
      if (!serverOptions.dataDir) cleanup.push(() => removeDir(dataDir));
      const s = await startTestServer({ ...serverOptions, dataDir });
      cleanup.push(() => s.stop());
      return s;
    },
    async client(url, token) {
      const socket = await connectClient(url, token);
      cleanup.push(() => {
        socket.disconnect();
      });
      return socket;
    },
  };
}
