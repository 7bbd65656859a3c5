// Exact decimal money. big.js multiplies and adds without any precision limit, so every cost that
// is a sum of products of published prices is exact to the last digit; only division rounds, and it
// is used only where a source states a bundle price (e.g. "$45 per 100 clips"), carried to 20 places.
import Big from 'big.js';

export type Dec = Big;

const Exact = Big();
Exact.DP = 20;
Exact.RM = Big.roundHalfUp;
// Never switch to exponential notation in toString: money strings must stay plain decimals.
Exact.NE = -40;
Exact.PE = 60;

const Floor = Big();
Floor.DP = 0;
Floor.RM = Big.roundDown;
Floor.NE = -40;
Floor.PE = 60;

const Ceil = Big();
Ceil.DP = 0;
Ceil.RM = Big.roundUp;
Ceil.NE = -40;
Ceil.PE = 60;

export const ZERO: Dec = new Exact(0);
export const ONE: Dec = new Exact(1);
export const HUNDRED: Dec = new Exact(100);

const DECIMAL_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses a decimal literal or a JS number (numbers are read through their shortest round-trip string). */
export function dec(value: string | number | Dec): Dec {
  if (value instanceof Big) return value as Dec;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    // The shortest round-trip string is exact; big.js reads its exponent form ("1e-30") too.
    // (toFixed(20) would turn 1e-30 into 0 and leave 1e21 and above in exponent form anyway.)
    return new Exact(String(value));
  }
  const text = value.trim().replace(/_/g, '');
  if (!DECIMAL_LITERAL.test(text)) throw new RangeError(`not a decimal number: ${value}`);
  // a leading "+" is how a person may write a positive number ("+500"); big.js refuses the sign
  return new Exact(text.charCodeAt(0) === 0x2b ? text.slice(1) : text);
}

export function isDecimalLiteral(text: string): boolean {
  return DECIMAL_LITERAL.test(text.trim().replace(/_/g, ''));
}

/** a ÷ b to 20 decimal places (half-up). Division is the only rounding operation in the engine. */
export function divide(a: Dec, b: Dec): Dec {
  return new Exact(a).div(b);
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

/** ⌊a ÷ b⌋ exactly (a, b ≥ 0). */
export function floorDiv(a: Dec, b: Dec): Dec {
  return new Exact(new Floor(a).div(b));
}

/** ⌈a ÷ b⌉ exactly (a, b > 0). */
export function ceilDiv(a: Dec, b: Dec): Dec {
  return new Exact(new Ceil(a).div(b));
}

export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

export function maxDec(a: Dec, b: Dec): Dec {
  return a.gte(b) ? a : b;
}

export function sumDec(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

function decimalPlaces(d: Dec): number {
  // big.js keeps digits in c and the exponent in e; places after the point = digits - e - 1.
  const raw = d as unknown as { c: number[]; e: number };
  return Math.max(0, raw.c.length - raw.e - 1);
}

/** Exact decimal string for JSON: money keeps at least two places ("1250.00"), never rounds. */
export function moneyString(d: Dec): string {
  return d.toFixed(Math.max(2, decimalPlaces(d)));
}

/** Exact decimal string with no padding ("0.084", "12"). */
export function plainString(d: Dec): string {
  return d.toFixed(decimalPlaces(d));
}

function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [whole = '0', frac] = body.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + (frac === undefined ? grouped : `${grouped}.${frac}`);
}

/** "$1,250.00": money for people, rounded half-up to the cent only here, at display. */
export function formatUsd(d: Dec): string {
  const fixed = d.abs().toFixed(2);
  return `${d.lt(0) ? '-' : ''}$${groupThousands(fixed)}`;
}

/**
 * A unit rate for people: at least two places and three significant digits,
 * the way the article writes "$0.084", "$0.0143" and "$0.70".
 */
export function formatRate(d: Dec): string {
  const abs = d.abs();
  let places = 2;
  if (abs.gt(0) && abs.lt(1)) {
    // first significant digit position after the point, then keep up to 3 more
    const firstSig = -(abs as unknown as { e: number }).e; // 0.0143 has e = -2
    places = Math.max(2, Math.min(firstSig + 2, 8));
  }
  let fixed = abs.toFixed(places);
  // trim zeros beyond the second place ("0.0840" -> "0.084") but keep cents ("0.70")
  if (places > 2) fixed = fixed.replace(/0+$/, '').replace(/\.(\d)$/, '.$10');
  const [, frac = ''] = fixed.split('.');
  if (frac.length < 2) fixed = abs.toFixed(2);
  return `${d.lt(0) ? '-' : ''}$${groupThousands(fixed)}`;
}

/** A count for people: "1,120", "1.8". */
export function formatNumber(d: Dec, maxPlaces = 2): string {
  const fixed = d.toFixed(Math.min(maxPlaces, decimalPlaces(d)));
  return groupThousands(fixed);
}
