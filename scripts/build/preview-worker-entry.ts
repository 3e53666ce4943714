/**
 * The printout-preview worker of the production bundle (`dist/preview-worker.mjs`): the same
 * protocol as `printer/preview-worker.mjs`, with the renderer bundled in instead of loaded
 * through tsx.
 */
import { parentPort } from 'node:worker_threads';
import { previewBytes } from '../../printer/preview.ts';

parentPort?.on('message', ({ id, bytes, options }) => {
  try {
    const png = previewBytes(bytes, options);
    parentPort?.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
parentPort?.postMessage({ ready: true });
