/**
 * Property-based tests of visits with several concerns: random days where visitors ask for up
 * to five concerns, clerks complete parts with outcomes, go on at the same counter, add
 * concerns and transfer. Checked after every step (see `checkVisitParts` in the driver): parts
 * are served in order and none is skipped, the ticket always shows its part now due, number and
 * arrival time never change. Driver: `test-queue-sim.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from './queue.ts';
import { makeOffice } from './test-fixtures.ts';
import { type Action, forAnyDay, checkInvariants, mixedOffice, Simulation } from './test-queue-sim.ts';
import type { DayState } from './types.ts';
import { visitParts } from './visit.ts';

/** Two concerns, three counters serving both, no weights, aging off: arrival order decides. */
const twoLineOffice = makeOffice((o) => {
  o.concerns = [
    { id: 'a', prefix: 'A', name: 'Erstes Anliegen' },
    { id: 'b', prefix: 'B', name: 'Zweites Anliegen' },
  ];
  o.counters = [
    { id: 'c1', name: 'Platz 1', concernIds: ['a', 'b'] },
    { id: 'c2', name: 'Platz 2', concernIds: ['b', 'a'] },
    { id: 'c3', name: 'Platz 3', concernIds: ['a', 'b'] },
  ];
  o.policy.maxWaitMinutes = 1_000_000;
  o.policy.maxCalls = 2;
});

describe('visit properties over random arrivals and clerk actions', { timeout: 60_000 }, () => {
  it('given visits of up to five concerns and every clerk action, then parts are served in order, none skipped, and the open counters leave nobody waiting', () => {
    forAnyDay(
      mixedOffice,
      {
        appointments: true,
        midnight: true,
        byNumber: true,
        visits: true,
      },
      (actions) => {
        const sim = new Simulation(mixedOffice, checkInvariants(mixedOffice));
        for (const a of actions) sim.run(a);
        const open = mixedOffice.counters.filter((c) => sim.state.counters[c.id]?.status === 'open');
        const served = new Set(open.flatMap((c) => c.concernIds));
        sim.drain();
        const stranded = sim.state.tickets.filter((t) => t.status === 'waiting' && served.has(t.concernId));
        expect(stranded).toEqual([]);
      },
    );
  });

  it('given visits without calls by number or parking, then each part of a visit is called at most once', () => {
    forAnyDay(
      mixedOffice,
      {
        appointments: true,
        midnight: false,
        visits: true,
      },
      (actions) => {
        const called = new Set<string>();
        const invariants = checkInvariants(mixedOffice);
        const sim = new Simulation(mixedOffice, (before, after, events) => {
          invariants(before, after, events);
          for (const e of events) {
            if (e.type !== 'call' || e.call.recall) continue;
            const parts = visitParts(e.ticket);
            const index = parts.findIndex((p) => p.status === 'called');
            const key = `${e.ticket.id}#${index}`;
            expect(called.has(key), key).toBe(false);
            called.add(key);
          }
        });
        for (const a of actions) sim.run(a);
        sim.drain();
      },
    );
  });

  it('given two concerns served everywhere, no weights and no aging, then call-next always takes the earliest arrival, also for a visit waiting for its next part', () => {
    const earliestFirst = (before: DayState, events: DomainEvent[], action: Action | 'drain') => {
      if (action !== 'drain' && action.kind !== 'call') return;
      for (const e of events) {
        if (e.type !== 'call' || e.call.recall) continue;
        // Waiting before the call, minus the visitor the same call-next may have just finished.
        const waiting = before.tickets.filter((t) => t.status === 'waiting' && !t.parked);
        const earliest = Math.min(...waiting.map((t) => t.issuedAt), e.ticket.issuedAt);
        expect(e.ticket.issuedAt).toBe(earliest);
      }
    };
    forAnyDay(twoLineOffice, { appointments: false, midnight: false, visits: true }, (actions) => {
      const invariants = checkInvariants(twoLineOffice);
      const sim = new Simulation(twoLineOffice, (before, after, events, action) => {
        invariants(before, after, events);
        earliestFirst(before, events, action);
      });
      for (const a of actions) sim.run(a);
      sim.drain();
    });
  });
});
