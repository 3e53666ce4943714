/**
 * The visit of the visitor at the counter: its parts (done, now, next) and the current part's
 * documents checklist. Ticking documents helps the clerk check completeness; the ticks live in
 * this screen only and are never stored or sent.
 */
import { useState } from 'preact/hooks';
import './visit.css';
import type { TicketView, VisitPartView } from '../core/api.ts';
import { hyphenate } from '../ui/hyphenate.ts';

/** The part after the one now due that still waits, or undefined. */
export function nextPart(ticket: TicketView): VisitPartView | undefined {
  const due = ticket.concerns.findIndex((p) => p.due);
  return ticket.concerns.slice(due + 1).find((p) => p.status === 'waiting' || p.status === 'called');
}

const PART_STATE = (part: VisitPartView): 'done' | 'now' | 'later' | 'other' =>
  part.due ? 'now' : part.status === 'done' ? 'done' : part.status === 'waiting' ? 'later' : 'other';

const PART_HINT = { done: 'erledigt', now: 'jetzt', later: 'danach', other: 'beendet' } as const;

export interface VisitPartsProps {
  ticket: TicketView;
  /** German concern name by id (the ticket's own names are in the visitor's language). */
  concernName: (id: string) => string;
  outcomeName: (id: string) => string;
}

/** "Wohngeld ✓ Unterlagen fehlen · Bildung und Teilhabe jetzt · …" (nothing for a one-concern visit). */
export function VisitParts({ ticket, concernName, outcomeName }: VisitPartsProps) {
  if (ticket.concerns.length < 2) return null;
  return (
    <div class="visit" data-testid="visit-parts">
      <ol class="chips" aria-label="Anliegen dieses Besuchs">
        {ticket.concerns.map((part, i) => {
          const state = PART_STATE(part);
          return (
            <li
              key={`${part.concernId}-${i}`}
              class={`visit__part visit__part--${state}`}
              data-testid={`visit-part-${i}`}
              data-state={state}
              aria-current={state === 'now' ? 'step' : undefined}
            >
              <span class="visit__name">{hyphenate(concernName(part.concernId))}</span>
              <span class="visit__hint">
                {state === 'done' && part.outcome ? `✓ ${outcomeName(part.outcome)}` : PART_HINT[state]}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The current concern's documents to check, ticked in this screen only (render with a `key` per part). */
export function DocumentsChecklist({ documents }: { documents: string[] }) {
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  if (documents.length === 0) return null;
  const toggle = (i: number) => {
    const next = new Set(ticked);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    setTicked(next);
  };
  return (
    <fieldset class="documents" data-testid="documents">
      <legend class="documents__title">
        Unterlagen{' '}
        <span class="staff-muted" data-testid="documents-count">
          {ticked.size}/{documents.length}
        </span>
      </legend>
      {documents.map((document, i) => (
        <label key={document} class={`documents__item ${ticked.has(i) ? 'documents__item--ticked' : ''}`}>
          <input type="checkbox" checked={ticked.has(i)} data-testid={`document-${i}`} onChange={() => toggle(i)} />
          {document}
        </label>
      ))}
    </fieldset>
  );
}

/** "+ Anliegen" (key A): a concern found during the conversation joins the visit. */
export function AddConcernButton({ onAdd, locked }: { onAdd: () => void; locked: boolean }) {
  return (
    <button
      type="button"
      class="staff-btn staff-btn--quiet visit__add"
      data-testid="action-add-concern"
      aria-keyshortcuts="A"
      aria-label="Anliegen hinzufügen"
      disabled={locked}
      onClick={onAdd}
    >
      + Anliegen{' '}
      <span class="staff-kbd" aria-hidden="true">
        A
      </span>
    </button>
  );
}
