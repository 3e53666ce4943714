/**
 * The storage interface. The rest of the server depends only on this; adapters (lowdb now,
 * PostgreSQL later) implement it. Every method resolves only once the data is stored.
 */
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
  /** Archives a finished day (its tickets become history for statistics). */
  archiveDay(state: DayState): Promise<void>;
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

/** A storage problem the server cannot recover from by itself (names the file or table). */
export class StoreError extends Error {}
