/**
 * The PostgreSQL connection pool of a process and the schema's migrations: applied in order,
 * each in its own transaction, one process at a time (an advisory lock), never past the schema
 * this version knows.
 */
import pg from 'pg';
import { logger } from '../logger.ts';
import { MIGRATIONS } from './postgres-migrations.ts';
import { watchRefusals } from './postgres-refusals.ts';
import { StoreError } from './store.ts';

const log = logger('postgres');
const MIGRATION_LOCK = 7_381_001;

/** Applies the migrations not applied yet, up to `upTo` (all of them, except in tests of a migration). */
export async function migrate(pool: pg.Pool, upTo = MIGRATIONS.length): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS lotse_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM lotse_migrations')).rows.map((r) => r.version),
    );
    const newest = Math.max(0, ...done);
    if (newest > MIGRATIONS.length) {
      throw new StoreError(
        `The database was migrated by a newer version of Lotse (schema ${newest}); this version knows schema ` +
          `${MIGRATIONS.length} at most, so it changed nothing. Start the newer version again, or restore a backup ` +
          'into an empty database with "npm run restore".',
      );
    }
    for (let i = 0; i < upTo; i++) {
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
  watchRefusals(pool);
  return pool;
}

/** The database URL as logs and errors show it: without the password. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
