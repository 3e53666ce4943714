/**
 * The PostgreSQL store, for several server processes (a whole city): selected with
 * `LOTSE_DATABASE_URL=postgres://…`. Every change of an office's live day runs in one
 * transaction holding that office's `live_day` row lock (`SELECT … FOR UPDATE`), so two
 * processes never hand out one number or call one visitor twice. A change writes only what
 * changed (the day's tickets are rows, see postgres-day.ts); the other processes hear of it by
 * `NOTIFY lotse_day` with its version and read just the changes after the version they hold.
 * History, statistics, accounts, sessions and the office configuration live in their own tables.
 *
 * Beside it: the records (accounts, sessions, devices, appointments, audit) in
 * `postgres-records.ts`, the closed days in `postgres-history.ts`, the day's rows in
 * `postgres-day.ts`, the group commit's queue in `postgres-group.ts`, the LISTEN connection in
 * `postgres-listener.ts`, the pool and migrations in `postgres-pool.ts`, whether the database
 * takes writes in `postgres-refusals.ts`. What stays here is the copy of the day, its catch-up
 * and the group's transaction: they read and write the same copy under the same lock.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { HourBucket } from '../../core/stats.ts';
import type { DayState, Ticket } from '../../core/types.ts';
import { logger } from '../logger.ts';
import { applyRows, changeOf, type DayReadRow, readDaySince, writeDayChange } from './postgres-day.ts';
import { GroupQueue, type Member } from './postgres-group.ts';
import { DayListener } from './postgres-listener.ts';
import {
  archiveDay,
  archivedTickets,
  exportHistory,
  findArchivedTicket,
  purgeDetailsBefore,
  statsBuckets,
} from './postgres-history.ts';
import { createPool, migrate, redact } from './postgres-pool.ts';
import { takesWrites, watchRefusals, writeTaken } from './postgres-refusals.ts';
import { isConnectionError } from './unavailable.ts';
import { PostgresRecords, type Queryable } from './postgres-records.ts';
import {
  type DayTransaction,
  type Store,
  StoreError,
  type StoreExport,
  StoreWriteError,
  type TransactionResult,
} from './store.ts';

const log = logger('postgres');

export async function openPostgresStore(url: string, officeId: string, pool = createPool(url)): Promise<PostgresStore> {
  watchRefusals(pool); // a pool made elsewhere too (once per pool)
  try {
    await pool.query('SELECT 1');
  } catch {
    throw new StoreError(`Cannot reach the database at ${redact(url)}`);
  }
  await migrate(pool);
  const store = new PostgresStore(pool, officeId);
  await store.listen(url);
  return store;
}

/** What this process read of the live day: the day at `version` (see postgres-day.ts). */
interface DayRead {
  version: number;
  day: DayState | null;
}

/** A change of the live day, as `transact` takes it. */
type Change = (tx: DayTransaction) => Promise<TransactionResult<unknown>>;

export class PostgresStore extends PostgresRecords implements Store {
  /** This process's copy of the live day and the version it is at (-1: none, load it whole). */
  private cached: DayState | null = null;
  private cachedVersion = -1;
  /** The newest version other processes announced. */
  private announcedVersion = -1;
  /** How the copy was brought up to date: whole-day loads and applied changes (for tests and logs). */
  readonly loads = { full: 0, changes: 0 };
  private readonly instance = randomUUID();
  private readonly externalListeners = new Set<() => void>();
  private readonly officeListeners = new Set<() => void>();
  private closed = false;
  /** One catch-up at a time; calls arriving meanwhile share the next one. */
  private syncRunning: Promise<unknown> = Promise.resolve();
  private syncQueued: Promise<void> | undefined;

  private listener: DayListener | undefined;

  /**
   * LISTENs for changes made by other processes (see postgres-listener.ts). After the listening
   * connection was lost and made again, the copy of the day is dropped and every listener told
   * to reload: changes made meanwhile are not missed.
   */
  async listen(url: string): Promise<void> {
    const listener = new DayListener(url, this.officeId, this.instance, {
      day: (version) => {
        this.announcedVersion = Math.max(this.announcedVersion, version);
        for (const l of this.externalListeners) l();
      },
      office: () => {
        for (const l of this.officeListeners) l();
      },
      reconnected: () => {
        this.cachedVersion = -1;
        this.cached = null;
        for (const l of this.externalListeners) l();
        for (const l of this.officeListeners) l();
      },
    });
    await listener.start();
    this.listener = listener;
  }

  /** Whether the database takes writes (see `postgres-refusals.ts`). */
  async ready(): Promise<boolean> {
    return !this.closed && (await takesWrites(this.pool));
  }

  /**
   * The live day. Answers from this process's copy when it already holds every change other
   * processes announced; else brings the copy up to date by the changes (not the whole day).
   */
  async loadDay(): Promise<DayState | null> {
    if (this.cachedVersion >= 0 && this.announcedVersion <= this.cachedVersion) return this.cached;
    await this.sync();
    return this.cached;
  }

  /** Brings the copy up to date from the database (one catch-up at a time, shared by callers). */
  private sync(): Promise<void> {
    if (this.syncQueued) return this.syncQueued;
    const next = this.syncRunning.then(async () => {
      this.syncQueued = undefined;
      this.remember(await this.readDay(this.pool, { version: this.cachedVersion, day: this.cached }));
    });
    this.syncQueued = next;
    this.syncRunning = next.catch(() => undefined);
    return next;
  }

  /** Keeps a read day as the copy if it is newer than the copy (reads may finish out of order). */
  private remember(read: DayRead): void {
    if (read.version <= this.cachedVersion) return;
    this.cached = read.day;
    this.cachedVersion = read.version;
  }

  /**
   * Reads the day at its current version, starting from `known` (the day at a version this
   * process holds): one query returns the head and the tickets written after that version, or
   * every ticket when the list was rewritten since (a new day) or nothing is known.
   */
  private async readDay(db: Queryable, known: DayRead): Promise<DayRead> {
    const r = await db.query<DayReadRow>(readDaySince('$1', '$2'), [this.officeId, known.version]);
    return this.dayFrom(db, known, r.rows[0]);
  }

  /** The day read by `readDaySince` from `known` (a whole new read when the rows do not fit). */
  private dayFrom(db: Queryable, known: DayRead, row: DayReadRow | undefined): Promise<DayRead> | DayRead {
    const since = known.version;
    if (!row) return { version: -1, day: null };
    const version = Number(row.version);
    if (!row.head) return { version, day: null };
    const full = row.full || !known.day;
    const day = applyRows(full ? null : known.day, row.head, row.rows);
    if (!day) {
      log.warn({ version, since }, 'stored changes do not fit the live day; loading it whole');
      return this.readDay(db, { version: -1, day: null });
    }
    if (full) {
      this.loads.full++;
      log.info({ version, tickets: day.tickets.length }, 'loaded the whole live day');
    } else this.loads.changes++;
    return { version, day };
  }

  /** Stores the group's change of the day and commits (`writeDayChange`); the COMMIT's result. */
  private async writeAndCommit(
    client: pg.PoolClient,
    before: DayState | null,
    after: DayState,
    version: number,
  ): Promise<pg.QueryResult | undefined> {
    const notice = `${this.officeId}|${this.instance}|${version}`;
    const sql = writeDayChange(changeOf(before, after), this.officeId, version, notice, (v) => client.escapeLiteral(v));
    const results = (await client.query(sql)) as unknown as pg.QueryResult[];
    return results[results.length - 1];
  }

  /**
   * One change of the live day. Changes that arrive while this process stores the office's
   * previous ones wait and are then stored together (see postgres-group.ts): one transaction
   * holding the office's `live_day` row lock from the first statement to the commit, each
   * change seeing the day the one before it produced, every caller answered after the COMMIT.
   */
  async transact<T>(fn: (tx: DayTransaction) => Promise<TransactionResult<T>>): Promise<T> {
    return (await this.groups.add(fn as Change)) as T;
  }

  private readonly groups = new GroupQueue<Change>((take) => this.runGroup(take));
  /** Groups stored and the changes in them (for tests and logs). */
  readonly grouped = { groups: 0, changes: 0 };

  /**
   * Runs a group of changes in one transaction. Under the lock the copy is brought up to date by
   * the changes other processes made (usually none or a few tickets); only what the group
   * changed is written. A change that throws leaves no trace (its statements are rolled back to
   * the savepoint taken before its first one) and the others go on; when the lock, the write
   * or the COMMIT fails, every change of the group is refused and the copy stays what is stored.
   */
  private async runGroup(take: () => Member<Change> | undefined): Promise<void> {
    const first = take();
    if (!first) return;
    /** Taken and not refused on their own: answered together after the COMMIT. */
    const members: { member: Member<Change>; value: unknown }[] = [];
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      first.reject(new StoreWriteError(`Cannot reach the database (${String((error as Error).message)})`));
      return;
    }
    // A connection that breaks while checked out emits 'error': without a listener, the process dies.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
      log.error({ err: error }, 'database connection failed during a change');
    };
    client.on('error', onError);
    let member: Member<Change> | undefined = first;
    try {
      // BEGIN and the lock in one round trip (a simple query: the office id as an escaped literal);
      // when other processes announced changes this copy
      // lacks, the read of those changes too: it runs once the lock is held, so it sees every
      // commit before ours. (A change not announced yet is read in a second round trip below.)
      const office = client.escapeLiteral(this.officeId);
      const lock = `SELECT version FROM live_day WHERE office_id = ${office} FOR UPDATE`;
      let current: DayRead = { version: this.cachedVersion, day: this.cached };
      const catchUp =
        this.announcedVersion > current.version ? `; ${readDaySince(office, `${current.version}::bigint`)}` : '';
      const begun = (await client.query(`BEGIN; ${lock}${catchUp}`)) as unknown as [
        unknown,
        pg.QueryResult<{ version: string }>,
        pg.QueryResult<DayReadRow>,
      ];
      let locked = begun[1];
      if (!locked?.rows[0]) {
        await client.query('INSERT INTO live_day (office_id) VALUES ($1) ON CONFLICT DO NOTHING', [this.officeId]);
        locked = await client.query<{ version: string }>(lock);
      }
      const version = Number(locked?.rows[0]?.version ?? 0);
      if (current.version !== version) {
        const read = begun[2]?.rows[0];
        current =
          read && Number(read.version) === version
            ? await this.dayFrom(client, current, read)
            : await this.readDay(client, current);
        this.remember(current);
      }
      let day = current.day;
      for (; member; member = take()) {
        if (broken) throw broken;
        const taken = member;
        members.push({ member: taken, value: undefined });
        const outcome = await this.runChange(client, taken.change, day, () => broken);
        if (outcome.ok) {
          if (outcome.result.next !== null) day = outcome.result.next;
          (members[members.length - 1] as { value: unknown }).value = outcome.result.value;
        } else {
          members.pop();
          taken.reject(outcome.error);
        }
      }
      const changed = day !== current.day;
      const next: DayRead = changed ? { version: version + 1, day } : current;
      const committed = changed
        ? await this.writeAndCommit(client, current.day, day as DayState, next.version)
        : await client.query('COMMIT');
      // COMMIT of a transaction that failed on the way answers ROLLBACK instead of an error.
      if (committed?.command !== 'COMMIT') throw new StoreWriteError('The database rolled the change back');
      if (changed) writeTaken(this.pool);
      this.remember(next);
      this.grouped.groups++;
      this.grouped.changes += members.length;
      for (const m of members) m.member.resolve(m.value);
    } catch (error) {
      // Changes taken but not run yet (the group failed before them) are refused as well.
      if (member && members[members.length - 1]?.member !== member) members.push({ member, value: undefined });
      let refusal = error;
      if (!broken && !isConnectionError(error)) {
        await client.query('ROLLBACK').catch(() => undefined);
      } else {
        broken ??= error as Error;
        refusal = new StoreWriteError(`The database connection failed during a change (${String(broken.message)})`);
      }
      for (const m of members) m.member.reject(refusal);
    } finally {
      client.removeListener('error', onError);
      client.release(broken);
    }
  }

  /**
   * Runs one change of a group on `day` (the day as the changes before it left it). Its
   * statements go behind a savepoint, taken on its first one: if it throws, they are undone and
   * the group goes on without it. A broken connection ends the group.
   */
  private async runChange(
    client: pg.PoolClient,
    fn: Change,
    day: DayState | null,
    broken: () => Error | undefined,
  ): Promise<{ ok: true; result: TransactionResult<unknown> } | { ok: false; error: unknown }> {
    let savepoint: Promise<unknown> | undefined;
    const guarded = async <R>(statement: () => Promise<R>): Promise<R> => {
      savepoint ??= client.query('SAVEPOINT change');
      await savepoint;
      return statement();
    };
    const tx: DayTransaction = {
      day,
      archiveDay: (state, buckets) => guarded(() => archiveDay(client, this.officeId, state, buckets)),
      purgeDetailsBefore: (before) => guarded(() => purgeDetailsBefore(client, this.officeId, before)),
      findAppointment: (code) => guarded(() => this.lockAppointment(client, code)),
      listAppointments: () => guarded(() => this.listAppointments(client)),
      saveAppointment: (appointment) => guarded(() => this.upsertAppointment(client, appointment)),
    };
    try {
      return { ok: true, result: await fn(tx) };
    } catch (error) {
      if (broken() || isConnectionError(error)) throw error;
      if (savepoint) await client.query('ROLLBACK TO SAVEPOINT change');
      return { ok: false, error };
    }
  }

  onExternalChange(listener: () => void): () => void {
    this.externalListeners.add(listener);
    return () => this.externalListeners.delete(listener);
  }

  /** Another process changed the office configuration. */
  onOfficeChange(listener: () => void): () => void {
    this.officeListeners.add(listener);
    return () => this.officeListeners.delete(listener);
  }

  async loadOffice(): Promise<unknown | null> {
    const r = await this.pool.query<{ config: unknown }>('SELECT config FROM offices WHERE office_id = $1', [
      this.officeId,
    ]);
    return r.rows[0]?.config ?? null;
  }

  async saveOffice(config: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO offices (office_id, config) VALUES ($1, $2)
       ON CONFLICT (office_id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()`,
      [this.officeId, JSON.stringify(config)],
    );
    await this.pool.query('SELECT pg_notify($1, $2)', ['lotse_office', `${this.officeId}|${this.instance}`]);
  }

  statsBuckets(from: string, to: string): Promise<HourBucket[]> {
    return statsBuckets(this.pool, this.officeId, from, to);
  }

  archivedTickets(from: string, to: string): Promise<Ticket[]> {
    return archivedTickets(this.pool, this.officeId, from, to);
  }

  findArchivedTicket(token: string): Promise<Ticket | null> {
    return findArchivedTicket(this.pool, this.officeId, token);
  }

  async exportAll(): Promise<StoreExport> {
    return {
      format: 'lotse-backup-1',
      liveDay: await this.sync().then(() => this.cached),
      ...(await exportHistory(this.pool, this.officeId)),
      users: await this.listUsers(),
      appointments: await this.listAppointments(),
      devices: await this.listDevices(),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.close();
    await this.pool.end().catch(() => undefined);
  }
}
