/**
 * The generated month of the statistics (test/helpers/stats-month.ts) with what the clerks
 * recorded, for the pictures in docs/: each served concern has an outcome (mostly "Erledigt",
 * some "Unterlagen fehlen", "An Fachbereich weitergeleitet", "Termin vereinbart", in a fixed
 * rhythm), and every fifth served housing visit went on to "Bildung und Teilhabe" at Platz 3.
 */
import { emptyDay } from '../../core/queue.ts';
import { bucketsOf } from '../../core/stats.ts';
import type { Ticket, VisitPart } from '../../core/types.ts';
import { visitParts } from '../../core/visit.ts';
import { openLowdbStore } from '../../server/store/lowdb-store.ts';
import { MONTH_DAYS, monthDayTickets, TZ } from '../helpers/stats-month.ts';

/** Outcomes in turn over the served parts of a day: 6 of 10 done, 2 missing documents, 1 each other. */
const RHYTHM = [
  'done',
  'done',
  'documents-missing',
  'done',
  'forwarded',
  'done',
  'done',
  'appointment-made',
  'done',
  'documents-missing',
];
const MIN = 60_000;

function withOutcomes(tickets: Ticket[]): Ticket[] {
  let served = 0;
  let housing = 0;
  return tickets.map((t) => {
    if (t.status !== 'done') return t;
    const [first] = visitParts(t) as [VisitPart];
    const parts: VisitPart[] = [{ ...first, outcome: RHYTHM[served++ % RHYTHM.length] as string }];
    if (t.concernId === 'housing' && housing++ % 5 === 0 && first.closedAt !== undefined) {
      const dueAt = first.closedAt;
      parts.push({
        concernId: 'education',
        status: 'done',
        counterId: 'desk-3',
        dueAt,
        firstCalledAt: dueAt + 4 * MIN,
        serviceStart: dueAt + 4 * MIN,
        closedAt: dueAt + 11 * MIN,
        outcome: RHYTHM[served++ % RHYTHM.length] as string,
      });
    }
    const last = parts.at(-1) as VisitPart;
    return { ...t, concerns: parts, concernId: last.concernId, counterId: last.counterId, closedAt: last.closedAt };
  });
}

/** Archives the month with outcomes into a data folder, as the server does at each day's end. */
export async function writeOutcomeMonth(dataDir: string): Promise<void> {
  const store = await openLowdbStore(dataDir);
  try {
    for (const day of Object.keys(MONTH_DAYS)) {
      const tickets = withOutcomes(monthDayTickets(day));
      await store.transact(async (tx) => {
        await tx.archiveDay({ ...emptyDay(day), tickets }, bucketsOf(tickets, TZ));
        return { next: null, value: undefined };
      });
    }
  } finally {
    await store.close();
  }
}
