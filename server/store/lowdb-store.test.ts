/**
 * Group commit of the embedded store: changes made while a group is written reach the disk
 * together, each is answered only once it is stored, and a group that cannot be written refuses
 * every change built on it, so memory and disk never disagree. A snapshot is written beside the
 * commits: changes made meanwhile are answered without waiting for it, and stay in the journal;
 * a long day's snapshot is rewritten only once the journal has grown to half its size. An
 * appointment written beside a change that is then refused is put back as it was.
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

/** While `hold` is set, writing the snapshot (live-day.json) waits for it. */
const snapshotGate = vi.hoisted(() => ({ hold: undefined as Promise<void> | undefined, started: 0 }));
vi.mock('./durable-file.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./durable-file.ts')>();
  return {
    ...real,
    writeFileDurablyAsync: async (...args: Parameters<typeof real.writeFileDurablyAsync>) => {
      if (String(args[0]).endsWith('live-day.json')) {
        snapshotGate.started++;
        if (snapshotGate.hold) await snapshotGate.hold;
      }
      return real.writeFileDurablyAsync(...args);
    },
  };
});

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

/** Adds ticket `id` to the stored day, as a kiosk's draw would (with `meanwhile` beside its write). */
function draw(store: Store, id: number, meanwhile?: () => void): Promise<number> {
  return store.transact(async (tx) => {
    const day = tx.day ?? emptyDay('2026-03-02');
    const ticket = makeTicket({ id: `t${id}`, concernId: 'c', issuedAt: T0 + id });
    const next: DayState = { ...day, tickets: [...day.tickets, ticket] };
    return { next, value: next.tickets.length, ...(meanwhile ? { meanwhile } : {}) };
  });
}

describe('group commit', () => {
  it('given draws made at once, then the work beside the write of the newest runs once, after the write started and before any answer', async () => {
    const dir = folder();
    const commit = vi.spyOn(Journal.prototype, 'commit');
    const store = await openLowdbStore(dir);
    const seen: { draw: number; commits: number; answered: number }[] = [];
    let answered = 0;
    const drawn = [1, 2, 3].map((id) =>
      draw(store, id, () => seen.push({ draw: id, commits: commit.mock.calls.length, answered })).then((count) => {
        answered++;
        return count;
      }),
    );
    expect(await Promise.all(drawn)).toEqual([1, 2, 3]);
    // One group of three: only the newest state's work is worth doing, once its write is under way.
    expect(commit.mock.calls).toHaveLength(1);
    expect(seen).toEqual([{ draw: 3, commits: 1, answered: 0 }]);
    // A failing piece of work is logged, never a failed change.
    expect(
      await draw(store, 4, () => {
        throw new Error('estimate failed');
      }),
    ).toBe(4);
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect((await reopened.loadDay())?.tickets.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    await reopened.close();
  });

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

  it('given a draw whose record is on disk, then it is answered without waiting for the mark, and the mark follows', async () => {
    const dir = folder();
    const store = await openLowdbStore(dir);
    expect(await draw(store, 1)).toBe(1);
    const journal = new Journal(join(dir, 'journal.ndjson'));
    const settle = async (n: number) => {
      for (let i = 0; i < 200 && journal.confirmed() !== n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    // The first draw (record 1) is marked as confirmed shortly after its answer.
    await settle(1);
    expect(journal.confirmed()).toBe(1);
    // The mark's write is held: the next draw must still be answered, its record already on disk.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const proto = Journal.prototype as unknown as { writeMark(n: number): Promise<void> };
    const writeMark = proto.writeMark;
    vi.spyOn(proto, 'writeMark').mockImplementation(async function (this: Journal, n: number) {
      await held;
      return writeMark.call(this, n);
    });
    expect(await draw(store, 2)).toBe(2);
    expect(journal.read().entries.at(-1)?.n).toBe(2);
    expect(journal.confirmed()).toBe(1);
    release();
    await settle(2);
    expect(journal.confirmed()).toBe(2);
    await store.close();
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
      .mockImplementation(function (this: Journal, entries, stored) {
        return real.call(this, entries, stored);
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

  it('given a snapshot on its way, then later draws are stored and answered without waiting for it, and the journal keeps only what it lacks', async () => {
    const dir = folder();
    const store = await openLowdbStore(dir);
    for (let i = 1; i <= 100; i++) await draw(store, i);
    const before = snapshotGate.started;
    let release: () => void = () => undefined;
    snapshotGate.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    let heldFrom = 0;
    try {
      // One after another: had the held snapshot stopped the commits, a draw would never be answered.
      for (let i = 101; i <= 300; i++) {
        expect(await draw(store, i)).toBe(i);
        if (!heldFrom && snapshotGate.started > before) heldFrom = i;
      }
      expect(snapshotGate.started).toBe(before + 1);
      expect(heldFrom).toBeGreaterThan(0);
      expect(new Journal(join(dir, 'journal.ndjson')).read().entries.at(-1)?.n).toBe(300);
    } finally {
      snapshotGate.hold = undefined;
      release();
    }
    // Once the held snapshot is stored, the journal keeps only the changes after it.
    const firstKept = () => new Journal(join(dir, 'journal.ndjson')).read().entries[0]?.n ?? 0;
    for (let i = 0; i < 200 && firstKept() <= heldFrom; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(firstKept()).toBe(heldFrom + 1);
    expect(new Journal(join(dir, 'journal.ndjson')).read().entries.at(-1)?.n).toBe(300);
    expect(await draw(store, 301)).toBe(301);
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect((await reopened.loadDay())?.tickets.map((t) => t.id)).toEqual(
      Array.from({ length: 301 }, (_, i) => `t${i + 1}`),
    );
    await reopened.close();
  });

  it('given a long day, then its snapshot is rewritten only once the journal reaches half its size, and every change is stored', async () => {
    const dir = folder();
    const store = await openLowdbStore(dir);
    const before = snapshotGate.started;
    const morning = Array.from({ length: 1500 }, (_, i) =>
      makeTicket({ id: `m${i}`, concernId: 'c', issuedAt: T0 - 1_000_000 + i, status: 'done' }),
    );
    await store.transact(async () => ({ next: { ...emptyDay('2026-03-02'), tickets: morning }, value: 0 }));
    // The first day is written as a snapshot at once.
    for (let i = 0; i < 200 && snapshotGate.started === before; i++) await new Promise((r) => setTimeout(r, 10));
    const first = snapshotGate.started;
    expect(first).toBe(before + 1);
    for (let i = 1; i <= 250; i++) await draw(store, i);
    // 250 changes of a few hundred bytes each: far less than half of a day of 1,500 tickets.
    expect(snapshotGate.started).toBe(first);
    let foldedAt = 0;
    for (let i = 251; i <= 1200 && !foldedAt; i++) {
      await draw(store, i);
      if (snapshotGate.started > first) foldedAt = i;
    }
    expect(foldedAt).toBeGreaterThan(250);
    await store.close();
    const reopened = await openLowdbStore(dir);
    const ids = (await reopened.loadDay())?.tickets.map((t) => t.id);
    expect(ids).toHaveLength(1500 + foldedAt);
    expect(ids?.at(-1)).toBe(`t${foldedAt}`);
    await reopened.close();
  });
});

describe('records written beside a change of the day', () => {
  /** Checks in appointment `code` as a kiosk does: its ticket joins the day, the appointment names it. */
  function checkIn(store: Store, code: string, ticketId: string, fail?: Error): Promise<number> {
    return store.transact(async (tx) => {
      const day = tx.day ?? emptyDay('2026-03-02');
      const appointment = await tx.findAppointment(code);
      if (!appointment || appointment.ticketId) throw new Error('APPOINTMENT_USED');
      await tx.saveAppointment({ ...appointment, ticketId });
      if (fail) throw fail;
      const ticket = makeTicket({ id: ticketId, concernId: 'c', issuedAt: T0 });
      return { next: { ...day, tickets: [...day.tickets, ticket] }, value: day.tickets.length + 1 };
    });
  }

  const booked = { id: 'a1', code: '11112222', concernId: 'c', start: T0 + 3_600_000 };

  it('given a check-in whose journal record cannot be written, then the appointment is as before, in memory and on disk, and checks in again', async () => {
    const dir = folder();
    const store = await openLowdbStore(dir);
    await store.createAppointment(booked);
    const real = Journal.prototype.commit;
    vi.spyOn(Journal.prototype, 'commit')
      .mockImplementationOnce(async () => {
        throw new StoreWriteError('Cannot write journal.ndjson (ENOSPC)', true);
      })
      .mockImplementation(function (this: Journal, entries, stored) {
        return real.call(this, entries, stored);
      });
    await expect(checkIn(store, booked.code, 't1')).rejects.toBeInstanceOf(StoreWriteError);
    expect(await store.listAppointments()).toEqual([booked]);
    await store.close();

    const reopened = await openLowdbStore(dir);
    expect(await reopened.listAppointments()).toEqual([booked]);
    expect(await reopened.loadDay()).toBeNull();
    expect(await checkIn(reopened, booked.code, 't2')).toBe(1);
    expect((await reopened.listAppointments()).map((a) => a.ticketId)).toEqual(['t2']);
    await reopened.close();
  });

  it('given a change that throws after writing an appointment, then the appointment is as before', async () => {
    const dir = folder();
    const store = await openLowdbStore(dir);
    await store.createAppointment(booked);
    await expect(checkIn(store, booked.code, 't1', new Error('the rules refused it'))).rejects.toThrow(
      'the rules refused it',
    );
    expect(await store.listAppointments()).toEqual([booked]);
    await store.close();
    const reopened = await openLowdbStore(dir);
    expect(await reopened.listAppointments()).toEqual([booked]);
    await reopened.close();
  });
});
