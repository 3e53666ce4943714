/**
 * Wait estimates: from recent service times per concern and the counters open for it.
 * A ticket with `ahead` people before it in its concern's line waits about
 * `(ahead + busyShare) * serviceMinutes / openCounters`, where busyShare accounts for the
 * visitors currently being served.
 */
import { orderForCounter } from './policy.ts';
import type { DayState, OfficeConfig, Ticket } from './types.ts';

export const DEFAULT_SERVICE_MINUTES = 8;

export interface TicketEstimate {
  waitingAhead: number;
  estimatedWaitMinutes: number;
}

export interface ConcernEstimate {
  concernId: string;
  count: number;
  estimatedWaitMinutes: number;
}

/** Mean of the recent service times of a concern, or its configured expectation. */
export function serviceMinutesFor(state: DayState, office: OfficeConfig, concernId: string): number {
  const samples = state.serviceMinutes[concernId] ?? [];
  if (samples.length >= 3) return samples.reduce((a, b) => a + b, 0) / samples.length;
  const configured = office.concerns.find((c) => c.id === concernId)?.serviceMinutes;
  return configured ?? DEFAULT_SERVICE_MINUTES;
}

function countersFor(state: DayState, office: OfficeConfig, concernId: string) {
  const serving = office.counters.filter((c) => c.concernIds.includes(concernId));
  const open = serving.filter((c) => (state.counters[c.id]?.status ?? 'closed') === 'open');
  return { serving, open };
}

/**
 * Estimates for every waiting ticket and every concern.
 * Position is taken from the order of the best counter for the ticket (the one where it stands
 * furthest ahead); minutes from the concern's service time and the counters open for it.
 */
export function estimateAll(
  state: DayState,
  office: OfficeConfig,
  now: number,
): { tickets: Map<string, TicketEstimate>; concerns: ConcernEstimate[] } {
  const tickets = new Map<string, TicketEstimate>();
  const waiting = state.tickets.filter((t) => t.status === 'waiting');
  const position = new Map<string, number>();
  for (const counter of office.counters) {
    orderForCounter(waiting, counter, office, now).forEach((t, i) => {
      const best = position.get(t.id);
      if (best === undefined || i < best) position.set(t.id, i);
    });
  }
  const minutesFor = (concernId: string, ahead: number): number => {
    const { serving, open } = countersFor(state, office, concernId);
    const counters = Math.max(1, open.length || (serving.length > 0 ? 1 : 0));
    const service = serviceMinutesFor(state, office, concernId);
    const busy = (open.length ? open : serving).filter(
      (c) => state.counters[c.id]?.currentTicketId !== undefined,
    ).length;
    const busyShare = busy > 0 ? 0.5 * (busy / counters) : 0;
    return Math.max(0, Math.round(((ahead + busyShare) * service) / counters));
  };
  for (const t of waiting) {
    const ahead = position.get(t.id) ?? sameConcernAhead(waiting, t);
    tickets.set(t.id, { waitingAhead: ahead, estimatedWaitMinutes: minutesFor(t.concernId, ahead) });
  }
  const concerns = office.concerns
    .filter((c) => !c.infoUrl)
    .map((c) => {
      const count = waiting.filter((t) => t.concernId === c.id).length;
      return { concernId: c.id, count, estimatedWaitMinutes: minutesFor(c.id, count) };
    });
  return { tickets, concerns };
}

function sameConcernAhead(waiting: readonly Ticket[], t: Ticket): number {
  return waiting.filter((o) => o.concernId === t.concernId && o.issuedAt < t.issuedAt).length;
}
