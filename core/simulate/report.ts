/**
 * Figures of simulated days: waits (mean, p90, max) per concern and overall, and how far the
 * estimates printed on the tickets were from the waits that then happened. Pure.
 */
import type { DayResult, VisitorRecord } from './options.ts';

export interface WaitSummary {
  count: number;
  meanMinutes: number;
  p90Minutes: number;
  maxMinutes: number;
}

export interface EstimateError {
  /** Visitors with an estimate and a wait. */
  count: number;
  /** Median of |estimate - actual wait|, minutes. */
  medianAbsoluteMinutes: number;
  meanAbsoluteMinutes: number;
  /** Median absolute error as a share of the mean wait (0.25 = 25 %). */
  relativeToMeanWait: number;
  /** Mean of (estimate - actual): positive means the estimates were too long. */
  biasMinutes: number;
  /** Share of visitors whose estimate was within 5 minutes of the wait. */
  within5Minutes: number;
}

export interface SimulationReport {
  days: number;
  visitors: number;
  served: number;
  noShows: number;
  transferred: number;
  overall: WaitSummary;
  byConcern: Record<string, WaitSummary>;
  estimate: EstimateError;
}

/** Nearest-rank percentile of numbers (p in 0..100); 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function summarizeWaits(waits: readonly number[]): WaitSummary {
  return {
    count: waits.length,
    meanMinutes: mean(waits),
    p90Minutes: percentile(waits, 90),
    maxMinutes: waits.length ? Math.max(...waits) : 0,
  };
}

export function estimateError(visitors: readonly VisitorRecord[]): EstimateError {
  const pairs = visitors.filter((v) => v.waitMinutes !== null) as (VisitorRecord & { waitMinutes: number })[];
  const errors = pairs.map((v) => v.estimatedWaitMinutes - v.waitMinutes);
  const absolute = errors.map(Math.abs);
  const meanWait = mean(pairs.map((v) => v.waitMinutes));
  const medianAbs = median(absolute);
  return {
    count: pairs.length,
    medianAbsoluteMinutes: medianAbs,
    meanAbsoluteMinutes: mean(absolute),
    relativeToMeanWait: meanWait > 0 ? medianAbs / meanWait : 0,
    biasMinutes: mean(errors),
    within5Minutes: pairs.length ? absolute.filter((e) => e <= 5).length / pairs.length : 0,
  };
}

export function summarize(days: readonly DayResult[]): SimulationReport {
  const visitors = days.flatMap((d) => d.visitors);
  const waited = visitors.filter((v) => v.waitMinutes !== null);
  const byConcern: Record<string, WaitSummary> = {};
  for (const concernId of [...new Set(visitors.map((v) => v.concernId))]) {
    byConcern[concernId] = summarizeWaits(
      waited.filter((v) => v.concernId === concernId).map((v) => v.waitMinutes as number),
    );
  }
  return {
    days: days.length,
    visitors: visitors.length,
    served: visitors.filter((v) => v.outcome === 'done').length,
    noShows: visitors.filter((v) => v.outcome === 'no-show').length,
    transferred: visitors.filter((v) => v.transferred).length,
    overall: summarizeWaits(waited.map((v) => v.waitMinutes as number)),
    byConcern,
    estimate: estimateError(visitors),
  };
}
