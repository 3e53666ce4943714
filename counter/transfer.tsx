/**
 * Choose the concern the current visitor is sent to, or a named counter (the visitor then waits
 * for that counter only and is called there first); the visitor keeps number and arrival time.
 * The part served here may get an outcome first (optional).
 */
import { useState } from 'preact/hooks';
import type { ConcernPublic, CounterPublic } from '../core/api.ts';
import type { OutcomeConfig } from '../core/types.ts';
import { ConcernChoices } from './concern-choices.tsx';
import { CancelButton, StaffModal } from '../ui/staff-shell.tsx';

export interface TransferDialogProps {
  number: string;
  currentConcernId: string;
  concerns: ConcernPublic[];
  /** The other counters of the office. */
  counters: CounterPublic[];
  outcomes: OutcomeConfig[];
  onPick: (concernId: string, outcome?: string, toCounterId?: string) => void;
  onCancel: () => void;
}

/**
 * The concern a visitor sent to `counter` waits for: the current one when that counter serves it,
 * else the counter's own (first) concern.
 */
export function concernAtCounter(counter: CounterPublic, currentConcernId: string): string | undefined {
  return counter.concernIds.includes(currentConcernId) ? currentConcernId : counter.concernIds[0];
}

/** Concerns a visitor can be sent to: not the one they have, not the online-only ones. */
export function transferTargets(concerns: ConcernPublic[], currentConcernId: string): ConcernPublic[] {
  return concerns.filter((c) => c.id !== currentConcernId && !c.infoUrl);
}

export function TransferDialog({
  number,
  currentConcernId,
  concerns,
  counters,
  outcomes,
  onPick,
  onCancel,
}: TransferDialogProps) {
  const name = (id: string | undefined) => concerns.find((c) => c.id === id)?.name ?? id ?? '';
  const targets = transferTargets(concerns, currentConcernId);
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  return (
    <StaffModal titleId="transfer-title" wide testId="transfer-dialog" onCancel={onCancel}>
      <h2 id="transfer-title" class="staff-modal__title">
        {number} weiterleiten an …
      </h2>
      <p class="staff-modal__body">
        Die Person behält ihre Nummer und wartet mit ihrer Ankunftszeit für das neue Anliegen.
      </p>
      {outcomes.length ? (
        <div class="transfer__outcomes">
          <span class="staff-muted">Ergebnis hier (freiwillig):</span>
          {outcomes.map((o) => (
            <button
              key={o.id}
              type="button"
              aria-pressed={outcome === o.id}
              class={`staff-btn ${outcome === o.id ? 'staff-btn--primary' : 'staff-btn--quiet'}`}
              data-testid={`transfer-outcome-${o.id}`}
              onClick={() => setOutcome(outcome === o.id ? undefined : o.id)}
            >
              {o.name}
            </button>
          ))}
        </div>
      ) : null}
      {targets.length === 0 ? (
        <p class="staff-form__error">Es gibt kein anderes Anliegen.</p>
      ) : (
        <ConcernChoices
          concerns={targets}
          testIdPrefix="transfer-to-"
          onPick={(concernId) => onPick(concernId, outcome)}
        />
      )}
      {counters.length ? (
        <>
          <h3 class="transfer__heading">… oder an einen bestimmten Platz</h3>
          <div class="transfer" data-testid="transfer-counters">
            {counters.map((counter) => {
              const concernId = concernAtCounter(counter, currentConcernId);
              return (
                <button
                  key={counter.id}
                  type="button"
                  class="staff-btn staff-btn--action staff-btn--quiet transfer__item"
                  data-testid={`transfer-counter-${counter.id}`}
                  disabled={concernId === undefined}
                  onClick={() => concernId && onPick(concernId, outcome, counter.id)}
                >
                  <span class="staff-btn__label">{counter.name}</span>
                  <span class="staff-btn__hint">{name(concernId)}</span>
                </button>
              );
            })}
          </div>
        </>
      ) : null}
      <div class="staff-modal__actions">
        <CancelButton testId="transfer-cancel" onCancel={onCancel} />
      </div>
    </StaffModal>
  );
}
