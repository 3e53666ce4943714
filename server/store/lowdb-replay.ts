/**
 * The live day of a data folder as it was last stored: the snapshot live-day.json and the
 * journal's changes after it. Refuses (naming the file, the record and the way out) a snapshot
 * holding an impossible value, a change missing between the snapshot and the journal, a record
 * that does not fit, and fewer changes than were confirmed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { dayStateProblem } from '../../core/day-check.ts';
import { applyDelta } from '../../core/day-delta.ts';
import { type DayState, RECENT_CALLS_CAP } from '../../core/types.ts';
import { openJSONFile } from './durable-file.ts';
import type { Journal, JournalRead } from './journal.ts';
import { StoreError } from './store.ts';

export interface DayFile {
  state: DayState | null;
  /** Number of the last journal entry contained in this snapshot. */
  journalN: number;
}

export interface LiveDayRead {
  day: Low<DayFile>;
  /** The journal as read (`journal.open` takes it). */
  read: JournalRead;
  state: DayState | null;
  /** Number of the last change in `state`. */
  n: number;
  /** Journal entries replayed (not in the snapshot yet). */
  replayed: number;
}

export async function readLiveDay(dir: string, journal: Journal): Promise<LiveDayRead> {
  const dayPath = join(dir, 'live-day.json');
  const day = await openJSONFile<DayFile>(dayPath, { state: null, journalN: 0 }, { keepPrevious: true });
  const problem = day.data.state && dayStateProblem(day.data.state);
  if (problem) {
    throw new StoreError(
      `Data file ${dayPath} holds an impossible value (${problem}); it was left untouched. ${repairHint(dir)}`,
    );
  }
  const read = journal.read();
  let state = day.data.state;
  let n = day.data.journalN ?? 0;
  let replayed = 0;
  for (const [index, entry] of read.entries.entries()) {
    if (entry.n <= n) continue;
    replayed++;
    if (entry.n !== n + 1) {
      const lostDay = existsSync(dayPath) ? '' : 'live-day.json is missing, and ';
      throw new StoreError(
        `${lostDay}Journal ${journal.path} record ${index + 1} holds change ${entry.n}, but the changes before it end at ${n}: ` +
          `changes are missing. ${repairHint(dir)}`,
      );
    }
    try {
      state = applyDelta(state, entry.delta, RECENT_CALLS_CAP);
    } catch {
      throw new StoreError(
        `Journal ${journal.path} record ${index + 1} does not fit the snapshot live-day.json. ${repairHint(dir)}`,
      );
    }
    n = entry.n;
  }
  const confirmed = journal.confirmed();
  if (confirmed !== null && n < confirmed) {
    const missing = existsSync(dayPath) ? `${journal.path} ends` : `live-day.json is missing and ${journal.path} ends`;
    throw new StoreError(
      `${missing} at change ${n}, but change ${confirmed} was confirmed (${journal.markPath}): ` +
        `${confirmed - n} confirmed change(s) are missing; nothing was changed. ${repairHint(dir)}`,
    );
  }
  return { day, read, state, n, replayed };
}

const repairHint = (dir: string) =>
  `Stop the server and run "npm run repair -- --data ${dir}" (it keeps every intact record and never hands ` +
  'out a number that may have been used), or restore the data folder from a backup.';
