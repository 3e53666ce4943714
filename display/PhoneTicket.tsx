/** The visitor's ticket on the phone: number, status, position and wait; the counter when called. */
import type { TicketView } from '../core/api.ts';
import type { Language } from '../ui/i18n.ts';
import { aheadText, waitText } from '../ui/visitor-texts.ts';
import type { PhoneMessages } from './phone-messages.ts';

export interface PhoneTicketProps {
  ticket: TicketView;
  language: Language;
  t: PhoneMessages;
}

const FINAL = new Set(['done', 'no-show', 'cancelled']);

export function PhoneTicket({ ticket, language, t }: PhoneTicketProps) {
  const isCalled = ticket.status === 'called';
  const isFinal = FINAL.has(ticket.status);
  return (
    <article class={`phone-card status-${ticket.status}`} aria-labelledby="phone-title">
      <p class="phone-title" id="phone-title">
        {t.title}
      </p>
      <p class="phone-number ticket-no" data-testid="phone-number">
        {ticket.number}
      </p>
      <p class="phone-concern">{ticket.concernName}</p>
      <p
        class="phone-status"
        data-testid="phone-status"
        data-status={ticket.status}
        role="status"
        aria-live="assertive"
      >
        {t.status[ticket.status]}
      </p>
      {isCalled && (
        <div class="phone-call">
          <p class="phone-goto">{t.goTo}</p>
          <p class="phone-counter" data-testid="phone-counter">
            {ticket.counterName ?? ''}
          </p>
        </div>
      )}
      {ticket.status === 'waiting' && (
        <div class="phone-wait">
          <p data-testid="phone-ahead">{aheadText(language, ticket.waitingAhead)}</p>
          <p data-testid="phone-wait">{waitText(language, ticket.estimatedWaitMinutes)}</p>
        </div>
      )}
      {isFinal && (
        <p class="phone-final" data-testid="phone-final">
          {t.final[ticket.status as 'done' | 'no-show' | 'cancelled']}
        </p>
      )}
    </article>
  );
}
