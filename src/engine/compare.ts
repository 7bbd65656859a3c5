// Baseline compare: an estimate against an earlier one (a saved `--format json` report, or the
// estimate of the same scenario under other prices). Per offering and for the recommended route:
// the base and current monthly cost, the change in dollars and percent, offerings new or gone.
// Pure: snapshots in, comparison out. The shell reads and checks the baseline file (cli/baseline.ts).
import { type Dec, HUNDRED } from '../money/decimal.js';
import { divide } from '../money/decimal-ops.js';
import { formatUsd } from '../money/format.js';
import { atLeast, budgetOf, exact, range, UNKNOWN, withApprox, type Figure } from '../money/figure.js';
import type { EstimateReport } from './estimate.js';

/** What a comparison needs of an estimate; built from a report or read back from its JSON. */
export interface EstimateSnapshot {
  scenario: string;
  asOf: string;
  totals: { offering: string; eligible: boolean; reason: string | null; monthlyUsd: Figure }[];
  route: {
    monthlyUsd: Figure;
    complete: boolean;
    workloads: { workload: string; offering: string | null; monthlyUsd: Figure }[];
  };
}

/** A change between two figures, measured on the figure to budget (a point, or a range's high end). */
export interface Change {
  base: Dec | null;
  now: Dec | null;
  /** now − base, exact; null when either is unknown or unbounded */
  change: Dec | null;
  /** change ÷ base × 100 (20 decimal places); null when the base is 0 or the change unknown */
  pct: Dec | null;
}

export type TotalStatus = 'new' | 'gone' | 'changed' | 'unchanged' | 'now-eligible' | 'now-ineligible';

export interface TotalChange extends Change {
  offering: string;
  status: TotalStatus;
  /** null when the offering is new */
  baseFigure: Figure | null;
  /** null when the offering is gone */
  nowFigure: Figure | null;
  baseEligible: boolean;
  eligible: boolean;
  /** why the offering cannot serve the scenario now (or in the base, when gone ineligible) */
  reason: string | null;
}

export interface RouteChange extends Change {
  baseFigure: Figure;
  nowFigure: Figure;
  baseComplete: boolean;
  complete: boolean;
  /** the offerings the route uses, in workload order, without repeats */
  baseOfferings: string[];
  offerings: string[];
  workloads: { workload: string; baseOffering: string | null; offering: string | null; baseFigure: Figure | null; nowFigure: Figure | null; change: Change }[];
}

export interface Comparison {
  scenario: string;
  baseLabel: string;
  baseAsOf: string;
  asOf: string;
  totals: TotalChange[];
  recommendation: RouteChange;
  newOfferings: string[];
  goneOfferings: string[];
}

export function snapshotOf(report: EstimateReport): EstimateSnapshot {
  return {
    scenario: report.scenario,
    asOf: report.asOf,
    totals: report.totals.map((t) => ({ offering: t.offering, eligible: t.eligible, reason: t.reason, monthlyUsd: t.monthlyUsd })),
    route: {
      monthlyUsd: report.recommendation.monthlyUsd,
      complete: report.recommendation.complete,
      workloads: report.recommendation.perWorkload.map((s) => ({ workload: s.workload, offering: s.offering, monthlyUsd: s.monthlyUsd })),
    },
  };
}

export function figuresEqual(a: Figure, b: Figure): boolean {
  const same = (x: Dec | null, y: Dec | null) => (x === null || y === null ? x === y : x.eq(y));
  return same(a.low, b.low) && same(a.high, b.high) && (a.low === null || a.approx === b.approx);
}

/** Percent change, exact up to the 20 places division keeps; null from a base of 0. */
export function percentChange(base: Dec, change: Dec): Dec | null {
  return base.eq(0) ? null : divide(change.times(HUNDRED), base);
}

export function changeOf(base: Figure | null, now: Figure | null): Change {
  const b = base ? budgetOf(base) : null;
  const n = now ? budgetOf(now) : null;
  if (b === null || n === null) return { base: b, now: n, change: null, pct: null };
  const change = n.minus(b);
  return { base: b, now: n, change, pct: percentChange(b, change) };
}

function distinct(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((x): x is string => x !== null))];
}

export function compareSnapshots(base: EstimateSnapshot, now: EstimateSnapshot, baseLabel: string): Comparison {
  const baseById = new Map(base.totals.map((t) => [t.offering, t]));
  const nowById = new Map(now.totals.map((t) => [t.offering, t]));
  const ids = [...nowById.keys(), ...[...baseById.keys()].filter((id) => !nowById.has(id))];
  const totals: TotalChange[] = ids.map((offering) => {
    const b = baseById.get(offering) ?? null;
    const n = nowById.get(offering) ?? null;
    const change = changeOf(b?.eligible ? b.monthlyUsd : null, n?.eligible ? n.monthlyUsd : null);
    let status: TotalStatus;
    if (!b) status = 'new';
    else if (!n) status = 'gone';
    else if (b.eligible !== n.eligible) status = n.eligible ? 'now-eligible' : 'now-ineligible';
    else status = !n.eligible || figuresEqual(b.monthlyUsd, n.monthlyUsd) ? 'unchanged' : 'changed';
    return {
      offering,
      status,
      ...change,
      baseFigure: b ? b.monthlyUsd : null,
      nowFigure: n ? n.monthlyUsd : null,
      baseEligible: b?.eligible ?? false,
      eligible: n?.eligible ?? false,
      reason: n ? n.reason : (b?.reason ?? null),
    };
  });
  const workloadNames = distinct([...now.route.workloads.map((w) => w.workload), ...base.route.workloads.map((w) => w.workload)]);
  const route: RouteChange = {
    ...changeOf(base.route.complete ? base.route.monthlyUsd : null, now.route.complete ? now.route.monthlyUsd : null),
    baseFigure: base.route.monthlyUsd,
    nowFigure: now.route.monthlyUsd,
    baseComplete: base.route.complete,
    complete: now.route.complete,
    baseOfferings: distinct(base.route.workloads.map((w) => w.offering)),
    offerings: distinct(now.route.workloads.map((w) => w.offering)),
    workloads: workloadNames.map((workload) => {
      const b = base.route.workloads.find((w) => w.workload === workload);
      const n = now.route.workloads.find((w) => w.workload === workload);
      return {
        workload,
        baseOffering: b?.offering ?? null,
        offering: n?.offering ?? null,
        baseFigure: b?.offering ? b.monthlyUsd : null,
        nowFigure: n?.offering ? n.monthlyUsd : null,
        change: changeOf(b?.offering ? b.monthlyUsd : null, n?.offering ? n.monthlyUsd : null),
      };
    }),
  };
  return {
    scenario: now.scenario,
    baseLabel,
    baseAsOf: base.asOf,
    asOf: now.asOf,
    totals,
    recommendation: route,
    newOfferings: totals.filter((t) => t.status === 'new').map((t) => t.offering),
    goneOfferings: totals.filter((t) => t.status === 'gone').map((t) => t.offering),
  };
}

/** Compares an estimate with a baseline the shell has read (`readBaseline` in cli/baseline.ts). */
export function compareToBaseline(baseline: Baseline, report: EstimateReport): Comparison {
  return compareSnapshots(baseline.snapshot, snapshotOf(report), baseline.file);
}

/**
 * The increase gate: fails when the recommended route's monthly cost rises by more than `maxPct`
 * percent. Exactly at the threshold passes. Compared exactly (change × 100 against pct × base, no
 * division). A route whose cost is unknown on either side cannot be shown to be within the limit,
 * so the gate fails and says why. Returns the sentence that explains a failure, or null.
 */
export function increaseGate(route: RouteChange, maxPct: Dec, option = '--fail-on-increase'): string | null {
  const limit = `${maxPct.toString()}%`;
  if (route.base === null || route.now === null) {
    const side = route.base === null ? 'the baseline' : 'the current prices';
    const why = (route.base === null ? route.baseComplete : route.complete) ? 'has no upper bound' : 'is unknown (no complete route)';
    return `gate failed: the recommended route's monthly cost under ${side} ${why}, so a rise over ${limit} cannot be ruled out (${option} ${maxPct.toString()})`;
  }
  const change = route.now.minus(route.base);
  const over = route.base.eq(0) ? change.gt(0) : change.times(HUNDRED).gt(maxPct.times(route.base));
  if (!over) return null;
  const pct = route.pct === null ? 'from $0.00' : `by ${formatPctPlain(route.pct)}%`;
  return `gate failed: the recommended route's monthly cost rose ${pct} (${formatUsd(route.base)} → ${formatUsd(route.now)}), more than the ${limit} allowed (${option} ${maxPct.toString()})`;
}

/** A percent to at most 2 places, half-up, trailing zeros dropped ("18.09", "20", "12.5"). */
export function formatPctPlain(pct: Dec): string {
  const text = pct.toFixed(2).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

// ---------------------------------------------------------------------------------------------
// A baseline, as the shell reads it from the JSON `vidcost estimate --format json` wrote.

export interface Baseline {
  file: string;
  schemaVersion: number;
  snapshot: EstimateSnapshot;
}

export type FigureJson = {
  monthlyUsd: string | null;
  monthlyUsdLow?: string | null | undefined;
  monthlyUsdHigh?: string | null | undefined;
  approx?: boolean | null | undefined;
  marker?: 'exact' | 'approx' | 'from' | 'range' | 'unknown' | null | undefined;
};

/** Reads a figure back from `figureFields` output: budget value, Low/High for ranges and bounds. */
export function figureFromJson(f: FigureJson): Figure {
  const approx = f.approx ?? false;
  const low = f.monthlyUsdLow ?? null;
  const high = f.monthlyUsdHigh ?? null;
  const marker =
    f.marker ?? (low !== null && high === null ? 'from' : low !== null ? 'range' : f.monthlyUsd === null ? 'unknown' : approx ? 'approx' : 'exact');
  switch (marker) {
    case 'unknown':
      return UNKNOWN;
    case 'from':
      return low === null ? UNKNOWN : atLeast(low, approx);
    case 'range':
      return low !== null && high !== null ? range(low, high, approx) : f.monthlyUsd === null ? UNKNOWN : withApprox(exact(f.monthlyUsd), approx);
    default:
      return f.monthlyUsd === null ? UNKNOWN : withApprox(exact(f.monthlyUsd), approx);
  }
}
