/**
 * The one socket.io client stand-in for component and state tests of the apps: records what was
 * sent, answers each event with the handler set for it (or leaves it to the test, see `hold`),
 * pushes server events to listeners, and connects and drops like a real client.
 * Use with `vi.mock('./socket.ts', () => ({ connect: () => fake }))` in `ui/` tests.
 */
export type Handler = (req: unknown) => unknown;
type Listener = (...args: any[]) => void;

/** A request the test answers by hand. */
export interface HeldRequest {
  event: string;
  req: unknown;
  reply: (err: Error | null, answer?: unknown) => void;
}

export class FakeSocket {
  connected: boolean;
  sent: { event: string; req: unknown }[] = [];
  handlers = new Map<string, Handler>();
  /** Requests of held events, oldest first. */
  held: HeldRequest[] = [];
  private holding = new Set<string>();
  private listeners = new Map<string, Set<Listener>>();

  constructor(options: { connected?: boolean } = {}) {
    this.connected = options.connected ?? true;
  }

  /** Requests of this event wait in `held` for the test to answer them. */
  hold(event: string): this {
    this.holding.add(event);
    return this;
  }
  on(event: string, fn: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(fn);
    return this;
  }
  off(event: string, fn: Listener) {
    this.listeners.get(event)?.delete(fn);
    return this;
  }
  timeout(_ms?: number) {
    return this;
  }
  emit(event: string, req: unknown, ack: (err: Error | null, answer?: unknown) => void) {
    this.sent.push({ event, req });
    if (this.holding.has(event)) {
      this.held.push({ event, req, reply: ack });
      return this;
    }
    const handler = this.handlers.get(event);
    queueMicrotask(() => ack(null, handler ? handler(req) : { ok: false, error: 'INTERNAL' }));
    return this;
  }
  /** A server event (or `connect`, `disconnect`) reaches the listeners. */
  push(event: string, ...args: unknown[]) {
    for (const fn of [...(this.listeners.get(event) ?? [])]) fn(...args);
  }
  connect() {
    this.connected = true;
    this.push('connect');
  }
  /** The transport closes (the client would reconnect by itself). */
  drop() {
    this.connected = false;
    this.push('disconnect', 'transport close');
  }
  disconnect() {
    this.connected = false;
  }
  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
