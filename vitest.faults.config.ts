import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): full disks on a small tmpfs, damaged journals and
 * snapshots, a second writer, PostgreSQL and Redis killed under load. Needs root (it mounts
 * tmpfs) and runs one file at a time; `.ci/run` runs it after `npm test`.
 */
export default defineConfig({
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
