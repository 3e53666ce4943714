/**
 * "Rückgängig" after a no-show, completion or transfer: says what was done and offers to take it
 * back while the server still accepts it (a countdown from the seconds the view reported).
 */
import { useEffect, useState } from 'preact/hooks';
import type { UndoView } from '../core/api.ts';

const DONE: Record<UndoView['action'], string> = {
  'no-show': 'als „nicht erschienen“ vermerkt',
  complete: 'abgeschlossen',
  transfer: 'weitergeleitet',
};

export interface UndoBarProps {
  undo: UndoView | undefined;
  /** When the view carrying `undo` arrived (`Date.now()`). */
  viewAt: number;
  locked: boolean;
  onUndo: () => void;
}

export function UndoBar({ undo, viewAt, locked, onUndo }: UndoBarProps) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!undo) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [undo, viewAt]);
  if (!undo) return null;
  const left = undo.secondsLeft - Math.floor((now - viewAt) / 1000);
  if (left <= 0) return null;
  return (
    <div class="undo-bar" role="status" data-testid="undo-bar" data-action={undo.action}>
      <span class="undo-bar__text">
        {undo.number} ist {DONE[undo.action]}.
      </span>
      <button
        type="button"
        class="staff-btn staff-btn--secondary undo-bar__button"
        data-testid="action-undo"
        aria-keyshortcuts="Z"
        disabled={locked}
        onClick={onUndo}
      >
        Rückgängig{' '}
        <span class="undo-bar__seconds" data-testid="undo-seconds">
          ({left} s)
        </span>{' '}
        <span class="staff-kbd" aria-hidden="true">
          Z
        </span>
      </button>
    </div>
  );
}
