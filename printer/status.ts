/**
 * DLE EOT real-time status: the query bytes, checking and reading the four reply bytes, and
 * building replies (for the emulator). Bits as in the Epson reference:
 *  n=1 printer: bit 3 offline.
 *  n=2 offline cause: bit 2 cover open, bit 3 feed button, bit 5 stopped by paper end, bit 6 error.
 *  n=3 error cause: bit 3 autocutter, bit 5 unrecoverable, bit 6 automatically recoverable.
 *  n=4 roll paper sensor: bits 2+3 near end, bits 5+6 paper end.
 * Every reply byte has bits 1 and 4 set and bits 0 and 7 clear.
 */
import { concatBytes, statusRequest } from './escpos.ts';
import type { PrinterStatus } from './types.ts';

/** DLE EOT 1, 2, 3, 4 in one write; the printer answers with one byte each, in order. */
export const STATUS_QUERY: Uint8Array = concatBytes([
  statusRequest(1),
  statusRequest(2),
  statusRequest(3),
  statusRequest(4),
]);
export const STATUS_REPLY_LENGTH = 4;

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

export function parseStatus(reply: Uint8Array): PrinterStatus {
  if (reply.length !== STATUS_REPLY_LENGTH || !reply.every(isStatusByte)) {
    throw new RangeError(
      `not a DLE EOT 1–4 reply: ${[...reply].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
    );
  }
  const [printer = 0, offline = 0, error = 0, paper = 0] = reply;
  const errors: string[] = [];
  if (error & 0x08) errors.push('autocutter error');
  if (error & 0x20) errors.push('unrecoverable error');
  if (error & 0x40) errors.push('recoverable error (e.g. head temperature)');
  if (errors.length === 0 && offline & 0x40) errors.push('error');
  const status: PrinterStatus = {
    online: (printer & 0x08) === 0,
    coverOpen: (offline & 0x04) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offline & 0x20) !== 0,
  };
  if (errors.length > 0) status.error = errors.join(', ');
  return status;
}

export interface SimulatedCondition {
  coverOpen?: boolean;
  paperNearEnd?: boolean;
  paperOut?: boolean;
  cutterError?: boolean;
}

/** The reply byte a printer in `condition` sends to DLE EOT n. */
export function statusReplyByte(n: number, condition: SimulatedCondition): number {
  const offline = Boolean(condition.coverOpen || condition.paperOut || condition.cutterError);
  switch (n) {
    case 1:
      return 0x12 | (offline ? 0x08 : 0);
    case 2:
      return (
        0x12 | (condition.coverOpen ? 0x04 : 0) | (condition.paperOut ? 0x20 : 0) | (condition.cutterError ? 0x40 : 0)
      );
    case 3:
      return 0x12 | (condition.cutterError ? 0x08 : 0);
    case 4:
      return 0x12 | (condition.paperNearEnd || condition.paperOut ? 0x0c : 0) | (condition.paperOut ? 0x60 : 0);
    default:
      throw new RangeError(`DLE EOT ${n} is not supported`);
  }
}
