/**
 * The storage interface. The rest of the server depends only on this; adapters (lowdb now,
 * PostgreSQL later) implement it. Every method resolves only once the data is stored.
 */
import type { HourBucket } from '../../core/stats.ts';
import type { Appointment, DayState, Role, Ticket } from '../../core/types.ts';

export interface StoredUser {
  username: string;
  role: Role;
  passwordHash: string;
  createdAt: number;
  disabled?: boolean;
}

export type DeviceKind = 'kiosk' | 'screen';

export interface StoredDevice {
  id: string;
  kind: DeviceKind;
  name: string;
  /** For screens: show only counters of this area. */
  area?: string;
  /** sha256 of the pairing token (the token itself is shown once). */
  tokenHash: string;
  createdAt: number;
  lastSeenAt?: number;
}

/** One staff action. Never holds visitors' data; tickets appear only by number. */
export interface AuditEntry {
  at: number;
  username: string;
  action: string;
  target?: string;
  detail?: string;
}

export interface Store {
  /** The live office day, or null on a first start. */
  loadDay(): Promise<DayState | null>;
  /** Stores the live office day. */
  saveDay(state: DayState): Promise<void>;
  /** Archives a finished day: its tickets (details) and its hourly statistics. */
  archiveDay(state: DayState, buckets: HourBucket[]): Promise<void>;
  /** Hourly statistics of archived days `from`..`to`; they outlive the ticket details. */
  statsBuckets(from: string, to: string): Promise<HourBucket[]>;
  /** Deletes ticket details of archived days before `day`; returns how many days were purged. */
  purgeDetailsBefore(day: string): Promise<number>;
  /** Everything stored, for a backup; consistent when called between mutations. */
  exportAll(): Promise<StoreExport>;
  /** Archived tickets of local days `from`..`to` (YYYY-MM-DD, inclusive). */
  archivedTickets(from: string, to: string): Promise<Ticket[]>;
  /** An archived ticket by its phone-page token, searching the most recent days. */
  findArchivedTicket(token: string): Promise<Ticket | null>;

  listUsers(): Promise<StoredUser[]>;
  saveUser(user: StoredUser): Promise<void>;
  deleteUser(username: string): Promise<void>;

  listDevices(): Promise<StoredDevice[]>;
  saveDevice(device: StoredDevice): Promise<void>;
  deleteDevice(id: string): Promise<void>;

  /** Appends to the audit log of staff actions. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** The newest audit entries, newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;

  listAppointments(): Promise<Appointment[]>;
  saveAppointment(appointment: Appointment): Promise<void>;

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
