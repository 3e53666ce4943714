/**
 * The storage interface. The rest of the server depends only on this; adapters (lowdb for one
 * process, PostgreSQL for several) implement it. Every method resolves only once the data is stored.
 */
import type { DeviceIdentity } from '../../core/admin-views.ts';
import type { HourBucket } from '../../core/stats.ts';
import type { Appointment, DayState, Role, StaffUser, Ticket } from '../../core/types.ts';

export interface StoredUser {
  username: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
  disabled?: boolean;
  /** A generated password: the account must choose its own before doing anything else. */
  mustChangePassword?: boolean;
  /** The counters this account may work at (absent: any counter). */
  counters?: string[];
}

export type { DeviceKind } from '../../core/admin-views.ts';

/** A paired device with its screen settings (see `DeviceIdentity`). */
export interface StoredDevice extends DeviceIdentity {
  /** sha256 of the pairing token (the token itself is shown once). */
  tokenHash: string;
  createdAt: number;
  lastSeenAt?: number;
}

/** Sessions one account may hold at once; signing in once more ends its oldest. */
export const SESSIONS_PER_ACCOUNT = 20;

/** A signed-in staff session (the token itself is never stored, only its hash). */
export interface StoredSession {
  tokenHash: string;
  user: StaffUser;
  expiresAt: number;
  /** The counter a clerk signed in to. */
  counterId?: string;
  /** The counters the account may work at (absent: any). */
  counters?: string[];
}

/** One staff action. Never holds visitors' data; tickets appear only by number. */
export interface AuditEntry {
  at: number;
  username: string;
  action: string;
  target?: string;
  detail?: string;
}

/**
 * What a change of the live day may do, inside one transaction that holds the office's lock:
 * no other change (in this process or any other) runs until it is stored.
 */
export interface DayTransaction {
  /** The live day as stored now (null on a first start). */
  readonly day: DayState | null;
  /** Archives a finished day: its tickets (details) and its hourly statistics. */
  archiveDay(state: DayState, buckets: HourBucket[]): Promise<void>;
  /** Deletes ticket details of archived days before `day`; returns how many days were purged. */
  purgeDetailsBefore(day: string): Promise<number>;
  findAppointment(code: string): Promise<Appointment | undefined>;
  /** Every stored appointment, as seen under the lock (bookings check free places with it). */
  listAppointments(): Promise<Appointment[]>;
  saveAppointment(appointment: Appointment): Promise<void>;
}

export interface TransactionResult<T> {
  /** The new live day to store, or null to leave it as it is. */
  next: DayState | null;
  value: T;
  /**
   * Work the answer will need, run while `next` is on its way to the disk if the store writes
   * off the event loop (the local journal), so the answer waits for the longer of the two, not
   * for both. Stores that hold a lock meanwhile (PostgreSQL) skip it.
   */
  meanwhile?: () => void;
}

export interface Store {
  /** The live office day, or null on a first start. */
  loadDay(): Promise<DayState | null>;
  /**
   * Runs `fn` with the office's lock (one change at a time, across all server processes) and
   * stores its `next` day durably before resolving. If `fn` throws, nothing is stored.
   */
  transact<T>(fn: (tx: DayTransaction) => Promise<TransactionResult<T>>): Promise<T>;
  /**
   * Called when another server process changed the live day (multi-process stores only);
   * returns an unsubscribe function.
   */
  onExternalChange(listener: () => void): () => void;
  /** Hourly statistics of archived days `from`..`to`; they outlive the ticket details. */
  statsBuckets(from: string, to: string): Promise<HourBucket[]>;
  /** Everything stored, for a backup; consistent when called between mutations. */
  exportAll(): Promise<StoreExport>;
  /** Archived tickets of local days `from`..`to` (YYYY-MM-DD, inclusive). */
  archivedTickets(from: string, to: string): Promise<Ticket[]>;
  /**
   * An archived ticket by its phone-page token (a visitor opening yesterday's link), searching the
   * most recent days: the file store the last three archived days, PostgreSQL every day whose
   * ticket details are still kept (by an index on the token).
   */
  findArchivedTicket(token: string): Promise<Ticket | null>;

  listUsers(): Promise<StoredUser[]>;
  saveUser(user: StoredUser): Promise<void>;
  deleteUser(username: string): Promise<void>;

  getSession(tokenHash: string): Promise<StoredSession | null>;
  putSession(session: StoredSession): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(username: string): Promise<void>;

  listDevices(): Promise<StoredDevice[]>;
  findDeviceByTokenHash(tokenHash: string): Promise<StoredDevice | null>;
  saveDevice(device: StoredDevice): Promise<void>;
  deleteDevice(id: string): Promise<void>;

  /**
   * Appends to the audit log of staff actions. It follows an action already stored, so it is not
   * answered: a failure is logged (the file store appends without waiting for the disk; the
   * PostgreSQL store rejects and the caller logs it).
   */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The newest audit entries, newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;

  listAppointments(): Promise<Appointment[]>;
  /** Stores a new appointment; false when its code is taken (checked atomically). */
  createAppointment(appointment: Appointment): Promise<boolean>;

  /** False while the store cannot write (the last write failed and a new attempt fails too). */
  ready(): Promise<boolean>;

  close(): Promise<void>;
}

export interface StoreExport {
  format: 'lotse-backup-1';
  liveDay: DayState | null;
  archive: { day: string; tickets: Ticket[] }[];
  stats: { day: string; buckets: HourBucket[] }[];
  users: StoredUser[];
  appointments: Appointment[];
  devices: StoredDevice[];
}

/** A storage problem the server cannot recover from by itself (names the file or table). */
export class StoreError extends Error {}

/**
 * A change could not be stored (disk full, database unreachable): nothing of it was stored, and
 * the server answers 507 (`full`) or 503 until storing works again.
 */
export class StoreWriteError extends Error {
  constructor(
    message: string,
    readonly full = false,
  ) {
    super(message);
  }
}
