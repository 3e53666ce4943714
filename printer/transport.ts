/**
 * One interface for every way a ticket reaches paper, and the factory that builds a transport
 * from a parsed LOTSE_PRINTER value (see `printer-url.ts`).
 */
import { FileTransport, type FileTransportOptions } from './file-transport.ts';
import type { PrinterConfig } from './printer-url.ts';
import { TcpTransport, type TcpTransportOptions } from './tcp.ts';
import type { PrinterStatus } from './types.ts';
import { VirtualTransport } from './virtual.ts';

/** What the server may tell a transport about a job. */
export interface PrintJob {
  /** Ticket id; the virtual printer names its files after it. */
  id?: string;
}

export interface PrinterTransport {
  readonly kind: 'tcp' | 'file' | 'virtual' | 'none';
  /** Sends one job; rejects with a `PrinterError` when it cannot have been printed. */
  print(bytes: Uint8Array, job?: PrintJob): Promise<void>;
  /** Never rejects: an unreachable printer is `online: false` with `error` set. */
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/** `LOTSE_PRINTER=none`: no printer. Jobs are accepted and dropped; the status says why. */
export class NoneTransport implements PrinterTransport {
  readonly kind = 'none';

  async print(): Promise<void> {}

  async status(): Promise<PrinterStatus> {
    return { online: false, coverOpen: false, paperNearEnd: false, paperOut: false, error: 'no printer configured' };
  }

  async close(): Promise<void> {}
}

export interface TransportOptions {
  tcp?: Omit<TcpTransportOptions, 'host' | 'port'>;
  file?: Omit<FileTransportOptions, 'path'>;
  /** Directory of the virtual printer when LOTSE_PRINTER is just `virtual`. */
  virtualDir?: string;
  /** Paper width for the virtual printer's PNG previews. */
  paperWidthMm?: 58 | 80;
}

export function createTransport(config: PrinterConfig, options: TransportOptions = {}): PrinterTransport {
  switch (config.kind) {
    case 'tcp':
      return new TcpTransport({ ...options.tcp, host: config.host, port: config.port });
    case 'file':
      return new FileTransport({ ...options.file, path: config.path });
    case 'virtual': {
      const dir = config.dir ?? options.virtualDir;
      if (!dir)
        throw new TypeError('the virtual printer needs a directory: LOTSE_PRINTER=virtual:/path or options.virtualDir');
      const paperWidthMm = config.layout.paperWidthMm ?? options.paperWidthMm;
      return new VirtualTransport(paperWidthMm ? { dir, paperWidthMm } : { dir });
    }
    case 'none':
      return new NoneTransport();
  }
}
