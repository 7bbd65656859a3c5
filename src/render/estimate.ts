// `vidcost estimate` in every format: one place decides what an estimate says.
import { dec, formatNumber, formatUsd, moneyString, plainString } from '../money/decimal.js';
import { budgetOf, markerOf, type Figure } from '../money/figure.js';
import { formatFigure } from '../money/format.js';
import type { Cover } from '../engine/plan-cover.js';
import type { EstimateReport, OptionResult, WorkloadResult } from '../engine/estimate.js';
import { renderCsv } from './csv.js';
import { decOrNull, figureFields, putFigureFields } from './decimal-json.js';
import type { Section, View } from './view.js';
import { compareIds } from '../pricing/catalog.js';

const money = (f: Figure) => formatFigure(f, 'money');

export function coverText(cover: Cover): string {
  if (cover.plans.length === 0) return 'no plan needed';
  const plans = cover.plans.map((p) => `${p.count} × ${p.plan.name}`).join(' + ');
  return `${plans}, ${formatNumber(cover.leftover)} credits left over`;
}

function workloadLine(wr: WorkloadResult): string {
  const w = wr.workload;
  const parts = [`${formatNumber(w.clipsPerMonth)} clips × ${formatNumber(w.secondsPerClip)} s at ${w.resolution}`, `${formatNumber(wr.billedGenerations)} generations per kept clip`];
  const extras = [w.audio && 'audio', w.hdr && 'HDR', w.batch && 'batch ok', ...w.requires].filter(Boolean);
  if (extras.length) parts.push(`needs ${extras.join(', ')}`);
  return parts.join(', ');
}

function optionNote(report: EstimateReport, o: OptionResult, cheapestId: string | null): string {
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
/** Advisories about single workloads shown per code in a summarised view. */
const ADVISORIES_SHOWN_PER_CODE = 3;

export interface EstimateViewOptions {
  /** every offering of every workload and every advisory, however many workloads there are */
  allRows?: boolean;
}

export function estimateView(report: EstimateReport, options: EstimateViewOptions = {}): View {
  const summarised = !options.allRows && report.workloads.length > SUMMARY_AFTER_WORKLOADS;
  const route = report.recommendation;
  const sections: Section[] = [];
  if (summarised) sections.push(cheapestPerWorkload(report));
  else for (const wr of report.workloads) {
    const step = route.perWorkload.find((s) => s.workload === wr.workload.name);
    const eligible = wr.options.filter((o) => o.eligible).sort(byBudget);
    const rows = eligible.map((o) => [
      o.offering,
      o.usdPerSecond ? formatFigure(o.usdPerSecond, 'rate') : '–',
      money(o.usdPerKeptClip),
      money(o.monthlyUsd),
      optionNote(report, o, step?.offering ?? null),
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
  const totals = report.totals.filter((t) => t.eligible).sort(byBudget);
  if (report.workloads.length > 1 || report.channel === 'web-app') {
    sections.push({
      heading: 'Whole scenario on one offering',
      table: {
        columns: [{ header: 'Offering' }, { header: 'Monthly', align: 'right' }, { header: 'Notes' }],
        rows: totals.map((t) => [t.offering, money(t.monthlyUsd), [t.cover ? coverText(t.cover) : '', t.overridden ? '*override' : '', t.reason ?? ''].filter(Boolean).join('; ')]),
      },
      lines: report.totals.length > totals.length ? [`${report.totals.length - totals.length} offerings cannot serve every workload.`] : [],
    });
  }
  // summarised, each workload's step is in the first table already
  const routeLines = summarised ? [] : route.perWorkload.map((s) => `${s.workload}: ${s.offering ?? 'none'} ${s.offering ? money(s.monthlyUsd) : `(${s.reason})`}`);
  for (const c of route.covers) routeLines.push(`${c.vendor} plans: ${coverText(c.cover)} = ${formatUsd(c.cover.usd)}/month`);
  if (route.cheapestSingle) routeLines.push(`Cheapest single offering for everything: ${route.cheapestSingle.offering} ${money(route.cheapestSingle.monthlyUsd)}`);
  sections.push({ heading: 'Recommended route', lines: routeLines });
  if (report.advisories.length) sections.push(...(summarised ? advisorySummary(report) : [{ heading: 'Advisories', notices: report.advisories.map((a) => ({ severity: a.severity, code: a.code, text: a.message })) }]));
  if (report.totals.some((t) => t.overridden)) sections.push({ lines: ['* rests on a value from the scenario\'s overrides, not on a price sheet.'] });
  return {
    title: `vidcost estimate: ${report.scenario}`,
    headline: headline(report),
    subtitle: [`Prices in force on ${report.asOf}; ${report.channel} channel; USD per month. ~ approximate, from = lower bound.`],
    sections,
  };
}

/** One row per workload: its cheapest offering with a known price, i.e. its step of the route. */
function cheapestPerWorkload(report: EstimateReport): Section {
  const rows = report.workloads.map((wr) => {
    const ranked = wr.options.filter((o) => o.eligible && budgetOf(o.monthlyUsd) !== null).sort(byBudget);
    const first = ranked[0];
    return [wr.workload.name, first?.offering ?? 'none', first ? money(first.monthlyUsd) : '–'];
  });
  return {
    heading: `Cheapest offering per workload (${formatNumber(dec(report.workloads.length))} workloads; every offering of every workload with --all-rows, or in JSON and CSV)`,
    table: { columns: [{ header: 'Workload' }, { header: 'Cheapest' }, { header: 'Monthly', align: 'right' }], rows },
  };
}

/** Advisories about the scenario in full; those about single workloads a few per code, with the count. */
function advisorySummary(report: EstimateReport): Section[] {
  const notices: NonNullable<Section['notices']> = [];
  const perCode = new Map<string, number>();
  for (const a of report.advisories) {
    if (a.workload !== undefined) {
      const seen = (perCode.get(a.code) ?? 0) + 1;
      perCode.set(a.code, seen);
      if (seen > ADVISORIES_SHOWN_PER_CODE) continue;
    }
    notices.push({ severity: a.severity, code: a.code, text: a.message });
  }
  const hidden = [...perCode].filter(([, n]) => n > ADVISORIES_SHOWN_PER_CODE).map(([code, n]) => `${formatNumber(dec(n - ADVISORIES_SHOWN_PER_CODE))} more ${code}`);
  const advisories: Section = { heading: 'Advisories', notices };
  return hidden.length ? [advisories, { lines: [`Not shown: ${hidden.join(', ')} advisories (--all-rows shows every one).`] }] : [advisories];
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
  let text = `Cheapest route: ${money(r.monthlyUsd)}/month`;
  if (report.ceiling !== null && total !== null) {
    text += total.gt(report.ceiling) ? `, over the ${formatUsd(report.ceiling)} ceiling by ${formatUsd(total.minus(report.ceiling))}` : `, within the ${formatUsd(report.ceiling)} ceiling`;
  }
  return text;
}

function byBudget(a: { monthlyUsd: Figure; offering: string }, b: { monthlyUsd: Figure; offering: string }): number {
  const ab = budgetOf(a.monthlyUsd);
  const bb = budgetOf(b.monthlyUsd);
  if (ab === null || bb === null) return ab === null && bb === null ? compareIds(a.offering, b.offering) : ab === null ? 1 : -1;
  return ab.cmp(bb) || compareIds(a.offering, b.offering);
}

function coverJson(cover: Cover | null): unknown {
  if (!cover) return undefined;
  return {
    plans: cover.plans.map((p) => ({ plan: p.plan.name, count: p.count, usdPerMonth: decOrNull(p.plan.usdPerMonth, true), creditsPerMonth: decOrNull(p.plan.creditsPerMonth) })),
    monthlyUsd: moneyString(cover.usd),
    credits: plainString(cover.credits),
    leftoverCredits: plainString(cover.leftover),
  };
}

/**
 * One workload × offering, the fields in the order JSON readers have always seen them. Written out
 * rather than spread from figureFields: a report of 1,000 workloads has 20,000 of these.
 */
function optionJson(o: OptionResult): Record<string, unknown> {
  const out: Record<string, unknown> = { offering: o.offering, eligible: o.eligible, reason: o.reason };
  if (o.usdPerSecond) putFigureFields(out, 'usdPerSecond', o.usdPerSecond, false);
  else out['usdPerSecond'] = null;
  putFigureFields(out, 'usdPerKeptClip', o.usdPerKeptClip, true);
  putFigureFields(out, 'monthlyUsd', o.monthlyUsd, true);
  out['approx'] = o.monthlyUsd.approx;
  out['marker'] = o.eligible ? markerOf(o.monthlyUsd) : null;
  out['creditsPerKeptClip'] = decOrNull(o.creditsPerKeptClip);
  out['batch'] = o.batch;
  out['overridden'] = o.overridden;
  if (o.cover) out['plans'] = coverJson(o.cover);
  return out;
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
      workloads: r.perWorkload.map((s) => ({ workload: s.workload, offering: s.offering, ...figureFields('monthlyUsd', s.monthlyUsd, true), reason: s.reason })),
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
  const header = ['scenario', 'asOf', 'channel', 'workload', 'offering', 'eligible', 'reason', 'usdPerSecond', 'usdPerKeptClip', 'monthlyUsd', 'monthlyUsdLow', 'monthlyUsdHigh', 'marker', 'recommended'];
  const steps = report.recommendation.perWorkload;
  const rows = report.workloads.flatMap((wr, i) => {
    // the route has one step per workload, in order
    const step = steps[i]?.workload === wr.workload.name ? steps[i] : steps.find((s) => s.workload === wr.workload.name);
    return wr.options.map((o) => {
      const m = figureFields('monthlyUsd', o.monthlyUsd, true);
      return [report.scenario, report.asOf, report.channel, wr.workload.name, o.offering, o.eligible, o.reason, o.usdPerSecond ? decOrNull(o.usdPerSecond) : null, decOrNull(o.usdPerKeptClip, true), m['monthlyUsd'] ?? null, m['monthlyUsdLow'] ?? null, m['monthlyUsdHigh'] ?? null, o.eligible ? markerOf(o.monthlyUsd) : null, step?.offering === o.offering];
    });
  });
  return renderCsv(header, rows);
}
