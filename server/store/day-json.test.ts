import { describe, expect, it } from 'vitest';
import { makeTicket } from '../../core/test-fixtures.ts';
import { emptyDay } from '../../core/queue-state.ts';
import { dayFileJson } from './day-json.ts';

describe('the live day as snapshot JSON', () => {
  it('given a day of more tickets than one turn writes, then the JSON reads back as the day, and as JSON.stringify would', async () => {
    const tickets = Array.from({ length: 1_234 }, (_, i) =>
      makeTicket({ id: `t${i}`, concernId: i % 3 ? 'a' : 'b', issuedAt: i, status: i % 5 ? 'done' : 'waiting' }),
    );
    const file = { state: { ...emptyDay('2026-12-05', 7), tickets, lastNumber: { a: 800 } }, journalN: 42 };
    const json = await dayFileJson(file);
    expect(JSON.parse(json)).toEqual(file);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(file)));
  });

  it('given a ticket written before, when the day changes, then the changed ticket is written as it is now', async () => {
    const first = makeTicket({ id: 'a', concernId: 'c', issuedAt: 1 });
    const day = { ...emptyDay('2026-12-05'), tickets: [first] };
    await dayFileJson({ state: day, journalN: 1 });
    const called = { ...first, status: 'called' as const, calledAt: 5 };
    const json = await dayFileJson({ state: { ...day, tickets: [called] }, journalN: 2 });
    expect(JSON.parse(json).state.tickets).toEqual([called]);
  });

  it('given no day yet, then the file says so', async () => {
    expect(JSON.parse(await dayFileJson({ state: null, journalN: 0 }))).toEqual({ state: null, journalN: 0 });
  });
});
