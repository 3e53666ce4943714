/**
 * The shared set-up of the lobby-screen audio tests: one sound setup and one headful Chromium per
 * file, servers of the audio office started per test and stopped (with their data) after it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { removeDir, startTestServer, type TestServer } from '../helpers/server.ts';
import { audioOffice, clerk, launchHeadful } from './fixture.ts';
import { type SoundEnv, startSoundEnv } from './sound-env.ts';

export interface SoundBench {
  env: SoundEnv;
  browser: Browser;
  /** Servers stopped after each test; a test that stops one itself takes it out. */
  servers: TestServer[];
  /** A server of the audio office and a clerk signed in to it. */
  office(): Promise<{ server: TestServer; clerk: Awaited<ReturnType<typeof clerk>> }>;
}

/** Registers the file's hooks; the fields are set once `beforeAll` has run. */
export function useSoundBench(options: { voices: boolean }): SoundBench {
  const bench = { servers: [] as TestServer[] } as unknown as SoundBench;
  bench.office = async () => {
    const server = await startTestServer({ office: audioOffice() });
    bench.servers.push(server);
    return { server, clerk: await clerk(server.url) };
  };

  beforeAll(async () => {
    bench.env = await startSoundEnv();
    bench.browser = await launchHeadful(bench.env, options);
  });

  afterEach(async () => {
    for (const context of bench.browser.contexts()) await context.close().catch(() => undefined);
    for (const s of bench.servers.splice(0)) {
      await s.stop().catch(() => undefined);
      removeDir(s.dataDir);
    }
  });

  afterAll(async () => {
    await bench.browser?.close().catch(() => undefined);
    await bench.env?.stop();
  });
  return bench;
}
