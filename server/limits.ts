/**
 * Rate limits per client address, account or kiosk: fixed windows in memory, or in Redis when
 * LOTSE_REDIS_URL is set (then every server process counts together). A key expires with its
 * window; nothing is evicted early, so throwaway keys (made-up user names) cannot flush the
 * count of a real one. Memory stays bounded because the per-client limits cap how many keys
 * one client can create.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { closeRedis } from './redis-close.ts';
import { logger } from './logger.ts';

const log = logger('limits');

export interface LimitRule {
  /** Allowed within the window. */
  points: number;
  /** Window length in seconds. */
  seconds: number;
}

export const LIMIT_RULES = {
  /** Tickets drawn by an anonymous client (neither staff nor a paired kiosk). */
  ticket: { points: 100, seconds: 60 },
  /** Ticket status look-ups by a client (phones behind one office Wi-Fi share an address). */
  status: { points: 600, seconds: 60 },
  /** Status look-ups of tokens that do not exist, per client. */
  statusMiss: { points: 30, seconds: 60 },
  /** Failed sign-ins per client address. */
  loginClient: { points: 20, seconds: 15 * 60 },
  /** Failed sign-ins per account, from anywhere. */
  loginAccount: { points: 10, seconds: 15 * 60 },
  /** Wrong appointment codes per client or paired kiosk. */
  appointmentCode: { points: 20, seconds: 10 * 60 },
  /** Wrong print-agent keys per client. */
  agentKey: { points: 10, seconds: 10 * 60 },
  /** Numbers from on the way taken on the public page per client. */
  remoteTicket: { points: 5, seconds: 10 * 60 },
} satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof LIMIT_RULES;

/** Longest key kept (user names and addresses are cut to this). */
const KEY_MAX = 100;

export class Limits {
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();

  private constructor(
    make: (name: LimitName, rule: LimitRule) => RateLimiterAbstract,
    private readonly closeStore: () => Promise<void>,
  ) {
    for (const [name, rule] of Object.entries(LIMIT_RULES) as [LimitName, LimitRule][]) {
      this.limiters.set(name, make(name, rule));
    }
  }

  /** Limits counted in this process only. */
  static memory(): Limits {
    return new Limits(
      (_name, rule) => new RateLimiterMemory({ points: rule.points, duration: rule.seconds }),
      async () => undefined,
    );
  }

  /** Limits shared by every process on one Redis; each process falls back to memory while Redis is away. */
  static async redis(url: string, officeId: string): Promise<Limits> {
    const client = createClient({ url });
    client.on('error', (error: unknown) => log.error({ err: error }, 'redis connection for rate limits failed'));
    await client.connect();
    return new Limits(
      (name, rule) =>
        new RateLimiterRedis({
          storeClient: client,
          useRedisPackage: true,
          keyPrefix: `lotse:${officeId}:limit:${name}`,
          points: rule.points,
          duration: rule.seconds,
          insuranceLimiter: new RateLimiterMemory({ points: rule.points, duration: rule.seconds }),
        }),
      async () => {
        await closeRedis(client);
      },
    );
  }

  /** Counts one attempt; false when the limit was already used up. */
  async take(name: LimitName, key: string): Promise<boolean> {
    try {
      await this.limiter(name).consume(key.slice(0, KEY_MAX), 1);
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      log.error({ err: error, limit: name }, 'rate limit store failed');
      return true;
    }
  }

  /** Whether the limit is used up, without counting. */
  async exhausted(name: LimitName, key: string): Promise<boolean> {
    try {
      const res = await this.limiter(name).get(key.slice(0, KEY_MAX));
      return !!res && res.consumedPoints >= LIMIT_RULES[name].points;
    } catch (error) {
      log.error({ err: error, limit: name }, 'rate limit store failed');
      return false;
    }
  }

  async clear(name: LimitName, key: string): Promise<void> {
    await this.limiter(name)
      .delete(key.slice(0, KEY_MAX))
      .catch(() => undefined);
  }

  close(): Promise<void> {
    return this.closeStore();
  }

  private limiter(name: LimitName): RateLimiterAbstract {
    return this.limiters.get(name) as RateLimiterAbstract;
  }
}
