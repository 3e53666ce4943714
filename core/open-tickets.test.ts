/**
 * The open places carried from list to list must always be what a search of the whole day
 * finds: after examples, after random appends and replacements (finished visits taken back
 * among them), and after random office days run through the real queue actions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendTicket, findTicket, openPlaces, openTickets, replaceTicketIn } from './open-tickets.ts';
import { makeTicket } from './test-fixtures.ts';
import { forAnyDay, mixedOffice, Simulation } from './test-queue-sim.ts';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from './types.ts';

/** The open places of a list by searching it (a copy: nothing carried over). */
const searched = (tickets: readonly Ticket[]) => openPlaces([...tickets]);

const ticket = (id: string, status: TicketStatus) => makeTicket({ id, concernId: 'c', issuedAt: 0, status });

describe('open tickets of the day', () => {
  it('given a day of finished and open tickets, then the open places are the waiting and called ones, in order', () => {
    const day = [ticket('a', 'done'), ticket('b', 'waiting'), ticket('c', 'no-show'), ticket('d', 'called')];
    expect(openPlaces(day)).toEqual([1, 3]);
    expect(openTickets(day).map((t) => t.id)).toEqual(['b', 'd']);
  });

  it('given a day whose open places are known, when a ticket is appended, then it is open at the end', () => {
    const day = [ticket('a', 'done'), ticket('b', 'waiting')];
    openPlaces(day);
    const next = appendTicket(day, ticket('c', 'waiting'));
    expect(openPlaces(next)).toEqual([1, 2]);
    expect(day).toHaveLength(2);
  });

  it('given one day, when two different tickets are appended to it (a change refused and another made), then each list has its own open places', () => {
    const day = [ticket('a', 'waiting')];
    openPlaces(day);
    const first = appendTicket(day, ticket('b', 'waiting'));
    const second = appendTicket(day, ticket('c', 'done'));
    const third = appendTicket(day, ticket('d', 'waiting'));
    expect(openPlaces(first)).toEqual([0, 1]);
    expect(openPlaces(second)).toEqual([0]);
    expect(openPlaces(third)).toEqual([0, 1]);
    expect(openPlaces(appendTicket(first, ticket('e', 'called')))).toEqual([0, 1, 2]);
    expect(openPlaces(day)).toEqual([0]);
  });

  it('given an open ticket, when it is finished, then it leaves the open places; when taken back, it returns to its place', () => {
    const day = [ticket('a', 'waiting'), ticket('b', 'called'), ticket('c', 'waiting')];
    openPlaces(day);
    const finished = replaceTicketIn(day, ticket('b', 'done'));
    expect(openPlaces(finished)).toEqual([0, 2]);
    const back = replaceTicketIn(finished, ticket('b', 'waiting'));
    expect(openPlaces(back)).toEqual([0, 1, 2]);
    expect(openPlaces(day)).toEqual([0, 1, 2]);
  });

  it('given an id not in the day, when replaced, then the list is an unchanged copy', () => {
    const day = [ticket('a', 'waiting')];
    const next = replaceTicketIn(day, ticket('x', 'waiting'));
    expect(next).not.toBe(day);
    expect(next).toEqual(day);
    expect(openPlaces(next)).toEqual([0]);
  });

  it('finds a ticket by id, from the newest, or nothing', () => {
    const day = [ticket('a', 'done'), ticket('b', 'waiting')];
    expect(findTicket(day, 'a')?.status).toBe('done');
    expect(findTicket(day, 'z')).toBeUndefined();
  });

  it('given any appends and replacements, then the carried places equal a search of the whole list', () => {
    const status = fc.constantFrom(...TICKET_STATUSES);
    const step = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), status }),
      fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), status }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let day: Ticket[] = [];
        openPlaces(day);
        const lists: Ticket[][] = [day];
        for (const [n, s] of steps.entries()) {
          // Now and then from an older list (a refused change: the day goes back to what is stored).
          if (s.kind === 'append' && n % 7 === 3) day = lists[n % lists.length] as Ticket[];
          if (s.kind === 'append' || day.length === 0) day = appendTicket(day, ticket(`t${n}`, s.status));
          else {
            const old = day[s.pick % day.length] as Ticket;
            day = replaceTicketIn(day, { ...old, status: s.status });
          }
          lists.push(day);
          expect(openPlaces(day)).toEqual(searched(day));
        }
        for (const list of lists) expect(openPlaces(list)).toEqual(searched(list));
      }),
      { numRuns: 300 },
    );
  });

  it('given any office day run through the queue actions, then after every step the open places equal a search of the day', () => {
    forAnyDay(mixedOffice, { appointments: true, midnight: true, byNumber: true, visits: true }, (actions) => {
      const sim = new Simulation(mixedOffice, (_before, after) => {
        expect(openPlaces(after.tickets)).toEqual(searched(after.tickets));
      });
      for (const a of actions) sim.run(a);
      sim.drain();
    });
  });
});
