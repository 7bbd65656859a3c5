// `vidcost forecast --format html` and `vidcost sweep --format html`: the report page of html.ts
// (self-contained, no script, a CSP that forbids every request) with inline SVG charts: P10–P90
// spans with the P50 mark and the ceiling line, a tornado of the drivers, and cost curves with the
// crossovers. Every string a user wrote (scenario, workload and offering names) is escaped; money
// is only placed on the chart here, never computed.
import type { ForecastReport } from '../engine/forecast.js';
import type { SweepReport } from '../engine/sweep.js';
import { type Dec, dec } from '../money/decimal.js';
import { formatNumber, formatUsd } from '../money/format.js';
import { estimateSummary, forecastSummary } from './budget-summary.js';
import { forecastView, inputLabel } from './forecast.js';
import { renderHtml } from './html.js';
import { escapeHtml } from './safe-text.js';
import { sweepView } from './sweep.js';

const LABEL_W = 200;
const PLOT_W = 420;
const VALUE_W = 170;
const WIDTH = LABEL_W + PLOT_W + VALUE_W;
const ROW_H = 24;
const TOP = 38;

const SVG_STYLE = `<style>
.fc text { font: 12px system-ui, -apple-system, "Segoe UI", sans-serif; fill: #1b1f24; }
.fc .span { fill: #2f6fdb; opacity: 0.35; }
.fc .p50 { fill: #2f6fdb; }
.fc .mean { fill: #fff; stroke: #1b1f24; stroke-width: 1.2; }
.fc .route text.label { font-weight: 700; }
.fc .ceiling { stroke: #cf222e; stroke-width: 2; stroke-dasharray: 6 4; }
.fc text.ceiling-label { fill: #cf222e; font-weight: 600; }
.fc .axis { stroke: #d0d7de; }
.fc text.tick { fill: #57606a; font-size: 11px; }
.fc .low { fill: #2da44e; opacity: 0.75; }
.fc .high { fill: #cf222e; opacity: 0.75; }
.fc .baseline { stroke: #1b1f24; stroke-width: 1.5; }
.fc .curve { fill: none; stroke-width: 2; }
.fc .cross { stroke: #1b1f24; stroke-dasharray: 3 3; }
</style>`;

/** Pixel offset of a money value on a 0..max scale (drawing only). */
function px(d: Dec | number, max: number, width = PLOT_W): number {
  const v = typeof d === 'number' ? d : Number(d.toString());
  return max <= 0 ? 0 : Math.round((v / max) * width * 10) / 10;
}

function ticks(max: number, y1: number, y2: number, format: (v: number) => string, x0 = LABEL_W, width = PLOT_W): string[] {
  const out: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const x = x0 + Math.round(((width * i) / 4) * 10) / 10;
    out.push(
      `<line class="axis" x1="${x}" y1="${y1}" x2="${x}" y2="${y2}"/>`,
      `<text class="tick" x="${x}" y="${y2 + 14}" text-anchor="middle">${escapeHtml(format(v))}</text>`,
    );
  }
  return out;
}

const usdTick = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;

/** P10–P90 spans with the P50 mark and the mean, one row per offering, the route first. */
export function spreadSvg(report: ForecastReport): string {
  const rows = [
    {
      label: report.recommendation.offering === 'route' ? 'recommended route' : `route: ${report.recommendation.offering}`,
      row: report.recommendation,
      route: true,
    },
    ...report.offerings
      .filter((o) => o.stats)
      .sort((a, b) => a.stats!.p50.cmp(b.stats!.p50))
      .map((o) => ({ label: o.offering, row: o, route: false })),
  ].filter((r) => r.row.stats);
  let max = report.ceiling === null ? 0 : Number(report.ceiling.toString());
  for (const r of rows) max = Math.max(max, Number(r.row.stats!.p90.toString()));
  const bottom = TOP + rows.length * ROW_H;
  const height = bottom + 30;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart fc" role="img" aria-labelledby="spread-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    SVG_STYLE,
  ];
  out.push(`<title id="spread-title">Monthly cost, P10 to P90 with the P50 mark, ${report.trials} trials</title>`);
  out.push(...ticks(max, TOP - 6, bottom, usdTick));
  rows.forEach((r, i) => {
    const s = r.row.stats!;
    const y = TOP + i * ROW_H;
    const x10 = LABEL_W + px(s.p10, max);
    const x90 = LABEL_W + px(s.p90, max);
    const x50 = LABEL_W + px(s.p50, max);
    const xm = LABEL_W + px(s.mean, max);
    out.push(`<g${r.route ? ' class="route"' : ''}>`);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + 12}" text-anchor="end">${escapeHtml(r.label)}</text>`);
    out.push(`<rect class="span" x="${x10}" y="${y + 2}" width="${Math.max(1, Math.round((x90 - x10) * 10) / 10)}" height="14"/>`);
    out.push(`<rect class="p50" x="${x50 - 1.5}" y="${y}" width="3" height="18"/>`);
    out.push(`<circle class="mean" cx="${xm}" cy="${y + 9}" r="3"/>`);
    out.push(`<text x="${LABEL_W + PLOT_W + 8}" y="${y + 12}">${escapeHtml(`P50 ${formatUsd(s.p50)}`)}</text>`);
    out.push('</g>');
  });
  if (report.ceiling !== null) {
    const x = LABEL_W + px(report.ceiling, max);
    out.push(
      `<line class="ceiling" x1="${x}" y1="${TOP - 10}" x2="${x}" y2="${bottom}"/>`,
      `<text class="ceiling-label" x="${x}" y="${TOP - 14}" text-anchor="middle">ceiling ${escapeHtml(formatUsd(report.ceiling))}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The tornado: for each input, the route's cost at its low (green) and at its high (red) about the baseline. */
export function tornadoSvg(report: ForecastReport): string | null {
  const drivers = report.drivers.filter((d) => d.swing.gt(0));
  if (drivers.length === 0 || report.baseline === null) return null;
  let max = Number(report.baseline.toString());
  for (const d of drivers) max = Math.max(max, Number(d.atLow.toString()), Number(d.atHigh.toString()));
  const bottom = TOP + drivers.length * ROW_H;
  const height = bottom + 30;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart fc" role="img" aria-labelledby="tornado-title" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    SVG_STYLE,
  ];
  out.push('<title id="tornado-title">What drives the spread: the route\'s monthly cost with one input at its low (green) and its high (red)</title>');
  out.push(...ticks(max, TOP - 6, bottom, usdTick));
  const xb = LABEL_W + px(report.baseline, max);
  drivers.forEach((d, i) => {
    const y = TOP + i * ROW_H;
    const xl = LABEL_W + px(d.atLow, max);
    const xh = LABEL_W + px(d.atHigh, max);
    out.push(`<text class="label" x="${LABEL_W - 8}" y="${y + 12}" text-anchor="end">${escapeHtml(inputLabel(d.input))}</text>`);
    out.push(`<rect class="low" x="${Math.min(xl, xb)}" y="${y + 2}" width="${Math.round(Math.abs(xb - xl) * 10) / 10}" height="14"/>`);
    out.push(`<rect class="high" x="${Math.min(xh, xb)}" y="${y + 2}" width="${Math.round(Math.abs(xh - xb) * 10) / 10}" height="14"/>`);
    out.push(`<text x="${LABEL_W + PLOT_W + 8}" y="${y + 12}">${escapeHtml(`swing ${formatUsd(d.swing)}`)}</text>`);
  });
  out.push(
    `<line class="baseline" x1="${xb}" y1="${TOP - 10}" x2="${xb}" y2="${bottom}"/>`,
    `<text class="tick" x="${xb}" y="${TOP - 14}" text-anchor="middle">${escapeHtml(`baseline ${formatUsd(report.baseline)}`)}</text>`,
  );
  out.push('</svg>');
  return out.join('\n');
}

const PALETTE = ['#2f6fdb', '#cf222e', '#2da44e', '#9a6700', '#8250df', '#1b7c83', '#bf3989', '#57606a', '#d1242f', '#0969da'];

/** Cost curves per offering across the swept range, the cheapest changes marked. */
export function curvesSvg(report: SweepReport): string | null {
  const curves = report.curves.filter((c) => c.points.some((p) => p !== null));
  if (curves.length === 0) return null;
  const xs = report.steps.map((s) => Number(s.toString()));
  const x0 = xs[0]!;
  const x1 = xs[xs.length - 1]!;
  let max = 0;
  for (const c of curves) {
    for (const p of c.points) if (p !== null) max = Math.max(max, Number(p.toString()));
    for (const p of c.pieces) max = Math.max(max, Number(p.a.n) / Number(p.a.d) + (Number(p.b.n) / Number(p.b.d)) * (Number(p.hi.n) / Number(p.hi.d)));
  }
  const plotH = 260;
  const legendTop = TOP + plotH + 34;
  const height = legendTop + Math.ceil(curves.length / 2) * 18 + 10;
  const width = WIDTH;
  const left = 70;
  const plotW = width - left - 30;
  const X = (v: number) => left + (x1 === x0 ? 0 : Math.round(((v - x0) / (x1 - x0)) * plotW * 10) / 10);
  const Y = (v: number) => TOP + plotH - (max <= 0 ? 0 : Math.round((v / max) * plotH * 10) / 10);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart fc" role="img" aria-labelledby="curves-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    SVG_STYLE,
  ];
  out.push(
    `<title id="curves-title">${escapeHtml(`Monthly cost as ${report.field} of ${report.workload} goes from ${formatNumber(report.from, 6)} to ${formatNumber(report.to, 6)}`)}</title>`,
  );
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    out.push(
      `<line class="axis" x1="${left}" y1="${Y(v)}" x2="${left + plotW}" y2="${Y(v)}"/>`,
      `<text class="tick" x="${left - 6}" y="${Y(v) + 4}" text-anchor="end">${escapeHtml(usdTick(v))}</text>`,
    );
    const xv = x0 + ((x1 - x0) * i) / 4;
    out.push(`<text class="tick" x="${X(xv)}" y="${TOP + plotH + 16}" text-anchor="middle">${escapeHtml(formatNumber(dec(xv.toFixed(6)), 2))}</text>`);
  }
  curves.forEach((c, k) => {
    const color = PALETTE[k % PALETTE.length]!;
    let d = '';
    if (c.pieces.length > 0 && c.pieces.length <= 4000) {
      // the exact pieces: lines where the cost is linear, vertical jumps where a step (a whole clip, a plan) begins
      const num = (q: { n: bigint; d: bigint }) => Number(q.n) / Number(q.d);
      for (const p of c.pieces) {
        const lo = num(p.lo);
        const hi = num(p.hi);
        const a = num(p.a);
        const b = num(p.b);
        d += `${d ? ' L' : 'M'}${X(lo)} ${Y(a + b * lo)} L${X(hi)} ${Y(a + b * hi)}`;
      }
    } else {
      c.points.forEach((p, i) => {
        if (p !== null) d += `${d ? ' L' : 'M'}${X(xs[i]!)} ${Y(Number(p.toString()))}`;
      });
    }
    if (d) out.push(`<path class="curve" stroke="${color}" d="${d}"/>`);
    const lx = k % 2 === 0 ? left : left + plotW / 2;
    const ly = legendTop + Math.floor(k / 2) * 18;
    out.push(`<rect x="${lx}" y="${ly - 9}" width="14" height="4" fill="${color}"/><text x="${lx + 20}" y="${ly}">${escapeHtml(c.label)}</text>`);
  });
  for (const cross of report.crossovers) {
    const v = Number(cross.atDecimal);
    if (v < x0 || v > x1) continue;
    out.push(`<line class="cross" x1="${X(v)}" y1="${TOP}" x2="${X(v)}" y2="${TOP + plotH}"/>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

export function forecastHtml(report: ForecastReport): string {
  const figures = [
    { svg: spreadSvg(report), caption: `Monthly cost: the band runs from P10 to P90 of ${report.trials} trials, the bar is P50, the circle the mean.` },
  ];
  const tornado = tornadoSvg(report);
  if (tornado)
    figures.push({
      svg: tornado,
      caption: 'What drives the spread: one input at a time at its low (green) and its high (red), the others at their likely values.',
    });
  return renderHtml({ view: forecastView(report, { bars: false }), chart: null, figures, summary: forecastSummary(report) });
}

export function sweepHtml(report: SweepReport): string {
  const curves = curvesSvg(report);
  const figures = curves
    ? [{ svg: curves, caption: 'Monthly cost per offering across the range; dashed lines mark where the cheapest offering changes.' }]
    : [];
  return renderHtml({
    view: sweepView(report, { bars: false }),
    chart: null,
    figures,
    summary: { ...estimateSummary(report.estimate), basis: `the scenario as written, before ${report.field} of ${report.workload} varies` },
  });
}
