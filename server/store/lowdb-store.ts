/**
 * The embedded default storage: lowdb JSON files under the data folder.
 *   live-day.json          the live office day (small: one day's tickets)
 *   archive/YYYY-MM-DD.json  one file per closed day
 *   staff.json, appointments.json
 * A lock file keeps a second server process off the same folder.
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Appointment, DayState, Ticket } from '../../core/types.ts';
import { type Store, StoreError, type StoredUser } from './store.ts';

interface ArchiveFile {
  day: string;
  tickets: Ticket[];
}

async function open<T>(path: string, defaults: T): Promise<Low<T>> {
  const db = new Low<T>(new JSONFile<T>(path), defaults);
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

function acquireLock(dir: string): string {
  const path = join(dir, 'lotse.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return path;
    } catch {
      let pid = Number.NaN;
      try {
        pid = Number(readFileSync(path, 'utf8'));
      } catch {
        /* vanished in between: try again */
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new StoreError(
          `Another Lotse server (process ${pid}) is using the data folder ${dir}. Only one server may write to it.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(`Cannot lock the data folder ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openLowdbStore(dir: string): Promise<Store> {
  mkdirSync(join(dir, 'archive'), { recursive: true });
  const lock = acquireLock(dir);
  try {
    const day = await open<{ state: DayState | null }>(join(dir, 'live-day.json'), { state: null });
    const staff = await open<{ users: StoredUser[] }>(join(dir, 'staff.json'), { users: [] });
    const appointments = await open<{ appointments: Appointment[] }>(join(dir, 'appointments.json'), {
      appointments: [],
    });
    return new LowdbStore(dir, lock, day, staff, appointments);
  } catch (error) {
    rmSync(lock, { force: true });
    throw error;
  }
}

class LowdbStore implements Store {
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly lock: string,
    private readonly day: Low<{ state: DayState | null }>,
    private readonly staff: Low<{ users: StoredUser[] }>,
    private readonly appointments: Low<{ appointments: Appointment[] }>,
  ) {}

  async loadDay() {
    return this.day.data.state;
  }

  async saveDay(state: DayState) {
    this.day.data.state = state;
    await this.day.write();
  }

  private archivePath(day: string) {
    return join(this.dir, 'archive', `${day}.json`);
  }

  async archiveDay(state: DayState) {
    const db = await open<ArchiveFile>(this.archivePath(state.day), { day: state.day, tickets: [] });
    const known = new Map(db.data.tickets.map((t) => [t.id, t]));
    for (const t of state.tickets) known.set(t.id, t);
    db.data = { day: state.day, tickets: [...known.values()] };
    await db.write();
  }

  private archivedDays(): string[] {
    return readdirSync(join(this.dir, 'archive'))
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
      .map((f) => f.slice(0, 10))
      .sort();
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

  async findArchivedTicket(token: string) {
    for (const day of this.archivedDays().slice(-3).reverse()) {
      const db = await open<ArchiveFile>(this.archivePath(day), { day, tickets: [] });
      const found = db.data.tickets.find((t) => t.token === token);
      if (found) return found;
    }
    return null;
  }

  async listUsers() {
    return this.staff.data.users;
  }

  async saveUser(user: StoredUser) {
    this.staff.data.users = [...this.staff.data.users.filter((u) => u.username !== user.username), user];
    await this.staff.write();
  }

  async listAppointments() {
    return this.appointments.data.appointments;
  }

  async saveAppointment(appointment: Appointment) {
    this.appointments.data.appointments = [
      ...this.appointments.data.appointments.filter((a) => a.id !== appointment.id),
      appointment,
    ];
    await this.appointments.write();
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    rmSync(this.lock, { force: true });
  }
}
