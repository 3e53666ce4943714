/**
 * `npm run restore -- --from FILE [--data DIR]`: writes a backup (`npm run backup` or
 * `GET /api/backup`) into an empty data folder, then opens it as the server would and checks
 * that every ticket, account, appointment, device and statistic of the backup is there.
 * It refuses a folder that holds anything (move the old one aside first). Staff sign in again
 * afterwards (sessions are not part of a backup).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { dayStateProblem } from '../core/day-check.ts';
import type { DayState } from '../core/types.ts';
import { parseOfficeConfig } from './office-config.ts';
import { writeDataFormat, isEmptyFolder } from './store/data-format.ts';
import { writeFileDurably } from './store/durable-file.ts';
import { acquireLock, releaseLock } from './store/lock.ts';
import { openLowdbStore } from './store/lowdb-store.ts';
import { StoreError, type StoreExport } from './store/store.ts';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const record = z.record(z.string(), z.unknown());
const BackupSchema = z.object({
  format: z.literal('lotse-backup-1'),
  liveDay: record.nullable(),
  archive: z.array(z.object({ day: DAY, tickets: z.array(record) })),
  stats: z.array(z.object({ day: DAY, buckets: z.array(record) })),
  users: z.array(record.and(z.object({ username: z.string().min(1) }))),
  appointments: z.array(record),
  devices: z.array(record),
  /** The office configuration the server ran with (backups since the data format was recorded). */
  office: record.optional(),
});

export class RestoreError extends Error {}

/** Reads and checks a backup file; the message names what is wrong. */
export function readBackup(path: string): StoreExport & { office?: unknown } {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RestoreError(`${path} cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? 'not JSON'}).`);
  }
  const parsed = BackupSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RestoreError(`${path} is not a Lotse backup: ${issue?.path.join('.') || 'file'}: ${issue?.message}`);
  }
  const backup = parsed.data as unknown as StoreExport & { office?: unknown };
  const problem = backup.liveDay && dayStateProblem(backup.liveDay as DayState);
  if (problem) throw new RestoreError(`${path} holds an impossible live day (${problem}).`);
  if (backup.office !== undefined) parseOfficeConfig(backup.office, `${path} (office)`);
  return backup;
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Writes the backup into `dir` (which must be empty) in the layout of `lowdb-store.ts`. */
export async function restoreIntoFolder(backup: StoreExport & { office?: unknown }, dir: string): Promise<void> {
  if (!isEmptyFolder(dir)) {
    throw new RestoreError(
      `The data folder ${dir} is not empty. Restore only into an empty folder: stop the server, move the old ` +
        'folder aside, and run the restore again.',
    );
  }
  mkdirSync(join(dir, 'archive'), { recursive: true });
  mkdirSync(join(dir, 'stats'), { recursive: true });
  const lock = await acquireLock(dir);
  try {
    for (const { day, tickets } of backup.archive)
      writeFileDurably(join(dir, 'archive', `${day}.json`), json({ day, tickets }));
    for (const { day, buckets } of backup.stats)
      writeFileDurably(join(dir, 'stats', `${day}.json`), json({ day, buckets }));
    writeFileDurably(join(dir, 'staff.json'), json({ users: backup.users }));
    writeFileDurably(join(dir, 'appointments.json'), json({ appointments: backup.appointments }));
    writeFileDurably(join(dir, 'devices.json'), json({ devices: backup.devices }));
    if (backup.office !== undefined)
      writeFileDurably(join(dir, 'office.json'), `${JSON.stringify(backup.office, null, 2)}\n`);
    // The live day last: a folder with a live day is one the server takes as complete.
    writeFileDurably(join(dir, 'live-day.json'), json({ state: backup.liveDay, journalN: 0 }));
    writeDataFormat(dir);
  } finally {
    await releaseLock(lock);
  }
}

/** What a backup holds, counted, to compare a restored folder with its backup. */
export function summary(data: StoreExport) {
  return {
    liveTickets: data.liveDay?.tickets.map((t) => t.id).sort() ?? [],
    archivedTickets: data.archive.flatMap((a) => a.tickets.map((t) => t.id)).sort(),
    statsDays: data.stats.map((s) => `${s.day}:${JSON.stringify(s.buckets)}`).sort(),
    users: data.users.map((u) => u.username).sort(),
    appointments: data.appointments.map((a) => a.id).sort(),
    devices: data.devices.map((d) => d.id).sort(),
  };
}

/** Opens the restored folder as the server does and checks it against the backup. */
export async function verifyFolder(backup: StoreExport, dir: string): Promise<ReturnType<typeof summary>> {
  const store = await openLowdbStore(dir);
  try {
    const restored = summary(await store.exportAll());
    const expected = summary(backup);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      if (JSON.stringify(restored[key]) !== JSON.stringify(expected[key])) {
        throw new RestoreError(`The restored folder ${dir} differs from the backup in ${key}.`);
      }
    }
    return restored;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, data: { type: 'string' } } });
  if (!values.from)
    throw new RestoreError('Name the backup: npm run restore -- --from lotse-backup-….json [--data DIR]');
  const dir = resolve(values.data ?? process.env.LOTSE_DATA ?? './data');
  const backup = readBackup(resolve(values.from));
  await restoreIntoFolder(backup, dir);
  const restored = await verifyFolder(backup, dir);
  process.stdout.write(
    `Restored ${values.from} into ${dir}: ${restored.liveTickets.length} tickets today, ` +
      `${restored.archivedTickets.length} archived tickets, ${restored.statsDays.length} days of statistics, ` +
      `${restored.users.length} staff accounts, ${restored.appointments.length} appointments, ` +
      `${restored.devices.length} devices.\n`,
  );
}

if (process.argv[1] && /restore\.(ts|js)$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    const known = error instanceof RestoreError || error instanceof StoreError;
    process.stderr.write(`${known ? (error as Error).message : String(error)}\n`);
    process.exit(1);
  });
}
