/**
 * Virtual printer for development and demos: each job is saved as `<dir>/<name>.bin` with a
 * PNG preview `<dir>/<name>.png`, named after the ticket id or a running counter.
 *
 * The folder is bounded: at most `maxJobs` printouts and `maxBytes` bytes stay (those already
 * there when the printer starts included); beyond that the oldest are removed as new ones come.
 * A flood of tickets can then neither fill the disk nor keep thousands of phone-page links.
 */
import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialQueue } from './async.ts';
import { PrinterError } from './errors.ts';
import { renderPreviewOffThread } from './preview-thread.ts';
import type { PrintJob, PrinterTransport } from './transport.ts';
import type { PrinterStatus } from './types.ts';

export interface VirtualTransportOptions {
  dir: string;
  paperWidthMm?: 58 | 80;
  /** Printouts kept in the folder, oldest removed first (default 1000). */
  maxJobs?: number;
  /** Bytes of printouts (`.bin` and `.png`) kept in the folder (default 32 MiB). */
  maxBytes?: number;
}

export const VIRTUAL_MAX_JOBS = 1000;
export const VIRTUAL_MAX_BYTES = 32 * 1024 * 1024;
/** Jobs listed in `VirtualTransport.printed`. */
const PRINTED_CAP = 100;

interface KeptPrint {
  name: string;
  bytes: number;
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
  /** The last jobs saved by this instance (at most 100), oldest first. */
  readonly printed: VirtualPrint[] = [];
  /** The printouts in the folder, oldest first (read from the folder at the first job). */
  private kept: KeptPrint[] | undefined;
  private keptBytes = 0;
  private readonly maxJobs: number;
  private readonly maxBytes: number;

  constructor(private readonly opts: VirtualTransportOptions) {
    this.maxJobs = Math.max(1, opts.maxJobs ?? VIRTUAL_MAX_JOBS);
    this.maxBytes = Math.max(1, opts.maxBytes ?? VIRTUAL_MAX_BYTES);
  }

  print(bytes: Uint8Array, job: PrintJob = {}): Promise<void> {
    return this.queue.run(async () => {
      if (this.closed) throw new PrinterError('closed', 'transport closed');
      try {
        await mkdir(this.opts.dir, { recursive: true });
        const kept = await this.index();
        const name = job.id ? jobFileName(job.id) : await this.nextNumber();
        const binPath = join(this.opts.dir, `${name}.bin`);
        const pngPath = join(this.opts.dir, `${name}.png`);
        await writeFile(binPath, bytes);
        const png = await renderPreviewOffThread(
          bytes,
          this.opts.paperWidthMm ? { paperWidthMm: this.opts.paperWidthMm } : {},
        );
        await writeFile(pngPath, png);
        this.printed.push({ name, binPath, pngPath });
        if (this.printed.length > PRINTED_CAP) this.printed.shift();
        const again = kept.findIndex((k) => k.name === name);
        if (again >= 0) this.keptBytes -= (kept.splice(again, 1)[0] as KeptPrint).bytes;
        kept.push({ name, bytes: bytes.length + png.length });
        this.keptBytes += bytes.length + png.length;
        await this.trim(kept);
      } catch (error) {
        if (error instanceof PrinterError) throw error;
        throw new PrinterError('io', `virtual printer cannot write to ${this.opts.dir}: ${String(error)}`, {
          cause: error,
        });
      }
    });
  }

  /** The printouts already in the folder, oldest first (read once). */
  private async index(): Promise<KeptPrint[]> {
    if (this.kept) return this.kept;
    const sizes = new Map<string, { bytes: number; mtime: number }>();
    for (const file of await readdir(this.opts.dir)) {
      const m = /^(.+)\.(bin|png)$/.exec(file);
      if (!m) continue;
      const info = await stat(join(this.opts.dir, file)).catch(() => undefined);
      if (!info?.isFile()) continue;
      const entry = sizes.get(m[1] as string) ?? { bytes: 0, mtime: 0 };
      entry.bytes += info.size;
      entry.mtime = Math.max(entry.mtime, info.mtimeMs);
      sizes.set(m[1] as string, entry);
    }
    const kept = [...sizes.entries()]
      .sort((a, b) => a[1].mtime - b[1].mtime || a[0].localeCompare(b[0]))
      .map(([name, e]) => ({ name, bytes: e.bytes }));
    this.kept = kept;
    this.keptBytes = kept.reduce((sum, k) => sum + k.bytes, 0);
    return kept;
  }

  /** Removes the oldest printouts while the folder holds too many or too large ones (never the newest). */
  private async trim(kept: KeptPrint[]): Promise<void> {
    while (kept.length > 1 && (kept.length > this.maxJobs || this.keptBytes > this.maxBytes)) {
      const oldest = kept.shift() as KeptPrint;
      this.keptBytes -= oldest.bytes;
      for (const ext of ['bin', 'png'])
        await unlink(join(this.opts.dir, `${oldest.name}.${ext}`)).catch(() => undefined);
    }
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
