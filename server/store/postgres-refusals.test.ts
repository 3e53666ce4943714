import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REFUSAL_HOLD_MS, watchRefusals, writesRefused } from './postgres-refusals.ts';

/** A pool's connection as `pg` hands it out: `query` answers with a promise or a callback. */
function connection(answers: Array<{ command: string } | { code: string }>) {
  return {
    query(...args: unknown[]) {
      const next = answers.shift() ?? { command: 'SELECT' };
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

function watched(clock: { now: number }, answers: Array<{ command: string } | { code: string }>) {
  const pool = new EventEmitter() as unknown as pg.Pool;
  watchRefusals(pool, () => clock.now);
  const client = connection(answers);
  pool.emit('connect', client);
  return { pool, client };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('writes refused by PostgreSQL', () => {
  it('given a full disk (53100) on an awaited query, then not ready until a write succeeds', async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [{ code: '53100' }, { command: 'SELECT' }, { command: 'INSERT' }]);
    await expect(client.query('INSERT …')).rejects.toThrow();
    expect(writesRefused(pool)).toBe(true);
    await client.query('SELECT 1'); // a read says nothing about writes
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

  it('given errors that are not about resources (a unique violation, a syntax error), then still ready', async () => {
    const clock = { now: 1000 };
    const { pool, client } = watched(clock, [{ code: '23505' }, { code: '42601' }]);
    await expect(client.query('INSERT …')).rejects.toThrow();
    await expect(client.query('SELEC')).rejects.toThrow();
    expect(writesRefused(pool)).toBe(false);
  });
});
