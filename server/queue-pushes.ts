/**
 * Pushes of queue changes. Calls go out at once, each as its own event: they are what a
 * visitor waits for. Everything derived (queue counts on screens, positions and estimates on
 * phones, counter views for staff) is sent once per FLUSH_MS however many changes came in
 * between, and in slices of SCREENS_PER_SLICE screens and PHONES_PER_SLICE phones with a turn
 * of the event loop between two slices, so a call that comes in meanwhile is announced at once,
 * not after thousands of updates. Each slice reads the day as it is then: a screen or phone never
 * gets an older view after a newer one.
 */
import { type TicketView, toCallView } from '../core/api.ts';
import { SCREENS_ROOM, STAFF_ROOM, ticketRoom } from '../core/events.ts';
import { findTicket, openTickets } from '../core/open-tickets.ts';
import type { DayState, Ticket } from '../core/types.ts';
import type { AppContext } from './context.ts';
import { logger } from './logger.ts';
import type { QueueChange } from './queue-service.ts';
import type { LotseServer } from './realtime.ts';

const log = logger('pushes');
/**
 * Changes within this window go out together. Short: the derived updates of a call are out long
 * before a clerk's next call (a 50 ms window met the next call of a clerk calling every 50 ms
 * head-on, and that call waited for the first slice).
 */
const FLUSH_MS = 15;
const PHONES_PER_SLICE = 25;
const SCREENS_PER_SLICE = 50;
/**
 * A flush never uses more than about a quarter of the process's time, however many phones: the
 * next one starts at the earliest three times its main-thread time after the last one ended
 * (at most this long after). Measured from the end of the last flush, not from the change: a
 * flush that kept the event loop 8 ms (500 screens and 500 phones) and came 24 ms after each
 * call ended 30 to 50 ms after it, into a clerk's next call 50 ms later, which then waited for
 * its slices; now it comes FLUSH_MS after the call and is out long before the next.
 */
const MAX_FLUSH_SPACING_MS = 1000;

/** The last view pushed per ticket: a phone hears only of a change it can see. */
class TicketPushCache {
  private last = new Map<string, string>();
  changed(view: TicketView): boolean {
    const key = `${view.status}|${view.waitingAhead}|${view.estimatedWaitMinutes}|${view.counterId ?? ''}|${view.callCount}|${view.concernId}|${view.parked ? 1 : 0}`;
    if (this.last.get(view.id) === key) return false;
    this.last.set(view.id, key);
    return true;
  }
  reset() {
    this.last = new Map();
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts pushing the queue's changes to this process's sockets; returns the stop function. */
export function startQueuePushes(io: LotseServer, ctx: AppContext): () => void {
  const pushed = new TicketPushCache();
  let touched = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let flushing = false;
  let again = false;
  let stopped = false;
  /** No flush before this (performance.now()): see MAX_FLUSH_SPACING_MS. */
  let restUntil = 0;

  /** A ticket as it is now (the ones asked for are recent: searched from the newest). */
  const currentTicket = (id: string): Ticket | undefined => findTicket(ctx.queue.day().tickets, id);

  /**
   * One flush; answers the time it kept the event loop and whether what it sent was read from
   * estimates of an earlier state (then another flush follows once they are recomputed: else a
   * phone could keep an old place until the next change).
   */
  const flushNow = async (): Promise<{ busy: number; stale: boolean }> => {
    const changed = touched;
    touched = new Set();
    let busy = 0;
    let stale = false;
    let sliceStart = performance.now();
    /** A turn of the event loop between two slices; false once the pushes were stopped meanwhile. */
    const pause = async (): Promise<boolean> => {
      busy += performance.now() - sliceStart;
      await nextTurn();
      sliceStart = performance.now();
      return !stopped;
    };
    // Derived updates go to this process's own sockets only (`io.local`): with several server
    // processes each one flushes for its own clients after every change, wherever it happened.
    const rooms = io.sockets.adapter.rooms;
    // Nobody to tell, nothing to compute (the snapshot runs the wait estimates). Screens in
    // slices as phones: one emit to 500 screens held the event loop for about 5 ms.
    const screens = [...(rooms.get(SCREENS_ROOM) ?? [])];
    for (let from = 0; from < screens.length; from += SCREENS_PER_SLICE) {
      if (from > 0 && !(await pause())) return { busy, stale: false };
      io.local.to(screens.slice(from, from + SCREENS_PER_SLICE)).emit('queue:updated', ctx.queue.queueSnapshot());
      stale ||= !ctx.queue.estimatesCurrent();
    }
    const day = ctx.queue.day();
    const followed = waitingOrChanged(day, changed).filter((t) => rooms.has(ticketRoom(t.token)));
    for (let from = 0; from < followed.length; from += PHONES_PER_SLICE) {
      if ((from > 0 || screens.length > 0) && !(await pause())) return { busy, stale: false };
      for (const seen of followed.slice(from, from + PHONES_PER_SLICE)) {
        // The ticket as it is now: the one found above while the day is unchanged.
        const ticket = ctx.queue.day() === day ? seen : currentTicket(seen.id);
        if (!ticket) continue;
        const view = ctx.queue.view(ticket);
        if (pushed.changed(view)) io.local.to(ticketRoom(ticket.token)).emit('ticket:updated', view);
      }
      stale ||= !ctx.queue.estimatesCurrent();
    }
    if (rooms.has(STAFF_ROOM)) {
      for (const counter of ctx.office().counters) {
        const view = ctx.queue.counterView(counter.id);
        if (view) io.local.to(STAFF_ROOM).emit('counter:updated', view);
      }
    }
    return { busy: busy + performance.now() - sliceStart, stale };
  };

  const schedule = () => {
    if (stopped) return;
    if (flushing) {
      again = true;
      return;
    }
    timer ??= setTimeout(() => void flush(), Math.max(FLUSH_MS, restUntil - performance.now()));
  };

  const flush = async () => {
    flushing = true;
    again = false;
    try {
      const { busy, stale } = await flushNow();
      restUntil = performance.now() + Math.min(MAX_FLUSH_SPACING_MS, 3 * busy);
      again ||= stale;
    } catch (error) {
      log.error({ err: error }, 'pushing queue changes failed');
    } finally {
      flushing = false;
      timer = undefined;
      if (again) schedule();
    }
  };

  const onChange = ({ events }: QueueChange) => {
    for (const event of events) {
      if (event.type === 'call') {
        io.to(SCREENS_ROOM).to(ticketRoom(event.ticket.token)).emit('call:announced', toCallView(event.call));
      } else if (event.type === 'day-started') {
        pushed.reset();
        for (const t of event.cancelled) io.to(ticketRoom(t.token)).emit('ticket:updated', ctx.queue.view(t));
      }
      if ('ticket' in event) touched.add(event.ticket.id);
    }
    schedule();
  };

  const stopQueue = ctx.queue.onChange(onChange);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    stopQueue();
  };
}

/**
 * The tickets whose phone pages may need an update: every waiting one (their place and wait
 * move with every change) and the ones changed since the last flush, finished ones among them.
 * Found among the day's open tickets, not the whole day.
 */
function waitingOrChanged(day: DayState, changed: ReadonlySet<string>): Ticket[] {
  const found = openTickets(day.tickets).filter((t) => t.status === 'waiting' || changed.has(t.id));
  if (changed.size === 0) return found;
  const listed = new Set(found.map((t) => t.id));
  for (const id of changed) {
    const ticket = listed.has(id) ? undefined : findTicket(day.tickets, id);
    if (ticket) found.push(ticket);
  }
  return found;
}
