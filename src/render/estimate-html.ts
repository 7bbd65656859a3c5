// `vidcost estimate --format html` and `vidcost diff --format html`: the report page of html.ts with
// a bar chart (bar-chart.ts) of the monthly cost per offering against the ceiling, base against now
// for a comparison, or of the changed rates when a diff has no scenario.
import type { Comparison } from '../engine/compare.js';
import type { DiffReport } from '../engine/diff.js';
import type { EstimateReport } from '../engine/estimate.js';
import { budgetOf } from '../money/figure.js';
import type { BarChart, ChartBar } from './bar-chart.js';
import { estimateSummary, offeringSources } from './budget-summary.js';
import { compareView } from './compare.js';
import { diffView, variantLabel } from './diff.js';
import { byBudget, estimateView } from './estimate.js';
import { renderHtml } from './html.js';

const byBarBudget = byBudget(
  (b: ChartBar) => (b.value ? budgetOf(b.value) : null),
  (b) => b.label,
);

function comparisonBars(c: Comparison): ChartBar[] {
  const r = c.recommendation;
  const route: ChartBar = { label: 'recommended route', value: r.complete ? r.nowFigure : null, base: r.baseComplete ? r.baseFigure : null, highlight: true };
  const bars = c.totals
    .filter((t) => t.eligible || t.baseEligible)
    .map((t) => ({ label: t.offering, value: t.eligible ? t.nowFigure : null, base: t.baseEligible ? t.baseFigure : null }))
    .sort(byBarBudget);
  return [route, ...bars];
}

/** The HTML of `vidcost estimate --format html` (with `--compare-to`: base and current bars). */
export function estimateHtml(report: EstimateReport, comparison?: Comparison): string {
  const r = report.recommendation;
  let chart: BarChart;
  if (comparison) {
    chart = {
      title: `Monthly cost per offering, whole scenario: ${comparison.baseLabel} against now`,
      style: 'money',
      bars: comparisonBars(comparison),
      ceiling: report.ceiling,
      baseName: `base ${comparison.baseAsOf}`,
      nowName: `now ${comparison.asOf}`,
    };
  } else {
    const bars = report.totals
      .filter((t) => t.eligible)
      .map((t): ChartBar => ({ label: t.offering, value: t.monthlyUsd }))
      .sort(byBarBudget);
    chart = {
      title: `Monthly cost per offering, whole scenario, prices in force on ${report.asOf}`,
      style: 'money',
      bars: [{ label: 'recommended route', value: r.complete ? r.monthlyUsd : null, highlight: true }, ...bars],
      ceiling: report.ceiling,
    };
  }
  return renderHtml({ view: comparison ? compareView(report, comparison) : estimateView(report), chart, summary: estimateSummary(report) });
}

/** The HTML of `vidcost diff --format html`: monthly cost with a scenario, else the changed rates. */
export function diffHtml(report: DiffReport): string {
  let chart: BarChart | null;
  if (report.impact) {
    const c = report.impact.comparison;
    chart = {
      title: `Monthly cost per offering, scenario "${report.impact.scenario}": base against new prices`,
      style: 'money',
      bars: comparisonBars(c),
      ceiling: report.impact.now.ceiling,
      baseName: `base ${report.base.asOf}`,
      nowName: `new ${report.now.asOf}`,
    };
  } else {
    const changed = report.rates.filter((r) => r.status !== 'unchanged');
    chart = changed.length
      ? {
          title: 'USD per second of video, changed rates: base against new',
          style: 'rate',
          bars: changed.map((r) => ({ label: `${r.offering} ${variantLabel(r)}`, value: r.usdPerSecond.nowFigure, base: r.usdPerSecond.baseFigure })),
          ceiling: null,
          baseName: 'base',
          nowName: 'new',
        }
      : null;
  }
  const ids = [...report.offerings.map((o) => o.offering), ...report.rates.map((r) => r.offering)];
  const summary = report.impact ? estimateSummary(report.impact.now) : null;
  return renderHtml({ view: diffView(report), chart, summary, ids, moreSources: report.impact ? offeringSources(report.impact.base) : undefined });
}
