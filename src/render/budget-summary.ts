// What a budget owner reads first in an HTML report: what to budget per month and per year, on
// which route, against which ceiling, and how old the prices behind it are. Pure: every figure comes
// from the engine's report, the year is 12 × the month in exact decimals, and a price's age is
// counted in days before the report's as_of (the clock is an input; today is never read).
import { daysBetween } from '../engine/advisories.js';
import type { EstimateReport } from '../engine/estimate.js';
import type { ForecastReport } from '../engine/forecast.js';
import { type Dec, dec } from '../money/decimal.js';
import { exact, times, UNKNOWN, type Figure } from '../money/figure.js';
import { coverText } from './estimate.js';

export interface PriceAge {
  verified: string;
  /** whole days from `verified` to the report's as_of; negative when verified after it */
  ageDays: number;
}

export interface OfferingSource {
  offering: string;
  /** where each rate (and, on the web-app channel, each seat plan) the report used was published; the offering's own source where none was used */
  urls: string[];
  /** the verification dates of those rates, oldest first */
  verified: PriceAge[];
}

export interface RouteLeg {
  workload: string;
  offering: string | null;
  /** null: not a single figure (a forecast's legs share the route's spread) */
  monthly: Figure | null;
  reason: string | null;
}

export interface BudgetSummary {
  asOf: string;
  /** what to budget each month, with its honesty marker (range, lower bound, unknown) */
  monthly: Figure;
  /** 12 × monthly, exact */
  yearly: Figure;
  /** what the monthly figure is, when it is not simply the route's cost: "P90 of 10,000 trials" */
  basis: string | null;
  /** why the monthly figure is unknown */
  unknownBecause: string | null;
  route: RouteLeg[];
  /** web-app channel: the seat plans the route buys, one line per vendor */
  plans: string[];
  ceiling: Dec | null;
  /** the sheets in force for the vendors the scenario considers, oldest verification first */
  sheets: ({ vendor: string; stale: boolean } & PriceAge)[];
  staleAfterDays: number;
  /** every offering the report shows, by id */
  sources: Map<string, OfferingSource>;
}

export const MONTHS_PER_YEAR = dec(12);

function ageOf(verified: string, asOf: string): PriceAge {
  return { verified, ageDays: daysBetween(verified, asOf) };
}

/** Each offering the estimate considered, with the sources and verification dates of the rates it used. */
export function offeringSources(report: EstimateReport): Map<string, OfferingSource> {
  const byId = new Map<string, { urls: Set<string>; verified: Set<string> }>();
  for (const wr of report.workloads) {
    for (const o of wr.options) {
      const entry = byId.get(o.offering) ?? { urls: new Set<string>(), verified: new Set<string>() };
      byId.set(o.offering, entry);
      if (o.priced) {
        entry.urls.add(o.priced.rate.source);
        entry.verified.add(o.priced.rate.verified);
      }
      // on the web-app channel the money is the seat plans' price: their sources and dates count too
      for (const { plan } of o.cover?.plans ?? []) {
        entry.urls.add(plan.source);
        entry.verified.add(plan.verified);
      }
    }
  }
  for (const t of report.totals) if (!byId.has(t.offering)) byId.set(t.offering, { urls: new Set(), verified: new Set() });
  const out = new Map<string, OfferingSource>();
  for (const [id, entry] of byId) {
    const offering = report.catalog.offerings.find((o) => o.id === id);
    if (offering && entry.urls.size === 0) {
      entry.urls.add(offering.source);
      entry.verified.add(offering.verified);
    }
    out.set(id, { offering: id, urls: [...entry.urls], verified: [...entry.verified].sort().map((v) => ageOf(v, report.asOf)) });
  }
  return out;
}

function sheetAges(report: EstimateReport): BudgetSummary['sheets'] {
  const vendors = new Set(report.totals.map((t) => t.vendor));
  return report.catalog.sheets
    .filter((s) => vendors.has(s.vendor))
    .map((s) => ({ vendor: s.vendor, stale: daysBetween(s.verified, report.asOf) > report.staleAfterDays, ...ageOf(s.verified, report.asOf) }))
    .sort((a, b) => a.verified.localeCompare(b.verified) || a.vendor.localeCompare(b.vendor));
}

/** The summary of an estimate: budget the recommended route. */
export function estimateSummary(report: EstimateReport): BudgetSummary {
  const r = report.recommendation;
  const monthly = r.complete ? r.monthlyUsd : UNKNOWN;
  const missing = r.perWorkload.filter((s) => s.offering === null).map((s) => s.workload);
  return {
    asOf: report.asOf,
    monthly,
    yearly: times(monthly, MONTHS_PER_YEAR),
    basis: null,
    unknownBecause: r.complete
      ? monthly.low === null
        ? "the route's price is not known"
        : null
      : `no eligible offering with a known price for ${missing.length ? missing.map((w) => `"${w}"`).join(', ') : 'every workload'}`,
    route: r.perWorkload.map((s) => ({ workload: s.workload, offering: s.offering, monthly: s.monthlyUsd, reason: s.reason })),
    plans: r.covers.map((c) => `${c.vendor}: ${coverText(c.cover)}`),
    ceiling: report.ceiling,
    sheets: sheetAges(report),
    staleAfterDays: report.staleAfterDays,
    sources: offeringSources(report),
  };
}

/** The summary of a forecast: budget its P90 (nine months in ten cost less), on the route of the point estimate. */
export function forecastSummary(report: ForecastReport): BudgetSummary {
  const base = estimateSummary(report.estimate);
  const stats = report.recommendation.stats;
  const monthly = stats ? exact(stats.p90) : UNKNOWN;
  const routeOf = new Map(report.recommendation.steps.map((s) => [s.workload, s.offering]));
  return {
    ...base,
    monthly,
    yearly: times(monthly, MONTHS_PER_YEAR),
    basis: `P90 of ${report.trials.toLocaleString('en-US')} trials: nine months in ten cost less`,
    unknownBecause: stats ? null : (report.recommendation.reason ?? "the route's forecast is unknown"),
    // the forecast's route legs carry no single figure: the spread is the point
    route: base.route.map((leg) => ({ ...leg, offering: routeOf.get(leg.workload) ?? leg.offering, monthly: null })),
  };
}
