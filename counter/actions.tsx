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

/** One button of a group; the group's running action marks it busy and disables the others. */
type ButtonSpec = Omit<ActionButtonProps, 'busy' | 'onAction' | 'children' | 'disabled'> & {
  label: ComponentChildren;
  disabled?: boolean;
};

/** Draws a group's buttons: each disabled while `locked` (or by its own `disabled`). */
function buttonsOf(running: CounterAction | null, onAction: (action: CounterAction) => void, locked: boolean) {
  return ({ label, disabled, ...spec }: ButtonSpec) => (
    <ActionButton
      key={spec.action}
      {...spec}
      disabled={locked || disabled === true}
      busy={running === spec.action}
      onAction={onAction}
    >
      {label}
    </ActionButton>
  );
}

/**
 * "Aufrufen" on top; below, what happens with the called visitor: arrived or not ("Person ist
 * da", "Erneut aufrufen", "Nicht erschienen"), then how the visit ends ("Erledigt", "Parken",
 * "Weiterleiten"). Once the visitor is there, the first two become "Im Gespräch seit …": a
 * recall makes no sense any more. Every button keeps its place.
 */
export function TicketActions({ current, busy, onAction, now, timeZone, maxCalls }: TicketActionsProps) {
  const locked = busy !== null;
  const none = current === null;
  const servedAt = current?.servedAt;
  const callsLeft = current ? maxCalls - current.callCount : maxCalls;
  const hint = current ? recallHint(current.callCount, maxCalls) : undefined;
  const button = buttonsOf(busy, onAction, locked);
  const decide = current && !servedAt && callsLeft <= 0 ? { hint: 'jetzt entscheiden' } : {};
  const arrival: ButtonSpec[] = [
    { action: 'start', testId: 'action-start', variant: 'success', disabled: none, label: 'Person ist da' },
    {
      action: 'recall',
      testId: 'action-recall',
      variant: 'secondary',
      disabled: none || callsLeft <= 0,
      label: 'Erneut aufrufen',
      ...(hint ? { hint } : {}),
    },
  ];
  const endings: ButtonSpec[] = [
    { action: 'noShow', testId: 'action-no-show', variant: 'danger', label: 'Nicht erschienen', ...decide },
    { action: 'complete', testId: 'action-complete', variant: 'success', label: 'Erledigt' },
    { action: 'park', testId: 'action-park', variant: 'secondary', label: 'Parken', hint: 'geht kurz weg' },
    { action: 'transfer', testId: 'action-transfer', variant: 'secondary', label: 'Weiterleiten' },
  ];
  return (
    <div class="desk-actions">
      {button({
        action: 'callNext',
        testId: 'action-call-next',
        variant: 'primary',
        hint: 'Nächste Person',
        label: 'Aufrufen',
      })}
      <div class="desk-actions__grid">
        {servedAt ? (
          <div class="desk-actions__serving" data-testid="in-service">
            <span class="desk-actions__serving-label">Im Gespräch seit {formatClock(servedAt, timeZone)} Uhr</span>
            <span class="desk-actions__serving-hint">Dauer {formatMinutes(minutesSince(servedAt, now))}</span>
          </div>
        ) : (
          arrival.map(button)
        )}
        {endings.map((spec) => button({ ...spec, disabled: none }))}
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
  const button = buttonsOf(busy, onAction, busy !== null);
  return (
    <div class="status-actions">
      {status === 'open'
        ? button({ action: 'pause', testId: 'action-pause', variant: 'warn', label: 'Pause' })
        : button({
            action: 'resume',
            testId: 'action-resume',
            variant: 'success',
            label: status === 'paused' ? 'Fortsetzen' : 'Öffnen',
          })}
      {status !== 'closed'
        ? button({ action: 'close', testId: 'action-close', variant: 'quiet', label: 'Schließen' })
        : null}
    </div>
  );
}
