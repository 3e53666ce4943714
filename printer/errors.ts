/**
 * Typed errors of the printer module. Nothing here logs: callers decide what to tell whom.
 */
import type { PrintErrorCode } from '../core/api.ts';

/** Why a print job or a status query failed. */
export type PrinterErrorCode =
  /** The printer could not be reached (connection refused, no route, device file missing). */
  | 'unreachable'
  /** A connect, write or status reply took longer than its timeout. */
  | 'timeout'
  /** The connection broke while a job or a status query was under way. */
  | 'connection-lost'
  /** The printer reports that it is out of paper. */
  | 'paper-out'
  /** The printer reports an open cover. */
  | 'cover-open'
  /** The printer is offline or reports an error (cutter, head temperature, unrecoverable). */
  | 'printer-error'
  /** The printer answered a status query with bytes that are no DLE EOT reply. */
  | 'bad-reply'
  /** The transport was closed. */
  | 'closed'
  /** Writing to a device file or a directory failed. */
  | 'io';

/** The code the apps see for each transport error. */
const PRINT_ERRORS: Record<PrinterErrorCode, PrintErrorCode> = {
  unreachable: 'PRINTER_UNREACHABLE',
  timeout: 'PRINTER_TIMEOUT',
  'connection-lost': 'CONNECTION_LOST',
  'paper-out': 'PAPER_OUT',
  'cover-open': 'COVER_OPEN',
  'printer-error': 'PRINTER_ERROR',
  'bad-reply': 'PRINTER_ERROR',
  closed: 'PRINTER_OFFLINE',
  io: 'PRINTER_ERROR',
};

/** The code of a failed print job (a `PrinterError` from a transport, or anything else). */
export function printErrorOf(error: unknown): PrintErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in PRINT_ERRORS ? PRINT_ERRORS[code as PrinterErrorCode] : 'PRINTER_ERROR';
}

export class PrinterError extends Error {
  override readonly name = 'PrinterError';
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A LOTSE_PRINTER value (or another printer setting) that cannot be used. */
export class PrinterConfigError extends Error {
  override readonly name = 'PrinterConfigError';
}

/** Bytes that the decoder cannot make sense of (only thrown in strict mode). */
export class EscPosDecodeError extends Error {
  override readonly name = 'EscPosDecodeError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
