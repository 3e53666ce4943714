import { describe, expect, it } from 'vitest';
import { orderForCounter, pickNext } from './policy.ts';
import { forAnyDay, mixedOffice, Simulation } from './test-queue-sim.ts';
import type { DayState } from './types.ts';

describe('call-next picks the head of the counter order', () => {
  it('given any day (appointments, interleaving streaks, tickets sent to a counter), then at every step and every counter the one-pass pick is the first of the sorted order', () => {
    const office = { ...mixedOffice, policy: { ...mixedOffice.policy, priorityInterleave: 1 } };
    let compared = 0;
    const check = (_before: DayState, after: DayState) => {
      const now = after.tickets.reduce((latest, t) => Math.max(latest, t.issuedAt), 0);
      for (const counter of office.counters) {
        const context = { priorityStreak: after.counters[counter.id]?.priorityStreak ?? 0 };
        const sorted = orderForCounter(after.tickets, counter, office, now, context);
        expect(pickNext(after.tickets, counter, office, now, context)?.id).toBe(sorted[0]?.id);
        if (sorted.length > 1) compared++;
      }
    };
    forAnyDay(office, { appointments: true, midnight: false, byNumber: true }, (actions) => {
      const sim = new Simulation(office, check);
      for (const a of actions) sim.run(a);
    });
    // The property saw real choices, not only empty or single-ticket lines.
    expect(compared).toBeGreaterThan(100);
  });
});
