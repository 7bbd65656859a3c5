// Exact operations on Decs beyond their own methods: quotients (and keys to order them without
// reducing fractions), floors and ceilings of quotients, the smaller and larger of two values, and
// sums. All exact; nothing here rounds.
import { Dec, pow10 } from './decimal.js';

/** a ÷ b, exactly (a quotient that does not end stays a fraction until it is written). */
export function divide(a: Dec, b: Dec): Dec {
  return a.div(b);
}

/**
 * a ÷ b as a float, for drawing only (bar lengths, chart positions). The division is done exactly
 * first: converting a and b to floats apart turns amounts too small or too large for a double
 * into 0 or Infinity, and 0/0 or ∞/∞ into NaN. 0 when b is 0.
 */
export function ratioOf(a: Dec, b: Dec): number {
  if (b.eq(0)) return 0;
  const r = Number(divide(a, b).toFixed(12));
  return Number.isFinite(r) ? r : 0;
}

/**
 * a ÷ b (b > 0) as a pair of integers, not reduced: a sort key for compareRatioKeys. Made once per
 * item, it orders many quotients with no fraction reduced and two products a comparison.
 */
export interface RatioKey {
  readonly n: bigint;
  readonly d: bigint;
}

export function ratioKey(a: Dec, b: Dec): RatioKey {
  return { n: a.n * b.d, d: a.d * b.n };
}

/** Orders two quotients exactly, by cross-multiplying their keys. */
export function compareRatioKeys(x: RatioKey, y: RatioKey): -1 | 0 | 1 {
  const left = x.n * y.d;
  const right = y.n * x.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** ⌊a ÷ b⌋ exactly (a, b ≥ 0). */
export function floorDiv(a: Dec, b: Dec): Dec {
  return Dec.of((a.n * b.d) / (a.d * b.n));
}

/** ⌈a ÷ b⌉ exactly (a, b > 0). */
export function ceilDiv(a: Dec, b: Dec): Dec {
  const num = a.n * b.d;
  const den = a.d * b.n;
  const q = num / den;
  return Dec.of(q * den === num ? q : q + 1n);
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

export function sumDec(values: Iterable<Dec>): Dec {
  const total = new DecSum();
  for (const v of values) total.add(v);
  return total.value();
}

/**
 * A running exact sum that makes no value per step: decimals are added as one BigInt at the
 * largest scale seen, and only terms that do not end (rare) go through fractions. A report sums
 * 1,000 workloads for every offering, so the steps add up.
 */
export class DecSum {
  private n = 0n;
  private k = 0;
  private fractions: Dec | null = null;

  add(v: Dec): void {
    if (v.k < 0) this.fractions = this.fractions === null ? v : this.fractions.plus(v);
    else if (v.k === this.k) this.n += v.n;
    else if (v.k < this.k) this.n += v.n * pow10(this.k - v.k);
    else {
      this.n = this.n * pow10(v.k - this.k) + v.n;
      this.k = v.k;
    }
  }

  /** Another sum that starts where this one stands. */
  copy(): DecSum {
    const c = new DecSum();
    c.n = this.n;
    c.k = this.k;
    c.fractions = this.fractions;
    return c;
  }

  value(): Dec {
    const decimals = Dec.scaled(this.n, this.k);
    return this.fractions === null ? decimals : decimals.plus(this.fractions);
  }
}
