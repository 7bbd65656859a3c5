// `vidcost estimate`: a pure function from (price sheets, scenario, date) to a report. For each
// workload and offering: eligibility and why, billed generations, the monthly cost (a range where a
// rate is a range); per offering the whole scenario; the cheapest route; and the traps as advisories.
import { type Dec, dec, formatNumber, HUNDRED, minDec, ONE, ZERO } from '../money/decimal.js';
import { budgetOf, compareBudget, exact, markerOf, plus, sum, times, UNKNOWN, withApprox, type Figure } from '../money/figure.js';
import { catalogAt, compareIds, type Catalog } from '../pricing/catalog.js';
import type { Offering, Plan, PriceSheet } from '../pricing/model.js';
import { resolutionRank, type Capability } from '../pricing/vocabulary.js';
import type { Scenario, Workload } from '../scenario/model.js';
import { advise, type Advisory } from './advisories.js';
import { cheapestCover, mostCredits, usablePlans, type Cover } from './plan-cover.js';
import { costPerGeneration, priceFor, type PriceContext, type Priced } from './price.js';

export interface EstimateOptions {
  /** the date prices are taken at; the scenario's as_of wins unless `forceAsOf` */
  asOf: string;
  forceAsOf?: boolean;
  /** a sheet verified more than this many days before as_of is stale (default 60) */
  staleAfterDays?: number;
}

export interface OptionResult {
  offering: string;
  vendor: string;
  eligible: boolean;
  /** why not eligible, or why the price is unknown */
  reason: string | null;
  usdPerSecond: Figure | null;
  /** cost of one kept clip, generations included */
  usdPerKeptClip: Figure;
  /** credits one kept clip uses, where the unit is credits */
  creditsPerKeptClip: Figure | null;
  monthlyUsd: Figure;
  /** web-app channel: the plans that cover this workload alone */
  cover: Cover | null;
  overridden: boolean;
  discountPct: Dec | null;
  batch: boolean;
  priced: Priced | null;
}

export interface WorkloadResult {
  workload: Workload;
  billedGenerations: Dec;
  options: OptionResult[];
}

export interface OfferingTotal {
  offering: string;
  vendor: string;
  /** eligible for every workload */
  eligible: boolean;
  reason: string | null;
  monthlyUsd: Figure;
  /** web-app channel: plans covering every workload's credits together */
  cover: Cover | null;
  overridden: boolean;
}

export interface RouteStep {
  workload: string;
  offering: string | null;
  monthlyUsd: Figure;
  reason: string | null;
}

export interface Recommendation {
  perWorkload: RouteStep[];
  /** the mixed route: every workload on its cheapest eligible offering */
  monthlyUsd: Figure;
  complete: boolean;
  /** the cheapest single offering that serves every workload */
  cheapestSingle: { offering: string; monthlyUsd: Figure } | null;
  /** web-app channel: plans per vendor for the route */
  covers: { vendor: string; cover: Cover }[];
}

export interface EstimateReport {
  kind: 'estimate';
  scenario: string;
  asOf: string;
  channel: Scenario['channel'];
  currency: 'USD';
  ceiling: Dec | null;
  maxRegenerations: Dec | null;
  workloads: WorkloadResult[];
  totals: OfferingTotal[];
  recommendation: Recommendation;
  advisories: Advisory[];
  /** the sheets the prices came from, for traceability */
  sheets: { vendor: string; effective: string; verified: string; file: string; provenance: string }[];
  catalog: Catalog;
  scenarioData: Scenario;
  staleAfterDays: number;
}

export function estimate(sheets: readonly PriceSheet[], scenario: Scenario, options: EstimateOptions): EstimateReport {
  const asOf = options.forceAsOf ? options.asOf : (scenario.asOf ?? options.asOf);
  const catalog = catalogAt(sheets, asOf);
  const ctx: PriceContext = { catalog, overrides: scenario.overrides };
  const considered = consideredOfferings(catalog, scenario);
  const variants = new Map<string, Prepared[]>();
  const workloads = scenario.workloads.map((w) => evaluateWorkload(ctx, scenario, considered, w, variants));
  const totals = considered.map((o, i) =>
    totalFor(
      scenario,
      catalog,
      o,
      workloads.map((wr) => wr.options[i]!),
    ),
  );
  const recommendation = recommend(scenario, catalog, workloads, totals);
  const report: EstimateReport = {
    kind: 'estimate',
    scenario: scenario.name,
    asOf,
    channel: scenario.channel,
    currency: 'USD',
    ceiling: scenario.budget.monthlyCeilingUsd,
    maxRegenerations: scenario.budget.maxRegenerationsPerJob,
    workloads,
    totals,
    recommendation,
    advisories: [],
    sheets: catalog.sheets.map((s) => ({ vendor: s.vendor, effective: s.effective, verified: s.verified, file: s.file, provenance: s.provenance })),
    catalog,
    scenarioData: scenario,
    staleAfterDays: options.staleAfterDays ?? 60,
  };
  report.advisories = advise(report, considered);
  return report;
}

/** The scenario's `offerings`, in its order, or every offering in force, by id. */
export function consideredOfferings(catalog: Catalog, scenario: Scenario): Offering[] {
  if (scenario.offerings) {
    return scenario.offerings.map((id) => {
      const o = catalog.offerings.find((x) => x.id === id);
      if (!o) throw new Error(`unknown offering ${id} (the CLI checks ids before estimating)`);
      return o;
    });
  }
  return [...catalog.offerings].sort((a, b) => compareIds(a.id, b.id));
}

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

function ineligible(o: Offering, reason: string): OptionResult {
  return {
    offering: o.id,
    vendor: o.vendor,
    eligible: false,
    reason,
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
type Prepared = { kind: 'result'; result: OptionResult } | { kind: 'priced'; p: Priced; factor: Dec; pct: Dec | null; usdPerSecond: Figure };

function prepareOption(ctx: PriceContext, scenario: Scenario, o: Offering, w: Workload): Prepared {
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
    return { kind: 'result', result: { ...ineligible(o, p.reason), eligible: p.status === 'unpriced' } };
  }
  const { factor, pct } = discountFactor(scenario, o.vendor);
  return { kind: 'priced', p, factor, pct, usdPerSecond: pct === null ? p.usdPerSecond : times(p.usdPerSecond, factor) };
}

export function evaluateOption(ctx: PriceContext, scenario: Scenario, o: Offering, w: Workload, gens: Dec): OptionResult {
  const seconds = exact(w.secondsPerClip);
  return costOption(ctx, scenario, prepareOption(ctx, scenario, o, w), w, seconds, times(seconds, gens), gens);
}

/** USD (or credits) per kept clip: per generation × billed generations. */
function perKeptClip(p: Priced, seconds: Figure, secondsTimesGens: Figure, gens: Dec, credits: boolean): Figure {
  if (p.billing.kind === 'per_second') {
    // (seconds × generations) × rate: the workload's product is shared by every offering
    const perSecond = credits ? p.creditsPerSecond : p.usdPerSecond;
    return perSecond === null ? UNKNOWN : times(secondsTimesGens, perSecond);
  }
  return times(costPerGeneration(p, seconds, credits), gens);
}

function costOption(
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
  if (scenario.channel === 'web-app') {
    // People on seat plans: the cost is the plans that cover the credits, not a per-second rate.
    usdPerKeptClip = creditsPerKeptClip && p.creditValue ? times(creditsPerKeptClip, p.creditValue.usdPerCredit) : UNKNOWN;
    const needed = creditsPerKeptClip ? times(creditsPerKeptClip, clips) : UNKNOWN;
    const plans = plansFor(ctx.catalog, o.vendor, [w]);
    ({ cover, monthlyUsd, reason } = coverCost(needed, plans, factor, o.vendor, scenario.seats ?? null));
    if (needed.low === null) reason = unknownReason(p);
  } else {
    const usd = perKeptClip(p, seconds, secondsTimesGens, gens, false);
    usdPerKeptClip = pct === null ? usd : times(usd, factor);
    monthlyUsd = times(usdPerKeptClip, clips);
  }
  if (reason === null && monthlyUsd.low === null) reason = unknownReason(p);
  return {
    offering: o.id,
    vendor: o.vendor,
    eligible: true,
    reason,
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

function unknownReason(p: Priced): string {
  const unit = p.rate.unit;
  if (
    (unit.kind === 'credits_per_second' || unit.kind === 'credits_per_clip') &&
    p.creditValue &&
    markerOf(p.creditValue.usdPerCredit) === 'unknown' &&
    markerOf(unit.credits) !== 'unknown'
  ) {
    return `no source gives the dollar value of a ${p.offering.vendor} credit`;
  }
  if (unit.kind === 'gpu') return 'GPU-seconds per output second are not known';
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

function coverCost(
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

/** The workload fields that decide eligibility and price (not the quantities). */
function variantKey(w: Workload): string {
  return `${w.resolution}\n${w.audio ? 1 : 0}${w.hdr ? 1 : 0}${w.batch ? 1 : 0}\n${w.requires.join(',')}`;
}

function evaluateWorkload(
  ctx: PriceContext,
  scenario: Scenario,
  considered: readonly Offering[],
  w: Workload,
  variants: Map<string, Prepared[]>,
): WorkloadResult {
  const gens = billedGenerations(scenario, w);
  const key = variantKey(w);
  let prepared = variants.get(key);
  if (!prepared) variants.set(key, (prepared = considered.map((o) => prepareOption(ctx, scenario, o, w))));
  const seconds = exact(w.secondsPerClip);
  const secondsTimesGens = times(seconds, gens);
  const options = new Array<OptionResult>(prepared.length);
  for (let i = 0; i < prepared.length; i++) options[i] = costOption(ctx, scenario, prepared[i]!, w, seconds, secondsTimesGens, gens);
  return { workload: w, billedGenerations: gens, options };
}

function totalFor(scenario: Scenario, catalog: Catalog, o: Offering, options: readonly OptionResult[]): OfferingTotal {
  const blocked = options.findIndex((x) => !x.eligible);
  const overridden = options.some((x) => x.overridden);
  if (blocked >= 0) {
    return {
      offering: o.id,
      vendor: o.vendor,
      eligible: false,
      reason: `${scenario.workloads[blocked]!.name}: ${options[blocked]!.reason}`,
      monthlyUsd: UNKNOWN,
      cover: null,
      overridden,
    };
  }
  if (scenario.channel === 'web-app') {
    // All workloads share one pool of plan credits.
    const needed = sum(options.map((x, i) => (x.creditsPerKeptClip ? times(x.creditsPerKeptClip, scenario.workloads[i]!.clipsPerMonth) : UNKNOWN)));
    const { cover, monthlyUsd, reason } = coverCost(
      needed,
      plansFor(catalog, o.vendor, scenario.workloads),
      discountFactor(scenario, o.vendor).factor,
      o.vendor,
      scenario.seats ?? null,
    );
    const unknownPart = options.find((x) => markerOf(x.monthlyUsd) === 'unknown');
    return {
      offering: o.id,
      vendor: o.vendor,
      eligible: true,
      reason: unknownPart?.reason ?? reason,
      monthlyUsd: unknownPart ? UNKNOWN : monthlyUsd,
      cover: unknownPart ? null : cover,
      overridden,
    };
  }
  const unknown = options.find((x) => markerOf(x.monthlyUsd) === 'unknown');
  return {
    offering: o.id,
    vendor: o.vendor,
    eligible: true,
    reason: unknown?.reason ?? null,
    monthlyUsd: sum(options.map((x) => x.monthlyUsd)),
    cover: null,
    overridden,
  };
}

/** Can this option be recommended? Only with a price that has an upper bound. */
export function recommendable(x: OptionResult): boolean {
  return x.eligible && budgetOf(x.monthlyUsd) !== null;
}

function cheapest<T extends { monthlyUsd: Figure; offering: string }>(items: readonly T[]): T | null {
  let best: T | null = null;
  for (const x of items) {
    if (best === null || compareBudget(x.monthlyUsd, best.monthlyUsd) < 0) best = x;
  }
  return best;
}

function recommend(scenario: Scenario, catalog: Catalog, workloads: readonly WorkloadResult[], totals: readonly OfferingTotal[]): Recommendation {
  const perWorkload: RouteStep[] = workloads.map((wr) => {
    const best = cheapest(wr.options.filter(recommendable));
    if (!best) {
      const shown =
        wr.options.length === 0
          ? noOfferingReason(catalog)
          : wr.options.some((x) => x.eligible)
            ? 'no eligible offering has a known price'
            : 'no offering is eligible';
      return { workload: wr.workload.name, offering: null, monthlyUsd: UNKNOWN, reason: shown };
    }
    return { workload: wr.workload.name, offering: best.offering, monthlyUsd: best.monthlyUsd, reason: null };
  });
  const complete = perWorkload.every((s) => s.offering !== null);
  let monthlyUsd: Figure = complete ? sum(perWorkload.map((s) => s.monthlyUsd)) : UNKNOWN;
  const covers: { vendor: string; cover: Cover }[] = [];
  if (scenario.channel === 'web-app' && complete) {
    // Workloads routed to the same vendor share that vendor's plans.
    const byVendor = new Map<string, { credits: Figure; workloads: Workload[] }>();
    workloads.forEach((wr, i) => {
      const step = perWorkload[i]!;
      const opt = wr.options.find((x) => x.offering === step.offering)!;
      const entry = byVendor.get(opt.vendor) ?? { credits: exact(ZERO), workloads: [] };
      entry.credits = plus(entry.credits, opt.creditsPerKeptClip ? times(opt.creditsPerKeptClip, wr.workload.clipsPerMonth) : UNKNOWN);
      entry.workloads.push(wr.workload);
      byVendor.set(opt.vendor, entry);
    });
    let total: Figure = exact(ZERO);
    for (const [vendor, entry] of byVendor) {
      const { cover, monthlyUsd: cost } = coverCost(
        entry.credits,
        plansFor(catalog, vendor, entry.workloads),
        discountFactor(scenario, vendor).factor,
        vendor,
        scenario.seats ?? null,
      );
      if (cover) covers.push({ vendor, cover });
      total = plus(total, cost);
    }
    monthlyUsd = total;
  }
  const single = cheapest(totals.filter((t) => t.eligible && budgetOf(t.monthlyUsd) !== null));
  return { perWorkload, monthlyUsd, complete, cheapestSingle: single ? { offering: single.offering, monthlyUsd: single.monthlyUsd } : null, covers };
}

/** Why a workload has no offering to consider at all: before any sheet takes effect, say so plainly. */
function noOfferingReason(catalog: Catalog): string {
  if (catalog.sheets.length === 0) {
    const later = catalog.notYetInForce.length > 0 ? ` (the sheets for ${catalog.notYetInForce.join(', ')} take effect later)` : '';
    return `no price sheet is in force on ${catalog.asOf}${later}`;
  }
  return `no offering in the price sheets in force on ${catalog.asOf}`;
}

export { dec };
