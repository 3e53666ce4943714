/**
 * Group commit of the embedded store: changes made while a group is written reach the disk
 * together, each is answered only once it is stored, and a group that cannot be written refuses
 * every change built on it, so memory and disk never disagree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDay } from '../../core/queue.ts';
import { at, makeTicket } from '../../core/test-fixtures.ts';
import type { DayState } from '../../core/types.ts';
import { Journal } from './journal.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { type Store, StoreWriteError } from './store.ts';

const T0 = at('2026-03-02T08:00:00Z');
const dirs: string[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-lowdb-store-'));
  dirs.push(dir);
  return dir;
}

/** Adds ticket `id` to the stored day, as a kiosk's draw would. */
function draw(store: Store, id: number): Promise<number> {
  return store.transact(async (tx) => {
    const day = tx.day ?? emptyDay('2026-03-02');
    const ticket = makeTicket({ id: `t${id}`, concernId: 'c', issuedAt: T0 + id });
    const next: DayState = { ...day, tickets: [...day.tickets, ticket] };
    return { next, value: next.tickets.length };
  });
}

describe('group commit', () => {
  it('given 60 draws at once, when they are written, then fewer commits than draws store all of them, in order', async () => {
    const dir = folder();
    const commit = vi.spyOn(Journal.prototype, 'commit');
    const store = await openLowdbStore(dir);
    const counts = await Promise.all(Array.from({ length: 60 }, (_, i) => draw(store, i + 1)));
    expect(counts).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(commit.mock.calls.length).toBeGreaterThan(0);
    expect(commit.mock.calls.length).toBeLessThan(60);
    expect(commit.mock.calls.flatMap(([entries]) => entries.map((e) => e.n))).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    await store.close();

    const reopened = await openLowdbStore(dir);
    expect((await reopened.loadDay())?.tickets.map((t) => t.id)).toEqual(counts.map((n) => `t${n}`));
    await reopened.close();
  });

  it('given a group that cannot be written, then every draw built on it is refused and the next draw continues from what is stored', async () => {
    const dir = folder();
    const store = await openLowdbStore(dir);
    for (let i = 1; i <= 3; i++) await draw(store, i);
    const real = Journal.prototype.commit;
    const commit = vi
      .spyOn(Journal.prototype, 'commit')
      .mockImplementationOnce(async () => {
        throw new StoreWriteError('Cannot write journal.ndjson (ENOSPC)', true);
      })
      .mockImplementation(function (this: Journal, entries) {
        return real.call(this, entries);
      });
    const refused = await Promise.allSettled([4, 5, 6].map((i) => draw(store, i)));
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of refused) {
      expect(r.status === 'rejected' && r.reason instanceof StoreWriteError && r.reason.full).toBe(true);
    }
    expect((await store.loadDay())?.tickets).toHaveLength(3);

    expect(await draw(store, 7)).toBe(4);
    expect(commit.mock.calls.at(-1)?.[0].map((e) => e.n)).toEqual([4]);
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect((await reopened.loadDay())?.tickets.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't7']);
    await reopened.close();
  });
});
