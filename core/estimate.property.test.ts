/**
 * A concern's estimate is what a walk-in of that concern arriving now would be told: the
 * estimate's one forward pass (all concerns at once, see `forward` in estimate.ts) must give
 * exactly the wait of a real ticket added now, on random days, with and without booked
 * appointments still to come, interleaving and preferences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExpectedAppointment, estimateAll } from './estimate.ts';
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
