import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DayDelta } from '../../core/day-delta.ts';
import type { Ticket } from '../../core/types.ts';
import { encodeRecord, Journal, type JournalEntry, readJournal, readMark } from './journal.ts';
import { StoreError } from './store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function ticket(n: number, status: string = 'waiting'): Ticket {
  return {
    id: `t${n}`,
    token: `token-${n}`,
    number: `W-${String(n).padStart(3, '0')}`,
    concernId: 'housing',
    day: '2026-12-03',
    status: status as Ticket['status'],
    language: 'de',
    issuedAt: 1_000 + n,
    source: 'kiosk',
    callCount: 0,
  };
}

function entry(n: number, status?: string): JournalEntry {
  const delta: DayDelta = {
    kind: 'change',
    day: '2026-12-03',
    tickets: [ticket(n, status)],
    counters: [],
    lastNumber: { housing: n },
    callSeq: 0,
    calls: [],
  };
  return { n, delta };
}

const records = (count: number) => Buffer.concat(Array.from({ length: count }, (_, i) => encodeRecord(entry(i + 1))));

describe('journal records', () => {
  it('reads every record back', () => {
    const read = readJournal('j', records(5));
    expect(read.entries.map((e) => e.n)).toEqual([1, 2, 3, 4, 5]);
    expect(read.torn).toBeNull();
  });

  it('drops only a torn final record: one cut short of its length', () => {
    const whole = records(5);
    const cut = whole.subarray(0, whole.length - 7);
    const read = readJournal('j', cut);
    expect(read.entries.map((e) => e.n)).toEqual([1, 2, 3, 4]);
    expect(read.torn?.length).toBe(cut.length - read.end);
  });

  it('drops a final record whose checksum fails', () => {
    const whole = Buffer.from(records(3));
    whole[whole.length - 5] = 0x41;
    const read = readJournal('j', whole);
    expect(read.entries).toHaveLength(2);
    expect(read.torn).not.toBeNull();
  });

  it('refuses damage before the last record and names file, record and the repair command', () => {
    const whole = Buffer.from(records(5));
    const second = encodeRecord(entry(1)).length + 30;
    whole[second] = whole[second] === 0x30 ? 0x31 : 0x30;
    expect(() => readJournal('/data/journal.ndjson', whole)).toThrow(StoreError);
    expect(() => readJournal('/data/journal.ndjson', whole)).toThrow(
      /journal\.ndjson is damaged at record 2 .*npm run repair -- --data \/data/,
    );
    const lenient = readJournal('j', whole, true);
    expect(lenient.entries.map((e) => e.n)).toEqual([1, 3, 4, 5]);
    expect(lenient.damage).toEqual([expect.objectContaining({ record: 2 })]);
  });

  it('refuses a record with an impossible value even when its checksum fits', () => {
    const whole = Buffer.concat([records(2), encodeRecord(entry(3, '42'))]);
    expect(() => readJournal('j', whole)).toThrow(/record 3 .*status 42/);
  });

  it('reads records of the older line format', () => {
    const old = Buffer.from(`${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n`);
    expect(readJournal('j', Buffer.concat([old, records(0)])).entries).toHaveLength(2);
  });
});

describe('journal mark', () => {
  it('remembers the last confirmed record, also when one slot is torn', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-journal-'));
    dirs.push(dir);
    const journal = new Journal(join(dir, 'journal.ndjson'));
    journal.open(journal.read(), 0);
    for (let n = 1; n <= 7; n++) {
      await journal.append(entry(n));
      await journal.marked();
    }
    await journal.close();
    expect(readMark(journal.markPath)).toBe(7);
    const mark = readFileSync(journal.markPath);
    // The writes alternate between the two slots: the one holding 7 is torn, the other holds 6.
    const newest = mark.subarray(0, 16).toString('ascii') === '0000000000000007' ? 0 : 32;
    expect(mark.subarray(newest, newest + 16).toString('ascii')).toBe('0000000000000007');
    mark[newest + 3] = 0x39;
    writeFileSync(journal.markPath, mark);
    expect(readMark(journal.markPath)).toBe(6);
    expect(journal.read().entries).toHaveLength(7);
  });

  it('writes a group of records with one commit, in order, and confirms the last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-journal-'));
    dirs.push(dir);
    const journal = new Journal(join(dir, 'journal.ndjson'));
    journal.open(journal.read(), 0);
    await journal.commit([entry(1)]);
    await journal.commit([2, 3, 4, 5].map((n) => entry(n)));
    await journal.close();
    expect(readMark(journal.markPath)).toBe(5);
    expect(journal.read().entries.map((e) => e.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('given a slow mark, then commits go on without waiting for it, and the mark catches up with the newest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-journal-'));
    dirs.push(dir);
    const journal = new Journal(join(dir, 'journal.ndjson'));
    journal.open(journal.read(), 0);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const proto = Journal.prototype as unknown as { writeMark(n: number): Promise<void> };
    const writeMark = proto.writeMark;
    const written: number[] = [];
    const spy = vi.spyOn(proto, 'writeMark').mockImplementation(async function (this: Journal, n: number) {
      written.push(n);
      await held;
      return writeMark.call(this, n);
    });
    try {
      // The mark of record 1 is held; records 2 to 4 are still committed.
      for (let n = 1; n <= 4; n++) await journal.commit([entry(n)]);
      expect(journal.read().entries.map((e) => e.n)).toEqual([1, 2, 3, 4]);
      expect(readMark(journal.markPath)).toBe(0);
      release();
      await journal.marked();
      // One write for record 1 (under way), then one for the newest: not one per record.
      expect(written).toEqual([1, 4]);
      expect(readMark(journal.markPath)).toBe(4);
    } finally {
      spy.mockRestore();
      await journal.close();
    }
  });
});
