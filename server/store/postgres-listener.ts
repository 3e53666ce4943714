/**
 * The LISTEN connection of a PostgreSQL store: other processes' notices of a changed live day
 * (`lotse_day`: office|instance|version) and of a changed office configuration
 * (`lotse_office`: office|instance). When the connection breaks (a database restart), it is
 * opened again with a growing pause (250 ms, doubling, at most 10 s); on success the store is
 * told to reload, since notices sent meanwhile were missed.
 */
import pg from 'pg';
import { logger } from '../logger.ts';

const log = logger('postgres');

export interface ListenerEvents {
  /** Another process stored the office's live day at `version`. */
  day(version: number): void;
  /** Another process saved the office's configuration. */
  office(): void;
  /** The connection is back after a break: whatever was announced meanwhile is unknown. */
  reconnected(): void;
}

export class DayListener {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly officeId: string,
    /** This process's own notices carry it; they are not news here. */
    private readonly instance: string,
    private readonly on: ListenerEvents,
  ) {}

  /** Connects and LISTENs; rejects when the first connection cannot be made. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (error) log.error({ err: error }, 'database listener failed');
      client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      if (!this.closed) this.retry(0);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (msg) => {
      const [office, instance, version] = (msg.payload ?? '').split('|');
      if (office !== this.officeId || instance === this.instance) return;
      if (msg.channel === 'lotse_office') this.on.office();
      else this.on.day(Number(version) || 0);
    });
    try {
      await client.connect();
      await client.query('LISTEN lotse_day');
      await client.query('LISTEN lotse_office');
    } catch (error) {
      lost = true;
      client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private retry(attempt: number): void {
    const pause = Math.min(250 * 2 ** attempt, 10_000);
    this.timer = setTimeout(() => {
      if (this.closed) return;
      this.start().then(
        () => {
          log.info({ attempt: attempt + 1 }, 'database listener connected again; reloading');
          this.on.reconnected();
        },
        () => this.retry(attempt + 1),
      );
    }, pause);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
  }
}
