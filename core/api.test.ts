import { describe, expect, it } from 'vitest';
import { concernName, toCallView, toOfficePublic, toTicketView } from './api.ts';
import { queueSnapshot, toQueueSnapshot } from './queue-snapshot.ts';
import { at, Desk, makeOffice, makeTicket } from './test-fixtures.ts';
import type { CallRecord } from './types.ts';

const office = makeOffice();
const ISSUED = '2026-03-02T08:00:00.000Z';

describe('toTicketView', () => {
  const waiting = makeTicket({ id: 't1', token: 'Zq8x', number: 'W-017', concernId: 'housing', issuedAt: at(ISSUED) });

  it('given a waiting ticket, then its status page is /t/<token> and times are ISO strings', () => {
    const view = toTicketView(waiting, office, { waitingAhead: 3, estimatedWaitMinutes: 27 });
    expect(view).toMatchObject({
      id: 't1',
      number: 'W-017',
      concernId: 'housing',
      concernName: 'Wohngeld',
      status: 'waiting',
      statusUrl: '/t/Zq8x',
      language: 'de',
      issuedAt: ISSUED,
      waitingAhead: 3,
      estimatedWaitMinutes: 27,
      callCount: 0,
    });
  });

  it('given a waiting ticket, then it names no counter and no call time', () => {
    const view = toTicketView({ ...waiting, counterId: 'desk-2', calledAt: at(ISSUED) }, office);
    expect(view).not.toHaveProperty('counterId');
    expect(view).not.toHaveProperty('counterName');
    expect(view).not.toHaveProperty('calledAt');
  });

  it('given a called ticket, then it names the counter and the call time, and waits no longer', () => {
    const called = {
      ...waiting,
      status: 'called' as const,
      counterId: 'desk-2',
      calledAt: at('2026-03-02T08:20:00Z'),
      callCount: 1,
    };
    const view = toTicketView(called, office, { waitingAhead: 3, estimatedWaitMinutes: 27 });
    expect(view).toMatchObject({
      counterId: 'desk-2',
      counterName: 'Platz 2',
      calledAt: '2026-03-02T08:20:00.000Z',
      waitingAhead: 0,
      estimatedWaitMinutes: 0,
      callCount: 1,
    });
  });

  it('given a done ticket that had a counter, then the counter is no longer named', () => {
    const done = {
      ...waiting,
      status: 'done' as const,
      counterId: 'desk-2',
      calledAt: at(ISSUED),
      closedAt: at(ISSUED),
    };
    const view = toTicketView(done, office);
    expect(view).not.toHaveProperty('counterName');
    expect(view).not.toHaveProperty('counterId');
  });

  it('given an English ticket, then concern name and documents are in English', () => {
    const view = toTicketView({ ...waiting, language: 'en' }, office);
    expect(view.concernName).toBe('Housing benefit');
    expect(view.documents).toEqual([
      'Identity card or passport',
      'Rental contract',
      'Proof of income for the last 3 months',
    ]);
  });

  it('given a German ticket, then the German documents are listed', () => {
    expect(toTicketView(waiting, office).documents).toEqual([
      'Personalausweis oder Pass',
      'Mietvertrag',
      'Einkommensnachweise der letzten 3 Monate',
    ]);
  });

  it('given a language without translated documents, then the German documents are listed', () => {
    const partial = makeOffice((o) => {
      const housing = o.concerns.find((c) => c.id === 'housing');
      if (housing?.documentsByLanguage) delete housing.documentsByLanguage.tr;
    });
    const view = toTicketView({ ...waiting, language: 'tr' }, partial);
    expect(view.documents).toEqual([
      'Personalausweis oder Pass',
      'Mietvertrag',
      'Einkommensnachweise der letzten 3 Monate',
    ]);
    expect(view.concernName).toBe('Konut yardımı');
  });

  it('given a concern without documents, then the list is empty', () => {
    expect(toTicketView({ ...waiting, concernId: 'online' }, office).documents).toEqual([]);
  });

  it('given an appointment, then its start is an ISO string', () => {
    const view = toTicketView({ ...waiting, appointmentAt: at('2026-03-02T09:00:00Z') }, office);
    expect(view.appointmentAt).toBe('2026-03-02T09:00:00.000Z');
    expect(toTicketView(waiting, office)).not.toHaveProperty('appointmentAt');
  });

  it('given no estimate for a waiting ticket, then position and wait are 0', () => {
    expect(toTicketView(waiting, office)).toMatchObject({ waitingAhead: 0, estimatedWaitMinutes: 0 });
  });
});

describe('concernName', () => {
  it('given a language with a translation, then it is used; otherwise the German name; unknown ids stay as they are', () => {
    expect(concernName(office, 'education', 'uk')).toBe('Освіта та участь');
    expect(concernName(office, 'education')).toBe('Bildung und Teilhabe');
    const noNames = makeOffice((o) => {
      for (const c of o.concerns) delete c.names;
    });
    expect(concernName(noNames, 'education', 'en')).toBe('Bildung und Teilhabe');
    expect(concernName(office, 'passports', 'en')).toBe('passports');
  });
});

describe('toOfficePublic', () => {
  const weighted = makeOffice((o) => {
    for (const c of o.concerns) c.weight = 2;
  });

  it('given concerns with weight and service minutes, then the public office shows neither', () => {
    const pub = toOfficePublic(weighted);
    expect(pub.concerns).toHaveLength(weighted.concerns.length);
    for (const c of pub.concerns) {
      expect(c).not.toHaveProperty('weight');
      expect(c).not.toHaveProperty('serviceMinutes');
    }
  });

  it('given the office, then what the kiosk needs is kept and internal settings are left out', () => {
    const pub = toOfficePublic(weighted);
    const housing = pub.concerns.find((c) => c.id === 'housing');
    expect(housing).toMatchObject({ prefix: 'W', name: 'Wohngeld', pictogram: 'house' });
    expect(housing?.documentsByLanguage?.en).toHaveLength(3);
    expect(pub.concerns.find((c) => c.id === 'online')?.infoUrl).toBe('https://www.example.org/antrag');
    expect(pub).toMatchObject({
      id: 'demo',
      timezone: 'Europe/Berlin',
      enforceOpeningHours: false,
      kioskResetSeconds: 30,
    });
    expect(pub.counters.map((c) => c.name)).toEqual(['Platz 1', 'Platz 2', 'Platz 3', 'Platz 4']);
    expect(pub).not.toHaveProperty('policy');
    expect(pub).not.toHaveProperty('retentionDays');
  });

  it('given the office, then building the public view leaves the configuration untouched', () => {
    const before = structuredClone(weighted);
    toOfficePublic(weighted);
    expect(weighted).toEqual(before);
    expect(weighted.concerns[0]?.weight).toBe(2);
  });
});

describe('toCallView and toQueueSnapshot', () => {
  it('given a call record, then the view carries seq, number, counter and an ISO call time', () => {
    const call: CallRecord = {
      seq: 42,
      ticketId: 't1',
      number: 'W-017',
      concernId: 'housing',
      counterId: 'desk-2',
      counterName: 'Platz 2',
      at: at('2026-03-02T08:20:00Z'),
      recall: true,
    };
    expect(toCallView(call)).toEqual({
      seq: 42,
      number: 'W-017',
      concernId: 'housing',
      counterId: 'desk-2',
      counterName: 'Platz 2',
      calledAt: '2026-03-02T08:20:00.000Z',
      recall: true,
    });
  });

  it('given visitors called at several counters, then the snapshot lists them newest first with the latest seq', () => {
    const desk = new Desk(office, '2026-03-02T08:00:00Z');
    desk.issue('housing');
    desk.issue('education');
    desk.issue('documents');
    desk.call('desk-2');
    desk.advance(1);
    desk.call('desk-3');
    desk.advance(1);
    desk.call('desk-1');
    desk.complete('desk-1');
    const snap = toQueueSnapshot(desk.state, office, []);
    expect(snap.called.map((c) => [c.number, c.counterName])).toEqual([
      ['B-001', 'Platz 3'],
      ['W-001', 'Platz 2'],
    ]);
    expect(snap.called[0]?.calledAt).toBe('2026-03-02T08:01:00.000Z');
    expect(snap.seq).toBe(3);
    expect(snap.day).toBe('2026-03-02');
  });

  it('given a long day with 130 no-shows among others, then the snapshot lists the last 100 in the order of the day', () => {
    const desk = new Desk(office, '2026-03-02T08:00:00Z');
    const start = desk.state;
    const tickets = Array.from({ length: 300 }, (_, i) =>
      makeTicket({
        id: `t${i}`,
        number: `N-${i}`,
        concernId: 'housing',
        issuedAt: at('2026-03-02T08:00:00Z') + i,
        status: i % 2 ? 'done' : i < 260 ? 'no-show' : 'waiting',
      }),
    );
    const snap = toQueueSnapshot({ ...start, tickets }, office, []);
    const noShows = tickets.filter((t) => t.status === 'no-show').map((t) => t.number);
    expect(noShows).toHaveLength(130);
    expect(snap.noShows).toEqual(noShows.slice(-100));
    expect(snap.noShows?.[0]).toBe('N-60');
    expect(snap.called).toEqual([]);
  });

  it('given the same day, office and estimates, then queueSnapshot makes the snapshot once; a change makes a new one', () => {
    const desk = new Desk(office, '2026-03-02T08:00:00Z');
    desk.issue('housing');
    const waiting = [{ concernId: 'housing', count: 1, estimatedWaitMinutes: 8 }];
    const first = queueSnapshot(desk.state, office, waiting);
    expect(queueSnapshot(desk.state, office, waiting)).toBe(first);
    expect(first).toEqual(toQueueSnapshot(desk.state, office, waiting));
    const otherEstimates = queueSnapshot(desk.state, office, [
      { concernId: 'housing', count: 1, estimatedWaitMinutes: 9 },
    ]);
    expect(otherEstimates).not.toBe(first);
    expect(otherEstimates.waiting[0]?.estimatedWaitMinutes).toBe(9);
    desk.call('desk-2');
    const afterCall = queueSnapshot(desk.state, office, waiting);
    expect(afterCall).not.toBe(first);
    expect(afterCall.called.map((c) => c.number)).toEqual(['W-001']);
  });
});
