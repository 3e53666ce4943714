/**
 * The manager's live view and its alerts, kept current: computed again shortly after every queue,
 * printer or device change and on a periodic tick (waits grow without any change), always at the
 * injected clock's time. Tells its listeners (the `/live` namespace) and the alert webhook what
 * changed, counts the minutes in alert per day, and publishes the office's summary for the city
 * overview. The rules themselves are pure (`core/live.ts`, `core/alerts.ts`).
 */
import { thresholdsOf } from '../core/alert-thresholds.ts';
import {
  type AlertMemory,
  type AlertMinutesRecord,
  type AlertTransition,
  addAlertMinutes,
  alertMinutesBetween,
  type LiveAlert,
  pruneAlertMinutes,
  trackAlerts,
} from '../core/alerts.ts';
import { alertsForCounter, type LiveDeviceInput, liveFigures } from '../core/live.ts';
import { sameWeekdays, todaySoFar, usualSoFar } from '../core/live-today.ts';
import { type LiveView, worstLevel } from '../core/live-view.ts';
import { addDays, localDay } from '../core/localtime.ts';
import type { HourBucket } from '../core/stats.ts';
import type { OfficeConfig } from '../core/types.ts';
import type { AlertWebhook } from './alert-webhook.ts';
import type { DeviceService } from './devices.ts';
import type { LiveStorage } from './live-storage.ts';
import { logger } from './logger.ts';
import type { PrintService } from './printing/print-service.ts';
import type { Clock, QueueService } from './queue-service.ts';
import type { Store } from './store/store.ts';

const log = logger('live');

export interface LiveServiceDeps {
  office: () => OfficeConfig;
  queue: QueueService;
  devices: DeviceService;
  printing: PrintService;
  store: Store;
  clock: Clock;
  storage: LiveStorage;
  webhook?: AlertWebhook | undefined;
}

export interface LiveServiceOptions {
  /** Periodic recomputation (default 5 s). */
  tickMs?: number;
  /** Recomputation after a change waits this long to take a burst at once (default 200 ms). */
  settleMs?: number;
}

/** Minutes in alert are stored at most this often (and when the server stops). */
const SAVE_EVERY_MS = 60_000;
/** Days of alert minutes kept. */
const KEEP_DAYS = 800;

type Listener = (view: LiveView, transitions: AlertTransition[]) => void;

export class LiveService {
  private memory: AlertMemory = new Map();
  private current: LiveView | null = null;
  private lastAt: number | null = null;
  private minutes: AlertMinutesRecord = {};
  private minutesDirty = false;
  private lastSave = 0;
  private readonly pausedSince = new Map<string, number>();
  private readonly connections = new Map<string, number>();
  private readonly disconnectedAt = new Map<string, number>();
  private usual: { day: string; buckets: HourBucket[]; days: string[] } | null = null;
  private readonly listeners = new Set<Listener>();
  private running: Promise<LiveView> | null = null;
  private next: Promise<LiveView> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private settle: NodeJS.Timeout | undefined;
  private readonly unsubscribe: (() => void)[] = [];
  private stopped = false;
  private keeper = false;

  constructor(
    private readonly deps: LiveServiceDeps,
    private readonly options: LiveServiceOptions = {},
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.unsubscribe.push(
      this.deps.queue.onChange(() => this.soon()),
      this.deps.printing.onStatus(() => this.soon()),
      this.deps.devices.onRemoved(() => this.soon()),
    );
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.options.tickMs ?? 5000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.settle) clearTimeout(this.settle);
    for (const off of this.unsubscribe.splice(0)) off();
    this.deps.webhook?.stop();
    await this.running?.catch(() => undefined);
    if (this.minutesDirty) await this.saveMinutes();
    await this.deps.storage.close();
  }

  onUpdate(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A paired kiosk or screen connected (realtime). */
  deviceConnected(id: string): void {
    this.connections.set(id, (this.connections.get(id) ?? 0) + 1);
    this.disconnectedAt.delete(id);
    this.soon();
  }

  deviceDisconnected(id: string): void {
    const left = (this.connections.get(id) ?? 1) - 1;
    if (left > 0) this.connections.set(id, left);
    else {
      this.connections.delete(id);
      this.disconnectedAt.set(id, this.deps.clock());
    }
    this.soon();
  }

  /** The view as last computed (computed now when there is none yet). */
  async view(): Promise<LiveView> {
    return this.current ?? this.refresh();
  }

  /** The current alerts of the concerns `counterId` serves. */
  counterAlerts(counterId: string): LiveAlert[] {
    return this.current ? alertsForCounter(this.current.alerts, this.deps.office(), counterId) : [];
  }

  /** Alert minutes per day of `from`..`to` (as stored by the keeping process when it is another). */
  async alertMinutes(from: string, to: string) {
    const record = this.keeper ? this.minutes : await this.deps.storage.loadMinutes().catch(() => this.minutes);
    return alertMinutesBetween(record, from, to);
  }

  /** Becomes the keeper of minutes and webhooks when no other process of the office is. */
  private async checkKeeper(): Promise<void> {
    const keeper = await this.deps.storage.isKeeper().catch((error: unknown) => {
      log.warn({ err: error }, 'cannot tell whether this process keeps the alerts');
      return false;
    });
    if (keeper && !this.keeper) {
      // Taking over: go on from what the last keeper stored.
      this.minutes = await this.deps.storage.loadMinutes().catch((error: unknown) => {
        log.error({ err: error }, 'alert minutes could not be read; counting from zero');
        return {};
      });
      this.minutesDirty = false;
    }
    this.keeper = keeper;
  }

  /**
   * Computes the view again now, one computation at a time. Asked while one runs, it answers
   * with the next one: the running one may have read the day before the change the caller has
   * just seen confirmed (a counter closed, then the view asked for).
   */
  refresh(): Promise<LiveView> {
    const running = this.running;
    if (running) {
      this.next ??= running.then(
        () => this.afterRunning(running),
        () => this.afterRunning(running),
      );
      return this.next;
    }
    const run = this.compute().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /** The computation asked for while `previous` ran (none once stopped: `previous`'s view). */
  private afterRunning(previous: Promise<LiveView>): Promise<LiveView> {
    this.next = null;
    return this.stopped ? previous : this.refresh();
  }

  private soon(): void {
    if (this.stopped || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = undefined;
      void this.refresh().catch((error: unknown) => log.error({ err: error }, 'live view failed'));
    }, this.options.settleMs ?? 200);
    this.settle.unref();
  }

  private async compute(): Promise<LiveView> {
    await this.checkKeeper();
    const office = this.deps.office();
    const now = this.deps.clock();
    const day = this.deps.queue.day();
    for (const [id, state] of Object.entries(day.counters)) {
      if (state.status !== 'paused') this.pausedSince.delete(id);
      else if (!this.pausedSince.has(id)) this.pausedSince.set(id, now);
    }
    const devices: LiveDeviceInput[] = (await this.deps.devices.list()).map((d) => ({
      id: d.id,
      kind: d.kind,
      name: d.name,
      connected: this.connections.has(d.id),
      lastSeenAt: d.lastSeenAt ? Date.parse(d.lastSeenAt) : null,
      disconnectedAt: this.disconnectedAt.get(d.id) ?? null,
    }));
    const snapshot = this.deps.queue.queueSnapshot();
    const figures = liveFigures({
      office,
      day,
      now,
      thresholds: thresholdsOf(office),
      devices,
      printers: this.deps.printing.views(),
      pausedSince: Object.fromEntries(this.pausedSince),
      estimates: Object.fromEntries(snapshot.waiting.map((w) => [w.concernId, w.estimatedWaitMinutes])),
    });
    const previous = this.current?.alerts ?? [];
    const tracked = trackAlerts(this.memory, previous, figures.alerts, now);
    this.memory = tracked.memory;
    if (this.keeper && this.lastAt !== null && previous.length > 0) {
      this.minutes = addAlertMinutes(this.minutes, localDay(this.lastAt, office.timezone), previous, this.lastAt, now);
      this.minutesDirty = true;
    }
    this.lastAt = now;
    const view: LiveView = {
      ...figures,
      at: new Date(now).toISOString(),
      level: worstLevel(tracked.alerts.map((a) => a.level)),
      alerts: tracked.alerts,
      today: await this.today(day.day, now, office.timezone, todaySoFar(day)),
    };
    this.current = view;
    for (const listener of this.listeners) listener(view, tracked.transitions);
    const webhook = this.keeper ? this.deps.webhook : undefined;
    if (webhook) {
      for (const t of tracked.transitions) {
        webhook.send({
          type: `alert:${t.type}`,
          officeId: office.id,
          officeName: office.name,
          at: view.at,
          alert: t.alert,
        });
      }
    }
    await this.deps.storage
      .publish(view)
      .catch((error: unknown) => log.warn({ err: error }, 'publishing the live view failed'));
    if (this.minutesDirty && now - this.lastSave >= SAVE_EVERY_MS) await this.saveMinutes();
    return view;
  }

  private async today(day: string, now: number, timeZone: string, today: ReturnType<typeof todaySoFar>) {
    if (this.usual?.day !== day) {
      const days = sameWeekdays(day);
      const buckets = await this.deps.store
        .statsBuckets(days.at(-1) as string, days[0] as string)
        .catch((error: unknown) => {
          log.warn({ err: error }, 'statistics for the usual day could not be read');
          return [] as HourBucket[];
        });
      this.usual = { day, buckets, days };
    }
    return { today, usual: usualSoFar(this.usual.buckets, this.usual.days, now, timeZone), usualDays: this.usual.days };
  }

  private async saveMinutes(): Promise<void> {
    const now = this.deps.clock();
    this.lastSave = now;
    this.minutesDirty = false;
    const keepFrom = addDays(localDay(now, this.deps.office().timezone), -KEEP_DAYS);
    this.minutes = pruneAlertMinutes(this.minutes, keepFrom);
    await this.deps.storage.saveMinutes(this.minutes).catch((error: unknown) => {
      this.minutesDirty = true;
      log.warn({ err: error }, 'alert minutes could not be stored');
    });
  }
}
