/**
 * File writes that survive a power cut and a full disk: write a temp file completely (every
 * byte checked), fsync it, read it back, then rename it over the target and fsync the folder.
 * A write that fails on the way leaves the previous file untouched and removes its temp file.
 * lowdb's own JSONFile renames without fsync; `DurableJSONFile` is a lowdb adapter that uses this.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Adapter, Low } from 'lowdb';
import { StoreError, StoreWriteError } from './store.ts';

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* some file systems cannot fsync a folder; the rename is still atomic */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes all of `data` at `position` (or the current offset), looping over short writes. */
export function writeFully(fd: number, data: Buffer, position?: number): void {
  let done = 0;
  while (done < data.length) {
    const written = writeSync(fd, data, done, data.length - done, position === undefined ? null : position + done);
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    done += written;
  }
}

/** Turns a failed file operation into a `StoreWriteError` naming the file (ENOSPC: disk full). */
export function writeError(path: string, error: unknown): StoreWriteError {
  if (error instanceof StoreWriteError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  return new StoreWriteError(`Cannot write ${path} (${code})`, full);
}

const TMP_SUFFIX = '.tmp';

/**
 * Replaces `path` with `data`. Throws a `StoreWriteError` when any step fails; then `path` still
 * holds what it held before. With `keepPrevious`, the file it replaces stays as `<name>.prev`.
 */
export function writeFileDurably(path: string, data: string, options: { keepPrevious?: boolean } = {}): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}${TMP_SUFFIX}`);
  const bytes = Buffer.from(data, 'utf8');
  try {
    // Readable by the server's user only: staff.json holds password hashes, day files visitors' data.
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeFully(fd, bytes, 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!readFileSync(tmp).equals(bytes)) throw Object.assign(new Error('read back differs'), { code: 'EIO' });
    if (options.keepPrevious) {
      rmSync(`${path}.prev`, { force: true });
      try {
        linkSync(path, `${path}.prev`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing to remove, or not a file */
    }
    throw writeError(path, error);
  }
  fsyncDir(dirname(path));
}

/**
 * `writeFileDurably` off the event loop (every step on libuv's thread pool), for the live day's
 * snapshot: the process keeps answering while it is written. Callers must not write one path
 * twice at the same time (the temp file's name is per process).
 */
export async function writeFileDurablyAsync(
  path: string,
  data: string | Buffer,
  options: { keepPrevious?: boolean } = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}${TMP_SUFFIX}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const file = await open(tmp, 'w', 0o600);
    try {
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await file.write(bytes, done, bytes.length - done, done);
        if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        done += bytesWritten;
      }
      await file.sync();
    } finally {
      await file.close();
    }
    if (!(await readFile(tmp)).equals(bytes)) throw Object.assign(new Error('read back differs'), { code: 'EIO' });
    if (options.keepPrevious) {
      await rm(`${path}.prev`, { force: true });
      try {
        await link(path, `${path}.prev`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    await rename(tmp, path);
  } catch (error) {
    try {
      await rm(tmp, { force: true });
    } catch {
      /* nothing to remove, or not a file */
    }
    throw writeError(path, error);
  }
  await fsyncDirAsync(dirname(path));
}

async function fsyncDirAsync(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* some file systems cannot fsync a folder; the rename is still atomic */
  }
}

/** Removes temp files that a crash left behind in `dir` (never the files they were meant to replace). */
export function removeStaleTempFiles(dir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') && name.endsWith(TMP_SUFFIX)) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** A lowdb adapter for one JSON file, written durably. Reading a malformed file throws. */
export class DurableJSONFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly options: { keepPrevious?: boolean } = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    writeFileDurably(this.path, JSON.stringify(data), this.options);
  }
}

/** Opens a lowdb JSON file written durably; a file that cannot be read is refused with the way out. */
export async function openJSONFile<T>(
  path: string,
  defaults: T,
  options: { keepPrevious?: boolean } = {},
): Promise<Low<T>> {
  const db = new Low<T>(new DurableJSONFile<T>(path, options), defaults);
  try {
    await db.read();
  } catch (error) {
    throw new StoreError(
      `Data file ${path} cannot be read (${error instanceof SyntaxError ? 'not valid JSON' : 'read error'}); ` +
        `it was left untouched. ${existsSync(`${path}.prev`) ? `The previous version is ${path}.prev. ` : ''}` +
        `Restore it from a backup, or run "npm run repair -- --data ${dirname(path)}".`,
    );
  }
  return db;
}

/**
 * Whether the data folder takes a durable write now: 4 KB written to `.lotse-probe`, fsync'd and
 * removed (the health check's probe; a full disk answers false).
 */
export async function probeWrite(dir: string): Promise<boolean> {
  const path = join(dir, '.lotse-probe');
  try {
    const file = await open(path, 'w', 0o600);
    try {
      await file.writeFile('x'.repeat(4096));
      await file.sync();
    } finally {
      await file.close();
    }
    await rm(path, { force: true });
    return true;
  } catch {
    return false;
  }
}
