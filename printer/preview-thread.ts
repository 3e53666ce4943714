/**
 * Printout previews rendered on a worker thread (`preview-worker.mjs`), one per process and
 * started on first use. Should the worker not start or die, previews are rendered inline.
 */
import { Worker } from 'node:worker_threads';
import { type PreviewOptions, previewBytes } from './preview.ts';

type Pending = { resolve: (png: Uint8Array) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
let broken = false;
let nextId = 0;
/** Previews rendered by the worker so far (for tests and diagnostics). */
export let renderedOffThread = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  broken = true;
  worker = undefined;
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function thread(): Worker | undefined {
  if (broken) return undefined;
  if (worker) return worker;
  try {
    const w = new Worker(new URL('./preview-worker.mjs', import.meta.url));
    w.on('message', (m: { id?: number; png?: Uint8Array; error?: string }) => {
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (!p) return;
      if (m.png) {
        renderedOffThread++;
        p.resolve(new Uint8Array(m.png));
      } else p.reject(new Error(m.error ?? 'preview failed'));
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', () => failAll(new Error('preview worker stopped')));
    w.unref();
    worker = w;
    return w;
  } catch {
    broken = true;
    return undefined;
  }
}

/** The PNG preview of ESC/POS bytes, rendered off the main thread when possible. */
export async function renderPreviewOffThread(bytes: Uint8Array, options: PreviewOptions = {}): Promise<Uint8Array> {
  const w = thread();
  if (!w) return previewBytes(bytes, options);
  const id = nextId++;
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, bytes, options });
    });
  } catch {
    return previewBytes(bytes, options);
  }
}
