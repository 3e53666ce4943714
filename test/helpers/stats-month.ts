/**
 * A generated month of office days with known figures (November 2026, the demo office's hours:
 * Mon 9:00–12:30, Tue 13:00–17:30, Thu 9:00–12:30, Europe/Berlin = UTC+1 all month).
 *
 * Each day's tickets come in blocks of ten of one concern (housing, education, documents in turn).
 * In every block, by position j:
 *   j = 0..7  served; waits 2, 4, 6, 8, 10, 12, 14, 16 min; service 5, 5, 6, 6, 7, 7, 8, 20 min
 *   j = 8     no-show after a wait of 25 min
 *   j = 9     cancelled at the end of the day (never called)
 * so over any number of blocks: waits of the called nine: mean 97/9 = 10.8, median 10, p90 25,
 * 8 of 9 within 20 min (0.889); services: mean 64/8 = 8, median 6 (4th of 8).
 * Housing blocks: j = 0 has an appointment 5 min after check-in (early, wait after slot 0);
 * j = 1 checked in 3 min after its slot (late, wait after slot 4). Documents blocks: j = 7 came
 * by a transfer. Counters: housing at desk-2, education at desk-3, documents at desk-1.
 * Arrivals per day spread over the opening hours: Mon/Thu 30 %, 30 %, 30 % in the hours from 9,
 * 10, 11 and 10 % from 12; Tue 20 %, 20 %, 20 %, 30 %, 10 % in the hours from 13 to 17.
 */
import { instantOf } from '../../core/localtime.ts';
import { emptyDay } from '../../core/queue.ts';
import { bucketsOf } from '../../core/stats.ts';
import type { Ticket } from '../../core/types.ts';
import { openLowdbStore } from '../../server/store/lowdb-store.ts';

export const TZ = 'Europe/Berlin';

/** Tickets per office day (multiples of ten: whole blocks). */
export const MONTH_DAYS: Record<string, number> = {
  '2026-11-02': 60, // Mon, W45
  '2026-11-03': 70, // Tue
  '2026-11-05': 50, // Thu
  '2026-11-09': 70, // Mon, W46
  '2026-11-10': 80,
  '2026-11-12': 60,
  '2026-11-16': 80, // Mon, W47
  '2026-11-17': 80,
  '2026-11-19': 60,
  '2026-11-23': 50, // Mon, W48
  '2026-11-24': 60,
  '2026-11-26': 40,
  '2026-11-30': 50, // Mon, W49
};

const CONCERNS = ['housing', 'education', 'documents'] as const;
const PREFIX: Record<string, string> = { housing: 'W', education: 'B', documents: 'U' };
const COUNTER: Record<string, string> = { housing: 'desk-2', education: 'desk-3', documents: 'desk-1' };
const WAITS = [2, 4, 6, 8, 10, 12, 14, 16, 25];
const SERVICES = [5, 5, 6, 6, 7, 7, 8, 20];
const MIN = 60_000;

/** Arrival hours of a weekday with the share of the day's tickets in each. */
function hourShares(day: string): [number, number][] {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (weekday === 2) {
    return [
      [13, 0.2],
      [14, 0.2],
      [15, 0.2],
      [16, 0.3],
      [17, 0.1],
    ];
  }
  return [
    [9, 0.3],
    [10, 0.3],
    [11, 0.3],
    [12, 0.1],
  ];
}

/** Issue instants of a day's `n` tickets, evenly spread inside each arrival hour. */
function issueTimes(day: string, n: number): number[] {
  const times: number[] = [];
  for (const [hour, share] of hourShares(day)) {
    const count = Math.round(n * share);
    const span = hour === 12 || hour === 17 ? 30 : 60;
    for (let k = 0; k < count; k++) times.push(instantOf(day, hour * 60 + (k * span) / count, TZ));
  }
  return times;
}

export function monthDayTickets(day: string): Ticket[] {
  const n = MONTH_DAYS[day] ?? 0;
  const times = issueTimes(day, n);
  const running: Record<string, number> = {};
  const end = instantOf(day, 18 * 60, TZ);
  return times.map((issuedAt, i) => {
    const block = Math.floor(i / 10);
    const j = i % 10;
    const concernId = CONCERNS[block % 3] as string;
    running[concernId] = (running[concernId] ?? 0) + 1;
    const t: Ticket = {
      id: `${day}-${i}`,
      token: `gen${day.replace(/-/g, '')}${String(i).padStart(6, '0')}xyz`,
      number: `${PREFIX[concernId]}-${String(running[concernId]).padStart(3, '0')}`,
      concernId,
      day,
      status: j < 8 ? 'done' : j === 8 ? 'no-show' : 'cancelled',
      language: 'de',
      issuedAt,
      source: 'kiosk',
      callCount: j < 9 ? 1 : 0,
    };
    if (j < 9) {
      t.firstCalledAt = issuedAt + (WAITS[j] as number) * MIN;
      t.calledAt = t.firstCalledAt;
      t.counterId = COUNTER[concernId] as string;
      t.closedAt = t.calledAt + (j < 8 ? (SERVICES[j] as number) : 3) * MIN;
    } else {
      t.closedAt = end;
      t.cancelReason = 'day-ended';
    }
    if (concernId === 'housing' && j === 0) t.appointmentAt = issuedAt + 5 * MIN;
    if (concernId === 'housing' && j === 1) t.appointmentAt = issuedAt - 3 * MIN;
    if (t.appointmentAt !== undefined) t.appointmentId = `ap-${t.id}`;
    if (concernId === 'documents' && j === 7) t.transferredFrom = ['certificates'];
    return t;
  });
}

/** Archives the generated month into a data folder, as the server does at each day's end. */
export async function writeMonth(dataDir: string): Promise<void> {
  const store = await openLowdbStore(dataDir);
  try {
    for (const day of Object.keys(MONTH_DAYS)) {
      const tickets = monthDayTickets(day);
      await store.transact(async (tx) => {
        await tx.archiveDay({ ...emptyDay(day), tickets }, bucketsOf(tickets, TZ));
        return { next: null, value: undefined };
      });
    }
  } finally {
    await store.close();
  }
}

/** Blocks of ten per concern over the month (see the table in the header). */
export const MONTH_BLOCKS = { housing: 31, education: 28, documents: 22 } as const;
