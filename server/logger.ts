/** One logger for the server; each module takes a child tagged with its name. */
import { pino, type Logger } from 'pino';

const root = pino({
  level: process.env.LOTSE_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

export type { Logger };

export function logger(module: string): Logger {
  return root.child({ module });
}
