/**
 * An office's closed days in PostgreSQL (server/store/postgres-history.ts), on a real
 * PostgreSQL on loopback: archived and purged per office, the statistics kept past the
 * retention of the tickets' details, and the purge reporting days (as the store's contract
 * says), not tickets.
 */
import { describe, expect, it } from 'vitest';
import * as queue from '../../core/queue.ts';
import { bucketsOf } from '../../core/stats.ts';
import { unwrap as ok } from '../../core/test-fixtures.ts';
import type { DayState, OfficeConfig } from '../../core/types.ts';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { openPostgresStore, type PostgresStore } from '../../server/store/postgres-store.ts';
import { postgresPerFile } from '../helpers/services.ts';

const office: OfficeConfig = loadOfficeConfig(undefined);
const { database, closeAfter } = postgresPerFile();

/** A closed day of `tickets` tickets, issued from 09:00 UTC; tokens name office, day and number. */
function closedDay(officeId: string, day: string, tickets: number): DayState {
  let s = queue.emptyDay(day);
  const t0 = Date.parse(`${day}T09:00:00Z`);
  for (let n = 0; n < tickets; n++) {
    s = ok(
      queue.issueTicket(
        s,
        office,
        {
          id: `${officeId}-${day}-${n}`,
          token: `tk-${officeId}-${day}-${n}`,
          concernId: 'housing',
          language: 'de',
          source: 'kiosk',
        },
        t0 + n * 60_000,
      ),
    ).state;
  }
  return s;
}

/** Archives `days` through the store's change (as the day's rollover does). */
async function archive(store: PostgresStore, days: DayState[]): Promise<void> {
  await store.transact(async (tx) => {
    for (const d of days) await tx.archiveDay(d, bucketsOf(d.tickets, office.timezone));
    return { next: null, value: undefined };
  });
}

describe("an office's closed days in PostgreSQL", () => {
  it('keeps them per office; a purge removes the details of older days only, counts days, and keeps their statistics', async () => {
    const url = await database('history');
    const town = closeAfter(await openPostgresStore(url, 'town-hall'));
    const library = closeAfter(await openPostgresStore(url, 'library'));
    await archive(town, [
      closedDay('town-hall', '2026-12-01', 3),
      closedDay('town-hall', '2026-12-02', 4),
      closedDay('town-hall', '2026-12-03', 2),
    ]);
    await archive(library, [closedDay('library', '2026-12-01', 5)]);
    const statsBefore = await town.statsBuckets('2026-12-01', '2026-12-03');
    const issuedBefore = statsBefore.reduce((n, b) => n + b.issued, 0);
    expect(issuedBefore).toBe(9);

    const purged = await town.transact(async (tx) => ({
      next: null,
      value: await tx.purgeDetailsBefore('2026-12-03'),
    }));
    // Two days (seven tickets) went.
    expect(purged).toBe(2);
    expect((await town.archivedTickets('2026-12-01', '2026-12-31')).map((t) => t.day)).toEqual([
      '2026-12-03',
      '2026-12-03',
    ]);
    expect(await town.findArchivedTicket('tk-town-hall-2026-12-01-0')).toBeNull();
    expect((await town.findArchivedTicket('tk-town-hall-2026-12-03-1'))?.id).toBe('town-hall-2026-12-03-1');
    // The statistics outlive the details; the other office is untouched.
    expect(await town.statsBuckets('2026-12-01', '2026-12-03')).toEqual(statsBefore);
    expect(await library.archivedTickets('2026-12-01', '2026-12-01')).toHaveLength(5);
    // A second purge finds nothing more to remove.
    expect(await town.transact(async (tx) => ({ next: null, value: await tx.purgeDetailsBefore('2026-12-03') }))).toBe(
      0,
    );

    const exported = await town.exportAll();
    expect(exported.archive.map((d) => [d.day, d.tickets.length])).toEqual([['2026-12-03', 2]]);
    expect(exported.stats.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });
});
