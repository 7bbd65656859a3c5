// One offering for one workload: eligible or not and why, its price, discount and monthly cost (or
// the plans that cover its credits). Used by the estimate and by the advisories that re-cost options.
import { type Dec, HUNDRED, ONE } from '../money/decimal.js';
import { minDec } from '../money/decimal-ops.js';
import { formatNumber } from '../money/format.js';
import { budgetOf, compareBudget, exact, times, UNKNOWN, withApprox, type Figure } from '../money/figure.js';
import type { Catalog } from '../pricing/catalog.js';
import type { Offering, Plan } from '../pricing/model.js';
import { resolutionRank, type Capability } from '../pricing/vocabulary.js';
import type { Scenario, Workload } from '../scenario/model.js';
import type { OptionResult } from './estimate-types.js';
import { cheapestCover, mostCredits, usablePlans, type Cover } from './plan-cover.js';
import { costPerGeneration, priceFor, unknownBecause, type PriceContext, type Priced, type UnknownReason } from './price.js';

export function billedGenerations(scenario: Scenario, w: Workload): Dec {
  const cap = scenario.budget.maxRegenerationsPerJob;
  return cap === null ? w.regenerationFactor : minDec(w.regenerationFactor, cap);
}

function requiredCapabilities(w: Workload): Capability[] {
  const need = new Set<Capability>(w.requires);
  if (w.audio) need.add('audio');
  if (w.hdr) need.add('hdr');
  return [...need];
}

// one per vendor and overrides object: the factor is an exact quotient, asked for every workload
const discounts = new WeakMap<object, Map<string, { factor: Dec; pct: Dec | null }>>();

export function discountFactor(scenario: Scenario, vendor: string): { factor: Dec; pct: Dec | null } {
  let byVendor = discounts.get(scenario.overrides);
  if (!byVendor) discounts.set(scenario.overrides, (byVendor = new Map()));
  let found = byVendor.get(vendor);
  if (!found) byVendor.set(vendor, (found = discountAnew(scenario, vendor)));
  return found;
}

function discountAnew(scenario: Scenario, vendor: string): { factor: Dec; pct: Dec | null } {
  const pct = budgetOf(scenario.overrides[vendor]?.discountPct ?? UNKNOWN);
  if (pct === null || pct.eq(0)) return { factor: ONE, pct: null };
  return { factor: HUNDRED.minus(pct).div(HUNDRED), pct };
}

/** An option with no price: not eligible, or (`eligible`) offered with no published price. */
function ineligible(o: Offering, reason: string, eligible = false): OptionResult {
  return {
    offering: o.id,
    vendor: o.vendor,
    eligible,
    reason,
    unknownBecause: eligible ? 'no-price' : null,
    usdPerSecond: null,
    usdPerKeptClip: UNKNOWN,
    creditsPerKeptClip: null,
    monthlyUsd: UNKNOWN,
    cover: null,
    overridden: false,
    discountPct: null,
    batch: false,
    priced: null,
  };
}

/**
 * What an offering is for one variant of workload (resolution, audio, HDR, batch, required
 * capabilities): ineligible and why, or its price and discount. The same for every workload of
 * that variant, so a report of many workloads works it out once per variant.
 */
export type Prepared = { kind: 'result'; result: OptionResult } | { kind: 'priced'; p: Priced; factor: Dec; pct: Dec | null; usdPerSecond: Figure };

export function prepareOption(ctx: PriceContext, scenario: Scenario, o: Offering, w: Workload): Prepared {
  if (!o.channels.includes(scenario.channel)) {
    return { kind: 'result', result: ineligible(o, `not sold on the ${scenario.channel} channel (only ${o.channels.join(', ')})`) };
  }
  if (o.sunset !== null && o.sunset <= ctx.catalog.asOf) return { kind: 'result', result: ineligible(o, `shut down on ${o.sunset}`) };
  const missing = requiredCapabilities(w).filter((c) => !o.capabilities.includes(c));
  if (missing.length > 0) return { kind: 'result', result: ineligible(o, `lacks ${missing.join(', ')}`) };
  // video-to-video and performance models cannot make a clip from a prompt alone
  if (o.servesOnly.length > 0 && !o.servesOnly.some((c) => w.requires.includes(c))) {
    return { kind: 'result', result: ineligible(o, `works only from existing footage: serves workloads that require ${o.servesOnly.join(' or ')}`) };
  }
  const exr = w.requires.includes('exr');
  const p = priceFor(ctx, o, { channel: scenario.channel, resolution: w.resolution, audio: w.audio, hdr: w.hdr, exr, batch: w.batch });
  if (p.status !== 'priced') {
    // Not offered at all is ineligible; offered with no published price stays eligible but unknown.
    return { kind: 'result', result: ineligible(o, p.reason, p.status === 'unpriced') };
  }
  const { factor, pct } = discountFactor(scenario, o.vendor);
  return { kind: 'priced', p, factor, pct, usdPerSecond: pct === null ? p.usdPerSecond : times(p.usdPerSecond, factor) };
}

export function evaluateOption(ctx: PriceContext, scenario: Scenario, o: Offering, w: Workload, gens: Dec): OptionResult {
  const seconds = exact(w.secondsPerClip);
  return costOption(ctx, scenario, prepareOption(ctx, scenario, o, w), w, seconds, times(seconds, gens), gens);
}

/** USD (or credits) per kept clip: per generation × billed generations. */
export function perKeptClip(p: Priced, seconds: Figure, secondsTimesGens: Figure, gens: Dec, credits: boolean): Figure {
  if (p.billing.kind === 'per_second') {
    // (seconds × generations) × rate: the workload's product is shared by every offering
    const perSecond = credits ? p.creditsPerSecond : p.usdPerSecond;
    return perSecond === null ? UNKNOWN : times(secondsTimesGens, perSecond);
  }
  return times(costPerGeneration(p, seconds, credits), gens);
}

export function costOption(
  ctx: PriceContext,
  scenario: Scenario,
  prepared: Prepared,
  w: Workload,
  seconds: Figure,
  secondsTimesGens: Figure,
  gens: Dec,
): OptionResult {
  if (prepared.kind === 'result') return prepared.result;
  const { p, factor, pct } = prepared;
  const o = p.offering;
  const clips = w.clipsPerMonth;
  const hasCredits = p.creditsPerSecond !== null || (p.billing.kind === 'per_clip' && p.billing.creditsPerClip);
  const creditsPerKeptClip = hasCredits ? perKeptClip(p, seconds, secondsTimesGens, gens, true) : null;
  let usdPerKeptClip: Figure;
  let monthlyUsd: Figure;
  let cover: Cover | null = null;
  let reason: string | null = null;
  // set where the cost is unknown because the price is (not because no plan covers the credits)
  let because: UnknownReason | null = null;
  if (scenario.channel === 'web-app') {
    // People on seat plans: the cost is the plans that cover the credits, not a per-second rate.
    usdPerKeptClip = creditsPerKeptClip && p.creditValue ? times(creditsPerKeptClip, p.creditValue.usdPerCredit) : UNKNOWN;
    const needed = creditsPerKeptClip ? times(creditsPerKeptClip, clips) : UNKNOWN;
    const plans = plansFor(ctx.catalog, o.vendor, [w]);
    ({ cover, monthlyUsd, reason } = coverCost(needed, plans, factor, o.vendor, scenario.seats ?? null));
    // plans cover credits: a variant priced in dollars alone has no credits to cover
    if (needed.low === null) because = unknownBecause(p) ?? 'credits';
  } else if (p.billing.kind === 'per_second') {
    // (seconds × generations) × the per-second rate, discount already in it: the same exact value
    usdPerKeptClip = times(secondsTimesGens, prepared.usdPerSecond);
    monthlyUsd = times(usdPerKeptClip, clips);
  } else {
    const usd = perKeptClip(p, seconds, secondsTimesGens, gens, false);
    usdPerKeptClip = pct === null ? usd : times(usd, factor);
    monthlyUsd = times(usdPerKeptClip, clips);
  }
  if (because === null && reason === null && monthlyUsd.low === null) because = unknownBecause(p) ?? 'no-price';
  return {
    offering: o.id,
    vendor: o.vendor,
    eligible: true,
    reason: because === null ? reason : unknownWords(p, because),
    unknownBecause: because,
    usdPerSecond: prepared.usdPerSecond,
    usdPerKeptClip,
    creditsPerKeptClip,
    monthlyUsd,
    cover,
    overridden: p.overridden || pct !== null,
    discountPct: pct,
    batch: p.batch,
    priced: p,
  };
}

/** The estimate's words for why a variant's price is unknown. */
function unknownWords(p: Priced, because: UnknownReason): string {
  if (because === 'credit-value') return `no source gives the dollar value of a ${p.offering.vendor} credit`;
  if (because === 'gpu-seconds') return 'GPU-seconds per output second are not known';
  return p.rate.note ?? 'no price published for this variant';
}

/** Plans a group of workloads could use: allowance and price known, allowed at their resolution and for commercial use. */
export function plansFor(catalog: Catalog, vendor: string, workloads: readonly Workload[]): Plan[] {
  return catalog.plans.filter((p) => p.vendor === vendor && p.commercialUse && planAllows(p, workloads));
}

/** A plan capped below a workload's resolution cannot serve it. */
export function planAllows(plan: Plan, workloads: readonly Workload[]): boolean {
  if (plan.maxResolution === null) return true;
  const cap = resolutionRank(plan.maxResolution);
  return workloads.every((w) => resolutionRank(w.resolution) <= cap);
}

export function coverCost(
  needed: Figure,
  plans: readonly Plan[],
  factor: Dec,
  vendor: string,
  seats: number | null,
): { cover: Cover | null; monthlyUsd: Figure; reason: string | null } {
  // Plans cover a known credit need; with a range of credits, budget for the high end.
  const credits = budgetOf(needed);
  if (credits === null)
    return {
      cover: null,
      monthlyUsd: UNKNOWN,
      reason: needed.low === null ? 'credits per clip are not published for this variant' : 'credits needed have no upper bound',
    };
  const cover = cheapestCover(plans, credits, seats);
  if (!cover) return { cover: null, monthlyUsd: UNKNOWN, reason: noCoverReason(plans, credits, vendor, seats) };
  const usd = cover.usd.times(factor);
  return { cover: { ...cover, usd }, monthlyUsd: withApprox(exact(usd), cover.approx || needed.approx), reason: null };
}

/** Why no set of plans covers the credits: too few seats, or no plan whose price and allowance are both known. */
function noCoverReason(plans: readonly Plan[], credits: Dec, vendor: string, seats: number | null): string {
  const usable = usablePlans(plans);
  const uncounted = plans.filter((p) => !usable.some((u) => u.plan === p)).map((p) => p.name);
  const unknown = uncounted.length > 0 ? `; not counted, and may cover it: ${uncounted.join(', ')} (price or credits a month not published)` : '';
  if (usable.length > 0 && seats !== null) {
    return `${seats} seat${seats === 1 ? '' : 's'} (one plan each) hold at most ${formatNumber(mostCredits(plans, seats))} credits on ${vendor} plans, short of the ${formatNumber(credits)} needed${unknown}`;
  }
  return `no ${vendor} plan with a known price and credit allowance${uncounted.length > 0 ? ` (${uncounted.join(', ')}: not published)` : ''}`;
}

/** Can this option be recommended? Only with a price that has an upper bound. */
export function recommendable(x: OptionResult): boolean {
  return x.eligible && budgetOf(x.monthlyUsd) !== null;
}

/**
 * The cheapest of the items that pass `ok` (only those at the places `at`, when given): the lowest
 * budget, then the lowest low end, then the first of equals. The route, the cheapest single
 * offering and the advisories all choose with it, so they never name different offerings for a tie.
 */
export function cheapest<T extends { monthlyUsd: Figure }>(items: readonly T[], ok: (x: T) => boolean, at?: readonly number[]): T | null {
  let best: T | null = null;
  const count = at ? at.length : items.length;
  for (let i = 0; i < count; i++) {
    const x = items[at ? at[i]! : i]!;
    if (ok(x) && (best === null || compareBudget(x.monthlyUsd, best.monthlyUsd) < 0)) best = x;
  }
  return best;
}
