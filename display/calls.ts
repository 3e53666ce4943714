/**
 * Pure list operations of the lobby screen, every one capped so a screen that runs for
 * months keeps a constant amount of memory.
 */
import type { CalledView, CallView } from '../core/api.ts';

/** How many "last calls" the screen shows. */
export const RECENT_CAP = 10;
/** More current calls than this do not fit on the screen. */
export const CALLED_CAP = 8;

/** Merges calls into the "last calls" list: newest first, one entry per seq, capped. */
export function mergeRecent(
  incoming: readonly CallView[],
  existing: readonly CallView[],
  cap = RECENT_CAP,
): CallView[] {
  const bySeq = new Map<number, CallView>();
  for (const call of [...incoming, ...existing]) if (!bySeq.has(call.seq)) bySeq.set(call.seq, call);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, cap);
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
