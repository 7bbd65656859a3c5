// Piecewise-linear cost curves of `vidcost sweep`: what a curve costs at a point, the cheapest
// curve there, and the stretches of the range where the cheapest stays the same. Exact rationals
// throughout: a break-even is solved where two lines cross, never read off a grid.
import { Dec } from '../money/decimal.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Cover } from './plan-cover.js';

/** cost = a + b·x for x in (lo, hi] (and at lo itself when lo is the start of the range). */
export interface Piece {
  lo: Dec;
  hi: Dec;
  a: Dec;
  b: Dec;
  /** web-app: the plans this piece pays for */
  cover?: Cover;
}

export interface Curve {
  /** offering id, with " (plans)" or " (api)" on the web-app channel */
  label: string;
  offering: string;
  channel: Channel;
  known: boolean;
  reason: string | null;
  /** monthly cost at each step (null where unknown) */
  points: (Dec | null)[];
  pieces: Piece[];
}

/** Adds a constant to every piece. */
export function shiftPieces(pieces: Piece[], c: Dec): Piece[] {
  return pieces.map((p) => ({ ...p, a: p.a.plus(c) }));
}

/** The piece holding x: (lo, hi], or the degenerate piece at the start. */
function pieceAt(c: Curve, x: Dec, from: Dec): Piece | null {
  const pieces = c.pieces;
  if (x.eq(from)) return pieces[0] ?? null;
  // pieces run left to right: binary search for the first whose right end reaches x
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pieces[mid]!.hi.lt(x)) lo = mid + 1;
    else hi = mid;
  }
  const p = pieces[lo];
  return p && p.lo.lt(x) && x.lte(p.hi) ? p : null;
}

export function valueAt(c: Curve, x: Dec, from: Dec): Dec | null {
  const p = pieceAt(c, x, from);
  return p === null ? null : p.a.plus(p.b.times(x));
}

export function argmin(curves: readonly Curve[], x: Dec, from: Dec): number {
  let best = -1;
  let bestV: Dec | null = null;
  curves.forEach((c, i) => {
    const v = valueAt(c, x, from);
    if (v !== null && (bestV === null || v.lt(bestV))) {
      best = i;
      bestV = v;
    }
  });
  return best;
}

/** The cheapest curve on each stretch of (from, to], the stretches merged where it does not change. */
export function envelope(curves: readonly Curve[], from: Dec, to: Dec): { start: number; runs: { lo: Dec; hi: Dec; best: number }[] } {
  const cuts = new Map<string, Dec>();
  const addCut = (x: Dec) => {
    if (x.gt(from) && x.lt(to)) cuts.set(x.toExactString(), x);
  };
  for (const c of curves)
    for (const p of c.pieces) {
      addCut(p.lo);
      addCut(p.hi);
    }
  const bounds = [from, ...[...cuts.values()].sort((a, b) => a.cmp(b)), to];
  const runs: { lo: Dec; hi: Dec; best: number }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1]!;
    const mid = lo.plus(hi).div(Dec.of(2n));
    // on (lo, hi] every curve is one line: cheapest changes only where two lines cross
    const lines = curves.map((c) => pieceAt(c, mid, from));
    const inner: Dec[] = [];
    for (let a = 0; a < lines.length; a++) {
      for (let b = a + 1; b < lines.length; b++) {
        const p = lines[a];
        const q = lines[b];
        if (!p || !q || p.b.eq(q.b)) continue;
        const x = q.a.minus(p.a).div(p.b.minus(q.b));
        if (x.gt(lo) && x.lt(hi)) inner.push(x);
      }
    }
    const stops = [lo, ...inner.sort((x, y) => x.cmp(y)).filter((x, k, arr) => k === 0 || !x.eq(arr[k - 1]!)), hi];
    for (let k = 0; k + 1 < stops.length; k++) {
      const sLo = stops[k]!;
      const sHi = stops[k + 1]!;
      const best = argmin(curves, sLo.plus(sHi).div(Dec.of(2n)), from);
      const last = runs[runs.length - 1];
      if (last && last.best === best) last.hi = sHi;
      else runs.push({ lo: sLo, hi: sHi, best });
    }
  }
  return { start: argmin(curves, from, from), runs };
}
