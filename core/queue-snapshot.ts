/**
 * The lobby's view of the queue: who is called where (newest first), the waiting lines with
 * their estimates, the latest call's number in sequence and the day's last no-shows.
 *
 * `queueSnapshot` makes it once per day state, office and estimates: a change goes out to the
 * screens in slices, and every slice (and the live view, and the public page) asks for it. Pure:
 * the snapshot is kept beside the day state, weakly, and goes with it.
 */
import { iso, type QueueSnapshot } from './api.ts';
import type { ConcernEstimate } from './estimate.ts';
import { openTickets } from './open-tickets.ts';
import type { DayState, OfficeConfig, Ticket } from './types.ts';

const MADE = new WeakMap<
  DayState,
  { office: OfficeConfig; waiting: readonly ConcernEstimate[]; snapshot: QueueSnapshot }
>();

/** `toQueueSnapshot`, made once for the same state, office and estimates. Read-only for the caller. */
export function queueSnapshot(state: DayState, office: OfficeConfig, waiting: ConcernEstimate[]): QueueSnapshot {
  const made = MADE.get(state);
  if (made?.office === office && made.waiting === waiting) return made.snapshot;
  const snapshot = toQueueSnapshot(state, office, waiting);
  MADE.set(state, { office, waiting, snapshot });
  return snapshot;
}

export function toQueueSnapshot(state: DayState, office: OfficeConfig, waiting: ConcernEstimate[]): QueueSnapshot {
  const called = openTickets(state.tickets)
    .filter((t) => t.status === 'called' && t.counterId !== undefined)
    .sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))
    .map((t) => ({
      number: t.number,
      concernId: t.concernId,
      counterId: t.counterId as string,
      counterName: office.counters.find((c) => c.id === t.counterId)?.name ?? String(t.counterId),
      calledAt: iso(t.calledAt ?? t.issuedAt),
    }));
  // The day's last 100 no-shows, searched from the newest.
  const noShows: string[] = [];
  for (let i = state.tickets.length - 1; i >= 0 && noShows.length < 100; i--) {
    const t = state.tickets[i] as Ticket;
    if (t.status === 'no-show') noShows.push(t.number);
  }
  noShows.reverse();
  return { called, waiting, seq: state.callSeq, day: state.day, noShows };
}
