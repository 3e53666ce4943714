/** What `GET /api/live`, `live:update` and the city overview send (shapes only). */
import type { Level } from './alert-thresholds.ts';
import type { LiveAlert } from './alerts.ts';
import type { LiveFigures } from './live.ts';
import type { TodayFigures } from './live-today.ts';

export interface LiveView extends Omit<LiveFigures, 'alerts'> {
  /** When it was computed (ISO). */
  at: string;
  /** The worst level of any alert. */
  level: Level;
  alerts: LiveAlert[];
  today: TodayFigures;
}

/** The alerts a counter's clerks see: those of the concerns it serves. */
export interface CounterAlerts {
  counterId: string;
  alerts: LiveAlert[];
}

/** One office in the city overview (`GET /api/city/live`). */
export interface CityOffice {
  officeId: string;
  officeName: string;
  /** When the office last published its figures (ISO). */
  updatedAt: string;
  /** No figures for a while: the office's server is not running (or cannot reach the database). */
  stale: boolean;
  level: Level;
  waiting: number;
  longestWaitMinutes: number;
  openCounters: number;
  concerns: LiveView['concerns'];
  alerts: LiveAlert[];
  today: TodayFigures;
}

/** The worst of several levels. */
export function worstLevel(levels: readonly Level[]): Level {
  return levels.includes('critical') ? 'critical' : levels.includes('warning') ? 'warning' : 'ok';
}

/** An office's live view as the city overview lists it. */
export function cityOfficeOf(view: LiveView, stale = false): CityOffice {
  return {
    officeId: view.officeId,
    officeName: view.officeName,
    updatedAt: view.at,
    stale,
    level: view.level,
    waiting: view.concerns.reduce((n, c) => n + c.waiting, 0),
    longestWaitMinutes: view.concerns.reduce((n, c) => Math.max(n, c.longestWaitMinutes), 0),
    openCounters: view.counters.filter((c) => c.status === 'open').length,
    concerns: view.concerns,
    alerts: view.alerts,
    today: view.today,
  };
}
