// The compiled model of a forecast: every workload field as a scaled integer, the billed quantities
// q (clips × units × generations, an exact integer at a known scale) and the uncertain inputs.
import { type Dec, dec, decimalPlaces, ONE } from '../money/decimal.js';
import type { Scenario, ThreePoint } from '../scenario/model.js';

/** A rate drawn from a range sits at low + U × (high − low) with U a whole number of millionths. */
export const RATE_STEPS = 1_000_000;
/** Places kept at least for a drawn clip count, clip length or regeneration factor. */
export const MIN_PLACES = 2;
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A scenario value the forecast cannot use, at its path in the file. */
export class ForecastInputError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
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

// ---------------------------------------------------------------------------------------------
// The compiled model: fields as scaled integers, billing quantities q, linear forms over q.

export interface FieldSpec {
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

export interface Term {
  q: number;
  coefLow: Dec;
  coefDelta: Dec;
  /** rate input index, or -1 */
  rate: number;
  coefLowF: number;
  coefDeltaF: number;
}

/** A point in input space: every field as a scaled integer, every rate as millionths. */
export interface Point {
  fields: Float64Array; // W × 3
  rates: Float64Array;
}

export function scaled(d: Dec, places: number): number {
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
export function negPow10(places: number): Dec {
  let p = NEG_POW10.get(places);
  if (!p) {
    p = places === 0 ? ONE : dec(`0.${'0'.repeat(places - 1)}1`);
    NEG_POW10.set(places, p);
  }
  return p;
}

export class Model {
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
      const places = decimalPlaces(value);
      const n = scaled(value, places);
      return { places, fixedN: n, lowN: n, likelyN: n, highN: n, input: -1 };
    }
    const places = Math.max(MIN_PLACES, decimalPlaces(three.low), decimalPlaces(three.likely), decimalPlaces(three.high));
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
      const clipSpec = clip === null ? null : { n: scaled(clip, decimalPlaces(clip)), places: decimalPlaces(clip) };
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
        places: Math.max(decimalPlaces(low), decimalPlaces(high)) + 6,
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
export function wholeClips(sN: number, sp: number, clip: { n: number; places: number }): number {
  const a = sN * 10 ** clip.places;
  const b = clip.n * 10 ** sp;
  let k = Math.ceil(a / b);
  if ((k - 1) * b >= a) k -= 1;
  if (k * b < a) k += 1;
  return k;
}
