/**
 * The visitor at the counter: number (large), concern, waiting time, calls; "Im Gespräch" once
 * started; the visit's parts and the current concern's documents checklist.
 */
import type { ComponentChildren } from 'preact';
import type { TicketView } from '../core/api.ts';
import type { CounterStatus } from '../core/types.ts';
import { hyphenate } from '../ui/hyphenate.ts';
import { GERMAN_LANGUAGE_NAMES, formatClock, formatMinutes, minutesSince } from '../ui/staff-format.ts';

export interface CurrentTicketProps {
  ticket: TicketView | null;
  status: CounterStatus;
  now: number;
  timeZone: string;
  /** The visit's parts and documents (see `visit.tsx`). */
  children?: ComponentChildren;
  /** Beside the label, e.g. "+ Anliegen". */
  action?: ComponentChildren;
  /** The concern's German name (the ticket's own is in the visitor's language). */
  concernName: (concernId: string) => string;
}

const STATUS_HINT: Record<CounterStatus, string> = {
  open: 'Drücken Sie „Aufrufen“, um die nächste Person zu rufen.',
  paused: 'Ihr Platz ist pausiert. Niemand wird zu Ihnen gerufen. Mit „Aufrufen“ geht es weiter.',
  closed: 'Ihr Platz ist geschlossen. Mit „Aufrufen“ öffnen Sie ihn wieder.',
};

export function CurrentTicket({ ticket, status, now, timeZone, children, action, concernName }: CurrentTicketProps) {
  if (!ticket) {
    return (
      <section class="current current--empty" aria-label="Aktuelle Person" data-testid="current-empty">
        <div class="current__label">Gerade ist niemand aufgerufen</div>
        <p class="current__hint">{STATUS_HINT[status]}</p>
      </section>
    );
  }
  const waited = minutesSince(ticket.issuedAt, now);
  return (
    <section
      class={`current ${ticket.servedAt ? 'current--serving' : ''} ${children ? 'current--visit' : ''}`}
      aria-label="Aktuelle Person"
      data-testid="current"
      data-started={ticket.servedAt ? 'true' : 'false'}
    >
      <div class="current__head">
        <div class="current__label">{ticket.servedAt ? 'Im Gespräch' : 'Aktuell aufgerufen'}</div>
        {action}
      </div>
      <div class="current__row">
        <div class="current__number" data-testid="current-number">
          {ticket.number}
        </div>
        <div class="current__concern" data-testid="current-concern">
          {hyphenate(concernName(ticket.concernId))}
          {ticket.language !== 'de' ? (
            <span class="current__language staff-muted" data-testid="current-language" lang="de">
              {' '}
              · Sprache: {GERMAN_LANGUAGE_NAMES[ticket.language]}
            </span>
          ) : null}
        </div>
      </div>
      <dl class="current__facts">
        <div>
          <dt>Wartezeit</dt>
          <dd data-testid="current-wait">
            {formatMinutes(waited)} <span class="staff-muted">(seit {formatClock(ticket.issuedAt, timeZone)} Uhr)</span>
          </dd>
        </div>
        <div>
          <dt>Aufgerufen</dt>
          <dd>
            {ticket.calledAt ? `${formatClock(ticket.calledAt, timeZone)} Uhr` : '–'}{' '}
            <span class="staff-muted">({ticket.callCount}. Aufruf)</span>
          </dd>
        </div>
        {ticket.appointmentAt ? (
          <div>
            <dt>Termin</dt>
            <dd>{formatClock(ticket.appointmentAt, timeZone)} Uhr</dd>
          </div>
        ) : null}
      </dl>
      {children}
    </section>
  );
}
