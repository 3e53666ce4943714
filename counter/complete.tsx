/**
 * Completing the current concern: one touch or one digit key records the outcome. When the visit
 * has another concern, the clerk chooses first whether it goes on right here ("Gleich hier
 * weiter", only when this counter serves it) or the visitor waits for it with the original
 * arrival time ("Wartet auf nächstes Anliegen").
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TicketView } from '../core/api.ts';
import type { OutcomeConfig } from '../core/types.ts';
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';
import type { CompleteChoice } from './desk-actions.ts';
import { outcomeIndexForKey } from './keys.ts';
import { nextPart } from './visit.tsx';

export interface CompleteDialogProps {
  ticket: TicketView;
  outcomes: OutcomeConfig[];
  /** Concerns this counter serves (for "Gleich hier weiter"). */
  servedHere: string[];
  concernName: (id: string) => string;
  onComplete: (choice: CompleteChoice) => void;
  onCancel: () => void;
}

export function CompleteDialog({
  ticket,
  outcomes,
  servedHere,
  concernName,
  onComplete,
  onCancel,
}: CompleteDialogProps) {
  const next = nextPart(ticket);
  const canContinue = next !== undefined && servedHere.includes(next.concernId);
  const [continueHere, setContinueHere] = useState(canContinue);
  const choose = (outcome?: string) => onComplete({ ...(outcome ? { outcome } : {}), continueHere });
  const chooseRef = useRef(choose);
  chooseRef.current = choose;

  // Digits choose an outcome, 0 completes without one; H and W pick what follows. Listening from
  // the moment the dialog is in the page (a layout effect, not one after the next paint): a clerk
  // who types C and then a digit at once must not lose the digit.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const index = outcomeIndexForKey(event.key, outcomes.length);
      const key = event.key.toLowerCase();
      if (index !== null) chooseRef.current(outcomes[index]?.id);
      else if (event.key === '0') chooseRef.current();
      else if (key === 'h' && canContinue) setContinueHere(true);
      else if (key === 'w' && next) setContinueHere(false);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [outcomes, canContinue]);

  return (
    <StaffModal titleId="complete-title" wide testId="complete-dialog" onCancel={onCancel}>
      <h2 id="complete-title" class="staff-modal__title">
        {ticket.number}: „{concernName(ticket.concernId)}“ abschließen
      </h2>
      {next ? (
        <div class="complete__next" data-testid="complete-next">
          <p class="staff-modal__body">
            Danach: <strong>„{concernName(next.concernId)}“</strong>
          </p>
          <div class="complete__choice">
            {canContinue ? (
              <button
                type="button"
                aria-pressed={continueHere}
                class={`staff-btn staff-btn--big ${continueHere ? 'staff-btn--primary' : 'staff-btn--secondary'}`}
                data-testid="complete-continue-here"
                onClick={() => setContinueHere(true)}
              >
                Gleich hier weiter <kbd class="staff-kbd">H</kbd>
              </button>
            ) : null}
            <button
              type="button"
              aria-pressed={!continueHere}
              class={`staff-btn staff-btn--big ${continueHere ? 'staff-btn--secondary' : 'staff-btn--primary'}`}
              data-testid="complete-wait"
              onClick={() => setContinueHere(false)}
            >
              Wartet auf nächstes Anliegen <kbd class="staff-kbd">W</kbd>
            </button>
          </div>
        </div>
      ) : null}
      <p class="staff-modal__body">{outcomes.length ? 'Ergebnis (eine Taste genügt):' : 'Anliegen abschließen:'}</p>
      <div class="complete__outcomes">
        {outcomes.map((outcome, i) => (
          <button
            key={outcome.id}
            type="button"
            class="staff-btn staff-btn--action staff-btn--success complete__outcome"
            data-testid={`outcome-${outcome.id}`}
            aria-keyshortcuts={String(i + 1)}
            data-autofocus={i === 0 ? true : undefined}
            onClick={() => choose(outcome.id)}
          >
            <span class="staff-kbd" aria-hidden="true">
              {i + 1}
            </span>
            <span class="staff-btn__label">{outcome.name}</span>
          </button>
        ))}
        <button
          type="button"
          class={`staff-btn staff-btn--action complete__outcome ${outcomes.length ? 'staff-btn--secondary' : 'staff-btn--success'}`}
          data-testid="outcome-none"
          aria-keyshortcuts="0"
          data-autofocus={outcomes.length ? undefined : true}
          onClick={() => choose()}
        >
          <span class="staff-kbd" aria-hidden="true">
            0
          </span>
          <span class="staff-btn__label">{outcomes.length ? 'Ohne Ergebnis' : 'Abschließen'}</span>
        </button>
      </div>
      <div class="staff-modal__actions">
        <CancelButton testId="complete-cancel" onCancel={onCancel} />
      </div>
    </StaffModal>
  );
}
