// A Figure is a price or cost together with how honestly it is known. Every known figure is an
// interval [low, high] of non-negative exact decimals: exact and approximate figures have low = high,
// a range has low < high, a lower bound ("from") has no high, and an unknown figure has neither.
// Multiplying and adding intervals of non-negative numbers is exact and keeps the honesty marker,
// so "~$0.07–$0.14/s × 1,000 s" stays a range and "unknown × anything" stays unknown, never 0.
import { Dec, dec, ONE, ZERO } from './decimal.js';
import { DecSum } from './decimal-ops.js';
import { NUMBER_SYNTAX } from '../money/number-text.js';

export type Marker = 'exact' | 'approx' | 'from' | 'range' | 'unknown';

export interface Figure {
  readonly low: Dec | null;
  readonly high: Dec | null;
  readonly approx: boolean;
}

export const UNKNOWN: Figure = Object.freeze({ low: null, high: null, approx: false });

/** An exact figure is its value: a Dec is the figure whose ends are both itself (decimal.ts). */
export function exact(value: Dec | string | number): Figure {
  return dec(value);
}

/** A point: the value itself when exact, else the approximate figure of it. */
function point(v: Dec, isApprox: boolean): Figure {
  return isApprox ? { low: v, high: v, approx: true } : v;
}

export function approx(value: Dec | string | number): Figure {
  const v = dec(value);
  return { low: v, high: v, approx: true };
}

export function range(low: Dec | string | number, high: Dec | string | number, isApprox = true): Figure {
  return { low: dec(low), high: dec(high), approx: isApprox };
}

export function atLeast(low: Dec | string | number, isApprox = false): Figure {
  return { low: dec(low), high: null, approx: isApprox };
}

export function markerOf(f: Figure): Marker {
  if (f.low === null) return 'unknown';
  if (f.high === null) return 'from';
  if (!f.low.eq(f.high)) return 'range';
  return f.approx ? 'approx' : 'exact';
}

export function isKnown(f: Figure): boolean {
  return f.low !== null;
}

/** A single value: exact or approximate (not a range, bound or unknown). */
export function pointOf(f: Figure): Dec | null {
  return f.low !== null && f.high !== null && f.low.eq(f.high) ? f.low : null;
}

/** The figure to budget: the high end of a range, the value of a point, null without an upper bound. */
export function budgetOf(f: Figure): Dec | null {
  return f.low === null ? null : f.high;
}

export function times(a: Figure, b: Figure | Dec): Figure {
  if (b instanceof Dec) {
    // an exact factor (a count of clips): no figure to build for it
    if (a.low === null) return UNKNOWN;
    const low = a.low.times(b);
    if (a.high === a.low) return point(low, a.approx);
    return { low, high: a.high === null ? null : a.high.times(b), approx: a.approx };
  }
  if (a.low === null || b.low === null) return UNKNOWN;
  const low = a.low.times(b.low);
  // a point times a point is a point: one product, not two
  if (a.high === a.low && b.high === b.low) return point(low, a.approx || b.approx);
  const high = a.high === null || b.high === null ? null : a.high.times(b.high);
  return { low, high, approx: a.approx || b.approx };
}

export function plus(a: Figure, b: Figure): Figure {
  if (a.low === null || b.low === null) return UNKNOWN;
  const low = a.low.plus(b.low);
  if (a.high === a.low && b.high === b.low) return point(low, a.approx || b.approx);
  const high = a.high === null || b.high === null ? null : a.high.plus(b.high);
  return { low, high, approx: a.approx || b.approx };
}

/** plus() over many figures: unknown if any is, a point while every one is (high is low), else a range. */
export function sum(figures: Iterable<Figure>): Figure {
  const low = new DecSum();
  // the high ends apart from the low ends once the first range or bound comes
  let high: DecSum | null = null;
  let bounded = true;
  let isApprox = false;
  for (const f of figures) {
    if (f.low === null) return UNKNOWN;
    isApprox ||= f.approx;
    if (high === null && f.high !== f.low) high = low.copy();
    low.add(f.low);
    if (high === null) continue;
    if (f.high === null) bounded = false;
    else if (bounded) high.add(f.high);
  }
  const lowValue = low.value();
  if (high === null) return point(lowValue, isApprox);
  return { low: lowValue, high: bounded ? high.value() : null, approx: isApprox };
}

/** Applies an exact function to both ends (it must be monotone non-decreasing, e.g. x ÷ 5). */
export function mapEnds(f: Figure, fn: (d: Dec) => Dec): Figure {
  if (f.low === null) return UNKNOWN;
  if (f.high === f.low) return point(fn(f.low), f.approx);
  return { low: fn(f.low), high: f.high === null ? null : fn(f.high), approx: f.approx };
}

export function withApprox(f: Figure, isApprox: boolean): Figure {
  // written out, not spread: every figure then has the one shape the engine's hot loops expect
  if (f.low === null || f.approx || !isApprox) return f;
  return { low: f.low, high: f.high, approx: true };
}

/** Is x a figure? A Dec is one: the exact figure of itself. */
export function isFigure(x: unknown): x is Figure {
  return typeof x === 'object' && x !== null && 'low' in x && 'high' in x && 'approx' in x;
}

/** Orders figures for "which is cheaper": by what must be budgeted (the high end), then the low end. */
export function compareBudget(a: Figure, b: Figure): number {
  const ah = budgetOf(a);
  const bh = budgetOf(b);
  if (ah === null || bh === null) {
    if (ah === null && bh === null) return 0;
    return ah === null ? 1 : -1;
  }
  const c = ah.cmp(bh);
  if (c !== 0) return c;
  return (a.low ?? ZERO).cmp(b.low ?? ZERO);
}

export const ONE_FIGURE: Figure = exact(ONE);

// the en dash is escaped (\u2013): one non-ASCII character in the bundle makes V8 hold all of its
// source as UTF-16, twice the memory every start-up has to load (test/bundle.test.ts checks)
const FIGURE_SYNTAX = new RegExp(`^(from\\s+)?(~)?\\s*\\$?\\s*(${NUMBER_SYNTAX})(?:\\s*[-\\u2013]\\s*\\$?\\s*(${NUMBER_SYNTAX}))?$`);

/**
 * The figure syntax of price sheets and overrides: `0.01` exact, `~12` approximate,
 * `from ~0.32` lower bound, `~0.07-0.14` range (a range is always approximate), `unknown`.
 */
export function parseFigure(input: string | number): Figure | { error: string } {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) return { error: `expected a non-negative price, found ${input}` };
    return exact(input);
  }
  const text = input.trim();
  if (text === 'unknown') return UNKNOWN;
  const m = FIGURE_SYNTAX.exec(text);
  if (!m) {
    if (/\d,\d/.test(text)) {
      return { error: `"${text}" holds a comma vidcost cannot read: write the decimal point (0.07), and commas only between groups of three digits (1,120)` };
    }
    return { error: `expected a figure like 0.01, ~12, from ~0.32, ~0.07-0.14 or unknown, found "${text}"` };
  }
  const [, from, tilde, lowText = '', highText] = m;
  const low = dec(lowText.replace(/,/g, ''));
  if (from && highText) return { error: `a figure is either a lower bound ("from ...") or a range, not both: "${text}"` };
  if (from) return atLeast(low, Boolean(tilde));
  if (highText !== undefined) {
    const high = dec(highText.replace(/,/g, ''));
    if (high.lt(low)) return { error: `a range must go from low to high, found "${text}"` };
    return range(low, high, true);
  }
  return tilde ? approx(low) : exact(low);
}

/** Writes a figure back in the sheet syntax (used by diffs and explanations). */
export function figureToSyntax(f: Figure): string {
  switch (markerOf(f)) {
    case 'unknown':
      return 'unknown';
    case 'from':
      return `from ${f.approx ? '~' : ''}${f.low!.toString()}`;
    case 'range':
      return `~${f.low!.toString()}-${f.high!.toString()}`;
    case 'approx':
      return `~${f.low!.toString()}`;
    default:
      return f.low!.toString();
  }
}
