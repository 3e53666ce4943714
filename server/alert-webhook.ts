/**
 * Alert webhook: every alert raised, changed or cleared is POSTed as JSON to
 * `LOTSE_ALERT_WEBHOOK_URL`, one after another in order. Each request carries
 *   `X-Lotse-Timestamp`  epoch milliseconds of the delivery attempt,
 *   `X-Lotse-Delivery`   an id that stays the same across retries of one event,
 *   `X-Lotse-Signature`  `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with LOTSE_ALERT_WEBHOOK_SECRET>`.
 * A failed delivery (network error, timeout, 5xx, 408, 429) is retried with doubling waits; the
 * queue is bounded (the oldest waiting event is dropped when it is full), so a dead receiver
 * never grows the server's memory.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { AlertTransition } from '../core/alerts.ts';
import { logger } from './logger.ts';

const log = logger('alert-webhook');

export interface AlertWebhookOptions {
  url: string;
  secret: string;
  /** Attempts per event (default 5). */
  attempts?: number;
  /** Wait before the first retry; doubles with each (default 1000 ms). */
  retryDelayMs?: number;
  /** Events waiting at most (default 200). */
  maxQueue?: number;
  /** Per request (default 5000 ms). */
  timeoutMs?: number;
}

export interface AlertWebhookEvent {
  type: `alert:${AlertTransition['type']}`;
  officeId: string;
  officeName: string;
  /** ISO time of the change. */
  at: string;
  alert: AlertTransition['alert'];
}

/** The signature header value for a body sent at `timestamp`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class AlertWebhook {
  private readonly queue: { id: string; event: AlertWebhookEvent }[] = [];
  private running = false;
  private stopped = false;
  private wake: (() => void) | undefined;
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  /** Delivered and given-up events since start (for tests and logs). */
  delivered = 0;
  dropped = 0;

  constructor(private readonly options: AlertWebhookOptions) {
    this.attempts = options.attempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.maxQueue = options.maxQueue ?? 200;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  send(event: AlertWebhookEvent): void {
    if (this.stopped) return;
    if (this.queue.length >= this.maxQueue) {
      this.queue.shift();
      this.dropped += 1;
      log.warn({ maxQueue: this.maxQueue }, 'alert webhook queue full: dropped the oldest event');
    }
    this.queue.push({ id: randomUUID(), event });
    if (!this.running) void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.wake?.();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped && this.queue.length > 0) {
        const next = this.queue[0] as { id: string; event: AlertWebhookEvent };
        const ok = await this.deliver(next.id, next.event);
        if (this.queue[0] === next) this.queue.shift();
        if (ok) this.delivered += 1;
        else this.dropped += 1;
      }
    } finally {
      this.running = false;
    }
  }

  private async deliver(id: string, event: AlertWebhookEvent): Promise<boolean> {
    const body = JSON.stringify(event);
    for (let attempt = 1; attempt <= this.attempts && !this.stopped; attempt++) {
      const timestamp = String(Date.now());
      let retry = true;
      try {
        const response = await fetch(this.options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-lotse-timestamp': timestamp,
            'x-lotse-delivery': id,
            'x-lotse-signature': signWebhook(this.options.secret, timestamp, body),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return true;
        retry = response.status >= 500 || response.status === 408 || response.status === 429;
        log.warn({ status: response.status, attempt, type: event.type }, 'alert webhook refused');
      } catch (error) {
        log.warn({ err: error, attempt, type: event.type }, 'alert webhook unreachable');
      }
      if (!retry) return false;
      if (attempt < this.attempts) await this.pause(this.retryDelayMs * 2 ** (attempt - 1));
    }
    log.error({ type: event.type, alert: event.alert.id }, 'alert webhook gave up');
    return false;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
