// What `forecast` and `sweep` both read off one option of an estimate: its discount factor and why
// its monthly cost is not known as a range.
import { type Dec, HUNDRED, ONE } from '../money/decimal.js';
import { markerOf } from '../money/figure.js';
import type { OptionResult } from './estimate.js';

/** The option's price factor after its discount (1 without one). */
export function discount(o: OptionResult): Dec {
  return o.discountPct === null ? ONE : HUNDRED.minus(o.discountPct).div(HUNDRED);
}

/**
 * Why the option has no usable monthly cost: not eligible, an unknown price, or only a lower bound
 * (worded by the caller); null when its cost is known.
 */
export function unknownReason(o: OptionResult, lowerBound: (o: OptionResult) => string): string | null {
  if (!o.eligible) return o.reason ?? 'not eligible';
  const marker = markerOf(o.monthlyUsd);
  if (marker === 'unknown') return o.reason ?? 'the price is unknown';
  if (marker === 'from') return lowerBound(o);
  return null;
}
