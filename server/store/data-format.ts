/**
 * The version of the data folder's layout (`format.json`), checked each time a folder is opened:
 *   - a folder without it holds format 1 (written before versions were recorded) or is new;
 *   - an older format is migrated step by step (MIGRATIONS, never edited once released), as the
 *     PostgreSQL schema is (`postgres-migrations.ts`);
 *   - a newer format (a folder a later Lotse wrote) is refused with a message, untouched.
 * Called while the folder's lock is held.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../logger.ts';
import { writeFileDurably } from './durable-file.ts';
import { StoreError } from './store.ts';

/** The format this version of Lotse reads and writes. */
export const DATA_FORMAT = 1;
export const FORMAT_FILE = 'format.json';

/** Migration `i` turns a folder of format `i + 1` into format `i + 2`. */
export const MIGRATIONS: ((dir: string) => void)[] = [];

const log = logger('store');

/** Files whose presence means the folder already holds data. */
const DATA_FILES = ['live-day.json', 'journal.ndjson', 'staff.json', 'appointments.json', 'devices.json'];

export function readDataFormat(dir: string): number | null {
  const path = join(dir, FORMAT_FILE);
  if (!existsSync(path)) return DATA_FILES.some((file) => existsSync(join(dir, file))) ? 1 : null;
  let format: unknown;
  try {
    format = (JSON.parse(readFileSync(path, 'utf8')) as { format?: unknown }).format;
  } catch {
    format = undefined;
  }
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    throw new StoreError(`${path} does not name a data format ({"format": 1}); it was left untouched.`);
  }
  return format;
}

export function writeDataFormat(dir: string, format = DATA_FORMAT): void {
  writeFileDurably(join(dir, FORMAT_FILE), `${JSON.stringify({ format })}\n`);
}

/** Checks (and if need be migrates) the folder's format; throws a StoreError for a newer one. */
export function checkDataFormat(dir: string, migrations = MIGRATIONS, current = DATA_FORMAT): void {
  const found = readDataFormat(dir);
  if (found === null) {
    writeDataFormat(dir, current);
    return;
  }
  if (found > current) {
    throw new StoreError(
      `The data folder ${dir} was written by a newer version of Lotse (data format ${found}); this version ` +
        `reads format ${current} at most, so it left the folder untouched. Start the newer version again, ` +
        'or restore a backup into an empty folder with "npm run restore".',
    );
  }
  for (let format = found; format < current; format++) {
    const migrate = migrations[format - 1];
    if (!migrate) throw new StoreError(`No migration from data format ${format} to ${format + 1}.`);
    migrate(dir);
    writeDataFormat(dir, format + 1);
    log.info({ folder: dir, format: format + 1 }, 'migrated the data folder');
  }
  if (!existsSync(join(dir, FORMAT_FILE))) writeDataFormat(dir, current);
}

/** True when the folder holds nothing (or does not exist): `npm run restore` writes only there. */
export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
