/**
 * Histograms of minutes (counts per tenth of a minute) and the tally that aggregates them:
 * merging is array arithmetic and percentiles need no sorting. Pure.
 */

/** Minutes rounded to a tenth -> how many tickets. */
export type Histogram = Record<string, number>;

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** Tenths of a minute of a histogram key ("12.3" -> 123); keys repeat, so they are parsed once. */
const keyIndexes = new Map<string, number>();
function keyIndex(key: string): number {
  let index = keyIndexes.get(key);
  if (index === undefined) {
    index = Math.round(Number(key) * 10);
    if (keyIndexes.size < 100_000) keyIndexes.set(key, index);
  }
  return index;
}

/** Mean, median, p90 and the share within a limit of a tally, from one pass. */
export interface Described {
  mean: number | null;
  median: number | null;
  p90: number | null;
  within: number | null;
}

/**
 * A histogram while aggregating: counts in arrays indexed by tenths of a minute (negative
 * values apart), so merging is array arithmetic and reading percentiles needs no sorting.
 */
export class Tally {
  private readonly pos: number[] = [];
  /** `neg[i]`: how many of the value `-i / 10` (i >= 1). */
  private readonly neg: number[] = [];
  /** Highest index in use since the last reset (the arrays are kept and reused). */
  private topPos = -1;
  private topNeg = 0;
  n = 0;

  private static grow(list: number[], i: number): void {
    while (list.length <= i) list.push(0);
  }

  private addAt(index: number, count: number): void {
    if (index >= 0) {
      if (index >= this.pos.length) Tally.grow(this.pos, index);
      this.pos[index] = (this.pos[index] as number) + count;
      if (index > this.topPos) this.topPos = index;
    } else {
      const i = -index;
      if (i >= this.neg.length) Tally.grow(this.neg, i);
      this.neg[i] = (this.neg[i] as number) + count;
      if (i > this.topNeg) this.topNeg = i;
    }
    this.n += count;
  }

  /** Adds a stored histogram (keys: minutes with one decimal). */
  addHistogram(h: Histogram | undefined): void {
    if (!h) return;
    for (const key in h) {
      const count = h[key] as number;
      const index = keyIndex(key);
      if (count > 0 && Math.abs(index) <= 1_000_000) this.addAt(index, count);
    }
  }

  /** Adds another tally (a concern's into its period's total). */
  merge(other: Tally): void {
    if (!other.n) return;
    for (let i = 0; i <= other.topPos; i++) {
      const c = other.pos[i] as number;
      if (c) this.addAt(i, c);
    }
    for (let i = 1; i <= other.topNeg; i++) {
      const c = other.neg[i] as number;
      if (c) this.addAt(-i, c);
    }
  }

  /** Empties the tally, keeping its arrays for the next period. */
  reset(): void {
    if (this.topPos >= 0) this.pos.fill(0, 0, this.topPos + 1);
    if (this.topNeg > 0) this.neg.fill(0, 1, this.topNeg + 1);
    this.topPos = -1;
    this.topNeg = 0;
    this.n = 0;
  }

  /** One pass in ascending order; `limit` in minutes for the share at most it. */
  describe(limit: number): Described {
    const n = this.n;
    if (!n) return { mean: null, median: null, p90: null, within: null };
    const rank50 = Math.max(1, Math.ceil(0.5 * n));
    const rank90 = Math.max(1, Math.ceil(0.9 * n));
    const last = Math.floor(limit * 10 + 1e-9);
    let sum = 0;
    let seen = 0;
    let within = 0;
    let median = Number.NaN;
    let p90 = Number.NaN;
    for (let k = -this.topNeg; k <= this.topPos; k++) {
      const c = (k < 0 ? this.neg[-k] : this.pos[k]) as number;
      if (!c) continue;
      sum += k * c;
      seen += c;
      if (Number.isNaN(median) && seen >= rank50) median = k;
      if (Number.isNaN(p90) && seen >= rank90) p90 = k;
      if (k <= last) within += c;
    }
    return {
      mean: round1(sum / 10 / n),
      median: round1(median / 10),
      p90: round1(p90 / 10),
      within: round3(within / n),
    };
  }

  mean(): number | null {
    return this.describe(0).mean;
  }

  /** Nearest-rank percentile. */
  percentile(p: number): number | null {
    if (!this.n) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    let seen = 0;
    for (let k = -this.topNeg; k <= this.topPos; k++) {
      seen += (k < 0 ? this.neg[-k] : this.pos[k]) as number;
      if (seen >= rank) return round1(k / 10);
    }
    return null;
  }

  shareAtMost(limit: number): number | null {
    return this.describe(limit).within;
  }
}

function tallyOf(h: Histogram): Tally {
  const t = new Tally();
  t.addHistogram(h);
  return t;
}

/** Share (0..1) of a histogram's values that are at most `limit`; null when empty. */
export function histogramShareAtMost(h: Histogram, limit: number): number | null {
  return tallyOf(h).shareAtMost(limit);
}
