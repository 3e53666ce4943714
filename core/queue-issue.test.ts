/**
 * Issuing tickets: numbering per concern and day, and the refusals (unknown or info-only
 * concerns, opening hours, quotas, appointment-only concerns).
 */
import { describe, expect, it } from 'vitest';
import { emptyDay, issueTicket, rollDay, startService, type IssueInput } from './queue.ts';
import { at, Desk, errorOf, MINUTE, makeOffice, unwrap } from './test-fixtures.ts';

/** Monday 2026-03-02, 09:00 local (CET), within the demo office's opening hours. */
const MONDAY_9 = '2026-03-02T08:00:00Z';
const SUNDAY_11 = '2026-03-01T10:00:00Z';

const demo = () => makeOffice();

function input(id: string, concernId: string, source: 'kiosk' | 'staff' = 'kiosk'): IssueInput {
  return { id, token: `token-${id}`, concernId, language: 'de', source };
}

describe('issueTicket: numbering per concern and day', () => {
  it('given a new day, when the first housing ticket is issued, then it is W-001 and waits', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const t = desk.issue('housing', { id: 'x', language: 'en', source: 'kiosk' });
    expect(t).toMatchObject({
      id: 'x',
      token: 'token-x',
      number: 'W-001',
      concernId: 'housing',
      day: '2026-03-02',
      status: 'waiting',
      language: 'en',
      source: 'kiosk',
      issuedAt: at(MONDAY_9),
      callCount: 0,
    });
    expect(desk.state.tickets).toEqual([t]);
    expect(desk.state.lastNumber).toEqual({ housing: 1 });
  });

  it('given tickets of two concerns, then each concern counts on its own', () => {
    const desk = new Desk(demo(), MONDAY_9);
    const numbers = [
      desk.issue('housing'),
      desk.issue('education'),
      desk.issue('housing'),
      desk.issue('housing'),
      desk.issue('education'),
    ].map((t) => t.number);
    expect(numbers).toEqual(['W-001', 'B-001', 'W-002', 'W-003', 'B-002']);
  });

  it('given an issued ticket, then the outcome carries one ticket-issued event', () => {
    const office = demo();
    const outcome = unwrap(issueTicket(emptyDay('2026-03-02'), office, input('a', 'housing'), at(MONDAY_9)));
    expect(outcome.events).toEqual([{ type: 'ticket-issued', ticket: outcome.value }]);
  });

  it('given tickets that were served, missed or transferred, then their numbers are never handed out again that day', () => {
    const desk = new Desk(demo(), MONDAY_9);
    desk.issue('housing');
    desk.issue('housing');
    desk.issue('housing');
    desk.call('desk-2');
    desk.complete('desk-2');
    desk.call('desk-2');
    desk.noShow('desk-2');
    desk.call('desk-2');
    desk.transfer('desk-2', 'education');
    expect(desk.issue('housing').number).toBe('W-004');
    const numbers = desk.state.tickets.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('given the local day ends, when the day is rolled at local midnight, then numbering restarts at W-001', () => {
    const desk = new Desk(demo(), '2026-03-02T20:00:00Z');
    desk.issue('housing');
    desk.issue('housing');
    desk.setNow('2026-03-02T23:00:00Z'); // 00:00 on Tuesday 2026-03-03 in Berlin
    expect(desk.rollDay()).toBe(true);
    expect(desk.state.day).toBe('2026-03-03');
    const t = desk.issue('housing');
    expect(t.number).toBe('W-001');
    expect(t.day).toBe('2026-03-03');
  });

  it('given it is 23:59 local, when the day is rolled, then nothing changes (UTC midnight is not the office’s)', () => {
    const office = demo();
    const desk = new Desk(office, '2026-03-02T20:00:00Z');
    desk.issue('housing');
    const before = desk.state;
    const outcome = rollDay(before, office, at('2026-03-02T22:59:59.999Z'));
    expect(outcome.value).toBe(false);
    expect(outcome.state).toBe(before);
    expect(outcome.events).toEqual([]);
  });

  it('given a day in summer time, then the new day starts at 22:00 UTC', () => {
    const office = demo();
    const state = emptyDay('2026-03-29');
    expect(rollDay(state, office, at('2026-03-29T21:59:00Z')).value).toBe(false);
    const rolled = rollDay(state, office, at('2026-03-29T22:00:00Z'));
    expect(rolled.value).toBe(true);
    expect(rolled.state.day).toBe('2026-03-30');
  });

  it('given a visitor being served at midnight, when the day is rolled, then the service finishes into the old day', () => {
    const desk = new Desk(demo(), '2026-03-02T22:50:00Z');
    const served = desk.issue('housing');
    const waiting = desk.issue('housing');
    desk.call('desk-2');
    desk.state = unwrap(startService(desk.state, desk.office, 'desk-2', desk.now)).state;
    const now = at('2026-03-02T23:00:00Z');
    const outcome = rollDay(desk.state, desk.office, now);
    const event = outcome.events[0];
    if (event?.type !== 'day-started') throw new Error('no new day');
    const closed = new Map(event.cancelled.map((t) => [t.id, t]));
    expect(closed.get(served.id)).toMatchObject({ status: 'done', closedAt: now });
    expect(closed.get(served.id)?.cancelReason).toBeUndefined();
    expect(closed.get(waiting.id)).toMatchObject({ status: 'cancelled', cancelReason: 'day-ended' });
  });

  it('given open tickets at the end of the day, when the day is rolled, then they are cancelled with the reason day-ended and counters are freed but keep their status', () => {
    const desk = new Desk(demo(), '2026-03-02T10:00:00Z');
    const waiting = desk.issue('housing');
    const called = desk.issue('education');
    desk.call('desk-3');
    const served = desk.issue('documents');
    desk.call('desk-1');
    desk.complete('desk-1');
    desk.setStatus('desk-4', 'paused', 'Mittag');
    const callSeq = desk.state.callSeq;
    const samples = desk.state.serviceMinutes;

    const now = at('2026-03-02T23:00:00Z');
    const outcome = rollDay(desk.state, desk.office, now);
    expect(outcome.events).toHaveLength(1);
    const event = outcome.events[0];
    expect(event?.type).toBe('day-started');
    if (event?.type !== 'day-started') throw new Error('unreachable');
    expect(event.day).toBe('2026-03-03');
    expect(event.cancelled.map((t) => t.id).sort()).toEqual([called.id, waiting.id].sort());
    for (const t of event.cancelled)
      expect(t).toMatchObject({ status: 'cancelled', closedAt: now, cancelReason: 'day-ended' });
    expect(event.cancelled.some((t) => t.id === served.id)).toBe(false);

    const next = outcome.state;
    expect(next.tickets).toEqual([]);
    expect(next.lastNumber).toEqual({});
    expect(next.callSeq).toBe(callSeq);
    expect(next.serviceMinutes).toEqual(samples);
    expect(next.counters['desk-3']).toEqual({ counterId: 'desk-3', status: 'open' });
    expect(next.counters['desk-4']?.status).toBe('paused');
  });
});

describe('issueTicket: refusals', () => {
  const withQuota = () =>
    makeOffice((o) => {
      const c = o.concerns.find((x) => x.id === 'certificates');
      if (c) c.dailyQuota = 2;
    });

  it('given the daily quota is reached, when the kiosk asks for another ticket, then it is refused with QUOTA_REACHED', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    const r = issueTicket(desk.state, office, input('third', 'certificates', 'kiosk'), desk.now);
    expect(errorOf(r)).toBe('QUOTA_REACHED');
  });

  it('given the daily quota is reached, when staff issue a ticket, then it is allowed and numbered on', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    expect(desk.issue('certificates', { source: 'staff' }).number).toBe('C-003');
  });

  it('given staff tickets used up the quota, then the kiosk is refused as well', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates', { source: 'staff' });
    desk.issue('certificates', { source: 'staff' });
    expect(errorOf(issueTicket(desk.state, office, input('k', 'certificates'), desk.now))).toBe('QUOTA_REACHED');
  });

  it('given the quota is reached, when an appointment holder checks in at the kiosk, then they get a ticket', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    const appointment = { id: 'ap1', code: 'ABC', concernId: 'certificates', start: desk.now + 5 * MINUTE };
    const t = desk.issue('certificates', { appointment });
    expect(t).toMatchObject({ number: 'C-003', appointmentAt: appointment.start, appointmentId: 'ap1' });
  });

  it('given the quota was reached yesterday, when the day has rolled, then the kiosk issues again', () => {
    const office = withQuota();
    const desk = new Desk(office, '2026-03-02T10:00:00Z');
    desk.issue('certificates');
    desk.issue('certificates');
    desk.setNow('2026-03-03T08:00:00Z');
    desk.rollDay();
    expect(desk.issue('certificates').number).toBe('C-001');
  });

  it('given a quota on one concern, then other concerns are not limited by it', () => {
    const office = withQuota();
    const desk = new Desk(office, MONDAY_9);
    desk.issue('certificates');
    desk.issue('certificates');
    expect(desk.issue('housing').number).toBe('W-001');
  });

  it('given opening hours are enforced, when the kiosk asks outside them, then it is refused with OFFICE_CLOSED', () => {
    const office = makeOffice((o) => {
      o.enforceOpeningHours = true;
    });
    expect(errorOf(issueTicket(emptyDay('2026-03-01'), office, input('k', 'housing'), at(SUNDAY_11)))).toBe(
      'OFFICE_CLOSED',
    );
    // Monday 12:30 local: just closed.
    expect(
      errorOf(issueTicket(emptyDay('2026-03-02'), office, input('k', 'housing'), at('2026-03-02T11:30:00Z'))),
    ).toBe('OFFICE_CLOSED');
  });

  it('given opening hours are enforced, when the kiosk asks during them, then a ticket is issued', () => {
    const office = makeOffice((o) => {
      o.enforceOpeningHours = true;
    });
    expect(issueTicket(emptyDay('2026-03-02'), office, input('k', 'housing'), at(MONDAY_9)).ok).toBe(true);
  });

  it('given opening hours are enforced, when staff issue outside them, then a ticket is issued', () => {
    const office = makeOffice((o) => {
      o.enforceOpeningHours = true;
    });
    expect(issueTicket(emptyDay('2026-03-01'), office, input('s', 'housing', 'staff'), at(SUNDAY_11)).ok).toBe(true);
  });

  it('given opening hours are not enforced (demo office), when the kiosk asks on Sunday, then a ticket is issued', () => {
    expect(issueTicket(emptyDay('2026-03-01'), demo(), input('k', 'housing'), at(SUNDAY_11)).ok).toBe(true);
  });

  it('given an info-only concern, when a ticket is asked for, then it is refused with INFO_ONLY_CONCERN', () => {
    expect(errorOf(issueTicket(emptyDay('2026-03-02'), demo(), input('k', 'online'), at(MONDAY_9)))).toBe(
      'INFO_ONLY_CONCERN',
    );
    expect(errorOf(issueTicket(emptyDay('2026-03-02'), demo(), input('s', 'online', 'staff'), at(MONDAY_9)))).toBe(
      'INFO_ONLY_CONCERN',
    );
  });

  it('given an unknown concern, when a ticket is asked for, then it is refused with UNKNOWN_CONCERN', () => {
    expect(errorOf(issueTicket(emptyDay('2026-03-02'), demo(), input('k', 'passports'), at(MONDAY_9)))).toBe(
      'UNKNOWN_CONCERN',
    );
  });
});
