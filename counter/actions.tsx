/** The big buttons of the counter. Ticket actions are disabled while nobody is called. */
import type { ComponentChildren } from 'preact';
import type { TicketView } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import { formatClock, formatMinutes, minutesSince } from '../ui/staff-format.ts';
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
  /** The visitor at the counter, or null. */
  current: TicketView | null;
  /** The action running right now; every button waits for it. */
  busy: CounterAction | null;
  onAction: (action: CounterAction) => void;
  now: number;
  timeZone: string;
  /** Calls after which the office expects a no-show (the recall is refused then). */
  maxCalls: number;
}

/** The recall button's hint: whether the next recall is the last one, or none is left. */
export function recallHint(callCount: number, maxCalls: number): string | undefined {
  if (callCount >= maxCalls) return `${maxCalls} Aufrufe erreicht`;
  if (callCount === maxCalls - 1) return 'letzter Aufruf';
  return undefined;
}

/**
 * "Aufrufen" on top; below, what happens with the called visitor: arrived or not ("Person ist
 * da", "Erneut aufrufen", "Nicht erschienen"), then how the visit ends ("Erledigt", "Parken",
 * "Weiterleiten"). Once the visitor is there, the first two become "Im Gespräch seit …": a
 * recall makes no sense any more. Every button keeps its place.
 */
export function TicketActions({ current, busy, onAction, now, timeZone, maxCalls }: TicketActionsProps) {
  const locked = busy !== null;
  const none = locked || current === null;
  const servedAt = current?.servedAt;
  const callsLeft = current ? maxCalls - current.callCount : maxCalls;
  const hint = current ? recallHint(current.callCount, maxCalls) : undefined;
  return (
    <div class="desk-actions">
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
      <div class="desk-actions__grid">
        {servedAt ? (
          <div class="desk-actions__serving" data-testid="in-service">
            <span class="desk-actions__serving-label">Im Gespräch seit {formatClock(servedAt, timeZone)} Uhr</span>
            <span class="desk-actions__serving-hint">Dauer {formatMinutes(minutesSince(servedAt, now))}</span>
          </div>
        ) : (
          <>
            <ActionButton
              onAction={onAction}
              action="start"
              testId="action-start"
              variant="success"
              disabled={none}
              busy={busy === 'start'}
            >
              Person ist da
            </ActionButton>
            <ActionButton
              onAction={onAction}
              action="recall"
              testId="action-recall"
              variant="secondary"
              disabled={none || callsLeft <= 0}
              busy={busy === 'recall'}
              {...(hint ? { hint } : {})}
            >
              Erneut aufrufen
            </ActionButton>
          </>
        )}
        <ActionButton
          onAction={onAction}
          action="noShow"
          testId="action-no-show"
          variant="danger"
          disabled={none}
          busy={busy === 'noShow'}
          {...(current && !servedAt && callsLeft <= 0 ? { hint: 'jetzt entscheiden' } : {})}
        >
          Nicht erschienen
        </ActionButton>
        <ActionButton
          onAction={onAction}
          action="complete"
          testId="action-complete"
          variant="success"
          disabled={none}
          busy={busy === 'complete'}
        >
          Erledigt
        </ActionButton>
        <ActionButton
          onAction={onAction}
          action="park"
          testId="action-park"
          variant="secondary"
          disabled={none}
          busy={busy === 'park'}
          hint="geht kurz weg"
        >
          Parken
        </ActionButton>
        <ActionButton
          onAction={onAction}
          action="transfer"
          testId="action-transfer"
          variant="secondary"
          disabled={none}
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
