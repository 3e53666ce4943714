/**
 * A concern's estimate is what a walk-in of that concern arriving now would be told: the
 * estimate's one forward pass (all concerns at once, see `forward` in estimate.ts) must give
 * exactly the wait of a real ticket added now, on random days, with and without booked
 * appointments still to come, interleaving and preferences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpectedAppointment, estimateAll } from './estimate.ts';
import { orderForCounter } from './policy.ts';
import { MINUTE, makeTicket } from './test-fixtures.ts';
import { actionArb, mixedOffice, NUM_RUNS, SEQUENCE_LENGTH, Simulation, singleLineOffice } from './test-queue-sim.ts';
import type { OfficeConfig } from './types.ts';

const interleavedOffice: OfficeConfig = {
  ...mixedOffice,
  policy: { ...mixedOffice.policy, priorityInterleave: 2, preferenceMinutes: 10 },
};

/** Booked appointments not checked in yet: concern index and minutes from now. */
const expectedArb = fc.array(
  fc.record({ concern: fc.nat({ max: 9 }), inMinutes: fc.integer({ min: -30, max: 120 }) }),
  { maxLength: 6 },
);

function checkConcernEstimates(office: OfficeConfig) {
  fc.assert(
    fc.property(
      fc.array(
        actionArb(office.concerns.length, office.counters.length, { appointments: true, midnight: false }),
        SEQUENCE_LENGTH,
      ),
      expectedArb,
      (actions, booked) => {
        const sim = new Simulation(office, () => {});
        for (const a of actions) sim.run(a);
        const expected: ExpectedAppointment[] = booked.map((b, i) => ({
          id: `booked-${i}`,
          concernId: office.concerns[b.concern % office.concerns.length]?.id ?? '',
          start: sim.now + b.inMinutes * MINUTE,
        }));
        const { concerns } = estimateAll(sim.state, office, sim.now, expected);
        for (const concern of concerns) {
          const newcomer = makeTicket({
            id: `zz-newcomer-${concern.concernId}`,
            concernId: concern.concernId,
            issuedAt: sim.now,
            day: sim.state.day,
          });
          const withNewcomer = { ...sim.state, tickets: [...sim.state.tickets, newcomer] };
          const own = estimateAll(withNewcomer, office, sim.now, expected).tickets.get(newcomer.id);
          expect(concern.estimatedWaitMinutes, concern.concernId).toBe(own?.estimatedWaitMinutes);
        }
      },
    ),
    { numRuns: NUM_RUNS },
  );
}

/** The mixed office with each counter twice: counters that see the same order share one sort. */
const twinCountersOffice: OfficeConfig = {
  ...interleavedOffice,
  counters: interleavedOffice.counters.flatMap((c) => [c, { ...c, id: `${c.id}-twin`, name: `${c.name} B` }]),
};

describe('people ahead', () => {
  it("given any day with twin counters, then waitingAhead is the best place in any counter's order, as sorted per counter", () => {
    const office = twinCountersOffice;
    fc.assert(
      fc.property(
        fc.array(
          actionArb(office.concerns.length, office.counters.length, { appointments: true, midnight: false }),
          SEQUENCE_LENGTH,
        ),
        // Tickets sent to one counter by a colleague, or booked for one.
        fc.array(fc.record({ pick: fc.nat(), counter: fc.nat(), sent: fc.boolean() }), { maxLength: 4 }),
        (actions, named) => {
          const sim = new Simulation(office, () => {});
          for (const a of actions) sim.run(a);
          const tickets0 = sim.state.tickets;
          const open = tickets0.filter((t) => t.status === 'waiting' && t.parked !== true);
          const marks = new Map(
            named.flatMap((n) => {
              const t = open[n.pick % Math.max(1, open.length)];
              const counterId = office.counters[n.counter % office.counters.length]?.id ?? '';
              if (!t) return [];
              const mark = n.sent
                ? { forCounterId: counterId }
                : { bookedCounterId: counterId, appointmentAt: t.appointmentAt ?? sim.now + 10 * MINUTE };
              return [[t.id, mark] as const];
            }),
          );
          const state = { ...sim.state, tickets: tickets0.map((t) => ({ ...t, ...marks.get(t.id) })) };
          const waiting = state.tickets.filter((t) => t.status === 'waiting' && t.parked !== true);
          const best = new Map<string, number>();
          for (const counter of office.counters) {
            const context = { priorityStreak: state.counters[counter.id]?.priorityStreak ?? 0 };
            orderForCounter(waiting, counter, office, sim.now, context).forEach((t, i) => {
              best.set(t.id, Math.min(i, best.get(t.id) ?? i));
            });
          }
          const { tickets } = estimateAll(state, office, sim.now);
          for (const [id, place] of best) expect(tickets.get(id)?.waitingAhead, id).toBe(place);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('concern estimates', () => {
  it('given any day of the mixed office, then each concern estimate equals the estimate of a walk-in added now', () => {
    checkConcernEstimates(mixedOffice);
  });

  it('given any day with interleaving and counter preferences, then each concern estimate equals the estimate of a walk-in added now', () => {
    checkConcernEstimates(interleavedOffice);
  });

  it('given any day of a single line with three counters, then the concern estimate equals the estimate of a walk-in added now', () => {
    checkConcernEstimates(singleLineOffice);
  });
});
