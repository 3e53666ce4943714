/**
 * Booking, moving and cancelling appointments. Every change runs inside the store's transaction
 * (the office's lock, also across server processes), so two clerks booking the last place of a
 * slot at once never both get it: the second sees the first booking and gets SLOT_TAKEN.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { type AppointmentView, toAppointmentView } from '../core/api.ts';
import { type AppointmentStatsRow, appointmentStats } from '../core/appointment-stats.ts';
import { appointmentStatus, checkBooking, freeSlots, isActive, newCode, slotsOn } from '../core/appointments.ts';
import { localDay } from '../core/localtime.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Appointment, Language, OfficeConfig, Ticket } from '../core/types.ts';
import type { StatsGrouping } from '../core/stats.ts';
import type { Clock, QueueService } from './queue-service.ts';
import type { DayTransaction, Store, TransactionResult } from './store/store.ts';

export interface BookCommand {
  concernId: string;
  start: number;
  counterId?: string | undefined;
  code?: string | undefined;
  externalId?: string | undefined;
  language?: Language | undefined;
  bookedBy: string;
}

const randomDigits = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

export class AppointmentService {
  constructor(
    private readonly store: Store,
    private readonly office: () => OfficeConfig,
    private readonly clock: Clock,
    private readonly queue: QueueService,
  ) {}

  /** Runs a change in the store's transaction, then tells the estimates. */
  private async change<T>(fn: (tx: DayTransaction) => Promise<TransactionResult<T>>): Promise<T> {
    const value = await this.store.transact<T>(fn);
    await this.refreshEstimates();
    return value;
  }

  /** Loads the stored appointments into the estimates (at start, and after every change). */
  async refreshEstimates(): Promise<void> {
    this.queue.setAppointments(await this.store.listAppointments());
  }

  /** Slots of a concern on a local day with their free places (past slots left out). */
  async slots(concernId: string, date: string): Promise<Result<{ start: number; free: number }[]>> {
    const office = this.office();
    const concern = office.concerns.find((c) => c.id === concernId && !c.infoUrl);
    if (!concern) return fail('UNKNOWN_CONCERN');
    const all = await this.store.listAppointments();
    return ok(slotsOn(office, concern, date, all, this.clock()).map((s) => ({ start: s.start, free: s.free })));
  }

  /** The next days with free slots (for the clerk's booking screen). */
  async nextFree(concernId: string, days: number) {
    const office = this.office();
    const concern = office.concerns.find((c) => c.id === concernId && !c.infoUrl);
    if (!concern) return fail('UNKNOWN_CONCERN');
    return ok(freeSlots(office, concern, await this.store.listAppointments(), this.clock(), days));
  }

  private checkCounter(office: OfficeConfig, concernId: string, counterId: string | undefined): Result<null> {
    if (counterId === undefined) return ok(null);
    const counter = office.counters.find((c) => c.id === counterId);
    if (!counter) return fail('UNKNOWN_COUNTER');
    if (!counter.concernIds.includes(concernId)) return fail('COUNTER_NOT_SERVING');
    return ok(null);
  }

  /** Books a place; the same `externalId` again answers the stored appointment (`repeated`). */
  book(cmd: BookCommand): Promise<Result<{ appointment: Appointment; repeated: boolean }>> {
    return this.change(async (tx) => {
      const office = this.office();
      const now = this.clock();
      const all = await tx.listAppointments();
      const done = (value: Result<{ appointment: Appointment; repeated: boolean }>) => ({ next: null, value });
      if (cmd.externalId !== undefined) {
        const known = all.find((a) => a.externalId === cmd.externalId);
        if (known) return done(ok({ appointment: known, repeated: true }));
      }
      const concern = office.concerns.find((c) => c.id === cmd.concernId);
      if (!concern) return done(fail('UNKNOWN_CONCERN'));
      const counter = this.checkCounter(office, concern.id, cmd.counterId);
      if (!counter.ok) return done(counter);
      const slot = checkBooking(office, concern, cmd.start, all, now);
      if (!slot.ok) return done(slot);
      if (cmd.code !== undefined && all.some((a) => a.code === cmd.code)) return done(fail('APPOINTMENT_EXISTS'));
      const appointment: Appointment = {
        id: randomUUID(),
        code: cmd.code ?? newCode(new Set(all.map((a) => a.code)), randomDigits),
        concernId: concern.id,
        start: cmd.start,
        bookedAt: now,
        bookedBy: cmd.bookedBy,
        ...(cmd.counterId !== undefined ? { counterId: cmd.counterId } : {}),
        ...(cmd.externalId !== undefined ? { externalId: cmd.externalId } : {}),
        ...(cmd.language !== undefined ? { language: cmd.language } : {}),
      };
      await tx.saveAppointment(appointment);
      return done(ok({ appointment, repeated: false }));
    });
  }

  /** Moves a booked appointment to another slot (and optionally another counter); keeps its code. */
  reschedule(id: string, start: number, counterId: string | null | undefined): Promise<Result<Appointment>> {
    return this.change(async (tx) => {
      const office = this.office();
      const all = await tx.listAppointments();
      const done = (value: Result<Appointment>) => ({ next: null, value });
      const current = all.find((a) => a.id === id);
      if (!current) return done(fail('UNKNOWN_APPOINTMENT'));
      if (!isActive(current)) return done(fail('APPOINTMENT_CANCELLED'));
      if (current.ticketId !== undefined) return done(fail('APPOINTMENT_USED'));
      const concern = office.concerns.find((c) => c.id === current.concernId);
      if (!concern) return done(fail('UNKNOWN_CONCERN'));
      const nextCounter = counterId === undefined ? current.counterId : (counterId ?? undefined);
      const counter = this.checkCounter(office, concern.id, nextCounter);
      if (!counter.ok) return done(counter);
      const slot = checkBooking(office, concern, start, all, this.clock(), id);
      if (!slot.ok) return done(slot);
      const { counterId: _old, ...rest } = current;
      const moved: Appointment = { ...rest, start, ...(nextCounter ? { counterId: nextCounter } : {}) };
      await tx.saveAppointment(moved);
      return done(ok(moved));
    });
  }

  /** Cancels an appointment that was not checked in; its code no longer checks in. */
  cancel(id: string): Promise<Result<Appointment>> {
    return this.change(async (tx) => {
      const all = await tx.listAppointments();
      const done = (value: Result<Appointment>) => ({ next: null, value });
      const current = all.find((a) => a.id === id);
      if (!current) return done(fail('UNKNOWN_APPOINTMENT'));
      if (!isActive(current)) return done(ok(current));
      if (current.ticketId !== undefined) return done(fail('APPOINTMENT_USED'));
      const cancelled = { ...current, cancelledAt: this.clock() };
      await tx.saveAppointment(cancelled);
      return done(ok(cancelled));
    });
  }

  async byId(id: string): Promise<Appointment | undefined> {
    return (await this.store.listAppointments()).find((a) => a.id === id);
  }

  /** Tickets behind appointments: the live day's, and the archived ones of `date`. */
  private async ticketsOf(date: string | undefined): Promise<Map<string, Ticket>> {
    const tickets = [...this.queue.day().tickets];
    if (date !== undefined && date !== this.queue.day().day)
      tickets.push(...(await this.store.archivedTickets(date, date)));
    return new Map(tickets.filter((t) => t.appointmentId).map((t) => [t.appointmentId as string, t]));
  }

  /** The appointments of a local day (all when no date), by start time, with their status. */
  async list(date: string | undefined): Promise<AppointmentView[]> {
    const office = this.office();
    const all = await this.store.listAppointments();
    const ofDay = date === undefined ? all : all.filter((a) => localDay(a.start, office.timezone) === date);
    const tickets = await this.ticketsOf(date);
    return ofDay
      .sort((a, b) => a.start - b.start || a.code.localeCompare(b.code))
      .map((a) => this.view(a, tickets.get(a.id)));
  }

  /**
   * Booked, cancelled, kept, no-shows and punctuality per period (of the slot) and concern, from
   * the archived days and today's live one.
   */
  async stats(from: string, to: string, by: StatsGrouping): Promise<AppointmentStatsRow[]> {
    const tickets = [...(await this.store.archivedTickets(from, to)), ...this.queue.day().tickets];
    return appointmentStats(await this.store.listAppointments(), tickets, {
      from,
      to,
      by,
      timeZone: this.office().timezone,
      now: this.clock(),
    });
  }

  view(a: Appointment, ticket?: Ticket): AppointmentView {
    const t = ticket ?? (a.ticketId ? this.queue.ticketById(a.ticketId) : undefined);
    const office = this.office();
    return toAppointmentView(a, appointmentStatus(a, t, this.clock(), office.timezone), t?.number);
  }
}
