// `vidcost sweep` in every format. The sparklines only place characters; every figure printed is
// an exact decimal from the engine, rounded to the cent for people.
import { advisorySection } from './advisories.js';
import { type Dec, moneyString, plainString } from '../money/decimal.js';
import { ratioOf } from '../money/decimal-ops.js';
import { formatNumber, formatUsd } from '../money/format.js';
import type { Cover } from '../engine/plan-cover.js';
import type { SweepReport } from '../engine/sweep.js';
import type { Curve } from '../engine/sweep-pieces.js';
import { FIELD_LIMITS } from '../engine/sweep.js';
import { renderCsv } from './csv.js';
import { fit } from './forecast.js';
import type { Section, View } from './view.js';

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value, ▁ (0) to █ (max); a space where unknown. */
export function sparkline(values: readonly (Dec | null)[], max: Dec): string {
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (max.lte(0)) return SPARKS[0]!;
      const i = Math.min(7, Math.max(0, Math.round(ratioOf(v, max) * 7)));
      return SPARKS[i]!;
    })
    .join('');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SINGULAR: Record<string, string> = { clips: 'clip', s: 's', generations: 'generation' };

function valueText(report: SweepReport, x: Dec): string {
  const unit = FIELD_LIMITS[report.field].unit;
  return `${formatNumber(x, 6)} ${x.eq(1) ? (SINGULAR[unit] ?? unit) : unit}`;
}

/** "1 × Team + 2 × Starter" */
export function plansText(cover: Cover): string {
  return cover.plans.length === 0 ? 'no plan' : cover.plans.map((p) => `${p.count} × ${p.plan.name}`).join(' + ');
}

export function sweepHeadline(report: SweepReport): string {
  const start = report.startCheapest;
  if (report.crossovers.length === 0) return capitalize(report.note ?? 'no crossover in this range');
  const first = report.crossovers[0]!;
  const more = report.crossovers.length > 1 ? ` (${report.crossovers.length} changes in this range)` : '';
  return `Cheapest at ${valueText(report, report.from)}: ${start}; ${first.sentence}${more}.`;
}

export interface SweepViewOptions {
  bars: boolean;
  /** every advisory on its own line */
  verbose?: boolean;
}

function ranked(report: SweepReport, i: number): { label: string; value: Dec }[] {
  return report.curves
    .filter((c) => c.points[i] !== null && c.points[i] !== undefined)
    .map((c) => ({ label: c.label, value: c.points[i]! }))
    .sort((a, b) => a.value.cmp(b.value) || a.label.localeCompare(b.label));
}

export function sweepView(report: SweepReport, options: SweepViewOptions = { bars: true }): View {
  const sections: Section[] = [];
  const lines = report.crossovers.map((c) => `${capitalize(c.sentence)}.`);
  if (lines.length === 0 && report.note) lines.push(`${capitalize(report.note)}.`);
  sections.push({ heading: 'Where the cheapest offering changes (solved exactly)', lines });
  if (report.planChanges.length > 0) {
    const shown = report.planChanges.slice(0, 30);
    sections.push({
      heading: 'Where one set of plans stops covering the volume',
      lines: [
        ...shown.map(
          (p) =>
            `${p.curve}: above ${formatQ(p.at)} ${FIELD_LIMITS[report.field].words}, ${plansText(p.after)} (${formatUsd(p.usdAfter)}) instead of ${plansText(p.before)} (${formatUsd(p.usdBefore)}).`,
        ),
        ...(report.planChanges.length > shown.length
          ? [`… and ${report.planChanges.length - shown.length} more plan changes in this range (all of them in --format json).`]
          : []),
      ],
    });
  }
  const columns = [
    { header: capitalize(FIELD_LIMITS[report.field].words), align: 'right' as const },
    { header: 'Cheapest' },
    { header: 'Monthly', align: 'right' as const },
    { header: 'Runner-up' },
    { header: 'Costs more by', align: 'right' as const },
  ];
  let rows = report.steps.map((x, i) => {
    const r = ranked(report, i);
    return [
      formatNumber(x, 6),
      r[0]?.label ?? 'none',
      r[0] ? formatUsd(r[0].value) : '–',
      r[1]?.label ?? '–',
      r[0] && r[1] ? formatUsd(r[1].value.minus(r[0].value)) : '–',
    ];
  });
  const natural = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i]!.length)) + 3).reduce((a, b) => a + b, 0);
  if (options.bars && natural > 81) {
    columns.splice(3, 2);
    rows = rows.map((r) => r.slice(0, 3));
  }
  sections.push({ heading: 'Monthly cost at each step (whole scenario on one offering)', table: { columns, rows } });
  if (report.route) {
    const route = report.route;
    sections.push({
      heading: 'Recommended route at each step (each workload on its cheapest offering, as estimate recommends)',
      table: {
        columns: [
          { header: capitalize(FIELD_LIMITS[report.field].words), align: 'right' },
          { header: 'Route monthly', align: 'right' },
          { header: 'Cheapest single', align: 'right' },
          { header: 'Route saves', align: 'right' },
        ],
        rows: report.steps.map((x, i) => {
          const single = ranked(report, i)[0]?.value ?? null;
          const r = route[i] ?? null;
          return [
            formatNumber(x, 6),
            r === null ? 'unknown' : formatUsd(r),
            single === null ? 'unknown' : formatUsd(single),
            r !== null && single !== null ? formatUsd(single.minus(r)) : '–',
          ];
        }),
      },
    });
  } else if (report.routeNote) sections.push({ lines: [`${capitalize(report.routeNote)}.`] });
  const known = report.curves.filter((c) => c.known);
  if (options.bars && known.length > 0) {
    let max: Dec | null = null;
    for (const c of known) for (const p of c.points) if (p !== null && (max === null || p.gt(max))) max = p;
    const labelWidth = Math.min(28, Math.max(...known.map((c) => c.label.length)));
    const width = Math.min(report.steps.length, 78 - labelWidth - 2 - 26);
    const pick = (c: Curve) => sample(c.points, width);
    sections.push({
      heading: `Curves: monthly cost from ${valueText(report, report.from)} (left) to ${valueText(report, report.to)} (right), ▁ $0 to █ ${formatUsd(max!)}`,
      lines: known.map((c) => {
        const first = c.points[0]!;
        const last = c.points[c.points.length - 1]!;
        return `${fit(c.label, labelWidth)} ${sparkline(pick(c), max!)} ${formatUsd(first)}–${formatUsd(last)}`;
      }),
    });
  }
  const unknown = report.curves.filter((c) => !c.known);
  if (unknown.length > 0) sections.push({ lines: unknown.map((c) => `Unknown, never 0: ${c.label} (${c.reason}).`) });
  // the same advisories as the estimate of the scenario as written (sunsets, stale prices, ...)
  sections.push(...advisorySection(report.estimate.advisories, { verbose: Boolean(options.verbose) }));
  const workloads = report.estimate.workloads.length;
  return {
    title: `vidcost sweep: ${report.scenario}`,
    headline: sweepHeadline(report),
    subtitle: [
      `${report.field} of workload "${report.workload}" from ${formatNumber(report.from, 6)} to ${formatNumber(report.to, 6)} in ${report.steps.length} steps; ${workloads > 1 ? 'the other workloads as written; ' : ''}prices in force on ${report.asOf}; ${report.channel} channel; USD per month.`,
    ],
    sections,
  };
}

function sample<T>(values: readonly T[], width: number): T[] {
  if (values.length <= width) return [...values];
  return Array.from({ length: width }, (_, i) => values[Math.round((i * (values.length - 1)) / (width - 1))]!);
}

function formatQ(x: Dec): string {
  const exact = x.toExactDecimal();
  if (exact !== null) return formatNumber(exact, 20);
  return `${formatNumber(x.toDecimal(4), 4)}… (exactly ${x.toExactString()})`;
}

// --- json and csv ------------------------------------------------------------------------------

export function sweepJson(report: SweepReport): unknown {
  return {
    schemaVersion: 1,
    kind: 'sweep',
    scenario: report.scenario,
    asOf: report.asOf,
    currency: 'USD',
    channel: report.channel,
    vary: { workload: report.workload, field: report.field, from: plainString(report.from), to: plainString(report.to), steps: report.steps.length },
    steps: report.steps.map(plainString),
    curves: report.curves.map((c) => ({
      curve: c.label,
      offering: c.offering,
      channel: c.channel,
      known: c.known,
      reason: c.reason,
      monthlyUsd: c.points.map((p) => (p === null ? null : moneyString(p))),
      segments: c.pieces.map((p) => ({
        from: p.lo.toExactString(),
        to: p.hi.toExactString(),
        intercept: p.a.toExactString(),
        slope: p.b.toExactString(),
        ...(p.cover ? { plans: p.cover.plans.map((x) => ({ plan: x.plan.name, count: x.count })) } : {}),
      })),
    })),
    cheapest: report.steps.map((x, i) => ({ value: plainString(x), curve: report.cheapest[i] })),
    startCheapest: report.startCheapest,
    crossovers: report.crossovers.map((c) => ({ at: c.atExact, atDecimal: c.atDecimal, was: c.was, cheaper: c.cheaper, sentence: c.sentence })),
    planChanges: report.planChanges.map((p) => ({
      curve: p.curve,
      at: p.atExact,
      atDecimal: p.atDecimal,
      before: { plans: p.before.plans.map((x) => ({ plan: x.plan.name, count: x.count })), monthlyUsd: moneyString(p.usdBefore) },
      after: { plans: p.after.plans.map((x) => ({ plan: x.plan.name, count: x.count })), monthlyUsd: moneyString(p.usdAfter) },
    })),
    note: report.note,
    route: report.route
      ? report.steps.map((x, i) => ({ value: plainString(x), monthlyUsd: report.route![i] === null ? null : moneyString(report.route![i]!) }))
      : null,
    routeNote: report.routeNote,
    advisories: report.estimate.advisories,
  };
}

export function sweepCsv(report: SweepReport): string {
  const header = ['scenario', 'asOf', 'workload', 'field', 'row', 'value', 'curve', 'monthlyUsd', 'cheapest', 'note'];
  const base = [report.scenario, report.asOf, report.workload, report.field];
  const rows: (string | number | boolean | null)[][] = [];
  report.steps.forEach((x, i) => {
    for (const c of report.curves) {
      const p = c.points[i] ?? null;
      rows.push([...base, 'point', plainString(x), c.label, p === null ? null : moneyString(p), report.cheapest[i] === c.label, c.known ? null : c.reason]);
    }
  });
  if (report.route)
    report.steps.forEach((x, i) =>
      rows.push([...base, 'route', plainString(x), 'recommended route', report.route![i] === null ? null : moneyString(report.route![i]!), null, null]),
    );
  for (const c of report.crossovers) rows.push([...base, 'crossover', c.atExact, c.cheaper, null, null, c.sentence]);
  for (const p of report.planChanges)
    rows.push([...base, 'plan-change', p.atExact, p.curve, moneyString(p.usdAfter), null, `${plansText(p.after)} instead of ${plansText(p.before)}`]);
  return renderCsv(header, rows);
}
