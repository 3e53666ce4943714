/**
 * An append-only journal of live-day changes, on disk before a change is confirmed to anyone
 * (written with O_DSYNC: a write returns once its data is stored), replayed over the last
 * snapshot at start. Each record carries its length and a CRC-32 (the format and its reading:
 * `journal-records.ts`). Appends run on libuv's thread pool, never on the event loop, and in
 * groups (group commit): the records queued while one group is written go to disk together with
 * the next write, so a burst costs a few synchronous writes, not one per change (see
 * `LowdbStore.flush`).
 * Beside it, `journal.ndjson.mark` holds the number of the last record confirmed (two checksummed
 * slots written in turn, so a torn write of the mark leaves the other slot intact; it follows
 * the commits without holding them up, see `markConfirmed`).
 *
 * At start only a torn *final* record (too short for its length, or failing its checksum) may be
 * dropped, and only if it was never confirmed (the mark is not past the records before it); its
 * bytes are kept in a `.torn-*` file. Any other damage refuses the start with the file, the
 * record and the repair command (`npm run repair`, see `repair.ts`).
 */
import {
  closeSync,
  constants,
  existsSync,
  fdatasync,
  fdatasyncSync,
  ftruncate,
  ftruncateSync,
  openSync,
  readFileSync,
  write,
  writeFileSync,
} from 'node:fs';
import { readFile as readFileAsync } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { logger } from '../logger.ts';
import { writeError, writeFileDurablyAsync } from './durable-file.ts';
import { encodeRecord, type JournalEntry, type JournalRead, readJournal } from './journal-records.ts';
import { StoreError } from './store.ts';

export {
  encodeRecord,
  type JournalDamage,
  type JournalEntry,
  type JournalRead,
  readJournal,
} from './journal-records.ts';

const log = logger('journal');

const SLOT = 32;

/**
 * Journal and mark are opened with O_DSYNC: a write returns once its data is on disk, as a write
 * followed by fdatasync would, but in one trip to the thread pool instead of two. (Each trip
 * waits for a pool thread to be scheduled; on a busy two-core machine that wait, not the disk,
 * was most of a ticket's slowest answers.)
 */
const APPEND_DURABLY = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC;
const WRITE_DURABLY = constants.O_RDWR | constants.O_DSYNC;

function markSlot(n: number): Buffer {
  const digits = String(n).padStart(16, '0');
  const sum = crc32(Buffer.from(digits)).toString(16).padStart(8, '0');
  return Buffer.from(`${`${digits} ${sum}`.padEnd(SLOT - 1, ' ')}\n`, 'ascii');
}

/** What each of the mark's two slots holds (null: unreadable or missing). */
function readMarkSlots(path: string): [number | null, number | null] {
  const slots: [number | null, number | null] = [null, null];
  if (!existsSync(path)) return slots;
  const buffer = readFileSync(path);
  for (const slot of [0, 1] as const) {
    if ((slot + 1) * SLOT > buffer.length) continue;
    const match = /^(\d{16}) ([0-9a-f]{8})/.exec(buffer.subarray(slot * SLOT, (slot + 1) * SLOT).toString('ascii'));
    if (!match) continue;
    if (
      crc32(Buffer.from(match[1] as string))
        .toString(16)
        .padStart(8, '0') !== match[2]
    )
      continue;
    slots[slot] = Number(match[1]);
  }
  return slots;
}

/** The number of the last confirmed record, or null when there is no (readable) mark. */
export function readMark(path: string): number | null {
  const [a, b] = readMarkSlots(path);
  return a === null && b === null ? null : Math.max(a ?? 0, b ?? 0);
}

/** Writes the mark afresh (both slots); for the repair and the first start. */
export function writeMark(path: string, n: number): void {
  writeFileSync(path, Buffer.concat([markSlot(n), markSlot(n)]), { mode: 0o600 });
  const fd = openSync(path, 'r+');
  try {
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class Journal {
  private fd: number | undefined;
  private markFd: number | undefined;
  private bytes = 0;
  /** A failed append left bytes behind that could not be cut off yet. */
  private dirty = false;
  /** The newest confirmed record, and the newest the mark holds (its writes follow the commits). */
  private markWanted = 0;
  private markWritten = 0;
  /** The mark's slot the next write goes to: never the one holding the newest value. */
  private markSlotNext = 0;
  /** The running mark writes (one at a time), if any. */
  private marking: Promise<void> | undefined;

  constructor(
    readonly path: string,
    private readonly now: () => number = Date.now,
  ) {}

  get markPath(): string {
    return `${this.path}.mark`;
  }

  /** Reads the journal strictly (throws on damage) without changing anything. */
  read(): JournalRead {
    if (!existsSync(this.path)) return { entries: [], end: 0, torn: null, damage: [] };
    return readJournal(this.path, readFileSync(this.path));
  }

  /** The number of the last confirmed record according to the mark (null: no mark yet). */
  confirmed(): number | null {
    return readMark(this.markPath);
  }

  /** Keeps a torn final record's bytes aside, cuts it off, and opens the journal for appending. */
  open(read: JournalRead, lastN: number): void {
    if (read.torn) {
      const aside = `${this.path}.torn-${this.now()}`;
      writeFileSync(aside, read.torn, { mode: 0o600 });
      const fd = openSync(this.path, 'r+');
      ftruncateSync(fd, read.end);
      fdatasyncSync(fd);
      closeSync(fd);
      log.warn(
        { file: this.path, bytes: read.torn.length, keptIn: aside },
        'dropped a torn last record that was never confirmed',
      );
    }
    this.bytes = read.end;
    this.fd = openSync(this.path, APPEND_DURABLY, 0o600);
    if (!existsSync(this.markPath)) writeMark(this.markPath, lastN);
    const [a, b] = readMarkSlots(this.markPath);
    this.markSlotNext = (a ?? -1) <= (b ?? -1) ? 0 : 1;
    this.markWanted = this.markWritten = Math.max(a ?? 0, b ?? 0);
    this.markFd = openSync(this.markPath, WRITE_DURABLY);
  }

  /**
   * Appends a group of entries (in order) and resolves once they are on disk, off the event loop.
   * The mark then records the last one as confirmed, beside the next commits (see `markConfirmed`):
   * the changes may be confirmed as soon as their records are on disk (the mark only tells a
   * damaged confirmed record from a torn unconfirmed one at start, and a record whose write
   * returned is not torn). `stored` is called then. When the write fails (disk full), the
   * journal is cut back to what it held before and a `StoreWriteError` is thrown: nothing of the
   * group was stored. Calls must not overlap (the store runs one group at a time).
   */
  async commit(entries: readonly JournalEntry[], stored?: () => void): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) throw new StoreError(`Journal ${this.path} is not open`);
    const last = entries.at(-1);
    if (!last) return;
    if (this.dirty) await this.cutBack();
    const record = entries.length === 1 ? encodeRecord(last) : Buffer.concat(entries.map(encodeRecord));
    try {
      await writeAll(fd, record);
    } catch (error) {
      this.dirty = true;
      try {
        await this.cutBack();
      } catch (cutError) {
        log.error({ err: cutError, file: this.path }, 'cannot cut off a failed journal write yet');
      }
      throw writeError(this.path, error);
    }
    this.bytes += record.length;
    stored?.();
    this.markConfirmed(last.n);
  }

  /**
   * Brings the mark up to record `n`, without holding up the next commit: a commit that waited
   * for the previous one's mark waited for a second synchronous disk write (up to a few
   * milliseconds on a busy disk, every time). The mark is written one write at a time, always with
   * the newest confirmed record, alternating between its two slots, so a torn write leaves the
   * value before it.
   */
  private markConfirmed(n: number): void {
    this.markWanted = Math.max(this.markWanted, n);
    this.marking ??= (async () => {
      try {
        while (this.markWritten < this.markWanted) {
          const next = this.markWanted;
          await this.writeMark(next);
          this.markWritten = next;
        }
      } finally {
        this.marking = undefined;
      }
    })();
  }

  /** Resolves once the mark holds the last committed record. */
  async marked(): Promise<void> {
    while (this.marking) await this.marking;
  }

  /** One entry: `commit([entry])`. */
  append(entry: JournalEntry): Promise<void> {
    return this.commit([entry]);
  }

  private async cutBack(): Promise<void> {
    if (this.fd === undefined) return;
    await truncate(this.fd, this.bytes);
    await datasync(this.fd);
    this.dirty = false;
  }

  /** Records that entry `n` is confirmed. The record itself is stored already: a failure here is only logged. */
  private async writeMark(n: number): Promise<void> {
    if (this.markFd === undefined) return;
    try {
      const slot = this.markSlotNext;
      this.markSlotNext = 1 - slot;
      await writeAll(this.markFd, markSlot(n), slot * SLOT);
    } catch (error) {
      log.error({ err: error, file: this.markPath }, 'cannot update the journal mark');
    }
  }

  size(): number {
    return this.bytes;
  }

  /**
   * Drops the records before byte `offset` (a durable snapshot holds them): the records after it
   * (written while the snapshot was on its way) are written to a new file that replaces the
   * journal in one rename, so a crash leaves either the old journal (its first records are
   * skipped at start, the snapshot holds them) or the new one. Not during a `commit`.
   */
  async dropBefore(offset: number): Promise<void> {
    if (this.fd === undefined) return;
    if (this.dirty) await this.cutBack();
    if (offset >= this.bytes) return this.reset();
    if (offset <= 0) return;
    const tail = (await readFileAsync(this.path)).subarray(offset, this.bytes);
    await writeFileDurablyAsync(this.path, tail);
    const old = this.fd;
    this.fd = openSync(this.path, APPEND_DURABLY, 0o600);
    this.bytes = tail.length;
    closeSync(old);
  }

  /** Empties the journal (after a durable snapshot holds everything in it). Not during a `commit`. */
  async reset(): Promise<void> {
    if (this.fd === undefined) return;
    await truncate(this.fd, 0);
    await datasync(this.fd);
    this.bytes = 0;
    this.dirty = false;
  }

  /** Closes the files once the mark is written (never under a write on its way). */
  async close(): Promise<void> {
    await this.marked();
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.markFd !== undefined) closeSync(this.markFd);
    this.fd = undefined;
    this.markFd = undefined;
  }
}

/** Writes all of `data` (at `position`, or at the end of a file opened for appending) on the thread pool. */
async function writeAll(fd: number, data: Buffer, position?: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const at = position === undefined ? null : position + done;
    const written = await new Promise<number>((resolve, reject) =>
      write(fd, data, done, data.length - done, at, (error, n) => (error ? reject(error) : resolve(n))),
    );
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    done += written;
  }
}

const datasync = (fd: number) =>
  new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));

const truncate = (fd: number, length: number) =>
  new Promise<void>((resolve, reject) => ftruncate(fd, length, (error) => (error ? reject(error) : resolve())));

/** For tests and tools: appends raw text as if a write had been cut off. */
export function appendRaw(path: string, text: string): void {
  writeFileSync(path, text, { flag: 'a', mode: 0o600 });
}
