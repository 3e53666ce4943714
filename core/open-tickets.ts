/**
 * The day's open tickets (waiting or called), by their places in the day's list.
 *
 * A long day holds thousands of tickets, nearly all of them finished; the queue rules, the wait
 * estimates and the counters' views look only at the open ones, after every change. Searching
 * the whole day each time made a ticket issue cost four times as much at 5,000 tickets as on a
 * fresh day. The day's list is never changed in place: every change makes a new list (one
 * ticket appended or one replaced, see `appendTicket` and `replaceTicketIn`), and these carry
 * the open places over from the list before without looking at the rest of the day. A list
 * made any other way (read from disk, a change from another server process) is searched once,
 * when first asked. Pure: the places are kept beside each list, weakly, and go with it.
 */
import type { Ticket } from './types.ts';

/** Open places per list, ascending; shared between lists with the same ones, never changed. */
const OPEN = new WeakMap<readonly Ticket[], readonly number[]>();

export function isOpenTicket(ticket: Ticket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'called';
}

/** The places in `tickets` of its open tickets, in the day's order. */
export function openPlaces(tickets: readonly Ticket[]): readonly number[] {
  let places = OPEN.get(tickets);
  if (!places) {
    const found: number[] = [];
    for (let i = 0; i < tickets.length; i++) if (isOpenTicket(tickets[i] as Ticket)) found.push(i);
    places = found;
    OPEN.set(tickets, places);
  }
  return places;
}

/** The open tickets of `tickets`, in the day's order. */
export function openTickets(tickets: readonly Ticket[]): Ticket[] {
  return openPlaces(tickets).map((i) => tickets[i] as Ticket);
}

/** A new list: `tickets` and `ticket` after them. */
export function appendTicket(tickets: readonly Ticket[], ticket: Ticket): Ticket[] {
  const next = [...tickets, ticket];
  const places = OPEN.get(tickets);
  if (places) OPEN.set(next, isOpenTicket(ticket) ? [...places, tickets.length] : places);
  return next;
}

/**
 * A new list with the ticket of `ticket`'s id replaced by it (searched from the newest: the
 * tickets that change are mostly recent ones). A copy of `tickets` when the id is not in it.
 */
export function replaceTicketIn(tickets: readonly Ticket[], ticket: Ticket): Ticket[] {
  const next = tickets.slice();
  let at = -1;
  for (let i = next.length - 1; i >= 0; i--) {
    if ((next[i] as Ticket).id === ticket.id) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const places = OPEN.get(tickets);
    if (places) OPEN.set(next, places);
    return next;
  }
  const before = next[at] as Ticket;
  next[at] = ticket;
  const places = OPEN.get(tickets);
  if (places) OPEN.set(next, movedPlaces(places, at, isOpenTicket(before), isOpenTicket(ticket)));
  return next;
}

/** `places` after the ticket at `at` went from open (`was`) to open (`is`) or not. */
function movedPlaces(places: readonly number[], at: number, was: boolean, is: boolean): readonly number[] {
  if (was === is) return places;
  if (was) return places.filter((p) => p !== at);
  // Open again (a finished visit taken back): into its place in the day's order.
  let low = 0;
  let high = places.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((places[mid] as number) < at) low = mid + 1;
    else high = mid;
  }
  return [...places.slice(0, low), at, ...places.slice(low)];
}

/** The ticket with this id, searched from the newest (the ones asked for are mostly recent). */
export function findTicket(tickets: readonly Ticket[], id: string): Ticket | undefined {
  for (let i = tickets.length - 1; i >= 0; i--) if ((tickets[i] as Ticket).id === id) return tickets[i];
  return undefined;
}
