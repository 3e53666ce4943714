/**
 * The PostgreSQL store, for several server processes (a whole city): selected with
 * `LOTSE_DATABASE_URL=postgres://…`. Every change of an office's live day runs in one
 * transaction holding that office's `live_day` row lock (`SELECT … FOR UPDATE`), so two
 * processes never hand out one number or call one visitor twice; the other processes hear of
 * the change by `NOTIFY lotse_day` and reload. History, statistics, accounts, sessions and the
 * office configuration live in their own tables.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HourBucket } from '../../core/stats.ts';
import type { Appointment, DayState, Ticket } from '../../core/types.ts';
import { logger } from '../logger.ts';
import { MIGRATIONS } from './postgres-migrations.ts';
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

const log = logger('postgres');
const MIGRATION_LOCK = 7_381_001;

type Queryable = pg.Pool | pg.PoolClient;

export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS lotse_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM lotse_migrations')).rows.map((r) => r.version),
    );
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const version = i + 1;
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[i] as string);
        await client.query('INSERT INTO lotse_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
        log.info({ version }, 'applied database migration');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** One pool per process, shared by the offices it serves. */
export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', (error) => log.error({ err: error }, 'idle database connection failed'));
  return pool;
}

export async function openPostgresStore(url: string, officeId: string, pool = createPool(url)): Promise<PostgresStore> {
  try {
    await pool.query('SELECT 1');
  } catch {
    throw new StoreError(`Cannot reach the database at ${redact(url)}`);
  }
  await migrate(pool);
  const store = new PostgresStore(pool, officeId);
  await store.listen(url);
  return store;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export class PostgresStore implements Store {
  /** This process's cached copy of the live day and the row version it came from. */
  private cached: DayState | null = null;
  private cachedVersion = -1;
  private readonly instance = randomUUID();
  private listener: pg.Client | undefined;
  private readonly externalListeners = new Set<() => void>();
  private readonly officeListeners = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    readonly officeId: string,
  ) {}

  /** LISTENs for changes made by other processes. */
  async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', (error) => log.error({ err: error }, 'database listener failed'));
    await client.connect();
    await client.query('LISTEN lotse_day');
    await client.query('LISTEN lotse_office');
    client.on('notification', (msg) => {
      const [office, instance] = (msg.payload ?? '').split('|');
      if (office !== this.officeId || instance === this.instance) return;
      const targets = msg.channel === 'lotse_office' ? this.officeListeners : this.externalListeners;
      for (const l of targets) l();
    });
    this.listener = client;
  }

  async loadDay(): Promise<DayState | null> {
    const r = await this.pool.query<{ state: DayState | null; version: string }>(
      'SELECT state, version FROM live_day WHERE office_id = $1',
      [this.officeId],
    );
    const row = r.rows[0];
    if (!row) return null;
    this.cached = row.state;
    this.cachedVersion = Number(row.version);
    return row.state;
  }

  async transact<T>(fn: (tx: DayTransaction) => Promise<TransactionResult<T>>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        'INSERT INTO live_day (office_id, version, state) VALUES ($1, 0, NULL) ON CONFLICT DO NOTHING',
        [this.officeId],
      );
      const locked = await client.query<{ version: string }>(
        'SELECT version FROM live_day WHERE office_id = $1 FOR UPDATE',
        [this.officeId],
      );
      const version = Number(locked.rows[0]?.version ?? 0);
      let day = this.cached;
      if (version !== this.cachedVersion) {
        const r = await client.query<{ state: DayState | null }>('SELECT state FROM live_day WHERE office_id = $1', [
          this.officeId,
        ]);
        day = r.rows[0]?.state ?? null;
      }
      const tx: DayTransaction = {
        day,
        archiveDay: (state, buckets) => this.archiveDay(client, state, buckets),
        purgeDetailsBefore: (before) => this.purgeDetailsBefore(client, before),
        findAppointment: async (code) => {
          const r = await client.query<{ data: Appointment }>(
            'SELECT data FROM appointments WHERE office_id = $1 AND code = $2 FOR UPDATE',
            [this.officeId, code],
          );
          return r.rows[0]?.data;
        },
        listAppointments: async () => {
          const r = await client.query<{ data: Appointment }>('SELECT data FROM appointments WHERE office_id = $1', [
            this.officeId,
          ]);
          return r.rows.map((row) => row.data);
        },
        saveAppointment: (appointment) => this.upsertAppointment(client, appointment),
      };
      const result = await fn(tx);
      let nextVersion = version;
      if (result.next && result.next !== day) {
        nextVersion = version + 1;
        await client.query('UPDATE live_day SET state = $2, version = $3 WHERE office_id = $1', [
          this.officeId,
          JSON.stringify(result.next),
          nextVersion,
        ]);
        await client.query('SELECT pg_notify($1, $2)', [
          'lotse_day',
          `${this.officeId}|${this.instance}|${nextVersion}`,
        ]);
      }
      await client.query('COMMIT');
      this.cached = result.next && result.next !== day ? result.next : day;
      this.cachedVersion = nextVersion;
      return result.value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  onExternalChange(listener: () => void): () => void {
    this.externalListeners.add(listener);
    return () => this.externalListeners.delete(listener);
  }

  /** Another process changed the office configuration. */
  onOfficeChange(listener: () => void): () => void {
    this.officeListeners.add(listener);
    return () => this.officeListeners.delete(listener);
  }

  async loadOffice(): Promise<unknown | null> {
    const r = await this.pool.query<{ config: unknown }>('SELECT config FROM offices WHERE office_id = $1', [
      this.officeId,
    ]);
    return r.rows[0]?.config ?? null;
  }

  async saveOffice(config: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO offices (office_id, config) VALUES ($1, $2)
       ON CONFLICT (office_id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()`,
      [this.officeId, JSON.stringify(config)],
    );
    await this.pool.query('SELECT pg_notify($1, $2)', ['lotse_office', `${this.officeId}|${this.instance}`]);
  }

  private async archiveDay(db: Queryable, state: DayState, buckets: HourBucket[]): Promise<void> {
    for (const t of state.tickets) {
      await db.query(
        `INSERT INTO archived_tickets (office_id, day, id, token, ticket) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (office_id, id) DO UPDATE SET ticket = EXCLUDED.ticket`,
        [this.officeId, state.day, t.id, t.token, JSON.stringify(t)],
      );
    }
    await db.query(
      `INSERT INTO stats_days (office_id, day, buckets) VALUES ($1, $2, $3)
       ON CONFLICT (office_id, day) DO UPDATE SET buckets = EXCLUDED.buckets`,
      [this.officeId, state.day, JSON.stringify(buckets)],
    );
  }

  private async purgeDetailsBefore(db: Queryable, day: string): Promise<number> {
    const r = await db.query('DELETE FROM archived_tickets WHERE office_id = $1 AND day < $2', [this.officeId, day]);
    return r.rowCount ?? 0;
  }

  async statsBuckets(from: string, to: string): Promise<HourBucket[]> {
    const r = await this.pool.query<{ buckets: HourBucket[] }>(
      'SELECT buckets FROM stats_days WHERE office_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day',
      [this.officeId, from, to],
    );
    return r.rows.flatMap((row) => row.buckets);
  }

  async archivedTickets(from: string, to: string): Promise<Ticket[]> {
    const r = await this.pool.query<{ ticket: Ticket }>(
      'SELECT ticket FROM archived_tickets WHERE office_id = $1 AND day BETWEEN $2 AND $3',
      [this.officeId, from, to],
    );
    return r.rows.map((row) => row.ticket);
  }

  async findArchivedTicket(token: string): Promise<Ticket | null> {
    const r = await this.pool.query<{ ticket: Ticket }>(
      'SELECT ticket FROM archived_tickets WHERE office_id = $1 AND token = $2',
      [this.officeId, token],
    );
    return r.rows[0]?.ticket ?? null;
  }

  async exportAll(): Promise<StoreExport> {
    const archive = new Map<string, Ticket[]>();
    for (const t of await this.archivedTickets('0000-00-00', '9999-99-99')) {
      archive.set(t.day, [...(archive.get(t.day) ?? []), t]);
    }
    const stats = await this.pool.query<{ day: string; buckets: HourBucket[] }>(
      'SELECT day, buckets FROM stats_days WHERE office_id = $1 ORDER BY day',
      [this.officeId],
    );
    return {
      format: 'lotse-backup-1',
      liveDay: await this.loadDay(),
      archive: [...archive.entries()].sort().map(([day, tickets]) => ({ day, tickets })),
      stats: stats.rows,
      users: await this.listUsers(),
      appointments: await this.listAppointments(),
      devices: await this.listDevices(),
    };
  }

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

  async listAppointments(): Promise<Appointment[]> {
    const r = await this.pool.query<{ data: Appointment }>('SELECT data FROM appointments WHERE office_id = $1', [
      this.officeId,
    ]);
    return r.rows.map((row) => row.data);
  }

  async createAppointment(appointment: Appointment): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO appointments (office_id, code, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [this.officeId, appointment.code, JSON.stringify(appointment)],
    );
    return (r.rowCount ?? 0) > 0;
  }

  private async upsertAppointment(db: Queryable, appointment: Appointment): Promise<void> {
    await db.query(
      `INSERT INTO appointments (office_id, code, data) VALUES ($1, $2, $3)
       ON CONFLICT (office_id, code) DO UPDATE SET data = EXCLUDED.data`,
      [this.officeId, appointment.code, JSON.stringify(appointment)],
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
