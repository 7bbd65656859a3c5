// The estimate's numbers at scale: every workload × offering priced, totalled and routed with the
// same exact results as `estimate`, fast enough for sweeps and forecasts over many thousands of
// workloads or trials. It computes what `estimate` computes for the money (eligibility and why, the
// monthly cost figure, totals per offering, the cheapest route), not the advisories or the report.
//
// How: a workload × offering cost on the api channel is a product of exact decimals,
//   clips × billed generations × (seconds, or whole clips billed) × rate × discount factor,
// and the rate and its honesty marker depend only on the offering and the workload's variant
// (resolution, audio, HDR, batch, required capabilities). So each (offering, variant) is priced
// once, by the reference engine itself (`evaluateOption`), and its rate turned into a scaled
// integer; every number of every workload is put on one common decimal scale as a BigInt; an
// evaluation is then one or two BigInt multiplications, exact to the last digit. Figures (big.js)
// are made only for what is asked for. The web-app channel (plan covers) is priced by `estimate`.
import { type Dec, dec } from '../money/decimal.js';
import { UNKNOWN, type Figure } from '../money/figure.js';
import { catalogAt, type Catalog } from '../pricing/catalog.js';
import type { Offering, PriceSheet } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Scenario, Workload } from '../scenario/model.js';
import { billedGenerations, consideredOfferings, discountFactor, estimate, evaluateOption, type EstimateOptions, type EstimateReport } from './estimate.js';
import type { PriceContext } from './price.js';

export interface FastOption {
  offering: string;
  eligible: boolean;
  /** why not eligible, or why the price is unknown */
  reason: string | null;
  monthlyUsd: Figure;
}

export interface FastTotal {
  offering: string;
  eligible: boolean;
  reason: string | null;
  monthlyUsd: Figure;
}

export interface FastRouteStep {
  workload: string;
  offering: string | null;
  monthlyUsd: Figure;
  reason: string | null;
}

export interface FastEstimate {
  asOf: string;
  channel: Channel;
  /** the offerings considered, in the order of `estimate`'s options and totals */
  offerings: readonly string[];
  workloads: number;
  /** workloads × offerings */
  evaluations: number;
  /** one workload × offering, as `estimate` reports it in workloads[w].options[o] */
  option(w: number, o: number): FastOption;
  /** as `estimate`'s totals */
  totals: readonly FastTotal[];
  recommendation: {
    /** as `estimate`'s recommendation.perWorkload[w] */
    step(w: number): FastRouteStep;
    /** index into `offerings` of each workload's cheapest offering, -1 for none */
    offeringIndex: Int32Array;
    monthlyUsd: Figure;
    complete: boolean;
    cheapestSingle: { offering: string; monthlyUsd: Figure } | null;
  };
}

// ---- exact decimals as scaled BigInts: value = mantissa / 10^scale -------------------------------

interface BigRaw {
  s: number;
  e: number;
  c: number[];
}

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
}

/** [mantissa, scale] of a big.js value, read from its digits (no string round trip). */
function scaled(d: Dec): [bigint, number] {
  const { s, e, c } = d as unknown as BigRaw;
  let m: bigint;
  if (c.length <= 15) {
    let n = 0;
    for (let i = 0; i < c.length; i++) n = n * 10 + c[i]!;
    m = BigInt(n);
  } else m = BigInt(c.join(''));
  let scale = c.length - 1 - e;
  if (scale < 0) {
    m *= pow10(-scale);
    scale = 0;
  }
  return [s < 0 ? -m : m, scale];
}

/** Places after the point of a big.js value (no allocation). */
function scaleOf(d: Dec): number {
  const { e, c } = d as unknown as BigRaw;
  const places = c.length - 1 - e;
  return places > 0 ? places : 0;
}

/** The mantissa of a non-negative big.js value on `scale` places (scale ≥ its own). */
function mantissaAt(d: Dec, scale: number): bigint {
  const { e, c } = d as unknown as BigRaw;
  let m: bigint;
  if (c.length <= 15) {
    let x = 0;
    for (let i = 0; i < c.length; i++) x = x * 10 + c[i]!;
    m = BigInt(x);
  } else m = BigInt(c.join(''));
  // value = m × 10^(e - c.length + 1)
  const shift = scale - (c.length - 1 - e);
  return shift === 0 ? m : m * pow10(shift);
}

function toDec(m: bigint, scale: number): Dec {
  const negative = m < 0n;
  let digits = (negative ? -m : m).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return dec(negative ? `-${digits}` : digits);
}

// ---- kernels: one (offering, workload variant), priced once by the reference engine ---------------

const INELIGIBLE = 0;
const UNPRICED = 1; // eligible, monthly cost unknown
const PER_SECOND = 2;
const PER_CLIP = 3;

/** One (offering, workload variant), priced by the reference engine; never changed once made. */
interface Kernel {
  kind: number;
  reason: string | null;
  approx: boolean;
  /** rate × discount factor, low and high ends, as [mantissa, scale]; high null when unbounded */
  low: [bigint, number] | null;
  high: [bigint, number] | null;
  /** per-clip billing: the clip length, or null when it is not a single known value (bills "at least one") */
  clip: [bigint, number] | null;
}

/** A kernel on one call's common scale. */
interface Aligned {
  kind: number;
  reason: string | null;
  approx: boolean;
  low: bigint;
  high: bigint;
  /** high end unbounded ("from") */
  open: boolean;
  /** low = high: one multiplication */
  point: boolean;
  /** per clip with a known length: billed clips = ceil(seconds × clipNum / clipDen) */
  perClip: boolean;
  clipNum: bigint;
  clipDen: bigint;
}

/**
 * What one sheets array has already priced: a sweep or a forecast calls fastEstimate again and
 * again with the same sheets, and a catalog depends only on the date, a row of kernels only on the
 * date, the overrides, the offerings considered and the variant, and its aligned form also on the
 * scales of the call. Sheets are data, never changed in place; the caches are bounded and go away
 * with the sheets.
 */
interface SheetsCache {
  catalogs: Map<string, { catalog: Catalog; considered: Offering[] }>;
  rows: Map<string, Kernel[]>;
  aligned: Map<string, Aligned[]>;
}
const caches = new WeakMap<readonly PriceSheet[], SheetsCache>();
const CACHE_ENTRIES = 4096;

function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= CACHE_ENTRIES) map.clear();
    map.set(key, (v = make()));
  }
  return v;
}

function align(k: Kernel, rateScale: number, secScale: number): Aligned {
  const a: Aligned = { kind: k.kind, reason: k.reason, approx: k.approx, low: 0n, high: 0n, open: false, point: false, perClip: false, clipNum: 1n, clipDen: 1n };
  if (k.kind !== PER_SECOND && k.kind !== PER_CLIP) return a;
  // per-clip rates carry the seconds' scale, so that every cost lands on one scale
  const at = rateScale + (k.kind === PER_CLIP ? secScale : 0);
  a.low = k.low![0] * pow10(at - k.low![1]);
  a.open = k.high === null || (k.kind === PER_CLIP && k.clip === null);
  a.high = k.high === null ? 0n : k.high[0] * pow10(at - k.high[1]);
  a.point = !a.open && a.high === a.low;
  if (k.kind === PER_CLIP && k.clip !== null) {
    // ceil(seconds / len) with seconds = s / 10^secScale and len = lm / 10^ls
    a.perClip = true;
    a.clipNum = pow10(k.clip[1]);
    a.clipDen = k.clip[0] * pow10(secScale);
  }
  return a;
}

function overridesKey(scenario: Scenario): string {
  const f = (x: Figure | undefined) => (x === undefined ? '-' : `${x.low?.toString() ?? 'u'}:${x.high?.toString() ?? 'o'}:${x.approx ? 1 : 0}`);
  return Object.keys(scenario.overrides)
    .sort()
    .map((v) => {
      const o = scenario.overrides[v]!;
      return `${v}=${f(o.usdPerCredit)},${f(o.discountPct)},${f(o.gpuSecondsPerOutputSecond)}`;
    })
    .join(';');
}

function variantKey(w: Workload): string {
  // the required capabilities in the scenario's order: an ineligibility reason lists them that way
  return `${w.resolution}|${w.audio ? 1 : 0}|${w.hdr ? 1 : 0}|${w.batch ? 1 : 0}|${w.requires.join(',')}`;
}

function kernelFrom(ctx: PriceContext, scenario: Scenario, w: Workload, o: Parameters<typeof evaluateOption>[2], gens: Dec): Kernel {
  const r = evaluateOption(ctx, scenario, o, w, gens);
  if (!r.eligible) return { kind: INELIGIBLE, reason: r.reason, approx: false, low: null, high: null, clip: null };
  const p = r.priced;
  // unknown for every workload of this variant: an unknown rate times anything stays unknown
  if (p === null || r.monthlyUsd.low === null) return { kind: UNPRICED, reason: r.reason, approx: false, low: null, high: null, clip: null };
  const { factor } = discountFactor(scenario, o.vendor);
  const ends = (f: Figure) => ({ low: scaled(f.low!.times(factor)), high: f.high === null ? null : scaled(f.high.times(factor)) });
  if (p.billing.kind === 'per_clip') {
    // costPerGeneration: billedClipsPerClip(seconds, clipSeconds) × usdPerClip
    const c = p.billing.clipSeconds;
    const len = c.low !== null && c.high !== null && c.low.eq(c.high) && !c.low.eq(0) ? c.low : null;
    return { kind: PER_CLIP, reason: null, approx: c.approx || p.billing.usdPerClip.approx, ...ends(p.billing.usdPerClip), clip: len === null ? null : scaled(len) };
  }
  // costPerGeneration: seconds × usdPerSecond
  return { kind: PER_SECOND, reason: null, approx: p.usdPerSecond.approx, ...ends(p.usdPerSecond), clip: null };
}

/**
 * Per-clip billing: (clips × generations) × whole clips billed per kept clip, ceil(seconds ÷ length)
 * (an 8 s clip on a 5 s unit bills two); with the length unknown, at least one.
 */
function clipUnits(k: Aligned, cg: bigint, sec: bigint): bigint {
  return k.perClip ? cg * ((sec * k.clipNum + k.clipDen - 1n) / k.clipDen) : cg;
}

// ---- the estimate -------------------------------------------------------------------------------

/**
 * The money of `estimate(sheets, scenario, options)`, exactly: every option's eligibility, reason
 * and monthly cost, the totals, and the recommended route, without advisories.
 */
export function fastEstimate(sheets: readonly PriceSheet[], scenario: Scenario, options: EstimateOptions): FastEstimate {
  if (scenario.channel !== 'api') return fromReport(estimate(sheets, scenario, options));
  const asOf = options.forceAsOf ? options.asOf : scenario.asOf ?? options.asOf;
  let cache = caches.get(sheets);
  if (cache === undefined) caches.set(sheets, (cache = { catalogs: new Map(), rows: new Map(), aligned: new Map() }));
  const { catalog, considered } = remember(cache.catalogs, `${asOf}|${scenario.offerings?.join(',') ?? '*'}`, () => {
    const c = catalogAt(sheets, asOf);
    return { catalog: c, considered: consideredOfferings(c, scenario) };
  });
  const ctx: PriceContext = { catalog, overrides: scenario.overrides };
  const ids = considered.map((o) => o.id);
  const m = considered.length;
  const workloads = scenario.workloads;
  const n = workloads.length;

  // Pass 1: each workload's variant (its row of kernels, priced at its first workload), its
  // numbers, and the finest scale each kind of number needs.
  const context = `${asOf}|${overridesKey(scenario)}|${ids.join(',')}|`;
  const keys = new Map<string, number>();
  const kernels: Kernel[][] = [];
  const kernelKeys: string[] = [];
  const keyOf = new Int32Array(n);
  // (clips × generations) and seconds go on the finest scale any workload needs; a product's
  // places are at most the sum of its factors' (big.js drops trailing zeros)
  let cgScale = 0;
  let secScale = 0;
  for (let w = 0; w < n; w++) {
    const wl = workloads[w]!;
    const gens = billedGenerations(scenario, wl);
    const key = variantKey(wl);
    let k = keys.get(key);
    if (k === undefined) {
      k = kernels.length;
      keys.set(key, k);
      kernels.push(remember(cache.rows, context + key, () => considered.map((o) => kernelFrom(ctx, scenario, wl, o, gens))));
      kernelKeys.push(context + key);
    }
    keyOf[w] = k;
    const cs = scaleOf(wl.clipsPerMonth) + scaleOf(gens);
    const ss = scaleOf(wl.secondsPerClip);
    if (cs > cgScale) cgScale = cs;
    if (ss > secScale) secScale = ss;
  }
  // a workload's numbers on the common scales: clips × generations, seconds, and their product
  const clipsTimesGens = (w: number): bigint => {
    const wl = workloads[w]!;
    const cs = scaleOf(wl.clipsPerMonth);
    return mantissaAt(wl.clipsPerMonth, cs) * mantissaAt(billedGenerations(scenario, wl), cgScale - cs);
  };
  const seconds = (w: number): bigint => mantissaAt(workloads[w]!.secondsPerClip, secScale);

  // Align every rate on one scale; per-clip rates carry the seconds' scale so that all costs share
  // one: cost = (clips × gens)[cgScale] × seconds[secScale] × rate[rateScale].
  let rateScale = 0;
  for (const row of kernels) {
    for (const k of row) {
      if (k.low) rateScale = Math.max(rateScale, k.low[1]);
      if (k.high) rateScale = Math.max(rateScale, k.high[1]);
    }
  }
  const total = cgScale + secScale + rateScale;
  const rows: Aligned[][] = kernels.map((row, i) => remember(cache.aligned, `${kernelKeys[i]}|${rateScale}|${secScale}`, () => row.map((k) => align(k, rateScale, secScale))));

  // Pass 2: every workload × offering.
  const totLow: bigint[] = new Array(m).fill(0n);
  const totHigh: bigint[] = new Array(m).fill(0n);
  const totOpen = new Uint8Array(m);
  const totApprox = new Uint8Array(m);
  const blocked = new Int32Array(m).fill(-1);
  const firstUnknown = new Int32Array(m).fill(-1);
  const best = new Int32Array(n).fill(-1);
  const anyEligible = new Uint8Array(n);
  let routeLow = 0n;
  let routeHigh = 0n;
  let routeApprox = false;
  let complete = true;
  for (let w = 0; w < n; w++) {
    const cg = clipsTimesGens(w);
    const sec = seconds(w);
    const base = cg * sec;
    const row = rows[keyOf[w]!]!;
    let bo = -1;
    let bLow = 0n;
    let bHigh = 0n;
    let bApprox = false;
    let eligible = false;
    for (let o = 0; o < m; o++) {
      const k = row[o]!;
      let low: bigint;
      let high: bigint;
      if (k.kind === PER_SECOND) {
        low = base * k.low;
        high = k.point ? low : k.open ? 0n : base * k.high;
      } else if (k.kind === PER_CLIP) {
        const units = clipUnits(k, cg, sec);
        low = units * k.low;
        high = k.point ? low : k.open ? 0n : units * k.high;
      } else {
        if (k.kind === INELIGIBLE) {
          if (blocked[o] === -1) blocked[o] = w;
        } else {
          eligible = true;
          if (firstUnknown[o] === -1) firstUnknown[o] = w;
        }
        continue;
      }
      eligible = true;
      totLow[o] = totLow[o]! + low;
      if (k.open) totOpen[o] = 1;
      else totHigh[o] = totHigh[o]! + high;
      if (k.approx) totApprox[o] = 1;
      // the cheapest recommendable option: by the figure to budget (high end), then the low end; first wins ties
      if (!k.open && (bo === -1 || high < bHigh || (high === bHigh && low < bLow))) {
        bo = o;
        bLow = low;
        bHigh = high;
        bApprox = k.approx;
      }
    }
    best[w] = bo;
    anyEligible[w] = eligible ? 1 : 0;
    if (bo === -1) complete = false;
    else {
      routeLow += bLow;
      routeHigh += bHigh;
      routeApprox ||= bApprox;
    }
  }

  const figure = (low: bigint, high: bigint, open: boolean, approx: boolean): Figure => {
    const l = toDec(low, total);
    return { low: l, high: open ? null : high === low ? l : toDec(high, total), approx };
  };
  const option = (w: number, o: number): FastOption => {
    const k = rows[keyOf[w]!]![o]!;
    const offering = ids[o]!;
    if (k.kind === INELIGIBLE) return { offering, eligible: false, reason: k.reason, monthlyUsd: UNKNOWN };
    if (k.kind === UNPRICED) return { offering, eligible: true, reason: k.reason, monthlyUsd: UNKNOWN };
    const cg = clipsTimesGens(w);
    const sec = seconds(w);
    const units = k.kind === PER_SECOND ? cg * sec : clipUnits(k, cg, sec);
    const low = units * k.low;
    return { offering, eligible: true, reason: null, monthlyUsd: figure(low, k.point ? low : units * k.high, k.open, k.approx) };
  };
  const totalOf = (i: number): FastTotal => {
    const offering = ids[i]!;
    if (blocked[i]! >= 0) {
      const b = blocked[i]!;
      return { offering, eligible: false, reason: `${workloads[b]!.name}: ${rows[keyOf[b]!]![i]!.reason}`, monthlyUsd: UNKNOWN };
    }
    if (firstUnknown[i]! >= 0) return { offering, eligible: true, reason: rows[keyOf[firstUnknown[i]!]!]![i]!.reason, monthlyUsd: UNKNOWN };
    return { offering, eligible: true, reason: null, monthlyUsd: figure(totLow[i]!, totHigh[i]!, totOpen[i] === 1, totApprox[i] === 1) };
  };
  // the cheapest single offering: eligible for every workload, every price known and bounded
  let single = -1;
  for (let i = 0; i < m; i++) {
    if (blocked[i]! >= 0 || firstUnknown[i]! >= 0 || totOpen[i] === 1) continue;
    if (single === -1 || totHigh[i]! < totHigh[single]! || (totHigh[i] === totHigh[single] && totLow[i]! < totLow[single]!)) single = i;
  }
  const step = (w: number): FastRouteStep => {
    const name = workloads[w]!.name;
    const o = best[w]!;
    if (o === -1) return { workload: name, offering: null, monthlyUsd: UNKNOWN, reason: anyEligible[w] ? 'no eligible offering has a known price' : 'no offering is eligible' };
    return { workload: name, offering: ids[o]!, monthlyUsd: option(w, o).monthlyUsd, reason: null };
  };
  // Figures (big.js) only when asked for
  let totals: FastTotal[] | null = null;
  let route: Figure | null = null;
  const allTotals = () => (totals ??= ids.map((_, i) => totalOf(i)));
  return {
    asOf,
    channel: scenario.channel,
    offerings: ids,
    workloads: n,
    evaluations: n * m,
    option,
    get totals() {
      return allTotals();
    },
    recommendation: {
      step,
      offeringIndex: best,
      get monthlyUsd() {
        return (route ??= complete ? figure(routeLow, routeHigh, false, routeApprox) : UNKNOWN);
      },
      complete,
      get cheapestSingle() {
        return single === -1 ? null : { offering: ids[single]!, monthlyUsd: allTotals()[single]!.monthlyUsd };
      },
    },
  };
}

/** The same shape from a full report (the web-app channel, where plan covers set the cost). */
function fromReport(r: EstimateReport): FastEstimate {
  const ids = r.totals.map((t) => t.offering);
  const index = new Map(ids.map((id, i) => [id, i]));
  const offeringIndex = new Int32Array(r.workloads.length).fill(-1);
  r.recommendation.perWorkload.forEach((s, w) => {
    if (s.offering !== null) offeringIndex[w] = index.get(s.offering) ?? -1;
  });
  return {
    asOf: r.asOf,
    channel: r.channel,
    offerings: ids,
    workloads: r.workloads.length,
    evaluations: r.workloads.length * ids.length,
    option: (w, o) => {
      const x = r.workloads[w]!.options[o]!;
      return { offering: x.offering, eligible: x.eligible, reason: x.reason, monthlyUsd: x.monthlyUsd };
    },
    totals: r.totals.map((t) => ({ offering: t.offering, eligible: t.eligible, reason: t.reason, monthlyUsd: t.monthlyUsd })),
    recommendation: {
      step: (w) => ({ ...r.recommendation.perWorkload[w]! }),
      offeringIndex,
      monthlyUsd: r.recommendation.monthlyUsd,
      complete: r.recommendation.complete,
      cheapestSingle: r.recommendation.cheapestSingle,
    },
  };
}

