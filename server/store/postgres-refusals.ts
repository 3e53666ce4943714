/**
 * Whether PostgreSQL refuses this process's writes for want of resources: its disk full (SQLSTATE
 * 53100), an I/O error (class 58), out of memory or connections (the rest of class 53, counted
 * when a write ran into it: a large report may run out of memory while writes go through). Such
 * a database still answers `SELECT`s, so a readiness check that only reads says "ready" while
 * every ticket is refused. The pool's connections are watched instead: a refusal makes the store
 * not ready (`/api/health` 503) until a write changes a row again, or REFUSAL_HOLD_MS pass without
 * another refusal (kiosks and clerks trying again renew it while the disk stays full). A COMMIT
 * or a write that changed no row says nothing: it needs no room.
 */
import type pg from 'pg';
import { logger } from '../logger.ts';

const log = logger('postgres');
/** How long one refused write keeps the store "not ready" when no write follows. */
export const REFUSAL_HOLD_MS = 10_000;
const ROW_WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE']);
const WRITE_STATEMENT = /\b(INSERT|UPDATE|DELETE|MERGE|COPY|COMMIT)\b/i;

interface Answer {
  command?: unknown;
  rowCount?: unknown;
}

class WriteRefusals {
  private refusedAt = Number.NEGATIVE_INFINITY;
  constructor(private readonly now: () => number) {}

  failed(error: unknown, statement: string): void {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    const refused =
      code === '53100' || /^58[0-9A-Z]{3}$/.test(code) || (code.startsWith('53') && WRITE_STATEMENT.test(statement));
    if (!refused) return;
    if (!this.refusing()) log.warn({ code }, 'the database refuses writes (full disk, out of memory or I/O error)');
    this.refusedAt = this.now();
  }

  answered(result: unknown): void {
    if (!this.refusing()) return;
    const answers = (Array.isArray(result) ? result : [result]) as (Answer | null)[];
    if (answers.some((a) => ROW_WRITES.has(String(a?.command)) && Number(a?.rowCount) > 0)) this.taken();
  }

  taken(): void {
    if (!this.refusing()) return;
    log.info('the database takes writes again');
    this.refusedAt = Number.NEGATIVE_INFINITY;
  }

  refusing(): boolean {
    return this.now() - this.refusedAt < REFUSAL_HOLD_MS;
  }
}

const watched = new WeakMap<pg.Pool, WriteRefusals>();

/** The text of a query as `client.query` was called (a string, or a config with `text`). */
function statementOf(first: unknown): string {
  if (typeof first === 'string') return first;
  const text = (first as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

/** Watches every query of the pool's connections (`pool.query` runs on them too); once per pool. */
export function watchRefusals(pool: pg.Pool, now: () => number = Date.now): void {
  if (watched.has(pool)) return;
  const refusals = new WriteRefusals(now);
  watched.set(pool, refusals);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const statement = statementOf(args[0]);
      // `pool.query` passes a callback; the store's own clients are awaited.
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          if (error) refusals.failed(error, statement);
          else refusals.answered(result);
          return callback(error, result);
        };
      }
      const answer = query(...args);
      if (answer instanceof Promise) {
        answer.then(
          (result) => refusals.answered(result),
          (error) => refusals.failed(error, statement),
        );
      }
      return answer;
    };
  });
}

/**
 * A write went through that the answers do not show as one (the live day's change is a single
 * statement whose command is its final `SELECT pg_notify`): the store says so after its COMMIT.
 */
export function writeTaken(pool: pg.Pool): void {
  watched.get(pool)?.taken();
}

/** True while the database refuses this pool's writes (see above). */
export function writesRefused(pool: pg.Pool): boolean {
  return watched.get(pool)?.refusing() ?? false;
}

/**
 * Whether the database takes writes: reachable, neither a standby (after a failover, the old
 * primary comes back as one) nor set read-only (`default_transaction_read_only`, as for
 * maintenance), nor refusing writes of late (above).
 */
export async function takesWrites(pool: pg.Pool): Promise<boolean> {
  if (writesRefused(pool)) return false;
  try {
    const r = await pool.query<{ standby: boolean; readOnly: string }>(
      `SELECT pg_is_in_recovery() AS standby, current_setting('transaction_read_only') AS "readOnly"`,
    );
    const row = r.rows[0];
    return row !== undefined && !row.standby && row.readOnly !== 'on';
  } catch {
    return false;
  }
}
