/**
 * Warning and critical levels of the manager's live view (`core/live.ts`). Part of the office
 * configuration (`alertThresholds`); every field is optional and falls back to a default here,
 * so an office without the section gets sensible alerts. Pure.
 */
import { z } from 'zod';
import type { OfficeConfig } from './types.ts';

/** A pair of levels; `critical` is never below `warning`. */
const Levels = z
  .object({ warning: z.number().min(0).max(10_000), critical: z.number().min(0).max(10_000) })
  .strict()
  .refine((l) => l.critical >= l.warning, { message: 'critical must not be below warning', path: ['critical'] });

export const AlertThresholdsSchema = z
  .object({
    /** Longest wait of a concern, minutes (default: the office's target wait, critical twice that). */
    waitMinutes: Levels.optional(),
    /** The same per concern id, where one concern has its own target. */
    concernWaitMinutes: z.record(z.string().min(1).max(64), Levels).optional(),
    /** People waiting per open counter serving the concern. */
    waitingPerCounter: Levels.optional(),
    /** A counter paused this many minutes. */
    pausedMinutes: Levels.optional(),
    /** A paired kiosk or screen not connected for this many minutes. */
    deviceOfflineMinutes: Levels.optional(),
    /** An appointment holder still waiting this many minutes past the slot. */
    appointmentLateMinutes: Levels.optional(),
  })
  .strict();

export type AlertThresholdsConfig = z.infer<typeof AlertThresholdsSchema>;
export type LevelPair = { warning: number; critical: number };

export interface AlertThresholds {
  waitMinutes: LevelPair;
  concernWaitMinutes: Record<string, LevelPair>;
  waitingPerCounter: LevelPair;
  pausedMinutes: LevelPair;
  deviceOfflineMinutes: LevelPair;
  appointmentLateMinutes: LevelPair;
}

export const DEFAULT_WAIT_WARNING_MINUTES = 20;

/** The thresholds in force: the office's own, each missing one from its default. */
export function thresholdsOf(
  office: Pick<OfficeConfig, 'statsTargetWaitMinutes'> & { alertThresholds?: AlertThresholdsConfig | undefined },
): AlertThresholds {
  const own = office.alertThresholds ?? {};
  const target = office.statsTargetWaitMinutes ?? DEFAULT_WAIT_WARNING_MINUTES;
  return {
    waitMinutes: own.waitMinutes ?? { warning: target, critical: target * 2 },
    concernWaitMinutes: own.concernWaitMinutes ?? {},
    waitingPerCounter: own.waitingPerCounter ?? { warning: 8, critical: 15 },
    pausedMinutes: own.pausedMinutes ?? { warning: 20, critical: 45 },
    deviceOfflineMinutes: own.deviceOfflineMinutes ?? { warning: 2, critical: 10 },
    appointmentLateMinutes: own.appointmentLateMinutes ?? { warning: 10, critical: 20 },
  };
}

export type Level = 'ok' | 'warning' | 'critical';

/** The level `value` reaches on `levels` (at or above a level counts). */
export function levelOf(value: number, levels: LevelPair): Level {
  if (value >= levels.critical) return 'critical';
  if (value >= levels.warning) return 'warning';
  return 'ok';
}
