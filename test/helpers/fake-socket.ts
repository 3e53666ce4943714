/**
 * A socket.io client stand-in for component tests of the staff apps: records what was sent,
 * answers each event with the handler set for it, and pushes server events to listeners.
 * Use with `vi.mock('./socket.ts', () => ({ connect: () => fake }))` in `ui/` tests.
 */
export type Handler = (req: unknown) => unknown;

export class FakeSocket {
  connected = true;
  sent: { event: string; req: unknown }[] = [];
  handlers = new Map<string, Handler>();
  private listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  on(event: string, fn: (...args: unknown[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(fn);
    return this;
  }
  off(event: string, fn: (...args: unknown[]) => void) {
    this.listeners.get(event)?.delete(fn);
    return this;
  }
  timeout() {
    return this;
  }
  emit(event: string, req: unknown, ack: (err: Error | null, answer: unknown) => void) {
    this.sent.push({ event, req });
    const handler = this.handlers.get(event);
    queueMicrotask(() => ack(null, handler ? handler(req) : { ok: false, error: 'INTERNAL' }));
    return this;
  }
  push(event: string, payload: unknown) {
    for (const fn of this.listeners.get(event) ?? []) fn(payload);
  }
  disconnect() {
    this.connected = false;
  }
}
