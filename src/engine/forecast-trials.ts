// Drawing the trials: one column of scaled integers per uncertain input and one column of q per
// billed quantity, then a target's cost in every trial as floats, exactly where it decides.
import { type Dec, dec, ZERO } from '../money/decimal.js';
import type { Plan } from '../pricing/model.js';
import { type FieldSpec, MAX_SAFE, type Model, negPow10, type Point, RATE_STEPS, scaled, type Term, wholeClips } from './forecast-model.js';
import { BAND, ExactSum, type Sampled } from './forecast-stats.js';
import { cheapestCover } from './plan-cover.js';
import { fillThreePoint, Xoshiro128 } from './random.js';

/** Whole billed clips for every trial's clip length (a per-clip quantity depends on seconds only through them). */
function wholeClipsColumn(seconds: Float64Array, places: number, clip: { n: number; places: number }): Float64Array {
  const out = new Float64Array(seconds.length);
  let lastS = NaN;
  let last = 0;
  for (let t = 0; t < seconds.length; t++) {
    const s = seconds[t]!;
    if (s !== lastS) {
      lastS = s;
      last = wholeClips(s, places, clip);
    }
    out[t] = last;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sampling: one column of scaled integers per uncertain input, one column of q per billed quantity.

export interface Columns {
  n: number;
  /** per input: scaled integers (fields) or millionths (rates) */
  inputs: Float64Array[];
  /** per q: the exact integer q (as a float, exact up to 2^53), with larger ones kept as BigInt */
  q: Float64Array[];
  qBig: Map<number, bigint>[];
  qSum: ExactSum[];
  /** a float buffer of n reused by each target in turn */
  buffers: [Float64Array];
}

export function sample(model: Model, n: number, seed: number): Columns {
  const inputs = model.inputs.map((input) => {
    const col = new Float64Array(n);
    const rng = new Xoshiro128(seed, input.key);
    if (input.kind === 'rate') {
      for (let t = 0; t < n; t++) col[t] = rng.integerBelow(RATE_STEPS + 1);
      return col;
    }
    const column = {
      low: Number(input.low),
      likely: Number(input.likely),
      high: Number(input.high),
      scale: 10 ** input.places,
      lowN: scaled(input.low, input.places),
      highN: scaled(input.high, input.places),
    };
    fillThreePoint(rng, input.shape as 'pert' | 'triangular', column, col);
    return col;
  });
  const fixed = new Map<number, Float64Array>();
  const fieldColumn = (f: FieldSpec): Float64Array => {
    if (f.input >= 0) return inputs[f.input]!;
    let col = fixed.get(f.fixedN);
    if (!col) fixed.set(f.fixedN, (col = new Float64Array(n).fill(f.fixedN)));
    return col;
  };
  const q: Float64Array[] = [];
  const qBig: Map<number, bigint>[] = [];
  const qSum: ExactSum[] = [];
  for (const spec of model.qs) {
    const w = model.workloads[spec.w]!;
    const clips = fieldColumn(w.fields[0]);
    const seconds = fieldColumn(w.fields[1]);
    const regen = fieldColumn(w.fields[2]);
    const units = spec.clip === null ? seconds : wholeClipsColumn(seconds, w.fields[1].places, spec.clip);
    const col = new Float64Array(n);
    const big = new Map<number, bigint>();
    const sum = new ExactSum();
    const capN = w.capN;
    for (let t = 0; t < n; t++) {
      const r = regen[t]!;
      const g = r < capN ? r : capN;
      const cu = clips[t]! * units[t]!;
      const value = cu * g;
      col[t] = value;
      if (cu <= MAX_SAFE && value <= MAX_SAFE) sum.add(value);
      else {
        const exact = BigInt(clips[t]!) * BigInt(units[t]!) * BigInt(g);
        big.set(t, exact);
        sum.addBig(exact);
      }
    }
    q.push(col);
    qBig.push(big);
    qSum.push(sum);
  }
  return { n, inputs, q, qBig, qSum, buffers: [new Float64Array(n)] };
}

// ---------------------------------------------------------------------------------------------
// Linear forms Σ q × coefficient, evaluated as floats for every trial and exactly where needed.

export class LinearForm {
  private readonly memo = new Map<string, Dec>();
  constructor(
    readonly model: Model,
    readonly terms: Term[],
  ) {}

  /** float value of every trial (into `out` when given, a buffer the caller reuses) */
  floats(cols: Columns, out: Float64Array = new Float64Array(cols.n)): Float64Array {
    out.fill(0);
    for (const term of this.terms) {
      const q = cols.q[term.q]!;
      const f = 10 ** -this.model.qs[term.q]!.scale;
      if (term.rate < 0) {
        const k = term.coefLowF * f;
        for (let t = 0; t < cols.n; t++) out[t]! += q[t]! * k;
      } else {
        const u = cols.inputs[term.rate]!;
        const lo = term.coefLowF * f;
        const d = (term.coefDeltaF * f) / RATE_STEPS;
        for (let t = 0; t < cols.n; t++) out[t]! += q[t]! * (lo + u[t]! * d);
      }
    }
    return out;
  }

  private value(qs: readonly bigint[], us: readonly number[]): Dec {
    let total = ZERO;
    this.terms.forEach((term, i) => {
      const q = dec(qs[i]!.toString()).times(negPow10(this.model.qs[term.q]!.scale));
      let coef = term.coefLow;
      if (term.rate >= 0 && !term.coefDelta.eq(0)) coef = coef.plus(term.coefDelta.times(dec(us[i]!)).times(negPow10(6)));
      total = total.plus(q.times(coef));
    });
    return total;
  }

  /** exact value of trial t (memoized on the quantities it depends on) */
  exactAt(cols: Columns, t: number): Dec {
    const qs = this.terms.map((term) => cols.qBig[term.q]!.get(t) ?? BigInt(cols.q[term.q]![t]!));
    const us = this.terms.map((term) => (term.rate >= 0 ? cols.inputs[term.rate]![t]! : 0));
    const key = `${qs.join(',')}|${us.join(',')}`;
    let v = this.memo.get(key);
    if (v === undefined) {
      v = this.value(qs, us);
      this.memo.set(key, v);
    }
    return v;
  }

  /** exact value at a point of input space (for the tornado) */
  exactAtPoint(point: Point): Dec {
    return this.value(
      this.terms.map((term) => this.model.qAt(term.q, point)),
      this.terms.map((term) => (term.rate >= 0 ? point.rates[term.rate]! : 0)),
    );
  }

  /** exact sum over all trials: Σ coefLow × Σq + coefDelta × 10^-6 × Σ q·U */
  exactSum(cols: Columns): Dec {
    let total = ZERO;
    for (const term of this.terms) {
      const neg = negPow10(this.model.qs[term.q]!.scale);
      total = total.plus(dec(cols.qSum[term.q]!.total().toString()).times(neg).times(term.coefLow));
      if (term.rate >= 0 && !term.coefDelta.eq(0)) {
        const q = cols.q[term.q]!;
        const big = cols.qBig[term.q]!;
        const u = cols.inputs[term.rate]!;
        const sum = new ExactSum();
        // q × U can pass 2^53: split U = 1024 × hi + lo and keep two exact sums of smaller products
        const sumHi = new ExactSum();
        for (let t = 0; t < cols.n; t++) {
          const qt = q[t]!;
          const ut = u[t]!;
          const p = qt * ut;
          if (p <= MAX_SAFE && !big.has(t)) {
            sum.add(p);
            continue;
          }
          const hi = Math.floor(ut / 1024);
          const lo = ut - hi * 1024;
          if (!big.has(t) && qt * 1024 <= MAX_SAFE) {
            sum.add(qt * lo);
            sumHi.add(qt * hi);
          } else sum.addBig((big.get(t) ?? BigInt(qt)) * BigInt(ut));
        }
        const qu = sum.total() + 1024n * sumHi.total();
        total = total.plus(dec(qu.toString()).times(neg).times(term.coefDelta).times(negPow10(6)));
      }
    }
    return total;
  }
}

export function linearSampled(form: LinearForm, cols: Columns): Sampled {
  return { floats: form.floats(cols, cols.buffers[0]), exactAt: (t) => form.exactAt(cols, t), exactSum: () => form.exactSum(cols) };
}

/** A vendor's plans covering the credits a linear form needs, with the cover's dollars × discount. */
export interface CoverGroup {
  credits: LinearForm;
  plans: Plan[];
  /** the scenario's seats: at most this many plans (null: as many as needed) */
  seats: number | null;
  factor: Dec;
  vendor: string;
}

/**
 * The cost of each trial on seat plans: walk the trials in order of credits needed; the cheapest
 * cover for c0 credits, holding K >= c0, is also the cheapest for every need between c0 and K.
 */
export function coverSampled(groups: readonly CoverGroup[], cols: Columns): Sampled | { unknown: string } {
  const n = cols.n;
  const perGroup: { idx: Int32Array; values: Dec[]; valuesF: number[] }[] = [];
  for (const g of groups) {
    const credits = g.credits.floats(cols);
    const order = Array.from({ length: n }, (_, t) => t).sort((a, b) => credits[a]! - credits[b]! || a - b);
    const idx = new Int32Array(n);
    const values: Dec[] = [];
    const valuesF: number[] = [];
    let cur: { c0: Dec; c0F: number; k: Dec; kF: number; i: number } | null = null;
    const cmp = (t: number, bound: Dec, boundF: number): number => {
      const x = credits[t]!;
      if (x > boundF * (1 + BAND) + Number.MIN_VALUE) return 1;
      if (x < boundF * (1 - BAND) - Number.MIN_VALUE) return -1;
      return g.credits.exactAt(cols, t).cmp(bound);
    };
    for (const t of order) {
      if (cur !== null && cmp(t, cur.c0, cur.c0F) >= 0 && cmp(t, cur.k, cur.kF) <= 0) {
        idx[t] = cur.i;
        continue;
      }
      const need = g.credits.exactAt(cols, t);
      const cover = cheapestCover(g.plans, need, g.seats);
      if (!cover) return { unknown: `no ${g.vendor} plan with a known price and credit allowance` };
      const usd = cover.usd.times(g.factor);
      values.push(usd);
      valuesF.push(Number(usd.toString()));
      cur = { c0: need, c0F: Number(need.toString()), k: cover.credits, kF: Number(cover.credits.toString()), i: values.length - 1 };
      idx[t] = cur.i;
    }
    perGroup.push({ idx, values, valuesF });
  }
  const floats = new Float64Array(n);
  for (const g of perGroup) for (let t = 0; t < n; t++) floats[t]! += g.valuesF[g.idx[t]!]!;
  return {
    floats,
    exactAt: (t) => perGroup.reduce((acc, g) => acc.plus(g.values[g.idx[t]!]!), ZERO),
    exactSum: () => {
      let total = ZERO;
      for (const g of perGroup) {
        const counts = new Array<number>(g.values.length).fill(0);
        for (let t = 0; t < n; t++) counts[g.idx[t]!]! += 1;
        g.values.forEach((v, i) => (total = total.plus(v.times(counts[i]!))));
      }
      return total;
    },
  };
}
