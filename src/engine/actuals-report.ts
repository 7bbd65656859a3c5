// `vidcost actuals`, part two: the accumulated groups become the report: spend to date, the linear
// projection, per offering and per workload, the plan beside it (estimate of the scenario), the day
// the ceiling is reached, per-job generation percentiles for calibration, and the advisories.
import { type Dec, dec, moneyString, ZERO } from '../money/decimal.js';
import { divide, ceilDiv } from '../money/decimal-ops.js';
import { budgetOf, exact, mapEnds, plus, sum, UNKNOWN, type Figure } from '../money/figure.js';
import { formatMoney, formatNumber, formatUsd } from '../money/format.js';
import { compareIds } from '../pricing/catalog.js';
import { nearMiss } from '../errors.js';
import type { Scenario } from '../scenario/model.js';
import type { UsageRow } from '../usage/usage-log.js';
import { ActualsAccumulator, dayDate, groupPriced, groupSpend, type DriftExample, type MonthWindow, type WorkloadTally } from './actuals.js';
import { estimate, type EstimateReport } from './estimate.js';

export const ACTUALS_ADVISORY_CODES = [
  'projected-over-ceiling',
  'regeneration-above-plan',
  'price-drift',
  'unpriced-usage',
  'rows-outside-month',
  'failed-billing-unknown',
] as const;
export type ActualsAdvisoryCode = (typeof ACTUALS_ADVISORY_CODES)[number];

export interface ActualsAdvisory {
  code: ActualsAdvisoryCode;
  severity: 'info' | 'warning' | 'error';
  message: string;
  offering?: string;
  workload?: string;
}

export interface OfferingActuals {
  offering: string;
  known: boolean;
  generations: number;
  succeededGenerations: number;
  failedGenerations: number;
  /** FOCUS billing rows (each sums many requests) */
  billingRows: number;
  monthToDateUsd: Figure;
  pricedUsd: Figure;
  reportedRows: number;
  driftRows: number;
  driftExample: DriftExample | null;
  failedBillingUnknownRows: number;
  unpricedReason: string | null;
}

/** Nearest-rank percentiles of the succeeded generations per job that kept a clip. */
export interface GenerationPercentiles {
  jobs: number;
  p10: number;
  median: number;
  p90: number;
}

export interface WorkloadActuals {
  workload: string | null;
  generations: number;
  succeededGenerations: number;
  keptClips: number;
  /** succeeded generations ÷ kept clips; null with no kept clip */
  generationsPerKeptClip: Dec | null;
  projectedClipsPerMonth: Dec;
  monthToDateUsd: Figure;
  projectedMonthUsd: Figure;
  perJob: GenerationPercentiles | null;
  /** with a scenario naming this workload */
  plannedClipsPerMonth: Dec | null;
  plannedRegenerationFactor: Dec | null;
  plannedMonthUsd: Figure | null;
}

/** A day of the month from each end of a spend range: `low` from the low end (later), `high` from the high end (earlier). */
export interface DayRange {
  low: number | null;
  high: number | null;
}

export interface ActualsReport {
  kind: 'actuals';
  window: MonthWindow;
  asOf: string;
  rowsRead: number;
  rowsInMonth: number;
  rowsOutsideMonth: number;
  rowsBeforeMonth: number;
  rowsAfterAsOf: number;
  rowsSkipped: number;
  monthToDateUsd: Figure;
  projectedMonthUsd: Figure;
  /** spend on each day 1..daysElapsed */
  byDay: Figure[];
  scenario: string | null;
  plannedMonthUsd: Figure | null;
  ceilingUsd: Dec | null;
  ceilingReachedOn: DayRange | null;
  byOffering: OfferingActuals[];
  byWorkload: WorkloadActuals[];
  advisories: ActualsAdvisory[];
  plan: EstimateReport | null;
}

/** month to date × daysInMonth ÷ daysElapsed (exact unless the division does not terminate: 20 places). */
export function project(w: MonthWindow, f: Figure): Figure {
  const days = dec(w.daysInMonth);
  const elapsed = dec(w.daysElapsed);
  return mapEnds(f, (d) => divide(d.times(days), elapsed));
}

/**
 * The first day D of the month with daily rate × D ≥ ceiling, daily rate = spend ÷ daysElapsed:
 * D = ⌈ceiling × daysElapsed ÷ spend⌉ (no rounding of the rate). null when past the month's end.
 */
export function ceilingDay(w: MonthWindow, spend: Dec, ceiling: Dec): number | null {
  if (ceiling.lte(0)) return 1;
  if (spend.lte(0)) return null;
  const d = Number(ceilDiv(ceiling.times(dec(w.daysElapsed)), spend).toFixed(0));
  const day = Math.max(1, d);
  return day <= w.daysInMonth ? day : null;
}

/** Nearest-rank percentile p (0..100) of a histogram value → count, values ascending. */
export function percentileOf(histogram: readonly [number, number][], total: number, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [value, count] of histogram) {
    seen += count;
    if (seen >= rank) return value;
  }
  return histogram[histogram.length - 1]?.[0] ?? 0;
}

export function perJobPercentiles(t: WorkloadTally): GenerationPercentiles | null {
  const hist = new Map<number, number>();
  let jobs = 0;
  for (const v of t.jobs.values()) {
    if ((v & 1) === 0) continue;
    const generations = v >> 1;
    hist.set(generations, (hist.get(generations) ?? 0) + 1);
    jobs++;
  }
  if (jobs === 0) return null;
  const sorted = [...hist].sort((a, b) => a[0] - b[0]);
  return { jobs, p10: percentileOf(sorted, jobs, 10), median: percentileOf(sorted, jobs, 50), p90: percentileOf(sorted, jobs, 90) };
}

export function actualsReport(acc: ActualsAccumulator): ActualsReport {
  const w = acc.window;
  const scenario: Scenario | null = acc.options.scenario ?? null;
  const groups = [...acc.groups.values()];

  const byDay: Figure[] = Array.from({ length: w.daysElapsed }, () => exact(ZERO));
  const offerings = new Map<string, OfferingActuals>();
  const workloadSpend = new Map<string, Figure>();
  let rowsInMonth = 0;
  for (const g of groups) {
    rowsInMonth += g.count;
    const spend = groupSpend(g);
    byDay[g.day - 1] = plus(byDay[g.day - 1]!, spend);
    const wk = g.workload ?? '';
    workloadSpend.set(wk, plus(workloadSpend.get(wk) ?? exact(ZERO), spend));
    let o = offerings.get(g.offering);
    if (!o) {
      o = {
        offering: g.offering,
        known: g.cost.known,
        generations: 0,
        succeededGenerations: 0,
        failedGenerations: 0,
        billingRows: 0,
        monthToDateUsd: exact(ZERO),
        pricedUsd: exact(ZERO),
        reportedRows: 0,
        driftRows: 0,
        driftExample: null,
        failedBillingUnknownRows: 0,
        unpricedReason: null,
      };
      offerings.set(g.offering, o);
    }
    if (g.source === 'focus') o.billingRows += g.count;
    else {
      o.generations += g.count;
      if (g.status === 'succeeded') o.succeededGenerations += g.count;
      else o.failedGenerations += g.count;
    }
    o.known &&= g.cost.known;
    o.monthToDateUsd = plus(o.monthToDateUsd, spend);
    o.pricedUsd = plus(o.pricedUsd, groupPriced(g));
    o.reportedRows += g.reported;
    o.driftRows += g.drifted;
    if (g.driftExample && (!o.driftExample || g.driftExample.place.line < o.driftExample.place.line)) o.driftExample = g.driftExample;
    if (g.cost.failedBillingUnknown) o.failedBillingUnknownRows += g.count - g.reported;
    if (g.cost.reason) o.unpricedReason ??= g.cost.reason;
  }
  const monthToDateUsd = sum(byDay);
  const projectedMonthUsd = project(w, monthToDateUsd);

  const plan = scenario ? estimate(acc.sheets, scenario, { asOf: acc.options.asOf, forceAsOf: true }) : null;
  const plannedMonthUsd = plan ? (plan.recommendation.complete ? plan.recommendation.monthlyUsd : UNKNOWN) : null;
  const ceilingUsd = scenario?.budget.monthlyCeilingUsd ?? null;
  let ceilingReachedOn: DayRange | null = null;
  if (ceilingUsd !== null) {
    const { low, high } = monthToDateUsd;
    ceilingReachedOn = { low: low === null ? null : ceilingDay(w, low, ceilingUsd), high: high === null ? null : ceilingDay(w, high, ceilingUsd) };
  }

  const byWorkload = [...acc.workloads.values()].map((t): WorkloadActuals => {
    const planned = scenario?.workloads.find((x) => x.name === t.name) ?? null;
    const step = planned && plan ? (plan.recommendation.perWorkload.find((s) => s.workload === planned.name) ?? null) : null;
    const spend = workloadSpend.get(t.name ?? '') ?? exact(ZERO);
    return {
      workload: t.name,
      generations: t.generations,
      succeededGenerations: t.succeeded,
      keptClips: t.keptClips,
      generationsPerKeptClip: t.keptClips === 0 ? null : divide(dec(t.succeeded), dec(t.keptClips)),
      projectedClipsPerMonth: divide(dec(t.keptClips).times(dec(w.daysInMonth)), dec(w.daysElapsed)),
      monthToDateUsd: spend,
      projectedMonthUsd: project(w, spend),
      perJob: perJobPercentiles(t),
      plannedClipsPerMonth: planned?.clipsPerMonth ?? null,
      plannedRegenerationFactor: planned?.regenerationFactor ?? null,
      plannedMonthUsd: step ? step.monthlyUsd : null,
    };
  });
  // planned workloads with no usage yet: shown at zero beside their plan, not left out
  for (const planned of scenario?.workloads ?? []) {
    if (byWorkload.some((x) => x.workload === planned.name)) continue;
    const step = plan?.recommendation.perWorkload.find((s) => s.workload === planned.name) ?? null;
    byWorkload.push({
      workload: planned.name,
      generations: 0,
      succeededGenerations: 0,
      keptClips: 0,
      generationsPerKeptClip: null,
      projectedClipsPerMonth: ZERO,
      monthToDateUsd: exact(ZERO),
      projectedMonthUsd: exact(ZERO),
      perJob: null,
      plannedClipsPerMonth: planned.clipsPerMonth,
      plannedRegenerationFactor: planned.regenerationFactor,
      plannedMonthUsd: step ? step.monthlyUsd : null,
    });
  }
  byWorkload.sort((a, b) => (a.workload === null ? 1 : b.workload === null ? -1 : compareIds(a.workload, b.workload)));
  const byOffering = [...offerings.values()].sort((a, b) => compareIds(a.offering, b.offering));

  const report: ActualsReport = {
    kind: 'actuals',
    window: w,
    asOf: acc.options.asOf,
    rowsRead: acc.rowsRead,
    rowsInMonth,
    rowsOutsideMonth: acc.rowsBeforeMonth + acc.rowsAfterAsOf,
    rowsBeforeMonth: acc.rowsBeforeMonth,
    rowsAfterAsOf: acc.rowsAfterAsOf,
    rowsSkipped: acc.rowsSkipped,
    monthToDateUsd,
    projectedMonthUsd,
    byDay,
    scenario: scenario?.name ?? null,
    plannedMonthUsd,
    ceilingUsd,
    ceilingReachedOn,
    byOffering,
    byWorkload,
    advisories: [],
    plan,
  };
  report.advisories = actualsAdvisories(report, [...new Set(acc.sheets.flatMap((s) => s.offerings.map((o) => o.id)))]);
  return report;
}

const rows = (n: number) => `${formatNumber(dec(n))} row${n === 1 ? '' : 's'}`;

export function actualsAdvisories(r: ActualsReport, knownIds: readonly string[]): ActualsAdvisory[] {
  const out: ActualsAdvisory[] = [];
  const w = r.window;
  if (r.ceilingUsd !== null) {
    const high = budgetOf(r.projectedMonthUsd);
    const ceiling = formatUsd(r.ceilingUsd);
    if (high === null) {
      out.push({
        code: 'projected-over-ceiling',
        severity: 'warning',
        message: `The projection for ${w.month} is ${formatMoney(r.projectedMonthUsd)}: with part of the spend unknown, vidcost cannot say it stays within the ${ceiling} ceiling.`,
      });
    } else if (high.gt(r.ceilingUsd)) {
      const day = r.ceilingReachedOn?.high;
      const when = day ? `, and at the current daily rate spend reaches it on ${dayDate(w, day)}` : '';
      out.push({
        code: 'projected-over-ceiling',
        severity: 'error',
        message: `${w.month} is on track for ${formatMoney(r.projectedMonthUsd)}, over the ${ceiling} ceiling by ${formatUsd(high.minus(r.ceilingUsd))}${when} (${formatMoney(r.monthToDateUsd)} in ${w.daysElapsed} of ${w.daysInMonth} days).`,
      });
    }
  }
  for (const x of r.byWorkload) {
    if (x.generationsPerKeptClip === null || x.plannedRegenerationFactor === null || !x.generationsPerKeptClip.gt(x.plannedRegenerationFactor)) continue;
    out.push({
      code: 'regeneration-above-plan',
      severity: 'warning',
      workload: x.workload ?? undefined,
      message: `Workload ${x.workload}: ${formatNumber(x.generationsPerKeptClip)} generations per kept clip (${x.succeededGenerations} for ${x.keptClips} kept), above the plan's regeneration_factor ${formatNumber(x.plannedRegenerationFactor)}.`,
    });
  }
  for (const o of r.byOffering) {
    if (o.driftRows > 0 && o.driftExample) {
      const ex = o.driftExample;
      out.push({
        code: 'price-drift',
        severity: 'warning',
        offering: o.offering,
        message: `${o.offering}: ${rows(o.driftRows)} ${o.driftRows === 1 ? 'reports' : 'report'} a charge more than 1% from vidcost's price (first at ${ex.place.file}:${ex.place.line}: reported $${moneyString(dec(ex.usd))}, vidcost's price ${formatMoney(ex.priced)}); the sheet or the bill is wrong: check the vendor's pricing page and invoice.`,
      });
    }
    if (!o.known || o.unpricedReason !== null) {
      const unreported = o.generations + o.billingRows - o.reportedRows;
      const inSomeSheet = knownIds.includes(o.offering);
      const near = inSomeSheet ? undefined : nearMiss(o.offering, knownIds);
      const what = o.known
        ? `has no price for some rows (${o.unpricedReason})`
        : inSomeSheet
          ? `is ${o.unpricedReason}`
          : `is not an offering in the price sheets${near ? ` (did you mean ${near}?)` : ''}`;
      const spend =
        unreported === 0
          ? `its reported spend, ${formatMoney(o.monthToDateUsd)}, is counted`
          : `its reported spend is counted and ${rows(unreported)} without a reported charge make the spend at least ${formatMoney(o.monthToDateUsd)}`;
      out.push({ code: 'unpriced-usage', severity: 'warning', offering: o.offering, message: `${o.offering} ${what}: ${spend}.` });
    }
    if (o.failedBillingUnknownRows > 0) {
      out.push({
        code: 'failed-billing-unknown',
        severity: 'warning',
        offering: o.offering,
        message: `${o.offering}: ${rows(o.failedBillingUnknownRows)} failed or canceled with no reported charge, and its price sheet does not say whether failures are billed: they count from $0 to their full price (log the vendor's charge in usd, or set bills_failed in the sheet).`,
      });
    }
  }
  if (r.rowsOutsideMonth > 0) {
    const parts = [
      r.rowsBeforeMonth > 0 && `${formatNumber(dec(r.rowsBeforeMonth))} before ${dayDate(w, 1)}`,
      r.rowsAfterAsOf > 0 && `${formatNumber(dec(r.rowsAfterAsOf))} after ${r.asOf}`,
    ].filter(Boolean);
    out.push({
      code: 'rows-outside-month',
      severity: 'info',
      message: `${rows(r.rowsOutsideMonth)} ${r.rowsOutsideMonth === 1 ? 'falls' : 'fall'} outside ${dayDate(w, 1)} to ${r.asOf} (${parts.join(', ')}) and are left out of every figure.`,
    });
  }
  return out;
}

/** The whole engine in one call, for the library: rows in (any order), report out. */
export function actuals(
  sheets: ConstructorParameters<typeof ActualsAccumulator>[0],
  rows: Iterable<UsageRow>,
  options: ConstructorParameters<typeof ActualsAccumulator>[1],
  file = 'usage',
): ActualsReport {
  const acc = new ActualsAccumulator(sheets, options);
  let line = 0;
  for (const row of rows) acc.add(row, file, ++line);
  return actualsReport(acc);
}
