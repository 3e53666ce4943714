/**
 * Group commit for the PostgreSQL store: the changes of one office that a process receives
 * while its previous group is being stored wait, and then run together in ONE database
 * transaction (one row lock, one write of every changed row, one COMMIT), one after another,
 * each seeing the day the previous one produced. Under load (12 kiosks drawing at once) the
 * changes no longer queue on the office's lock one transaction each: a whole burst costs about
 * one transaction. Pure bookkeeping, no I/O: the store runs the groups.
 */

/** One waiting change: what it runs and how its caller is answered. */
export interface Member<M> {
  change: M;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * At most this many changes in one transaction: each may take a savepoint, and PostgreSQL keeps
 * up to 64 subtransactions of a transaction in shared memory before every snapshot gets slower.
 */
export const MAX_GROUP = 48;

/**
 * The waiting changes of one office and the one group running at a time. `run` is handed a
 * `take` that returns the next waiting change (undefined once none waits or the group is full);
 * it must settle every change it took and never throw.
 */
export class GroupQueue<M> {
  private waiting: Member<M>[] = [];
  private running = false;

  constructor(
    private readonly run: (take: () => Member<M> | undefined) => Promise<void>,
    private readonly max = MAX_GROUP,
  ) {}

  /** Queues a change; resolves or rejects with its outcome, once its group is stored (or refused). */
  add(change: M): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ change, resolve, reject });
      if (this.running) return;
      this.running = true;
      // After the current turn of the event loop: requests read in the same turn join one group.
      setImmediate(() => void this.drain());
    });
  }

  /** How many changes wait for the next group (for tests and logs). */
  get size(): number {
    return this.waiting.length;
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      let taken = 0;
      const take = () => {
        if (taken >= this.max) return undefined;
        const next = this.waiting.shift();
        if (next) taken++;
        return next;
      };
      await this.run(take).catch(() => undefined);
    }
    this.running = false;
  }
}
