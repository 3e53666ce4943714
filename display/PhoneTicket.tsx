/**
 * The visitor's ticket on the phone: number, status, position and wait; a "you are next" notice
 * when at most two are ahead; the counter when called; a short closing card when it is over.
 */
import type { TicketView } from '../core/api.ts';
import type { Language } from '../ui/i18n.ts';
import { aheadText, waitText } from '../ui/visitor-texts.ts';
import type { PhoneMessages } from './phone-messages.ts';

export interface PhoneTicketProps {
  ticket: TicketView;
  language: Language;
  t: PhoneMessages;
}

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['done', 'no-show', 'cancelled']);

/** The notice shows from this many people ahead on. */
export const SOON_AHEAD = 2;

export function isSoon(ticket: Pick<TicketView, 'status' | 'waitingAhead'>): boolean {
  return ticket.status === 'waiting' && ticket.waitingAhead <= SOON_AHEAD;
}

function SoonNotice({ ahead, t }: { ahead: number; t: PhoneMessages }) {
  return (
    <div class="phone-soon" data-testid="phone-next" data-ahead={ahead} role="status">
      <p class="phone-soon-title">{ahead === 0 ? t.nextTitle : t.soonTitle}</p>
      {ahead > 0 && <p class="phone-soon-ahead">{t.onlyAhead(ahead === 1 ? 1 : 2)}</p>}
      <p>{t.stayClose}</p>
    </div>
  );
}

function FinalIcon({ done }: { done: boolean }) {
  return (
    <svg class="phone-final-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="currentColor" />
      {done ? (
        <path
          d="M14 25l7 7 13-15"
          fill="none"
          stroke="#fff"
          stroke-width="5"
          stroke-linecap="round"
          stroke-linejoin="round"
        />
      ) : (
        <path d="M24 13v14M24 34v1" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" />
      )}
    </svg>
  );
}

export function PhoneTicket({ ticket, language, t }: PhoneTicketProps) {
  if (FINAL_STATUSES.has(ticket.status)) {
    // Short and calm: what happened, the number small, nothing that updates any more.
    const status = ticket.status as 'done' | 'no-show' | 'cancelled';
    return (
      <article class={`phone-card phone-final-card status-${status}`} aria-labelledby="phone-final">
        <FinalIcon done={status === 'done'} />
        <p class="phone-status" data-testid="phone-status" data-status={status} role="status">
          {t.status[status]}
        </p>
        <p class="phone-final" id="phone-final" data-testid="phone-final">
          {t.final[status]}
        </p>
        <p class="phone-final-number ticket-no" data-testid="phone-number">
          {ticket.number}
        </p>
      </article>
    );
  }
  const isCalled = ticket.status === 'called';
  const soon = isSoon(ticket);
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
          {soon ? (
            <SoonNotice ahead={ticket.waitingAhead} t={t} />
          ) : (
            <p data-testid="phone-ahead" data-ahead={ticket.waitingAhead}>
              {aheadText(language, ticket.waitingAhead)}
            </p>
          )}
          <p data-testid="phone-wait">{waitText(language, ticket.estimatedWaitMinutes)}</p>
        </div>
      )}
    </article>
  );
}
