/**
 * Visits with several concerns, told as stories: one number, parts served in order with the
 * original arrival time, outcomes, going on at the same counter, concerns added at the counter,
 * transfers that keep the part served, and what the statistics make of it.
 * Demo office: desk-1 serves every concern, desk-2 housing, desk-3 education and subsistence.
 */
import { describe, expect, it } from 'vitest';
import { addConcern, complete, issueTicket, rollDay, transfer } from './queue.ts';
import { bucketsOf, statsReport } from './stats.ts';
import { at, Desk, errorOf, MINUTE, makeOffice, unwrap } from './test-fixtures.ts';
import type { Ticket } from './types.ts';
import { checkVisitConcerns, kioskMaxConcerns, laterParts, visitParts } from './visit.ts';

const START = '2026-03-02T08:00:00Z'; // Monday 09:00 in Berlin
const office = makeOffice((o) => {
  for (const c of o.counters) {
    if (c.id === 'desk-1') c.concernIds = ['housing', 'education', 'subsistence', 'documents', 'certificates'];
  }
});

function openAll(desk: Desk): Desk {
  for (const c of desk.office.counters) desk.setStatus(c.id, 'open');
  return desk;
}

describe('a visit with two concerns', () => {
  it('given housing then education, when desk-2 completes housing with an outcome, then the same ticket waits for education with its arrival time', () => {
    // Given
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('housing', { later: ['education'] });
    expect(visit.number).toBe('W-001');
    expect(visitParts(visit).map((p) => [p.concernId, p.status])).toEqual([
      ['housing', 'waiting'],
      ['education', 'waiting'],
    ]);
    desk.advance(5);
    expect(desk.call('desk-2')?.id).toBe(visit.id);
    desk.advance(7);
    // When
    const after = desk.complete('desk-2', { outcome: 'documents-missing' });
    // Then
    expect(after).toMatchObject({ id: visit.id, number: 'W-001', issuedAt: visit.issuedAt, status: 'waiting' });
    expect(after.concernId).toBe('education');
    expect(after.counterId).toBeUndefined();
    const [first, second] = visitParts(after);
    expect(first).toMatchObject({
      concernId: 'housing',
      status: 'done',
      outcome: 'documents-missing',
      counterId: 'desk-2',
      firstCalledAt: desk.now - 7 * MINUTE,
      closedAt: desk.now,
    });
    expect(second).toMatchObject({ concernId: 'education', status: 'waiting', dueAt: desk.now });
    expect(desk.state.counters['desk-2']?.currentTicketId).toBeUndefined();
    // The service time of the housing part is learnt for estimates.
    expect(desk.state.serviceMinutes.housing).toEqual([7]);
  });

  it('given the second part waits, when a later education walk-in came meanwhile, then the visit goes first (no second wait from the back)', () => {
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('housing', { later: ['education'] });
    desk.advance(1);
    const walkIn = desk.issue('education');
    desk.advance(1);
    desk.call('desk-2');
    desk.advance(5);
    desk.complete('desk-2');
    // desk-3 serves education: the visit arrived before the walk-in.
    expect(desk.call('desk-3')?.id).toBe(visit.id);
    expect(desk.call('desk-3')?.id).toBe(walkIn.id);
  });

  it('given a counter serving both concerns, when it completes with continueHere, then the visitor stays there, served at once, without a new announcement', () => {
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('housing', { later: ['education'] });
    desk.call('desk-1');
    desk.advance(4);
    const seq = desk.state.callSeq;
    const outcome = unwrap(complete(desk.state, office, 'desk-1', desk.now, { continueHere: true }));
    expect(outcome.events.map((e) => e.type)).toEqual(['ticket-changed', 'counter-changed']);
    const ticket = outcome.value;
    expect(ticket).toMatchObject({ id: visit.id, status: 'called', concernId: 'education', counterId: 'desk-1' });
    expect(ticket.servedAt).toBe(desk.now);
    expect(outcome.state.callSeq).toBe(seq);
    expect(outcome.state.counters['desk-1']?.currentTicketId).toBe(visit.id);
    desk.state = outcome.state;
    desk.advance(3);
    const done = desk.complete('desk-1', { outcome: 'done' });
    expect(done.status).toBe('done');
    expect(visitParts(done).map((p) => [p.concernId, p.status, p.counterId])).toEqual([
      ['housing', 'done', 'desk-1'],
      ['education', 'done', 'desk-1'],
    ]);
  });

  it('given a counter that does not serve the next concern, when it asks to continue here, then it is refused and nothing changes', () => {
    const desk = openAll(new Desk(office, START));
    desk.issue('housing', { later: ['education'] });
    desk.call('desk-2');
    const result = complete(desk.state, office, 'desk-2', desk.now, { continueHere: true });
    expect(errorOf(result)).toBe('COUNTER_NOT_SERVING');
  });

  it('given an outcome the office does not have, then completing is refused', () => {
    const desk = openAll(new Desk(office, START));
    desk.issue('housing');
    desk.call('desk-2');
    expect(errorOf(complete(desk.state, office, 'desk-2', desk.now, { outcome: 'nope' }))).toBe('UNKNOWN_OUTCOME');
  });

  it('given a visitor who does not come for the first part, when marked a no-show, then the later parts are cancelled and the visit ends', () => {
    const desk = openAll(new Desk(office, START));
    desk.issue('housing', { later: ['education', 'certificates'] });
    desk.call('desk-2');
    const ticket = desk.noShow('desk-2');
    expect(ticket.status).toBe('no-show');
    expect(visitParts(ticket).map((p) => p.status)).toEqual(['no-show', 'cancelled', 'cancelled']);
    expect(desk.call('desk-3')).toBeNull();
  });

  it('given call-next while a multi-concern visitor is still at the counter, then their part counts as done and they wait for the next', () => {
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('housing', { later: ['education'] });
    desk.call('desk-2');
    desk.advance(5);
    expect(desk.call('desk-2')).toBeNull();
    expect(desk.ticket(visit.id)).toMatchObject({ status: 'waiting', concernId: 'education' });
  });
});

describe('concerns added at the counter', () => {
  it('given a one-concern visitor at desk-1, when the clerk adds certificates, then it becomes the next part', () => {
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('housing', { later: ['education'] });
    desk.call('desk-1');
    const added = unwrap(addConcern(desk.state, office, 'desk-1', 'certificates', desk.now));
    expect(visitParts(added.value).map((p) => [p.concernId, p.status, p.addedAtCounter])).toEqual([
      ['housing', 'called', undefined],
      ['certificates', 'waiting', true],
      ['education', 'waiting', undefined],
    ]);
    desk.state = added.state;
    expect(laterParts(desk.ticket(visit.id)).map((p) => p.concernId)).toEqual(['certificates', 'education']);
    desk.complete('desk-1');
    expect(desk.ticket(visit.id).concernId).toBe('certificates');
  });

  it('given the concern is already part of the visit, an info-only concern or five concerns, then adding is refused', () => {
    const desk = openAll(new Desk(office, START));
    desk.issue('housing', { later: ['education', 'subsistence', 'documents', 'certificates'], source: 'staff' });
    desk.call('desk-1');
    expect(errorOf(addConcern(desk.state, office, 'desk-1', 'education', desk.now))).toBe('DUPLICATE_CONCERN');
    expect(errorOf(addConcern(desk.state, office, 'desk-1', 'online', desk.now))).toBe('UNKNOWN_CONCERN');
    const small = openAll(new Desk(office, START));
    small.issue('housing');
    small.call('desk-1');
    let state = small.state;
    for (const id of ['education', 'subsistence', 'documents', 'certificates']) {
      state = unwrap(addConcern(state, office, 'desk-1', id, small.now)).state;
    }
    const full = makeOffice((o) => {
      o.concerns.push({ id: 'extra', prefix: 'X', name: 'Sonstiges' });
    });
    expect(errorOf(addConcern(state, full, 'desk-1', 'extra', small.now))).toBe('TOO_MANY_CONCERNS');
  });
});

describe('transfers keep the part served', () => {
  it('given documents served for three minutes at desk-1, when transferred to housing, then that part is done with its service time and housing is next', () => {
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('documents');
    desk.call('desk-1');
    desk.advance(3);
    const moved = unwrap(transfer(desk.state, office, 'desk-1', 'housing', desk.now, { outcome: 'forwarded' }));
    const parts = visitParts(moved.value);
    expect(parts.map((p) => [p.concernId, p.status, p.outcome, p.transferredFrom])).toEqual([
      ['documents', 'done', 'forwarded', undefined],
      ['housing', 'waiting', undefined, 'documents'],
    ]);
    expect(parts[0]?.serviceStart).toBe(desk.now - 3 * MINUTE);
    expect(moved.state.serviceMinutes.documents).toEqual([3]);
    expect(moved.value).toMatchObject({ id: visit.id, status: 'waiting', concernId: 'housing' });
    expect(moved.value.transferredFrom).toEqual(['documents']);
  });

  it('given the visit already has the target concern later, when transferred to it, then that part moves up instead of being doubled', () => {
    const desk = openAll(new Desk(office, START));
    desk.issue('documents', { later: ['certificates', 'housing'] });
    desk.call('desk-1');
    const moved = unwrap(transfer(desk.state, office, 'desk-1', 'housing', desk.now));
    expect(visitParts(moved.value).map((p) => p.concernId)).toEqual(['documents', 'housing', 'certificates']);
  });
});

describe('drawing a visit', () => {
  it('given the kiosk offers three concerns, then four are refused there but staff may give five', () => {
    expect(kioskMaxConcerns(office)).toBe(3);
    const desk = new Desk(office, START);
    const four = ['housing', 'education', 'subsistence', 'documents'];
    expect(checkVisitConcerns(office, four, kioskMaxConcerns(office))).toEqual({
      ok: false,
      error: 'TOO_MANY_CONCERNS',
    });
    const input = {
      id: 'k',
      token: 'tok-k',
      concernId: 'housing',
      laterConcernIds: four.slice(1),
      language: 'de' as const,
    };
    expect(errorOf(issueTicket(desk.state, office, { ...input, source: 'kiosk' }, desk.now))).toBe('TOO_MANY_CONCERNS');
    const staff = unwrap(
      issueTicket(
        desk.state,
        office,
        { ...input, source: 'staff', laterConcernIds: [...four.slice(1), 'certificates'] },
        desk.now,
      ),
    );
    expect(visitParts(staff.value)).toHaveLength(5);
  });

  it('given a repeated, unknown or info-only concern, then the visit is refused', () => {
    expect(checkVisitConcerns(office, ['housing', 'housing'], 5)).toEqual({ ok: false, error: 'VALIDATION_FAILED' });
    expect(checkVisitConcerns(office, ['housing', 'nope'], 5)).toEqual({ ok: false, error: 'UNKNOWN_CONCERN' });
    expect(checkVisitConcerns(office, ['housing', 'online'], 5)).toEqual({ ok: false, error: 'INFO_ONLY_CONCERN' });
  });

  it('given a quota of one for certificates, when a kiosk visit asks for it as a second concern, then a later kiosk ticket for it is refused', () => {
    const limited = makeOffice((o) => {
      for (const c of o.concerns) if (c.id === 'certificates') c.dailyQuota = 1;
    });
    const desk = new Desk(limited, START);
    desk.issue('housing', { later: ['certificates'] });
    const again = issueTicket(
      desk.state,
      limited,
      { id: 'z', token: 'tok-z', concernId: 'certificates', language: 'de', source: 'kiosk' },
      desk.now,
    );
    expect(errorOf(again)).toBe('QUOTA_REACHED');
  });

  it('given the day ends while the second part waits, then the open parts are cancelled and the part served stays done', () => {
    const desk = openAll(new Desk(office, START));
    const visit = desk.issue('housing', { later: ['education'] });
    desk.call('desk-2');
    desk.complete('desk-2');
    const rolled = rollDay(desk.state, office, at('2026-03-03T08:00:00Z'));
    const started = rolled.events.find((e) => e.type === 'day-started');
    const cancelled = started?.type === 'day-started' ? started.cancelled : [];
    expect(cancelled.map((t) => t.id)).toEqual([visit.id]);
    expect(visitParts(cancelled[0] as Ticket).map((p) => p.status)).toEqual(['done', 'cancelled']);
  });
});

describe('statistics of visits', () => {
  it('given a two-concern visit and a one-concern visit, then concerns, visits, outcomes and per-part waits are counted', () => {
    // Given: W-001 housing + education, W-002 housing; all issued in the 09:00 hour.
    const desk = openAll(new Desk(office, START));
    desk.issue('housing', { later: ['education'] });
    desk.issue('housing');
    desk.advance(4);
    desk.call('desk-2'); // W-001, waited 4
    desk.advance(6);
    desk.complete('desk-2', { outcome: 'documents-missing' }); // housing part served 6; education due now
    desk.advance(2);
    desk.call('desk-3'); // W-001 education, waited 2 since its part became due
    desk.call('desk-2'); // W-002, waited 12
    desk.advance(5);
    desk.complete('desk-3', { outcome: 'done' });
    desk.complete('desk-2', { outcome: 'done' });
    // When
    const buckets = bucketsOf(desk.state.tickets, office.timezone);
    const report = statsReport(buckets, 'day');
    // Then
    const row = (id: string) => report.rows.find((r) => r.concernId === id);
    expect(row('housing')).toMatchObject({
      issued: 2,
      served: 2,
      visits: 2,
      multiConcernShare: 0.5,
      outcomes: { 'documents-missing': 1, done: 1 },
      avgWaitMinutes: 8, // 4 and 12
    });
    expect(row('education')).toMatchObject({
      issued: 1,
      served: 1,
      visits: 0,
      outcomes: { done: 1 },
      avgWaitMinutes: 2,
      avgServiceMinutes: 5,
    });
    expect(report.totals[0]).toMatchObject({
      issued: 3,
      served: 3,
      visits: 2,
      multiConcernShare: 0.5,
      outcomes: { 'documents-missing': 1, done: 2 },
    });
  });
});
