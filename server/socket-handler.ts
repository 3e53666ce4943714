/**
 * One way to serve a socket.io request event: validate the payload with its zod schema, run the
 * handler, answer with the acknowledgement `{ok:true, data}` / `{ok:false, error: CODE}`.
 * Exceptions are logged and answered with `INTERNAL`, never with their text.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../core/result.ts';
import type { Logger } from './logger.ts';
import { unavailableCode } from './store/unavailable.ts';

export type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorCode };

export const done = <T>(data: T): Answer<T> => ({ ok: true, data });
export const failed = (error: ErrorCode): Answer<never> => ({ ok: false, error });

export interface SocketHandler<S, Req, Data> {
  schema: z.ZodType<Req>;
  run: (socket: S, req: Req) => Promise<Answer<Data>> | Answer<Data>;
}

interface Listening {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function bindHandler<S extends Listening, Req, Data>(
  socket: S,
  event: string,
  handler: SocketHandler<S, Req, Data>,
  log: Logger,
): void {
  socket.on(event, async (req: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const reply = ack as (a: unknown) => void;
    const parsed = handler.schema.safeParse(req ?? {});
    if (!parsed.success) return reply(failed('VALIDATION_FAILED'));
    try {
      reply(await handler.run(socket, parsed.data));
    } catch (error) {
      const unavailable = unavailableCode(error);
      if (unavailable) {
        log.warn({ err: error, event }, 'storage cannot write; answered without storing');
        return reply(failed(unavailable));
      }
      log.error({ err: error, event }, 'socket handler failed');
      reply(failed('INTERNAL'));
    }
  });
}
