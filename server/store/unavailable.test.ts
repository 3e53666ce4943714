/**
 * Which storage failures are answered 503/507 with a code (clients try again) rather than 500:
 * the store's own write errors, lost connections, and PostgreSQL refusing a write for now.
 */
import { describe, expect, it } from 'vitest';
import { StoreWriteError } from './store.ts';
import { unavailableCode } from './unavailable.ts';

const pgError = (code: string) => Object.assign(new Error('refused'), { code });

describe('unavailableCode', () => {
  it("given the store's own write errors, then a full disk is 507 and the rest 503", () => {
    expect(unavailableCode(new StoreWriteError('no space', true))).toBe('STORAGE_FULL');
    expect(unavailableCode(new StoreWriteError('cannot write'))).toBe('STORAGE_UNAVAILABLE');
  });

  it('given a lost connection, then 503', () => {
    expect(unavailableCode(pgError('ECONNREFUSED'))).toBe('STORAGE_UNAVAILABLE');
    expect(unavailableCode(pgError('57P01'))).toBe('STORAGE_UNAVAILABLE');
    expect(unavailableCode(new Error('Connection terminated unexpectedly'))).toBe('STORAGE_UNAVAILABLE');
  });

  it('given PostgreSQL refusing a write for now, then its full disk is 507 and the rest 503', () => {
    expect(unavailableCode(pgError('53100'))).toBe('STORAGE_FULL');
    for (const code of ['53200', '53300', '25006', '40001', '40P01', '57014', '58030']) {
      expect(unavailableCode(pgError(code)), code).toBe('STORAGE_UNAVAILABLE');
    }
  });

  it('given a bug (a constraint, a syntax error, a wrong type) or anything else, then no storage code', () => {
    for (const code of ['23505', '42601', '22P02', 'EROFS', 'ERR_INVALID_ARG_TYPE']) {
      expect(unavailableCode(pgError(code)), code).toBeNull();
    }
    expect(unavailableCode(new TypeError('x is undefined'))).toBeNull();
    expect(unavailableCode(undefined)).toBeNull();
  });
});
