import { defineConfig } from 'vitest/config';

/**
 * The layout suite: every app state at the sizes offices use, in a real Chromium that knows only
 * DejaVu and Liberation, with the bundled fonts and with them blocked (`npm run test:layout`).
 */
export default defineConfig({
  test: {
    include: ['test/layout/**/*.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
