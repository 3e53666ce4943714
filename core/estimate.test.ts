import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_MINUTES, estimateAll, serviceMinutesFor, walkUpMinutes } from './estimate.ts';
import { startService } from './queue.ts';
import { Desk, MINUTE, makeOffice, unwrap } from './test-fixtures.ts';
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
    expect(e.get(tickets[0]?.id ?? '')).toBeUndefined();
    expect(e.get(tickets[1]?.id ?? '')?.waitingAhead).toBe(0);
  });

  it('given more lookups than a search serves, then the index by id gives each ticket the estimate a search gives', () => {
    const { desk, tickets } = housingLine(12);
    const searched = tickets.map((t) => estimates(desk).tickets.get(t.id));
    const all = estimates(desk).tickets;
    const indexed = tickets.map((t) => all.get(t.id));
    expect(indexed).toEqual(searched);
    expect(searched.map((e) => e?.waitingAhead)).toEqual([...tickets.keys()]);
    expect(all.get('no-such-ticket')).toBeUndefined();
  });

  it('given a parked visitor among the waiting, then they get 0 and 0 and the others do not count them', () => {
    const { desk, tickets } = housingLine(3);
    const parked = { ...(tickets[0] as Ticket), parked: true };
    const state = { ...desk.state, tickets: desk.state.tickets.map((t) => (t.id === parked.id ? parked : t)) };
    const e = estimates(desk, state).tickets;
    expect(e.get(parked.id)).toEqual({ waitingAhead: 0, estimatedWaitMinutes: 0 });
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

  it('given more open counters for the concern, then the same position waits less (three free counters call all three at once)', () => {
    const { desk, tickets } = housingLine(3);
    const last = tickets[2]?.id ?? '';
    desk.setStatus('desk-2', 'open');
    const one = estimates(desk).tickets.get(last)?.estimatedWaitMinutes ?? 0;
    desk.setStatus('desk-4', 'open');
    const two = estimates(desk).tickets.get(last)?.estimatedWaitMinutes ?? 0;
    desk.setStatus('desk-1', 'open');
    const three = estimates(desk).tickets.get(last)?.estimatedWaitMinutes ?? 0;
    expect([one, two, three]).toEqual([18, 9, 0]);
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

describe('running the counters forward', () => {
  const act = (desk: Desk, fn: (s: DayState, o: OfficeConfig, now: number) => ReturnType<typeof startService>) => {
    desk.state = unwrap(fn(desk.state, desk.office, desk.now)).state;
  };

  it('given a paused or closed counter, then it does not count as open for the concern', () => {
    const { desk, tickets } = housingLine(3);
    const last = tickets[2]?.id ?? '';
    desk.setStatus('desk-2', 'open');
    desk.setStatus('desk-4', 'open');
    expect(estimates(desk).tickets.get(last)?.estimatedWaitMinutes).toBe(9);
    desk.setStatus('desk-4', 'paused', 'Telefon');
    expect(estimates(desk).tickets.get(last)?.estimatedWaitMinutes).toBe(18);
    desk.setStatus('desk-4', 'closed');
    expect(estimates(desk).tickets.get(last)?.estimatedWaitMinutes).toBe(18);
  });

  it('given the only counter started a visitor 5 minutes ago (9 expected), then the first in line waits the remaining 4', () => {
    const { desk, tickets } = housingLine(2);
    desk.call('desk-2');
    act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    desk.advance(5);
    expect(estimates(desk).tickets.get(tickets[1]?.id ?? '')?.estimatedWaitMinutes).toBe(4);
  });

  it('given a visitor who takes longer than expected, then a quarter of the service time is still expected to remain', () => {
    const { desk, tickets } = housingLine(2);
    desk.call('desk-2');
    act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
    desk.advance(30);
    expect(estimates(desk).tickets.get(tickets[1]?.id ?? '')?.estimatedWaitMinutes).toBe(2); // 9 / 4 = 2.25
  });

  /** Three housing visitors at desk-2, each started 2 minutes after the call and served 10. */
  function threeStarted(): Desk {
    const { desk } = housingLine(0);
    for (let i = 0; i < 3; i++) {
      desk.issue('housing');
      desk.call('desk-2');
      desk.advance(2);
      act(desk, (s, o, now) => startService(s, o, 'desk-2', now));
      desk.advance(10);
      desk.complete('desk-2');
    }
    return desk;
  }

  it('given clerks who press start, then the time from call to start of today’s visitors is added per visitor', () => {
    const desk = threeStarted();
    expect(walkUpMinutes(desk.state)).toBe(2);
    const line = [desk.issue('housing'), desk.issue('housing'), desk.issue('housing')];
    const e = estimates(desk).tickets;
    expect(line.map((t) => e.get(t.id)?.estimatedWaitMinutes)).toEqual([0, 12, 24]);
  });

  it('given started visitors only before the day’s last 500 tickets, then no walk-up time is added', () => {
    const desk = threeStarted();
    for (let i = 0; i < 499; i++) desk.issue('documents');
    expect(walkUpMinutes(desk.state)).toBe(2);
    desk.issue('documents');
    expect(walkUpMinutes(desk.state)).toBe(0);
  });

  it('given a due appointment holder, then the walk-ins are estimated behind them', () => {
    const { desk, tickets } = housingLine(2);
    desk.setStatus('desk-2', 'open');
    const holder = desk.issue('housing', {
      appointment: { id: 'ap', code: 'A', concernId: 'housing', start: desk.now },
    });
    const e = estimates(desk).tickets;
    expect([holder, ...tickets].map((t) => e.get(t.id)?.estimatedWaitMinutes)).toEqual([0, 9, 18]);
  });

  it('given an appointment holder who came early, then they are estimated from when their slot becomes due (lead 10 minutes)', () => {
    const { desk } = housingLine(2);
    desk.setStatus('desk-2', 'open');
    const early = desk.issue('housing', {
      appointment: { id: 'ap', code: 'A', concernId: 'housing', start: desk.now + 60 * MINUTE },
    });
    expect(estimates(desk).tickets.get(early.id)?.estimatedWaitMinutes).toBe(50);
  });

  it('given a counter that serves several concerns, then its visitors are shared out as the policy would call them', () => {
    // desk-3 serves education and subsistence; desk-4 subsistence and housing; both open.
    const desk = new Desk(makeOffice(), MONDAY_9);
    const e1 = desk.issue('education'); // 7 minutes
    desk.advance(1);
    const s1 = desk.issue('subsistence'); // 12 minutes
    desk.advance(1);
    const e2 = desk.issue('education');
    desk.setStatus('desk-3', 'open');
    desk.setStatus('desk-4', 'open');
    const e = estimates(desk).tickets;
    // desk-3 calls e1 at 0, desk-4 calls s1 at 0 (desk-3 is busy), desk-3 calls e2 at 7.
    expect([e1, s1, e2].map((t) => e.get(t.id)?.estimatedWaitMinutes)).toEqual([0, 0, 7]);
  });

  it('given a concern estimate, then it is the wait of a newcomer behind everybody the counters would call first', () => {
    const { desk } = housingLine(2);
    desk.setStatus('desk-2', 'open');
    desk.issue('housing', { appointment: { id: 'ap', code: 'A', concernId: 'housing', start: desk.now } });
    const housing = estimates(desk).concerns.find((c) => c.concernId === 'housing');
    expect(housing).toEqual({ concernId: 'housing', count: 3, estimatedWaitMinutes: 27 });
  });
});

describe('booked appointments not checked in yet', () => {
  it('given two walk-ins at one open counter and an appointment due at 09:05, then the walk-ins wait one service longer', () => {
    const { desk, tickets } = housingLine(2);
    desk.setStatus('desk-2', 'open');
    const booked = [{ id: 'ap-1', concernId: 'housing', start: desk.now + 3 * MINUTE }];
    const without = estimates(desk).tickets;
    const withBooked = estimateAll(desk.state, desk.office, desk.now, booked).tickets;
    const waits = (e: typeof without) => tickets.map((t) => e.get(t.id)?.estimatedWaitMinutes);
    expect(waits(without)).toEqual([0, 9]);
    expect(waits(withBooked)).toEqual([9, 18]);
  });

  it('given the booked visitor has checked in or is past the late limit, then it is not counted twice or at all', () => {
    const { desk, tickets } = housingLine(2);
    desk.setStatus('desk-2', 'open');
    const late = [{ id: 'ap-late', concernId: 'housing', start: desk.now - 20 * MINUTE }];
    expect(
      estimateAll(desk.state, desk.office, desk.now, late).tickets.get(tickets[1]?.id ?? '')?.estimatedWaitMinutes,
    ).toBe(9);
    const appointment = { id: 'ap-in', code: 'C', concernId: 'housing', start: desk.now + 3 * MINUTE };
    desk.issue('housing', { appointment });
    const inside = [{ id: 'ap-in', concernId: 'housing', start: appointment.start }];
    expect(
      estimateAll(desk.state, desk.office, desk.now, inside).tickets.get(tickets[1]?.id ?? '')?.estimatedWaitMinutes,
    ).toBe(18);
  });

  it('given a booked appointment later in the day, then a newcomer’s concern estimate counts it only from its lead time', () => {
    const { desk } = housingLine(0);
    desk.setStatus('desk-2', 'open');
    const later = [{ id: 'ap-2', concernId: 'housing', start: desk.now + 120 * MINUTE }];
    const soon = [{ id: 'ap-3', concernId: 'housing', start: desk.now + 5 * MINUTE }];
    const housing = (e: ReturnType<typeof estimates>) =>
      e.concerns.find((c) => c.concernId === 'housing')?.estimatedWaitMinutes;
    expect(housing(estimateAll(desk.state, desk.office, desk.now, later))).toBe(0);
    expect(housing(estimateAll(desk.state, desk.office, desk.now, soon))).toBe(9);
  });
});
