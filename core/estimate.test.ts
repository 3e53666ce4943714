import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MINUTES, estimateAll, serviceMinutesFor } from './estimate.ts';
import { Desk, MINUTE, makeOffice } from './test-fixtures.ts';
import type { DayState, OfficeConfig, Ticket } from './types.ts';

/**
 * Demo office: housing (9 min) is served by desk-1, desk-2 (housing only) and desk-4.
 * Counters without state are closed.
 */
const MONDAY_9 = '2026-03-02T08:00:00Z';

function housingLine(count: number, office: OfficeConfig = makeOffice()): { desk: Desk; tickets: Ticket[] } {
  const desk = new Desk(office, MONDAY_9);
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i++) {
    tickets.push(desk.issue('housing'));
    desk.advance(1);
  }
  return { desk, tickets };
}

function estimates(desk: Desk, state: DayState = desk.state) {
  return estimateAll(state, desk.office, desk.now);
}

describe('waitingAhead', () => {
  it('given three waiting tickets of one concern, then they have 0, 1 and 2 people ahead', () => {
    const { desk, tickets } = housingLine(3);
    const e = estimates(desk).tickets;
    expect(tickets.map((t) => e.get(t.id)?.waitingAhead)).toEqual([0, 1, 2]);
  });

  it('given older tickets of other concerns at a shared counter, then the position at the best counter counts', () => {
    const desk = new Desk(makeOffice(), MONDAY_9);
    desk.issue('documents');
    desk.issue('documents');
    desk.advance(1);
    const housing = desk.issue('housing');
    desk.advance(1);
    // At desk-1 two documents tickets stand before it; at desk-2 (housing only) nobody does.
    expect(estimates(desk).tickets.get(housing.id)?.waitingAhead).toBe(0);
  });

  it('given tickets that are not waiting, then they get no estimate', () => {
    const { desk, tickets } = housingLine(2);
    desk.call('desk-2');
    const e = estimates(desk).tickets;
    expect(e.has(tickets[0]?.id ?? '')).toBe(false);
    expect(e.get(tickets[1]?.id ?? '')?.waitingAhead).toBe(0);
  });

  it('given an appointment holder who came too early to be called, then the earlier tickets of the concern count as ahead', () => {
    const { desk } = housingLine(2);
    const appointment = { id: 'ap', code: 'X', concernId: 'housing', start: desk.now + 120 * MINUTE };
    const early = desk.issue('housing', { appointment });
    expect(estimates(desk).tickets.get(early.id)?.waitingAhead).toBe(2);
  });
});

describe('estimatedWaitMinutes', () => {
  it('given one open counter and no visitor being served, then the wait is position times service minutes', () => {
    const { desk, tickets } = housingLine(3);
    desk.setStatus('desk-2', 'open');
    const e = estimates(desk).tickets;
    expect(tickets.map((t) => e.get(t.id)?.estimatedWaitMinutes)).toEqual([0, 9, 18]);
  });

  it('given a longer line, then the wait grows with the position', () => {
    const { desk, tickets } = housingLine(8);
    desk.setStatus('desk-2', 'open');
    const minutes = tickets.map((t) => estimates(desk).tickets.get(t.id)?.estimatedWaitMinutes ?? -1);
    for (let i = 1; i < minutes.length; i++) expect(minutes[i]).toBeGreaterThan(minutes[i - 1] ?? Infinity);
  });

  it('given more open counters for the concern, then the same position waits less', () => {
    const { desk, tickets } = housingLine(3);
    const last = tickets[2]?.id ?? '';
    desk.setStatus('desk-2', 'open');
    const one = estimates(desk).tickets.get(last)?.estimatedWaitMinutes ?? 0;
    desk.setStatus('desk-4', 'open');
    const two = estimates(desk).tickets.get(last)?.estimatedWaitMinutes ?? 0;
    desk.setStatus('desk-1', 'open');
    const three = estimates(desk).tickets.get(last)?.estimatedWaitMinutes ?? 0;
    expect([one, two, three]).toEqual([18, 9, 6]);
  });

  it('given open counters that do not serve the concern, then they do not shorten its wait', () => {
    const { desk, tickets } = housingLine(3);
    desk.setStatus('desk-2', 'open');
    desk.setStatus('desk-3', 'open'); // education and subsistence only
    expect(estimates(desk).tickets.get(tickets[2]?.id ?? '')?.estimatedWaitMinutes).toBe(18);
  });

  it('given no counter is open, then the wait is estimated as if one were', () => {
    const { desk, tickets } = housingLine(3);
    const e = estimates(desk).tickets;
    expect(tickets.map((t) => e.get(t.id)?.estimatedWaitMinutes)).toEqual([0, 9, 18]);
  });

  it('given the only open counter is busy with a visitor, then the first in line waits more than nothing', () => {
    const { desk, tickets } = housingLine(3);
    desk.call('desk-2');
    const first = tickets[1]?.id ?? '';
    expect(estimates(desk).tickets.get(first)?.waitingAhead).toBe(0);
    expect(estimates(desk).tickets.get(first)?.estimatedWaitMinutes).toBeGreaterThan(0);
  });
});

describe('service minutes', () => {
  it('given fewer than three recent service times, then the configured service minutes are used', () => {
    const office = makeOffice();
    const state: DayState = { ...new Desk(office, MONDAY_9).state, serviceMinutes: { housing: [20, 20] } };
    expect(serviceMinutesFor(state, office, 'housing')).toBe(9);
  });

  it('given three or more recent service times, then their mean is used', () => {
    const office = makeOffice();
    const state: DayState = { ...new Desk(office, MONDAY_9).state, serviceMinutes: { housing: [10, 20, 30] } };
    expect(serviceMinutesFor(state, office, 'housing')).toBe(20);
  });

  it('given no samples and no configured time, then the default is used', () => {
    const office = makeOffice((o) => {
      for (const c of o.concerns) delete c.serviceMinutes;
    });
    expect(serviceMinutesFor(new Desk(office, MONDAY_9).state, office, 'housing')).toBe(DEFAULT_SERVICE_MINUTES);
  });

  it('given samples of another concern, then they do not change this concern’s service time', () => {
    const office = makeOffice();
    const state: DayState = { ...new Desk(office, MONDAY_9).state, serviceMinutes: { education: [30, 30, 30] } };
    expect(serviceMinutesFor(state, office, 'housing')).toBe(9);
  });

  it('given three visitors served in 15 minutes each, then the estimate uses 15 minutes per visitor', () => {
    const { desk } = housingLine(0);
    for (let i = 0; i < 3; i++) {
      desk.issue('housing');
      desk.call('desk-2');
      desk.advance(15);
      desk.complete('desk-2');
    }
    expect(serviceMinutesFor(desk.state, desk.office, 'housing')).toBe(15);
    desk.issue('housing');
    desk.advance(1);
    const second = desk.issue('housing');
    expect(estimates(desk).tickets.get(second.id)).toEqual({ waitingAhead: 1, estimatedWaitMinutes: 15 });
  });

  it('given only two served visitors, then the estimate still uses the configured time', () => {
    const { desk } = housingLine(0);
    for (let i = 0; i < 2; i++) {
      desk.issue('housing');
      desk.call('desk-2');
      desk.advance(15);
      desk.complete('desk-2');
    }
    desk.issue('housing');
    desk.advance(1);
    const second = desk.issue('housing');
    expect(estimates(desk).tickets.get(second.id)?.estimatedWaitMinutes).toBe(9);
  });
});

describe('concern estimates', () => {
  it('given waiting tickets, then each ticket concern reports its count and the wait of a newcomer; info-only concerns are left out', () => {
    const { desk } = housingLine(3);
    desk.issue('education');
    desk.setStatus('desk-2', 'open');
    const concerns = estimates(desk).concerns;
    expect(concerns.map((c) => c.concernId)).toEqual([
      'housing',
      'education',
      'subsistence',
      'documents',
      'certificates',
    ]);
    expect(concerns.find((c) => c.concernId === 'housing')).toEqual({
      concernId: 'housing',
      count: 3,
      estimatedWaitMinutes: 27,
    });
    expect(concerns.find((c) => c.concernId === 'documents')).toEqual({
      concernId: 'documents',
      count: 0,
      estimatedWaitMinutes: 0,
    });
  });
});
