/**
 * The screens after the first touch (the ticket with its QR code, an online form, booking, the
 * chosen concerns) come as a chunk of their own (`lazy-chunk.ts`): out of the kiosk's first load,
 * fetched in the background once the kiosk runs and at the latest when a visitor touches a concern.
 */
import { lazyChunk } from './lazy-chunk.ts';

const chunk = lazyChunk(() => import('./ticket-ui.ts'));

/** The loaded module, or null until it has come. */
export const ticketUi = chunk.module;
export const loadTicketUi = chunk.load;
export const prefetchTicketUi = chunk.prefetch;
