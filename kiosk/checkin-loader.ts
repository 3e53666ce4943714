/**
 * The check-in keypad, its refusals and texts in six languages come as a chunk of their own
 * (`lazy-chunk.ts`): out of the kiosk's first load, fetched in the background once the kiosk runs.
 */
import { lazyChunk } from './lazy-chunk.ts';

const chunk = lazyChunk(() => import('./checkin-ui.ts'));

/** The loaded module, or null until it has come. */
export const checkinUi = chunk.module;
export const loadCheckinUi = chunk.load;
export const prefetchCheckin = chunk.prefetch;
