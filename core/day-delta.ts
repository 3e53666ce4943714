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
  const before = new Map(prev.tickets.map((t) => [t.id, t]));
  const delta: DayDelta = {
    kind: 'change',
    day: next.day,
    tickets: next.tickets.filter((t) => before.get(t.id) !== t),
    counters: Object.values(next.counters).filter((c) => prev.counters[c.counterId] !== c),
    lastNumber: next.lastNumber,
    callSeq: next.callSeq,
    calls: next.recentCalls.filter((c) => c.seq > prev.callSeq),
  };
  if (next.serviceMinutes !== prev.serviceMinutes) delta.serviceMinutes = next.serviceMinutes;
  return delta;
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
