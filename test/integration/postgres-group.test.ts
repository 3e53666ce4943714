/**
 * Changes of one office that a process receives at once are stored in one PostgreSQL
 * transaction (group commit), with the meaning of one transaction each: every change sees the
 * one before it, a change that fails leaves no trace and the others are stored, and when the
 * database goes away before the COMMIT every change of the group is refused and nothing of it
 * is stored. A real PostgreSQL on loopback; a store opened anew stands for a restarted process.
 */
import { describe, expect, it } from 'vitest';
import * as queue from '../../core/queue.ts';
import type { Appointment, DayState, OfficeConfig } from '../../core/types.ts';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { QueueService } from '../../server/queue-service.ts';
import { openPostgresStore, type PostgresStore } from '../../server/store/postgres-store.ts';
import { StoreWriteError } from '../../server/store/store.ts';
import { unwrap as ok } from '../../core/test-fixtures.ts';
import { postgresPerFile } from '../helpers/services.ts';

const office: OfficeConfig = loadOfficeConfig(undefined);
const clock = () => Date.parse('2026-12-03T09:00:00Z');
const postgres = postgresPerFile();
const { database, closeAfter } = postgres;

async function open(url: string): Promise<PostgresStore> {
  return closeAfter(await openPostgresStore(url, 'town-hall'));
}

/** A change that draws one ticket on the day it is given. */
function draw(id: string) {
  return (day: DayState | null): DayState =>
    ok(
      queue.issueTicket(
        day ?? queue.emptyDay('2026-12-03'),
        office,
        { id, token: `token-${id}`, concernId: 'documents', language: 'de', source: 'kiosk' },
        clock(),
      ),
    ).state;
}

function appointment(code: string): Appointment {
  return { id: `appointment-${code}`, code, concernId: 'documents', start: clock() + 3600_000 };
}

describe('changes stored together (group commit)', () => {
  it('12 tickets drawn at once get 12 numbers, in one transaction, all stored', async () => {
    const url = await database('burst');
    const store = await open(url);
    const service = new QueueService(store, () => office, clock);
    await service.init();
    const before = { ...store.grouped };
    const drawn = await Promise.all(
      Array.from({ length: 12 }, () => service.issue({ concernId: 'documents', language: 'de', source: 'kiosk' })),
    );
    service.stop();
    const numbers = drawn.map((r) => ok(r).ticket.number);
    expect(new Set(numbers).size).toBe(12);
    expect(store.grouped.changes - before.changes).toBe(12);
    expect(store.grouped.groups - before.groups).toBe(1);

    const restarted = await open(url);
    const day = await restarted.loadDay();
    expect(day?.tickets.map((t) => t.number).sort()).toEqual([...numbers].sort());
  });

  it('a change that fails leaves no trace; the others of its group are stored', async () => {
    const url = await database('failing');
    const store = await open(url);
    const refused = new Error('refused by the change itself');
    const results = await Promise.allSettled([
      store.transact(async (tx) => {
        await tx.saveAppointment(appointment('11111111'));
        return { next: draw('first')(tx.day), value: 'first' };
      }),
      store.transact(async (tx) => {
        await tx.saveAppointment(appointment('22222222'));
        await tx.archiveDay(draw('failed')(tx.day), []);
        throw refused;
      }),
      store.transact(async (tx) => {
        // Sees the ticket of the first change, not anything of the failed one.
        expect(tx.day?.tickets.map((t) => t.id)).toEqual(['first']);
        return { next: draw('third')(tx.day), value: 'third' };
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBe(refused);
    expect(store.grouped.changes).toBeGreaterThanOrEqual(2);

    const restarted = await open(url);
    expect((await restarted.loadDay())?.tickets.map((t) => t.id)).toEqual(['first', 'third']);
    expect((await restarted.listAppointments()).map((a) => a.code)).toEqual(['11111111']);
    expect(await restarted.archivedTickets('2026-12-03', '2026-12-03')).toEqual([]);
  });

  it('when the database goes away before the COMMIT, the whole group is refused and nothing stored', async () => {
    const url = await database('killed');
    const store = await open(url);
    await store.transact(async (tx) => ({ next: draw('stored')(tx.day), value: undefined }));
    const stored = await store.loadDay();

    const results = await Promise.allSettled([
      store.transact(async (tx) => ({ next: draw('lost-1')(tx.day), value: undefined })),
      store.transact(async (tx) => {
        await tx.saveAppointment(appointment('33333333'));
        return { next: draw('lost-2')(tx.day), value: undefined };
      }),
      store.transact(async (tx) => {
        await postgres.db.crash();
        return { next: draw('lost-3')(tx.day), value: undefined };
      }),
    ]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreWriteError);
    }
    // The copy of the day stays what is stored.
    expect(await store.loadDay()).toEqual(stored);

    await postgres.db.restart();
    const restarted = await open(url);
    expect((await restarted.loadDay())?.tickets.map((t) => t.id)).toEqual(['stored']);
    expect(await restarted.listAppointments()).toEqual([]);
    // The store goes on once the database is back.
    await store.transact(async (tx) => ({ next: draw('after')(tx.day), value: undefined }));
    expect((await store.loadDay())?.tickets.map((t) => t.id)).toEqual(['stored', 'after']);
  });
});
