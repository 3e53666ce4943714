/**
 * Which storage failures mean "cannot store right now" (answered 503/507 with a code, retried by
 * clients) rather than a bug: a full disk, an unreachable or restarting database.
 */
import { StoreWriteError } from './store.ts';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN']);
const CONNECTION_TEXT =
  /Connection terminated|timeout exceeded when trying to connect|connection error|not queryable|Client was closed/i;

export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = String((error as { code?: unknown }).code ?? '');
  // SQLSTATE 08xxx: connection exceptions; 57P01-57P03: the server is shutting down or starting.
  if (CONNECTION_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
  return CONNECTION_TEXT.test(String((error as { message?: unknown }).message ?? ''));
}

/**
 * PostgreSQL refusing a write it would take at another moment (SQLSTATE): 53100 its disk is full
 * (`STORAGE_FULL`); the rest of class 53 (out of memory, too many connections), 25006 a
 * read-only transaction (a standby, or a database set read-only for maintenance), 40001/40P01
 * a serialization failure or deadlock, 57014 a statement cancelled (statement timeout), class 58
 * an I/O error of the server: nothing of the change was stored, and trying again later can work.
 */
function databaseRefusal(error: unknown): 'STORAGE_FULL' | 'STORAGE_UNAVAILABLE' | null {
  if (!error || typeof error !== 'object') return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code === '53100') return 'STORAGE_FULL';
  if (code.startsWith('53') || code.startsWith('58')) return 'STORAGE_UNAVAILABLE';
  return ['25006', '40001', '40P01', '57014'].includes(code) ? 'STORAGE_UNAVAILABLE' : null;
}

/** The answer a storage failure gets, or null when it is not one. */
export function unavailableCode(error: unknown): 'STORAGE_FULL' | 'STORAGE_UNAVAILABLE' | null {
  if (error instanceof StoreWriteError) return error.full ? 'STORAGE_FULL' : 'STORAGE_UNAVAILABLE';
  if (isConnectionError(error)) return 'STORAGE_UNAVAILABLE';
  return databaseRefusal(error);
}
