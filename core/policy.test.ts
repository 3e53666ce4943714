import { describe, expect, it } from 'vitest';
import { isAppointmentDue, orderForCounter, pickNext } from './policy.ts';
import { at, MINUTE, makeOffice, makeTicket } from './test-fixtures.ts';
import type { Counter, OfficeConfig, Ticket } from './types.ts';

/** Demo office; policy: lead 10 min, late 15 min, maxWait 60 min. */
const office: OfficeConfig = makeOffice();
const counter = (id: string): Counter => {
  const c = office.counters.find((x) => x.id === id);
  if (!c) throw new Error(id);
  return c;
};
/** desk-2 serves housing only; desk-1 serves documents, certificates, housing, education, subsistence. */
const desk2 = counter('desk-2');
const desk1 = counter('desk-1');

const T0 = at('2026-03-02T08:00:00Z'); // Monday 09:00 local
const min = (n: number) => T0 + n * MINUTE;
const ids = (tickets: Ticket[]) => tickets.map((t) => t.id);

function withWeights(weights: Record<string, number>): OfficeConfig {
  return makeOffice((o) => {
    for (const c of o.concerns) if (weights[c.id] !== undefined) c.weight = weights[c.id];
  });
}

describe('walk-ins in arrival order', () => {
  it('given two waiting tickets of one concern, when a counter serving it calls next, then the older one is called', () => {
    const older = makeTicket({ id: 'b', concernId: 'housing', issuedAt: min(0) });
    const newer = makeTicket({ id: 'a', concernId: 'housing', issuedAt: min(5) });
    expect(pickNext([newer, older], desk2, office, min(10))?.id).toBe('b');
  });

  it('given tickets for concerns the counter does not serve, then they are not in its order', () => {
    const education = makeTicket({ id: 'e', concernId: 'education', issuedAt: min(0) });
    const housing = makeTicket({ id: 'h', concernId: 'housing', issuedAt: min(5) });
    expect(ids(orderForCounter([education, housing], desk2, office, min(10)))).toEqual(['h']);
    expect(pickNext([education], desk2, office, min(10))).toBeUndefined();
  });

  it('given tickets that are called, done, no-show or cancelled, then only the waiting ones are in the order', () => {
    const tickets = (['called', 'done', 'no-show', 'cancelled', 'waiting'] as const).map((status, i) =>
      makeTicket({ id: status, concernId: 'housing', issuedAt: min(i), status }),
    );
    expect(ids(orderForCounter(tickets, desk2, office, min(10)))).toEqual(['waiting']);
  });

  it('given nobody waits, then there is no next ticket', () => {
    expect(pickNext([], desk2, office, min(0))).toBeUndefined();
  });
});

describe('appointments', () => {
  const walkIn = makeTicket({ id: 'walk-in', concernId: 'housing', issuedAt: min(0) });
  /** Slot at 10:00 local, checked in at 09:30 local. */
  const holder = makeTicket({ id: 'holder', concernId: 'housing', issuedAt: min(30), appointmentAt: min(60) });

  it('given an appointment holder whose slot starts within the lead time, then they are called before earlier walk-ins', () => {
    expect(ids(orderForCounter([walkIn, holder], desk2, office, min(50)))).toEqual(['holder', 'walk-in']);
  });

  it('given an appointment holder before the lead time, then they are not callable yet', () => {
    const now = min(50) - 1;
    expect(ids(orderForCounter([walkIn, holder], desk2, office, now))).toEqual(['walk-in']);
    expect(pickNext([holder], desk2, office, now)).toBeUndefined();
  });

  it('given an appointment holder up to the late limit after the slot, then they still go first', () => {
    expect(pickNext([walkIn, holder], desk2, office, min(60 + 15))?.id).toBe('holder');
  });

  it('given an appointment holder past the late limit, then they wait as a walk-in by check-in time', () => {
    const before = makeTicket({ id: 'before', concernId: 'housing', issuedAt: min(20) });
    const after = makeTicket({ id: 'after', concernId: 'housing', issuedAt: min(40) });
    const now = min(60 + 15) + 1;
    expect(ids(orderForCounter([after, holder, before], desk2, office, now))).toEqual(['before', 'holder', 'after']);
  });

  it('given two due appointment holders, then the earlier slot goes first, regardless of check-in', () => {
    const lateSlotEarlyCheckIn = makeTicket({
      id: 'x',
      concernId: 'housing',
      issuedAt: min(0),
      appointmentAt: min(65),
    });
    const earlySlotLateCheckIn = makeTicket({
      id: 'y',
      concernId: 'housing',
      issuedAt: min(40),
      appointmentAt: min(60),
    });
    expect(ids(orderForCounter([lateSlotEarlyCheckIn, earlySlotLateCheckIn], desk2, office, min(58)))).toEqual([
      'y',
      'x',
    ]);
  });

  it('given a due appointment and a walk-in who waited past maxWaitMinutes, then the appointment still goes first', () => {
    const starving = makeTicket({ id: 'starving', concernId: 'housing', issuedAt: min(-120) });
    expect(pickNext([starving, holder], desk2, office, min(55))?.id).toBe('holder');
  });

  it('given the configured lead and late window, then isAppointmentDue is true exactly inside it', () => {
    expect(isAppointmentDue(holder, office, min(50) - 1)).toBe(false);
    expect(isAppointmentDue(holder, office, min(50))).toBe(true);
    expect(isAppointmentDue(holder, office, min(75))).toBe(true);
    expect(isAppointmentDue(holder, office, min(75) + 1)).toBe(false);
    expect(isAppointmentDue(walkIn, office, min(60))).toBe(false);
  });

  it('given a longer configured lead, then the appointment becomes due earlier', () => {
    const generous = makeOffice((o) => {
      o.policy.appointmentLeadMinutes = 30;
    });
    expect(isAppointmentDue(holder, generous, min(30))).toBe(true);
    expect(pickNext([walkIn, holder], desk2, generous, min(31))?.id).toBe('holder');
  });
});

describe('aging and weights', () => {
  it('given a heavier concern, then each minute of waiting counts by its weight', () => {
    const weighted = withWeights({ education: 2 });
    const housing = makeTicket({ id: 'h', concernId: 'housing', issuedAt: min(0) }); // waited 15
    const education10 = makeTicket({ id: 'e', concernId: 'education', issuedAt: min(5) }); // waited 10 -> 20
    expect(pickNext([housing, education10], desk1, weighted, min(15))?.id).toBe('e');
    const education7 = makeTicket({ id: 'e', concernId: 'education', issuedAt: min(8) }); // waited 7 -> 14
    expect(pickNext([housing, education7], desk1, weighted, min(15))?.id).toBe('h');
  });

  it('given equal weights, then the weights do not change arrival order', () => {
    const housing = makeTicket({ id: 'h', concernId: 'housing', issuedAt: min(0) });
    const education = makeTicket({ id: 'e', concernId: 'education', issuedAt: min(5) });
    expect(pickNext([education, housing], desk1, withWeights({ housing: 3, education: 3 }), min(15))?.id).toBe('h');
    expect(pickNext([education, housing], desk1, office, min(15))?.id).toBe('h');
  });

  it('given a walk-in who has waited maxWaitMinutes, then they go before a fresher ticket with a higher weighted wait', () => {
    const weighted = withWeights({ education: 3 });
    const old = makeTicket({ id: 'old', concernId: 'housing', issuedAt: min(0) });
    const heavy = makeTicket({ id: 'heavy', concernId: 'education', issuedAt: min(30) });
    // At 59 minutes: 59 < 30 * 3 = 90, the weighted ticket is first.
    expect(pickNext([old, heavy], desk1, weighted, min(59))?.id).toBe('heavy');
    // At 60 minutes the old ticket has aged: it goes first although 60 < 30 * 3.
    expect(pickNext([old, heavy], desk1, weighted, min(60))?.id).toBe('old');
  });

  it('given several aged walk-ins, then the longest wait goes first, whatever the weights', () => {
    const weighted = withWeights({ education: 5 });
    const housing = makeTicket({ id: 'h', concernId: 'housing', issuedAt: min(0) });
    const education = makeTicket({ id: 'e', concernId: 'education', issuedAt: min(10) });
    expect(ids(orderForCounter([education, housing], desk1, weighted, min(100)))).toEqual(['h', 'e']);
  });

  it('given a configured maxWaitMinutes, then aging starts at exactly that wait', () => {
    const quick = makeOffice((o) => {
      o.policy.maxWaitMinutes = 20;
      for (const c of o.concerns) if (c.id === 'education') c.weight = 10;
    });
    const old = makeTicket({ id: 'old', concernId: 'housing', issuedAt: min(0) });
    const heavy = makeTicket({ id: 'heavy', concernId: 'education', issuedAt: min(10) });
    expect(pickNext([old, heavy], desk1, quick, min(19))?.id).toBe('heavy');
    expect(pickNext([old, heavy], desk1, quick, min(20))?.id).toBe('old');
  });

  it('given equal weighted waits, then the counter’s order of preference decides', () => {
    // desk-1 prefers documents over housing; desk-4 prefers subsistence over housing.
    const documents = makeTicket({ id: 'z-doc', concernId: 'documents', issuedAt: min(0) });
    const housing = makeTicket({ id: 'a-hou', concernId: 'housing', issuedAt: min(0) });
    expect(pickNext([housing, documents], desk1, office, min(5))?.id).toBe('z-doc');
    const subsistence = makeTicket({ id: 'z-sub', concernId: 'subsistence', issuedAt: min(0) });
    expect(pickNext([housing, subsistence], counter('desk-4'), office, min(5))?.id).toBe('z-sub');
    const reversed: Counter = { id: 'rev', name: 'Rev', concernIds: ['housing', 'documents'] };
    expect(pickNext([documents, housing], reversed, office, min(5))?.id).toBe('a-hou');
  });

  it('given equal weighted waits from different arrivals (weight 2 waited 10, weight 1 waited 20), then preference decides', () => {
    const weighted = withWeights({ housing: 2 });
    const documents = makeTicket({ id: 'd', concernId: 'documents', issuedAt: min(0) });
    const housing = makeTicket({ id: 'h', concernId: 'housing', issuedAt: min(10) });
    expect(pickNext([housing, documents], desk1, weighted, min(20))?.id).toBe('d');
    const housingFirst: Counter = { id: 'hf', name: 'HF', concernIds: ['housing', 'documents'] };
    expect(pickNext([documents, housing], housingFirst, weighted, min(20))?.id).toBe('h');
  });
});

describe('order is a function of the tickets, not of their array order', () => {
  it('given the same tickets in any order, then the counter’s order is the same', () => {
    const tickets = [
      makeTicket({ id: 'a', concernId: 'housing', issuedAt: min(0) }),
      makeTicket({ id: 'b', concernId: 'education', issuedAt: min(3) }),
      makeTicket({ id: 'c', concernId: 'documents', issuedAt: min(3) }),
      makeTicket({ id: 'd', concernId: 'housing', issuedAt: min(7), appointmentAt: min(15) }),
    ];
    const expected = ids(orderForCounter(tickets, desk1, office, min(10)));
    expect(expected).toEqual(['d', 'a', 'c', 'b']);
    expect(ids(orderForCounter([...tickets].reverse(), desk1, office, min(10)))).toEqual(expected);
  });
});

describe('appointments booked for a counter', () => {
  const slot = min(30);
  const booked = makeTicket({
    id: 'b',
    concernId: 'housing',
    issuedAt: min(20),
    appointmentAt: slot,
    bookedCounterId: 'desk-2',
  });
  const walkIn = makeTicket({ id: 'w', concernId: 'housing', issuedAt: min(0) });

  it('given an appointment booked for desk-2, when it is due, then desk-2 calls it first and desk-1 does not see it', () => {
    expect(pickNext([walkIn, booked], desk2, office, min(25))?.id).toBe('b');
    expect(ids(orderForCounter([walkIn, booked], desk1, office, min(25)))).toEqual(['w']);
  });

  it('given the grace time (5 minutes) after its slot has passed, then desk-1 calls it too, before walk-ins', () => {
    expect(ids(orderForCounter([walkIn, booked], desk1, office, slot + 4 * MINUTE))).toEqual(['w']);
    expect(pickNext([walkIn, booked], desk1, office, slot + 5 * MINUTE)?.id).toBe('b');
  });

  it('given a grace time of 0, then every counter serving its concern calls it from its slot on', () => {
    const o = makeOffice((x) => {
      x.policy.appointmentGraceMinutes = 0;
    });
    expect(pickNext([walkIn, booked], desk1, o, slot)?.id).toBe('b');
  });
});
