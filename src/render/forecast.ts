// `vidcost forecast` in every format: one place decides what a forecast says. Money is drawn as
// exact decimals; the bars only place characters, they never compute money.
import { advisorySection } from './advisories.js';
import { type Dec, dec, moneyString, plainString } from '../money/decimal.js';
import { ratioOf } from '../money/decimal-ops.js';
import { formatNumber, formatUsd } from '../money/format.js';
import type { Driver, ForecastReport, ForecastRow, UncertainInput } from '../engine/forecast.js';
import { renderCsv } from './csv.js';
import type { Section, View } from './view.js';

const FIELD_WORDS: Record<string, string> = {
  clips_per_month: 'clips a month',
  seconds_per_clip: 'seconds a clip',
  regeneration_factor: 'generations per kept clip',
};

/** "drafts.clips_per_month", or "kling/kling-3.0 price" for a rate range. */
export function inputLabel(input: UncertainInput): string {
  return input.kind === 'rate' ? `${input.offering} price` : `${input.workload}.${input.field}`;
}

function unitWords(input: UncertainInput): string {
  switch (input.unit) {
    case 'usd/s':
      return 'USD per second';
    case 'usd/clip':
      return 'USD per billed clip';
    case 'credits/s':
      return 'credits per second';
    case 'credits/clip':
      return 'credits per billed clip';
    default:
      return FIELD_WORDS[input.field ?? ''] ?? input.unit;
  }
}

function inputLine(input: UncertainInput): string {
  if (input.kind === 'rate') {
    const money = input.unit.startsWith('usd');
    const f = (d: Dec) => (money ? `$${plainString(d)}` : plainString(d));
    return `${inputLabel(input)}: ${f(input.low)} to ${f(input.high)} ${unitWords(input)}, drawn uniformly`;
  }
  return `${inputLabel(input)}: low ${formatNumber(input.low, 6)}, likely ${formatNumber(input.likely, 6)}, high ${formatNumber(input.high, 6)} ${unitWords(input)} (${input.shape === 'pert' ? 'PERT' : 'triangular'})`;
}

/** A probability as a percent to one place, as every forecast figure shows it ("31.4%", "<0.1%"). */
export function percent(p: number): string {
  if (p === 0) return '0%';
  if (p === 1) return '100%';
  const pct = p * 100;
  if (pct < 0.1) return '<0.1%';
  if (pct > 99.9) return '>99.9%';
  return `${pct.toFixed(1)}%`;
}

// --- terminal bars -----------------------------------------------------------------------------

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `value / max × width` cells in eighths of a cell. */
export function hbar(value: Dec, max: Dec, width: number): string {
  if (max.lte(0) || value.lte(0)) return '';
  const eighths = Math.round(ratioOf(value, max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** A P10–P90 span (▒) with the P50 cell (█) on a scale from 0 to max, and the ceiling (│) where it falls on empty cells. */
export function spreadBar(p10: Dec, p50: Dec, p90: Dec, max: Dec, width: number, ceiling: Dec | null): string {
  const at = (d: Dec) => (max.lte(0) ? 0 : Math.min(width - 1, Math.floor(ratioOf(d, max) * (width - 1) + 1e-9)));
  const cells = new Array<string>(width).fill(' ');
  for (let i = at(p10); i <= at(p90); i++) cells[i] = '▒';
  if (ceiling !== null && ceiling.lte(max)) cells[at(ceiling)] = cells[at(ceiling)] === '▒' ? '┃' : '│';
  cells[at(p50)] = '█';
  return cells.join('');
}

// --- view --------------------------------------------------------------------------------------

function rowsOf(report: ForecastReport): { label: string; row: ForecastRow }[] {
  const known = report.offerings.filter((o) => o.stats !== null).sort((a, b) => a.stats!.p50.cmp(b.stats!.p50) || a.offering.localeCompare(b.offering));
  const route = report.recommendation;
  return [{ label: routeLabel(report), row: route }, ...known.map((o) => ({ label: o.offering, row: o }))];
}

function routeLabel(report: ForecastReport): string {
  const r = report.recommendation;
  return r.offering === 'route' ? 'recommended route' : `route: ${r.offering}`;
}

export function headline(report: ForecastReport): string {
  const r = report.recommendation;
  if (!r.stats) return `No forecast for the recommended route: ${r.reason ?? 'unknown'}.`;
  const s = r.stats;
  let text = `Recommended route: P50 ${formatUsd(s.p50)}/month, P10–P90 ${formatUsd(s.p10)}–${formatUsd(s.p90)}`;
  if (report.ceiling !== null && s.probabilityOverCeiling !== null)
    text += `; ${percent(s.probabilityOverCeiling)} chance of going over the ${formatUsd(report.ceiling)} ceiling`;
  return text;
}

export interface ForecastViewOptions {
  /** terminal bars: a chart section of P10–P90 spans and bars beside the drivers */
  bars: boolean;
  /** every advisory on its own line */
  verbose?: boolean;
}

export function forecastView(report: ForecastReport, options: ForecastViewOptions = { bars: true }): View {
  const sections: Section[] = [];
  const rows = rowsOf(report);
  const withCeiling = report.ceiling !== null;
  const columns = [
    { header: 'Offering' },
    { header: 'P10', align: 'right' as const },
    { header: 'P50', align: 'right' as const },
    { header: 'P90', align: 'right' as const },
    ...(withCeiling ? [{ header: 'P(over)', align: 'right' as const }] : []),
    { header: 'Mean', align: 'right' as const },
  ];
  let table = rows.map(({ label, row }) => {
    const s = row.stats;
    if (!s) return [label, 'unknown', 'unknown', 'unknown', ...(withCeiling ? ['unknown'] : []), 'unknown'];
    return [label, formatUsd(s.p10), formatUsd(s.p50), formatUsd(s.p90), ...(withCeiling ? [percent(s.probabilityOverCeiling!)] : []), formatUsd(s.mean)];
  });
  // a terminal is 80 columns: the mean goes first when the table would not fit
  const natural = columns.map((c, i) => Math.max(c.header.length, ...table.map((r) => r[i]!.length)) + 2).reduce((a, b) => a + b + 1, 0);
  if (options.bars && natural > 80) {
    columns.pop();
    table = table.map((r) => r.slice(0, -1));
  }
  sections.push({
    heading: 'Monthly cost per offering (whole scenario on it), and the recommended route',
    table: { columns, rows: table },
    lines: unknownLines(report),
  });
  const known = rows.filter((r) => r.row.stats !== null);
  if (options.bars && known.length > 0) {
    let max = report.ceiling ?? known[0]!.row.stats!.p90;
    for (const { row } of known) if (row.stats!.p90.gt(max)) max = row.stats!.p90;
    const labelWidth = Math.min(24, Math.max(...known.map((r) => r.label.length)));
    const width = 78 - labelWidth - 3;
    const lines = known.map(
      ({ label, row }) => `${fit(label, labelWidth)} ▕${spreadBar(row.stats!.p10, row.stats!.p50, row.stats!.p90, max, width, report.ceiling)}▏`,
    );
    const scaleLine = `${' '.repeat(labelWidth + 2)}$0${formatUsd(max).padStart(width - 2)}`;
    sections.push({
      heading: `Spread: ▒ P10 to P90, █ P50${report.ceiling !== null ? ', │ the ceiling' : ''}; scale $0 to ${formatUsd(max)}`,
      lines: [...lines, scaleLine],
    });
  }
  if (report.drivers.length > 0) {
    const moving = report.drivers.filter((d) => d.swing.gt(0));
    const maxSwing = moving[0]?.swing ?? null;
    const rows = moving.map((d) => [inputLabel(d.input), formatUsd(d.atLow), formatUsd(d.atHigh), formatUsd(d.swing)]);
    const columns = [
      { header: 'Input' },
      { header: 'At low', align: 'right' as const },
      { header: 'At high', align: 'right' as const },
      { header: 'Swing', align: 'right' as const },
    ];
    if (options.bars && maxSwing) {
      // 80 columns: each column is padded by one space a side and set apart by one
      const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i]!.length)));
      let barWidth = 80 - widths.reduce((a, b) => a + b, 0) - 3 * (columns.length + 1) + 1;
      if (barWidth < 6) {
        // no room: drop the two ends, keep the swing and its bar
        columns.splice(1, 2);
        for (const r of rows) r.splice(1, 2);
        barWidth = Math.min(24, 80 - widths[0]! - widths[3]! - 3 * 3 + 1);
      }
      barWidth = Math.min(barWidth, 24);
      columns.push({ header: '' });
      moving.forEach((d, i) => rows[i]!.push(hbar(d.swing, maxSwing, barWidth)));
    }
    sections.push({
      heading: `What drives the spread: the route's monthly cost with one input at its low and at its high, the others at their likely values (baseline ${report.baseline === null ? 'unknown' : formatUsd(report.baseline)})`,
      table: { columns, rows },
      lines:
        report.drivers.length > moving.length
          ? [
              `No effect on the route: ${report.drivers
                .filter((d) => d.swing.eq(0))
                .map((d) => inputLabel(d.input))
                .join(', ')}.`,
            ]
          : [],
    });
  }
  if (report.inputs.length > 0) sections.push({ heading: 'Uncertain inputs', lines: report.inputs.map(inputLine) });
  else sections.push({ lines: ['No input is uncertain: every trial costs the same. Write a field as { low, likely, high } to forecast it.'] });
  // the same advisories as the estimate the forecast starts from (sunsets, stale prices, ...)
  sections.push(...advisorySection(report.estimate.advisories, { verbose: Boolean(options.verbose) }));
  const route = report.recommendation.steps.map((s) => `${s.workload}: ${s.offering ?? 'none'}`).join('; ');
  return {
    title: `vidcost forecast: ${report.scenario}`,
    headline: headline(report),
    subtitle: [
      `${formatNumber(dec(report.trials))} trial${report.trials === 1 ? '' : 's'}, seed ${report.seed}; prices in force on ${report.asOf}; ${report.channel} channel; USD per month. P10: one trial in ten costs less; P90: one in ten costs more.`,
      `Route (from the point estimate): ${route}.`,
    ],
    sections,
  };
}

/** A label cut to `width` characters (the last one an ellipsis) or padded to it, for a bar chart's label column. */
export function fit(label: string, width: number): string {
  return label.length > width ? `${label.slice(0, width - 1)}…` : label.padEnd(width);
}

function unknownLines(report: ForecastReport): string[] {
  const out: string[] = [];
  const unknown = report.offerings.filter((o) => o.eligible && o.stats === null);
  for (const o of unknown) out.push(`Unknown, never 0: ${o.offering} (${o.reason}).`);
  const byReason = new Map<string, string[]>();
  for (const o of report.offerings.filter((x) => !x.eligible))
    byReason.set(o.reason ?? 'not eligible', [...(byReason.get(o.reason ?? 'not eligible') ?? []), o.offering]);
  for (const [reason, ids] of byReason) out.push(`Not eligible, ${reason}: ${ids.join(', ')}`);
  return out;
}

// --- json and csv ------------------------------------------------------------------------------

function statsJson(row: ForecastRow): Record<string, unknown> {
  const s = row.stats;
  return {
    p10: s ? moneyString(s.p10) : null,
    p50: s ? moneyString(s.p50) : null,
    p90: s ? moneyString(s.p90) : null,
    mean: s ? moneyString(s.mean) : null,
    probabilityOverCeiling: s ? s.probabilityOverCeiling : null,
    trialsOverCeiling: s ? s.trialsOverCeiling : null,
  };
}

function inputJson(input: UncertainInput): Record<string, unknown> {
  return {
    name: inputLabel(input),
    kind: input.kind,
    workload: input.workload,
    field: input.field,
    offering: input.offering,
    shape: input.shape,
    unit: input.unit,
    low: plainString(input.low),
    likely: plainString(input.likely),
    high: plainString(input.high),
  };
}

function driverJson(d: Driver): Record<string, unknown> {
  return { ...inputJson(d.input), monthlyUsdAtLow: moneyString(d.atLow), monthlyUsdAtHigh: moneyString(d.atHigh), swingUsd: moneyString(d.swing) };
}

export function forecastJson(report: ForecastReport): unknown {
  const r = report.recommendation;
  return {
    schemaVersion: 1,
    kind: 'forecast',
    scenario: report.scenario,
    asOf: report.asOf,
    currency: report.currency,
    channel: report.channel,
    trials: report.trials,
    seed: report.seed,
    budget: { monthlyCeilingUsd: report.ceiling === null ? null : moneyString(report.ceiling) },
    method: {
      percentiles: 'nearest rank: P10 is the ceil(0.10 × trials)-th cheapest trial, an exact trial cost',
      draws:
        'clips, seconds and regeneration factors drawn as floats and kept as decimals with 2 places (more where the file writes more); a price range drawn uniformly in millionths of its width',
    },
    inputs: report.inputs.map(inputJson),
    offerings: report.offerings.map((o) => ({
      offering: o.offering,
      eligible: o.eligible,
      reason: o.reason,
      ...statsJson(o),
      pointMonthlyUsd: o.point.low === null || o.point.high === null ? null : moneyString(o.point.high),
    })),
    recommendation: {
      offering: r.offering === 'route' ? null : r.offering,
      route: r.steps,
      reason: r.reason,
      ...statsJson(r),
      pointMonthlyUsd: r.point.low === null || r.point.high === null ? null : moneyString(r.point.high),
      baselineMonthlyUsd: report.baseline === null ? null : moneyString(report.baseline),
    },
    drivers: report.drivers.map(driverJson),
    advisories: report.estimate.advisories,
  };
}

export function forecastCsv(report: ForecastReport): string {
  const header = [
    'scenario',
    'asOf',
    'trials',
    'seed',
    'row',
    'name',
    'eligible',
    'reason',
    'p10',
    'p50',
    'p90',
    'mean',
    'probabilityOverCeiling',
    'monthlyUsdAtLow',
    'monthlyUsdAtHigh',
    'swingUsd',
  ];
  const base = [report.scenario, report.asOf, report.trials, report.seed];
  const statRow = (kind: string, name: string, row: ForecastRow) => {
    const s = row.stats;
    return [
      ...base,
      kind,
      name,
      row.eligible,
      row.reason,
      s ? moneyString(s.p10) : null,
      s ? moneyString(s.p50) : null,
      s ? moneyString(s.p90) : null,
      s ? moneyString(s.mean) : null,
      s?.probabilityOverCeiling ?? null,
      null,
      null,
      null,
    ];
  };
  const rows = [
    statRow(
      'route',
      report.recommendation.offering === 'route'
        ? report.recommendation.steps.map((s) => `${s.workload}=${s.offering ?? 'none'}`).join(' ')
        : report.recommendation.offering,
      report.recommendation,
    ),
    ...report.offerings.map((o) => statRow('offering', o.offering, o)),
    ...report.drivers.map((d) => [
      ...base,
      'driver',
      inputLabel(d.input),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      moneyString(d.atLow),
      moneyString(d.atHigh),
      moneyString(d.swing),
    ]),
  ];
  return renderCsv(header, rows);
}
