/**
 * The live day in PostgreSQL as rows: a day stored by an older version (one JSON value) is moved
 * over whole, and a process hearing of another's change applies just that change to its copy
 * (no whole-day load), until a new day replaces every ticket. Two stores with their own pools
 * and LISTEN connections stand for two server processes; a real PostgreSQL on loopback.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as queue from '../../core/queue.ts';
import type { DayState, OfficeConfig } from '../../core/types.ts';
import { loadOfficeConfig } from '../../server/office-config.ts';
import { QueueService } from '../../server/queue-service.ts';
import { migrate } from '../../server/store/postgres-pool.ts';
import { openPostgresStore, type PostgresStore } from '../../server/store/postgres-store.ts';
import { unwrap as ok } from '../../core/test-fixtures.ts';
import { postgresPerFile } from '../helpers/services.ts';

const office: OfficeConfig = loadOfficeConfig(undefined);
const { database, closeAfter } = postgresPerFile();

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A day as an older version stored it: several tickets, calls, numbering. */
function oldDay(): DayState {
  let s = queue.emptyDay('2026-12-03', 41);
  const t0 = Date.parse('2026-12-03T08:00:00Z');
  for (let n = 0; n < 30; n++) {
    s = ok(
      queue.issueTicket(
        s,
        office,
        {
          id: `ticket-${n}`,
          token: `token-${n}`,
          concernId: n % 2 ? 'housing' : 'documents',
          language: 'de',
          source: 'kiosk',
        },
        t0 + n * 1000,
      ),
    ).state;
  }
  s = ok(queue.setCounterStatus(s, office, 'desk-1', 'open')).state;
  for (let i = 0; i < 4; i++) s = ok(queue.callNext(s, office, 'desk-1', t0 + 60_000 + i * 1000)).state;
  return s;
}

describe('the live day in PostgreSQL', () => {
  it('a day stored as one value moves to rows with nothing lost', async () => {
    const url = await database('migration');
    const pool = new pg.Pool({ connectionString: url });
    try {
      await migrate(pool, 3);
      const day = oldDay();
      const other = { ...queue.emptyDay('2026-12-03'), lastNumber: { housing: 3 } };
      await pool.query(
        'INSERT INTO live_day (office_id, version, state) VALUES ($1, 17, $2), ($3, 2, $4), ($5, 0, NULL)',
        ['town-hall', JSON.stringify(day), 'library', JSON.stringify(other), 'new-office'],
      );
      await migrate(pool);

      const rows = await pool.query<{ id: string; pos: number; version: string }>(
        "SELECT id, pos, version FROM live_tickets WHERE office_id = 'town-hall' ORDER BY pos",
      );
      expect(rows.rows.map((r) => r.id)).toEqual(day.tickets.map((t) => t.id));
      expect(rows.rows.map((r) => r.pos)).toEqual(day.tickets.map((_, i) => i));
      expect(rows.rows.every((r) => r.version === '17')).toBe(true);
      const columns = await pool.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'live_day'",
      );
      expect(columns.rows.map((c) => c.column_name)).not.toContain('state');

      const stores = await Promise.all(['town-hall', 'library', 'new-office'].map((id) => openPostgresStore(url, id)));
      for (const store of stores) closeAfter(store);
      expect(await stores[0]!.loadDay()).toEqual(JSON.parse(JSON.stringify(day)));
      expect(await stores[1]!.loadDay()).toEqual(other);
      expect(await stores[2]!.loadDay()).toBeNull();
      // The moved day goes on: the next number follows the stored ones.
      const service = new QueueService(
        stores[0]!,
        () => office,
        () => Date.parse('2026-12-03T10:00:00Z'),
      );
      await service.init();
      const issued = ok(await service.issue({ concernId: 'housing', language: 'de', source: 'kiosk' }));
      expect(issued.ticket.number).toBe(`${office.concerns.find((c) => c.id === 'housing')!.prefix}-016`);
      service.stop();
    } finally {
      await pool.end();
    }
  });

  it("a process applies another's change without loading the day; a new day is loaded whole", async () => {
    const url = await database('notified');
    let now = Date.parse('2026-12-03T09:00:00Z');
    const clock = () => now;
    const [a, b] = (await Promise.all([openPostgresStore(url, 'town-hall'), openPostgresStore(url, 'town-hall')])) as [
      PostgresStore,
      PostgresStore,
    ];
    closeAfter(a);
    closeAfter(b);
    const first = new QueueService(a, () => office, clock);
    const second = new QueueService(b, () => office, clock);
    await first.init();
    await second.init();
    try {
      const fullLoads = b.loads.full;
      ok(await first.setCounterStatus('desk-1', 'open'));
      for (let i = 0; i < 20; i++) ok(await first.issue({ concernId: 'documents', language: 'de', source: 'kiosk' }));
      for (let i = 0; i < 3; i++) ok(await first.callNext('desk-1'));
      await waitUntil(() => second.day().tickets.length === 20 && second.day().callSeq === 3, 'the changes on B');
      expect(second.day()).toEqual(JSON.parse(JSON.stringify(first.day())));
      expect(b.loads.full).toBe(fullLoads);
      expect(b.loads.changes).toBeGreaterThan(0);

      // B changes the day in turn: its copy is current, A applies B's change the same way.
      const aFull = a.loads.full;
      const drawn = ok(await second.issue({ concernId: 'housing', language: 'de', source: 'kiosk' }));
      await waitUntil(() => first.ticketById(drawn.ticket.id) !== undefined, 'the ticket on A');
      expect(first.day()).toEqual(JSON.parse(JSON.stringify(second.day())));
      expect(a.loads.full).toBe(aFull);
      expect(b.loads.full).toBe(fullLoads);

      // Local midnight: A starts the new day (every ticket row replaced); B loads that day whole.
      now = Date.parse('2026-12-04T07:00:00Z');
      expect(await first.tick()).toBe(true);
      await waitUntil(() => second.day().day === '2026-12-04', 'the new day on B');
      expect(second.day().tickets).toEqual([]);
      expect(b.loads.full).toBe(fullLoads + 1);
      const archived = await b.archivedTickets('2026-12-03', '2026-12-03');
      expect(archived).toHaveLength(21);
    } finally {
      first.stop();
      second.stop();
    }
  });
});
