/** What the clerk can do at the counter, and the keyboard shortcuts for it. */
import type { CounterStatus } from '../core/types.ts';

export type CounterAction =
  | 'callNext'
  | 'callSpecific'
  | 'start'
  | 'recall'
  | 'complete'
  | 'noShow'
  | 'park'
  | 'returnParked'
  | 'transfer'
  | 'addConcern'
  | 'pause'
  | 'resume'
  | 'close'
  | 'undo'
  | 'requeue';

/**
 * Shortcut letters as shown on the buttons. `P` toggles pause and resume. On completing, the
 * digits 1..n choose the outcome (see `complete.tsx`).
 */
export const SHORTCUT_KEYS: Partial<Record<CounterAction, string>> = {
  callNext: 'N',
  start: 'S',
  recall: 'R',
  complete: 'C',
  noShow: 'X',
  park: 'K',
  transfer: 'T',
  addConcern: 'A',
  pause: 'P',
  resume: 'P',
  undo: 'Z',
};

/** The action for a pressed key (`KeyboardEvent.key`), or null. */
export function actionForKey(key: string, status: CounterStatus): CounterAction | null {
  switch (key.toLowerCase()) {
    case 'n':
      return 'callNext';
    case 's':
      return 'start';
    case 'r':
      return 'recall';
    case 'c':
      return 'complete';
    case 'x':
      return 'noShow';
    case 'k':
      return 'park';
    case 't':
      return 'transfer';
    case 'a':
      return 'addConcern';
    case 'p':
      return status === 'open' ? 'pause' : 'resume';
    case 'z':
      return 'undo';
    default:
      return null;
  }
}

/** True when a key press belongs to a text field or a modified shortcut, not to the counter. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)) ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT'
  );
}

/** The index (0-based) of the outcome a digit key chooses, or null (`1` is the first outcome). */
export function outcomeIndexForKey(key: string, count: number): number | null {
  if (!/^[1-9]$/.test(key)) return null;
  const index = Number(key) - 1;
  return index < count ? index : null;
}
