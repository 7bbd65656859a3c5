// `vidcost forecast`: a Monte Carlo forecast of the monthly cost, pure and reproducible for a seed.
//
// Uncertain inputs are the workload fields written as three-point estimates (PERT or triangular)
// and the price ranges of the sheets (Kling ~$0.07–$0.14/s), drawn uniformly between low and high.
// Every draw is a float turned into an exact decimal with a fixed number of places (clips, seconds
// and regeneration factors to at least 2 places, a rate's position in its range to 6), so every
// trial's cost is an exact decimal, computed the way `estimate` computes it:
//
//   workload cost = clips × billed units × billed generations × (rate × discount)
//
// where billed units are the clip's seconds, or ⌈seconds ÷ clip length⌉ whole clips for a per-clip
// price, and billed generations = min(regeneration factor, budget cap). Per workload and billing
// unit the product q = clips × units × generations is an exact integer at a known scale, so a trial
// is a handful of multiplications. The percentiles are exact order statistics (nearest rank): a
// float pass orders the trials and only the trials within a relative 1e-9 of a percentile (far
// above the float error) are re-evaluated exactly. The mean is the exact sum of all trials ÷ N,
// summed exactly through the linearity of the cost in q. On the web-app channel the cost is the
// cheapest plan cover of the credits each trial needs, found exactly the same way.
import { type Dec, dec, decimalPlaces, divide, HUNDRED, ONE, ZERO } from '../money/decimal.js';
import { markerOf, pointOf, type Figure } from '../money/figure.js';
import { formatFigure } from '../money/format.js';
import type { Plan, PriceSheet } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Scenario, ThreePoint } from '../scenario/model.js';
import { estimate, plansFor, type EstimateOptions, type EstimateReport, type OptionResult } from './estimate.js';
import { cheapestCover } from './plan-cover.js';
import { fillThreePoint, Xoshiro128 } from './random.js';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;
export const MAX_TRIALS = 1_000_000;
/** A rate drawn from a range sits at low + U × (high − low) with U a whole number of millionths. */
export const RATE_STEPS = 1_000_000;
/** Places kept at least for a drawn clip count, clip length or regeneration factor. */
export const MIN_PLACES = 2;
/** Two floats this close (relative) may be ordered wrongly: the exact decimals decide. */
const BAND = 1e-9;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const HALF_SAFE = 2 ** 52;

/** A scenario value the forecast cannot use, at its path in the file. */
export class ForecastInputError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

export interface ForecastOptions extends EstimateOptions {
  trials?: number;
  seed?: number;
}

export type InputField = 'clips_per_month' | 'seconds_per_clip' | 'regeneration_factor';
export const INPUT_FIELDS: readonly InputField[] = ['clips_per_month', 'seconds_per_clip', 'regeneration_factor'];

/** One uncertain input: a three-point workload field, or the price range of an offering. */
export interface UncertainInput {
  /** stable name, also the name of its random stream: "drafts.clips_per_month", "rate:kling/kling-3.0" */
  key: string;
  kind: 'workload' | 'rate';
  workload: string | null;
  field: InputField | null;
  offering: string | null;
  /** how it is drawn */
  shape: 'pert' | 'triangular' | 'uniform';
  /** a rate: the offering's USD per second (per credit-second on the web-app channel: credits per second) */
  unit: 'clips' | 'seconds' | 'generations' | 'usd/s' | 'usd/clip' | 'credits/s' | 'credits/clip';
  low: Dec;
  likely: Dec;
  high: Dec;
  /** decimal places a draw keeps (a rate: places of its low and high plus 6 for the millionths) */
  places: number;
}

export interface ForecastStats {
  p10: Dec;
  p50: Dec;
  p90: Dec;
  /** exact sum of the trials ÷ trials (20 places where it does not terminate) */
  mean: Dec;
  trialsOverCeiling: number | null;
  probabilityOverCeiling: number | null;
}

export interface ForecastRow {
  offering: string;
  eligible: boolean;
  /** why not eligible, or why the forecast is unknown */
  reason: string | null;
  stats: ForecastStats | null;
  /** the point estimate's monthly figure */
  point: Figure;
}

export interface ForecastRoute extends ForecastRow {
  steps: { workload: string; offering: string | null }[];
}

export interface Driver {
  input: UncertainInput;
  /** the route's monthly cost with this input at its low (high), every other input at its likely value */
  atLow: Dec;
  atHigh: Dec;
  swing: Dec;
}

export interface ForecastReport {
  kind: 'forecast';
  scenario: string;
  asOf: string;
  channel: Channel;
  currency: 'USD';
  trials: number;
  seed: number;
  ceiling: Dec | null;
  inputs: UncertainInput[];
  offerings: ForecastRow[];
  recommendation: ForecastRoute;
  /** the route's cost with every input at its likely value (a rate range at its midpoint) */
  baseline: Dec | null;
  drivers: Driver[];
  estimate: EstimateReport;
}

// ---------------------------------------------------------------------------------------------
// The compiled model: fields as scaled integers, billing quantities q, linear forms over q.

interface FieldSpec {
  places: number;
  /** value × 10^places for a fixed field */
  fixedN: number;
  lowN: number;
  likelyN: number;
  highN: number;
  /** index into the uncertain inputs, or -1 for a fixed value */
  input: number;
}

interface WorkloadSpec {
  name: string;
  fields: [FieldSpec, FieldSpec, FieldSpec];
  /** the generation cap × 10^places of the regeneration factor, or Infinity */
  capN: number;
}

/** A billed quantity of one workload: clips × seconds × generations, or clips × whole clips × generations. */
interface QSpec {
  w: number;
  /** null: per second; else the billed clip length as LN ÷ 10^LP */
  clip: { n: number; places: number } | null;
  /** q is an integer at scale 10^-scale */
  scale: number;
}

interface Term {
  q: number;
  coefLow: Dec;
  coefDelta: Dec;
  /** rate input index, or -1 */
  rate: number;
  coefLowF: number;
  coefDeltaF: number;
}

/** A point in input space: every field as a scaled integer, every rate as millionths. */
interface Point {
  fields: Float64Array; // W × 3
  rates: Float64Array;
}

function placesOf(d: Dec): number {
  return decimalPlaces(d);
}

function scaled(d: Dec, places: number): number {
  return Number(d.times(pow10(places)).toFixed(0));
}

const POW10 = new Map<number, Dec>();
function pow10(places: number): Dec {
  let p = POW10.get(places);
  if (!p) {
    p = dec(`1${'0'.repeat(places)}`);
    POW10.set(places, p);
  }
  return p;
}
const NEG_POW10 = new Map<number, Dec>();
function negPow10(places: number): Dec {
  let p = NEG_POW10.get(places);
  if (!p) {
    p = places === 0 ? ONE : dec(`0.${'0'.repeat(places - 1)}1`);
    NEG_POW10.set(places, p);
  }
  return p;
}

/** Exact integer sums: a float while it stays exact, BigInt beyond. */
class ExactSum {
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

class Model {
  readonly workloads: WorkloadSpec[] = [];
  readonly inputs: UncertainInput[] = [];
  readonly qs: QSpec[] = [];
  private readonly qIndex = new Map<string, number>();
  /** rate input index by offering id */
  readonly rateOf = new Map<string, number>();

  constructor(readonly scenario: Scenario) {
    const cap = scenario.budget.maxRegenerationsPerJob;
    scenario.workloads.forEach((w, i) => {
      const t = w.uncertain ?? {};
      const fields = [
        this.field(i, w.name, 'clips_per_month', w.clipsPerMonth, t.clipsPerMonth, 'clips'),
        this.field(i, w.name, 'seconds_per_clip', w.secondsPerClip, t.secondsPerClip, 'seconds'),
        this.field(i, w.name, 'regeneration_factor', w.regenerationFactor, t.regenerationFactor, 'generations'),
      ] as [FieldSpec, FieldSpec, FieldSpec];
      const capN = cap === null ? Infinity : scaled(cap, fields[2].places);
      this.workloads.push({ name: w.name, fields, capN });
    });
  }

  private field(index: number, workload: string, field: InputField, value: Dec, three: ThreePoint | undefined, unit: UncertainInput['unit']): FieldSpec {
    if (!three || three.low.eq(three.high)) {
      const places = placesOf(value);
      const n = scaled(value, places);
      return { places, fixedN: n, lowN: n, likelyN: n, highN: n, input: -1 };
    }
    const places = Math.max(MIN_PLACES, placesOf(three.low), placesOf(three.likely), placesOf(three.high));
    if (three.high.times(pow10(places)).gt(MAX_SAFE)) {
      throw new ForecastInputError(
        ['workloads', index, field],
        `${three.high} with ${places} decimal places has more digits than a forecast keeps exactly (at most 15 significant digits)`,
      );
    }
    const input = this.inputs.length;
    this.inputs.push({
      key: `${workload}.${field}`,
      kind: 'workload',
      workload,
      field,
      offering: null,
      shape: three.shape,
      unit,
      low: three.low,
      likely: three.likely,
      high: three.high,
      places,
    });
    return {
      places,
      fixedN: scaled(three.likely, places),
      lowN: scaled(three.low, places),
      likelyN: scaled(three.likely, places),
      highN: scaled(three.high, places),
      input,
    };
  }

  qFor(w: number, clip: Dec | null): number {
    const spec = this.workloads[w]!;
    const key = `${w}:${clip === null ? 'sec' : clip.toString()}`;
    let i = this.qIndex.get(key);
    if (i === undefined) {
      const [c, s, g] = spec.fields;
      const clipSpec = clip === null ? null : { n: scaled(clip, placesOf(clip)), places: placesOf(clip) };
      i = this.qs.length;
      this.qs.push({ w, clip: clipSpec, scale: c.places + (clip === null ? s.places : 0) + g.places });
      this.qIndex.set(key, i);
    }
    return i;
  }

  rateInput(offering: string, low: Dec, high: Dec, unit: UncertainInput['unit']): number {
    let i = this.rateOf.get(offering);
    if (i === undefined) {
      i = this.inputs.length;
      const likely = low.plus(high).div(2);
      this.inputs.push({
        key: `rate:${offering}`,
        kind: 'rate',
        workload: null,
        field: null,
        offering,
        shape: 'uniform',
        unit,
        low,
        likely,
        high,
        places: Math.max(placesOf(low), placesOf(high)) + 6,
      });
      this.rateOf.set(offering, i);
    }
    return i;
  }

  /** The point with every input at its likely value (a rate at the middle of its range). */
  likelyPoint(): Point {
    const fields = new Float64Array(this.workloads.length * 3);
    this.workloads.forEach((w, i) => w.fields.forEach((f, j) => (fields[i * 3 + j] = f.likelyN)));
    const rates = new Float64Array(this.inputs.length).fill(RATE_STEPS / 2);
    return { fields, rates };
  }

  /** q at a point, exactly (BigInt). */
  qAt(q: number, point: Point): bigint {
    const spec = this.qs[q]!;
    const w = this.workloads[spec.w]!;
    const clips = BigInt(point.fields[spec.w * 3]!);
    const seconds = point.fields[spec.w * 3 + 1]!;
    const gens = BigInt(Math.min(point.fields[spec.w * 3 + 2]!, w.capN));
    if (spec.clip === null) return clips * BigInt(seconds) * gens;
    return clips * BigInt(wholeClips(seconds, w.fields[1].places, spec.clip)) * gens;
  }
}

/** ⌈seconds ÷ clip length⌉ with seconds = sN ÷ 10^sp and length = LN ÷ 10^LP, exactly. */
function wholeClips(sN: number, sp: number, clip: { n: number; places: number }): number {
  const a = sN * 10 ** clip.places;
  const b = clip.n * 10 ** sp;
  let k = Math.ceil(a / b);
  if ((k - 1) * b >= a) k -= 1;
  if (k * b < a) k += 1;
  return k;
}

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

interface Columns {
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

function sample(model: Model, n: number, seed: number): Columns {
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

class LinearForm {
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

/** A target's trials: floats for ordering, exact decimals where they decide. */
export interface Sampled {
  floats: Float64Array;
  exactAt(t: number): Dec;
  exactSum(): Dec;
}

function linearSampled(form: LinearForm, cols: Columns): Sampled {
  return { floats: form.floats(cols, cols.buffers[0]), exactAt: (t) => form.exactAt(cols, t), exactSum: () => form.exactSum(cols) };
}

/** A vendor's plans covering the credits a linear form needs, with the cover's dollars × discount. */
interface CoverGroup {
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
function coverSampled(groups: readonly CoverGroup[], cols: Columns): Sampled | { unknown: string } {
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

// ---------------------------------------------------------------------------------------------
// Statistics: exact order statistics through a float pass.

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
interface RankTrials {
  t10: number;
  t50: number;
  t90: number;
}

function summarizeWithTrials(s: Sampled, n: number, ceiling: Dec | null): { stats: ForecastStats; ranks: RankTrials } {
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
function countOver(f: Float64Array, exactAt: (t: number) => Dec, ceiling: Dec, threshold: number): number {
  const c = band(threshold);
  let over = 0;
  for (let t = 0; t < f.length; t++) {
    const x = f[t]!;
    if (x > c.hi) over += 1;
    else if (x >= c.lo && exactAt(t).gt(ceiling)) over += 1;
  }
  return over;
}

// ---------------------------------------------------------------------------------------------
// From an estimate to targets: every offering on its own, and the recommended route.

function discount(o: OptionResult): Dec {
  return o.discountPct === null ? ONE : HUNDRED.minus(o.discountPct).div(HUNDRED);
}

function unknownReason(o: OptionResult): string | null {
  if (!o.eligible) return o.reason ?? 'not eligible';
  const marker = markerOf(o.monthlyUsd);
  if (marker === 'unknown') return o.reason ?? 'the price is unknown';
  if (marker === 'from') return `only a lower bound is known (${formatFigure(o.monthlyUsd, 'money')} a month)`;
  return null;
}

/** The term of one workload on one offering: dollars (api) or credits (web-app) per unit of q. */
function termFor(model: Model, w: number, o: OptionResult, channel: Channel): Term | string {
  const p = o.priced;
  if (!p) return o.reason ?? 'the price is unknown';
  let coef: Figure | null;
  let clip: Dec | null = null;
  let unit: UncertainInput['unit'];
  if (p.billing.kind === 'per_clip') {
    clip = pointOf(p.billing.clipSeconds);
    if (clip === null || clip.eq(0)) return 'the length of a billed clip is not known';
    coef = channel === 'api' ? p.billing.usdPerClip : p.billing.creditsPerClip;
    unit = channel === 'api' ? 'usd/clip' : 'credits/clip';
  } else {
    coef = channel === 'api' ? p.usdPerSecond : p.creditsPerSecond;
    unit = channel === 'api' ? 'usd/s' : 'credits/s';
  }
  if (coef === null || coef.low === null) return o.reason ?? 'the price is unknown';
  if (coef.high === null) return 'only a lower bound of the price is known';
  const factor = channel === 'api' ? discount(o) : ONE;
  const low = coef.low.times(factor);
  const delta = coef.high.minus(coef.low).times(factor);
  const rate = delta.eq(0) ? -1 : model.rateInput(o.offering, low, coef.high.times(factor), unit);
  return { q: model.qFor(w, clip), coefLow: low, coefDelta: delta, rate, coefLowF: Number(low.toString()), coefDeltaF: Number(delta.toString()) };
}

type Target = { kind: 'linear'; form: LinearForm } | { kind: 'cover'; groups: CoverGroup[] } | { kind: 'unknown'; reason: string; eligible: boolean };

function offeringTarget(model: Model, report: EstimateReport, i: number): Target {
  const options = report.workloads.map((wr) => wr.options[i]!);
  const blocked = options.findIndex((o) => !o.eligible);
  if (blocked >= 0) return { kind: 'unknown', eligible: false, reason: `${report.workloads[blocked]!.workload.name}: ${options[blocked]!.reason}` };
  const terms: Term[] = [];
  for (const [w, o] of options.entries()) {
    const why = unknownReason(o);
    if (why !== null) return { kind: 'unknown', eligible: true, reason: report.workloads.length > 1 ? `${report.workloads[w]!.workload.name}: ${why}` : why };
    const term = termFor(model, w, o, report.channel);
    if (typeof term === 'string') return { kind: 'unknown', eligible: true, reason: term };
    terms.push(term);
  }
  const form = new LinearForm(model, terms);
  if (report.channel === 'api') return { kind: 'linear', form };
  const vendor = options[0]!.vendor;
  const factor = discount(options[0]!);
  return {
    kind: 'cover',
    groups: [
      { credits: form, plans: plansFor(report.catalog, vendor, report.scenarioData.workloads), seats: report.scenarioData.seats ?? null, factor, vendor },
    ],
  };
}

function routeTarget(model: Model, report: EstimateReport): Target {
  const r = report.recommendation;
  if (!r.complete) return { kind: 'unknown', eligible: true, reason: 'no complete route: at least one workload has no eligible offering with a known price' };
  const byVendor = new Map<string, { terms: Term[]; workloads: number[]; factor: Dec }>();
  const terms: Term[] = [];
  for (const [w, step] of r.perWorkload.entries()) {
    const o = report.workloads[w]!.options.find((x) => x.offering === step.offering)!;
    const term = termFor(model, w, o, report.channel);
    if (typeof term === 'string') return { kind: 'unknown', eligible: true, reason: `${step.workload}: ${term}` };
    terms.push(term);
    const entry = byVendor.get(o.vendor) ?? { terms: [], workloads: [], factor: discount(o) };
    entry.terms.push(term);
    entry.workloads.push(w);
    byVendor.set(o.vendor, entry);
  }
  if (report.channel === 'api') return { kind: 'linear', form: new LinearForm(model, terms) };
  return {
    kind: 'cover',
    groups: [...byVendor].map(([vendor, e]) => ({
      credits: new LinearForm(model, e.terms),
      plans: plansFor(
        report.catalog,
        vendor,
        e.workloads.map((w) => report.scenarioData.workloads[w]!),
      ),
      seats: report.scenarioData.seats ?? null,
      factor: e.factor,
      vendor,
    })),
  };
}

function exactTargetAt(target: Target, point: Point): Dec | null {
  if (target.kind === 'linear') return target.form.exactAtPoint(point);
  if (target.kind === 'unknown') return null;
  let total = ZERO;
  for (const g of target.groups) {
    const cover = cheapestCover(g.plans, g.credits.exactAtPoint(point), g.seats);
    if (!cover) return null;
    total = total.plus(cover.usd.times(g.factor));
  }
  return total;
}

/**
 * Targets that are positive multiples of one another in every trial (per-second offerings whose
 * rate is the same for every workload, at different prices) order the trials the same way: the
 * trial at a percentile of one is at that percentile of all of them. Their key is their quantities
 * and the ratios of their coefficients; a rate range or a zero price has no key.
 */
function proportionalKey(target: Target): string | null {
  if (target.kind !== 'linear' || target.form.terms.length === 0) return null;
  const terms = [...target.form.terms].sort((a, b) => a.q - b.q);
  if (terms.some((t) => t.rate >= 0 || !t.coefLow.gt(0))) return null;
  const first = terms[0]!.coefLow;
  return terms.map((t) => `${t.q}:${t.coefLow.div(first).toExactString()}`).join(';');
}

interface ProportionalBase {
  floats: Float64Array;
  ranks: RankTrials;
  /** the base's first coefficient: a target's float cost is the base's × its own ÷ this */
  firstCoef: number;
}

/** Targets with the same terms (two offerings at the same price, the route on one offering) cost the same in every trial. */
function targetKey(target: Target): string {
  const terms = (form: LinearForm) => form.terms.map((t) => `${t.q}:${t.coefLow.toString()}:${t.coefDelta.toString()}:${t.rate}`).join(';');
  if (target.kind === 'linear') return `linear|${terms(target.form)}`;
  if (target.kind === 'unknown') return `unknown|${target.reason}`;
  return `cover|${target.groups.map((g) => `${g.vendor}:${g.factor.toString()}:${g.plans.map((p) => p.name).join(',')}:${terms(g.credits)}`).join('|')}`;
}

interface RunCache {
  same: Map<string, { stats: ForecastStats | null; reason: string | null }>;
  proportional: Map<string, ProportionalBase>;
}

function run(target: Target, cols: Columns, ceiling: Dec | null, cache: RunCache): { stats: ForecastStats | null; reason: string | null } {
  const key = targetKey(target);
  const known = cache.same.get(key);
  if (known) return known;
  let result: { stats: ForecastStats | null; reason: string | null };
  const pkey = proportionalKey(target);
  const base = pkey === null ? undefined : cache.proportional.get(pkey);
  if (target.kind === 'linear' && base) {
    // the same trials hold the percentiles; only their exact values and the ceiling count are this target's own
    const form = target.form;
    const exactAt = (t: number) => form.exactAt(cols, t);
    const first = [...form.terms].sort((a, b) => a.q - b.q)[0]!.coefLowF;
    const over = ceiling === null ? null : countOver(base.floats, exactAt, ceiling, (Number(ceiling.toString()) * base.firstCoef) / first);
    result = {
      reason: null,
      stats: {
        p10: exactAt(base.ranks.t10),
        p50: exactAt(base.ranks.t50),
        p90: exactAt(base.ranks.t90),
        mean: divide(form.exactSum(cols), dec(cols.n)),
        trialsOverCeiling: over,
        probabilityOverCeiling: over === null ? null : over / cols.n,
      },
    };
  } else if (target.kind === 'linear' && pkey !== null) {
    const floats = target.form.floats(cols);
    const out = summarizeWithTrials({ floats, exactAt: (t) => target.form.exactAt(cols, t), exactSum: () => target.form.exactSum(cols) }, cols.n, ceiling);
    cache.proportional.set(pkey, { floats, ranks: out.ranks, firstCoef: [...target.form.terms].sort((a, b) => a.q - b.q)[0]!.coefLowF });
    result = { stats: out.stats, reason: null };
  } else {
    result = runOnce(target, cols, ceiling);
  }
  cache.same.set(key, result);
  return result;
}

function runOnce(target: Target, cols: Columns, ceiling: Dec | null): { stats: ForecastStats | null; reason: string | null } {
  if (target.kind === 'unknown') return { stats: null, reason: target.reason };
  const sampled = target.kind === 'linear' ? linearSampled(target.form, cols) : coverSampled(target.groups, cols);
  if ('unknown' in sampled) return { stats: null, reason: sampled.unknown };
  return { stats: summarize(sampled, cols.n, ceiling), reason: null };
}

export function checkTrials(trials: number): void {
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS)
    throw new RangeError(`trials must be a whole number from 1 to ${MAX_TRIALS}, found ${trials}`);
}

export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SAFE}, found ${seed}`);
}

export function forecast(sheets: readonly PriceSheet[], scenario: Scenario, options: ForecastOptions): ForecastReport {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  checkTrials(trials);
  checkSeed(seed);
  const report = estimate(sheets, scenario, options);
  return forecastFromEstimate(report, trials, seed);
}

/** The forecast of a scenario already estimated (the route is the estimate's). */
export function forecastFromEstimate(report: EstimateReport, trials: number, seed: number): ForecastReport {
  const scenario = report.scenarioData;
  const model = new Model(scenario);
  const targets = report.totals.map((_, i) => offeringTarget(model, report, i));
  const route = routeTarget(model, report);
  const cols = sample(model, trials, seed);
  const ceiling = scenario.budget.monthlyCeilingUsd;
  const cache: RunCache = { same: new Map(), proportional: new Map() };
  const offerings: ForecastRow[] = report.totals.map((total, i) => {
    const target = targets[i]!;
    const { stats, reason } = run(target, cols, ceiling, cache);
    return { offering: total.offering, eligible: target.kind !== 'unknown' || target.eligible, reason, stats, point: total.monthlyUsd };
  });
  const routeRun = run(route, cols, ceiling, cache);
  const steps = report.recommendation.perWorkload.map((s) => ({ workload: s.workload, offering: s.offering }));
  const single = new Set(steps.map((s) => s.offering));
  const recommendation: ForecastRoute = {
    offering: single.size === 1 && steps[0]?.offering ? steps[0].offering : 'route',
    eligible: route.kind !== 'unknown',
    reason: routeRun.reason,
    stats: routeRun.stats,
    point: report.recommendation.monthlyUsd,
    steps,
  };
  const { baseline, drivers } = tornado(model, route);
  return {
    kind: 'forecast',
    scenario: report.scenario,
    asOf: report.asOf,
    channel: report.channel,
    currency: 'USD',
    trials,
    seed,
    ceiling,
    inputs: model.inputs,
    offerings,
    recommendation,
    baseline,
    drivers,
    estimate: report,
  };
}

/** One input at a time from its low to its high, every other input at its likely value. */
function tornado(model: Model, route: Target): { baseline: Dec | null; drivers: Driver[] } {
  const likely = model.likelyPoint();
  const baseline = exactTargetAt(route, likely);
  if (baseline === null) return { baseline: null, drivers: [] };
  const drivers: Driver[] = [];
  model.inputs.forEach((input, i) => {
    const at = (end: 'low' | 'high'): Dec | null => {
      const point: Point = { fields: Float64Array.from(likely.fields), rates: Float64Array.from(likely.rates) };
      if (input.kind === 'rate') point.rates[i] = end === 'low' ? 0 : RATE_STEPS;
      else {
        const w = model.workloads.findIndex((x) => x.name === input.workload);
        const j = INPUT_FIELDS.indexOf(input.field!);
        const f = model.workloads[w]!.fields[j]!;
        point.fields[w * 3 + j] = end === 'low' ? f.lowN : f.highN;
      }
      return exactTargetAt(route, point);
    };
    const atLow = at('low');
    const atHigh = at('high');
    if (atLow === null || atHigh === null) return;
    drivers.push({ input, atLow, atHigh, swing: atHigh.minus(atLow).abs() });
  });
  // largest swing first; ties keep the order the inputs are written in
  drivers.sort((a, b) => b.swing.cmp(a.swing));
  return { baseline, drivers };
}
