/**
 * "Rückgängig" at the counter: what a no-show, completion or transfer keeps so the clerk can take
 * it back, and taking it back.
 */
import { policyOf } from './policy.ts';
import { fail, ok, type Result } from './result.ts';
import type { CounterState, DayState, OfficeConfig, Ticket, UndoableAction, UndoRecord } from './types.ts';
import {
  type CounterAction,
  counterState,
  currentTicket,
  findCounter,
  type Outcome,
  replaceTicket,
  setCounter,
} from './queue-state.ts';

/**
 * Keeps what a no-show, completion or transfer changed on the counter (`CounterState.undo`), so
 * the clerk can take it back with `undoLast` for `undoSeconds`. Any other action of the counter
 * drops it.
 */
export function withUndo(
  before: DayState,
  result: Result<Outcome<Ticket>>,
  counterId: string,
  action: UndoableAction,
  now: number,
): Result<Outcome<Ticket>> {
  if (!result.ok) return result;
  const ticket = currentTicket(before, counterId);
  if (!ticket) return result;
  const { state, events, value } = result.value;
  const counterBefore: CounterState = { ...counterState(before, counterId) };
  delete counterBefore.undo;
  const record: UndoRecord = { action, at: now, before: ticket, after: value, counterBefore };
  const concernId = ticket.concernId;
  const samples = state.serviceMinutes[concernId];
  if (samples && samples !== before.serviceMinutes[concernId] && samples.length > 0) {
    record.sample = { concernId, minutes: samples[samples.length - 1] as number };
  }
  const counter: CounterState = { ...counterState(state, counterId), undo: record };
  return ok({
    state: setCounter(state, counter),
    events: [
      ...events.filter((e) => e.type !== 'counter-changed' || e.counter.counterId !== counterId),
      { type: 'counter-changed', counter },
    ],
    value,
  });
}

/** Whether two tickets hold the same data (key order aside: stores may reorder keys). */
function sameTicket(a: Ticket, b: Ticket): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The undo the counter may still use at `now`, or undefined (none kept, or its time is over). */
export function pendingUndo(state: DayState, office: OfficeConfig, counterId: string, now: number) {
  const record = state.counters[counterId]?.undo;
  if (!record) return undefined;
  const until = record.at + policyOf(office).undoSeconds * 1000;
  return now <= until ? { record, until } : undefined;
}

/**
 * "Rückgängig": takes back the counter's last no-show, completion or transfer within
 * `undoSeconds`. The ticket and the counter get exactly their state from before the action
 * (the visitor is at the counter again), and a service time the completion recorded is taken
 * out of the estimates. Refused with NOTHING_TO_UNDO when the counter has none (it acted since),
 * UNDO_EXPIRED after the time, and UNDO_CONFLICT once the ticket changed elsewhere (e.g. another
 * counter called the transferred visitor).
 */
export const undoLast: CounterAction = (state, office, counterId, now) => {
  if (!findCounter(office, counterId)) return fail('UNKNOWN_COUNTER');
  const record = state.counters[counterId]?.undo;
  if (!record) return fail('NOTHING_TO_UNDO');
  if (!pendingUndo(state, office, counterId, now)) return fail('UNDO_EXPIRED');
  const live = state.tickets.find((t) => t.id === record.before.id);
  if (!live || !sameTicket(live, record.after)) return fail('UNDO_CONFLICT');
  const elsewhere = Object.values(state.counters).some(
    (c) => c.counterId !== counterId && c.currentTicketId === record.before.id,
  );
  if (elsewhere) return fail('UNDO_CONFLICT');
  let next = replaceTicket(state, record.before);
  if (record.sample) {
    const { concernId, minutes } = record.sample;
    const samples = [...(next.serviceMinutes[concernId] ?? [])];
    const k = samples.lastIndexOf(minutes);
    if (k >= 0) samples.splice(k, 1);
    next = { ...next, serviceMinutes: { ...next.serviceMinutes, [concernId]: samples } };
  }
  const counter: CounterState = { ...record.counterBefore };
  next = setCounter(next, counter);
  return ok({
    state: next,
    events: [
      { type: 'ticket-changed', ticket: record.before },
      { type: 'counter-changed', counter },
    ],
    value: record.before,
  });
};
