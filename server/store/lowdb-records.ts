/**
 * The records the lowdb store keeps beside the live day: staff accounts (staff.json), signed-in
 * sessions (sessions.json, token hashes only), paired devices (devices.json), appointments
 * (appointments.json), each a JSON file written durably, and the audit log (audit.ndjson, one
 * JSON line per staff action). `lowdb-store.ts` builds the whole store on it.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import type { Appointment } from '../../core/types.ts';
import { logger } from '../logger.ts';
import { openJSONFile } from './durable-file.ts';
import {
  type AuditEntry,
  type DayTransaction,
  SESSIONS_PER_ACCOUNT,
  type StoredDevice,
  type StoredSession,
  type StoredUser,
} from './store.ts';

const log = logger('store');

/** An appointment a change wrote, and what it was before (undefined: it is new). */
export interface AppointmentWritten {
  id: string;
  before: Appointment | undefined;
}

/** The JSON files of the records. */
export interface RecordFiles {
  staff: Low<{ users: StoredUser[] }>;
  appointments: Low<{ appointments: Appointment[] }>;
  devices: Low<{ devices: StoredDevice[] }>;
  sessions: Low<{ sessions: StoredSession[] }>;
}

/** Opens (and checks) the records' files in the data folder `dir`. */
export async function openRecordFiles(dir: string): Promise<RecordFiles> {
  return {
    staff: await openJSONFile<{ users: StoredUser[] }>(join(dir, 'staff.json'), { users: [] }),
    appointments: await openJSONFile<{ appointments: Appointment[] }>(join(dir, 'appointments.json'), {
      appointments: [],
    }),
    devices: await openJSONFile<{ devices: StoredDevice[] }>(join(dir, 'devices.json'), { devices: [] }),
    sessions: await openJSONFile<{ sessions: StoredSession[] }>(join(dir, 'sessions.json'), { sessions: [] }),
  };
}

export class LowdbRecords {
  /** Sessions, kept in memory and written to sessions.json on every change (a restart keeps them). */
  private sessions = new Map<string, StoredSession>();
  /** Per file, the change being written: changes of one file are written one after another. */
  private readonly writing = new Map<Low<unknown>, Promise<unknown>>();

  constructor(
    protected readonly dir: string,
    protected readonly files: RecordFiles,
  ) {
    for (const session of files.sessions.data.sessions ?? []) this.sessions.set(session.tokenHash, session);
  }

  async listUsers() {
    return this.files.staff.data.users;
  }

  /**
   * Changes a file's data and writes it, after the changes of that file before it (`change`
   * answering the same data: nothing to write). The data is changed at once (read meanwhile, it
   * shows the change), and if the write fails it goes back to what it was, and `undo` runs: the
   * caller is refused, and nothing of the change stays, in memory or on disk.
   */
  private change<T>(file: Low<T>, change: (data: T) => T, undo?: () => void, keep = false): Promise<void> {
    const run = async () => {
      const before = file.data;
      const after = change(before);
      if (after === before) return;
      file.data = after;
      try {
        await file.write();
      } catch (error) {
        if (keep) throw error;
        file.data = before;
        undo?.();
        throw error;
      }
    };
    const previous = this.writing.get(file as Low<unknown>) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.writing.set(
      file as Low<unknown>,
      next.catch(() => undefined),
    );
    return next;
  }

  async saveUser(user: StoredUser) {
    await this.change(this.files.staff, (d) => ({
      users: [...d.users.filter((u) => u.username !== user.username), user],
    }));
  }

  async deleteUser(username: string) {
    await this.change(this.files.staff, (d) => ({ users: d.users.filter((u) => u.username !== username) }));
  }

  async getSession(tokenHash: string) {
    return this.sessions.get(tokenHash) ?? null;
  }

  async putSession(session: StoredSession) {
    await this.changeSessions((sessions) => {
      const fresh = !sessions.has(session.tokenHash);
      sessions.set(session.tokenHash, session);
      if (fresh) {
        // Bounded per account (oldest first), so no account can push out the sessions of others.
        const own: string[] = [];
        for (const [k, v] of sessions) if (v.user.username === session.user.username) own.push(k);
        for (const k of own.slice(0, Math.max(0, own.length - SESSIONS_PER_ACCOUNT))) sessions.delete(k);
      }
      return true;
    });
  }

  async deleteSession(tokenHash: string) {
    await this.changeSessions((sessions) => sessions.delete(tokenHash));
  }

  async deleteSessionsOf(username: string) {
    await this.changeSessions((sessions) => {
      let changed = false;
      for (const [k, v] of sessions) {
        if (v.user.username !== username) continue;
        sessions.delete(k);
        changed = true;
      }
      return changed;
    });
  }

  /**
   * Changes the sessions (`edit` answers whether it changed any) and writes every session; if the
   * write fails, the sessions are what they were. The file stays small without pruning by time:
   * at most SESSIONS_PER_ACCOUNT per account, and an expired session is deleted when it is next
   * presented.
   */
  private async changeSessions(edit: (sessions: Map<string, StoredSession>) => boolean): Promise<void> {
    let before = this.sessions;
    await this.change(
      this.files.sessions,
      (data) => {
        before = this.sessions;
        const next = new Map(before);
        if (!edit(next)) return data;
        this.sessions = next;
        return { sessions: [...next.values()] };
      },
      () => {
        this.sessions = before;
      },
    );
  }

  async findDeviceByTokenHash(tokenHash: string) {
    return this.files.devices.data.devices.find((d) => d.tokenHash === tokenHash) ?? null;
  }

  async listDevices() {
    return this.files.devices.data.devices;
  }

  async saveDevice(device: StoredDevice) {
    await this.change(this.files.devices, (d) => ({
      devices: [...d.devices.filter((x) => x.id !== device.id), device],
    }));
  }

  async deleteDevice(id: string) {
    await this.change(this.files.devices, (d) => ({ devices: d.devices.filter((x) => x.id !== id) }));
  }

  private auditPath() {
    return join(this.dir, 'audit.ndjson');
  }

  /** The audit line follows an action that is already stored: a failure is logged, not answered. */
  async appendAudit(entry: AuditEntry) {
    try {
      appendFileSync(this.auditPath(), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    } catch (error) {
      log.error({ err: error, entry }, 'cannot append to the audit log');
    }
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
    return this.files.appointments.data.appointments;
  }

  async createAppointment(appointment: Appointment) {
    if (this.files.appointments.data.appointments.some((a) => a.code === appointment.code)) return false;
    await this.saveAppointment(appointment);
    return true;
  }

  /** A change's access to the appointments; what it writes is noted in `written` (see `restoreAppointments`). */
  protected appointmentsOfChange(
    written: AppointmentWritten[],
  ): Pick<DayTransaction, 'findAppointment' | 'listAppointments' | 'saveAppointment'> {
    return {
      findAppointment: async (code) => this.files.appointments.data.appointments.find((a) => a.code === code),
      listAppointments: async () => this.files.appointments.data.appointments,
      saveAppointment: async (appointment) => {
        const before = this.files.appointments.data.appointments.find((a) => a.id === appointment.id);
        await this.saveAppointment(appointment);
        written.push({ id: appointment.id, before });
      },
    };
  }

  /**
   * Puts appointments a refused change wrote back as they were (newest first). They are back in
   * memory whatever happens; if the file cannot be written now, the next write of it stores them
   * (every write writes the whole list), and the failure is logged.
   */
  protected async restoreAppointments(written: readonly AppointmentWritten[]): Promise<void> {
    const restore = (d: { appointments: Appointment[] }) => {
      let list = d.appointments;
      for (const { id, before } of [...written].reverse()) {
        list = list.filter((a) => a.id !== id);
        if (before) list = [...list, before];
      }
      return { appointments: list };
    };
    try {
      await this.change(this.files.appointments, restore, undefined, true);
    } catch (error) {
      log.error({ err: error }, 'cannot write back the appointments of a refused change; the next write stores them');
    }
  }

  protected async saveAppointment(appointment: Appointment) {
    await this.change(this.files.appointments, (d) => ({
      appointments: [...d.appointments.filter((a) => a.id !== appointment.id), appointment],
    }));
  }
}
