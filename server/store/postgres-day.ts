/**
 * How the PostgreSQL store keeps the live day: its tickets as rows (`live_tickets`, one per
 * ticket, with its place in the day's list and the version that last wrote it) and the rest of
 * the day, which is small and bounded, as one value (`live_day.head`). A change writes the head
 * and only the tickets that changed; a process that knows version v reads the head and the
 * tickets written after v and applies them to its copy. Pure functions (the statements that
 * read and write it among them), no I/O.
 */
import type { DayState, Ticket } from '../../core/types.ts';

/** The live day without its tickets (numbering, counters, recent calls, service times). */
export type DayHead = Omit<DayState, 'tickets'>;

/** A ticket row: its place in the day's list (`p`) and the ticket (`t`). */
export interface TicketRow {
  p: number;
  t: Ticket;
}

export interface DayChange {
  head: DayHead;
  /** The ticket rows to write, in list order. */
  rows: TicketRow[];
  /**
   * The list was not only changed in place and appended to (a new day, a ticket removed):
   * every ticket row of the office is replaced, and other processes load the day anew.
   */
  rewrite: boolean;
}

export function headOf(day: DayState): DayHead {
  const { tickets: _tickets, ...head } = day;
  return head;
}

/**
 * What changed from `before` to `after`. The queue never mutates a ticket: an unchanged ticket
 * is the same object in both days, so a changed one is found by identity, without comparing
 * contents. A ticket at a changed place means a rewrite.
 */
export function changeOf(before: DayState | null, after: DayState): DayChange {
  const head = headOf(after);
  const all = (): DayChange => ({ head, rows: after.tickets.map((t, p) => ({ p, t })), rewrite: true });
  if (!before || before.day !== after.day || after.tickets.length < before.tickets.length) return all();
  const rows: TicketRow[] = [];
  for (let p = 0; p < after.tickets.length; p++) {
    const t = after.tickets[p] as Ticket;
    const old = before.tickets[p];
    if (t === old) continue;
    if (old && old.id !== t.id) return all();
    rows.push({ p, t });
  }
  return { head, rows, rewrite: false };
}

/**
 * Applies stored rows to a copy of the day: `base` is the day at the version the rows were
 * read after, or null when `rows` hold every ticket of the day. Returns undefined when the rows
 * do not fit the copy (a place beyond its end): then the caller loads the whole day.
 */
export function applyRows(base: DayState | null, head: DayHead, rows: TicketRow[]): DayState | undefined {
  const tickets = base ? [...base.tickets] : [];
  const sorted = [...rows].sort((a, b) => a.p - b.p);
  for (const { p, t } of sorted) {
    if (p < tickets.length) {
      if (base && (tickets[p] as Ticket).id !== t.id) return undefined;
      tickets[p] = t;
    } else if (p === tickets.length) tickets.push(t);
    else return undefined;
  }
  return { ...head, tickets };
}

/** A read of the live day (`readDaySince`): its version and head, and the ticket rows it returns. */
export interface DayReadRow {
  version: string;
  full: boolean;
  head: DayHead | null;
  rows: TicketRow[];
}

/**
 * The query reading an office's head and the tickets written after version `since` (every
 * ticket when the list was rewritten since, or for `since` < 0). `office` and `since` are SQL:
 * parameters (`$1`) or literals already escaped.
 */
export function readDaySince(office: string, since: string): string {
  return `SELECT d.version, d.head, d.base_version > ${since} OR ${since} < 0 AS full,
         (SELECT coalesce(json_agg(json_build_object('p', t.pos, 't', t.ticket)), '[]'::json) FROM live_tickets t
          WHERE t.office_id = d.office_id AND (d.base_version > ${since} OR ${since} < 0 OR t.version > ${since})) AS rows
       FROM live_day d WHERE d.office_id = ${office}`;
}

/**
 * The statement storing `change` as `version` and committing, in one round trip: the head and
 * the changed tickets in one statement, `notice` to the other processes (`NOTIFY lotse_day`),
 * COMMIT. A simple query, so the values go in as literals escaped by `lit` (the connection's
 * `escapeLiteral`); `office` is the office id, not yet escaped.
 */
export function writeDayChange(
  change: DayChange,
  office: string,
  version: number,
  notice: string,
  lit: (value: string) => string,
): string {
  const id = lit(office);
  const rewrite = change.rewrite ? `DELETE FROM live_tickets WHERE office_id = ${id};\n` : '';
  return `${rewrite}WITH day AS (
         UPDATE live_day SET head = ${lit(JSON.stringify(change.head))}::jsonb, version = ${version}::bigint,
           base_version = ${change.rewrite ? `${version}::bigint` : 'base_version'}
         WHERE office_id = ${id}),
       tickets AS (
         INSERT INTO live_tickets (office_id, id, pos, version, ticket)
         SELECT ${id}, e->'t'->>'id', (e->>'p')::int, ${version}::bigint, e->'t'
         FROM jsonb_array_elements(${lit(JSON.stringify(change.rows))}::jsonb) e
         ON CONFLICT (office_id, id) DO UPDATE SET pos = EXCLUDED.pos, version = EXCLUDED.version, ticket = EXCLUDED.ticket)
       SELECT pg_notify('lotse_day', ${lit(notice)});
       COMMIT`;
}
