// One self-contained HTML report: no script, no external resource, no network request (a CSP meta
// tag forbids them all), an inline SVG bar chart of the monthly cost per offering against the
// ceiling line, and the report's tables beside it. Every string is HTML-escaped.
import { oneLine } from './safe-text.js';
import type { Comparison } from '../engine/compare.js';
import type { DiffReport } from '../engine/diff.js';
import type { EstimateReport } from '../engine/estimate.js';
import { type Dec, formatUsd, ONE, ratioOf } from '../money/decimal.js';
import { budgetOf, markerOf, type Figure } from '../money/figure.js';
import { formatFigure } from '../money/format.js';
import { compareView } from './compare.js';
import { diffView, variantLabel } from './diff.js';
import { estimateView } from './estimate.js';
import type { Section, View } from './view.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text and attribute values: & < > " ' become entities, so no string can open a tag or leave an attribute. */
export function escapeHtml(text: string): string {
  // line breaks, direction overrides and invisible characters shown as escapes (see safe-text.ts)
  return oneLine(text).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export interface ChartBar {
  label: string;
  /** the figure now (null: not priced on this side) */
  value: Figure | null;
  /** the figure before, for comparisons */
  base?: Figure | null;
  /** drawn first and bold: the recommended route */
  highlight?: boolean;
}

export interface BarChart {
  title: string;
  style: 'money' | 'rate';
  bars: ChartBar[];
  ceiling: Dec | null;
  /** legend names when bars carry a base figure */
  baseName?: string;
  nowName?: string;
}

export interface HtmlReport {
  view: View;
  chart: BarChart | null;
}

// --- chart -------------------------------------------------------------------------------------

const LABEL_W = 210;
const PLOT_W = 380;
const VALUE_W = 150;
const WIDTH = LABEL_W + PLOT_W + VALUE_W;
const TOP = 34;
const BAR_H = 14;

/** Pixel positions only: money is never computed in floating point, only drawn. */
function px(d: Dec, max: Dec): number {
  return max.eq(0) ? 0 : Math.round(ratioOf(d, max) * PLOT_W * 10) / 10;
}

function ends(f: Figure | null | undefined): Dec[] {
  if (!f || f.low === null) return [];
  return f.high === null ? [f.low] : [f.low, f.high];
}

function barShapes(f: Figure | null | undefined, y: number, max: Dec, cls: string): string {
  if (!f || f.low === null) return '';
  const x0 = LABEL_W;
  const low = px(f.low, max);
  const parts = [`<rect class="${cls}" x="${x0}" y="${y}" width="${low}" height="${BAR_H}"/>`];
  if (markerOf(f) === 'range') {
    const high = px(f.high!, max);
    parts.push(`<rect class="${cls} spread" x="${x0 + low}" y="${y}" width="${Math.round((high - low) * 10) / 10}" height="${BAR_H}"/>`);
  }
  if (markerOf(f) === 'from') parts.push(`<path class="${cls} open" d="M${x0 + low} ${y} l8 ${BAR_H / 2} l-8 ${BAR_H / 2} z"/>`);
  return parts.join('');
}

function valueText(f: Figure | null | undefined, style: 'money' | 'rate'): string {
  return f === null || f === undefined ? 'not priced' : formatFigure(f, style);
}

export function renderChart(chart: BarChart): string {
  const paired = chart.bars.some((b) => b.base !== undefined);
  const rowH = paired ? BAR_H * 2 + 14 : BAR_H + 12;
  const plotBottom = TOP + chart.bars.length * rowH;
  const height = plotBottom + (paired ? 34 : 12);
  let max = chart.ceiling ?? null;
  for (const b of chart.bars) for (const d of [...ends(b.value), ...ends(b.base)]) if (max === null || d.gt(max)) max = d;
  const scale = max ?? ONE;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`);
  out.push(`<title id="chart-title">${escapeHtml(chart.title)}</title>`);
  if (paired) {
    const y = plotBottom + 12;
    out.push(`<g class="legend"><rect class="base" x="${LABEL_W}" y="${y}" width="12" height="10"/><text x="${LABEL_W + 16}" y="${y + 9}">${escapeHtml(chart.baseName ?? 'base')}</text>`);
    out.push(`<rect class="now" x="${LABEL_W + 170}" y="${y}" width="12" height="10"/><text x="${LABEL_W + 186}" y="${y + 9}">${escapeHtml(chart.nowName ?? 'now')}</text></g>`);
  }
  chart.bars.forEach((b, i) => {
    const y = TOP + i * rowH;
    const cls = b.highlight ? ' class="route"' : '';
    out.push(`<g${cls}>`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + (paired ? BAR_H + 4 : BAR_H - 3)}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    if (paired) {
      out.push(barShapes(b.base, y, scale, 'base'), `<text class="value" x="${LABEL_W + PLOT_W + 6}" y="${y + BAR_H - 3}">${escapeHtml(valueText(b.base, chart.style))}</text>`);
      out.push(barShapes(b.value, y + BAR_H + 2, scale, 'now'), `<text class="value" x="${LABEL_W + PLOT_W + 6}" y="${y + 2 * BAR_H - 1}">${escapeHtml(valueText(b.value, chart.style))}</text>`);
    } else {
      out.push(barShapes(b.value, y, scale, 'now'), `<text class="value" x="${LABEL_W + PLOT_W + 6}" y="${y + BAR_H - 3}">${escapeHtml(valueText(b.value, chart.style))}</text>`);
    }
    out.push('</g>');
  });
  if (chart.ceiling !== null && max !== null) {
    const x = LABEL_W + px(chart.ceiling, max);
    out.push(`<line class="ceiling" x1="${x}" y1="${TOP - 8}" x2="${x}" y2="${plotBottom}"/>`);
    out.push(`<text class="ceiling-label" x="${x}" y="${TOP - 12}" text-anchor="middle">ceiling ${escapeHtml(formatUsd(chart.ceiling))}</text>`);
  }
  out.push('</svg>');
  return out.filter((line) => line !== '').join('\n');
}

// --- page --------------------------------------------------------------------------------------

function sectionHtml(s: Section): string {
  const out: string[] = ['<section>'];
  if (s.heading) out.push(`<h2>${escapeHtml(s.heading)}</h2>`);
  if (s.table && s.table.rows.length > 0) {
    const cols = s.table.columns;
    const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${cols[i]?.align === 'right' ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
    out.push('<table>', `<thead><tr>${cols.map((c, i) => cell('th', c.header, i)).join('')}</tr></thead>`, '<tbody>');
    for (const row of s.table.rows) out.push(`<tr>${row.map((v, i) => cell('td', v, i)).join('')}</tr>`);
    out.push('</tbody>', '</table>');
  }
  for (const line of s.lines ?? []) out.push(`<p>${escapeHtml(line)}</p>`);
  if (s.notices?.length) {
    out.push('<ul class="advisories">');
    for (const n of s.notices) out.push(`<li class="${escapeHtml(n.severity)}"><strong>${escapeHtml(n.severity)}</strong> <code>${escapeHtml(n.code)}</code> ${escapeHtml(n.text)}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --dim: #57606a; --line: #d0d7de; --now: #2f6fdb; --base: #9aa5b1; --ceiling: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1500px; margin: 0 auto; padding: 24px; }
h1 { font-size: 20px; margin: 0 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 22px 0 8px; overflow-wrap: anywhere; }
.headline { font-size: 17px; font-weight: 600; margin: 8px 0; overflow-wrap: anywhere; }
.sub { color: var(--dim); margin: 2px 0; }
.layout { display: grid; grid-template-columns: minmax(0, 760px) minmax(0, 1fr); gap: 28px; align-items: start; margin-top: 16px; }
@media (max-width: 1200px) { .layout { grid-template-columns: minmax(0, 1fr); } }
figure { margin: 0; position: sticky; top: 12px; }
figcaption { color: var(--dim); font-size: 12px; margin-top: 6px; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg .now { fill: var(--now); }
svg .base { fill: var(--base); }
svg .spread { opacity: 0.45; }
svg .open { opacity: 0.6; }
svg .label, svg .value { fill: var(--ink); }
svg .route .label { font-weight: 700; }
svg .ceiling { stroke: var(--ceiling); stroke-width: 2; stroke-dasharray: 6 4; }
svg .ceiling-label { fill: var(--ceiling); font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f6f8fa; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
section p { margin: 4px 0; overflow-wrap: anywhere; }
ul.advisories { padding-left: 18px; }
ul.advisories li { margin: 4px 0; overflow-wrap: anywhere; }
li.error strong { color: var(--ceiling); }
li.warning strong { color: #9a6700; }
li.info strong { color: var(--now); }
footer { color: var(--dim); font-size: 12px; margin-top: 28px; }
`;

export function renderHtml(report: HtmlReport): string {
  const v = report.view;
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(v.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(v.title)}</h1>`,
  ];
  if (v.headline) out.push(`<p class="headline">${escapeHtml(v.headline)}</p>`);
  for (const line of v.subtitle) out.push(`<p class="sub">${escapeHtml(line)}</p>`);
  out.push('</header>', '<div class="layout">');
  if (report.chart) {
    out.push('<figure>', renderChart(report.chart), `<figcaption>${escapeHtml(report.chart.title)}</figcaption>`, '</figure>');
  }
  out.push('<div class="tables">', ...v.sections.map(sectionHtml), '</div>', '</div>');
  out.push('<footer>Written by vidcost. This file is self-contained: no scripts, no network requests.</footer>', '</main>', '</body>', '</html>', '');
  return out.join('\n');
}

// --- estimate and diff -------------------------------------------------------------------------

function byBudget(a: ChartBar, b: ChartBar): number {
  const ka = a.value ? budgetOf(a.value) : null;
  const kb = b.value ? budgetOf(b.value) : null;
  if (ka === null || kb === null) return ka === null && kb === null ? a.label.localeCompare(b.label) : ka === null ? 1 : -1;
  return ka.cmp(kb) || a.label.localeCompare(b.label);
}

function comparisonBars(c: Comparison): ChartBar[] {
  const r = c.recommendation;
  const route: ChartBar = { label: 'recommended route', value: r.complete ? r.nowFigure : null, base: r.baseComplete ? r.baseFigure : null, highlight: true };
  const bars = c.totals
    .filter((t) => t.eligible || t.baseEligible)
    .map((t) => ({ label: t.offering, value: t.eligible ? t.nowFigure : null, base: t.baseEligible ? t.baseFigure : null }))
    .sort(byBudget);
  return [route, ...bars];
}

/** The HTML of `vidcost estimate --format html` (with `--compare-to`: base and current bars). */
export function estimateHtml(report: EstimateReport, comparison?: Comparison): string {
  const r = report.recommendation;
  let chart: BarChart;
  if (comparison) {
    chart = { title: `Monthly cost per offering, whole scenario: ${comparison.baseLabel} against now`, style: 'money', bars: comparisonBars(comparison), ceiling: report.ceiling, baseName: `base ${comparison.baseAsOf}`, nowName: `now ${comparison.asOf}` };
  } else {
    const bars = report.totals
      .filter((t) => t.eligible)
      .map((t): ChartBar => ({ label: t.offering, value: t.monthlyUsd }))
      .sort(byBudget);
    chart = {
      title: `Monthly cost per offering, whole scenario, prices in force on ${report.asOf}`,
      style: 'money',
      bars: [{ label: 'recommended route', value: r.complete ? r.monthlyUsd : null, highlight: true }, ...bars],
      ceiling: report.ceiling,
    };
  }
  return renderHtml({ view: comparison ? compareView(report, comparison) : estimateView(report), chart });
}

/** The HTML of `vidcost diff --format html`: monthly cost with a scenario, else the changed rates. */
export function diffHtml(report: DiffReport): string {
  let chart: BarChart | null;
  if (report.impact) {
    const c = report.impact.comparison;
    chart = { title: `Monthly cost per offering, scenario "${report.impact.scenario}": base against new prices`, style: 'money', bars: comparisonBars(c), ceiling: report.impact.now.ceiling, baseName: `base ${report.base.asOf}`, nowName: `new ${report.now.asOf}` };
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
  return renderHtml({ view: diffView(report), chart });
}
