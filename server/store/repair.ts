/**
 * Repairs a data folder whose live day the server refused to open (a damaged or cut-off journal,
 * a damaged or missing snapshot). Keeps every intact journal record, puts the damaged files aside
 * (never deletes them), and raises the running numbers and the call sequence past anything that
 * may have been handed out: past every number found in the damaged bytes, plus one per change
 * that the journal mark says was confirmed but that is gone. A used number is never issued again.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { dayStateProblem } from '../../core/day-check.ts';
import { applyDelta } from '../../core/day-delta.ts';
import { type DayState, RECENT_CALLS_CAP } from '../../core/types.ts';
import { writeFileDurably } from './durable-file.ts';
import { type JournalDamage, readJournal, readMark, writeMark } from './journal.ts';
import { acquireLock, releaseLock } from './lock.ts';

export interface RepairReport {
  day: string | null;
  /** Where the live day came from. */
  snapshot: 'live-day.json' | 'live-day.json.prev' | 'none';
  keptRecords: number;
  damagedRecords: JournalDamage[];
  /** Confirmed changes (by the mark) that no intact record holds. */
  missingChanges: number;
  /** Records that did not fit the live day and were left out. */
  unfitRecords: number;
  /** The running numbers and call sequence from which the repaired day continues. */
  lastNumber: Record<string, number>;
  callSeq: number;
  /** Files put aside. */
  setAside: string[];
}

interface DayFile {
  state: DayState | null;
  journalN: number;
}

function readDayFile(path: string): { file: DayFile | null; text: string } {
  if (!existsSync(path)) return { file: null, text: '' };
  const text = readFileSync(path, 'utf8');
  try {
    const file = JSON.parse(text) as DayFile;
    if (file.state && dayStateProblem(file.state)) return { file: null, text };
    return { file, text };
  } catch {
    return { file: null, text };
  }
}

/** Every running number and call sequence mentioned in `text`, also in damaged parts. */
function scanNumbers(text: string, into: Record<string, number>): number {
  let callSeq = 0;
  for (const m of text.matchAll(/"lastNumber":\{([^{}]*)\}/g)) {
    for (const pair of (m[1] as string).matchAll(/"([^"]+)":(\d+)/g)) {
      const id = pair[1] as string;
      into[id] = Math.max(into[id] ?? 0, Number(pair[2]));
    }
  }
  for (const m of text.matchAll(/"(?:callSeq|seq)":(\d+)/g)) callSeq = Math.max(callSeq, Number(m[1]));
  return callSeq;
}

function concernIdsOf(dir: string): string[] {
  try {
    const office = JSON.parse(readFileSync(join(dir, 'office.json'), 'utf8')) as { concerns?: { id: string }[] };
    return (office.concerns ?? []).map((c) => c.id);
  } catch {
    return [];
  }
}

export async function repairDataFolder(dir: string, now = Date.now()): Promise<RepairReport> {
  const lock = await acquireLock(dir);
  try {
    const dayPath = join(dir, 'live-day.json');
    const journalPath = join(dir, 'journal.ndjson');
    const markPath = `${journalPath}.mark`;
    const current = readDayFile(dayPath);
    const previous = readDayFile(`${dayPath}.prev`);
    const source = current.file ? 'live-day.json' : previous.file ? 'live-day.json.prev' : 'none';
    const base = current.file ?? previous.file ?? { state: null, journalN: 0 };
    const raw = existsSync(journalPath) ? readFileSync(journalPath) : Buffer.alloc(0);
    const read = readJournal(journalPath, raw, true);
    const damaged = [...read.damage];
    if (read.torn) damaged.push({ record: read.entries.length + damaged.length + 1, offset: read.end, reason: 'torn' });

    let state = base.state;
    let n = base.journalN ?? 0;
    let unfit = 0;
    let skipped = 0;
    for (const entry of [...read.entries].sort((a, b) => a.n - b.n)) {
      if (entry.n <= n) continue;
      if (entry.n > n + 1) skipped += entry.n - n - 1;
      try {
        state = applyDelta(state, entry.delta, RECENT_CALLS_CAP);
        n = entry.n;
      } catch {
        unfit++;
      }
    }
    const confirmed = readMark(markPath) ?? 0;
    const missing = skipped + Math.max(0, confirmed - n) + (source === 'live-day.json' ? 0 : 1);

    const seen: Record<string, number> = {};
    let callSeq = scanNumbers(raw.toString('utf8'), seen);
    for (const f of [current, previous]) {
      if (!state || !f.text.includes(`"day":"${state.day}"`)) continue;
      callSeq = Math.max(callSeq, scanNumbers(f.text, seen));
    }
    const setAside: string[] = [];
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    let report: RepairReport;
    if (state) {
      const gap = missing + damaged.length + unfit;
      const lastNumber: Record<string, number> = { ...state.lastNumber };
      const ids = new Set([...Object.keys(lastNumber), ...Object.keys(seen), ...concernIdsOf(dir)]);
      for (const id of ids) {
        const highest = Math.max(lastNumber[id] ?? 0, seen[id] ?? 0);
        lastNumber[id] = highest + (gap > 0 ? gap : 0);
      }
      state = { ...state, lastNumber, callSeq: Math.max(state.callSeq, callSeq) + (gap > 0 ? gap : 0) };
      report = {
        day: state.day,
        snapshot: source,
        keptRecords: read.entries.length,
        damagedRecords: damaged,
        missingChanges: skipped + Math.max(0, confirmed - n),
        unfitRecords: unfit,
        lastNumber,
        callSeq: state.callSeq,
        setAside,
      };
    } else {
      report = {
        day: null,
        snapshot: source,
        keptRecords: read.entries.length,
        damagedRecords: damaged,
        missingChanges: skipped + Math.max(0, confirmed - n),
        unfitRecords: unfit,
        lastNumber: {},
        callSeq,
        setAside,
      };
    }
    const journalN = Math.max(n, confirmed);
    if (existsSync(dayPath) && !current.file) {
      renameSync(dayPath, `${dayPath}.damaged-${stamp}`);
      setAside.push(`live-day.json.damaged-${stamp}`);
    }
    writeFileDurably(dayPath, JSON.stringify({ state, journalN }), { keepPrevious: true });
    if (existsSync(journalPath)) {
      renameSync(journalPath, `${journalPath}.damaged-${stamp}`);
      setAside.push(`journal.ndjson.damaged-${stamp}`);
    }
    writeFileDurably(journalPath, '');
    writeMark(markPath, journalN);
    return report;
  } finally {
    await releaseLock(lock);
  }
}
