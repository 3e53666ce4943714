/**
 * The embedded default storage: lowdb JSON files under the data folder, written durably.
 *   live-day.json            snapshot of the live office day (one day's tickets: stays small)
 *   journal.ndjson           every change since that snapshot, fsync'd before it is confirmed
 *   archive/YYYY-MM-DD.json  ticket details of one closed day (deleted after the retention period)
 *   stats/YYYY-MM-DD.json    hourly statistics of one closed day (kept)
 *   staff.json, appointments.json, devices.json
 *   audit.ndjson             staff actions, one JSON line each
 * Issuing or calling costs one journal append, whatever the history; every SNAPSHOT_EVERY
 * changes the snapshot is rewritten and the journal emptied.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { applyDelta, diffDay } from '../../core/day-delta.ts';
import type { HourBucket } from '../../core/stats.ts';
import { type Appointment, type DayState, RECENT_CALLS_CAP, type Ticket } from '../../core/types.ts';
import { DurableJSONFile } from './durable-file.ts';
import { Journal } from './journal.ts';
import { acquireLock, releaseLock } from './lock.ts';
import {
  type AuditEntry,
  type DayTransaction,
  type Store,
  StoreError,
  type StoreExport,
  type StoredDevice,
  SESSIONS_PER_ACCOUNT,
  type StoredSession,
  type StoredUser,
  type TransactionResult,
} from './store.ts';

const SNAPSHOT_EVERY = 200;

interface ArchiveFile {
  day: string;
  tickets: Ticket[];
}

interface StatsFile {
  day: string;
  buckets: HourBucket[];
}

interface DayFile {
  state: DayState | null;
  /** Number of the last journal entry contained in this snapshot. */
  journalN: number;
}

async function open<T>(path: string, defaults: T): Promise<Low<T>> {
  const db = new Low<T>(new DurableJSONFile<T>(path), defaults);
  try {
    await db.read();
  } catch (error) {
    throw new StoreError(
      `Data file ${path} cannot be read (${error instanceof SyntaxError ? 'not valid JSON' : 'read error'}); ` +
        'it was left untouched. Restore it from a backup or move it away to start without it.',
    );
  }
  return db;
}

export async function openLowdbStore(dir: string): Promise<Store> {
  mkdirSync(join(dir, 'archive'), { recursive: true });
  mkdirSync(join(dir, 'stats'), { recursive: true });
  const lock = acquireLock(dir);
  let journal: Journal | undefined;
  try {
    const day = await open<DayFile>(join(dir, 'live-day.json'), { state: null, journalN: 0 });
    journal = new Journal(join(dir, 'journal.ndjson'));
    let state = day.data.state;
    let n = day.data.journalN ?? 0;
    for (const entry of journal.open()) {
      if (entry.n <= n) continue;
      try {
        state = applyDelta(state, entry.delta, RECENT_CALLS_CAP);
      } catch {
        throw new StoreError(`Journal ${journal.path} does not fit the snapshot live-day.json (entry ${entry.n}).`);
      }
      n = entry.n;
    }
    const staff = await open<{ users: StoredUser[] }>(join(dir, 'staff.json'), { users: [] });
    const appointments = await open<{ appointments: Appointment[] }>(join(dir, 'appointments.json'), {
      appointments: [],
    });
    const devices = await open<{ devices: StoredDevice[] }>(join(dir, 'devices.json'), { devices: [] });
    return new LowdbStore(dir, lock, day, journal, state, n, staff, appointments, devices);
  } catch (error) {
    journal?.close();
    releaseLock(lock);
    throw error;
  }
}

class LowdbStore implements Store {
  private closed = false;
  private sinceSnapshot = 0;

  constructor(
    private readonly dir: string,
    private readonly lock: string,
    private readonly day: Low<DayFile>,
    private readonly journal: Journal,
    private last: DayState | null,
    private n: number,
    private readonly staff: Low<{ users: StoredUser[] }>,
    private readonly appointments: Low<{ appointments: Appointment[] }>,
    private readonly devices: Low<{ devices: StoredDevice[] }>,
  ) {}

  /** Changes run one after another in this process; exactly one process owns the folder (lock file). */
  private tail: Promise<unknown> = Promise.resolve();

  async loadDay() {
    return this.last;
  }

  transact<T>(fn: (tx: DayTransaction) => Promise<TransactionResult<T>>): Promise<T> {
    const run = async () => {
      const tx: DayTransaction = {
        day: this.last,
        archiveDay: (state, buckets) => this.archiveDay(state, buckets),
        purgeDetailsBefore: (day) => this.purgeDetailsBefore(day),
        findAppointment: async (code) => this.appointments.data.appointments.find((a) => a.code === code),
        listAppointments: async () => this.appointments.data.appointments,
        saveAppointment: (appointment) => this.saveAppointment(appointment),
      };
      const result = await fn(tx);
      if (result.next && result.next !== this.last) await this.saveDay(result.next);
      return result.value;
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  onExternalChange(): () => void {
    return () => undefined;
  }

  private async saveDay(state: DayState) {
    const delta = diffDay(this.last, state);
    this.n += 1;
    this.journal.append({ n: this.n, delta });
    this.last = state;
    this.sinceSnapshot += 1;
    if (delta.kind === 'full' || this.sinceSnapshot >= SNAPSHOT_EVERY) await this.snapshot();
  }

  private async snapshot() {
    this.day.data = { state: this.last, journalN: this.n };
    await this.day.write();
    this.journal.reset();
    this.sinceSnapshot = 0;
  }

  private archivePath(day: string) {
    return join(this.dir, 'archive', `${day}.json`);
  }

  private async archiveDay(state: DayState, buckets: HourBucket[]) {
    this.tokenIndex = null;
    const db = await open<ArchiveFile>(this.archivePath(state.day), { day: state.day, tickets: [] });
    const known = new Map(db.data.tickets.map((t) => [t.id, t]));
    for (const t of state.tickets) known.set(t.id, t);
    db.data = { day: state.day, tickets: [...known.values()] };
    await db.write();
    const stats = await open<StatsFile>(this.statsPath(state.day), { day: state.day, buckets: [] });
    stats.data = { day: state.day, buckets };
    await stats.write();
  }

  private statsPath(day: string) {
    return join(this.dir, 'stats', `${day}.json`);
  }

  private daysIn(folder: 'archive' | 'stats'): string[] {
    return readdirSync(join(this.dir, folder))
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
      .map((f) => f.slice(0, 10))
      .sort();
  }

  private archivedDays(): string[] {
    return this.daysIn('archive');
  }

  async archivedTickets(from: string, to: string) {
    const tickets: Ticket[] = [];
    for (const day of this.archivedDays()) {
      if (day < from || day > to) continue;
      const db = await open<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
      tickets.push(...db.data.tickets);
    }
    return tickets;
  }

  async statsBuckets(from: string, to: string) {
    const buckets: HourBucket[] = [];
    for (const day of this.daysIn('stats')) {
      if (day < from || day > to) continue;
      const db = await open<StatsFile>(this.statsPath(day), { day, buckets: [] });
      buckets.push(...db.data.buckets);
    }
    return buckets;
  }

  private async purgeDetailsBefore(day: string) {
    let purged = 0;
    for (const d of this.archivedDays()) {
      if (d >= day) break;
      rmSync(this.archivePath(d), { force: true });
      purged++;
    }
    return purged;
  }

  async exportAll(): Promise<StoreExport> {
    const archive = [];
    for (const day of this.archivedDays()) {
      const db = await open<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
      archive.push(db.data);
    }
    const stats = [];
    for (const day of this.daysIn('stats')) {
      const db = await open<StatsFile>(this.statsPath(day), { day, buckets: [] });
      stats.push(db.data);
    }
    return {
      format: 'lotse-backup-1',
      liveDay: this.last,
      archive,
      stats,
      users: this.staff.data.users,
      appointments: this.appointments.data.appointments,
      devices: this.devices.data.devices,
    };
  }

  /** Tokens of the last three archived days, read once (a look-up must not parse files each time). */
  private tokenIndex: { days: string; tickets: Map<string, Ticket> } | null = null;

  async findArchivedTicket(token: string) {
    const days = this.archivedDays().slice(-3);
    const key = days.join(',');
    if (this.tokenIndex?.days !== key) {
      const tickets = new Map<string, Ticket>();
      for (const day of days) {
        const db = await open<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
        for (const t of db.data.tickets) tickets.set(t.token, t);
      }
      this.tokenIndex = { days: key, tickets };
    }
    return this.tokenIndex.tickets.get(token) ?? null;
  }

  async listUsers() {
    return this.staff.data.users;
  }

  async saveUser(user: StoredUser) {
    this.staff.data.users = [...this.staff.data.users.filter((u) => u.username !== user.username), user];
    await this.staff.write();
  }

  async deleteUser(username: string) {
    this.staff.data.users = this.staff.data.users.filter((u) => u.username !== username);
    await this.staff.write();
  }

  /** Sessions live in memory: one process, and a restart signs everybody out. */
  private readonly sessions = new Map<string, StoredSession>();

  async getSession(tokenHash: string) {
    return this.sessions.get(tokenHash) ?? null;
  }

  async putSession(session: StoredSession) {
    const fresh = !this.sessions.has(session.tokenHash);
    this.sessions.set(session.tokenHash, session);
    if (!fresh) return;
    // Bounded per account (oldest first), so no account can push out the sessions of others.
    const own: string[] = [];
    for (const [k, v] of this.sessions) if (v.user.username === session.user.username) own.push(k);
    for (const k of own.slice(0, Math.max(0, own.length - SESSIONS_PER_ACCOUNT))) this.sessions.delete(k);
  }

  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }

  async deleteSessionsOf(username: string) {
    for (const [k, v] of this.sessions) if (v.user.username === username) this.sessions.delete(k);
  }

  async findDeviceByTokenHash(tokenHash: string) {
    return this.devices.data.devices.find((d) => d.tokenHash === tokenHash) ?? null;
  }

  async listDevices() {
    return this.devices.data.devices;
  }

  async saveDevice(device: StoredDevice) {
    this.devices.data.devices = [...this.devices.data.devices.filter((d) => d.id !== device.id), device];
    await this.devices.write();
  }

  async deleteDevice(id: string) {
    this.devices.data.devices = this.devices.data.devices.filter((d) => d.id !== id);
    await this.devices.write();
  }

  private auditPath() {
    return join(this.dir, 'audit.ndjson');
  }

  async appendAudit(entry: AuditEntry) {
    appendFileSync(this.auditPath(), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  async listAudit(limit: number) {
    if (!existsSync(this.auditPath())) return [];
    const lines = readFileSync(this.auditPath(), 'utf8').trimEnd().split('\n');
    const entries: AuditEntry[] = [];
    for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
      try {
        if (lines[i]) entries.push(JSON.parse(lines[i] as string) as AuditEntry);
      } catch {
        /* a torn last line after a crash: skip it */
      }
    }
    return entries;
  }

  async listAppointments() {
    return this.appointments.data.appointments;
  }

  async createAppointment(appointment: Appointment) {
    if (this.appointments.data.appointments.some((a) => a.code === appointment.code)) return false;
    await this.saveAppointment(appointment);
    return true;
  }

  private async saveAppointment(appointment: Appointment) {
    this.appointments.data.appointments = [
      ...this.appointments.data.appointments.filter((a) => a.id !== appointment.id),
      appointment,
    ];
    await this.appointments.write();
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.sinceSnapshot > 0) await this.snapshot();
    } finally {
      this.journal.close();
      releaseLock(this.lock);
    }
  }
}
