/**
 * Printer behind a device file (`/dev/usb/lp0`): every job is appended in one write. A device
 * file tells nothing about paper or cover, so the status only says whether it can be written.
 */
import { constants } from 'node:fs';
import { access, open } from 'node:fs/promises';
import { SerialQueue, withTimeout } from './async.ts';
import { PrinterError } from './errors.ts';
import type { PrintJob, PrinterTransport } from './transport.ts';
import type { PrinterStatus } from './types.ts';

export interface FileTransportOptions {
  path: string;
  /** A USB printer that is off or out of paper can block a write; default 10 s. */
  writeTimeoutMs?: number;
}

function errorCode(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
}

export class FileTransport implements PrinterTransport {
  readonly kind = 'file';
  private readonly queue = new SerialQueue();
  private closed = false;

  constructor(private readonly opts: FileTransportOptions) {}

  print(bytes: Uint8Array, _job?: PrintJob): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) throw new PrinterError('closed', 'transport closed');
      const { path, writeTimeoutMs = 10_000 } = this.opts;
      let file: Awaited<ReturnType<typeof open>>;
      try {
        file = await open(path, 'a');
      } catch (error) {
        const code = errorCode(error);
        const kind =
          code === 'ENOENT' || code === 'ENXIO' || code === 'ENODEV' || code === 'EACCES' ? 'unreachable' : 'io';
        throw new PrinterError(kind, `cannot open ${path}: ${code ?? String(error)}`, { cause: error });
      }
      try {
        await withTimeout(file.writeFile(bytes), writeTimeoutMs, `writing to ${path}`);
      } catch (error) {
        if (error instanceof PrinterError) throw error;
        throw new PrinterError('io', `writing to ${path} failed: ${errorCode(error) ?? String(error)}`, {
          cause: error,
        });
      } finally {
        await file.close().catch(() => undefined);
      }
    });
  }

  async status(): Promise<PrinterStatus> {
    const base = { coverOpen: false, paperNearEnd: false, paperOut: false, partial: true };
    if (this.closed) return { ...base, online: false, error: 'transport closed' };
    try {
      await access(this.opts.path, constants.W_OK);
      return { ...base, online: true };
    } catch (error) {
      return { ...base, online: false, error: `${this.opts.path}: ${errorCode(error) ?? String(error)}` };
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.run(async () => undefined);
  }
}
