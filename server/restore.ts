/**
 * `npm run restore -- --from FILE [--data DIR]`: writes a backup (`npm run backup` or
 * `GET /api/backup`) into an empty data folder, then opens it as the server would and checks
 * that every ticket, account, appointment, device and statistic of the backup is there.
 * It refuses a folder that holds anything (move the old one aside first). Staff sign in again
 * afterwards (sessions are not part of a backup).
 *
 * `npm run restore -- --from FILE --database postgres://… [--office ID]` (or LOTSE_DATABASE_URL)
 * restores into a PostgreSQL database that holds nothing of that office yet, through the store's
 * own writes, and checks it the same way. The office is the backup's (else LOTSE_CONFIG's).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { dayStateProblem } from '../core/day-check.ts';
import type { DayState } from '../core/types.ts';
import { emptyDay } from '../core/queue.ts';
import type { AlertMinutesRecord } from '../core/alerts.ts';
import type { HourBucket } from '../core/stats.ts';
import type { Ticket } from '../core/types.ts';
import { postgresLiveStorage } from './live-storage.ts';
import { loadOfficeConfig, parseOfficeConfig } from './office-config.ts';
import { openPostgresStore, type PostgresStore } from './store/postgres-store.ts';
import { writeDataFormat, isEmptyFolder } from './store/data-format.ts';
import { writeFileDurably } from './store/durable-file.ts';
import { acquireLock, releaseLock } from './store/lock.ts';
import { openLowdbStore } from './store/lowdb-store.ts';
import { type Store, StoreError, type StoreExport } from './store/store.ts';

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
  /** The live view's alert minutes per day (`server/live-storage.ts`). */
  alertMinutes: z.record(DAY, record).optional(),
});

/** A backup as read: the store's export, the office and the alert minutes. */
export type Backup = StoreExport & { office?: unknown; alertMinutes?: AlertMinutesRecord };

export class RestoreError extends Error {}

/** Reads and checks a backup file; the message names what is wrong. */
export function readBackup(path: string): Backup {
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
  const backup = parsed.data as unknown as Backup;
  const problem = backup.liveDay && dayStateProblem(backup.liveDay as DayState);
  if (problem) throw new RestoreError(`${path} holds an impossible live day (${problem}).`);
  if (backup.office !== undefined) parseOfficeConfig(backup.office, `${path} (office)`);
  return backup;
}

const json = (value: unknown) => `${JSON.stringify(value)}\n`;

/** Writes the backup into `dir` (which must be empty) in the layout of `lowdb-store.ts`. */
export async function restoreIntoFolder(backup: Backup, dir: string): Promise<void> {
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
    if (backup.alertMinutes !== undefined) writeFileDurably(join(dir, 'alert-minutes.json'), json(backup.alertMinutes));
    // The live day last: a folder with a live day is one the server takes as complete.
    writeFileDurably(join(dir, 'live-day.json'), json({ state: backup.liveDay, journalN: 0 }));
    writeDataFormat(dir);
  } finally {
    await releaseLock(lock);
  }
}

/** JSON with object keys sorted (PostgreSQL's jsonb does not keep their order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** What a backup holds, counted, to compare a restored folder with its backup. */
export function summary(data: StoreExport) {
  return {
    liveTickets: data.liveDay?.tickets.map((t) => t.id).sort() ?? [],
    archivedTickets: data.archive.flatMap((a) => a.tickets.map((t) => t.id)).sort(),
    statsDays: data.stats.map((s) => `${s.day}:${canonical(s.buckets)}`).sort(),
    users: data.users.map((u) => u.username).sort(),
    appointments: data.appointments.map((a) => a.id).sort(),
    devices: data.devices.map((d) => d.id).sort(),
  };
}

/** Compares what a store holds with the backup; throws naming the first part that differs. */
async function verifyStore(backup: StoreExport, store: Store, where: string): Promise<ReturnType<typeof summary>> {
  const restored = summary(await store.exportAll());
  const expected = summary(backup);
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    if (JSON.stringify(restored[key]) !== JSON.stringify(expected[key])) {
      throw new RestoreError(`The restored ${where} differs from the backup in ${key}.`);
    }
  }
  return restored;
}

/** Opens the restored folder as the server does and checks it against the backup. */
export async function verifyFolder(backup: StoreExport, dir: string): Promise<ReturnType<typeof summary>> {
  const store = await openLowdbStore(dir);
  try {
    return await verifyStore(backup, store, `folder ${dir}`);
  } finally {
    await store.close();
  }
}

/** True when the database holds nothing of the store's office. */
async function holdsNothing(store: PostgresStore): Promise<boolean> {
  const [day, users, appointments, devices, stats, office] = await Promise.all([
    store.loadDay(),
    store.listUsers(),
    store.listAppointments(),
    store.listDevices(),
    store.statsBuckets('0000-01-01', '9999-12-31'),
    store.loadOffice(),
  ]);
  return day === null && users.length + appointments.length + devices.length + stats.length === 0 && office === null;
}

/**
 * Restores into PostgreSQL through the store's own writes (the schema stays the store's
 * business): accounts, devices, appointments, the office, each archived day with its
 * statistics, and the live day last. Then checks the result against the backup.
 */
export async function restoreIntoDatabase(
  backup: Backup,
  url: string,
  officeId: string,
): Promise<ReturnType<typeof summary>> {
  const store = await openPostgresStore(url, officeId);
  try {
    if (!(await holdsNothing(store))) {
      throw new RestoreError(
        `The database already holds data of office ${officeId}. Restore only into an empty database ` +
          '(or one without this office), before any server started on it.',
      );
    }
    for (const user of backup.users) await store.saveUser(user);
    for (const device of backup.devices) await store.saveDevice(device);
    for (const appointment of backup.appointments) await store.createAppointment(appointment);
    if (backup.office !== undefined) await store.saveOffice(backup.office);
    if (backup.alertMinutes !== undefined) {
      const live = await postgresLiveStorage(url, officeId);
      await live.saveMinutes(backup.alertMinutes).finally(() => live.close());
    }
    const tickets = new Map<string, Ticket[]>(backup.archive.map((a) => [a.day, a.tickets]));
    const buckets = new Map<string, HourBucket[]>(backup.stats.map((s) => [s.day, s.buckets]));
    for (const day of [...new Set([...tickets.keys(), ...buckets.keys()])].sort()) {
      const state = { ...emptyDay(day), tickets: tickets.get(day) ?? [] };
      await store.transact(async (tx) => {
        await tx.archiveDay(state, buckets.get(day) ?? []);
        return { next: null, value: undefined };
      });
    }
    const live = backup.liveDay;
    if (live) await store.transact(async () => ({ next: live, value: undefined }));
    return await verifyStore(backup, store, `database (office ${officeId})`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
      office: { type: 'string' },
    },
  });
  if (!values.from)
    throw new RestoreError('Name the backup: npm run restore -- --from lotse-backup-….json [--data DIR]');
  const backup = readBackup(resolve(values.from));
  const database = values.database ?? (values.data ? undefined : process.env.LOTSE_DATABASE_URL);
  let target: string;
  let restored: ReturnType<typeof summary>;
  if (database) {
    const fromBackup = (backup.office as { id?: string } | undefined)?.id;
    const officeId = values.office ?? fromBackup ?? loadOfficeConfig(process.env.LOTSE_CONFIG).id;
    target = `the database (office ${officeId})`;
    restored = await restoreIntoDatabase(backup, database, officeId);
  } else {
    target = resolve(values.data ?? process.env.LOTSE_DATA ?? './data');
    await restoreIntoFolder(backup, target);
    restored = await verifyFolder(backup, target);
  }
  process.stdout.write(
    `Restored ${values.from} into ${target}: ${restored.liveTickets.length} tickets today, ` +
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
