/**
 * What the pages that keep a list of entries (concerns, counters, kiosks, outcomes) share: the
 * button that adds one, the focus on a new entry's name, the arrows that move one, and the
 * question before one is removed.
 */
import { type Signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { ConfirmDialog } from '../ui/staff-shell.tsx';
import { fieldId, IconButton } from './config-fields.tsx';

/** Focuses the field of `path` once the page shows it (the name of an entry just added). */
export function focusSoon(path: string): void {
  setTimeout(() => document.getElementById(fieldId(path))?.focus(), 0);
}

interface EntryButtonProps {
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  title?: string;
  children?: ComponentChildren;
}

/** A text button that adds or removes an entry. */
function EntryButton({ kind, testId, onClick, disabled, title, children }: EntryButtonProps & { kind: string }) {
  return (
    <button type="button" class={kind} data-testid={testId} disabled={disabled} title={title} onClick={onClick}>
      {children}
    </button>
  );
}

/** The button below a list that adds an entry ("+ Neuer Platz"). */
export function AddButton(props: EntryButtonProps) {
  return (
    <div>
      <EntryButton kind="staff-btn staff-btn--secondary" {...props} />
    </div>
  );
}

/** The quiet red button that removes an entry (a concern, a counter, a kiosk). */
export function RemoveButton({ children = 'Entfernen', ...props }: EntryButtonProps) {
  return (
    <EntryButton kind="staff-btn staff-btn--quiet cfg-danger-text" {...props}>
      {children}
    </EntryButton>
  );
}

/** The arrows that move entry `index` of `count` one place up (↑) or down (↓). */
export function MoveButtons({
  index,
  count,
  up,
  down,
  testId,
  onMove,
}: {
  index: number;
  count: number;
  /** The accessible names of the two arrows. */
  up: string;
  down: string;
  testId: (direction: 'up' | 'down') => string;
  onMove: (delta: -1 | 1) => void;
}) {
  return (
    <>
      <IconButton label={up} disabled={index === 0} testId={testId('up')} onClick={() => onMove(-1)}>
        ↑
      </IconButton>
      <IconButton label={down} disabled={index === count - 1} testId={testId('down')} onClick={() => onMove(1)}>
        ↓
      </IconButton>
    </>
  );
}

/**
 * Asks before the entry in `removing` goes ("„Platz 3“ entfernen?"); shows nothing while no
 * entry is asked about, or when the entry is gone already.
 */
export function RemoveDialog<T>({
  removing,
  entries,
  nameOf,
  onRemove,
  children,
}: {
  /** The index of the entry asked about, `null` while there is none. */
  removing: Signal<number | null>;
  entries: readonly T[];
  /** The entry's name for the question. */
  nameOf: (entry: T) => string;
  onRemove: (index: number) => void;
  /** What removing the entry means (for the entry at an index). */
  children: ComponentChildren | ((index: number) => ComponentChildren);
}) {
  const index = removing.value;
  const entry = index === null ? undefined : entries[index];
  if (index === null || entry === undefined) return null;
  const close = () => {
    removing.value = null;
  };
  return (
    <ConfirmDialog
      title={`„${nameOf(entry)}“ entfernen?`}
      confirmLabel="Entfernen"
      danger
      onCancel={close}
      onConfirm={() => {
        close();
        onRemove(index);
      }}
    >
      {typeof children === 'function' ? children(index) : children}
    </ConfirmDialog>
  );
}

/**
 * Entries shown as cards (counters, kiosks), the add button below them, and the question before
 * one is removed; `empty` stands instead of the cards while there is none.
 */
export function EntryCards<T>({
  entries,
  card,
  empty,
  add,
  addLabel,
  addTestId,
  nameOf,
  remove,
  removeNote,
}: {
  entries: readonly T[];
  /** The card of an entry; `onRemove` asks before removing it. */
  card: (entry: T, index: number, onRemove: () => void) => ComponentChildren;
  empty?: ComponentChildren;
  add: () => void;
  addLabel: string;
  addTestId: string;
  nameOf: (entry: T) => string;
  remove: (index: number) => void;
  /** What removing an entry means. */
  removeNote: ComponentChildren;
}) {
  const removing = useSignal<number | null>(null);
  return (
    <>
      {entries.length === 0 && empty ? (
        empty
      ) : (
        <div class="cfg-cards">
          {entries.map((entry, i) =>
            card(entry, i, () => {
              removing.value = i;
            }),
          )}
        </div>
      )}
      <AddButton testId={addTestId} onClick={add}>
        {addLabel}
      </AddButton>
      <RemoveDialog removing={removing} entries={entries} nameOf={nameOf} onRemove={remove}>
        {removeNote}
      </RemoveDialog>
    </>
  );
}
