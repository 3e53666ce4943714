/**
 * An office's closed days in PostgreSQL: archived tickets (`archived_tickets`, one row per
 * ticket) and hourly statistics (`stats_days`, one row per day), written when a day is closed
 * and read by the statistics, the exports and a phone's link to a ticket of an earlier day.
 */
import type { HourBucket } from '../../core/stats.ts';
import type { DayState, Ticket } from '../../core/types.ts';
import type { Queryable } from './postgres-records.ts';
import type { StoreExport } from './store.ts';

/** Stores a closed day's tickets and statistics (again: a day closed twice keeps the newer). */
export async function archiveDay(
  db: Queryable,
  officeId: string,
  state: DayState,
  buckets: HourBucket[],
): Promise<void> {
  await db.query(
    `INSERT INTO archived_tickets (office_id, day, id, token, ticket)
     SELECT $1, $2, t->>'id', t->>'token', t FROM jsonb_array_elements($3::jsonb) t
     ON CONFLICT (office_id, id) DO UPDATE SET ticket = EXCLUDED.ticket`,
    [officeId, state.day, JSON.stringify(state.tickets)],
  );
  await db.query(
    `INSERT INTO stats_days (office_id, day, buckets) VALUES ($1, $2, $3)
     ON CONFLICT (office_id, day) DO UPDATE SET buckets = EXCLUDED.buckets`,
    [officeId, state.day, JSON.stringify(buckets)],
  );
}

/**
 * Deletes the archived tickets of the days before `day` (their statistics stay); returns the
 * number of days whose tickets went, as the store's contract says (not the number of tickets).
 */
export async function purgeDetailsBefore(db: Queryable, officeId: string, day: string): Promise<number> {
  const r = await db.query<{ days: number }>(
    `WITH gone AS (DELETE FROM archived_tickets WHERE office_id = $1 AND day < $2 RETURNING day)
     SELECT count(DISTINCT day)::int AS days FROM gone`,
    [officeId, day],
  );
  return r.rows[0]?.days ?? 0;
}

export async function statsBuckets(db: Queryable, officeId: string, from: string, to: string): Promise<HourBucket[]> {
  const r = await db.query<{ buckets: HourBucket[] }>(
    'SELECT buckets FROM stats_days WHERE office_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day',
    [officeId, from, to],
  );
  return r.rows.flatMap((row) => row.buckets);
}

export async function archivedTickets(db: Queryable, officeId: string, from: string, to: string): Promise<Ticket[]> {
  const r = await db.query<{ ticket: Ticket }>(
    'SELECT ticket FROM archived_tickets WHERE office_id = $1 AND day BETWEEN $2 AND $3',
    [officeId, from, to],
  );
  return r.rows.map((row) => row.ticket);
}

export async function findArchivedTicket(db: Queryable, officeId: string, token: string): Promise<Ticket | null> {
  const r = await db.query<{ ticket: Ticket }>(
    'SELECT ticket FROM archived_tickets WHERE office_id = $1 AND token = $2',
    [officeId, token],
  );
  return r.rows[0]?.ticket ?? null;
}

/** The closed days as a backup holds them: tickets by day, statistics by day. */
export async function exportHistory(db: Queryable, officeId: string): Promise<Pick<StoreExport, 'archive' | 'stats'>> {
  const archive = new Map<string, Ticket[]>();
  for (const t of await archivedTickets(db, officeId, '0000-00-00', '9999-99-99')) {
    archive.set(t.day, [...(archive.get(t.day) ?? []), t]);
  }
  const stats = await db.query<{ day: string; buckets: HourBucket[] }>(
    'SELECT day, buckets FROM stats_days WHERE office_id = $1 ORDER BY day',
    [officeId],
  );
  return {
    archive: [...archive.entries()].sort().map(([day, tickets]) => ({ day, tickets })),
    stats: stats.rows,
  };
}
