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
}

/** A storage problem the server cannot recover from by itself (names the file or table). */
export class StoreError extends Error {}
