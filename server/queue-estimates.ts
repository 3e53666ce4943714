/**
 * The waiting-time estimates of the live day, computed lazily: once per day state that is read
 * (or prepared, see `prepare`), not per mutation, and less often when a recompute is costly
 * (see `fresh`).
 */
import type { QueueSnapshot } from '../core/api.ts';
import { type ExpectedAppointment, estimateAll } from '../core/estimate.ts';
import { type TicketEstimate, TicketEstimates } from '../core/ticket-estimates.ts';
import { localDay } from '../core/localtime.ts';
import { openTickets } from '../core/open-tickets.ts';
import type { Appointment, DayState, OfficeConfig, Ticket } from '../core/types.ts';

export class QueueEstimates {
  private tickets = new TicketEstimates([], new Int32Array(0), new Int32Array(0), []);
  private concerns: QueueSnapshot['waiting'] = [];
  /** The day state the figures are for; another one (any change) is recomputed before a read. */
  private computedFor: DayState | undefined;
  /** Something besides the day changed (the office, the appointments). */
  private dirty = true;
  private lastRecomputeAt = 0;
  private lastRecomputeMs = 0;
  /** Today's booked appointments not checked in yet (the estimates foresee them). */
  private expected: ExpectedAppointment[] = [];

  constructor(
    private readonly office: () => OfficeConfig,
    private readonly clock: () => number,
  ) {}

  /** The office configuration changed: the next read recomputes. */
  invalidate(): void {
    this.dirty = true;
  }

  /** The stored appointments changed: keep today's booked ones for the estimates. */
  setAppointments(appointments: readonly Appointment[]): void {
    this.expected = appointments
      .filter((a) => a.cancelledAt === undefined && a.ticketId === undefined)
      .map((a) => ({ id: a.id, concernId: a.concernId, start: a.start }));
    this.dirty = true;
  }

  /** The ticket's estimate (a ticket issued since the last recompute gets its concern's figures). */
  forTicket(state: DayState, ticket: Ticket): TicketEstimate | undefined {
    this.fresh(state);
    return this.tickets.get(ticket.id) ?? this.provisional(state, ticket);
  }

  /**
   * Computes the figures of `state` ahead of the first read, e.g. while the change that made it
   * is being stored; a read of the same state then finds them ready.
   */
  prepare(state: DayState): void {
    this.fresh(state);
  }

  /**
   * Whether the figures are those of `state`: false while a costly recompute is put off (see
   * `fresh`), when what was read was still the figures of an earlier state.
   */
  isCurrent(state: DayState): boolean {
    return !this.dirty && this.computedFor === state;
  }

  /** Every concern's figures for someone arriving now. */
  forConcerns(state: DayState): QueueSnapshot['waiting'] {
    this.fresh(state);
    return this.concerns;
  }

  private recompute(state: DayState, now: number): void {
    const started = performance.now();
    const office = this.office();
    const today = this.expected.filter((a) => localDay(a.start, office.timezone) === state.day);
    const { tickets, concerns } = estimateAll(state, office, now, today);
    this.tickets = tickets;
    this.concerns = concerns;
    this.computedFor = state;
    this.dirty = false;
    this.lastRecomputeAt = performance.now();
    this.lastRecomputeMs = this.lastRecomputeAt - started;
  }

  /**
   * Recomputes stale estimates before a read. In an ordinary office this takes well under a
   * millisecond; with thousands waiting it takes longer, and then estimates are refreshed at
   * most once per ten times that cost, so a burst of tickets never turns quadratic. Tickets
   * issued in between get their concern's estimate for a new arrival (see `provisional`).
   */
  private fresh(state: DayState): void {
    if (!this.dirty && this.computedFor === state) return;
    const heavy = this.lastRecomputeMs > 5;
    if (heavy && performance.now() - this.lastRecomputeAt < 10 * this.lastRecomputeMs) return;
    this.recompute(state, this.clock());
  }

  /** A ticket issued since the last recompute: its concern's figures for someone arriving now. */
  private provisional(state: DayState, ticket: Ticket): TicketEstimate | undefined {
    if (ticket.status !== 'waiting') return undefined;
    const concern = this.concerns.find((c) => c.concernId === ticket.concernId);
    const ahead = openTickets(state.tickets).filter(
      (t) => t.status === 'waiting' && !t.parked && t.concernId === ticket.concernId && t.issuedAt < ticket.issuedAt,
    ).length;
    return { waitingAhead: ahead, estimatedWaitMinutes: concern?.estimatedWaitMinutes ?? 0 };
  }
}
