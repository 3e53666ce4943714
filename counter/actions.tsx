/** The big buttons of the counter. Ticket actions are disabled while nobody is called. */
import type { ComponentChildren } from 'preact';
import type { CounterStatus } from '../core/types.ts';
import { type CounterAction, SHORTCUT_KEYS } from './keys.ts';

export interface ActionButtonProps {
  action: CounterAction;
  testId: string;
  variant: 'primary' | 'secondary' | 'success' | 'danger' | 'warn' | 'quiet';
  disabled: boolean;
  busy: boolean;
  onAction: (action: CounterAction) => void;
  children: ComponentChildren;
  hint?: string;
}

export function ActionButton({ action, testId, variant, disabled, busy, onAction, children, hint }: ActionButtonProps) {
  const key = SHORTCUT_KEYS[action];
  return (
    <button
      type="button"
      class={`staff-btn staff-btn--action staff-btn--${variant}`}
      data-testid={testId}
      disabled={disabled}
      aria-busy={busy}
      aria-keyshortcuts={key}
      onClick={() => onAction(action)}
    >
      <span class="staff-btn__label">{children}</span>
      {hint ? <span class="staff-btn__hint">{hint}</span> : null}
      {key ? (
        <span class="staff-kbd" aria-hidden="true">
          {key}
        </span>
      ) : null}
    </button>
  );
}

export interface TicketActionsProps {
  hasCurrent: boolean;
  /** The action running right now; every button waits for it. */
  busy: CounterAction | null;
  onAction: (action: CounterAction) => void;
}

export function TicketActions({ hasCurrent, busy, onAction }: TicketActionsProps) {
  const locked = busy !== null;
  return (
    <div class="actions">
      <ActionButton
        onAction={onAction}
        action="callNext"
        testId="action-call-next"
        variant="primary"
        disabled={locked}
        busy={busy === 'callNext'}
        hint="Nächste Person"
      >
        Aufrufen
      </ActionButton>
      <div class="actions__grid">
        <ActionButton
          onAction={onAction}
          action="recall"
          testId="action-recall"
          variant="secondary"
          disabled={locked || !hasCurrent}
          busy={busy === 'recall'}
        >
          Erneut aufrufen
        </ActionButton>
        <ActionButton
          onAction={onAction}
          action="complete"
          testId="action-complete"
          variant="success"
          disabled={locked || !hasCurrent}
          busy={busy === 'complete'}
        >
          Erledigt
        </ActionButton>
        <ActionButton
          onAction={onAction}
          action="noShow"
          testId="action-no-show"
          variant="danger"
          disabled={locked || !hasCurrent}
          busy={busy === 'noShow'}
        >
          Nicht erschienen
        </ActionButton>
        <ActionButton
          onAction={onAction}
          action="transfer"
          testId="action-transfer"
          variant="secondary"
          disabled={locked || !hasCurrent}
          busy={busy === 'transfer'}
        >
          Weiterleiten
        </ActionButton>
      </div>
    </div>
  );
}

export interface StatusActionsProps {
  status: CounterStatus;
  busy: CounterAction | null;
  onAction: (action: CounterAction) => void;
}

export function StatusActions({ status, busy, onAction }: StatusActionsProps) {
  const locked = busy !== null;
  return (
    <div class="status-actions">
      {status === 'open' ? (
        <ActionButton
          action="pause"
          testId="action-pause"
          variant="warn"
          disabled={locked}
          busy={busy === 'pause'}
          onAction={onAction}
        >
          Pause
        </ActionButton>
      ) : (
        <ActionButton
          action="resume"
          testId="action-resume"
          variant="success"
          disabled={locked}
          busy={busy === 'resume'}
          onAction={onAction}
        >
          {status === 'paused' ? 'Fortsetzen' : 'Öffnen'}
        </ActionButton>
      )}
      {status !== 'closed' ? (
        <ActionButton
          action="close"
          testId="action-close"
          variant="quiet"
          disabled={locked}
          busy={busy === 'close'}
          onAction={onAction}
        >
          Schließen
        </ActionButton>
      ) : null}
    </div>
  );
}
