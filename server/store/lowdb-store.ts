/**
 * The embedded default storage: lowdb JSON files under the data folder, written durably.
 *   live-day.json            snapshot of the live office day
 *   journal.ndjson           every change since that snapshot, fsync'd before it is confirmed
 *   archive/, stats/         the closed days (`lowdb-history.ts`)
 *   staff.json, appointments.json, devices.json
 *   sessions.json            signed-in staff sessions (token hashes only), so a restart signs nobody out
 *   audit.ndjson             staff actions, one JSON line each
 * Issuing or calling costs one journal append, whatever the history; once enough has changed
 * (see `snapshotWorthIt`) the snapshot is rewritten beside the commits and the records it holds
 * are dropped from the journal. Appends and snapshots run off the event loop; changes made while
 * a group is written are written together next (group commit).
 *
 * This file is the live day: journal, group commit, snapshot and readiness, over one data
 * folder held by one lock. The closed days are `lowdb-history.ts`, the records beside them
 * (accounts, sessions, devices, appointments, audit) `lowdb-records.ts`, reading the stored day
 * back at start `lowdb-replay.ts`; the journal, the file writes (and the write probe), the
 * snapshot's JSON and the repair live in their own files too.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { diffDay } from '../../core/day-delta.ts';
import type { DayState } from '../../core/types.ts';
import { logger } from '../logger.ts';
import { checkDataFormat } from './data-format.ts';
import { dayFileJson } from './day-json.ts';
import { probeWrite, removeStaleTempFiles, writeFileDurablyAsync } from './durable-file.ts';
import { Journal, type JournalEntry } from './journal.ts';
import { acquireLock, type FolderLock, releaseLock } from './lock.ts';
import { LowdbHistory } from './lowdb-history.ts';
import { type AppointmentWritten, LowdbRecords, openRecordFiles, type RecordFiles } from './lowdb-records.ts';
import { type DayFile, readLiveDay } from './lowdb-replay.ts';
import { type DayTransaction, type Store, type StoreExport, StoreWriteError, type TransactionResult } from './store.ts';

const SNAPSHOT_EVERY = 200;
const log = logger('store');
const PROBE_EVERY_MS = 5_000;

/** A change waiting for its group to reach the disk. */
interface Pending {
  entry: JournalEntry;
  state: DayState;
  meanwhile: (() => void) | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export async function openLowdbStore(dir: string): Promise<Store> {
  mkdirSync(join(dir, 'archive'), { recursive: true });
  mkdirSync(join(dir, 'stats'), { recursive: true });
  const lock = await acquireLock(dir);
  let journal: Journal | undefined;
  try {
    checkDataFormat(dir);
    for (const sub of ['.', 'archive', 'stats']) {
      const removed = removeStaleTempFiles(join(dir, sub));
      if (removed.length) log.info({ folder: join(dir, sub), files: removed }, 'removed temp files left by a crash');
    }
    journal = new Journal(join(dir, 'journal.ndjson'));
    const { day, read, state, n, replayed } = await readLiveDay(dir, journal);
    journal.open(read, n);
    return new LowdbStore(dir, lock, day, journal, state, n, replayed, await openRecordFiles(dir));
  } catch (error) {
    await journal?.close();
    await releaseLock(lock);
    throw error;
  }
}

class LowdbStore extends LowdbRecords implements Store {
  private closed = false;
  /** The closed days (archive and statistics folders). */
  private readonly history: LowdbHistory;
  /** The last write failed (disk full?): not ready until a write succeeds again. */
  private failing = false;
  /** A snapshot failed; the journal still holds everything, the snapshot is tried again. */
  private snapshotDue = false;
  /** Size of the last snapshot written by this process (0: none yet; see `snapshotWorthIt`). */
  private snapshotBytes = 0;
  /** When a probe write last succeeded (health checks probe at most this often while all is well). */
  private probedAt = 0;

  constructor(
    dir: string,
    private readonly lock: FolderLock,
    private readonly day: Low<DayFile>,
    private readonly journal: Journal,
    private last: DayState | null,
    private n: number,
    /** Journal entries replayed at start (not in the snapshot yet). */
    private sinceSnapshot: number,
    files: RecordFiles,
  ) {
    super(dir, files);
    this.history = new LowdbHistory(dir);
    this.durable = last;
    this.durableN = n;
  }

  /**
   * Changes run one after another in this process; exactly one process owns the folder (see
   * lock.ts). A change is applied in memory at once (the next one builds on it) but answered
   * only once its journal record is on disk. `last`/`n` include changes still on their way to
   * the disk; `durable`/`durableN` only what is stored.
   */
  private tail: Promise<unknown> = Promise.resolve();
  private durable: DayState | null;
  private durableN: number;
  /** Changes waiting for the next group commit. */
  private queue: Pending[] = [];
  /** The snapshot being written beside the commits, if any. */
  private snapshotting: Promise<void> | undefined;
  /** A stored snapshot holds the journal's records before this byte: the writer drops them. */
  private cutJournalAt: number | undefined;
  /** The running group commit (and snapshot), if any. */
  private flushing: Promise<void> | undefined;
  /** Resolves once every change made so far is stored (rejects if one of them was not). */
  private settled: Promise<void> = Promise.resolve();
  /** Counts failed group commits: a change built on a state that was not stored is refused. */
  private epoch = 0;

  async loadDay() {
    return this.durable;
  }

  /**
   * A change of the day, with the records it writes beside it (an appointment checked in). Those
   * are written at once; if the change is then refused (it throws, or its journal record cannot
   * be written), they are put back as they were: nothing of a refused change stays.
   */
  transact<T>(fn: (tx: DayTransaction) => Promise<TransactionResult<T>>): Promise<T> {
    const written: AppointmentWritten[] = [];
    const run = async (): Promise<{ value: T; stored: Promise<void> }> => {
      const epoch = this.epoch;
      const tx: DayTransaction = {
        day: this.last,
        archiveDay: (state, buckets) => this.history.archiveDay(state, buckets),
        purgeDetailsBefore: (day) => this.history.purgeDetailsBefore(day),
        ...this.appointmentsOfChange(written),
      };
      const result = await fn(tx);
      if (epoch !== this.epoch) throw this.notStored();
      if (this.closed) throw new StoreWriteError('The store is closed');
      // Unchanged: the answer was read from changes that may still be on their way to the disk.
      const stored =
        result.next && result.next !== this.last ? this.saveDay(result.next, result.meanwhile) : this.settled;
      return { value: result.value, stored };
    };
    const refused = async (error: unknown): Promise<never> => {
      if (written.length) await this.restoreAppointments(written.splice(0));
      throw error;
    };
    const next = this.tail.then(run, run).catch(refused);
    this.tail = next.catch(() => undefined);
    return next.then(async ({ value, stored }) => {
      await stored.catch(refused);
      return value;
    });
  }

  private notStored(): StoreWriteError {
    return new StoreWriteError('A change before this one could not be stored');
  }

  /** Queues a change for the next group commit; resolves once it is on disk. */
  private saveDay(state: DayState, meanwhile?: () => void): Promise<void> {
    const entry: JournalEntry = { n: this.n + 1, delta: diffDay(this.last, state) };
    this.n = entry.n;
    this.last = state;
    const stored = new Promise<void>((resolve, reject) =>
      this.queue.push({ entry, state, meanwhile, resolve, reject }),
    );
    this.settled = stored;
    // Callers that answer nothing still must not see an unhandled rejection.
    stored.catch(() => undefined);
    this.kick();
    return stored;
  }

  onExternalChange(): () => void {
    return () => undefined;
  }

  /** Starts writing queued changes unless that is under way; resolves when the writer is idle. */
  private kick(): Promise<void> {
    this.flushing ??= this.flush();
    return this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      // Let the changes of this turn of the event loop join the first group.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.snapshotDue && this.queue.length === 0) await this.trySnapshot();
      await this.writeGroups();
    } finally {
      // At once, not in a later callback: a change queued from now on starts a new flush.
      this.flushing = undefined;
    }
  }

  /**
   * Writes queued changes in groups until none is left. The journal commit is what makes a change
   * durable (and what its answer waits for). If a group cannot be written, it and every change
   * queued after it (they build on it) are refused and the memory goes back to what is stored.
   * A snapshot is written beside the commits, never in front of them (see `startSnapshot`); once
   * it is stored, the writer drops the journal records it holds between two groups.
   */
  private async writeGroups(): Promise<void> {
    for (;;) {
      // Cut first, then look at the queue: changes queued during the cut must not be left behind.
      if (this.cutJournalAt !== undefined) await this.cutJournal();
      if (this.queue.length === 0) return;
      const group = this.queue.splice(0);
      try {
        const committing = this.journal.commit(
          group.map((p) => p.entry),
          () => this.stored(group),
        );
        // The write is under way on the thread pool: the newest change's own work runs meanwhile.
        runMeanwhile(group.at(-1)?.meanwhile);
        await committing;
      } catch (error) {
        const refused = [...group, ...this.queue.splice(0)];
        this.failing = true;
        this.epoch += 1;
        this.last = this.durable;
        this.n = this.durableN;
        this.settled = Promise.resolve();
        const failure = error instanceof StoreWriteError ? error : new StoreWriteError(String(error));
        for (const p of refused) p.reject(failure);
      }
    }
  }

  /** A group is on disk: it is what is stored now, and its changes are confirmed. */
  private stored(group: readonly Pending[]): void {
    this.failing = false;
    const last = group.at(-1) as Pending;
    this.durable = last.state;
    this.durableN = last.entry.n;
    this.sinceSnapshot += group.length;
    for (const p of group) p.resolve();
    const full = group.some((p) => p.entry.delta.kind === 'full');
    if (full || this.snapshotDue || this.snapshotWorthIt()) this.startSnapshot();
  }

  /**
   * Whether the journal has grown enough to be folded into a new snapshot: SNAPSHOT_EVERY changes,
   * and at least half the size of the last snapshot. A long day's snapshot is megabytes; written
   * every 200 changes, it cost a change more than its own record, and each one held up the
   * journal writes around it on the disk. So the snapshots and the journal together write at
   * most about three times what changed, whatever the size of the day.
   */
  private snapshotWorthIt(): boolean {
    return this.sinceSnapshot >= SNAPSHOT_EVERY && this.journal.size() >= this.snapshotBytes / 2;
  }

  /** Waits until no group commit or snapshot is running. */
  private async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Writes a snapshot now and waits for it (and for the journal to be cut): at close and on retries. */
  private async trySnapshot(): Promise<boolean> {
    await this.snapshotting;
    if (this.cutJournalAt !== undefined) await this.cutJournal();
    this.startSnapshot();
    await this.snapshotting;
    if (this.cutJournalAt !== undefined) await this.cutJournal();
    return !this.snapshotDue;
  }

  /**
   * Starts writing the stored state (never a change still on its way) as the snapshot, unless one
   * is on its way. Changes go on being committed to the journal meanwhile; the snapshot records
   * the number of the last change it holds and where the journal stood, so the records before
   * that point can be dropped once it is stored. If it fails, the journal still holds every
   * change, and the next group tries again.
   */
  private startSnapshot(): void {
    // One at a time, and never before the records of the last one are dropped: `cutAt` is a
    // byte offset into the journal as it is now.
    if (this.snapshotting || this.cutJournalAt !== undefined) return;
    const data: DayFile = { state: this.durable, journalN: this.durableN };
    const cutAt = this.journal.size();
    const counted = this.sinceSnapshot;
    this.sinceSnapshot = 0;
    this.snapshotting = (async () => {
      try {
        const json = await dayFileJson(data);
        await writeFileDurablyAsync(join(this.dir, 'live-day.json'), json, { keepPrevious: true });
        this.snapshotBytes = Buffer.byteLength(json);
        this.day.data = data;
        this.snapshotDue = false;
        this.cutJournalAt = cutAt;
        // The writer drops the records (after `close`, the closing snapshot does).
        if (!this.closed) void this.kick();
      } catch (error) {
        if (!this.snapshotDue) log.error({ err: error }, 'cannot write the snapshot; the journal keeps every change');
        this.snapshotDue = true;
        this.sinceSnapshot += counted;
      } finally {
        this.snapshotting = undefined;
      }
    })();
  }

  /** Drops the journal records a stored snapshot holds (by the writer, between two commits). */
  private async cutJournal(): Promise<void> {
    const at = this.cutJournalAt;
    this.cutJournalAt = undefined;
    if (at === undefined) return;
    try {
      await this.journal.dropBefore(at);
    } catch (error) {
      // Harmless: the records stay and are skipped at start (the snapshot holds them).
      log.warn({ err: error }, 'cannot drop journal records the snapshot holds; they stay');
    }
  }

  /**
   * Whether the store can write. While all is well this answers at once and, at most every
   * PROBE_EVERY_MS, starts a probe write in the background (asynchronous: a health check never
   * stalls the process on an fsync); a failed probe or write makes the next answer false. While
   * failing, each call waits for a probe, so recovery is seen at once.
   */
  async ready(): Promise<boolean> {
    if (this.closed) return false;
    if (this.snapshotDue) {
      // Retried by the writer, so it never overlaps a group commit.
      await this.kick();
      return !this.snapshotDue;
    }
    if (this.failing) {
      await this.probe();
      return !this.failing;
    }
    if (Date.now() - this.probedAt >= PROBE_EVERY_MS) void this.probe();
    return true;
  }

  private probing: Promise<void> | undefined;

  private probe(): Promise<void> {
    this.probing ??= probeWrite(this.dir).then((written) => {
      this.failing = !written;
      if (written) this.probedAt = Date.now();
      this.probing = undefined;
    });
    return this.probing;
  }

  async exportAll(): Promise<StoreExport> {
    return {
      format: 'lotse-backup-1',
      liveDay: this.last,
      ...(await this.history.exportAll()),
      users: this.files.staff.data.users,
      appointments: this.files.appointments.data.appointments,
      devices: this.files.devices.data.devices,
    };
  }

  archivedTickets(from: string, to: string) {
    return this.history.archivedTickets(from, to);
  }

  statsBuckets(from: string, to: string) {
    return this.history.statsBuckets(from, to);
  }

  findArchivedTicket(token: string) {
    return this.history.findArchivedTicket(token);
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.idle();
      await this.snapshotting;
      if (this.sinceSnapshot > 0 || this.snapshotDue) await this.trySnapshot();
      else if (this.cutJournalAt !== undefined) await this.cutJournal();
    } finally {
      await this.journal.close();
      await releaseLock(this.lock);
    }
  }
}

/** Runs a change's `meanwhile` work; a failure there is the caller's to notice, never the store's. */
function runMeanwhile(work: (() => void) | undefined): void {
  try {
    work?.();
  } catch (error) {
    log.error({ err: error }, 'work beside a journal write failed');
  }
}
