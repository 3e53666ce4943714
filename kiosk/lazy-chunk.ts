/**
 * A part of the kiosk that is not needed for its first screen comes as a chunk of its own: it
 * stays out of the first load, is fetched in the background once the kiosk runs (`prefetch`), and
 * at the latest when a visitor needs it (`load`), so it is at hand, also offline, by then.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

export interface LazyChunk<T> {
  /** The loaded module, or null until it has come (reading it re-renders when it comes). */
  module: ReadonlySignal<T | null>;
  /** Fetches the chunk (once; a failed fetch is tried again on the next call). */
  load(): Promise<T>;
  /** Fetches the chunk a moment after start, when the screen is drawn and the network is calm. */
  prefetch(delayMs?: number): void;
}

export function lazyChunk<T>(importer: () => Promise<T>): LazyChunk<T> {
  const module = signal<T | null>(null);
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> => {
    loading ??= importer().then(
      (loaded) => {
        module.value = loaded;
        return loaded;
      },
      (error: unknown) => {
        loading = undefined; // try again next time
        throw error;
      },
    );
    return loading;
  };
  return {
    module,
    load,
    prefetch(delayMs = 1500) {
      setTimeout(() => void load().catch(() => {}), delayMs);
    },
  };
}
