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
  SESSIONS_PER_ACCOUNT,
  type StoredDevice,
  type StoredSession,
  type StoredUser,
} from './store.ts';

const log = logger('store');

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
  private readonly sessions = new Map<string, StoredSession>();

  constructor(
    protected readonly dir: string,
    protected readonly files: RecordFiles,
  ) {
    for (const session of files.sessions.data.sessions ?? []) this.sessions.set(session.tokenHash, session);
  }

  async listUsers() {
    return this.files.staff.data.users;
  }

  async saveUser(user: StoredUser) {
    this.files.staff.data.users = [...this.files.staff.data.users.filter((u) => u.username !== user.username), user];
    await this.files.staff.write();
  }

  async deleteUser(username: string) {
    this.files.staff.data.users = this.files.staff.data.users.filter((u) => u.username !== username);
    await this.files.staff.write();
  }

  async getSession(tokenHash: string) {
    return this.sessions.get(tokenHash) ?? null;
  }

  async putSession(session: StoredSession) {
    const fresh = !this.sessions.has(session.tokenHash);
    this.sessions.set(session.tokenHash, session);
    if (fresh) {
      // Bounded per account (oldest first), so no account can push out the sessions of others.
      const own: string[] = [];
      for (const [k, v] of this.sessions) if (v.user.username === session.user.username) own.push(k);
      for (const k of own.slice(0, Math.max(0, own.length - SESSIONS_PER_ACCOUNT))) this.sessions.delete(k);
    }
    await this.writeSessions();
  }

  async deleteSession(tokenHash: string) {
    if (this.sessions.delete(tokenHash)) await this.writeSessions();
  }

  async deleteSessionsOf(username: string) {
    let changed = false;
    for (const [k, v] of this.sessions) {
      if (v.user.username !== username) continue;
      this.sessions.delete(k);
      changed = true;
    }
    if (changed) await this.writeSessions();
  }

  /**
   * Writes every session. The file stays small without pruning by time: at most
   * SESSIONS_PER_ACCOUNT per account, and an expired session is deleted when it is next presented.
   */
  private async writeSessions() {
    this.files.sessions.data.sessions = [...this.sessions.values()];
    await this.files.sessions.write();
  }

  async findDeviceByTokenHash(tokenHash: string) {
    return this.files.devices.data.devices.find((d) => d.tokenHash === tokenHash) ?? null;
  }

  async listDevices() {
    return this.files.devices.data.devices;
  }

  async saveDevice(device: StoredDevice) {
    this.files.devices.data.devices = [...this.files.devices.data.devices.filter((d) => d.id !== device.id), device];
    await this.files.devices.write();
  }

  async deleteDevice(id: string) {
    this.files.devices.data.devices = this.files.devices.data.devices.filter((d) => d.id !== id);
    await this.files.devices.write();
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

  protected async saveAppointment(appointment: Appointment) {
    this.files.appointments.data.appointments = [
      ...this.files.appointments.data.appointments.filter((a) => a.id !== appointment.id),
      appointment,
    ];
    await this.files.appointments.write();
  }
}
