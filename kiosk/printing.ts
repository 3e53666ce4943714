/**
 * The kiosk's printer: which kiosk this is (`/kiosk?kiosk=<id>`, sent with every ticket so the
 * server prints on this kiosk's printer), that printer's health pushed over socket.io
 * (namespace `/print`), and late print outcomes (`print:result`) for a ticket still on screen.
 * Nothing here ever holds a ticket back: printing is reported, not waited for.
 */
import { signal } from '@preact/signals';
import { io, type Socket } from 'socket.io-client';
import type { PrintStatus } from '../core/api.ts';
import {
  PRINT_NAMESPACE,
  type PrintClientToServerEvents,
  type PrinterStatusView,
  type PrintServerToClientEvents,
} from '../core/events.ts';

type PrintSocket = Socket<PrintServerToClientEvents, PrintClientToServerEvents>;

const KIOSK_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** This kiosk's id from its address, or undefined (then it prints on LOTSE_PRINTER). */
export function readKioskId(
  search: string = typeof location === 'undefined' ? '' : location.search,
): string | undefined {
  const id = new URLSearchParams(search).get('kiosk') ?? undefined;
  return id && KIOSK_ID.test(id) ? id : undefined;
}

export const kioskId = readKioskId();

/** The health of this kiosk's printer, as last pushed (null before the first answer). */
export const kioskPrinter = signal<PrinterStatusView | null>(null);

/** Late outcome of a ticket's printout (it was `pending` when the ticket came). */
export type PrintResultListener = (ticketId: string, status: PrintStatus) => void;

let socket: PrintSocket | undefined;
const resultListeners = new Set<PrintResultListener>();

/** Starts following this kiosk's printer (once; renewed after every reconnect). */
export function watchPrinter(): void {
  if (socket) return;
  socket = io(PRINT_NAMESPACE, { transports: ['websocket', 'polling'], reconnectionDelayMax: 5000 });
  const s = socket;
  const watch = () => {
    s.timeout(8000).emit('printer:watch', kioskId ? { kioskId } : {}, (err, ack) => {
      if (!err && ack?.ok) kioskPrinter.value = ack.data[0] ?? null;
    });
  };
  s.on('connect', watch);
  s.on('disconnect', () => {
    kioskPrinter.value = null; // unknown while away
  });
  s.on('printer:status', (view) => {
    kioskPrinter.value = view;
  });
  s.on('print:result', ({ ticketId, print }) => {
    for (const listener of resultListeners) listener(ticketId, print.status);
  });
}

export function onPrintResult(listener: PrintResultListener): () => void {
  resultListeners.add(listener);
  return () => resultListeners.delete(listener);
}

/**
 * What the visitor is told about the printout. `pending` with a printer known to be out of
 * order (no paper, cover open, offline, agent gone) is a failure for the visitor: no ticket
 * will come out while they stand there.
 */
export function visitorOutcome(
  print: PrintStatus | undefined,
  printer: PrinterStatusView | null = kioskPrinter.value,
): PrintStatus | undefined {
  if (print === 'pending' && printer?.state === 'error') return 'failed';
  return print;
}
