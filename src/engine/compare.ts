// Baseline compare: an estimate against an earlier one (a saved `--format json` report, or the
// estimate of the same scenario under other prices). Per offering and for the recommended route:
// the base and current monthly cost, the change in dollars and percent, offerings new or gone.
// Pure: snapshots in, comparison out. The shell reads the baseline file and calls `readBaseline`.
import { z } from 'zod';
import { InputError } from '../errors.js';
import { explainZodIssues, fieldPath } from '../input/yaml-document.js';
import { jsonOffsetOf, lineAndColumn } from '../input/json-locate.js';
import { type Dec, divide, formatUsd, HUNDRED, isDecimalLiteral } from '../money/decimal.js';
import { atLeast, budgetOf, exact, range, UNKNOWN, withApprox, type Figure } from '../money/figure.js';
import type { EstimateReport } from './estimate.js';
import { once } from '../once.js';

export const BASELINE_SCHEMA_VERSION = 1;

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

/** Compares an estimate with a baseline read by `readBaseline`. */
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
// Reading a baseline: the JSON `vidcost estimate --format json` wrote (schemaVersion 1).

export interface Baseline {
  file: string;
  schemaVersion: number;
  snapshot: EstimateSnapshot;
}

/** The schema of a baseline report, built on first use (see once.ts). */
const baselineSchema = once(() => {
  const decimalString = z.string().refine((s) => isDecimalLiteral(s), { message: 'expected a decimal string like "1250.00"' });
  const money = decimalString.nullable();
  const markerSchema = z.enum(['exact', 'approx', 'from', 'range', 'unknown']);
  const figureShape = {
    monthlyUsd: money,
    monthlyUsdLow: money.optional(),
    monthlyUsdHigh: money.optional(),
    approx: z.boolean().nullable().optional(),
    // null for an offering that is not eligible
    marker: markerSchema.nullable().optional(),
  };

  return z.object({
    schemaVersion: z.number(),
    kind: z.string().optional(),
    scenario: z.string(),
    asOf: z.string(),
    totals: z.array(z.object({ offering: z.string(), eligible: z.boolean(), reason: z.string().nullable().optional(), ...figureShape })),
    // per workload and offering: the route's figures with their honesty markers
    workloads: z
      .array(z.object({ name: z.string(), options: z.array(z.object({ offering: z.string(), eligible: z.boolean(), ...figureShape })).optional() }))
      .optional(),
    recommendation: z.object({
      ...figureShape,
      complete: z.boolean(),
      workloads: z.array(z.object({ workload: z.string(), offering: z.string().nullable(), ...figureShape })),
    }),
  });
});

type FigureJson = {
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

/** Line and column of a field in a JSON text, for error messages (one scan: baselines can be large). */
function locateField(text: string, path: readonly (string | number)[]): { line: number | null; column: number | null } {
  const offset = jsonOffsetOf(text, path);
  return offset === null ? { line: null, column: null } : lineAndColumn(text, offset);
}

function jsonSyntaxPosition(text: string, error: unknown): { line: number | null; column: number | null } {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m) return { line: null, column: null };
  const offset = Number(m[1]);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Parses and checks a baseline: JSON from `vidcost estimate --format json` of schemaVersion 1 for
 * the scenario `expectScenario`. Anything else is refused with an InputError naming the field.
 */
export function readBaseline(text: string, file: string, expectScenario: string): Baseline {
  const fail = (field: string, message: string, path: (string | number)[] = field ? [field] : []): never => {
    throw new InputError([{ file, ...locateField(text, path), field, message }]);
  };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError([
      {
        file,
        ...jsonSyntaxPosition(text, error),
        field: '',
        message: `not JSON (${(error as Error).message}); a baseline is the output of \`vidcost estimate FILE --format json --out base.json\``,
      },
    ]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) fail('', 'expected a JSON object written by `vidcost estimate FILE --format json`');
  const obj = data as Record<string, unknown>;
  if (obj['schemaVersion'] === undefined)
    fail('schemaVersion', 'missing: this is not a vidcost JSON report (write one with `vidcost estimate FILE --format json --out base.json`)');
  if (obj['schemaVersion'] !== BASELINE_SCHEMA_VERSION) {
    fail(
      'schemaVersion',
      `the baseline has schemaVersion ${JSON.stringify(obj['schemaVersion'])}, but this vidcost reads schemaVersion ${BASELINE_SCHEMA_VERSION}; write a new baseline with \`vidcost estimate FILE --format json --out base.json\``,
    );
  }
  if (obj['kind'] !== undefined && obj['kind'] !== 'estimate') {
    fail('kind', `the baseline is a "${String(obj['kind'])}" report; --compare-to needs the JSON of \`vidcost estimate\``);
  }
  const parsed = baselineSchema().safeParse(data);
  if (!parsed.success) {
    // the first problem, in the words every input error uses ("missing required field ...")
    const issue = explainZodIssues(data, parsed.error.issues)[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    fail(
      fieldPath(path),
      `${issue.message}; the baseline must be the JSON of \`vidcost estimate FILE --format json\``,
      issue.at === 'parent' ? path.slice(0, -1) : path,
    );
  }
  const b = parsed.data!;
  if (b.scenario !== expectScenario) {
    fail(
      'scenario',
      `the baseline is for scenario ${JSON.stringify(b.scenario)}, not ${JSON.stringify(expectScenario)}; compare a scenario only with its own baseline`,
    );
  }
  return {
    file,
    schemaVersion: b.schemaVersion,
    snapshot: {
      scenario: b.scenario,
      asOf: b.asOf,
      totals: b.totals.map((t) => ({ offering: t.offering, eligible: t.eligible, reason: t.reason ?? null, monthlyUsd: figureFromJson(t) })),
      route: {
        monthlyUsd: figureFromJson(b.recommendation),
        complete: b.recommendation.complete,
        workloads: b.recommendation.workloads.map((w) => {
          // The route's entry carries the budget figure; the workload's option row also says ~ or range.
          const option = b.workloads?.find((x) => x.name === w.workload)?.options?.find((o) => o.offering === w.offering && o.eligible);
          return { workload: w.workload, offering: w.offering, monthlyUsd: figureFromJson(option ?? w) };
        }),
      },
    },
  };
}
