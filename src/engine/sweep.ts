// `vidcost sweep`: the monthly cost of the whole scenario on each offering as one input of one
// workload varies, and the exact points where the cheapest offering changes.
//
// On the api channel a workload's cost is clips × billed units × billed generations × rate, so as
// one input varies every offering's cost is a piecewise-linear function of it: linear in clips,
// linear in seconds (or a staircase of whole clips for a per-clip price), linear in the
// regeneration factor up to the cap and flat above it. On the web-app channel the credits needed
// are piecewise linear the same way and the cost is the cheapest plan cover of them, a staircase
// whose steps are found exactly by walking from one cover to the next. Each curve is kept as exact
// pieces a + b·x on (lo, hi]; break-even points are solved from them in exact rationals, never read
// off a grid. The grid (--steps) only samples the curves for tables and charts.
import { ceilDiv, Dec, dec, decimalPlaces, formatNumber, ONE, ZERO } from '../money/decimal.js';
import { budgetOf, pointOf, type Figure } from '../money/figure.js';
import type { Offering, Plan, PriceSheet } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Scenario, Workload } from '../scenario/model.js';
import { estimate, plansFor, type EstimateOptions, type EstimateReport, type OptionResult } from './estimate.js';
import { INPUT_FIELDS, type InputField } from './forecast.js';
import { discount, unknownReason as optionUnknownReason } from './option-price.js';
import { cheapestCover, type Cover } from './plan-cover.js';

export const DEFAULT_STEPS = 11;
export const MAX_STEPS = 201;
/** A curve with more pieces than this (thousands of plan changes) is not solved; narrow the range. */
export const MAX_PIECES = 20_000;

export const FIELD_LIMITS: Record<InputField, { min: Dec; minInclusive: boolean; max: Dec; words: string; unit: string }> = {
  clips_per_month: { min: ZERO, minInclusive: true, max: dec(1_000_000_000), words: 'clips a month', unit: 'clips' },
  seconds_per_clip: { min: ZERO, minInclusive: false, max: dec(3600), words: 'seconds a clip', unit: 's' },
  regeneration_factor: { min: ONE, minInclusive: true, max: dec(1000), words: 'generations per kept clip', unit: 'generations' },
};

export interface SweepOptions extends EstimateOptions {
  field: InputField;
  from: Dec;
  to: Dec;
  steps?: number;
  /** the workload whose field varies; may be omitted when the scenario has one */
  workload?: string;
}

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

export interface Crossover {
  /** the exact input value: above it `cheaper` costs less than `was` */
  at: Dec;
  /** exact decimal, or a fraction like "1000/3" */
  atExact: string;
  /** rounded to 6 places, for charts and people */
  atDecimal: string;
  was: string;
  cheaper: string;
  sentence: string;
}

export interface PlanChange {
  curve: string;
  at: Dec;
  atExact: string;
  atDecimal: string;
  before: Cover;
  after: Cover;
  usdBefore: Dec;
  usdAfter: Dec;
}

export interface SweepReport {
  kind: 'sweep';
  scenario: string;
  asOf: string;
  channel: Channel;
  field: InputField;
  workload: string;
  from: Dec;
  to: Dec;
  steps: Dec[];
  curves: Curve[];
  /** the cheapest known curve at each step (null: none known) */
  cheapest: (string | null)[];
  /** the cheapest curve at the start of the range */
  startCheapest: string | null;
  crossovers: Crossover[];
  planChanges: PlanChange[];
  /** why no crossover, when there is none */
  note: string | null;
  /**
   * With several workloads: the recommended route (each workload on its cheapest offering, as
   * `estimate` recommends it) at each step, priced by the engine at that step; null where it has no
   * known cost. Null when the scenario has one workload (the route is then the cheapest curve), or
   * when it is too large to price at every step (routeNote says so).
   */
  route: (Dec | null)[] | null;
  routeNote: string | null;
  estimate: EstimateReport;
}

/** Workloads × steps above this are not re-estimated step by step for the route. */
export const MAX_ROUTE_ESTIMATES = 2_000;

/** The workload with the varied field set to x (the point value `estimate` uses). */
function withField(w: Workload, field: InputField, x: Dec): Workload {
  switch (field) {
    case 'clips_per_month':
      return { ...w, clipsPerMonth: x };
    case 'seconds_per_clip':
      return { ...w, secondsPerClip: x };
    default:
      return { ...w, regenerationFactor: x, regenerationFactorGiven: true };
  }
}

export class SweepInputError extends Error {
  constructor(
    readonly option: '--vary' | '--workload' | '--steps',
    message: string,
    readonly suggestion?: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------

function budgetQ(f: Figure): Dec | null {
  const b = budgetOf(f);
  return b === null ? null : b;
}

/**
 * The varied workload's own cost (or credits) as pieces over (from, to]: `k` is the cost of one unit
 * of the varied quantity's partner terms, worked out per field.
 */
function workloadPieces(field: InputField, w: Workload, cap: Dec | null, coef: Dec, clip: Dec | null, from: Dec, to: Dec): Piece[] {
  const clips = w.clipsPerMonth;
  const seconds = w.secondsPerClip;
  const gensOf = (r: Dec) => (cap !== null && cap.lt(r) ? cap : r);
  const unitsOf = (s: Dec) => (clip === null ? s : ceilDiv(s, clip));
  const gens = gensOf(w.regenerationFactor);
  switch (field) {
    case 'clips_per_month':
      return [{ lo: from, hi: to, a: Dec.of(0n), b: unitsOf(seconds).times(gens).times(coef) }];
    case 'regeneration_factor': {
      const per = clips.times(unitsOf(seconds)).times(coef);
      const capQ = cap === null ? null : cap;
      if (capQ === null || capQ.gte(to)) return [{ lo: from, hi: to, a: Dec.of(0n), b: per }];
      if (capQ.lte(from)) return [{ lo: from, hi: to, a: per.times(capQ), b: Dec.of(0n) }];
      return [
        { lo: from, hi: capQ, a: Dec.of(0n), b: per },
        { lo: capQ, hi: to, a: per.times(capQ), b: Dec.of(0n) },
      ];
    }
    case 'seconds_per_clip': {
      const per = clips.times(gens).times(coef);
      if (clip === null) return [{ lo: from, hi: to, a: Dec.of(0n), b: per }];
      // a staircase: ⌈x ÷ L⌉ whole clips, constant on ((k − 1)L, kL]
      const L = clip;
      const pieces: Piece[] = [];
      let k = ceilQ(from.div(L));
      if (k < 1n) k = 1n;
      let lo = from;
      for (;;) {
        const top = L.times(Dec.of(k));
        const hi = top.lt(to) ? top : to;
        pieces.push({ lo, hi, a: per.times(Dec.of(k)), b: Dec.of(0n) });
        if (pieces.length > MAX_PIECES) throw new TooManyPieces();
        if (!top.lt(to)) break;
        lo = top;
        k += 1n;
      }
      return pieces;
    }
  }
}

class TooManyPieces extends Error {}

function ceilQ(x: Dec): bigint {
  const f = x.floor();
  return Dec.of(f).eq(x) ? f : f + 1n;
}

/** Adds a constant to every piece. */
function shiftPieces(pieces: Piece[], c: Dec): Piece[] {
  return pieces.map((p) => ({ ...p, a: p.a.plus(c) }));
}

interface Coefficient {
  /** USD (api) or credits (web-app) per billed unit, budget end of a range */
  coef: Dec;
  clip: Dec | null;
}

function coefficientOf(o: OptionResult, channel: Channel): Coefficient | string {
  const p = o.priced;
  if (!p) return o.reason ?? 'the price is unknown';
  let fig: Figure | null;
  let clip: Dec | null = null;
  if (p.billing.kind === 'per_clip') {
    clip = pointOf(p.billing.clipSeconds);
    if (clip === null || clip.eq(0)) return 'the length of a billed clip is not known';
    fig = channel === 'api' ? p.billing.usdPerClip : p.billing.creditsPerClip;
  } else fig = channel === 'api' ? p.usdPerSecond : p.creditsPerSecond;
  if (fig === null || fig.low === null) return o.reason ?? 'the price is unknown';
  if (fig.high === null) return 'only a lower bound of the price is known';
  const factor = channel === 'api' ? discount(o) : ONE;
  return { coef: fig.high.times(factor), clip };
}

function unknownReason(o: OptionResult): string | null {
  return optionUnknownReason(o, () => 'only a lower bound of the price is known');
}

/** The whole scenario on offering i of an estimate, as pieces of the varied input (api channel). */
function apiCurve(report: EstimateReport, i: number, wi: number, field: InputField, from: Dec, to: Dec, label: string): Curve {
  const options = report.workloads.map((wr) => wr.options[i]!);
  const id = options[0]!.offering;
  const base: Curve = { label, offering: id, channel: 'api', known: false, reason: null, points: [], pieces: [] };
  for (const [k, o] of options.entries()) {
    const why = unknownReason(o);
    if (why !== null) return { ...base, reason: report.workloads.length > 1 ? `${report.workloads[k]!.workload.name}: ${why}` : why };
  }
  let fixed = Dec.of(0n);
  options.forEach((o, k) => {
    if (k !== wi) fixed = fixed.plus(budgetQ(o.monthlyUsd)!);
  });
  const c = coefficientOf(options[wi]!, 'api');
  if (typeof c === 'string') return { ...base, reason: c };
  const w = report.workloads[wi]!.workload;
  return {
    ...base,
    known: true,
    pieces: shiftPieces(workloadPieces(field, w, report.scenarioData.budget.maxRegenerationsPerJob, c.coef, c.clip, from, to), fixed),
  };
}

/** The whole scenario on web-app offering i: the cheapest plan cover of the credits, a staircase in the varied input. */
function planCurve(report: EstimateReport, i: number, wi: number, field: InputField, from: Dec, to: Dec, changes: PlanChange[]): Curve {
  const options = report.workloads.map((wr) => wr.options[i]!);
  const o0 = options[0]!;
  const label = `${o0.offering} (plans)`;
  const base: Curve = { label, offering: o0.offering, channel: 'web-app', known: false, reason: null, points: [], pieces: [] };
  for (const [k, o] of options.entries()) {
    const why = unknownReason(o);
    if (why !== null) return { ...base, reason: report.workloads.length > 1 ? `${report.workloads[k]!.workload.name}: ${why}` : why };
  }
  let fixedCredits = Dec.of(0n);
  for (const [k, o] of options.entries()) {
    if (k === wi) continue;
    const credits = o.creditsPerKeptClip ? budgetOf(o.creditsPerKeptClip) : null;
    if (credits === null) return { ...base, reason: 'credits per clip are not published for this variant' };
    fixedCredits = fixedCredits.plus(credits.times(report.workloads[k]!.workload.clipsPerMonth));
  }
  const c = coefficientOf(options[wi]!, 'web-app');
  if (typeof c === 'string') return { ...base, reason: c };
  const w = report.workloads[wi]!.workload;
  const creditPieces = shiftPieces(workloadPieces(field, w, report.scenarioData.budget.maxRegenerationsPerJob, c.coef, c.clip, from, to), fixedCredits);
  const plans = plansFor(report.catalog, o0.vendor, report.scenarioData.workloads);
  const factor = discount(o0);
  const pieces: Piece[] = [];
  const granule = creditGranule(plans);
  const seats = report.scenarioData.seats ?? null;
  const coverAt = (credits: Dec): Cover | null => cheapestCover(plans, toDec(credits), seats);
  const noCover =
    seats === null
      ? `no ${o0.vendor} plan with a known price and credit allowance`
      : `somewhere in the range ${seats} seat${seats === 1 ? '' : 's'} (one plan each) cannot hold the credits needed on ${o0.vendor} plans`;
  let previous: Cover | null = null;
  const push = (lo: Dec, hi: Dec, cover: Cover) => {
    const usd = cover.usd.times(factor);
    if (previous !== null && !sameCover(previous, cover)) {
      const at = lo;
      changes.push({
        curve: label,
        at,
        atExact: at.toExactString(),
        atDecimal: at.toDecimal(6).toString(),
        before: previous,
        after: cover,
        usdBefore: previous.usd.times(factor),
        usdAfter: usd,
      });
    }
    const last = pieces[pieces.length - 1];
    if (last && last.hi.eq(lo) && last.b.isZero() && last.a.eq(usd) && last.cover && sameCover(last.cover, cover)) last.hi = hi;
    else pieces.push({ lo, hi, a: usd, b: Dec.of(0n), cover });
    previous = cover;
    if (pieces.length > MAX_PIECES) throw new TooManyPieces();
  };
  try {
    for (const p of creditPieces) {
      if (p.b.isZero()) {
        // constant credits on the whole piece
        const cover = coverAt(p.a);
        if (!cover) return { ...base, reason: noCover };
        push(p.lo, p.hi, cover);
        continue;
      }
      // credits rise with x: the cover for just above c(lo) holds up to its own credits K, i.e. x = (K − a) ÷ b
      let lo = p.lo;
      while (lo.lt(p.hi)) {
        const cLo = p.a.plus(p.b.times(lo));
        const need = Dec.of(cLo.times(granule).floor() + 1n).div(granule);
        const cover = coverAt(need);
        if (!cover) return { ...base, reason: noCover };
        const until = cover.credits.minus(p.a).div(p.b);
        const hi = until.lt(p.hi) ? until : p.hi;
        push(lo, hi, cover);
        lo = hi;
      }
    }
  } catch (error) {
    if (error instanceof TooManyPieces) return { ...base, reason: `more than ${MAX_PIECES} plan changes in this range; narrow it` };
    throw error;
  }
  // the start of the range itself (pieces are open on the left): the cover of exactly c(from)
  const first = creditPieces[0]!;
  const startCover = coverAt(first.a.plus(first.b.times(from)));
  if (startCover && pieces[0] && !sameCover(startCover, pieces[0].cover!)) {
    pieces.unshift({ lo: from, hi: from, a: startCover.usd.times(factor), b: Dec.of(0n), cover: startCover });
  }
  return { ...base, known: true, pieces };
}

function sameCover(a: Cover, b: Cover): boolean {
  return (
    a.usd.eq(b.usd) && a.plans.length === b.plans.length && a.plans.every((p, i) => p.plan.name === b.plans[i]!.plan.name && p.count === b.plans[i]!.count)
  );
}

/** 10^places of the plans' credit allowances: covers change only at multiples of 1 ÷ this. */
function creditGranule(plans: readonly Plan[]): Dec {
  let places = 0;
  for (const p of plans) {
    const c = pointOf(p.creditsPerMonth);
    if (c !== null) places = Math.max(places, decimalPlaces(c));
  }
  return Dec.of(10n ** BigInt(Math.max(0, places)));
}

// exact values all the way: a break-even that does not end is rounded only where it is written
function toDec(x: Dec): Dec {
  return x;
}

// ---------------------------------------------------------------------------------------------
// Evaluating curves and finding where the cheapest changes.

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

function valueAt(c: Curve, x: Dec, from: Dec): Dec | null {
  const p = pieceAt(c, x, from);
  return p === null ? null : p.a.plus(p.b.times(x));
}

function argmin(curves: readonly Curve[], x: Dec, from: Dec): number {
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
function envelope(curves: readonly Curve[], from: Dec, to: Dec): { start: number; runs: { lo: Dec; hi: Dec; best: number }[] } {
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

function stepValues(from: Dec, to: Dec, steps: number): Dec[] {
  const out: Dec[] = [];
  const f = from;
  const span = to.minus(f);
  for (let i = 0; i < steps; i++) {
    if (i === steps - 1) {
      out.push(to);
      continue;
    }
    const x = f.plus(span.times(Dec.of(BigInt(i), BigInt(steps - 1))));
    const exact = x.toExactDecimal();
    out.push(exact !== null && decimalPlaces(exact) <= 6 ? exact : x.toDecimal(4));
  }
  return out;
}

export function formatInputValue(x: Dec, field: InputField): string {
  void field;
  const exact = x.toExactDecimal();
  if (exact !== null) return groupDigits(exact.toFixed(decimalPlaces(exact)));
  return `${groupDigits(x.toDecimal(4).toFixed(4))}… (exactly ${x.toExactString()})`;
}

function groupDigits(text: string): string {
  const [whole = '0', frac] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

// ---------------------------------------------------------------------------------------------

export function checkSweepRange(field: InputField, from: Dec, to: Dec): void {
  const lim = FIELD_LIMITS[field];
  if (!from.lt(to)) throw new SweepInputError('--vary', `the range must go from low to high, found ${from.toString()}..${to.toString()}`);
  if (lim.minInclusive ? from.lt(lim.min) : from.lte(lim.min))
    throw new SweepInputError('--vary', `${field} must be ${lim.minInclusive ? 'at least' : 'more than'} ${lim.min.toString()}, found ${from.toString()}`);
  if (to.gt(lim.max)) throw new SweepInputError('--vary', `${field} can be at most ${lim.max.toString()}, found ${to.toString()}`);
}

export function sweep(sheets: readonly PriceSheet[], scenario: Scenario, options: SweepOptions): SweepReport {
  const steps = options.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS)
    throw new SweepInputError('--steps', `expected a whole number from 2 to ${MAX_STEPS}, found ${steps}`);
  if (!INPUT_FIELDS.includes(options.field)) throw new SweepInputError('--vary', `expected one of ${INPUT_FIELDS.join(', ')}, found "${options.field}"`);
  checkSweepRange(options.field, options.from, options.to);
  const names = scenario.workloads.map((w) => w.name);
  let wi: number;
  if (options.workload === undefined) {
    if (scenario.workloads.length > 1)
      throw new SweepInputError('--workload', `the scenario has ${scenario.workloads.length} workloads; name the one to vary (${names.join(', ')})`);
    wi = 0;
  } else {
    wi = names.indexOf(options.workload);
    if (wi < 0) throw new SweepInputError('--workload', `no workload named "${options.workload}" (workloads: ${names.join(', ')})`);
  }
  const report = estimate(sheets, scenario, options);
  const field = options.field;
  const from = options.from;
  const to = options.to;
  const planChanges: PlanChange[] = [];
  const curves: Curve[] = [];
  const withTotals = (fn: (i: number) => Curve) => report.totals.forEach((t, i) => (t.eligible ? curves.push(fn(i)) : undefined));
  if (report.channel === 'api') {
    withTotals((i) => apiCurve(report, i, wi, field, from, to, report.totals[i]!.offering));
  } else {
    withTotals((i) => planCurve(report, i, wi, field, from, to, planChanges));
    // the API alternatives: the same offerings bought programmatically, and the aggregators that sell them
    const catalog = report.catalog;
    const considered = report.totals
      .filter((t) => t.eligible)
      .map((t) => catalog.offerings.find((o) => o.id === t.offering))
      .filter((o): o is Offering => o !== undefined);
    const apiIds = [...new Set(considered.flatMap((o) => [...(o.channels.includes('api') ? [o.id] : []), ...o.apiThrough]))].filter((id) =>
      catalog.offerings.some((o) => o.id === id && o.channels.includes('api')),
    );
    if (apiIds.length > 0) {
      const apiReport = estimate(sheets, { ...scenario, channel: 'api', offerings: apiIds }, { ...options, asOf: report.asOf, forceAsOf: true });
      apiReport.totals.forEach((t, i) => {
        if (t.eligible) curves.push(apiCurve(apiReport, i, wi, field, from, to, `${t.offering} (api)`));
      });
    }
  }
  const stepList = stepValues(options.from, options.to, steps);
  for (const c of curves) c.points = stepList.map((x) => (c.known ? toDecOrNull(valueAt(c, x, from)) : null));
  const known = curves.filter((c) => c.known);
  const cheapest = stepList.map((x) => {
    const i = argmin(known, x, from);
    return i < 0 ? null : known[i]!.label;
  });
  const crossovers: Crossover[] = [];
  let startCheapest: string | null = null;
  if (known.length > 0) {
    const env = envelope(known, from, to);
    startCheapest = env.start < 0 ? null : known[env.start]!.label;
    let current = env.start;
    for (const run of env.runs) {
      if (run.best !== current && run.best >= 0 && current >= 0) {
        const was = known[current]!.label;
        const cheaper = known[run.best]!.label;
        const atExact = run.lo.toExactString();
        crossovers.push({
          at: run.lo,
          atExact,
          atDecimal: run.lo.toDecimal(6).toString(),
          was,
          cheaper,
          sentence: `above ${formatInputValue(run.lo, field)} ${FIELD_LIMITS[field].words} ${cheaper} is cheaper than ${was}`,
        });
      }
      current = run.best;
    }
  }
  // The mixed route can beat every single offering: price it at each step with the engine itself.
  let route: (Dec | null)[] | null = null;
  let routeNote: string | null = null;
  if (scenario.workloads.length > 1) {
    if (scenario.workloads.length * stepList.length > MAX_ROUTE_ESTIMATES) {
      routeNote = `the recommended route is not priced at each step: ${formatNumber(dec(scenario.workloads.length))} workloads × ${stepList.length} steps is more than ${formatNumber(dec(MAX_ROUTE_ESTIMATES))}; use fewer --steps`;
    } else {
      route = stepList.map((x) => {
        const varied = { ...scenario, workloads: scenario.workloads.map((w, i) => (i === wi ? withField(w, field, x) : w)) };
        const r = estimate(sheets, varied, { ...options, asOf: report.asOf, forceAsOf: true }).recommendation;
        return r.complete ? budgetOf(r.monthlyUsd) : null;
      });
    }
  }
  let note: string | null = null;
  if (known.length === 0) note = 'no offering has a known price for every workload';
  else if (crossovers.length === 0) {
    const best = startCheapest ?? known[0]!.label;
    note =
      report.channel === 'api' && field !== 'seconds_per_clip' && scenario.workloads.length === 1
        ? `cheapest across the whole range: ${best} (on the api channel every cost is proportional to ${field}, so no two offerings trade places)`
        : `cheapest across the whole range: ${best}`;
  }
  return {
    kind: 'sweep',
    scenario: report.scenario,
    asOf: report.asOf,
    channel: report.channel,
    field,
    workload: names[wi]!,
    from: options.from,
    to: options.to,
    steps: stepList,
    curves,
    cheapest,
    startCheapest,
    crossovers,
    planChanges,
    note,
    route,
    routeNote,
    estimate: report,
  };
}

function toDecOrNull(x: Dec | null): Dec | null {
  return x === null ? null : toDec(x);
}
