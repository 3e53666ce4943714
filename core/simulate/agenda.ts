/**
 * The day simulator's agenda: what happens next in the simulated day (a visitor arrives, a clerk
 * calls, a service ends, ...), ordered by time and then by the order it was scheduled.
 */

export type Event =
  | { kind: 'arrive'; concernId: string; appointmentAt?: number; appointmentId?: string }
  | { kind: 'open'; span: number }
  | { kind: 'try-call'; counterId: string }
  | { kind: 'at-counter'; counterId: string; ticketId: string }
  | { kind: 'service-end'; counterId: string; ticketId: string }
  | { kind: 'recall'; counterId: string; ticketId: string }
  | { kind: 'back'; ticketId: string }
  | { kind: 'sample' };

/** Events by time, then by the order they were scheduled (a binary heap). */
export class Agenda {
  private heap: { at: number; seq: number; event: Event }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, event: Event): void {
    const item = { at, seq: this.seq++, event };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i] as typeof item, h[p] as typeof item)) break;
      [h[i], h[p]] = [h[p] as typeof item, h[i] as typeof item];
      i = p;
    }
  }

  pop(): { at: number; event: Event } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last) return undefined;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l] as typeof last, h[m] as typeof last)) m = l;
        if (r < h.length && this.less(h[r] as typeof last, h[m] as typeof last)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as typeof last, h[i] as typeof last];
        i = m;
      }
    }
    return top;
  }

  private less(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}
