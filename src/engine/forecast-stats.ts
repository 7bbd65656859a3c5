// Exact order statistics of a forecast's trials: a float pass orders the trials and only the trials
// within a relative 1e-9 of a percentile or of the ceiling are decided by their exact values; exact
// integer sums for the mean.
import { type Dec, dec } from '../money/decimal.js';
import { divide } from '../money/decimal-ops.js';

/** Two floats this close (relative) may be ordered wrongly: the exact decimals decide. */
export const BAND = 1e-9;
const HALF_SAFE = 2 ** 52;

export interface ForecastStats {
  p10: Dec;
  p50: Dec;
  p90: Dec;
  /** exact sum of the trials ÷ trials (20 places where it does not terminate) */
  mean: Dec;
  trialsOverCeiling: number | null;
  probabilityOverCeiling: number | null;
}

/** Exact integer sums: a float while it stays exact, BigInt beyond. */
export class ExactSum {
  private small = 0;
  private big = 0n;
  add(n: number): void {
    if (n > HALF_SAFE) {
      this.big += BigInt(n);
      return;
    }
    if (this.small > HALF_SAFE) {
      this.big += BigInt(this.small);
      this.small = 0;
    }
    this.small += n;
  }
  addBig(n: bigint): void {
    this.big += n;
  }
  total(): bigint {
    return this.big + BigInt(this.small);
  }
}

/** A target's trials: floats for ordering, exact decimals where they decide. */
export interface Sampled {
  floats: Float64Array;
  exactAt(t: number): Dec;
  exactSum(): Dec;
}

/** k-th smallest (0-based) of a Float64Array, in place (quickselect). */
function select(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    const x = a[lo]!,
      y = a[mid]!,
      z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Nearest-rank percentile: the ⌈pct × N ÷ 100⌉-th smallest trial (1-based), in whole-number arithmetic. */
export function nearestRank(pct: number, n: number): number {
  return Math.max(1, Math.floor((pct * n + 99) / 100));
}

let scratchBuffer: Float64Array | null = null;
function scratchFor(n: number): Float64Array {
  if (scratchBuffer === null || scratchBuffer.length !== n) scratchBuffer = new Float64Array(n);
  return scratchBuffer;
}

/** The floats within a relative BAND of v: every trial there may order either way, so its exact value decides. */
interface Band {
  lo: number;
  hi: number;
  below: number;
  inside: number[];
}

function band(v: number): Band {
  const margin = Math.abs(v) * BAND;
  return { lo: v - margin, hi: v + margin, below: 0, inside: [] };
}

/**
 * P10, P50, P90, mean and the ceiling count of N trials. The floats only order the trials: every
 * trial within a relative 1e-9 of a percentile or of the ceiling is decided by its exact value.
 */
export function summarize(s: Sampled, n: number, ceiling: Dec | null): ForecastStats {
  return summarizeWithTrials(s, n, ceiling).stats;
}

/** Which trials hold P10, P50 and P90 (for a target whose every trial is a positive multiple of this one's). */
export interface RankTrials {
  t10: number;
  t50: number;
  t90: number;
}

export function summarizeWithTrials(s: Sampled, n: number, ceiling: Dec | null): { stats: ForecastStats; ranks: RankTrials } {
  const f = s.floats;
  const scratch = scratchFor(n);
  scratch.set(f);
  const k10 = nearestRank(10, n) - 1;
  const k50 = nearestRank(50, n) - 1;
  const k90 = nearestRank(90, n) - 1;
  // select the median first: the 10th and 90th percentiles then lie in its two halves
  const v50 = select(scratch, k50);
  const v10 = k10 < k50 ? select(scratch, k10, 0, k50 - 1) : v50;
  const v90 = k90 > k50 ? select(scratch, k90, k50 + 1, n - 1) : v50;
  const bands = [band(v10), band(v50), band(v90)];
  for (let t = 0; t < n; t++) {
    const x = f[t]!;
    for (const b of bands) {
      if (x < b.lo) b.below += 1;
      else if (x <= b.hi) b.inside.push(t);
    }
  }
  const exactRank = (b: Band, k: number): number => {
    const exact = b.inside.map((t) => ({ t, v: s.exactAt(t) })).sort((x, y) => x.v.cmp(y.v) || x.t - y.t);
    const at = exact[k - b.below];
    if (at === undefined) throw new Error('forecast: an order statistic fell outside its float band (a bug)');
    return at.t;
  };
  const ranks = { t10: exactRank(bands[0]!, k10), t50: exactRank(bands[1]!, k50), t90: exactRank(bands[2]!, k90) };
  const over = ceiling === null ? null : countOver(f, s.exactAt, ceiling, Number(ceiling.toString()));
  return {
    ranks,
    stats: {
      p10: s.exactAt(ranks.t10),
      p50: s.exactAt(ranks.t50),
      p90: s.exactAt(ranks.t90),
      mean: divide(s.exactSum(), dec(n)),
      trialsOverCeiling: over,
      probabilityOverCeiling: over === null ? null : over / f.length,
    },
  };
}

/** Trials whose exact cost is over the ceiling; `threshold` is where the ceiling falls on the floats. */
export function countOver(f: Float64Array, exactAt: (t: number) => Dec, ceiling: Dec, threshold: number): number {
  const c = band(threshold);
  let over = 0;
  for (let t = 0; t < f.length; t++) {
    const x = f[t]!;
    if (x > c.hi) over += 1;
    else if (x >= c.lo && exactAt(t).gt(ceiling)) over += 1;
  }
  return over;
}
