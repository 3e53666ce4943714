/**
 * Who comes next at this counter, by number ("Als Nächstes", in the order call-next would call
 * them), and who stepped away ("Geparkt"). Each visitor can be called directly by number.
 */
import type { CounterTicket } from '../core/api.ts';
import { hyphenate } from '../ui/hyphenate.ts';
import { formatClock, formatMinutes } from '../ui/staff-format.ts';

interface RowBase {
  /** Concern names by id (German). */
  concernName: (concernId: string) => string;
  timeZone: string;
  /** Minutes passed since the server counted `waitingMinutes`. */
  extraMinutes: number;
  /** A request is running: every button waits. */
  locked: boolean;
  /** The ticket whose request is running, for `aria-busy`. */
  busyTicketId: string | null;
}

function TicketInfo({ ticket, concernName, timeZone, extraMinutes }: { ticket: CounterTicket } & RowBase) {
  return (
    <div class="queue__info">
      <span class="queue__number">{ticket.number}</span>
      <span class="queue__concern">{hyphenate(concernName(ticket.concernId))}</span>
      {ticket.laterConcernIds?.length ? (
        <span class="queue__later" data-testid={`later-${ticket.ticketId}`}>
          {ticket.laterConcernIds.length + 1} Anliegen · danach{' '}
          {hyphenate(ticket.laterConcernIds.map(concernName).join(', '))}
        </span>
      ) : null}
      <span class="queue__meta">
        <span>
          Wartezeit <span class="queue__minutes">{formatMinutes(ticket.waitingMinutes + extraMinutes)}</span>
        </span>
        {ticket.appointmentAt ? (
          <span class="queue__appointment" data-testid={`appointment-${ticket.ticketId}`}>
            Termin {formatClock(ticket.appointmentAt, timeZone)} Uhr
          </span>
        ) : null}
      </span>
    </div>
  );
}

export interface NextListProps extends RowBase {
  next: CounterTicket[];
  /** Everybody waiting for this counter (the list shows only the first few). */
  total: number;
  onCall: (ticket: CounterTicket) => void;
}

export function NextList({ next, total, onCall, ...row }: NextListProps) {
  return (
    <section class="panel queue-panel queue-panel--next" aria-labelledby="next-title" data-testid="next-panel">
      <h2 id="next-title" class="panel__title">
        Als Nächstes
      </h2>
      {next.length === 0 ? (
        <p class="staff-muted" data-testid="next-empty">
          Niemand wartet auf Ihren Platz.
        </p>
      ) : (
        <ol class="queue" data-testid="next-list">
          {next.map((ticket) => (
            <li
              key={ticket.ticketId}
              class={`queue__item ${ticket.appointmentAt ? 'queue__item--appointment' : ''}`}
              data-testid={`next-${ticket.ticketId}`}
              data-number={ticket.number}
            >
              <TicketInfo ticket={ticket} {...row} />
              <button
                type="button"
                class="staff-btn staff-btn--secondary queue__button"
                data-testid={`call-specific-${ticket.ticketId}`}
                aria-label={`${ticket.number} aufrufen`}
                aria-busy={row.busyTicketId === ticket.ticketId}
                disabled={row.locked}
                onClick={() => onCall(ticket)}
              >
                Aufrufen
              </button>
            </li>
          ))}
        </ol>
      )}
      {total > next.length ? (
        <p class="queue__more staff-muted" data-testid="next-more">
          Insgesamt {total === 1 ? 'wartet 1 Person' : `warten ${total} Personen`}.
        </p>
      ) : null}
    </section>
  );
}

export interface ParkedListProps extends RowBase {
  parked: CounterTicket[];
  onReturn: (ticket: CounterTicket) => void;
  onCall: (ticket: CounterTicket) => void;
}

export function ParkedList({ parked, onReturn, onCall, ...row }: ParkedListProps) {
  return (
    <section class="panel queue-panel queue-panel--parked" aria-labelledby="parked-title" data-testid="parked-panel">
      <h2 id="parked-title" class="panel__title">
        Geparkt{' '}
        <span class="panel__count" data-testid="parked-total">
          {parked.length}
        </span>
      </h2>
      {parked.length === 0 ? (
        <p class="staff-muted" data-testid="parked-empty">
          Niemand ist geparkt.
        </p>
      ) : (
        <ul class="queue" data-testid="parked-list">
          {parked.map((ticket) => (
            <li
              key={ticket.ticketId}
              class="queue__item queue__item--parked"
              data-testid={`parked-${ticket.ticketId}`}
              data-number={ticket.number}
            >
              <TicketInfo ticket={ticket} {...row} />
              <div class="queue__buttons">
                <button
                  type="button"
                  class="staff-btn staff-btn--secondary queue__button"
                  data-testid={`return-${ticket.ticketId}`}
                  aria-label={`${ticket.number} ist zurück`}
                  aria-busy={row.busyTicketId === ticket.ticketId}
                  disabled={row.locked}
                  onClick={() => onReturn(ticket)}
                >
                  Ist zurück
                </button>
                <button
                  type="button"
                  class="staff-btn staff-btn--primary queue__button"
                  data-testid={`call-specific-${ticket.ticketId}`}
                  aria-label={`${ticket.number} jetzt aufrufen`}
                  aria-busy={row.busyTicketId === ticket.ticketId}
                  disabled={row.locked}
                  onClick={() => onCall(ticket)}
                >
                  Jetzt aufrufen
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
