/**
 * Writes a data folder with `tickets` historical tickets spread over archived days (as the
 * lowdb store lays them out), so a benchmark can compare a fresh office with a busy past.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays } from '../core/localtime.ts';
import { bucketsOf } from '../core/stats.ts';
import type { Ticket } from '../core/types.ts';

const CONCERNS = [
  ['housing', 'W'],
  ['education', 'B'],
  ['subsistence', 'H'],
  ['documents', 'U'],
  ['certificates', 'C'],
] as const;

export function writeHistory(dataDir: string, tickets: number, perDay = 500, lastDay = '2026-11-20'): number {
  mkdirSync(join(dataDir, 'archive'), { recursive: true });
  mkdirSync(join(dataDir, 'stats'), { recursive: true });
  const days = Math.ceil(tickets / perDay);
  let written = 0;
  for (let d = 0; d < days; d++) {
    const day = addDays(lastDay, -d);
    const start = Date.parse(`${day}T08:00:00Z`);
    const list: Ticket[] = [];
    const counters: Record<string, number> = {};
    for (let i = 0; i < perDay && written < tickets; i++, written++) {
      const [concernId, prefix] = CONCERNS[i % CONCERNS.length] as (typeof CONCERNS)[number];
      counters[concernId] = (counters[concernId] ?? 0) + 1;
      const issuedAt = start + i * 50_000;
      const calledAt = issuedAt + ((i * 7919) % 40) * 60_000;
      list.push({
        id: `h-${day}-${i}`,
        token: `hist${day.replace(/-/g, '')}${String(i).padStart(8, '0')}`,
        number: `${prefix}-${String(counters[concernId]).padStart(3, '0')}`,
        concernId,
        day,
        status: i % 17 === 0 ? 'no-show' : 'done',
        language: 'de',
        issuedAt,
        source: 'kiosk',
        callCount: 1,
        calledAt,
        firstCalledAt: calledAt,
        closedAt: calledAt + (3 + (i % 9)) * 60_000,
        counterId: 'desk-1',
      });
    }
    writeFileSync(join(dataDir, 'archive', `${day}.json`), JSON.stringify({ day, tickets: list }));
    writeFileSync(
      join(dataDir, 'stats', `${day}.json`),
      JSON.stringify({ day, buckets: bucketsOf(list, 'Europe/Berlin') }),
    );
  }
  return written;
}
