import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REFUSAL_HOLD_MS, watchRefusals, writesRefused, writeTaken } from './postgres-refusals.ts';

type Reply = { command: string; rowCount?: number } | { code: string };

/** A pool's connection as `pg` hands it out: `query` answers with a promise or a callback. */
function connection(replies: Reply[]) {
  return {
    calls: 0,
    query(...args: unknown[]) {
      this.calls++;
      const next = replies.shift() ?? { command: 'SELECT', rowCount: 1 };
      const failed = 'code' in next ? Object.assign(new Error('refused'), next) : undefined;
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        queueMicrotask(() => callback(failed, failed ? undefined : next));
        return undefined;
      }
      return failed ? Promise.reject(failed) : Promise.resolve(next);
    },
  };
}

function watched(clock: { now: number }, replies: Reply[]) {
  const pool = new EventEmitter() as unknown as pg.Pool;
  watchRefusals(pool, () => clock.now);
  const client = connection(replies);
  pool.emit('connect', client);
  return { pool, client };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('writes refused by PostgreSQL', () => {
  it('given a full disk (53100), then not ready until a write changes a row: not a read, a COMMIT or a write of no row', async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [
      { code: '53100' },
      { command: 'SELECT', rowCount: 3 },
      { command: 'COMMIT' },
      { command: 'DELETE', rowCount: 0 },
      { command: 'INSERT', rowCount: 1 },
    ]);
    await expect(client.query('INSERT …')).rejects.toThrow();
    expect(writesRefused(pool)).toBe(true);
    await client.query('SELECT 1');
    await client.query('COMMIT');
    await client.query('DELETE FROM sessions WHERE expires_at < $1');
    expect(writesRefused(pool)).toBe(true);
    await client.query('INSERT …');
    expect(writesRefused(pool)).toBe(false);
  });

  it('given an I/O error (class 58) through a callback, as pool.query runs, then not ready until the hold passes', async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [{ code: '58030' }]);
    const heard: unknown[] = [];
    client.query('UPDATE …', [], (error: unknown) => heard.push(error));
    await settle();
    expect(heard).toHaveLength(1); // the caller's callback still runs, with the error
    expect(writesRefused(pool)).toBe(true);
    clock.now += REFUSAL_HOLD_MS - 1;
    expect(writesRefused(pool)).toBe(true);
    clock.now += 1;
    expect(writesRefused(pool)).toBe(false);
  });

  it('given out of memory (53200), then a report that ran into it leaves the store ready and a write that did does not', async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [{ code: '53200' }, { code: '53200' }]);
    await expect(client.query({ text: 'SELECT day, count(*) FROM tickets GROUP BY day' })).rejects.toThrow();
    expect(writesRefused(pool)).toBe(false);
    await expect(client.query({ text: 'INSERT INTO tickets VALUES ($1)' })).rejects.toThrow();
    expect(writesRefused(pool)).toBe(true);
  });

  it('given errors that are not about resources (a unique violation, a syntax error), then still ready', async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [{ code: '23505' }, { code: '42601' }]);
    await expect(client.query('INSERT …')).rejects.toThrow();
    await expect(client.query('SELEC')).rejects.toThrow();
    expect(writesRefused(pool)).toBe(false);
  });

  it('given a pool watched twice (created here, then passed to the store), then its connections are wrapped once', async () => {
    const clock = { now: 1000 };
    const pool = new EventEmitter() as unknown as pg.Pool;
    watchRefusals(pool, () => clock.now);
    watchRefusals(pool, () => clock.now);
    const client = connection([{ code: '53100' }]);
    const original = client.query;
    pool.emit('connect', client);
    expect(client.query).not.toBe(original);
    await expect(client.query('INSERT …')).rejects.toThrow();
    expect(client.calls).toBe(1);
    expect(pool.listenerCount('connect')).toBe(1);
  });

  it("given a refusal, then the store's word that its change was committed makes it ready (a change's statement answers as a SELECT)", async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [{ code: '53100' }, { command: 'SELECT', rowCount: 1 }]);
    await expect(client.query('INSERT …')).rejects.toThrow();
    await client.query('WITH day AS (UPDATE …) SELECT pg_notify(…)');
    expect(writesRefused(pool)).toBe(true);
    writeTaken(pool);
    expect(writesRefused(pool)).toBe(false);
  });
});
