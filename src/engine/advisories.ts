// The traps the article warns about, each a plain sentence with the numbers behind it.
import { dec, ONE } from '../money/decimal.js';
import { floorDiv } from '../money/decimal-ops.js';
import { budgetOf, compareBudget, type Figure, markerOf, sum } from '../money/figure.js';
import { formatAmount, formatFigure, formatMoney, formatNumber, formatUsd } from '../money/format.js';
import type { Catalog } from '../pricing/catalog.js';
import type { Offering, Plan } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Advisory } from './advisory-types.js';
import type { EstimateReport, WorkloadResult } from './estimate-types.js';
import type { PriceContext } from './price.js';
import { billedGenerations, cheapest, evaluateOption, recommendable } from './option-cost.js';
import { capital, flat, plural } from './advisory-words.js';
import { planCapacityAdvisories } from './plan-capacity-advisories.js';

export { ADVISORY_CODES, type Advisory, type AdvisoryCode } from './advisory-types.js';

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * What every command that reads prices says about them: offerings shut down or shutting down, and
 * sheets verified too long before the date. `channel` limits the sunsets to offerings sold on it
 * (null: every offering, as \`rates\` lists them). The stalest sheet comes first.
 */
export function priceAgeAdvisories(catalog: Catalog, offerings: readonly Offering[], channel: Channel | null, staleAfterDays: number): Advisory[] {
  const out: Advisory[] = [];
  const asOf = catalog.asOf;
  const vendors = new Set(offerings.map((o) => o.vendor));
  const sunsets = offerings.filter((o) => o.sunset !== null && (channel === null || o.channels.includes(channel)));
  // shut down first, then the soonest to shut down
  for (const o of [...sunsets].sort((a, b) => (a.sunset! < b.sunset! ? -1 : a.sunset! > b.sunset! ? 1 : 0))) {
    if (o.sunset! <= asOf) {
      out.push({
        code: 'sunset',
        severity: 'warning',
        offering: o.id,
        message: `${o.id} shut down on ${o.sunset}; it is no longer eligible and is not priced (source: ${o.sunsetSource}).`,
      });
    } else {
      out.push({
        code: 'sunset',
        severity: 'warning',
        offering: o.id,
        message: `${o.id} shuts down on ${o.sunset}, ${daysBetween(asOf, o.sunset!)} days after ${asOf}: keep it behind an adapter and plan the migration (source: ${o.sunsetSource}).`,
      });
    }
  }
  const stale = catalog.sheets
    .filter((sheet) => vendors.has(sheet.vendor))
    .map((sheet) => ({ sheet, age: daysBetween(sheet.verified, asOf) }))
    .filter((x) => x.age > staleAfterDays);
  for (const { sheet, age } of stale.sort((a, b) => b.age - a.age)) {
    out.push({
      code: 'stale-prices',
      severity: 'warning',
      vendor: sheet.vendor,
      message: `${sheet.vendor} prices were verified on ${sheet.verified}, ${age} days before ${asOf} (limit ${staleAfterDays}): re-check ${sheet.sources[Object.keys(sheet.sources)[0]!] ?? sheet.file} before committing budget.`,
    });
  }
  return out;
}

/** Workloads named one by one in a sentence; the rest are counted and summed, so a message stays readable. */
const MAX_NAMED_WORKLOADS = 5;

/** Every trap in an estimate, one small function per advisory code, in the order reports list them. */
export function advise(report: EstimateReport, considered: readonly Offering[]): Advisory[] {
  const consideredVendors = [...new Set(considered.map((o) => o.vendor))];
  return [
    ...priceAgeAdvisories(report.catalog, considered, report.channel, report.staleAfterDays),
    ...regenerationAdvisories(report, considered),
    ...(report.channel === 'api' ? subscriptionAdvisories(report, considered, consideredVendors) : []),
    ...planCapacityAdvisories(report, considered),
    ...freeTierAdvisories(report, consideredVendors),
    ...unknownPriceAdvisories(report),
    ...noEligibleAdvisories(report),
    ...overCeilingAdvisories(report),
  ];
}

/** regeneration-capped and naive-regeneration: a factor the budget caps, or a naive 1. */
function regenerationAdvisories(report: EstimateReport, considered: readonly Offering[]): Advisory[] {
  const out: Advisory[] = [];
  for (const wr of report.workloads) {
    const w = wr.workload;
    if (!wr.billedGenerations.eq(w.regenerationFactor)) {
      out.push({
        code: 'regeneration-capped',
        severity: 'info',
        workload: w.name,
        message: flat`${w.name}: a regeneration factor of ${String(w.regenerationFactor)} is capped at ${plural(String(wr.billedGenerations), 'generation')} per job by budget.max_regenerations_per_job; ${String(wr.billedGenerations)} ${wr.billedGenerations.eq(ONE) ? 'is' : 'are'} billed.`,
      });
    }
    if (w.regenerationFactor.eq(ONE)) {
      out.push({
        code: 'naive-regeneration',
        severity: 'warning',
        workload: w.name,
        message: flat`${w.name}: a regeneration factor of 1 assumes every first clip is kept; users rarely keep the first clip, and regenerations typically triple the naive estimate.${atFactorThree(report, considered, wr)}`,
      });
    }
  }
  return out;
}

/** subscription-not-api: the plan sticker price next to the real API cost. */
function subscriptionAdvisories(report: EstimateReport, considered: readonly Offering[], vendors: readonly string[]): Advisory[] {
  const out: Advisory[] = [];
  for (const vendor of vendors) {
    const plan = cheapestPaidPlan(report.catalog.plans.filter((p) => p.vendor === vendor));
    if (!plan) continue;
    // The vendor's own API offerings, and the aggregators that sell its models programmatically.
    const ids = new Set(considered.filter((o) => o.vendor === vendor).flatMap((o) => [o.id, ...o.apiThrough]));
    const apiTotals = report.totals.filter((t) => ids.has(t.offering) && t.eligible && budgetOf(t.monthlyUsd) !== null);
    const best = apiTotals.sort((a, b) => compareBudget(a.monthlyUsd, b.monthlyUsd))[0];
    const sticker = `${capital(vendor)} ${plan.name} is ${formatAmount(plan.usdPerMonth)}/month for ${formatFigure(plan.creditsPerMonth, 'count')} credits, but seat credits don't power the API`;
    let cost = `: no ${capital(vendor)} API offering considered here has a known price for this scenario.`;
    if (best) cost = `: this scenario costs ${formatMoney(best.monthlyUsd)}/month on the API (${best.offering}).`;
    else {
      // No one offering of the vendor serves every workload: give the API cost of those it can.
      // The vendor's options sit at the same places in every workload's options (considered's order).
      const at = considered.flatMap((o, i) => (ids.has(o.id) ? [i] : []));
      const parts: string[] = [];
      const rest: Figure[] = [];
      for (const wr of report.workloads) {
        const opt = cheapest(wr.options, recommendable, at);
        if (!opt) continue;
        if (parts.length < MAX_NAMED_WORKLOADS) parts.push(`${wr.workload.name} costs ${formatMoney(opt.monthlyUsd)}/month on ${opt.offering}`);
        else rest.push(opt.monthlyUsd);
      }
      if (rest.length > 0) {
        const together = formatMoney(sum(rest));
        parts.push(`and ${rest.length} more ${rest.length === 1 ? 'workload at' : 'workloads at'} ${together}/month${rest.length === 1 ? '' : ' together'}`);
      }
      if (parts.length) cost = `: on the API, ${parts.join(', ')}.`;
    }
    out.push({ code: 'subscription-not-api', severity: 'warning', vendor, message: sticker + cost });
  }
  return out;
}

/** free-tier-restrictions: plans capped in resolution, watermarked or not for commercial use. */
function freeTierAdvisories(report: EstimateReport, vendors: readonly string[]): Advisory[] {
  const out: Advisory[] = [];
  for (const vendor of vendors) {
    for (const plan of report.catalog.plans.filter((p) => p.vendor === vendor && (p.watermark || !p.commercialUse || p.maxResolution !== null))) {
      const limits: string[] = [];
      if (plan.maxResolution) limits.push(`${plan.maxResolution} at most`);
      if (plan.watermark) limits.push('watermarked');
      if (!plan.commercialUse) limits.push('not for commercial use');
      const price = budgetOf(plan.usdPerMonth);
      out.push({
        code: 'free-tier-restrictions',
        severity: 'info',
        vendor,
        message: `${capital(vendor)} ${plan.name} (${price !== null && price.eq(0) ? 'free' : formatAmount(plan.usdPerMonth) + '/month'}, ${formatFigure(plan.creditsPerMonth, 'count')} credits) is ${limits.join(', ')}: vidcost never counts it toward a product's cost.`,
      });
    }
  }
  return out;
}

/** unknown-price: eligible offerings whose price no source gives, and how to supply it. */
function unknownPriceAdvisories(report: EstimateReport): Advisory[] {
  const out: Advisory[] = [];
  for (const wr of report.workloads) {
    for (const opt of wr.options) {
      if (!opt.eligible || opt.monthlyUsd.low !== null) continue;
      const how =
        opt.unknownBecause === 'credit-value'
          ? ` Supply it with overrides: { ${opt.vendor}: { usd_per_credit: 0.004 } } (your contract's figure).`
          : opt.unknownBecause === 'gpu-seconds'
            ? ` Supply it with overrides: { ${opt.vendor}: { gpu_seconds_per_output_second: N } }.`
            : '';
      out.push({
        code: 'unknown-price',
        severity: 'warning',
        workload: wr.workload.name,
        offering: opt.offering,
        message: flat`${wr.workload.name} on ${opt.offering}: the price is unknown (${opt.reason!}); it is shown but never recommended.${how}`,
      });
    }
  }
  return out;
}

/** no-eligible-offering: a workload the route cannot serve. */
function noEligibleAdvisories(report: EstimateReport): Advisory[] {
  const out: Advisory[] = [];
  report.recommendation.perWorkload.forEach((step, i) => {
    if (step.offering === null) {
      // the table lists why each offering is out; with none considered there is no table to point to
      const see = report.workloads[i]!.options.length > 0 ? "; see each offering's reason in the table" : '';
      out.push({ code: 'no-eligible-offering', severity: 'error', workload: step.workload, message: flat`${step.workload}: ${step.reason!}${see}.` });
    }
  });
  return out;
}

/** over-ceiling: the recommended route against budget.monthly_ceiling_usd (exactly met is within it). */
function overCeilingAdvisories(report: EstimateReport): Advisory[] {
  const ceiling = report.scenarioData.budget.monthlyCeilingUsd;
  const route = budgetOf(report.recommendation.monthlyUsd);
  if (ceiling === null || route === null || !route.gt(ceiling)) return [];
  const clips = report.workloads.reduce((acc, wr) => acc.plus(wr.workload.clipsPerMonth), dec(0));
  const fit = route.eq(0) ? clips : floorDiv(clips.times(ceiling), route);
  return [
    {
      code: 'over-ceiling',
      severity: 'error',
      message: `The recommended route costs ${formatMoney(report.recommendation.monthlyUsd)}/month, ${formatUsd(route.minus(ceiling))} over the ${formatUsd(ceiling)} ceiling; at the same mix, ${formatNumber(fit)} of the ${formatNumber(clips)} clips a month fit under it.`,
    },
  ];
}

/**
 * What the workload costs at a factor of 3 on its cheapest offering, priced by the engine itself
 * (the regeneration cap, plan covers and price ranges included), or '' when the cap leaves nothing
 * to add.
 */
function atFactorThree(report: EstimateReport, considered: readonly Offering[], wr: WorkloadResult): string {
  const scenario = report.scenarioData;
  const best = cheapest(wr.options, recommendable);
  const offering = best ? considered.find((o) => o.id === best.offering) : undefined;
  if (!best || !offering) return '';
  const three = { ...wr.workload, regenerationFactor: dec(3) };
  const gens = billedGenerations(scenario, three);
  if (gens.lte(wr.billedGenerations)) return '';
  const ctx: PriceContext = { catalog: report.catalog, overrides: scenario.overrides };
  const at = evaluateOption(ctx, scenario, offering, three, gens).monthlyUsd;
  if (markerOf(at) === 'unknown') return '';
  const factor = gens.eq(3) ? 'At a factor of 3' : `At a factor of 3, capped at ${gens} by budget.max_regenerations_per_job,`;
  return ` ${factor} this workload costs ${formatMoney(at)}/month on ${best.offering}, not ${formatMoney(best.monthlyUsd)}.`;
}

function cheapestPaidPlan(plans: readonly Plan[]): Plan | null {
  const paid = plans.filter((p) => budgetOf(p.usdPerMonth)?.gt(0));
  return paid.sort((a, b) => budgetOf(a.usdPerMonth)!.cmp(budgetOf(b.usdPerMonth)!))[0] ?? null;
}
