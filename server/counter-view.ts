/**
 * What a counter sees of the queue: its current visitor, how many wait for each of its concerns,
 * the next visitors in the order call-next takes them (and those it may call early by number),
 * the parked ones and the undo it may still use. Read from the last stored day, never waiting
 * for a mutation.
 */
import type { CounterTicket, CounterView, TicketView } from '../core/api.ts';
import { isAppointmentEarly, isReservedForOther } from '../core/policy.ts';
import { counterOrder, pendingUndo } from '../core/queue.ts';
import { currentTicket } from '../core/queue-state.ts';
import { isHeldRemote } from '../core/remote.ts';
import { openTickets } from '../core/open-tickets.ts';
import type { DayState, OfficeConfig, Ticket } from '../core/types.ts';
import { laterParts } from '../core/visit.ts';

/** How many of the next visitors a counter sees (to call one by number). */
const COUNTER_NEXT_CAP = 15;

export function counterViewOf(
  state: DayState,
  office: OfficeConfig,
  counterId: string,
  now: number,
  ticketView: (ticket: Ticket) => TicketView,
): CounterView | undefined {
  const counter = office.counters.find((c) => c.id === counterId);
  if (!counter) return undefined;
  const cs = state.counters[counterId] ?? { counterId, status: 'closed' as const };
  // Only open tickets matter here (a long day holds thousands of finished ones).
  const open = openTickets(state.tickets);
  const current = currentTicket(state, counterId);
  const waiting = counter.concernIds.map((concernId) => {
    const tickets = open.filter((t) => t.status === 'waiting' && !t.parked && t.concernId === concernId);
    const oldest = tickets.reduce((min, t) => Math.min(min, t.issuedAt), Number.POSITIVE_INFINITY);
    return {
      concernId,
      count: tickets.length,
      longestWaitMinutes: tickets.length ? Math.max(0, Math.floor((now - oldest) / 60_000)) : 0,
    };
  });
  const brief = (t: Ticket): CounterTicket => {
    const later = laterParts(t).map((p) => p.concernId);
    return {
      ticketId: t.id,
      number: t.number,
      concernId: t.concernId,
      waitingMinutes: Math.max(0, Math.floor((now - t.issuedAt) / 60_000)),
      ...(t.appointmentAt !== undefined ? { appointmentAt: new Date(t.appointmentAt).toISOString() } : {}),
      ...(later.length ? { laterConcernIds: later } : {}),
      ...(t.forCounterId === counterId ? { sentHere: true as const } : {}),
    };
  };
  const serves = new Set(counter.concernIds);
  const parked = open.filter((t) => t.status === 'waiting' && t.parked && serves.has(t.concernId));
  const view: CounterView = {
    counterId,
    name: counter.name,
    status: cs.status,
    current: current ? ticketView(current) : null,
    waiting,
    next: [
      ...counterOrder(state, office, counter, now).slice(0, COUNTER_NEXT_CAP).map(brief),
      ...open
        .filter(
          (t) =>
            t.status === 'waiting' &&
            !t.parked &&
            serves.has(t.concernId) &&
            t.forCounterId === undefined &&
            (isAppointmentEarly(t, office, now) ||
              isReservedForOther(t, counter, office, now) ||
              isHeldRemote(t, office)),
        )
        .map((t) => ({ ...brief(t), early: true })),
    ],
    parked: parked.map(brief),
    maxCalls: office.policy.maxCalls,
  };
  if (cs.pauseReason) view.pauseReason = cs.pauseReason;
  const undo = pendingUndo(state, office, counterId, now);
  if (undo) {
    view.undo = {
      action: undo.record.action,
      ticketId: undo.record.before.id,
      number: undo.record.before.number,
      until: new Date(undo.until).toISOString(),
      secondsLeft: Math.max(0, Math.ceil((undo.until - now) / 1000)),
    };
  }
  return view;
}
