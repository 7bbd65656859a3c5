// Each offering's monthly cost in `vidcost sweep` as exact pieces of the varied input: linear on
// the api channel, and on the web-app channel the staircase of the cheapest plan cover, found by
// walking from one cover to the next.
import { Dec, decimalPlaces, ONE, ZERO } from '../money/decimal.js';
import { ceilDiv } from '../money/decimal-ops.js';
import { budgetOf, pointOf, type Figure } from '../money/figure.js';
import type { Plan } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Workload } from '../scenario/model.js';
import { plansFor, type EstimateReport, type OptionResult } from './estimate.js';
import type { InputField } from './forecast.js';
import { discount, unknownReason as optionUnknownReason } from './option-price.js';
import { cheapestCover, type Cover } from './plan-cover.js';
import { shiftPieces, type Curve, type Piece } from './sweep-pieces.js';

/** A curve with more pieces than this (thousands of plan changes) is not solved; narrow the range. */
export const MAX_PIECES = 20_000;

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
      return [{ lo: from, hi: to, a: ZERO, b: unitsOf(seconds).times(gens).times(coef) }];
    case 'regeneration_factor': {
      const per = clips.times(unitsOf(seconds)).times(coef);
      if (cap === null || cap.gte(to)) return [{ lo: from, hi: to, a: ZERO, b: per }];
      if (cap.lte(from)) return [{ lo: from, hi: to, a: per.times(cap), b: ZERO }];
      return [
        { lo: from, hi: cap, a: ZERO, b: per },
        { lo: cap, hi: to, a: per.times(cap), b: ZERO },
      ];
    }
    case 'seconds_per_clip': {
      const per = clips.times(gens).times(coef);
      if (clip === null) return [{ lo: from, hi: to, a: ZERO, b: per }];
      // a staircase: ⌈x ÷ L⌉ whole clips, constant on ((k − 1)L, kL]
      const L = clip;
      const pieces: Piece[] = [];
      let k = ceilDiv(from, L).floor();
      if (k < 1n) k = 1n;
      let lo = from;
      for (;;) {
        const top = L.times(Dec.of(k));
        const hi = top.lt(to) ? top : to;
        pieces.push({ lo, hi, a: per.times(Dec.of(k)), b: ZERO });
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
export function apiCurve(report: EstimateReport, i: number, wi: number, field: InputField, from: Dec, to: Dec, label: string): Curve {
  const options = report.workloads.map((wr) => wr.options[i]!);
  const id = options[0]!.offering;
  const base: Curve = { label, offering: id, channel: 'api', known: false, reason: null, points: [], pieces: [] };
  for (const [k, o] of options.entries()) {
    const why = unknownReason(o);
    if (why !== null) return { ...base, reason: report.workloads.length > 1 ? `${report.workloads[k]!.workload.name}: ${why}` : why };
  }
  let fixed = ZERO;
  options.forEach((o, k) => {
    if (k !== wi) fixed = fixed.plus(budgetOf(o.monthlyUsd)!);
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
export function planCurve(report: EstimateReport, i: number, wi: number, field: InputField, from: Dec, to: Dec, changes: PlanChange[]): Curve {
  const options = report.workloads.map((wr) => wr.options[i]!);
  const o0 = options[0]!;
  const label = `${o0.offering} (plans)`;
  const base: Curve = { label, offering: o0.offering, channel: 'web-app', known: false, reason: null, points: [], pieces: [] };
  for (const [k, o] of options.entries()) {
    const why = unknownReason(o);
    if (why !== null) return { ...base, reason: report.workloads.length > 1 ? `${report.workloads[k]!.workload.name}: ${why}` : why };
  }
  let fixedCredits = ZERO;
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
  const coverAt = (credits: Dec): Cover | null => cheapestCover(plans, credits, seats);
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
    else pieces.push({ lo, hi, a: usd, b: ZERO, cover });
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
    pieces.unshift({ lo: from, hi: from, a: startCover.usd.times(factor), b: ZERO, cover: startCover });
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
