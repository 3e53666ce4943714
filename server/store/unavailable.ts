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

/** The answer a storage failure gets, or null when it is not one. */
export function unavailableCode(error: unknown): 'STORAGE_FULL' | 'STORAGE_UNAVAILABLE' | null {
  if (error instanceof StoreWriteError) return error.full ? 'STORAGE_FULL' : 'STORAGE_UNAVAILABLE';
  return isConnectionError(error) ? 'STORAGE_UNAVAILABLE' : null;
}
