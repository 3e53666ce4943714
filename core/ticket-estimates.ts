/**
 * Every waiting ticket's wait estimate, as the estimate pass (`core/estimate.ts`) leaves them:
 * looked up by ticket id.
 */
import type { Ticket } from './types.ts';

export interface TicketEstimate {
  waitingAhead: number;
  estimatedWaitMinutes: number;
}

/** Lookups by linear search before an index by id is built (see `TicketEstimates`). */
const LOOKUPS_BEFORE_INDEX = 4;

/**
 * Every waiting ticket's estimate, by id. Held as two arrays by place in the waiting list; the
 * index by id is built only once more than a few tickets are looked up (the phones' updates),
 * not for a kiosk's answer, which reads one (the newest, found first from the end): recomputed
 * after every change, a map of thousands of entries was most of what a ticket issue allocated.
 * Parked tickets get 0 and 0.
 */
export class TicketEstimates {
  private byId: Map<string, number> | undefined;
  private lookups = 0;

  constructor(
    private readonly waiting: readonly Ticket[],
    private readonly ahead: Int32Array,
    private readonly minutes: Int32Array,
    private readonly parked: readonly string[],
  ) {}

  get(id: string): TicketEstimate | undefined {
    const i = this.placeOf(id);
    if (i >= 0) return { waitingAhead: this.ahead[i] as number, estimatedWaitMinutes: this.minutes[i] as number };
    return this.parked.includes(id) ? { waitingAhead: 0, estimatedWaitMinutes: 0 } : undefined;
  }

  private placeOf(id: string): number {
    if (!this.byId && ++this.lookups > LOOKUPS_BEFORE_INDEX) {
      this.byId = new Map();
      for (let i = 0; i < this.waiting.length; i++) this.byId.set((this.waiting[i] as Ticket).id, i);
    }
    if (this.byId) return this.byId.get(id) ?? -1;
    for (let i = this.waiting.length - 1; i >= 0; i--) if ((this.waiting[i] as Ticket).id === id) return i;
    return -1;
  }
}
