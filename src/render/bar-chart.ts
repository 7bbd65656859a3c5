// The inline SVG bar chart of the HTML reports: a bar per offering (a range with its lighter
// spread, a lower bound with an open end), base and current bars side by side for a comparison,
// and the ceiling as a line. Money is only placed on the chart here, never computed.
import { type Dec, ONE } from '../money/decimal.js';
import { ratioOf } from '../money/decimal-ops.js';
import { markerOf, type Figure } from '../money/figure.js';
import { formatFigure, formatUsd } from '../money/format.js';
import { escapeHtml } from './safe-text.js';

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
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
  );
  out.push(`<title id="chart-title">${escapeHtml(chart.title)}</title>`);
  if (paired) {
    const y = plotBottom + 12;
    out.push(
      `<g class="legend"><rect class="base" x="${LABEL_W}" y="${y}" width="12" height="10"/><text x="${LABEL_W + 16}" y="${y + 9}">${escapeHtml(chart.baseName ?? 'base')}</text>`,
    );
    out.push(
      `<rect class="now" x="${LABEL_W + 170}" y="${y}" width="12" height="10"/><text x="${LABEL_W + 186}" y="${y + 9}">${escapeHtml(chart.nowName ?? 'now')}</text></g>`,
    );
  }
  chart.bars.forEach((b, i) => {
    const y = TOP + i * rowH;
    const cls = b.highlight ? ' class="route"' : '';
    out.push(`<g${cls}>`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + (paired ? BAR_H + 4 : BAR_H - 3)}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    if (paired) {
      out.push(
        barShapes(b.base, y, scale, 'base'),
        `<text class="value" x="${LABEL_W + PLOT_W + 6}" y="${y + BAR_H - 3}">${escapeHtml(valueText(b.base, chart.style))}</text>`,
      );
      out.push(
        barShapes(b.value, y + BAR_H + 2, scale, 'now'),
        `<text class="value" x="${LABEL_W + PLOT_W + 6}" y="${y + 2 * BAR_H - 1}">${escapeHtml(valueText(b.value, chart.style))}</text>`,
      );
    } else {
      out.push(
        barShapes(b.value, y, scale, 'now'),
        `<text class="value" x="${LABEL_W + PLOT_W + 6}" y="${y + BAR_H - 3}">${escapeHtml(valueText(b.value, chart.style))}</text>`,
      );
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
