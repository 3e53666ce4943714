import { describe, expect, it } from 'vitest';
import { isCallable, pickNext } from './policy.ts';
import {
  checkRemote,
  confirmArrival,
  findRemoteTicket,
  isHeldRemote,
  numberKey,
  offersRemote,
  remoteLeft,
} from './remote.ts';
import { concernOf, errorOf, makeOffice, makeTicket, unwrap } from './test-fixtures.ts';
import { emptyDay } from './queue.ts';
import type { Counter } from './types.ts';

const office = makeOffice((o) => {
  o.remoteQuota = 2;
  concernOf(o, 'housing').remote = true;
  concernOf(o, 'online').remote = true; // info-only: never
});
const desk = office.counters.find((c) => c.id === 'desk-2') as Counter;

describe('numbers from on the way', () => {
  it('are offered only for ticket concerns marked remote, within the day quota', () => {
    expect(offersRemote(office, concernOf(office, 'housing'))).toBe(true);
    expect(offersRemote(office, concernOf(office, 'online'))).toBe(false);
    expect(offersRemote(office, concernOf(office, 'education'))).toBe(false);
    expect(offersRemote({ ...office, remoteQuota: 0 }, concernOf(office, 'housing'))).toBe(false);
    const day = emptyDay('2026-11-23');
    expect(unwrap(checkRemote(day, office, 'housing')).id).toBe('housing');
    expect(errorOf(checkRemote(day, office, 'education'))).toBe('REMOTE_NOT_OFFERED');
    expect(errorOf(checkRemote(day, office, 'nope'))).toBe('UNKNOWN_CONCERN');
    const two = [1, 2].map((i) => makeTicket({ id: `r${i}`, concernId: 'housing', issuedAt: i, remote: true }));
    const full = { ...day, tickets: two };
    expect(remoteLeft(full, office)).toBe(0);
    expect(errorOf(checkRemote(full, office, 'housing'))).toBe('QUOTA_REACHED');
  });

  it('are held from call-next until confirmed, unless the rule is "call"', () => {
    const remote = makeTicket({ id: 'r', concernId: 'housing', issuedAt: 1, remote: true });
    const walkIn = makeTicket({ id: 'w', concernId: 'housing', issuedAt: 2 });
    expect(isHeldRemote(remote, office)).toBe(true);
    expect(isCallable(remote, desk, office, 10)).toBe(false);
    expect(pickNext([remote, walkIn], desk, office, 10)?.id).toBe('w');
    const here = confirmArrival(remote, 5);
    expect(here.arrivedAt).toBe(5);
    expect(confirmArrival(here, 9)).toBe(here);
    expect(pickNext([here, walkIn], desk, office, 10)?.id).toBe('r');
    const calling = { ...office, remoteUnconfirmed: 'call' as const };
    expect(isHeldRemote(remote, calling)).toBe(false);
    expect(pickNext([remote, walkIn], desk, calling, 10)?.id).toBe('r');
  });

  it('are found by the number as typed or by the phone page token', () => {
    expect(numberKey('W-017')).toBe('W17');
    expect(numberKey(' w 17 ')).toBe('W17');
    expect(numberKey('12345678')).toBeNull();
    const t = makeTicket({
      id: 'r',
      concernId: 'housing',
      issuedAt: 1,
      remote: true,
      number: 'W-017',
      token: 'a'.repeat(22),
    });
    const walkIn = makeTicket({ id: 'w', concernId: 'housing', issuedAt: 2, number: 'W-018' });
    const day = { ...emptyDay('2026-11-23'), tickets: [t, walkIn] };
    expect(findRemoteTicket(day, 'w017')?.id).toBe('r');
    expect(findRemoteTicket(day, `https://amt.example/t/${'a'.repeat(22)}`)?.id).toBe('r');
    expect(findRemoteTicket(day, 'W-018')).toBeUndefined(); // not a remote number
    expect(findRemoteTicket({ ...day, tickets: [{ ...t, status: 'done' }] }, 'W-017')).toBeUndefined();
  });
});
