/**
 * What changed between two versions of the live day, small enough to append to a journal
 * for every mutation, and how to apply it again. Pure. Relies on the queue functions sharing
 * unchanged ticket and counter objects between versions (see `core/queue.ts`).
 */
import type { CallRecord, CounterState, DayState, Ticket } from './types.ts';

export type DayDelta =
  | { kind: 'full'; state: DayState }
  | {
      kind: 'change';
      day: string;
      tickets: Ticket[];
      counters: CounterState[];
      lastNumber: Record<string, number>;
      callSeq: number;
      calls: CallRecord[];
      serviceMinutes?: Record<string, number[]>;
    };

export function diffDay(prev: DayState | null, next: DayState): DayDelta {
  if (!prev || prev.day !== next.day) return { kind: 'full', state: next };
  const delta: DayDelta = {
    kind: 'change',
    day: next.day,
    tickets: changedTickets(prev.tickets, next.tickets),
    counters: Object.values(next.counters).filter((c) => prev.counters[c.counterId] !== c),
    lastNumber: next.lastNumber,
    callSeq: next.callSeq,
    calls: next.recentCalls.filter((c) => c.seq > prev.callSeq),
  };
  if (next.serviceMinutes !== prev.serviceMinutes) delta.serviceMinutes = next.serviceMinutes;
  return delta;
}

/**
 * The tickets of `next` that are not (the same object) in `prev`. Tickets keep their place in
 * the day (new ones are appended), so the two lists are compared place by place: no map of the
 * whole day per change. Should a ticket ever have left its place, the lists are matched by id.
 */
function changedTickets(prev: readonly Ticket[], next: readonly Ticket[]): Ticket[] {
  const changed: Ticket[] = [];
  if (next.length >= prev.length) {
    let inPlace = true;
    for (let i = 0; i < prev.length; i++) {
      const a = prev[i] as Ticket;
      const b = next[i] as Ticket;
      if (a === b) continue;
      if (a.id !== b.id) {
        inPlace = false;
        break;
      }
      changed.push(b);
    }
    if (inPlace) {
      for (let i = prev.length; i < next.length; i++) changed.push(next[i] as Ticket);
      return changed;
    }
  }
  const before = new Map(prev.map((t) => [t.id, t]));
  return next.filter((t) => before.get(t.id) !== t);
}

export function applyDelta(state: DayState | null, delta: DayDelta, recentCallsCap: number): DayState {
  if (delta.kind === 'full') return delta.state;
  if (!state || state.day !== delta.day) {
    throw new Error(`journal entry for ${delta.day} does not follow the day ${state?.day ?? '(none)'}`);
  }
  const changed = new Map(delta.tickets.map((t) => [t.id, t]));
  const tickets = state.tickets.map((t) => changed.get(t.id) ?? t);
  const known = new Set(state.tickets.map((t) => t.id));
  for (const t of delta.tickets) if (!known.has(t.id)) tickets.push(t);
  const counters = { ...state.counters };
  for (const c of delta.counters) counters[c.counterId] = c;
  const seen = new Set(state.recentCalls.map((c) => c.seq));
  const recentCalls = [...state.recentCalls, ...delta.calls.filter((c) => !seen.has(c.seq))].slice(-recentCallsCap);
  return {
    ...state,
    tickets,
    counters,
    lastNumber: delta.lastNumber,
    callSeq: delta.callSeq,
    recentCalls,
    serviceMinutes: delta.serviceMinutes ?? state.serviceMinutes,
  };
}
