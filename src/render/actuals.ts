// `vidcost actuals` as a table, Markdown, JSON and CSV: one place decides what the month says.
import { type Dec, dec, moneyString, plainString } from '../money/decimal.js';
import { markerOf, plus, exact, type Figure } from '../money/figure.js';
import { formatMoney, formatNumber, formatUsd } from '../money/format.js';
import { dayDate, type MonthWindow } from '../engine/actuals.js';
import type { ActualsReport, DayRange, WorkloadActuals } from '../engine/actuals-report.js';
import { renderCsv } from './csv.js';
import { figureFields } from './decimal-json.js';
import type { Section, View } from './view.js';

const count = (n: number) => formatNumber(dec(n));
const decText = (d: Dec | null) => (d === null ? '-' : formatNumber(d));

function isSpread(f: Figure): boolean {
  const m = markerOf(f);
  return m === 'range' || m === 'from';
}

function dayText(w: MonthWindow, d: number | null): string {
  return d === null ? `not by ${dayDate(w, w.daysInMonth)}` : dayDate(w, d);
}

/** "2026-11-14", or "2026-11-12 to 2026-11-16" for a spend range (the earlier day at its high end). */
export function ceilingDayText(w: MonthWindow, r: DayRange, spend: Figure): string {
  if (!isSpread(spend)) return dayText(w, r.high);
  if (r.high === null && spend.high === null) return `${r.low === null ? 'unknown' : `by ${dayDate(w, r.low)} at the latest`} (part of the spend is unknown)`;
  return r.low === r.high ? dayText(w, r.high) : `${dayText(w, r.high)} to ${dayText(w, r.low)}`;
}

export function actualsHeadline(r: ActualsReport): string {
  let text = `Month to date ${formatMoney(r.monthToDateUsd)}, projected ${formatMoney(r.projectedMonthUsd)} for ${r.window.month}`;
  if (r.plannedMonthUsd) text += ` (plan ${formatMoney(r.plannedMonthUsd)})`;
  if (r.ceilingUsd !== null && r.ceilingReachedOn) {
    const { high, low } = r.ceilingReachedOn;
    text +=
      high !== null || low !== null
        ? `; the ${formatUsd(r.ceilingUsd)} ceiling is reached on ${ceilingDayText(r.window, r.ceilingReachedOn, r.monthToDateUsd)}`
        : `; within the ${formatUsd(r.ceilingUsd)} ceiling at the current rate`;
  }
  return text;
}

function workloadName(w: WorkloadActuals): string {
  return w.workload ?? '(none)';
}

export function actualsView(r: ActualsReport): View {
  const w = r.window;
  const sections: Section[] = [];
  const spend: string[] = [
    `Spend ${dayDate(w, 1)} to ${r.asOf}: ${formatMoney(r.monthToDateUsd)} (${count(r.rowsInMonth)} rows; reported charges where the log has them, vidcost's price otherwise)`,
    `Projection: ${formatMoney(r.monthToDateUsd)} × ${w.daysInMonth} days ÷ ${w.daysElapsed} days = ${formatMoney(r.projectedMonthUsd)}`,
  ];
  if (r.plannedMonthUsd) spend.push(`Plan (scenario "${r.scenario}", cheapest route at ${r.asOf} prices): ${formatMoney(r.plannedMonthUsd)}`);
  if (r.rowsSkipped > 0) spend.push(`Billing rows skipped (not video usage billed in seconds): ${count(r.rowsSkipped)}`);
  sections.push({ heading: 'Spend', lines: spend });
  const billing = r.byOffering.some((o) => o.billingRows > 0);
  sections.push({
    heading: 'By offering',
    table: {
      columns: [
        { header: 'offering' },
        { header: 'generations', align: 'right' },
        { header: 'succeeded', align: 'right' },
        { header: 'failed', align: 'right' },
        ...(billing ? [{ header: 'billing rows', align: 'right' as const }] : []),
        { header: 'month to date', align: 'right' },
        { header: "vidcost's price", align: 'right', optional: true },
      ],
      rows: r.byOffering.map((o) => [
        o.offering,
        count(o.generations),
        count(o.succeededGenerations),
        count(o.failedGenerations),
        ...(billing ? [count(o.billingRows)] : []),
        formatMoney(o.monthToDateUsd),
        o.known ? formatMoney(o.pricedUsd) : 'not in sheets',
      ]),
    },
  });
  const planned = r.scenario !== null;
  if (r.byWorkload.length > 0)
    sections.push({
      heading: 'By workload',
      table: {
        columns: [
          { header: 'workload' },
          { header: 'kept clips', align: 'right' },
          { header: 'generations per kept clip', align: 'right' },
          ...(planned ? [{ header: 'planned', align: 'right' as const }] : []),
          { header: 'clips/month projected', align: 'right' },
          ...(planned ? [{ header: 'planned', align: 'right' as const }] : []),
          { header: 'month projected', align: 'right' },
          ...(planned ? [{ header: 'planned', align: 'right' as const }] : []),
        ],
        rows: r.byWorkload.map((x) => [
          workloadName(x),
          count(x.keptClips),
          decText(x.generationsPerKeptClip),
          ...(planned ? [decText(x.plannedRegenerationFactor)] : []),
          formatNumber(x.projectedClipsPerMonth),
          ...(planned ? [decText(x.plannedClipsPerMonth)] : []),
          formatMoney(x.projectedMonthUsd),
          ...(planned ? [x.plannedMonthUsd ? formatMoney(x.plannedMonthUsd) : '-'] : []),
        ]),
      },
    });
  if (r.advisories.length > 0)
    sections.push({ heading: 'Advisories', notices: r.advisories.map((a) => ({ severity: a.severity, code: a.code, text: a.message })) });
  const subtitle = [`${r.asOf} is day ${w.daysElapsed} of ${w.daysInMonth}; money in USD, rounded half-up to the cent for display (JSON keeps exact decimals)`];
  if (r.rowsOutsideMonth > 0) subtitle.push(`${count(r.rowsOutsideMonth)} row${r.rowsOutsideMonth === 1 ? '' : 's'} outside the month left out`);
  return { title: `vidcost actuals: ${w.month}`, headline: actualsHeadline(r), subtitle, sections };
}

function dayRangeFields(r: ActualsReport): Record<string, string | null> {
  const c = r.ceilingReachedOn;
  const date = (d: number | null | undefined) => (d === null || d === undefined ? null : dayDate(r.window, d));
  const out: Record<string, string | null> = { ceilingReachedOn: date(c?.high) };
  if (c && isSpread(r.monthToDateUsd)) {
    out['ceilingReachedOnLow'] = date(c.low);
    out['ceilingReachedOnHigh'] = date(c.high);
  }
  return out;
}

export function actualsJson(r: ActualsReport): unknown {
  const w = r.window;
  const withPlan = r.scenario !== null;
  let cumulative: Figure = exact(dec(0));
  return {
    schemaVersion: 1,
    kind: 'actuals',
    month: w.month,
    asOf: r.asOf,
    currency: 'USD',
    daysElapsed: w.daysElapsed,
    daysInMonth: w.daysInMonth,
    rowsRead: r.rowsRead,
    rowsInMonth: r.rowsInMonth,
    rowsOutsideMonth: r.rowsOutsideMonth,
    rowsSkipped: r.rowsSkipped,
    ...figureFields('monthToDateUsd', r.monthToDateUsd, true),
    ...figureFields('projectedMonthUsd', r.projectedMonthUsd, true),
    ...(withPlan
      ? {
          scenario: r.scenario,
          ...figureFields('plannedMonthUsd', r.plannedMonthUsd!, true),
          ceilingUsd: r.ceilingUsd === null ? null : moneyString(r.ceilingUsd),
          ...dayRangeFields(r),
        }
      : {}),
    byOffering: r.byOffering.map((o) => ({
      offering: o.offering,
      known: o.known,
      generations: o.generations,
      succeededGenerations: o.succeededGenerations,
      failedGenerations: o.failedGenerations,
      billingRows: o.billingRows,
      ...figureFields('monthToDateUsd', o.monthToDateUsd, true),
      ...figureFields('pricedUsd', o.pricedUsd, true),
      reportedRows: o.reportedRows,
      driftRows: o.driftRows,
    })),
    byWorkload: r.byWorkload.map((x) => ({
      workload: x.workload,
      generations: x.generations,
      keptClips: x.keptClips,
      succeededGenerations: x.succeededGenerations,
      generationsPerKeptClip: x.generationsPerKeptClip === null ? null : plainString(x.generationsPerKeptClip),
      projectedClipsPerMonth: plainString(x.projectedClipsPerMonth),
      generationsPerJob: x.perJob ? { jobs: x.perJob.jobs, p10: x.perJob.p10, median: x.perJob.median, p90: x.perJob.p90 } : null,
      ...figureFields('monthToDateUsd', x.monthToDateUsd, true),
      ...figureFields('projectedMonthUsd', x.projectedMonthUsd, true),
      ...(withPlan
        ? {
            plannedClipsPerMonth: x.plannedClipsPerMonth === null ? null : plainString(x.plannedClipsPerMonth),
            plannedRegenerationFactor: x.plannedRegenerationFactor === null ? null : plainString(x.plannedRegenerationFactor),
            ...(x.plannedMonthUsd ? figureFields('plannedMonthUsd', x.plannedMonthUsd, true) : { plannedMonthUsd: null }),
          }
        : {}),
    })),
    byDay: r.byDay.map((f, i) => {
      cumulative = plus(cumulative, f);
      return { date: dayDate(w, i + 1), ...figureFields('usd', f, true), ...figureFields('cumulativeUsd', cumulative, true) };
    }),
    advisories: r.advisories,
  };
}

export function actualsCsv(r: ActualsReport): string {
  const header = [
    'month',
    'asOf',
    'level',
    'name',
    'generations',
    'succeededGenerations',
    'failedGenerations',
    'keptClips',
    'generationsPerKeptClip',
    'monthToDateUsd',
    'monthToDateUsdLow',
    'monthToDateUsdHigh',
    'projectedMonthUsd',
    'projectedMonthUsdLow',
    'projectedMonthUsdHigh',
    'plannedMonthUsd',
  ];
  const m = r.window.month;
  const fig = (name: string, f: Figure) => {
    const x = figureFields(name, f, true);
    return [x[name] ?? null, x[`${name}Low`] ?? null, x[`${name}High`] ?? null];
  };
  const rows: (string | number | null)[][] = [
    [
      m,
      r.asOf,
      'total',
      '',
      r.rowsInMonth,
      null,
      null,
      null,
      null,
      ...fig('m', r.monthToDateUsd),
      ...fig('p', r.projectedMonthUsd),
      r.plannedMonthUsd ? (figureFields('p', r.plannedMonthUsd, true)['p'] ?? null) : null,
    ],
    ...r.byOffering.map((o) => [
      m,
      r.asOf,
      'offering',
      o.offering,
      o.generations + o.billingRows,
      o.succeededGenerations,
      o.failedGenerations,
      null,
      null,
      ...fig('m', o.monthToDateUsd),
      null,
      null,
      null,
      null,
    ]),
    ...r.byWorkload.map((x) => [
      m,
      r.asOf,
      'workload',
      workloadName(x),
      x.generations,
      x.succeededGenerations,
      x.generations - x.succeededGenerations,
      x.keptClips,
      x.generationsPerKeptClip === null ? null : plainString(x.generationsPerKeptClip),
      ...fig('m', x.monthToDateUsd),
      ...fig('p', x.projectedMonthUsd),
      x.plannedMonthUsd ? (figureFields('p', x.plannedMonthUsd, true)['p'] ?? null) : null,
    ]),
  ];
  return renderCsv(
    header,
    rows.map((row) => row.map((v) => (v === null ? null : typeof v === 'number' ? String(v) : v))),
  );
}
