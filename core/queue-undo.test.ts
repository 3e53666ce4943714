/**
 * "Rückgängig" at the counter, transfer to a named counter, and freeing a number left "called":
 * the counter actions that make a slip reversible and leave no number stranded.
 */
import { describe, expect, it } from 'vitest';
import { orderForCounter } from './policy.ts';
import { callNext, complete, pendingUndo, releaseCalled, requeue, transfer, undoLast } from './queue.ts';
import { aggregate } from './stats.ts';
import { Desk, deepFreeze, errorOf, makeOffice, unwrap } from './test-fixtures.ts';
import type { Counter, Ticket } from './types.ts';

const MONDAY_9 = '2026-03-02T08:00:00Z';
const SECOND = 1000;

function undo(desk: Desk, counterId: string): Ticket {
  const outcome = unwrap(undoLast(desk.state, desk.office, counterId, desk.now));
  desk.state = outcome.state;
  return outcome.value;
}

/** A called housing visitor at desk-2, two minutes into the call. */
function calledAtDesk2(office = makeOffice()) {
  const desk = new Desk(office, MONDAY_9);
  const t = desk.issue('housing');
  desk.advance(3);
  desk.call('desk-2');
  desk.advance(2);
  return { desk, t };
}

describe('undo after a no-show', () => {
  it('given a no-show marked by mistake, when the clerk undoes it within 15 s, then ticket and counter are exactly as before and the statistics count no no-show', () => {
    const { desk, t } = calledAtDesk2();
    const ticketBefore = desk.ticket(t.id);
    const counterBefore = desk.state.counters['desk-2'];
    desk.noShow('desk-2');
    desk.now += 10 * SECOND;
    const back = undo(desk, 'desk-2');
    expect(back).toEqual(ticketBefore);
    expect(desk.ticket(t.id)).toEqual(ticketBefore);
    expect(desk.state.counters['desk-2']).toEqual(counterBefore);
    const [row] = aggregate(desk.state.tickets, 'day', desk.office.timezone);
    expect(row?.noShow).toBe(0);
  });

  it('given a no-show, when the clerk undoes it after 16 s, then it is refused with UNDO_EXPIRED and the ticket stays a no-show', () => {
    const { desk, t } = calledAtDesk2();
    desk.noShow('desk-2');
    desk.now += 16 * SECOND;
    expect(errorOf(undoLast(desk.state, desk.office, 'desk-2', desk.now))).toBe('UNDO_EXPIRED');
    expect(desk.ticket(t.id).status).toBe('no-show');
    expect(pendingUndo(desk.state, desk.office, 'desk-2', desk.now)).toBeUndefined();
  });

  it('given an office with undoSeconds 30, when the clerk undoes after 25 s, then it is accepted', () => {
    const { desk, t } = calledAtDesk2(makeOffice((o) => (o.policy.undoSeconds = 30)));
    desk.noShow('desk-2');
    desk.now += 25 * SECOND;
    expect(undo(desk, 'desk-2')).toMatchObject({ id: t.id, status: 'called' });
  });

  it('given a no-show, when the counter calls the next visitor, then there is nothing to undo any more', () => {
    const { desk } = calledAtDesk2();
    desk.issue('housing');
    desk.noShow('desk-2');
    desk.call('desk-2');
    expect(errorOf(undoLast(desk.state, desk.office, 'desk-2', desk.now))).toBe('NOTHING_TO_UNDO');
  });

  it('given a counter without any action, then undo is refused with NOTHING_TO_UNDO; an unknown counter with UNKNOWN_COUNTER', () => {
    const { desk } = calledAtDesk2();
    expect(errorOf(undoLast(desk.state, desk.office, 'desk-2', desk.now))).toBe('NOTHING_TO_UNDO');
    expect(errorOf(undoLast(desk.state, desk.office, 'nope', desk.now))).toBe('UNKNOWN_COUNTER');
  });

  it('given an undo on a frozen state, then the input is unchanged', () => {
    const { desk } = calledAtDesk2();
    desk.noShow('desk-2');
    const state = deepFreeze(desk.state);
    const snapshot = structuredClone(state);
    unwrap(undoLast(state, desk.office, 'desk-2', desk.now));
    expect(state).toEqual(snapshot);
  });
});

describe('undo after a completion', () => {
  it('given a completion by mistake, when undone, then the visitor is at the counter again and the service time is no longer in the estimates or statistics', () => {
    const { desk, t } = calledAtDesk2();
    const before = desk.ticket(t.id);
    desk.complete('desk-2');
    expect(desk.state.serviceMinutes.housing).toEqual([2]);
    const back = undo(desk, 'desk-2');
    expect(back).toEqual(before);
    expect(desk.state.serviceMinutes.housing).toEqual([]);
    expect(desk.state.counters['desk-2']?.currentTicketId).toBe(t.id);
    const [row] = aggregate(desk.state.tickets, 'day', desk.office.timezone);
    expect(row?.served).toBe(0);
  });

  it('given a completion with continueHere, when undone, then the visit is back at its first part', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    const t = desk.issue('education', { later: ['subsistence'] });
    desk.call('desk-3');
    const before = desk.ticket(t.id);
    desk.complete('desk-3', { continueHere: true });
    expect(desk.ticket(t.id).concernId).toBe('subsistence');
    expect(undo(desk, 'desk-3')).toEqual(before);
  });
});

describe('undo after a transfer', () => {
  it('given a transfer to another concern, when undone before anyone calls the visitor, then they are back at this counter', () => {
    const { desk, t } = calledAtDesk2();
    const before = desk.ticket(t.id);
    desk.transfer('desk-2', 'education');
    expect(undo(desk, 'desk-2')).toEqual(before);
    expect(desk.call('desk-3')).toBeNull();
  });

  it('given a transfer, when another counter has already called the visitor, then the undo is refused with UNDO_CONFLICT and nothing changes', () => {
    const { desk, t } = calledAtDesk2();
    desk.transfer('desk-2', 'education');
    expect(desk.call('desk-3')?.id).toBe(t.id);
    const state = desk.state;
    expect(errorOf(undoLast(state, desk.office, 'desk-2', desk.now))).toBe('UNDO_CONFLICT');
    expect(desk.ticket(t.id)).toMatchObject({ status: 'called', counterId: 'desk-3' });
  });
});

describe('transfer to a named counter', () => {
  const office = makeOffice();
  const counter = (id: string) => office.counters.find((c) => c.id === id) as Counter;

  it('given a visitor sent to desk-4, then only desk-4 calls them, before everybody else it serves, and the streak is cleared on the call', () => {
    const desk = new Desk(office, MONDAY_9);
    desk.issue('housing');
    desk.advance(5);
    const sent = desk.issue('housing');
    desk.call('desk-2'); // calls `early`
    desk.call('desk-2'); // completes `early`, calls `sent`
    const moved = unwrap(transfer(desk.state, office, 'desk-2', 'housing', desk.now, { toCounterId: 'desk-4' }));
    desk.state = moved.state;
    expect(moved.value).toMatchObject({ id: sent.id, status: 'waiting', forCounterId: 'desk-4', concernId: 'housing' });
    const other = desk.issue('housing');
    const waiting = desk.state.tickets;
    expect(orderForCounter(waiting, counter('desk-2'), office, desk.now).map((t) => t.id)).toEqual([other.id]);
    expect(orderForCounter(waiting, counter('desk-4'), office, desk.now).map((t) => t.id)).toEqual([sent.id, other.id]);
    expect(desk.call('desk-2')?.id).toBe(other.id);
    const called = unwrap(callNext(desk.state, office, 'desk-4', desk.now)).value;
    expect(called?.id).toBe(sent.id);
    expect(called?.forCounterId).toBeUndefined();
  });

  it('given a transfer to a counter that does not serve the concern, or to this counter, then it is refused', () => {
    const { desk } = calledAtDesk2();
    const r = (to: string, concernId = 'housing') =>
      errorOf(transfer(desk.state, desk.office, 'desk-2', concernId, desk.now, { toCounterId: to }));
    expect(r('desk-3')).toBe('COUNTER_NOT_SERVING');
    expect(r('desk-2')).toBe('UNKNOWN_COUNTER');
    expect(r('nope')).toBe('UNKNOWN_COUNTER');
    expect(errorOf(transfer(desk.state, desk.office, 'desk-2', 'housing', desk.now))).toBe('SAME_CONCERN');
  });
});

describe('a number left "called" at a counter', () => {
  it('given a clerk leaving the counter with a visitor called, when the visitor goes back to the line, then they wait with their arrival time, ahead of later arrivals', () => {
    const { desk, t } = calledAtDesk2();
    const later = desk.issue('housing');
    const back = unwrap(requeue(desk.state, desk.office, 'desk-2', desk.now));
    desk.state = back.state;
    expect(back.value).toMatchObject({ id: t.id, status: 'waiting', callCount: 0, issuedAt: t.issuedAt });
    expect(back.value.counterId).toBeUndefined();
    expect(desk.state.counters['desk-2']?.currentTicketId).toBeUndefined();
    expect(desk.call('desk-4')?.id).toBe(t.id);
    expect(desk.call('desk-2')?.id).toBe(later.id);
  });

  it('given a number stranded at a closed counter, when an admin releases it to the line or finishes it, then no number stays called', () => {
    const { desk, t } = calledAtDesk2();
    desk.setStatus('desk-2', 'closed');
    const requeued = unwrap(releaseCalled(desk.state, desk.office, t.id, 'requeue', desk.now));
    expect(requeued.value.status).toBe('waiting');
    expect(requeued.state.tickets.filter((x) => x.status === 'called')).toEqual([]);
    const finished = unwrap(releaseCalled(desk.state, desk.office, t.id, 'finish', desk.now));
    expect(finished.value).toMatchObject({ status: 'done', closedAt: desk.now });
    expect(finished.state.counters['desk-2']).toMatchObject({ status: 'closed' });
    expect(finished.state.counters['desk-2']?.currentTicketId).toBeUndefined();
    expect(errorOf(releaseCalled(finished.state, desk.office, t.id, 'finish', desk.now))).toBe('UNKNOWN_TICKET');
  });

  it('given nobody called, then requeue is refused with NO_CURRENT_TICKET', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    expect(errorOf(requeue(desk.state, desk.office, 'desk-2', desk.now))).toBe('NO_CURRENT_TICKET');
    expect(errorOf(complete(desk.state, desk.office, 'desk-2', desk.now))).toBe('NO_CURRENT_TICKET');
  });
});
