/** Test helpers for printing: socket.io clients of the `/print` namespace. */
import type { Socket } from 'socket.io-client';
import {
  PRINT_NAMESPACE,
  type PrintClientToServerEvents,
  type PrinterStatusView,
  type PrintServerToClientEvents,
} from '../../core/events.ts';
import { connectSocket } from './server.ts';

export type PrintClient = Socket<PrintServerToClientEvents, PrintClientToServerEvents>;

/** A real client of namespace `/print`, optionally signed in with a session token. */
export function connectPrintClient(url: string, token?: string): Promise<PrintClient> {
  return connectSocket<PrintClient>(url + PRINT_NAMESPACE, token);
}

/** Resolves with the first `printer:status` push that satisfies `test` (fails after `ms`). */
export function statusWhere(
  socket: PrintClient,
  test: (view: PrinterStatusView) => boolean,
  ms = 5000,
): Promise<PrinterStatusView> {
  return new Promise((resolve, reject) => {
    const seen: string[] = [];
    const timer = setTimeout(() => {
      socket.off('printer:status', listener);
      reject(new Error(`no matching printer:status within ${ms} ms; saw ${seen.join(', ') || 'none'}`));
    }, ms);
    const listener = (view: PrinterStatusView) => {
      seen.push(`${view.id}:${view.state}${view.problem ? `/${view.problem}` : ''}`);
      if (!test(view)) return;
      clearTimeout(timer);
      socket.off('printer:status', listener);
      resolve(view);
    };
    socket.on('printer:status', listener);
  });
}
