/**
 * The counter's view of the live queue against what its actions do: the list "Als Nächstes"
 * must show first whom call-next calls, also with N:1 interleaving of appointment holders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDay } from '../core/queue.ts';
import { at, MINUTE, makeOffice, makeTicket } from '../core/test-fixtures.ts';
import type { DayState } from '../core/types.ts';
import { QueueService } from './queue-service.ts';
import { openLowdbStore } from './store/lowdb-store.ts';

const T0 = at('2026-03-02T08:00:00Z');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function serviceWith(day: DayState, now: number, interleave: number): Promise<QueueService> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-queue-service-'));
  dirs.push(dir);
  const store = await openLowdbStore(dir);
  await store.transact(async () => ({ next: day, value: undefined }));
  const office = makeOffice((o) => {
    o.policy.priorityInterleave = interleave;
  });
  const service = new QueueService(
    store,
    () => office,
    () => now,
  );
  await service.init();
  return service;
}

describe('QueueService.counterView: the next list is the order call-next uses', () => {
  const cases = [
    {
      story:
        'given interleaving 1:1 and a counter that has just called an appointment holder, when the clerk looks at "Als Nächstes", then the walk-in call-next picks is listed first',
      priorityStreak: 1,
      order: ['w', 'h'],
    },
    {
      story: 'given the same day without a streak, then the appointment holder is listed and called first',
      priorityStreak: undefined,
      order: ['h', 'w'],
    },
  ];
  for (const { story, priorityStreak, order } of cases) {
    it(story, async () => {
      const now = T0 + 5 * MINUTE;
      const walkIn = makeTicket({ id: 'w', concernId: 'housing', issuedAt: T0 });
      const holder = makeTicket({ id: 'h', concernId: 'housing', issuedAt: T0 + MINUTE, appointmentAt: now });
      const day: DayState = {
        ...emptyDay('2026-03-02'),
        tickets: [walkIn, holder],
        counters: {
          'desk-2': { counterId: 'desk-2', status: 'open', ...(priorityStreak ? { priorityStreak } : {}) },
        },
      };
      const service = await serviceWith(day, now, 1);
      const listed = service.counterView('desk-2')?.next.map((t) => t.ticketId);
      const called = await service.callNext('desk-2');
      expect(called.ok && called.value?.id).toBe(order[0]);
      expect(listed).toEqual(order);
      service.stop();
    });
  }
});
