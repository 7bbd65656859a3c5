// Exact money: every amount is a rational number n/d of two BigInts, so sums, products and
// quotients of published prices are exact to the last digit, including quotients that never end
// ($6.99 ÷ 660 credits). Nothing is rounded until a value is written for people or for JSON: how
// is said at moneyString and toFixed below, and at formatUsd (format.ts). docs/money.md has the why.
//
// Most amounts are decimals (prices, counts, their products), and they take a fast path: while the
// denominator is a power of ten (k ≥ 0, d = 10^k) sums and products are one or two BigInt
// operations with no gcd. Only a quotient that leaves the decimals takes the general path, which
// reduces the fraction; a result whose reduced denominator divides a power of ten returns to the
// decimal form, so a value has one representation whichever way it was reached.
//
// The method names are those of big.js (plus, minus, times, div, mod, cmp, eq, lt, lte, gt, gte, abs,
// round, toFixed, toString), which this class replaced without changing its callers.

/** A number written as a decimal, a JS number, or an exact value. */
export type DecSource = Dec | string | number;

const POW10: bigint[] = [1n];
/** 10^k, kept once made: for the money layer's exact code, which works on n and k directly. */
export function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
}

/** Digits written after the point of a value that does not terminate, in toString and JSON. */
export const NON_TERMINATING_PLACES = 20;

/** The constructor, for this module only: callers keep the invariants of n, d and k. */
let make: (n: bigint, d: bigint, k: number) => Dec;

export class Dec {
  /** numerator; the sign of the value */
  readonly n: bigint;
  /** denominator, > 0; n/d is not necessarily in lowest terms (see fraction()) */
  readonly d: bigint;
  /** k when d = 10^k (a decimal), -1 when d has a prime factor other than 2 and 5 */
  readonly k: number;

  private constructor(n: bigint, d: bigint, k: number) {
    this.n = n;
    this.d = d;
    this.k = k;
  }

  static {
    make = (n, d, k) => new Dec(n, d, k);
  }

  /** The exact value n/d (d ≠ 0), in lowest terms. */
  static of(n: bigint, d = 1n): Dec {
    if (d === 1n) return new Dec(n, 1n, 0);
    return general(n, d);
  }

  /** A decimal m × 10^-k. */
  static scaled(m: bigint, k: number): Dec {
    return new Dec(m, pow10(k), k);
  }

  plus(other: DecSource): Dec {
    const o = dec(other);
    if (this.k >= 0 && o.k >= 0) {
      if (this.k === o.k) return new Dec(this.n + o.n, this.d, this.k);
      if (this.k < o.k) return new Dec(this.n * pow10(o.k - this.k) + o.n, o.d, o.k);
      return new Dec(this.n + o.n * pow10(this.k - o.k), this.d, this.k);
    }
    if (this.d === o.d) return general(this.n + o.n, this.d);
    return general(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  minus(other: DecSource): Dec {
    return this.plus(dec(other).neg());
  }

  times(other: DecSource): Dec {
    const o = dec(other);
    if (this.k >= 0 && o.k >= 0) {
      const k = this.k + o.k;
      return new Dec(this.n * o.n, k === 0 ? 1n : pow10(k), k);
    }
    return general(this.n * o.n, this.d * o.d);
  }

  /** The exact quotient (no rounding); throws on a zero divisor. */
  div(other: DecSource): Dec {
    const o = dec(other);
    if (o.n === 0n) throw new RangeError('division by zero');
    return general(this.n * o.d, this.d * o.n);
  }

  /** The remainder with the sign of this value (as big.js and JS % do). */
  mod(other: DecSource): Dec {
    const o = dec(other);
    if (o.n === 0n) throw new RangeError('division by zero');
    const q = (this.n * o.d) / (this.d * o.n); // truncated toward zero
    return this.minus(o.times(Dec.of(q)));
  }

  neg(): Dec {
    return new Dec(-this.n, this.d, this.k);
  }

  abs(): Dec {
    return this.n < 0n ? this.neg() : this;
  }

  cmp(other: DecSource): -1 | 0 | 1 {
    const o = dec(other);
    let l = this.n;
    let r = o.n;
    // decimals: bring the coarser one to the finer scale (one product); fractions: cross-multiply
    if (this.k >= 0 && o.k >= 0) {
      if (this.k < o.k) l *= pow10(o.k - this.k);
      else if (this.k > o.k) r *= pow10(this.k - o.k);
    } else {
      l *= o.d;
      r *= this.d;
    }
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(other: DecSource): boolean {
    return this === other || this.cmp(other) === 0;
  }
  lt(other: DecSource): boolean {
    return this.cmp(other) < 0;
  }
  lte(other: DecSource): boolean {
    return this.cmp(other) <= 0;
  }
  gt(other: DecSource): boolean {
    return this.cmp(other) > 0;
  }
  gte(other: DecSource): boolean {
    return this.cmp(other) >= 0;
  }

  // An exact value is also the exact figure of itself (figure.ts): an interval whose ends are both
  // this value, not approximate. So an exact cost is one object, not a figure wrapped round a
  // number, and a large report holds tens of thousands fewer objects for the collector to copy.
  get low(): Dec {
    return this;
  }
  get high(): Dec {
    return this;
  }
  get approx(): false {
    return false;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  /** ⌊x⌋ as a BigInt. */
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }

  /** Does the decimal expansion end? */
  terminates(): boolean {
    return this.k >= 0;
  }

  /** Places after the point of the exact decimal (trailing zeros not counted), null when it never ends. */
  places(): number | null {
    if (this.k < 0) return null;
    let k = this.k;
    let n = this.n;
    while (k > 0 && n % 10n === 0n) {
      n /= 10n;
      k--;
    }
    return k;
  }

  /** The fraction in lowest terms: { n, d } with d > 0. */
  fraction(): { n: bigint; d: bigint } {
    const g = gcd(this.n < 0n ? -this.n : this.n, this.d);
    return g === 1n ? { n: this.n, d: this.d } : { n: this.n / g, d: this.d / g };
  }

  /**
   * Rounded to `dp` places: rm 0 toward zero, 1 half away from zero (default), 2 half to even,
   * 3 away from zero (big.js's rounding modes).
   */
  round(dp = 0, rm: 0 | 1 | 2 | 3 = 1): Dec {
    return Dec.scaled(roundScaled(this, dp, rm), dp);
  }

  /** This value when its expansion ends, else null. */
  toExactDecimal(): Dec | null {
    return this.k >= 0 ? this : null;
  }

  /** Rounded half away from zero to `places` decimals. */
  toDecimal(places: number): Dec {
    return this.round(places, 1);
  }

  /**
   * Exactly `dp` places, rounded half away from zero. Without dp: every place of a value that
   * ends, NON_TERMINATING_PLACES (rounded, trailing zeros dropped) of one that does not.
   */
  toFixed(dp?: number): string {
    if (dp === undefined) return this.toString();
    const m = roundScaled(this, dp, 1);
    // a negative value rounded to zero keeps its sign ("-0.00"), as big.js wrote it
    return m === 0n && this.n < 0n ? `-${writeScaled(m, dp)}` : writeScaled(m, dp);
  }

  /** The exact decimal, or one that does not end rounded at NON_TERMINATING_PLACES (zeros dropped). */
  toString(): string {
    if (this.k === 0) return this.n.toString();
    // every place written, then the trailing zeros dropped as text: a report writes tens of
    // thousands of amounts, and dividing by ten per zero would cost a BigInt each time
    return dropTrailingZeros(this.k > 0 ? writeScaled(this.n, this.k) : this.toFixed(NON_TERMINATING_PLACES));
  }

  /** "1234.5" when the decimal ends, else the fraction in lowest terms, "1000/3": always exact. */
  toExactString(): string {
    if (this.k >= 0) return this.toString();
    const { n, d } = this.fraction();
    return `${n}/${d}`;
  }

  toNumber(): number {
    return this.k >= 0 ? Number(this.toString()) : Number(this.toFixed(NON_TERMINATING_PLACES));
  }

  toJSON(): string {
    return this.toString();
  }

  valueOf(): string {
    return this.toString();
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}

/** n/d in lowest terms, in the decimal form when d divides a power of ten. */
function general(n: bigint, d: bigint): Dec {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n < 0n ? -n : n, d);
  if (g !== 1n) {
    n /= g;
    d /= g;
  }
  // d = 2^a 5^b exactly when the decimal ends: then write it over 10^max(a, b)
  let rest = d;
  let twos = 0;
  let fives = 0;
  while ((rest & 1n) === 0n) {
    rest >>= 1n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n) return make(n, d, -1);
  const k = Math.max(twos, fives);
  const scale = pow10(k);
  return Dec.scaled((n * scale) / d, k);
}

/** The value × 10^dp rounded to an integer with rounding mode rm. */
function roundScaled(x: Dec, dp: number, rm: 0 | 1 | 2 | 3): bigint {
  if (x.k >= 0 && x.k <= dp) return x.n * pow10(dp - x.k);
  const num = x.n < 0n ? -x.n : x.n;
  const scaledNum = x.k >= 0 ? num : num * pow10(dp);
  const den = x.k >= 0 ? pow10(x.k - dp) : x.d;
  let q = scaledNum / den;
  const r = scaledNum - q * den;
  if (r !== 0n) {
    if (rm === 3) q += 1n;
    else if (rm === 1 || rm === 2) {
      const twice = r * 2n;
      if (twice > den || (twice === den && (rm === 1 || (q & 1n) === 1n))) q += 1n;
    }
  }
  return x.n < 0n ? -q : q;
}

/** "12.3400" → "12.34", "12.00" → "12": the zeros after the point of a number written with one. */
function dropTrailingZeros(text: string): string {
  let end = text.length;
  while (text.charCodeAt(end - 1) === 0x30 /* 0 */) end--;
  if (text.charCodeAt(end - 1) === 0x2e /* . */) end--;
  return text.slice(0, end);
}

/** m × 10^-places written out ("-0.05"; "-0" never: a value rounded to zero is "0.00"). */
function writeScaled(m: bigint, places: number): string {
  const negative = m < 0n;
  let digits = (negative ? -m : m).toString();
  if (places > 0) {
    if (digits.length <= places) digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return negative ? `-${digits}` : digits;
}

export const ZERO: Dec = Dec.of(0n);
export const ONE: Dec = Dec.of(1n);
export const HUNDRED: Dec = Dec.of(100n);

const DECIMAL_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** A decimal text (with an exponent only when it came from a JS number) as an exact value. */
function parseDecimal(text: string): Dec {
  const m = NUMBER_TEXT.exec(text);
  if (!m) throw new RangeError(`not a decimal number: ${text}`);
  const [, sign, whole = '', fracText = ''] = m;
  let exponent = m[4] === undefined ? 0 : Number(m[4]);
  const frac = fracText.replace(/0+$/, '');
  const digits = (whole + frac).replace(/^0+/, '');
  exponent -= frac.length;
  if (digits === '') return ZERO;
  let mantissa = BigInt(digits);
  if (sign === '-') mantissa = -mantissa;
  if (exponent >= 0) return Dec.scaled(mantissa * pow10(exponent), 0);
  return Dec.scaled(mantissa, -exponent);
}

/** Parses a decimal literal or a JS number (a safe integer as it is, any other through its shortest round-trip string). */
export function dec(value: DecSource): Dec {
  if (value instanceof Dec) return value;
  if (typeof value === 'number') {
    // a count (the usual number) needs no text: its BigInt is the value
    if (Number.isSafeInteger(value)) return Dec.of(BigInt(value));
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    // The shortest round-trip string is exact, exponent form ("1e-30", "1.5e+21") included.
    return parseDecimal(String(value));
  }
  if (typeof value !== 'string') {
    // another decimal library's value (tests compare against big.js): read through its text, which
    // may be in exponent form ("1e-7" from big.js)
    return parseDecimal(String(value).trim());
  }
  const text = value.trim().replace(/_/g, '');
  if (!DECIMAL_LITERAL.test(text)) throw new RangeError(`not a decimal number: ${value}`);
  return parseDecimal(text);
}

export function isDecimalLiteral(text: string): boolean {
  return DECIMAL_LITERAL.test(text.trim().replace(/_/g, ''));
}

/** Places written after the point: every place of a decimal that ends, else NON_TERMINATING_PLACES. */
export function decimalPlaces(d: Dec): number {
  return d.places() ?? NON_TERMINATING_PLACES;
}

/**
 * Decimal string for JSON: money keeps at least two places ("1250.00"). A value that ends is
 * written exactly; one that does not (6.99 ÷ 660) is rounded half away from zero at
 * NON_TERMINATING_PLACES places, the only rounding in JSON.
 */
export function moneyString(d: Dec): string {
  if (!d.terminates()) return d.toFixed(NON_TERMINATING_PLACES);
  const text = d.toString();
  const point = text.indexOf('.');
  // the exact decimal, padded to cents
  if (point === -1) return `${text}.00`;
  return text.length - point - 1 === 1 ? `${text}0` : text;
}

/** Decimal string with no padding ("0.084", "12"); rounded as moneyString when it does not end. */
export function plainString(d: Dec): string {
  return d.terminates() ? d.toString() : d.toFixed(NON_TERMINATING_PLACES);
}
