/**
 * Pure list operations of the lobby screen, every one capped so a screen that runs for
 * months keeps a constant amount of memory.
 */
import type { CalledView, CallView, OfficePublic } from '../core/api.ts';

/** How many "last calls" the screen shows. */
export const RECENT_CAP = 10;
/** How many it keeps, so the list stays full when some are hidden (no-shows). */
export const RECENT_KEEP = 2 * RECENT_CAP;
/** More current calls than this do not fit on the screen. */
export const CALLED_CAP = 8;

/**
 * Merges calls into the "last calls" list: newest first, each number once (its latest call, so a
 * recall moves the number to the top), capped.
 */
export function mergeRecent(
  incoming: readonly CallView[],
  existing: readonly CallView[],
  cap = RECENT_CAP,
): CallView[] {
  const byNumber = new Map<string, CallView>();
  for (const call of [...incoming, ...existing]) {
    const seen = byNumber.get(call.number);
    if (!seen || call.seq > seen.seq) byNumber.set(call.number, call);
  }
  return [...byNumber.values()].sort((a, b) => b.seq - a.seq).slice(0, cap);
}

/** The "last calls" to show: without visitors who did not come (`noShows`: their numbers), capped. */
export function shownRecent(
  recent: readonly CallView[],
  noShows: readonly string[] | undefined,
  cap = RECENT_CAP,
): CallView[] {
  const gone = new Set(noShows ?? []);
  return recent.filter((c) => !gone.has(c.number)).slice(0, cap);
}

/**
 * The current calls after a new call, before the server's next queue snapshot arrives:
 * the called number goes to the top, replacing what its counter showed before.
 */
export function applyCall(called: readonly CalledView[], call: CallView, cap = CALLED_CAP): CalledView[] {
  const entry: CalledView = {
    number: call.number,
    concernId: call.concernId,
    counterId: call.counterId,
    counterName: call.counterName,
    calledAt: call.calledAt,
  };
  const rest = called.filter((c) => c.counterId !== call.counterId && c.number !== call.number);
  return [entry, ...rest].slice(0, cap);
}

/** Identifies one call on screen: the same number at the same counter. */
export function callKey(call: { number: string; counterId: string }): string {
  return `${call.number}@${call.counterId}`;
}

// ---------------------------------------------------------------------------------------------
// A screen limited to an area or to some counters (see settings.ts)
// ---------------------------------------------------------------------------------------------

export interface ScreenScope {
  /** Only counters of this area (compared without regard to case and outer spaces). */
  area?: string | null;
  /** Only these counters. With `area` too: counters that match both. */
  counterIds?: readonly string[] | null;
}

const sameArea = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The counters a screen shows; null when it shows all of them. */
export function scopeCounterIds(
  office: Pick<OfficePublic, 'counters'> | null,
  scope: ScreenScope | undefined,
): Set<string> | null {
  const area = scope?.area ?? null;
  const ids = scope?.counterIds ?? null;
  if (area === null && ids === null) return null;
  const counters = office?.counters ?? [];
  return new Set(
    counters
      .filter(
        (c) =>
          (area === null || (c.area !== undefined && sameArea(c.area, area))) && (ids === null || ids.includes(c.id)),
      )
      .map((c) => c.id),
  );
}

/** Whether a call (or current call) belongs on the screen. */
export function inScope(call: { counterId: string }, counters: ReadonlySet<string> | null): boolean {
  return counters === null || counters.has(call.counterId);
}

/** The concerns served by the screen's counters; null when the screen shows all. */
export function scopeConcernIds(
  office: Pick<OfficePublic, 'counters'> | null,
  counters: ReadonlySet<string> | null,
): Set<string> | null {
  if (counters === null) return null;
  return new Set((office?.counters ?? []).filter((c) => counters.has(c.id)).flatMap((c) => c.concernIds));
}

/** Waiting counts of the concerns the screen's counters serve. */
export function filterWaiting<T extends { concernId: string }>(
  waiting: readonly T[],
  concerns: ReadonlySet<string> | null,
): T[] {
  return concerns === null ? [...waiting] : waiting.filter((w) => concerns.has(w.concernId));
}

/**
 * When the screen asks for an area no counter has (a typo in the address, a renamed area): the
 * areas the counters do have, to name on screen. Null when the area is known or none is asked for.
 */
export function unknownArea(
  office: Pick<OfficePublic, 'counters'> | null,
  area: string | null | undefined,
): { area: string; known: string[] } | null {
  if (!office || !area) return null;
  const known = [...new Set(office.counters.flatMap((c) => (c.area ? [c.area.trim()] : [])))];
  if (known.some((a) => sameArea(a, area))) return null;
  return { area, known };
}
