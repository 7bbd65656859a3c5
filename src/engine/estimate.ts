// `vidcost estimate`: a pure function from (price sheets, scenario, date) to a report. For each
// workload and offering: eligibility and why, billed generations, the monthly cost (a range where a
// rate is a range); per offering the whole scenario; the cheapest route; and the traps as advisories.
import { dec, ZERO } from '../money/decimal.js';
import { budgetOf, exact, markerOf, plus, sum, times, UNKNOWN, type Figure } from '../money/figure.js';
import { catalogAt, compareIds, type Catalog } from '../pricing/catalog.js';
import type { Offering, PriceSheet } from '../pricing/model.js';
import type { Scenario, Workload } from '../scenario/model.js';
import { advise } from './advisories.js';
import type { EstimateOptions, EstimateReport, OfferingTotal, OptionResult, Recommendation, RouteStep, WorkloadResult } from './estimate-types.js';
import { billedGenerations, cheapest, costOption, coverCost, discountFactor, plansFor, prepareOption, recommendable, type Prepared } from './option-cost.js';
import type { Cover } from './plan-cover.js';
import type { PriceContext } from './price.js';

export type { EstimateOptions, EstimateReport, OfferingTotal, OptionResult, Recommendation, RouteStep, WorkloadResult } from './estimate-types.js';
export { billedGenerations, discountFactor, evaluateOption, planAllows, plansFor, recommendable } from './option-cost.js';

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

function recommend(scenario: Scenario, catalog: Catalog, workloads: readonly WorkloadResult[], totals: readonly OfferingTotal[]): Recommendation {
  const perWorkload: RouteStep[] = workloads.map((wr) => {
    const best = cheapest(wr.options, recommendable);
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
  const single = cheapest(totals, (t) => t.eligible && budgetOf(t.monthlyUsd) !== null);
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
