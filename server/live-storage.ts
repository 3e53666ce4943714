/**
 * Where the live view keeps what outlives a process: the alert minutes per day (a small record
 * beside the statistics) and, with PostgreSQL, each office's latest live summary for the city
 * overview. lowdb deployments keep the minutes in `alert-minutes.json` in the data folder.
 * The PostgreSQL tables are the live view's own (created when missing), apart from the store's.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { AlertMinutesRecord } from '../core/alerts.ts';
import { type CityOffice, cityOfficeOf, type LiveView } from '../core/live-view.ts';
import { logger } from './logger.ts';

const log = logger('live-storage');

/** A summary older than this is shown as stale (its server is not running). */
export const CITY_STALE_SECONDS = 120;

export interface LiveStorage {
  loadMinutes(): Promise<AlertMinutesRecord>;
  saveMinutes(record: AlertMinutesRecord): Promise<void>;
  /** Publishes this office's live view for the city overview (no-op without a shared database). */
  publish(view: LiveView): Promise<void>;
  /** Every office's latest summary (null without a shared database). */
  city(): Promise<CityOffice[] | null>;
  /**
   * Whether this process keeps the office's alert minutes and sends its webhooks: with several
   * processes per office exactly one does (a PostgreSQL advisory lock; another takes over when
   * its connection ends).
   */
  isKeeper(): Promise<boolean>;
  close(): Promise<void>;
}

export function fileLiveStorage(dataDir: string): LiveStorage {
  const path = join(dataDir, 'alert-minutes.json');
  return {
    async loadMinutes() {
      try {
        const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
        return parsed && typeof parsed === 'object' ? (parsed as AlertMinutesRecord) : {};
      } catch {
        return {};
      }
    },
    async saveMinutes(record) {
      const tmp = `${path}.tmp`;
      await writeFile(tmp, JSON.stringify(record));
      await rename(tmp, path);
    },
    async publish() {},
    async city() {
      return null;
    },
    async isKeeper() {
      return true;
    },
    async close() {},
  };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS live_offices (
  office_id text PRIMARY KEY,
  view jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS alert_minutes (
  office_id text PRIMARY KEY,
  record jsonb NOT NULL
);`;

export async function postgresLiveStorage(url: string, officeId: string): Promise<LiveStorage> {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5000 });
  pool.on('error', (error) => log.error({ err: error }, 'idle live database connection failed'));
  try {
    // Two processes creating the tables at once: the loser's error is harmless, so try twice.
    await pool.query(SCHEMA).catch(() => pool.query(SCHEMA));
  } catch (error) {
    await pool.end();
    throw error;
  }
  let keeper: pg.PoolClient | null = null;
  return {
    async isKeeper() {
      if (keeper) return true;
      const client = await pool.connect();
      try {
        const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
          `lotse-live:${officeId}`,
        ]);
        if (!r.rows[0]?.ok) {
          client.release();
          return false;
        }
      } catch (error) {
        client.release(true);
        throw error;
      }
      keeper = client;
      client.on('error', (error) => {
        log.warn({ err: error }, 'the live keeper connection ended');
        if (keeper === client) keeper = null;
        client.release(true);
      });
      return true;
    },
    async loadMinutes() {
      const r = await pool.query<{ record: AlertMinutesRecord }>(
        'SELECT record FROM alert_minutes WHERE office_id = $1',
        [officeId],
      );
      return r.rows[0]?.record ?? {};
    },
    async saveMinutes(record) {
      await pool.query(
        `INSERT INTO alert_minutes (office_id, record) VALUES ($1, $2)
         ON CONFLICT (office_id) DO UPDATE SET record = EXCLUDED.record`,
        [officeId, JSON.stringify(record)],
      );
    },
    async publish(view) {
      await pool.query(
        `INSERT INTO live_offices (office_id, view, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (office_id) DO UPDATE SET view = EXCLUDED.view, updated_at = now()`,
        [officeId, JSON.stringify(view)],
      );
    },
    async city() {
      const r = await pool.query<{ view: LiveView; stale: boolean }>(
        `SELECT view, now() - updated_at > make_interval(secs => $1) AS stale
           FROM live_offices ORDER BY office_id`,
        [CITY_STALE_SECONDS],
      );
      return r.rows.map((row) => cityOfficeOf(row.view, row.stale));
    },
    async close() {
      keeper?.release(true);
      keeper = null;
      await pool.end().catch((error: unknown) => log.warn({ err: error }, 'closing the live pool failed'));
    },
  };
}
