import { describe, expect, it } from 'vitest';
import { applyDelta, diffDay } from './day-delta.ts';
import { forAnyDay, mixedOffice, Simulation } from './test-queue-sim.ts';
import { RECENT_CALLS_CAP, type DayState, type Ticket } from './types.ts';

/** A journal replayed: every step's delta applied to the day the replay holds so far. */
function replayer() {
  let replayed: DayState | null = null;
  return (before: DayState, after: DayState) => {
    const delta = diffDay(replayed === null ? null : before, after);
    replayed = applyDelta(replayed, delta, RECENT_CALLS_CAP);
    expect(replayed).toEqual(after);
  };
}

describe('day deltas', () => {
  it('given any day of arrivals and clerk actions (with midnight), when each step is journalled as a delta and replayed, then the replay equals the day after every step', () => {
    forAnyDay(mixedOffice, { appointments: true, midnight: true, byNumber: true, visits: true }, (actions) => {
      const sim = new Simulation(mixedOffice, replayer());
      for (const a of actions) sim.run(a);
      sim.drain();
    });
  });

  it('given a step that changed one ticket and added one, then the delta holds exactly those two', () => {
    const ticket = (id: string, status: Ticket['status']): Ticket => ({
      id,
      token: id,
      number: id,
      concernId: 'c',
      day: '2026-03-02',
      status,
      language: 'de',
      issuedAt: 0,
      source: 'kiosk',
      callCount: 0,
    });
    const [a, b, c] = [ticket('a', 'waiting'), ticket('b', 'waiting'), ticket('c', 'waiting')];
    const prev: DayState = { ...emptyState(), tickets: [a, b] };
    const calledB = { ...b, status: 'called' as const };
    const next: DayState = { ...prev, tickets: [a, calledB, c] };
    const delta = diffDay(prev, next);
    expect(delta.kind === 'change' && delta.tickets).toEqual([calledB, c]);
  });

  it('given tickets that left their places (a list no queue step makes), then the changed ones are still found by id', () => {
    const base = emptyState();
    const t = (id: string, callCount: number): Ticket => ({
      id,
      token: id,
      number: id,
      concernId: 'c',
      day: base.day,
      status: 'waiting',
      language: 'de',
      issuedAt: 0,
      source: 'kiosk',
      callCount,
    });
    const [a, b] = [t('a', 0), t('b', 0)];
    const prev: DayState = { ...base, tickets: [a, b] };
    const b2 = t('b', 1);
    const next: DayState = { ...base, tickets: [b2, a] };
    const delta = diffDay(prev, next);
    expect(delta.kind === 'change' && delta.tickets).toEqual([b2]);
  });
});

function emptyState(): DayState {
  return new Simulation(mixedOffice, () => {}).state;
}
