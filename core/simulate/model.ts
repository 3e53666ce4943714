/**
 * The day simulator's model: random arrivals over the office's opening hours, clerks who follow
 * the queue policy through the real pure queue functions (`core/queue.ts`), and for every visitor
 * the wait estimated when the ticket was issued (`core/estimate.ts`) next to the wait that then
 * happened. Pure: the same office, options and seed give the same day.
 *
 * What happens in the model:
 *  - Visitors arrive as a Poisson process during the opening spans of the day, at
 *    `weeklyConcerns` per week spread over the office's weekly opening hours (or `hourlyRate`),
 *    with a concern drawn by `mix`. A share (`appointmentShare`) comes with an appointment whose
 *    slot lies between 5 minutes before and 15 minutes after their arrival.
 *  - A staffed counter opens with the first span. A clerk who is free calls next at once; an idle
 *    clerk notices a new visitor within `reactionMinutes`.
 *  - A called visitor walks to the counter (`walkUpMinutes`), the clerk starts, and the service
 *    takes a log-normal time with the concern's `serviceMinutes` as mean and `serviceCv` as
 *    coefficient of variation. Afterwards the clerk calls next, which completes the visitor.
 *  - Some visitors have left (`noShowShare`): the clerk recalls every `recallAfterMinutes` until
 *    the policy turns the ticket into a no-show. Some are transferred to another concern
 *    (`transferShare`) or parked to fetch a document and come back (`parkShare`, `parkMinutes`).
 *  - At the end of a span the doors close; the clerks serve everybody still inside.
 *
 * One simulated day is one event loop whose steps (arrivals, clerks, pauses, appointments) share
 * its clock and queue; what it takes and gives (`options.ts`), its agenda (`agenda.ts`), the
 * random source and the report are apart.
 */
import { type ExpectedAppointment, estimateAll } from '../estimate.ts';
import { addDays, instantOf, parseClock } from '../localtime.ts';
import { policyOf } from '../policy.ts';
import * as queue from '../queue.ts';
import type { Result } from '../result.ts';
import type { DayState, OfficeConfig, Ticket } from '../types.ts';
import {
  type DayResult,
  DEFAULT_SIMULATION,
  hourlyRateOf,
  type SimulationOptions,
  type TimelinePoint,
  type VisitorRecord,
  weekdayOf,
} from './options.ts';
import { Agenda } from './agenda.ts';
import { createRandom, type Random } from './random.ts';

export {
  DEFAULT_SIMULATION,
  type DayResult,
  hourlyRateOf,
  type SimulationOptions,
  type TimelinePoint,
  type VisitorRecord,
  weekdayOf,
  weeklyOpeningHours,
} from './options.ts';

const MINUTE = 60_000;

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`simulation: ${what} failed with ${result.error}`);
  return result.value;
}

/** Simulates one office day (`date`, local YYYY-MM-DD) starting from `previous` (for learned service times). */
export function simulateDay(
  office: OfficeConfig,
  date: string,
  options: SimulationOptions,
  random: Random,
  previous?: DayState,
): DayResult {
  const weekday = weekdayOf(date);
  const spans = [...(office.openingHours.weekly[weekday] ?? [])]
    .sort((a, b) => parseClock(a.from) - parseClock(b.from))
    .map((s) => ({
      from: instantOf(date, parseClock(s.from), office.timezone),
      to: instantOf(date, parseClock(s.to), office.timezone),
    }));
  const ticketConcerns = office.concerns.filter((c) => !c.infoUrl);
  const mixIds = ticketConcerns.map((c) => c.id);
  const mixWeights = mixIds.map((id) => (options.mix ? (options.mix[id] ?? 0) : 1));
  const staffed = (options.counters ?? office.counters.map((c) => c.id)).filter((id) =>
    office.counters.some((c) => c.id === id),
  );
  const counters = office.counters.filter((c) => staffed.includes(c.id));
  const serviceMean = new Map(ticketConcerns.map((c) => [c.id, c.serviceMinutes ?? 8]));
  const policy = policyOf(office);

  let state: DayState = previous
    ? queue.rollDay(previous, office, spans[0]?.from ?? instantOf(date, 0, office.timezone)).state
    : queue.emptyDay(date);
  if (state.day !== date) state = { ...queue.emptyDay(date, state.callSeq), serviceMinutes: state.serviceMinutes };

  const agenda = new Agenda();
  const rate = hourlyRateOf(office, options);
  /** Appointments booked before the day, for the estimates (only with `appointmentsBookedAhead`). */
  const booked: ExpectedAppointment[] = [];
  spans.forEach((span, i) => {
    agenda.push(span.from, { kind: 'open', span: i });
    if (rate <= 0) return;
    let t = span.from + random.exponential(60 / rate) * MINUTE;
    while (t < span.to) {
      const concernId = random.pick(mixIds, mixWeights);
      if (random.chance(options.appointmentShare)) {
        const appointmentAt = t + random.uniform(-5, 15) * MINUTE;
        const appointmentId = `ap-${booked.length + 1}`;
        booked.push({ id: appointmentId, concernId, start: appointmentAt });
        agenda.push(t, { kind: 'arrive', concernId, appointmentAt, appointmentId });
      } else {
        agenda.push(t, { kind: 'arrive', concernId });
      }
      t += random.exponential(60 / rate) * MINUTE;
    }
  });
  if (spans[0]) agenda.push(spans[0].from, { kind: 'sample' });

  const lastClose = spans.at(-1)?.to ?? 0;
  const records = new Map<string, VisitorRecord>();
  const leaves = new Set<string>();
  const idle = new Set<string>();
  const pendingTry = new Set<string>();
  const timeline: TimelinePoint[] = [];
  let serial = 0;
  let now = spans[0]?.from ?? 0;
  let end = now;

  const ticketOf = (id: string) => state.tickets.find((t) => t.id === id);
  const currentOf = (counterId: string) => state.counters[counterId]?.currentTicketId;

  const notify = (concernId: string, at: number) => {
    for (const c of counters) {
      if (!idle.has(c.id) || pendingTry.has(c.id) || !c.concernIds.includes(concernId)) continue;
      pendingTry.add(c.id);
      agenda.push(Math.max(at, now) + random.uniform(0, options.reactionMinutes) * MINUTE, {
        kind: 'try-call',
        counterId: c.id,
      });
    }
  };

  const afterCall = (counterId: string, ticket: Ticket) => {
    idle.delete(counterId);
    if (leaves.has(ticket.id)) {
      agenda.push(now + options.recallAfterMinutes * MINUTE, { kind: 'recall', counterId, ticketId: ticket.id });
    } else {
      const walk = random.uniform(options.walkUpMinutes[0], options.walkUpMinutes[1]);
      agenda.push(now + walk * MINUTE, { kind: 'at-counter', counterId, ticketId: ticket.id });
    }
  };

  /** Parked visitors who are back, waiting for the counter that parked them to be free. */
  const back = new Map<string, string>();

  /** A parked visitor who is back resumes at the counter that parked them; service goes on. */
  const resume = (counterId: string): boolean => {
    const ticketId = [...back.entries()].find(([, c]) => c === counterId)?.[0];
    if (ticketId === undefined || currentOf(counterId)) return false;
    back.delete(ticketId);
    state = unwrap(queue.returnParked(state, office, counterId, ticketId, now), 'returnParked').state;
    idle.delete(counterId);
    const service = serviceMean.get(ticketOf(ticketId)?.concernId ?? '') ?? 8;
    agenda.push(now + (random.lognormal(service, options.serviceCv) / 2) * MINUTE, {
      kind: 'service-end',
      counterId,
      ticketId,
    });
    return true;
  };

  /** The clerk presses "call next" (which also completes a visitor still at the counter). */
  const callNext = (counterId: string) => {
    if ([...back.values()].includes(counterId)) {
      if (currentOf(counterId)) state = unwrap(queue.complete(state, office, counterId, now), 'complete').state;
      if (resume(counterId)) return;
    }
    const outcome = unwrap(queue.callNext(state, office, counterId, now), 'callNext');
    state = outcome.state;
    if (outcome.value) afterCall(counterId, outcome.value);
    else idle.add(counterId);
  };

  while (agenda.size > 0) {
    const item = agenda.pop();
    if (!item) break;
    now = item.at;
    const e = item.event;
    switch (e.kind) {
      case 'open':
        for (const c of counters) {
          state = unwrap(queue.setCounterStatus(state, office, c.id, 'open'), 'open').state;
          if (!currentOf(c.id)) {
            idle.add(c.id);
            pendingTry.add(c.id);
            agenda.push(now, { kind: 'try-call', counterId: c.id });
          }
        }
        break;
      case 'arrive': {
        serial += 1;
        const id = `s${String(serial).padStart(4, '0')}`;
        const appointment =
          e.appointmentAt === undefined
            ? undefined
            : { id: e.appointmentId ?? `ap-${id}`, code: id, concernId: e.concernId, start: e.appointmentAt };
        const outcome = unwrap(
          queue.issueTicket(
            state,
            office,
            {
              id,
              token: `tok-${id}`,
              concernId: e.concernId,
              language: 'de',
              source: 'kiosk',
              ...(appointment ? { appointment } : {}),
            },
            now,
          ),
          'issueTicket',
        );
        state = outcome.state;
        const foreseen = options.appointmentsBookedAhead ? booked : [];
        const estimate = estimateAll(state, office, now, foreseen).tickets.get(id);
        const ticket = outcome.value;
        records.set(id, {
          ticketId: id,
          number: ticket.number,
          concernId: ticket.concernId,
          appointment: appointment !== undefined,
          issuedAt: now,
          estimatedWaitMinutes: estimate?.estimatedWaitMinutes ?? 0,
          waitMinutes: null,
          outcome: 'waiting',
          transferred: false,
        });
        if (random.chance(options.noShowShare)) leaves.add(id);
        const dueFrom = appointment ? appointment.start - policy.appointmentLeadMinutes * MINUTE : now;
        notify(e.concernId, now);
        if (dueFrom > now) notify(e.concernId, dueFrom);
        break;
      }
      case 'try-call':
        pendingTry.delete(e.counterId);
        if (idle.has(e.counterId) && !currentOf(e.counterId)) callNext(e.counterId);
        break;
      case 'at-counter':
        if (currentOf(e.counterId) !== e.ticketId) break;
        state = unwrap(queue.startService(state, office, e.counterId, now), 'startService').state;
        agenda.push(
          now +
            random.lognormal(serviceMean.get(ticketOf(e.ticketId)?.concernId ?? '') ?? 8, options.serviceCv) * MINUTE,
          { kind: 'service-end', counterId: e.counterId, ticketId: e.ticketId },
        );
        break;
      case 'service-end': {
        if (currentOf(e.counterId) !== e.ticketId) break;
        const ticket = ticketOf(e.ticketId);
        const r = random.next();
        if (ticket && r < options.transferShare && mixIds.length > 1) {
          const others = mixIds.filter((id) => id !== ticket.concernId);
          const target = random.pick(
            others,
            others.map((id) => mixWeights[mixIds.indexOf(id)] ?? 1),
          );
          state = unwrap(queue.transfer(state, office, e.counterId, target, now), 'transfer').state;
          notify(target, now);
        } else if (ticket && r < options.transferShare + options.parkShare) {
          state = unwrap(queue.park(state, office, e.counterId, now), 'park').state;
          const away = random.uniform(options.parkMinutes[0], options.parkMinutes[1]);
          agenda.push(now + away * MINUTE, { kind: 'back', ticketId: e.ticketId });
        }
        callNext(e.counterId);
        break;
      }
      case 'recall': {
        if (currentOf(e.counterId) !== e.ticketId) break;
        const recalled = queue.recall(state, office, e.counterId, now);
        if (!recalled.ok) {
          // Called as often as allowed: the clerk marks the no-show and calls the next visitor.
          state = unwrap(queue.markNoShow(state, office, e.counterId, now), 'noShow').state;
          callNext(e.counterId);
          break;
        }
        state = recalled.value.state;
        agenda.push(now + options.recallAfterMinutes * MINUTE, e);
        break;
      }
      case 'back': {
        const parkedBy = ticketOf(e.ticketId)?.parkedBy;
        if (parkedBy === undefined) break;
        back.set(e.ticketId, parkedBy);
        if (idle.has(parkedBy)) resume(parkedBy);
        break;
      }
      case 'sample': {
        const waiting = state.tickets.filter((t) => t.status === 'waiting' && t.parked !== true).length;
        const busy = counters.filter((c) => currentOf(c.id) !== undefined).length;
        timeline.push({ at: now, waiting, busy });
        const open = state.tickets.some((t) => t.status === 'waiting' || t.status === 'called');
        if (now < lastClose || open || agenda.size > 0) agenda.push(now + MINUTE, { kind: 'sample' });
        break;
      }
    }
    if (e.kind !== 'sample') end = now;
  }
  for (const c of counters) {
    state = unwrap(queue.setCounterStatus(state, office, c.id, 'closed'), 'close').state;
  }

  const visitors = [...records.values()].map((r) => {
    const t = ticketOf(r.ticketId);
    return {
      ...r,
      waitMinutes: t?.firstCalledAt !== undefined ? (t.firstCalledAt - r.issuedAt) / MINUTE : null,
      outcome: t?.status ?? r.outcome,
      transferred: (t?.transferredFrom?.length ?? 0) > 0,
    };
  });
  return { date, weekday, spans, end, staffed, visitors, timeline, state };
}

export interface SimulationRun extends Partial<SimulationOptions> {
  seed: number;
  /** Opening days to simulate, one after the other (service times carry over). */
  days: number;
  /** First date to look at (YYYY-MM-DD); closed days are skipped. */
  startDate?: string;
}

/** The next `days` opening days from `startDate` (default Monday 2026-03-02), simulated in turn. */
export function simulateDays(office: OfficeConfig, run: SimulationRun): DayResult[] {
  const options: SimulationOptions = { ...DEFAULT_SIMULATION, ...stripUndefined(run) };
  const random = createRandom(run.seed);
  const results: DayResult[] = [];
  let date = run.startDate ?? '2026-03-02';
  let previous: DayState | undefined;
  for (let guard = 0; results.length < run.days && guard < 3660; guard++, date = addDays(date, 1)) {
    if (office.openingHours.closedDays.includes(date)) continue;
    if ((office.openingHours.weekly[weekdayOf(date)] ?? []).length === 0) continue;
    const day = simulateDay(office, date, options, random, previous);
    previous = day.state;
    results.push(day);
  }
  return results;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
