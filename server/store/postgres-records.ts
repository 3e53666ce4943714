/**
 * The records the PostgreSQL store keeps beside the live day, one office's rows each: staff
 * accounts (`staff`), signed-in sessions (`sessions`, token hashes only), paired devices
 * (`devices`), the audit log (`audit`) and appointments (`appointments`). `postgres-store.ts`
 * builds the whole store on it.
 */
import type pg from 'pg';
import type { Appointment } from '../../core/types.ts';
import {
  type AuditEntry,
  SESSIONS_PER_ACCOUNT,
  type StoredDevice,
  type StoredSession,
  type StoredUser,
} from './store.ts';

/** The pool, or one connection holding a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

export class PostgresRecords {
  constructor(
    protected readonly pool: pg.Pool,
    readonly officeId: string,
  ) {}

  async listUsers(): Promise<StoredUser[]> {
    const r = await this.pool.query<{ data: StoredUser }>('SELECT data FROM staff WHERE office_id = $1', [
      this.officeId,
    ]);
    return r.rows.map((row) => row.data);
  }

  async saveUser(user: StoredUser): Promise<void> {
    await this.pool.query(
      `INSERT INTO staff (office_id, username, data) VALUES ($1, $2, $3)
       ON CONFLICT (office_id, username) DO UPDATE SET data = EXCLUDED.data`,
      [this.officeId, user.username, JSON.stringify(user)],
    );
  }

  async deleteUser(username: string): Promise<void> {
    await this.pool.query('DELETE FROM staff WHERE office_id = $1 AND username = $2', [this.officeId, username]);
  }

  async getSession(tokenHash: string): Promise<StoredSession | null> {
    const r = await this.pool.query<{ data: StoredSession }>(
      'SELECT data FROM sessions WHERE token_hash = $1 AND office_id = $2',
      [tokenHash, this.officeId],
    );
    return r.rows[0]?.data ?? null;
  }

  async putSession(session: StoredSession): Promise<void> {
    await this.pool.query(
      `INSERT INTO sessions (token_hash, office_id, username, data, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (token_hash) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
      [session.tokenHash, this.officeId, session.user.username, JSON.stringify(session), session.expiresAt],
    );
    await this.pool.query('DELETE FROM sessions WHERE expires_at < $1', [Date.now() - 3600_000]);
    // Bounded per account (oldest first), so no account can push out the sessions of others.
    await this.pool.query(
      `DELETE FROM sessions WHERE office_id = $1 AND username = $2 AND token_hash NOT IN (
         SELECT token_hash FROM sessions WHERE office_id = $1 AND username = $2 ORDER BY expires_at DESC LIMIT $3)`,
      [this.officeId, session.user.username, SESSIONS_PER_ACCOUNT],
    );
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessionsOf(username: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE office_id = $1 AND username = $2', [this.officeId, username]);
  }

  async listDevices(): Promise<StoredDevice[]> {
    const r = await this.pool.query<{ data: StoredDevice }>('SELECT data FROM devices WHERE office_id = $1', [
      this.officeId,
    ]);
    return r.rows.map((row) => row.data);
  }

  async findDeviceByTokenHash(tokenHash: string): Promise<StoredDevice | null> {
    const r = await this.pool.query<{ data: StoredDevice }>(
      'SELECT data FROM devices WHERE office_id = $1 AND token_hash = $2',
      [this.officeId, tokenHash],
    );
    return r.rows[0]?.data ?? null;
  }

  async saveDevice(device: StoredDevice): Promise<void> {
    await this.pool.query(
      `INSERT INTO devices (office_id, id, token_hash, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (office_id, id) DO UPDATE SET data = EXCLUDED.data`,
      [this.officeId, device.id, device.tokenHash, JSON.stringify(device)],
    );
  }

  async deleteDevice(id: string): Promise<void> {
    await this.pool.query('DELETE FROM devices WHERE office_id = $1 AND id = $2', [this.officeId, id]);
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.pool.query('INSERT INTO audit (office_id, at, entry) VALUES ($1, $2, $3)', [
      this.officeId,
      entry.at,
      JSON.stringify(entry),
    ]);
  }

  async listAudit(limit: number): Promise<AuditEntry[]> {
    const r = await this.pool.query<{ entry: AuditEntry }>(
      'SELECT entry FROM audit WHERE office_id = $1 ORDER BY seq DESC LIMIT $2',
      [this.officeId, limit],
    );
    return r.rows.map((row) => row.entry);
  }

  /** The office's appointments (`db`: the pool, or a change's transaction). */
  async listAppointments(db: Queryable = this.pool): Promise<Appointment[]> {
    const r = await db.query<{ data: Appointment }>('SELECT data FROM appointments WHERE office_id = $1', [
      this.officeId,
    ]);
    return r.rows.map((row) => row.data);
  }

  /** An appointment by its code, locked until the change's transaction ends. */
  protected async lockAppointment(db: Queryable, code: string): Promise<Appointment | undefined> {
    const r = await db.query<{ data: Appointment }>(
      'SELECT data FROM appointments WHERE office_id = $1 AND code = $2 FOR UPDATE',
      [this.officeId, code],
    );
    return r.rows[0]?.data;
  }

  async createAppointment(appointment: Appointment): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO appointments (office_id, code, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [this.officeId, appointment.code, JSON.stringify(appointment)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  protected async upsertAppointment(db: Queryable, appointment: Appointment): Promise<void> {
    await db.query(
      `INSERT INTO appointments (office_id, code, data) VALUES ($1, $2, $3)
       ON CONFLICT (office_id, code) DO UPDATE SET data = EXCLUDED.data`,
      [this.officeId, appointment.code, JSON.stringify(appointment)],
    );
  }
}
