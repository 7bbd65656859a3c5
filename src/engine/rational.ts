// Exact rationals (BigInt numerator / denominator) for break-even points: where two cost lines
// cross, x = (a2 − a1) ÷ (b1 − b2) need not be a terminating decimal, so it is kept as a fraction.
import { type Dec, dec } from '../money/decimal.js';

export class Q {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }

  static of(n: bigint, d = 1n): Q {
    return new Q(n, d);
  }

  static fromDec(x: Dec): Q {
    const text = x.toFixed(placesOf(x));
    const negative = text.startsWith('-');
    const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
    const n = BigInt(whole + frac) * (negative ? -1n : 1n);
    return new Q(n, 10n ** BigInt(frac.length));
  }

  static fromInt(x: number): Q {
    return new Q(BigInt(x), 1n);
  }

  plus(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  minus(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  times(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  cmp(o: Q): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  lt(o: Q): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Q): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Q): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Q): boolean {
    return this.cmp(o) >= 0;
  }
  eq(o: Q): boolean {
    return this.cmp(o) === 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  /** ⌊x⌋ */
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }

  /** The exact decimal when the denominator divides a power of ten, else null. */
  toExactDecimal(): Dec | null {
    let d = this.d;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos += 1;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives += 1;
    }
    if (d !== 1n) return null;
    const places = Math.max(twos, fives);
    const scaled = (this.n * 10n ** BigInt(places)) / this.d;
    return shift(scaled, places);
  }

  /** Rounded half-up to `places` decimals (for display and approximate JSON values only). */
  toDecimal(places: number): Dec {
    const scale = 10n ** BigInt(places);
    const num = this.n * scale * 2n + (this.n < 0n ? -this.d : this.d);
    const rounded = num / (2n * this.d);
    return shift(rounded, places);
  }

  /** "1234.5", or "1000/3" when no finite decimal is exact. */
  toString(): string {
    const exact = this.toExactDecimal();
    return exact !== null ? exact.toFixed(placesOf(exact)) : `${this.n}/${this.d}`;
  }
}

function shift(n: bigint, places: number): Dec {
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return dec(`${negative ? '-' : ''}${digits}`);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function placesOf(d: Dec): number {
  const raw = d as unknown as { c: number[]; e: number };
  return Math.max(0, raw.c.length - raw.e - 1);
}
