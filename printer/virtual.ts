/**
 * Virtual printer for development and demos: each job is saved as `<dir>/<name>.bin` with a
 * PNG preview `<dir>/<name>.png`, named after the ticket id or a running counter.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialQueue } from './async.ts';
import { PrinterError } from './errors.ts';
import { previewBytes } from './preview.ts';
import type { PrintJob, PrinterTransport } from './transport.ts';
import type { PrinterStatus } from './types.ts';

export interface VirtualTransportOptions {
  dir: string;
  paperWidthMm?: 58 | 80;
}

export interface VirtualPrint {
  name: string;
  binPath: string;
  pngPath: string;
}

/** A file name from a ticket id: letters, digits, `.`, `_` and `-` only, not starting with a dot. */
export function jobFileName(id: string): string {
  const safe = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 100);
  return safe || '_';
}

export class VirtualTransport implements PrinterTransport {
  readonly kind = 'virtual';
  private readonly queue = new SerialQueue();
  private counter: number | undefined;
  private closed = false;
  /** Jobs saved by this instance, oldest first. */
  readonly printed: VirtualPrint[] = [];

  constructor(private readonly opts: VirtualTransportOptions) {}

  print(bytes: Uint8Array, job: PrintJob = {}): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) throw new PrinterError('closed', 'transport closed');
      try {
        await mkdir(this.opts.dir, { recursive: true });
        const name = job.id ? jobFileName(job.id) : await this.nextNumber();
        const binPath = join(this.opts.dir, `${name}.bin`);
        const pngPath = join(this.opts.dir, `${name}.png`);
        await writeFile(binPath, bytes);
        const png = previewBytes(bytes, this.opts.paperWidthMm ? { paperWidthMm: this.opts.paperWidthMm } : {});
        await writeFile(pngPath, png);
        this.printed.push({ name, binPath, pngPath });
      } catch (error) {
        if (error instanceof PrinterError) throw error;
        throw new PrinterError('io', `virtual printer cannot write to ${this.opts.dir}: ${String(error)}`, {
          cause: error,
        });
      }
    });
  }

  /** Continues after the highest numbered file already in the directory. */
  private async nextNumber(): Promise<string> {
    if (this.counter === undefined) {
      const names = await readdir(this.opts.dir);
      this.counter = names.reduce((max, n) => {
        const m = /^(\d+)\.bin$/.exec(n);
        return m ? Math.max(max, Number(m[1])) : max;
      }, 0);
    }
    this.counter++;
    return String(this.counter).padStart(6, '0');
  }

  async status(): Promise<PrinterStatus> {
    return { online: !this.closed, coverOpen: false, paperNearEnd: false, paperOut: false };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.run(async () => undefined);
  }
}
