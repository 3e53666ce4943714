/**
 * One printer as the print service keeps it (connection, layout, health, counters), how one is
 * made from its setting, and the views of it that admins and kiosks get.
 */
import { isAbsolute, resolve } from 'node:path';
import type { PrintErrorCode } from '../../core/api.ts';
import type { PrinterAdminView, PrinterKind, PrinterStatusView } from '../../core/events.ts';
import {
  createTransport,
  type PrinterConfig,
  PrinterConfigError,
  type PrinterStatus,
  type PrinterTransport,
  type PrintLayoutOptions,
  type TcpTransportOptions,
} from '../../printer/index.ts';
import { problemOf, stateOf } from './printable.ts';
import { printerPlaceProblem } from './printer-places.ts';

export interface Printer {
  id: string;
  /** What makes two kiosks share it: `url:<LOTSE_PRINTER value>` or `agent:<kioskId>`. */
  key: string;
  name: string;
  kind: PrinterKind;
  target: string;
  kioskIds: string[];
  /** Absent for agent printers. */
  transport?: PrinterTransport;
  layout: PrintLayoutOptions;
  status?: PrinterStatus;
  checkedAt?: number;
  checking: boolean;
  printed: number;
  failed: number;
  lastPrintedAt?: number;
  lastFailure?: { at: number; error: PrintErrorCode };
  /** What was pushed last, so only changes are pushed. */
  pushed?: string;
  /** The end of the tickets queued for this printer (they print one after another). */
  line: Promise<unknown>;
  /** Tickets dropped unprinted because they waited longer than `jobMaxAgeMs`. */
  dropped: number;
}

/** Failures of a network printer that all read as "does not answer" to the admin. */
const TCP_SILENCE = new Set<PrintErrorCode>([
  'PRINTER_UNREACHABLE',
  'PRINTER_TIMEOUT',
  'CONNECTION_LOST',
  'PRINTER_OFFLINE',
]);

const iso = (ms: number) => new Date(ms).toISOString();

/** What admins see of a printer (with its address and the printer's own words). */
export function adminView(p: Printer, agent: { agentConnected: boolean; pendingJobs: number }): PrinterAdminView {
  const agentMissing = p.kind === 'agent' && !agent.agentConnected;
  const status: PrinterStatus | undefined = agentMissing
    ? { online: false, coverOpen: false, paperNearEnd: false, paperOut: false, error: 'print agent not connected' }
    : p.status;
  const view: PrinterAdminView = {
    id: p.id,
    name: p.name,
    kind: p.kind,
    target: p.target,
    kioskIds: [...p.kioskIds],
    state: p.kind === 'none' ? 'off' : stateOf(status),
    online: status?.online ?? false,
    coverOpen: status?.coverOpen ?? false,
    paperNearEnd: status?.paperNearEnd ?? false,
    paperOut: status?.paperOut ?? false,
    partial: status?.partial ?? false,
    checkedAt: p.checkedAt === undefined ? null : iso(p.checkedAt),
    printed: p.printed,
    failed: p.failed,
    pendingJobs: agent.pendingJobs,
  };
  const problem = agentMissing ? 'AGENT_OFFLINE' : status && p.kind !== 'none' ? problemOf(status) : undefined;
  // A network printer that does not answer is reported one way, whatever the reason: the
  // admin view must not tell a closed port from an open one that is no printer.
  const silentTcp = p.kind === 'tcp' && problem !== undefined && TCP_SILENCE.has(problem);
  if (problem) view.problem = silentTcp ? 'PRINTER_UNREACHABLE' : problem;
  if (status?.error) view.detail = silentTcp ? 'the printer does not answer' : status.error;
  if (p.lastPrintedAt !== undefined) view.lastPrintedAt = iso(p.lastPrintedAt);
  if (p.lastFailure) {
    const error =
      p.kind === 'tcp' && TCP_SILENCE.has(p.lastFailure.error) ? 'PRINTER_UNREACHABLE' : p.lastFailure.error;
    view.lastFailure = { at: iso(p.lastFailure.at), error };
  }
  return view;
}

/** What kiosks may see: no address, no printer messages. */
export function publicView(admin: PrinterAdminView): PrinterStatusView {
  const { target: _target, detail: _detail, ...view } = admin;
  return view;
}

/** A printer without a connection (an agent's, or none). */
export function blankPrinter(id: string, name: string, kind: PrinterKind, target: string): Printer {
  return {
    id,
    key: '',
    name,
    kind,
    target,
    kioskIds: [],
    layout: { paperWidthMm: 80, nativeQr: true, nonLatin: 'raster' },
    checking: false,
    printed: 0,
    failed: 0,
    line: Promise.resolve(),
    dropped: 0,
  };
}

/** A printer from its setting; `PrinterConfigError` for a place printers may not use. */
export function makePrinter(
  key: string,
  id: string,
  name: string,
  config: PrinterConfig,
  where: {
    dataDir: string;
    devices: readonly string[];
    virtualDir: string;
    tcp?: Omit<TcpTransportOptions, 'host' | 'port'> | undefined;
  },
): Printer {
  const problem = printerPlaceProblem(config, { dataDir: where.dataDir, devices: where.devices });
  if (problem) throw new PrinterConfigError(problem);
  const resolved: PrinterConfig =
    config.kind === 'virtual' && config.dir && !isAbsolute(config.dir)
      ? { ...config, dir: resolve(where.dataDir, config.dir) }
      : config;
  const transport = createTransport(resolved, {
    virtualDir: where.virtualDir,
    tcp: { connectTimeoutMs: 2500, statusTimeoutMs: 1500, writeTimeoutMs: 8000, retries: 1, ...where.tcp },
  });
  let target: string;
  switch (resolved.kind) {
    case 'tcp':
      target = `tcp://${resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host}:${resolved.port}`;
      break;
    case 'file':
      target = `file:${resolved.path}`;
      break;
    case 'virtual':
      target = `virtual:${resolved.dir ?? where.virtualDir}`;
      break;
    case 'none':
      target = 'none';
      break;
  }
  const printer = { ...blankPrinter(id, name, resolved.kind, target), key, transport };
  if (resolved.kind !== 'none') printer.layout = { ...printer.layout, ...resolved.layout };
  return printer;
}
