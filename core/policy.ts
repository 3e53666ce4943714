/**
 * Queue policy: which waiting ticket a counter calls next.
 *
 * Order (see README "Queue rules"):
 *  1. appointment holders whose slot is due (from `appointmentLeadMinutes` before the slot
 *     until `appointmentLateMinutes` after it), earliest slot first;
 *  2. walk-ins who have waited longer than `maxWaitMinutes` (aging), longest wait first;
 *  3. everybody else, by arrival weighted with the concern's weight
 *     (a weight of 2 counts each minute of waiting twice) and the counter's order of preference
 *     as the tie-breaker.
 * Late appointment holders are walk-ins with their check-in time as arrival.
 */
import type { Counter, OfficeConfig, Ticket } from './types.ts';

const MINUTE = 60_000;

export function isAppointmentDue(ticket: Ticket, office: OfficeConfig, now: number): boolean {
  if (ticket.appointmentAt === undefined) return false;
  const lead = office.policy.appointmentLeadMinutes * MINUTE;
  const late = office.policy.appointmentLateMinutes * MINUTE;
  return now >= ticket.appointmentAt - lead && now <= ticket.appointmentAt + late;
}

function isAppointmentEarly(ticket: Ticket, office: OfficeConfig, now: number): boolean {
  return (
    ticket.appointmentAt !== undefined &&
    now < ticket.appointmentAt - office.policy.appointmentLeadMinutes * MINUTE
  );
}

/** Tickets waiting for concerns this counter serves, in the order the counter would call them. */
export function orderForCounter(
  tickets: readonly Ticket[],
  counter: Counter,
  office: OfficeConfig,
  now: number,
): Ticket[] {
  const serves = new Map(counter.concernIds.map((id, i) => [id, i]));
  const weights = new Map(office.concerns.map((c) => [c.id, c.weight ?? 1]));
  const maxWait = office.policy.maxWaitMinutes * MINUTE;
  const candidates = tickets.filter(
    (t) => t.status === 'waiting' && serves.has(t.concernId) && !isAppointmentEarly(t, office, now),
  );
  const rank = (t: Ticket): [number, number, number, number] => {
    if (isAppointmentDue(t, office, now)) return [0, t.appointmentAt ?? 0, t.issuedAt, 0];
    const waited = now - t.issuedAt;
    if (waited >= maxWait) return [1, t.issuedAt, 0, 0];
    const weight = weights.get(t.concernId) ?? 1;
    return [2, -(waited * weight), serves.get(t.concernId) ?? 0, t.issuedAt];
  };
  const ranked = candidates.map((t, i) => ({ t, i, r: rank(t) }));
  ranked.sort((a, b) => {
    for (let i = 0; i < 4; i++) {
      const d = (a.r[i] as number) - (b.r[i] as number);
      if (d !== 0) return d;
    }
    // Same rank: the order of issue (tickets are kept in the order they were issued).
    return a.i - b.i;
  });
  return ranked.map((x) => x.t);
}

/** The ticket the counter calls next, or undefined when nobody waits for it. */
export function pickNext(
  tickets: readonly Ticket[],
  counter: Counter,
  office: OfficeConfig,
  now: number,
): Ticket | undefined {
  return orderForCounter(tickets, counter, office, now)[0];
}
