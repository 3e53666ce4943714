/**
 * The journal's record format: each record carries its length and a CRC-32,
 *   #<bytes>:<crc32 hex> <json>\n        json = {"n": 17, "delta": {...}}
 * (records of an older version are one JSON line without them). Encoding, and reading a whole
 * journal: strictly at the server's start, leniently for the repair. See `journal.ts`.
 */
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { deltaProblem } from '../../core/day-check.ts';
import type { DayDelta } from '../../core/day-delta.ts';
import { StoreError } from './store.ts';

export interface JournalEntry {
  n: number;
  delta: DayDelta;
}

export interface JournalDamage {
  /** 1-based position of the record in the file. */
  record: number;
  /** Byte offset where the record begins. */
  offset: number;
  reason: string;
}

export interface JournalRead {
  entries: JournalEntry[];
  /** Where the intact records end (the file is cut here when a torn final record is dropped). */
  end: number;
  /** Bytes of a torn final record, if any. */
  torn: Buffer | null;
  /** Damage before the end (only collected by a lenient read; a strict read throws). */
  damage: JournalDamage[];
}

export function encodeRecord(entry: JournalEntry): Buffer {
  const body = Buffer.from(JSON.stringify(entry), 'utf8');
  const head = `#${body.length}:${crc32(body).toString(16).padStart(8, '0')} `;
  return Buffer.concat([Buffer.from(head, 'ascii'), body, Buffer.from('\n')]);
}

type Parsed =
  | { kind: 'ok'; entry: JournalEntry; next: number }
  | { kind: 'incomplete' }
  | { kind: 'bad'; reason: string; checksum: boolean; next: number };

const HEADER = /^#(\d{1,9}):([0-9a-f]{8}) $/;

function parseBody(text: string): { entry?: JournalEntry; reason?: string } {
  let entry: JournalEntry;
  try {
    entry = JSON.parse(text) as JournalEntry;
  } catch {
    return { reason: 'not valid JSON' };
  }
  if (!entry || typeof entry.n !== 'number' || !Number.isInteger(entry.n) || entry.n < 1) {
    return { reason: 'no record number' };
  }
  const problem = deltaProblem(entry.delta);
  return problem ? { reason: `impossible value: ${problem}` } : { entry };
}

/** Reads the record at `pos`. */
function parseAt(buffer: Buffer, pos: number): Parsed {
  const nextLine = () => {
    const nl = buffer.indexOf(0x0a, pos);
    return nl < 0 ? buffer.length : nl + 1;
  };
  const first = buffer[pos];
  if (first === 0x7b) {
    // A record of an older version: one JSON line without length and checksum.
    const nl = buffer.indexOf(0x0a, pos);
    if (nl < 0) return { kind: 'incomplete' };
    const { entry, reason } = parseBody(buffer.subarray(pos, nl).toString('utf8'));
    return entry
      ? { kind: 'ok', entry, next: nl + 1 }
      : { kind: 'bad', reason: reason ?? '', checksum: false, next: nl + 1 };
  }
  if (first === 0x23) {
    const space = buffer.indexOf(0x20, pos);
    if (space < 0 || space - pos > 20) {
      if (buffer.length - pos <= 20 && buffer.indexOf(0x0a, pos) < 0) return { kind: 'incomplete' };
      return { kind: 'bad', reason: 'unreadable record header', checksum: false, next: nextLine() };
    }
    const match = HEADER.exec(buffer.subarray(pos, space + 1).toString('latin1'));
    if (!match) return { kind: 'bad', reason: 'unreadable record header', checksum: false, next: nextLine() };
    const start = space + 1;
    const end = start + Number(match[1]);
    if (end + 1 > buffer.length) return { kind: 'incomplete' };
    const body = buffer.subarray(start, end);
    if (buffer[end] !== 0x0a || crc32(body).toString(16).padStart(8, '0') !== match[2]) {
      return {
        kind: 'bad',
        reason: 'checksum does not match',
        checksum: true,
        next: buffer[end] === 0x0a ? end + 1 : nextLine(),
      };
    }
    const { entry, reason } = parseBody(body.toString('utf8'));
    return entry
      ? { kind: 'ok', entry, next: end + 1 }
      : { kind: 'bad', reason: reason ?? '', checksum: false, next: end + 1 };
  }
  if (buffer.subarray(pos).every((b) => b === 0)) return { kind: 'incomplete' };
  return { kind: 'bad', reason: 'no record begins here', checksum: false, next: nextLine() };
}

/**
 * Reads every record. Strict (the server's start): damage other than a torn final record throws a
 * `StoreError` naming the file, the record and the repair command. Lenient (the repair): damaged
 * records are listed and skipped.
 */
export function readJournal(path: string, buffer: Buffer, lenient = false): JournalRead {
  const entries: JournalEntry[] = [];
  const damage: JournalDamage[] = [];
  let pos = 0;
  let record = 0;
  let end = 0;
  while (pos < buffer.length) {
    record++;
    const parsed = parseAt(buffer, pos);
    if (parsed.kind === 'incomplete') return { entries, end, torn: buffer.subarray(pos), damage };
    if (parsed.kind === 'ok') {
      entries.push(parsed.entry);
      pos = parsed.next;
      if (damage.length === 0) end = pos;
      continue;
    }
    if (parsed.checksum && parsed.next >= buffer.length && damage.length === 0) {
      return { entries, end, torn: buffer.subarray(pos), damage };
    }
    if (!lenient) {
      throw new StoreError(
        `Journal ${path} is damaged at record ${record} (byte ${pos}): ${parsed.reason}. Nothing was changed. ` +
          `Stop the server and run "npm run repair -- --data ${dirname(path)}": it keeps every intact record and ` +
          'never hands out a number that may have been used; or restore the data folder from a backup.',
      );
    }
    damage.push({ record, offset: pos, reason: parsed.reason });
    pos = parsed.next;
  }
  return { entries, end, torn: null, damage };
}
