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
//
// The curves are built in sweep-curves.ts and solved in sweep-pieces.ts; this file checks the
// options, puts the report together and prices the mixed route step by step.
import { Dec, dec, decimalPlaces, ONE, ZERO } from '../money/decimal.js';
import { formatNumber } from '../money/format.js';
import { budgetOf } from '../money/figure.js';
import type { Offering, PriceSheet } from '../pricing/model.js';
import type { Channel } from '../pricing/vocabulary.js';
import type { Scenario, Workload } from '../scenario/model.js';
import { estimate, type EstimateOptions, type EstimateReport } from './estimate.js';
import { INPUT_FIELDS, type InputField } from './forecast.js';
import { apiCurve, planCurve, type PlanChange } from './sweep-curves.js';
import { argmin, envelope, valueAt, type Curve } from './sweep-pieces.js';

export const DEFAULT_STEPS = 11;
export const MAX_STEPS = 201;

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
  for (const c of curves) c.points = stepList.map((x) => (c.known ? valueAt(c, x, from) : null));
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
