/**
 * The visitor's ticket on the phone: number, status, position and wait; a "you are next" notice
 * when at most two are ahead; the counter when called; a short closing card when it is over.
 * A visit with several concerns lists them (done ones ticked, the one now due marked), says
 * plainly between two parts that the visitor is called again for the next, and when the clerk
 * goes straight on with the next one, that the visitor stays at the counter.
 */
import type { TicketView, VisitPartView } from '../core/api.ts';
import { fill, type Language } from '../ui/i18n.ts';
import { StrokePath } from '../ui/stroke-path.tsx';
import { aheadText, waitText } from '../ui/visitor-texts.ts';
import type { PhoneMessages } from './phone-messages.ts';

export interface PhoneTicketProps {
  ticket: TicketView;
  language: Language;
  t: PhoneMessages;
}

/** The visitor waits for a concern a clerk passed them on to (a transfer), not away (parked). */
export function isTransferred(ticket: Pick<TicketView, 'status' | 'parked' | 'concerns'>): boolean {
  if (ticket.status !== 'waiting' || ticket.parked) return false;
  return (ticket.concerns ?? []).some((p) => p.due && p.transferred);
}

export const FINAL_STATUSES: ReadonlySet<string> = new Set(['done', 'no-show', 'cancelled']);

/** The notice shows from this many people ahead on. */
export const SOON_AHEAD = 2;

export function isSoon(ticket: Pick<TicketView, 'status' | 'waitingAhead' | 'parked'>): boolean {
  return ticket.status === 'waiting' && !ticket.parked && ticket.waitingAhead <= SOON_AHEAD;
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

/** Index of the part now due, or -1. */
export function duePart(ticket: Pick<TicketView, 'concerns'>): number {
  return (ticket.concerns ?? []).findIndex((p) => p.due);
}

/** Between two parts: an earlier part is over and the visitor waits to be called for the next. */
export function isBetweenParts(ticket: Pick<TicketView, 'status' | 'concerns'>): boolean {
  return ticket.status === 'waiting' && duePart(ticket) > 0;
}

/**
 * The clerk went straight on with the next part at this counter (no new call): the part was
 * called and started at the same moment.
 */
export function continuesHere(ticket: Pick<TicketView, 'status' | 'concerns' | 'calledAt' | 'servedAt'>): boolean {
  return (
    ticket.status === 'called' &&
    duePart(ticket) > 0 &&
    ticket.servedAt !== undefined &&
    ticket.servedAt === ticket.calledAt
  );
}

function partState(part: VisitPartView): 'done' | 'now' | 'later' | 'closed' {
  if (part.due) return 'now';
  if (part.status === 'done') return 'done';
  if (part.status === 'waiting' || part.status === 'called') return 'later';
  return 'closed';
}

function PartMark({ state }: { state: ReturnType<typeof partState> }) {
  return (
    <svg class="phone-part-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {state === 'done' ? (
        <>
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M6.5 12.5l3.5 3.5 7-8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" />
        </>
      ) : state === 'now' ? (
        <circle cx="12" cy="12" r="8" fill="currentColor" />
      ) : (
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2.4" />
      )}
    </svg>
  );
}

/** The visit's parts in order; what each is now, in words as well as marks. */
function VisitParts({ parts, t }: { parts: VisitPartView[]; t: PhoneMessages }) {
  const words = { done: t.partDone, now: t.partNow, later: t.partLater, closed: '' };
  return (
    <section class="phone-parts" aria-labelledby="phone-parts-title">
      <h2 id="phone-parts-title">{t.partsTitle}</h2>
      <ol data-testid="phone-parts">
        {parts.map((part) => {
          const state = partState(part);
          return (
            <li
              key={part.concernId}
              class={`phone-part part-${state}`}
              data-testid={`phone-part-${part.concernId}`}
              data-state={state}
              {...(state === 'now' ? { 'aria-current': 'step' as const } : {})}
            >
              <PartMark state={state} />
              <span class="phone-part-name">{part.concernName}</span>
              {words[state] && <span class="phone-part-state">{words[state]}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function FinalIcon({ done }: { done: boolean }) {
  return (
    <svg class="phone-final-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="currentColor" />
      {done ? (
        <StrokePath d="M14 25l7 7 13-15" width={5} colour="#fff" />
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
  const parts = ticket.concerns ?? [];
  const several = parts.length > 1;
  const between = isBetweenParts(ticket);
  const here = continuesHere(ticket);
  const parked = ticket.status === 'waiting' && ticket.parked === true;
  const moved = isTransferred(ticket);
  return (
    <article class={`phone-card status-${ticket.status}`} aria-labelledby="phone-title">
      <p class="phone-title" id="phone-title">
        {t.title}
      </p>
      <p class="phone-number ticket-no" data-testid="phone-number">
        {ticket.number}
      </p>
      {!several && <p class="phone-concern">{ticket.concernName}</p>}
      <p
        class="phone-status"
        data-testid="phone-status"
        data-status={ticket.status}
        role="status"
        aria-live="assertive"
      >
        {parked ? t.parkedStatus : t.status[ticket.status]}
      </p>
      {parked && (
        <div class="phone-parked" data-testid="phone-parked" role="status">
          <p>{t.parkedHint}</p>
        </div>
      )}
      {moved && (
        <div class="phone-moved" data-testid="phone-moved" role="status">
          <p class="phone-moved-to">{fill(t.moved, { name: ticket.concernName })}</p>
          <p>{t.movedHint}</p>
        </div>
      )}
      {between && !moved && (
        <div class="phone-between" data-testid="phone-between" role="status">
          <p class="phone-between-next">{fill(t.nextPart, { name: ticket.concernName })}</p>
          <p>{t.nextPartHint}</p>
        </div>
      )}
      {isCalled && (
        <div class="phone-call" data-continue={here ? 'true' : undefined}>
          {here && (
            <p class="phone-here" data-testid="phone-continue-here">
              {t.continueHere}
            </p>
          )}
          <p class="phone-goto">{here ? t.stayAt : t.goTo}</p>
          <p class="phone-counter" data-testid="phone-counter">
            {ticket.counterName ?? ''}
          </p>
        </div>
      )}
      {ticket.status === 'waiting' && !parked && (
        <div class="phone-wait">
          {/* Between two parts the notice above already says to stay close. */}
          {soon && !between && !moved ? (
            <SoonNotice ahead={ticket.waitingAhead} t={t} />
          ) : (
            <p data-testid="phone-ahead" data-ahead={ticket.waitingAhead}>
              {aheadText(language, ticket.waitingAhead)}
            </p>
          )}
          <p data-testid="phone-wait">{waitText(language, ticket.estimatedWaitMinutes)}</p>
        </div>
      )}
      {several && <VisitParts parts={parts} t={t} />}
    </article>
  );
}
