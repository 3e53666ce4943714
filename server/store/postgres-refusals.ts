/**
 * Whether PostgreSQL refuses this process's writes for want of resources: its disk full (SQLSTATE
 * 53100), out of memory or connections (the rest of class 53), an I/O error (class 58). Such a
 * database still answers `SELECT`s, so a readiness check that only reads says "ready" while every
 * ticket is refused. The pool's connections are watched instead: a refusal makes the store not
 * ready (`/api/health` 503) until a write succeeds again, or REFUSAL_HOLD_MS pass without another
 * (writes retried by kiosks and clerks renew it while the disk stays full).
 */
import type pg from 'pg';
import { logger } from '../logger.ts';

const log = logger('postgres');
/** How long one refused write keeps the store "not ready" when no write follows. */
export const REFUSAL_HOLD_MS = 10_000;
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'COMMIT', 'COPY', 'MERGE']);

class WriteRefusals {
  private refusedAt = Number.NEGATIVE_INFINITY;
  constructor(private readonly now: () => number) {}

  failed(error: unknown): void {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (!/^5[38][0-9A-Z]{3}$/.test(code)) return;
    if (!this.refusing()) log.warn({ code }, 'the database refuses writes (full disk, out of memory or I/O error)');
    this.refusedAt = this.now();
  }

  answered(result: unknown): void {
    if (!this.refusing()) return;
    const results = Array.isArray(result) ? result : [result];
    if (!results.some((r) => WRITES.has(String((r as { command?: unknown } | null)?.command)))) return;
    log.info('the database takes writes again');
    this.refusedAt = Number.NEGATIVE_INFINITY;
  }

  refusing(): boolean {
    return this.now() - this.refusedAt < REFUSAL_HOLD_MS;
  }
}

const watched = new WeakMap<pg.Pool, WriteRefusals>();

/** Watches every query of the pool's connections (`pool.query` runs on them too). */
export function watchRefusals(pool: pg.Pool, now: () => number = Date.now): void {
  const refusals = new WriteRefusals(now);
  watched.set(pool, refusals);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      // `pool.query` passes a callback; the store's own clients are awaited.
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          if (error) refusals.failed(error);
          else refusals.answered(result);
          return callback(error, result);
        };
      }
      const answer = query(...args);
      if (answer instanceof Promise) {
        answer.then(
          (result) => refusals.answered(result),
          (error) => refusals.failed(error),
        );
      }
      return answer;
    };
  });
}

/** True while the database refuses this pool's writes (see above). */
export function writesRefused(pool: pg.Pool): boolean {
  return watched.get(pool)?.refusing() ?? false;
}
