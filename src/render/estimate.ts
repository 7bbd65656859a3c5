// `vidcost estimate` in every format: one place decides what an estimate says.
import { type Dec, dec, moneyString, plainString, ZERO } from '../money/decimal.js';
import { budgetOf, markerOf, pointOf, type Figure } from '../money/figure.js';
import { formatFigure, formatMoney, formatNumber, formatUsd } from '../money/format.js';
import type { Cover } from '../engine/plan-cover.js';
import type { EstimateReport, OptionResult, WorkloadResult } from '../engine/estimate.js';
import { renderCsv } from './csv.js';
import { decOrNull, figureEnd, figureFields } from './decimal-json.js';
import type { Section, View } from './view.js';
import { advisorySection } from './advisories.js';
import { compareIds } from '../pricing/catalog.js';

export function coverText(cover: Cover): string {
  const uncounted = uncountedText(cover);
  if (cover.plans.length === 0) return `no plan needed${uncounted}`;
  const plans = cover.plans.map((p) => `${p.count} × ${p.plan.name}`).join(' + ');
  return `${plans}, ${formatNumber(cover.leftover)} credits left over${uncounted}`;
}

/** Plans the cover could not count (allowance or price unknown), named so a reader can check them. */
function uncountedText(cover: Cover): string {
  if (cover.uncounted.length === 0 || cover.plans.length === 0) return '';
  return `; not counted, and may cover it: ${cover.uncounted.map(uncountedPlan).join(', ')}`;
}

/** "Unlimited (credits a month not published)" */
export function uncountedPlan(plan: Cover['uncounted'][number]): string {
  const missing = [pointOf(plan.usdPerMonth) === null && 'price', pointOf(plan.creditsPerMonth) === null && 'credits a month'].filter(Boolean);
  return `${plan.name} (${missing.join(' and ') || 'allowance'} not published)`;
}

/** Plans are per seat: how many seats the route's plans take, and whether the scenario said how many it has. */
function seatLines(report: EstimateReport): string[] {
  const covers = report.recommendation.covers;
  if (covers.length === 0) return [];
  const seats = report.scenarioData.seats ?? null;
  const used = covers.map((c) => `${c.cover.seats} on ${c.vendor}`).join(', ');
  if (seats !== null) return [`Plans are per seat: ${used}, of the ${formatNumber(dec(seats))} seats the scenario has.`];
  if (covers.every((c) => c.cover.seats <= 1)) return [];
  return [`Plans are per seat: this route takes ${used}, one plan each. Set seats: in the scenario to the team's size to price only what it can hold.`];
}

function workloadLine(wr: WorkloadResult): string {
  const w = wr.workload;
  const gens = formatNumber(wr.billedGenerations);
  const clips = formatNumber(w.clipsPerMonth);
  const parts = [
    `${clips} clip${clips === '1' ? '' : 's'} × ${formatNumber(w.secondsPerClip)} s at ${w.resolution}`,
    `${gens} generation${gens === '1' ? '' : 's'} per kept clip`,
  ];
  // `hdr: true` and `requires: [hdr]` ask for the same thing: name each capability once, by the
  // id the scenario and the "lacks ..." reasons use
  const needs = [...new Set([...(w.audio ? ['audio'] : []), ...(w.hdr ? ['hdr'] : []), ...w.requires])];
  if (needs.length) parts.push(`needs ${needs.join(', ')}`);
  if (w.batch) parts.push('a batch tier is accepted');
  return parts.join(', ');
}

function optionNote(o: OptionResult, cheapestId: string | null): string {
  const notes: string[] = [];
  if (o.offering === cheapestId) notes.push('cheapest');
  if (o.cover) notes.push(coverText(o.cover));
  if (o.batch) notes.push('batch tier');
  if (o.overridden) notes.push('*override');
  if (o.reason) notes.push(o.reason);
  else if (markerOf(o.monthlyUsd) === 'range') notes.push('range');
  if (o.priced?.rate.provenance === 'secondary') notes.push('secondary source');
  return notes.join('; ');
}

/** More workloads than this and the table and Markdown views summarise: the cheapest offering per workload and a few advisories per code (JSON and CSV stay complete). */
export const SUMMARY_AFTER_WORKLOADS = 20;

export interface EstimateViewOptions {
  /** every offering of every workload and every advisory, however many workloads there are */
  allRows?: boolean;
  /** every advisory, not rolled up by code */
  verbose?: boolean;
}

export function estimateView(report: EstimateReport, options: EstimateViewOptions = {}): View {
  const summarised = !options.allRows && report.workloads.length > SUMMARY_AFTER_WORKLOADS;
  const route = report.recommendation;
  const sections: Section[] = [];
  if (summarised) sections.push(cheapestPerWorkload(report));
  else
    for (const wr of report.workloads) {
      const step = route.perWorkload.find((s) => s.workload === wr.workload.name);
      const eligible = wr.options.filter((o) => o.eligible).sort(byMonthlyBudget);
      const rows = eligible.map((o) => [
        o.offering,
        o.usdPerSecond ? formatFigure(o.usdPerSecond, 'rate') : '–',
        formatMoney(o.usdPerKeptClip),
        formatMoney(o.monthlyUsd),
        optionNote(o, step?.offering ?? null),
      ]);
      const excluded = wr.options.filter((o) => !o.eligible);
      sections.push({
        heading: `Workload "${wr.workload.name}": ${workloadLine(wr)}`,
        table: {
          columns: [
            { header: 'Offering' },
            { header: report.channel === 'web-app' ? '$/s (plan)' : '$/second', align: 'right', optional: true },
            { header: 'Per kept clip', align: 'right', optional: true },
            { header: 'Monthly', align: 'right' },
            { header: 'Notes' },
          ],
          rows,
        },
        lines: notEligibleLines(excluded),
      });
    }
  const totals = report.totals.filter((t) => t.eligible).sort(byMonthlyBudget);
  if (report.workloads.length > 1 || report.channel === 'web-app') {
    sections.push({
      heading: 'Whole scenario on one offering',
      table: {
        columns: [{ header: 'Offering' }, { header: 'Monthly', align: 'right' }, { header: 'Notes' }],
        rows: totals.map((t) => [
          t.offering,
          formatMoney(t.monthlyUsd),
          [t.cover ? coverText(t.cover) : '', t.overridden ? '*override' : '', t.reason ?? ''].filter(Boolean).join('; '),
        ]),
      },
      lines: report.totals.length > totals.length ? [`${report.totals.length - totals.length} offerings cannot serve every workload.`] : [],
    });
  }
  // summarised, each workload's step is in the first table already
  const routeLines = summarised
    ? []
    : route.perWorkload.map((s) => `${s.workload}: ${s.offering ?? 'none'} ${s.offering ? formatMoney(s.monthlyUsd) : `(${s.reason})`}`);
  for (const c of route.covers) routeLines.push(`${c.vendor} plans: ${coverText(c.cover)} = ${formatUsd(c.cover.usd)}/month`);
  routeLines.push(...seatLines(report));
  if (route.cheapestSingle)
    routeLines.push(`Cheapest single offering for everything: ${route.cheapestSingle.offering} ${formatMoney(route.cheapestSingle.monthlyUsd)}`);
  const partsNote = routeTotalNote(report);
  if (partsNote) routeLines.push(partsNote);
  sections.push({ heading: 'Recommended route', lines: routeLines });
  sections.push(...advisorySection(report.advisories, { verbose: Boolean(options.verbose || options.allRows) }));
  if (report.totals.some((t) => t.overridden)) sections.push({ lines: ["* rests on a value from the scenario's overrides, not on a price sheet."] });
  return {
    title: `vidcost estimate: ${report.scenario}`,
    headline: headline(report),
    subtitle: [
      `Prices in force on ${report.asOf}; ${report.channel} channel; USD per month. ~ approximate, from = lower bound.`,
      // only when nothing is priced: vendors whose first sheet comes later are no news to a scenario priced earlier
      ...(report.catalog.sheets.length === 0 && report.catalog.notYetInForce.length > 0
        ? [`No sheet in force yet on ${report.asOf} for: ${report.catalog.notYetInForce.join(', ')}.`]
        : []),
    ],
    sections,
  };
}

/** A figure's end as the report shows it: rounded to the cent (half up), as formatUsd rounds. */
function shownCents(d: Dec): Dec {
  return dec(d.toFixed(2));
}

/**
 * Why the route's parts, as shown, do not add up to its total, when they do not: each is rounded
 * to the cent on its own while the total is the exact sum rounded once; on the web-app channel,
 * workloads on one vendor share its plans.
 */
export function routeTotalNote(report: EstimateReport): string | null {
  const r = report.recommendation;
  if (!r.complete || r.perWorkload.length < 2) return null;
  if (report.channel === 'web-app') {
    const parts = r.perWorkload.map((s) => budgetOf(s.monthlyUsd));
    const total = budgetOf(r.monthlyUsd);
    if (total === null || parts.some((p) => p === null)) return null;
    const partsSum = parts.reduce<Dec>((a, p) => a.plus(p!), ZERO);
    if (partsSum.eq(total)) return null;
    return `The workloads' own figures add up to ${formatUsd(partsSum)}; the route costs ${formatMoney(r.monthlyUsd)} because workloads on one vendor share that vendor's plans.`;
  }
  for (const end of ['low', 'high'] as const) {
    const total = r.monthlyUsd[end];
    const parts = r.perWorkload.map((s) => s.monthlyUsd[end]);
    if (total === null || parts.some((p) => p === null)) continue;
    const shownSum = parts.reduce<Dec>((a, p) => a.plus(shownCents(p!)), ZERO);
    if (shownSum.eq(shownCents(total))) continue;
    return `Each workload's figure is rounded to the cent on its own, so they add up to ${formatUsd(shownSum)}; the total is their exact sum, ${plainString(total)}, rounded once to ${formatUsd(total)}.`;
  }
  return null;
}

/** One row per workload: its cheapest offering with a known price, i.e. its step of the route. */
function cheapestPerWorkload(report: EstimateReport): Section {
  const rows = report.workloads.map((wr) => {
    const ranked = wr.options.filter((o) => o.eligible && budgetOf(o.monthlyUsd) !== null).sort(byMonthlyBudget);
    const first = ranked[0];
    return [wr.workload.name, first?.offering ?? 'none', first ? formatMoney(first.monthlyUsd) : '–'];
  });
  return {
    heading: `Cheapest offering per workload (${formatNumber(dec(report.workloads.length))} workloads; every offering of every workload with --all-rows, or in JSON and CSV)`,
    table: { columns: [{ header: 'Workload' }, { header: 'Cheapest' }, { header: 'Monthly', align: 'right' }], rows },
  };
}

/** Ineligible offerings grouped by reason, so thirteen "not sold on the web-app channel" read as one line. */
function notEligibleLines(excluded: readonly OptionResult[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const o of excluded) byReason.set(o.reason ?? 'not eligible', [...(byReason.get(o.reason ?? 'not eligible') ?? []), o.offering]);
  return [...byReason].map(([reason, ids]) => `Not eligible, ${reason}: ${ids.join(', ')}`);
}

export function headline(report: EstimateReport): string {
  const r = report.recommendation;
  if (!r.complete) return 'No complete route: at least one workload has no eligible offering with a known price.';
  const total = budgetOf(r.monthlyUsd);
  let text = `Cheapest route: ${formatMoney(r.monthlyUsd)}/month`;
  if (report.ceiling !== null && total !== null) {
    text += total.gt(report.ceiling)
      ? `, over the ${formatUsd(report.ceiling)} ceiling by ${formatUsd(total.minus(report.ceiling))}`
      : `, within the ${formatUsd(report.ceiling)} ceiling`;
  }
  return text;
}

/** Cheapest first by the figure to budget, those without one last, then by name: how offerings are listed. */
export function byBudget<T>(budget: (t: T) => Dec | null, name: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = budget(a);
    const kb = budget(b);
    if (ka === null || kb === null) return ka === null && kb === null ? compareIds(name(a), name(b)) : ka === null ? 1 : -1;
    return ka.cmp(kb) || compareIds(name(a), name(b));
  };
}

const byMonthlyBudget = byBudget(
  (o: { monthlyUsd: Figure; offering: string }) => budgetOf(o.monthlyUsd),
  (o) => o.offering,
);

function coverJson(cover: Cover | null): unknown {
  if (!cover) return undefined;
  return {
    plans: cover.plans.map((p) => ({
      plan: p.plan.name,
      count: p.count,
      usdPerMonth: decOrNull(p.plan.usdPerMonth, true),
      creditsPerMonth: decOrNull(p.plan.creditsPerMonth),
    })),
    monthlyUsd: moneyString(cover.usd),
    credits: plainString(cover.credits),
    leftoverCredits: plainString(cover.leftover),
    seats: cover.seats,
    uncountedPlans: cover.uncounted.map((p) => p.name),
  };
}

/**
 * One workload × offering, the fields in the order JSON readers have always seen them. A literal of
 * one shape for every option (a report of 1,000 workloads has 20,000 of these): a figure's Low and
 * High are undefined unless it is a range or a lower bound, and JSON.stringify leaves them out.
 */
function optionJson(o: OptionResult): Record<string, unknown> {
  return {
    offering: o.offering,
    eligible: o.eligible,
    reason: o.reason,
    usdPerSecond: decOrNull(o.usdPerSecond),
    usdPerSecondLow: figureEnd(o.usdPerSecond, 'low'),
    usdPerSecondHigh: figureEnd(o.usdPerSecond, 'high'),
    usdPerKeptClip: decOrNull(o.usdPerKeptClip, true),
    usdPerKeptClipLow: figureEnd(o.usdPerKeptClip, 'low', true),
    usdPerKeptClipHigh: figureEnd(o.usdPerKeptClip, 'high', true),
    monthlyUsd: decOrNull(o.monthlyUsd, true),
    monthlyUsdLow: figureEnd(o.monthlyUsd, 'low', true),
    monthlyUsdHigh: figureEnd(o.monthlyUsd, 'high', true),
    approx: o.monthlyUsd.approx,
    marker: o.eligible ? markerOf(o.monthlyUsd) : null,
    creditsPerKeptClip: decOrNull(o.creditsPerKeptClip),
    batch: o.batch,
    overridden: o.overridden,
    plans: coverJson(o.cover),
  };
}

export function estimateJson(report: EstimateReport): unknown {
  const r = report.recommendation;
  return {
    schemaVersion: 1,
    kind: 'estimate',
    scenario: report.scenario,
    asOf: report.asOf,
    currency: report.currency,
    channel: report.channel,
    seats: report.scenarioData.seats ?? null,
    budget: {
      monthlyCeilingUsd: report.ceiling === null ? null : moneyString(report.ceiling),
      maxRegenerationsPerJob: report.maxRegenerations === null ? null : plainString(report.maxRegenerations),
    },
    workloads: report.workloads.map((wr) => ({
      name: wr.workload.name,
      clipsPerMonth: plainString(wr.workload.clipsPerMonth),
      secondsPerClip: plainString(wr.workload.secondsPerClip),
      resolution: wr.workload.resolution,
      regenerationFactor: plainString(wr.workload.regenerationFactor),
      billedGenerations: plainString(wr.billedGenerations),
      options: wr.options.map(optionJson),
    })),
    totals: report.totals.map((t) => ({
      offering: t.offering,
      eligible: t.eligible,
      reason: t.reason,
      ...figureFields('monthlyUsd', t.monthlyUsd, true),
      approx: t.monthlyUsd.approx,
      marker: t.eligible ? markerOf(t.monthlyUsd) : null,
      overridden: t.overridden,
      ...(t.cover ? { plans: coverJson(t.cover) } : {}),
    })),
    recommendation: {
      // one a workload, so a literal like the options' (figureEnd: undefined unless a range or bound)
      workloads: r.perWorkload.map((s) => ({
        workload: s.workload,
        offering: s.offering,
        monthlyUsd: decOrNull(s.monthlyUsd, true),
        monthlyUsdLow: figureEnd(s.monthlyUsd, 'low', true),
        monthlyUsdHigh: figureEnd(s.monthlyUsd, 'high', true),
        reason: s.reason,
      })),
      ...figureFields('monthlyUsd', r.monthlyUsd, true),
      approx: r.monthlyUsd.approx,
      complete: r.complete,
      cheapestSingle: r.cheapestSingle ? { offering: r.cheapestSingle.offering, ...figureFields('monthlyUsd', r.cheapestSingle.monthlyUsd, true) } : null,
      ...(r.covers.length ? { plans: r.covers.map((c) => ({ vendor: c.vendor, ...(coverJson(c.cover) as object) })) } : {}),
    },
    advisories: report.advisories,
    sources: report.sheets,
  };
}

export function estimateCsv(report: EstimateReport): string {
  const header = [
    'scenario',
    'asOf',
    'channel',
    'workload',
    'offering',
    'eligible',
    'reason',
    'usdPerSecond',
    'usdPerKeptClip',
    'monthlyUsd',
    'monthlyUsdLow',
    'monthlyUsdHigh',
    'marker',
    'recommended',
  ];
  const steps = report.recommendation.perWorkload;
  const rows = report.workloads.flatMap((wr, i) => {
    // the route has one step per workload, in order
    const step = steps[i]?.workload === wr.workload.name ? steps[i] : steps.find((s) => s.workload === wr.workload.name);
    return wr.options.map((o) => {
      return [
        report.scenario,
        report.asOf,
        report.channel,
        wr.workload.name,
        o.offering,
        o.eligible,
        o.reason,
        decOrNull(o.usdPerSecond),
        decOrNull(o.usdPerKeptClip, true),
        // the budget figure, and both ends of a range or bound, as the JSON writes them
        decOrNull(o.monthlyUsd, true),
        figureEnd(o.monthlyUsd, 'low', true) ?? null,
        figureEnd(o.monthlyUsd, 'high', true) ?? null,
        o.eligible ? markerOf(o.monthlyUsd) : null,
        step?.offering === o.offering,
      ];
    });
  });
  return renderCsv(header, rows);
}
