/**
 * Plausibility checks for a stored live day and its journal entries: a value no version of the
 * server writes (a status 42, a negative number) means the file was damaged or edited. Pure.
 */
import type { DayDelta } from './day-delta.ts';
import { type DayState, TICKET_STATUSES, type Ticket } from './types.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isText = (v: unknown) => typeof v === 'string' && v.length > 0;

function ticketProblem(t: Ticket): string | null {
  if (!t || typeof t !== 'object') return 'a ticket is not an object';
  if (!isText(t.id) || !isText(t.token) || !isText(t.number) || !isText(t.concernId)) {
    return `ticket ${String(t.number ?? t.id)} lacks its id, token, number or concern`;
  }
  if (!(TICKET_STATUSES as readonly string[]).includes(t.status)) return `ticket ${t.number} has status ${t.status}`;
  if (!isCount(t.issuedAt)) return `ticket ${t.number} has no valid issue time`;
  if (!isCount(t.callCount)) return `ticket ${t.number} has no valid call count`;
  return null;
}

function numbersProblem(lastNumber: unknown, callSeq: unknown): string | null {
  if (!lastNumber || typeof lastNumber !== 'object') return 'the running numbers are missing';
  for (const [concern, n] of Object.entries(lastNumber)) {
    if (!isCount(n)) return `the running number of ${concern} is ${String(n)}`;
  }
  if (!isCount(callSeq)) return `the call sequence is ${String(callSeq)}`;
  return null;
}

/** What is wrong with a stored live day, or null when it looks like one the server wrote. */
export function dayStateProblem(state: DayState): string | null {
  if (!state || typeof state !== 'object') return 'the live day is not an object';
  if (typeof state.day !== 'string' || !DAY.test(state.day)) return `the day is ${String(state.day)}`;
  if (!Array.isArray(state.tickets) || !Array.isArray(state.recentCalls)) return 'tickets or calls are missing';
  if (!state.counters || typeof state.counters !== 'object') return 'the counters are missing';
  for (const t of state.tickets) {
    const problem = ticketProblem(t);
    if (problem) return problem;
  }
  return numbersProblem(state.lastNumber, state.callSeq);
}

/** What is wrong with a journal entry's change, or null. */
export function deltaProblem(delta: DayDelta): string | null {
  if (!delta || typeof delta !== 'object') return 'the change is not an object';
  if (delta.kind === 'full') return dayStateProblem(delta.state);
  if (delta.kind !== 'change') return `the change has kind ${String((delta as { kind?: unknown }).kind)}`;
  if (typeof delta.day !== 'string' || !DAY.test(delta.day)) return `the day is ${String(delta.day)}`;
  if (!Array.isArray(delta.tickets) || !Array.isArray(delta.counters) || !Array.isArray(delta.calls)) {
    return 'tickets, counters or calls are missing';
  }
  for (const t of delta.tickets) {
    const problem = ticketProblem(t);
    if (problem) return problem;
  }
  return numbersProblem(delta.lastNumber, delta.callSeq);
}
