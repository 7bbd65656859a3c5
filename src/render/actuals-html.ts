// `vidcost actuals --format html`: the report page of html.ts (self-contained, no script, a CSP that
// forbids every request) with an inline SVG of cumulative spend by day against the plan's line, the
// linear projection to month end and the ceiling. Money is only placed on the chart here, never
// computed: positions come from exact ratios (ratioOf).
import { type Dec, dec, ZERO } from '../money/decimal.js';
import { divide, ratioOf } from '../money/decimal-ops.js';
import { formatUsd } from '../money/format.js';
import { budgetOf, plus, exact, type Figure } from '../money/figure.js';
import { dayDate } from '../engine/actuals.js';
import type { ActualsReport } from '../engine/actuals-report.js';
import { actualsView } from './actuals.js';
import { renderHtml } from './html.js';
import { escapeHtml } from './safe-text.js';

const LEFT = 70;
const PLOT_W = 560;
const PLOT_H = 260;
const TOP = 30;
const WIDTH = LEFT + PLOT_W + 150;
const HEIGHT = TOP + PLOT_H + 60;

const SVG_STYLE = `<style>
.ac text { font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; fill: #1b1f24; }
.ac .axis { stroke: #d0d7de; }
.ac text.tick { fill: #57606a; font-size: 11px; }
.ac .spent { fill: none; stroke: #2f6fdb; stroke-width: 2.5; }
.ac .spent-band { fill: #2f6fdb; opacity: 0.18; }
.ac .projection { fill: none; stroke: #2f6fdb; stroke-width: 1.5; stroke-dasharray: 5 4; }
.ac .plan { fill: none; stroke: #57606a; stroke-width: 1.5; }
.ac .ceiling { stroke: #cf222e; stroke-width: 2; stroke-dasharray: 6 4; }
.ac text.ceiling-label { fill: #cf222e; font-weight: 600; }
</style>`;

function highOr(f: Figure): Dec | null {
  return budgetOf(f) ?? f.low;
}

/** The chart: x = day of the month, y = cumulative USD. */
export function spendSvg(r: ActualsReport): string {
  const w = r.window;
  const cumulative: Figure[] = [];
  let running: Figure = exact(ZERO);
  for (const f of r.byDay) cumulative.push((running = plus(running, f)));
  const candidates = [highOr(r.projectedMonthUsd), r.plannedMonthUsd ? highOr(r.plannedMonthUsd) : null, r.ceilingUsd, ...cumulative.map(highOr)].filter(
    (d): d is Dec => d !== null,
  );
  let max = candidates.reduce((a, b) => (b.gt(a) ? b : a), ZERO);
  if (max.eq(0)) max = dec(1);
  const X = (day: number) => LEFT + Math.round((day / w.daysInMonth) * PLOT_W * 10) / 10;
  const Y = (d: Dec) => TOP + PLOT_H - Math.round(ratioOf(d, max) * PLOT_H * 10) / 10;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="ac" role="img" aria-labelledby="ac-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">`,
    SVG_STYLE,
  ];
  out.push(`<title id="ac-title">${escapeHtml(`Cumulative spend by day, ${w.month}`)}</title>`);
  for (let i = 0; i <= 4; i++) {
    const v = divide(max.times(dec(i)), dec(4));
    const y = Y(v);
    out.push(
      `<line class="axis" x1="${LEFT}" y1="${y}" x2="${LEFT + PLOT_W}" y2="${y}"/>`,
      `<text class="tick" x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${escapeHtml(formatUsd(v))}</text>`,
    );
  }
  for (const day of [1, 8, 15, 22, w.daysInMonth])
    out.push(`<text class="tick" x="${X(day)}" y="${TOP + PLOT_H + 16}" text-anchor="middle">${escapeHtml(dayDate(w, day).slice(5))}</text>`);
  if (r.plannedMonthUsd && highOr(r.plannedMonthUsd)) {
    const plan = highOr(r.plannedMonthUsd)!;
    out.push(
      `<line class="plan" x1="${X(0)}" y1="${Y(ZERO)}" x2="${X(w.daysInMonth)}" y2="${Y(plan)}"/>`,
      `<text x="${X(w.daysInMonth) + 6}" y="${Y(plan) + 4}">plan ${escapeHtml(formatUsd(plan))}</text>`,
    );
  }
  if (r.ceilingUsd !== null) {
    const y = Y(r.ceilingUsd);
    out.push(
      `<line class="ceiling" x1="${LEFT}" y1="${y}" x2="${LEFT + PLOT_W}" y2="${y}"/>`,
      `<text class="ceiling-label" x="${LEFT + PLOT_W + 6}" y="${y + 4}">ceiling ${escapeHtml(formatUsd(r.ceilingUsd))}</text>`,
    );
  }
  const lows = cumulative.map((f) => f.low ?? ZERO);
  const highs = cumulative.map((f) => highOr(f) ?? ZERO);
  if (cumulative.some((_, i) => !highs[i]!.eq(lows[i]!))) {
    const upper = highs.map((d, i) => `${X(i + 1)},${Y(d)}`);
    const lower = lows.map((d, i) => `${X(i + 1)},${Y(d)}`).reverse();
    out.push(`<polygon class="spent-band" points="${X(0)},${Y(ZERO)} ${upper.join(' ')} ${lower.join(' ')}"/>`);
  }
  out.push(`<polyline class="spent" points="${[`${X(0)},${Y(ZERO)}`, ...highs.map((d, i) => `${X(i + 1)},${Y(d)}`)].join(' ')}"/>`);
  const projected = highOr(r.projectedMonthUsd);
  const spent = highs[highs.length - 1] ?? ZERO;
  if (projected !== null) {
    out.push(
      `<polyline class="projection" points="${X(w.daysElapsed)},${Y(spent)} ${X(w.daysInMonth)},${Y(projected)}"/>`,
      `<text x="${X(w.daysInMonth) + 6}" y="${Y(projected) - 8}">projected ${escapeHtml(formatUsd(projected))}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

export function actualsHtml(r: ActualsReport): string {
  const caption =
    'Cumulative spend by day (solid; the shaded band where part of it is a range), the linear projection to month end (dashed), the plan spread evenly over the month (grey) and the ceiling (red).';
  return renderHtml({ view: actualsView(r), chart: null, figures: [{ svg: spendSvg(r), caption }] });
}
