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

/**
 * Open places per list, ascending: the first `count` entries of `at`. Lists made by appending
 * share one `at` (a newer list's places run further), so an issue adds one number instead of
 * copying every open place; `at` is only ever extended past a `count`, never changed below it.
 */
interface Places {
  at: number[];
  count: number;
}

const OPEN = new WeakMap<readonly Ticket[], Places>();

export function isOpenTicket(ticket: Ticket): boolean {
  return ticket.status === 'waiting' || ticket.status === 'called';
}

function placesOf(tickets: readonly Ticket[]): Places {
  let places = OPEN.get(tickets);
  if (!places) {
    const at: number[] = [];
    for (let i = 0; i < tickets.length; i++) if (isOpenTicket(tickets[i] as Ticket)) at.push(i);
    places = { at, count: at.length };
    OPEN.set(tickets, places);
  }
  return places;
}

/**
 * The places in `tickets` of its open tickets, in the day's order. Read it at once: a list
 * appended to `tickets` later may go on from the same array.
 */
export function openPlaces(tickets: readonly Ticket[]): readonly number[] {
  const { at, count } = placesOf(tickets);
  return at.length === count ? at : at.slice(0, count);
}

/**
 * The open places if they are known already (carried over by a change, or asked for before);
 * undefined for a list nobody asked about yet (e.g. a list of waiting tickets made for one
 * computation, where searching it is all there is to do anyway).
 */
export function knownOpenPlaces(tickets: readonly Ticket[]): readonly number[] | undefined {
  return OPEN.has(tickets) ? openPlaces(tickets) : undefined;
}

/** The open tickets of `tickets`, in the day's order. */
export function openTickets(tickets: readonly Ticket[]): Ticket[] {
  return openPlaces(tickets).map((i) => tickets[i] as Ticket);
}

/** A new list: `tickets` and `ticket` after them. */
export function appendTicket(tickets: readonly Ticket[], ticket: Ticket): Ticket[] {
  const next = [...tickets, ticket];
  const places = OPEN.get(tickets);
  if (places) OPEN.set(next, isOpenTicket(ticket) ? extended(places, tickets.length) : places);
  return next;
}

/** `places` with `place` after them: on the shared array while nobody extended it further. */
function extended({ at, count }: Places, place: number): Places {
  if (at.length === count) {
    at.push(place);
    return { at, count: count + 1 };
  }
  const copy = at.slice(0, count);
  copy.push(place);
  return { at: copy, count: count + 1 };
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
function movedPlaces(places: Places, at: number, was: boolean, is: boolean): Places {
  if (was === is) return places;
  const list = places.at.slice(0, places.count);
  if (was) {
    const kept = list.filter((p) => p !== at);
    return { at: kept, count: kept.length };
  }
  // Open again (a finished visit taken back): into its place in the day's order.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as number) < at) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, at);
  return { at: list, count: list.length };
}

/** The ticket with this id, searched from the newest (the ones asked for are mostly recent). */
export function findTicket(tickets: readonly Ticket[], id: string): Ticket | undefined {
  for (let i = tickets.length - 1; i >= 0; i--) if ((tickets[i] as Ticket).id === id) return tickets[i];
  return undefined;
}
