/**
 * An append-only journal of live-day changes: one JSON line per mutation, fdatasync'd before
 * the mutation is confirmed to anyone. Replayed over the last snapshot at start.
 *
 * A last line without its newline is a write cut off by a crash (never confirmed): its bytes
 * are kept in a `.torn-*` file beside the journal and the journal continues without it.
 * Any other unreadable line is corruption: the server refuses to start and names the file.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { DayDelta } from '../../core/day-delta.ts';
import { StoreError } from './store.ts';

export interface JournalEntry {
  n: number;
  delta: DayDelta;
}

export class Journal {
  private fd: number | undefined;
  private bytes = 0;

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads every complete entry; keeps and cuts off a torn last line. Opens for appending. */
  open(): JournalEntry[] {
    const entries: JournalEntry[] = [];
    if (existsSync(this.path)) {
      const buffer = readFileSync(this.path);
      const end = buffer.lastIndexOf(0x0a) + 1;
      const complete = buffer.subarray(0, end).toString('utf8');
      let line = 0;
      for (const text of complete.split('\n')) {
        line++;
        if (!text) continue;
        try {
          const entry = JSON.parse(text) as JournalEntry;
          if (typeof entry.n !== 'number' || !entry.delta) throw new Error('shape');
          entries.push(entry);
        } catch {
          throw new StoreError(
            `Journal ${this.path} is damaged at line ${line}; it was left untouched. ` +
              'Restore the data folder from a backup, or move the file away to start from the last snapshot.',
          );
        }
      }
      if (end < buffer.length) {
        writeFileSync(`${this.path}.torn-${this.now()}`, buffer.subarray(end));
        const fd = openSync(this.path, 'r+');
        ftruncateSync(fd, end);
        fdatasyncSync(fd);
        closeSync(fd);
      }
      this.bytes = end;
    }
    this.fd = openSync(this.path, 'a', 0o600);
    return entries;
  }

  /** Appends one entry and waits until it is on disk. */
  append(entry: JournalEntry): void {
    if (this.fd === undefined) throw new StoreError(`Journal ${this.path} is not open`);
    const line = `${JSON.stringify(entry)}\n`;
    writeSync(this.fd, line);
    fdatasyncSync(this.fd);
    this.bytes += Buffer.byteLength(line);
  }

  size(): number {
    return this.bytes;
  }

  /** Empties the journal (after a durable snapshot holds everything in it). */
  reset(): void {
    if (this.fd === undefined) return;
    ftruncateSync(this.fd, 0);
    fdatasyncSync(this.fd);
    this.bytes = 0;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** For tests and tools: appends raw text as if a write had been cut off. */
export function appendRaw(path: string, text: string): void {
  appendFileSync(path, text, { mode: 0o600 });
}
