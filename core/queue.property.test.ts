/**
 * Property-based tests of the queue state machine: random sequences of arrivals and clerk
 * actions at several counters, checked after every step (driver: `test-queue-sim.ts`).
 */
import { describe, expect, it } from 'vitest';
import { forAnyDay, checkInvariants, mixedOffice, running, Simulation, singleLineOffice } from './test-queue-sim.ts';

describe('queue properties over random arrivals and clerk actions', { timeout: 60_000 }, () => {
  it('given any sequence of actions at four counters, then no ticket is ever current at two counters, numbers stay unique per day and the call sequence counts every call', () => {
    forAnyDay(
      mixedOffice,
      {
        appointments: true,
        midnight: true,
        byNumber: true,
      },
      (actions) => {
        const sim = new Simulation(mixedOffice, checkInvariants(mixedOffice));
        for (const a of actions) sim.run(a);
        sim.drain();
      },
    );
  });

  it('given any sequence of actions, when the open counters keep calling, then every waiting ticket they serve gets called, each exactly once', () => {
    forAnyDay(
      mixedOffice,
      {
        appointments: true,
        midnight: false,
        byNumber: true,
      },
      (actions) => {
        const sim = new Simulation(mixedOffice, () => {});
        for (const a of actions) sim.run(a);
        const openIds = mixedOffice.counters.filter((c) => sim.state.counters[c.id]?.status === 'open');
        const served = new Set(openIds.flatMap((c) => c.concernIds));
        const before = sim.calls.length;
        const rounds = sim.drain();
        // One round per waiting ticket at most, then one that ends the last visitor and a quiet one.
        expect(rounds).toBeLessThanOrEqual(sim.state.tickets.length + 2);
        const stranded = sim.state.tickets.filter((t) => t.status === 'waiting' && served.has(t.concernId));
        expect(stranded).toEqual([]);
        // Nobody called twice in the drain (no transfers happen there).
        const drained = sim.calls.slice(before).map((c) => c.ticketId);
        expect(new Set(drained).size).toBe(drained.length);
      },
    );
  });

  it('given one concern without appointments, aging or weights, then tickets are called in arrival order, whichever counter calls', () => {
    forAnyDay(singleLineOffice, { appointments: false, midnight: false }, (actions) => {
      const sim = new Simulation(singleLineOffice, checkInvariants(singleLineOffice));
      for (const a of actions) sim.run(a);
      sim.drain();
      const order = sim.calls.map((c) => running(c.number));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(new Set(order).size).toBe(order.length);
    });
  });
});
