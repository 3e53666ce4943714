import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure modules, beside the code), `integration` (a real server on a
 * random port with real socket.io clients) and `e2e` (a real Chromium against a real server).
 * `npm test` builds the apps first, then runs all three.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'core/**/*.test.ts',
            'printer/**/*.test.ts',
            'server/**/*.test.ts',
            'ui/**/*.test.{ts,tsx}',
            'display/**/*.test.ts',
            'kiosk/**/*.test.ts',
            'admin/**/*.test.{ts,tsx}',
            'counter/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
          // Property tests and simulated weeks run several seconds; the machine is shared.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
