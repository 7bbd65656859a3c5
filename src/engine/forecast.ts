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
import type { Dec } from '../money/decimal.js';
import type { Figure } from '../money/figure.js';
import type { PriceSheet } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Scenario } from '../scenario/model.js';
import { estimate, type EstimateOptions, type EstimateReport } from './estimate.js';
import type { Driver } from './forecast-drivers.js';
import { tornado } from './forecast-drivers.js';
import { MAX_SAFE, Model, type UncertainInput } from './forecast-model.js';
import type { ForecastStats } from './forecast-stats.js';
import { offeringTarget, routeTarget, run, type RunCache } from './forecast-targets.js';
import { sample } from './forecast-trials.js';

export type { Driver } from './forecast-drivers.js';
export { ForecastInputError, INPUT_FIELDS, type InputField, MIN_PLACES, RATE_STEPS, type UncertainInput } from './forecast-model.js';
export { type ForecastStats, nearestRank, type Sampled, summarize } from './forecast-stats.js';

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 1;
export const MAX_TRIALS = 1_000_000;

export interface ForecastOptions extends EstimateOptions {
  trials?: number;
  seed?: number;
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
