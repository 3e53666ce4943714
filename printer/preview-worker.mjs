/**
 * Renders printout previews (ESC/POS bytes to PNG) off the main thread: a PNG of a ticket takes
 * tens of milliseconds of CPU, which would otherwise stall every other request of the server.
 * Plain JavaScript so it starts in any runtime; the TypeScript renderer is loaded through tsx
 * when the process does not already load TypeScript.
 */
import { parentPort } from 'node:worker_threads';

async function load() {
  // tsx in its own namespace: works whether or not the process already loads TypeScript.
  const { register } = await import('tsx/esm/api');
  const api = register({ namespace: 'lotse-preview' });
  return await api.import('./preview.ts', import.meta.url);
}

const { previewBytes } = await load();

parentPort?.on('message', ({ id, bytes, options }) => {
  try {
    const png = previewBytes(bytes, options);
    parentPort?.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: String(error) });
  }
});
parentPort?.postMessage({ ready: true });
