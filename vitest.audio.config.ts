import { defineConfig } from 'vitest/config';

/**
 * The audio suite (`npm run test:audio`): lobby screen, kiosk and phone page in a headful
 * Chromium on Xvfb, playing into a PulseAudio null sink whose recording is measured with sox.
 * Needs Debian's xvfb, pulseaudio, speech-dispatcher(-espeak-ng), espeak-ng and sox (`.ci/run`
 * installs them). One file at a time: they share one sound card.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    include: ['test/audio/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
