// `vidcost diff` in every format: one place decides what a price diff says.
import { diffCounts, type Correction, type DiffReport, type FigureChange, type OfferingChange, type RateChange } from '../engine/diff.js';
import { moneyString, plainString } from '../money/decimal.js';
import type { Figure } from '../money/figure.js';
import {
  advisorySection,
  changeText,
  comparisonCsvRows,
  comparisonJson,
  comparisonSections,
  figureOrDash,
  renderPrMarkdown,
  summaryLine,
  type ChangeStyle,
  type ViewOptions,
} from './compare.js';
import { renderCsv } from './csv.js';
import { figureFields } from './decimal-json.js';
import type { Section, View } from './view.js';

export function variantLabel(r: Pick<RateChange, 'resolution' | 'audio' | 'hdr' | 'exr' | 'batch' | 'channel'>): string {
  const parts: string[] = [r.resolution ?? 'any'];
  if (r.hdr) parts.push(r.exr ? 'HDR+EXR' : 'HDR');
  if (r.audio) parts.push('audio');
  if (r.batch) parts.push('batch');
  if (r.channel === 'web-app') parts.push('web app');
  return parts.join(' ');
}

function arrow(c: FigureChange, style: 'money' | 'rate' | 'count'): string {
  if (c.baseFigure === null && c.nowFigure === null) return '–';
  return `${figureOrDash(c.baseFigure, style)} → ${figureOrDash(c.nowFigure, style)}`;
}

function changeCell(c: FigureChange, style: ChangeStyle): string {
  return changeText(c.change, c.pct, style);
}

/** "Price changes: 2 rates, 1 offering added, 1 sunset, ..." or "No price changes". */
export function countsLine(report: DiffReport): string {
  const n = diffCounts(report);
  const parts: string[] = [];
  const say = (count: number, one: string, many: string) => {
    if (count > 0) parts.push(`${count} ${count === 1 ? one : many}`);
  };
  say(n.rates, 'rate', 'rates');
  say(n.added, 'offering added', 'offerings added');
  say(n.removed, 'offering removed', 'offerings removed');
  say(n.sunset, 'sunset', 'sunsets');
  say(n.plans, 'plan', 'plans');
  say(n.creditValues, 'credit value', 'credit values');
  return parts.length ? `Price changes: ${parts.join(', ')}` : 'No price changes';
}

function sideText(report: DiffReport, which: 'base' | 'now'): string {
  const s = report[which];
  return `${s.label} (prices in force on ${s.asOf})`;
}

export function rateSection(report: DiffReport): Section {
  // An offering added or removed as a whole is listed once, under offerings, with its headline
  // rate: its variants one by one would bury the changes to offerings a budget already uses.
  const whole = new Set(report.offerings.filter((o) => o.status === 'added' || o.status === 'removed').map((o) => o.offering));
  const changed = report.rates.filter((r) => r.status !== 'unchanged' && !whole.has(r.offering));
  const rows = changed.map((r) => {
    const notes = [r.status === 'changed' ? '' : r.status, ...r.notes];
    return [
      r.offering,
      variantLabel(r),
      figureOrDash(r.usdPerSecond.baseFigure, 'rate'),
      figureOrDash(r.usdPerSecond.nowFigure, 'rate'),
      changeCell(r.usdPerSecond, 'rate'),
      arrow(r.creditsPerSecond, 'count'),
      notes.filter(Boolean).join('; '),
    ];
  });
  const unchanged = report.rates.filter((r) => r.status === 'unchanged').length;
  return {
    heading: 'Rates, USD per second of video',
    table: {
      columns: [
        { header: 'Offering' },
        { header: 'Variant' },
        { header: 'Base', align: 'right' },
        { header: 'New', align: 'right' },
        { header: 'Change', align: 'right' },
        { header: 'Credits/s', optional: true },
        { header: 'Notes' },
      ],
      rows,
    },
    lines:
      changed.length === 0
        ? [`No rate changed (${unchanged} variant${unchanged === 1 ? '' : 's'} compared).`]
        : unchanged > 0
          ? [`${unchanged} other variant${unchanged === 1 ? '' : 's'} unchanged.`]
          : [],
  };
}

/** "$0.12 (1080p)", "$0.40 (any, audio)": an added or removed offering's headline rate. */
function headlineText(o: OfferingChange): string {
  if (!o.headline) return '';
  const h = o.headline;
  const variant = [h.resolution ?? 'any', ...(h.audio ? ['audio'] : []), ...(h.channel === 'web-app' ? ['web app'] : [])].join(', ');
  return `${figureOrDash(h.usdPerSecond, 'rate')} (${variant})`;
}

export function offeringSection(report: DiffReport): Section | null {
  const listed = report.offerings.filter(
    (o) => o.status === 'added' || o.status === 'removed' || o.status === 'sunset' || (o.status === 'changed' && o.notes.length > 0),
  );
  if (listed.length === 0) return null;
  // Removed and shut-down offerings first: they are what breaks an existing plan.
  const rank = { removed: 0, sunset: 1, changed: 2, added: 3, unchanged: 4 } as const;
  const ordered = [...listed].sort((a, b) => rank[a.status] - rank[b.status]);
  return {
    heading: 'Offerings added, removed or sunset',
    table: {
      // the headline rate at the diff's resolution, else the nearest priced one (named in brackets)
      columns: [{ header: 'Offering' }, { header: 'Status' }, { header: `$/s at ${report.resolution}`, align: 'right' }, { header: 'Notes' }],
      rows: ordered.map((o) => [o.offering, o.status, headlineText(o), o.notes.join('; ')]),
    },
  };
}

function correctionVariant(c: Correction): string {
  const parts: string[] = [c.resolution ?? 'any'];
  if (c.hdr) parts.push(c.exr ? 'HDR+EXR' : 'HDR');
  if (c.audio === true) parts.push('audio');
  else if (c.audio === 'included') parts.push('audio included');
  if (c.channel === 'web-app') parts.push('web app');
  return parts.join(' ');
}

/** The correction without its "Corrected in the 2026-12-01 sheet:" lead, which the heading says. */
function correctionBody(text: string): string {
  // kept as written: a name like fal is lower-case on purpose
  return text.replace(/^corrected(?: in the [^:]*)?:\s*/i, '');
}

export function correctionSection(report: DiffReport): Section | null {
  if (report.corrections.length === 0) return null;
  return {
    heading: 'Corrections: base figures the newer sheets contradict',
    table: {
      columns: [{ header: 'Offering, variant' }, { header: 'Base', align: 'right' }, { header: 'What the newer sources say' }],
      rows: report.corrections.map((c) => [
        `${c.offering} ${correctionVariant(c)}`,
        c.usdPerSecond ? figureOrDash(c.usdPerSecond, 'rate') : '–',
        correctionBody(c.correction),
      ]),
    },
  };
}

export function planSection(report: DiffReport): Section | null {
  const changed = report.plans.filter((p) => p.status !== 'unchanged');
  if (changed.length === 0) return null;
  return {
    heading: 'Plans, USD per month',
    table: {
      columns: [
        { header: 'Plan' },
        { header: 'Base', align: 'right' },
        { header: 'New', align: 'right' },
        { header: 'Change', align: 'right' },
        { header: 'Credits/month' },
        { header: 'Notes' },
      ],
      rows: changed.map((p) => {
        const credits = p.creditsPerMonth;
        const allowance = credits.change !== null && !credits.change.eq(0) ? `allowance ${changeText(credits.change, credits.pct, 'count')}` : '';
        return [
          `${p.vendor} ${p.plan}`,
          figureOrDash(p.usdPerMonth.baseFigure, 'money'),
          figureOrDash(p.usdPerMonth.nowFigure, 'money'),
          changeCell(p.usdPerMonth, 'money'),
          arrow(credits, 'count'),
          [p.status === 'changed' ? '' : p.status, allowance, ...p.notes].filter(Boolean).join('; '),
        ];
      }),
    },
  };
}

export function creditSection(report: DiffReport): Section | null {
  const changed = report.creditValues.filter((c) => c.status !== 'unchanged');
  if (changed.length === 0) return null;
  return {
    heading: 'Credit values, USD per credit',
    table: {
      columns: [
        { header: 'Vendor' },
        { header: 'Basis' },
        { header: 'Base', align: 'right' },
        { header: 'New', align: 'right' },
        { header: 'Change', align: 'right' },
      ],
      rows: changed.map((c) => [
        c.vendor,
        c.basis === 'api' ? 'API credits' : `web app (${c.plan} plan)`,
        figureOrDash(c.usdPerCredit.baseFigure, 'rate'),
        figureOrDash(c.usdPerCredit.nowFigure, 'rate'),
        changeCell(c.usdPerCredit, 'rate'),
      ]),
    },
  };
}

function priceSections(report: DiffReport): Section[] {
  return [rateSection(report), correctionSection(report), offeringSection(report), planSection(report), creditSection(report)].filter(
    (s): s is Section => s !== null,
  );
}

export function diffHeadline(report: DiffReport): string {
  return report.impact ? summaryLine(report.impact.comparison) : countsLine(report);
}

export function diffView(report: DiffReport, options: ViewOptions = {}): View {
  const impact = report.impact;
  const subtitle = [`Base: ${sideText(report, 'base')}; new: ${sideText(report, 'now')}. ~ approximate, from = lower bound.`];
  if (impact) subtitle.push(`Scenario "${impact.scenario}": ${impact.now.channel} channel, USD per month. ${countsLine(report)}.`);
  const sections: Section[] = [];
  if (impact) sections.push(...comparisonSections(impact.comparison, options.compactRows ?? false));
  sections.push(...priceSections(report));
  if (impact) sections.push(...advisorySection(impact.now.advisories, options.compactAdvisories ?? false, options.verbose ?? false));
  return { title: `vidcost diff: ${report.base.label} → ${report.now.label}`, headline: diffHeadline(report), subtitle, sections };
}

/** Markdown for a pull-request comment: summary line, compact table, price details, advisories. */
export function diffMarkdown(report: DiffReport): string {
  const impact = report.impact;
  const context = impact
    ? `vidcost diff, scenario "${impact.scenario}": ${sideText(report, 'base')} → ${sideText(report, 'now')}. ${countsLine(report)}.`
    : `vidcost diff: ${sideText(report, 'base')} → ${sideText(report, 'now')}.`;
  return renderPrMarkdown({
    summary: diffHeadline(report),
    context,
    main: impact ? comparisonSections(impact.comparison, true) : priceSections(report),
    details: impact ? [{ summary: countsLine(report), sections: priceSections(report) }] : [],
    advisories: impact ? advisorySection(impact.now.advisories, true) : [],
  });
}

// --- JSON and CSV ------------------------------------------------------------------------------

const NONE: Figure = { low: null, high: null, approx: false };

function changeJson(name: string, c: FigureChange, money: boolean, changeName: string, pctName: string): Record<string, string | null> {
  const cap = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    ...figureFields(`base${cap}`, c.baseFigure ?? NONE, money),
    ...figureFields(name, c.nowFigure ?? NONE, money),
    [changeName]: c.change === null ? null : money ? moneyString(c.change) : plainString(c.change),
    [pctName]: c.pct === null ? null : plainString(c.pct),
  };
}

export function diffJson(report: DiffReport): unknown {
  const side = (s: DiffReport['base']) => ({ label: s.label, asOf: s.asOf, sheets: s.sheets });
  return {
    schemaVersion: 1,
    kind: 'diff',
    currency: 'USD',
    base: side(report.base),
    new: side(report.now),
    resolution: report.resolution,
    summary: diffCounts(report),
    offerings: report.offerings.map((o) => ({
      offering: o.offering,
      vendor: o.vendor,
      status: o.status,
      baseSunset: o.baseSunset,
      sunset: o.sunset,
      baseShutDown: o.baseShutDown,
      shutDown: o.shutDown,
      notes: o.notes,
      ...(o.headline
        ? {
            headline: {
              channel: o.headline.channel,
              resolution: o.headline.resolution,
              audio: o.headline.audio,
              ...figureFields('usdPerSecond', o.headline.usdPerSecond, false),
            },
          }
        : {}),
    })),
    corrections: report.corrections.map((c) => ({
      offering: c.offering,
      channel: c.channel,
      resolution: c.resolution,
      audio: c.audio,
      hdr: c.hdr,
      exr: c.exr,
      ...figureFields('baseUsdPerSecond', c.usdPerSecond ?? NONE, false),
      correction: c.correction,
    })),
    rates: report.rates.map((r) => ({
      offering: r.offering,
      channel: r.channel,
      resolution: r.resolution,
      audio: r.audio,
      hdr: r.hdr,
      exr: r.exr,
      batch: r.batch,
      status: r.status,
      ...changeJson('usdPerSecond', r.usdPerSecond, false, 'changeUsdPerSecond', 'changePct'),
      ...changeJson('creditsPerSecond', r.creditsPerSecond, false, 'changeCreditsPerSecond', 'creditsChangePct'),
      notes: r.notes,
    })),
    plans: report.plans.map((p) => ({
      vendor: p.vendor,
      plan: p.plan,
      status: p.status,
      ...changeJson('usdPerMonth', p.usdPerMonth, true, 'changeUsd', 'changePct'),
      ...changeJson('creditsPerMonth', p.creditsPerMonth, false, 'changeCredits', 'creditsChangePct'),
      ...changeJson('usdPerCredit', p.usdPerCredit, false, 'changeUsdPerCredit', 'usdPerCreditChangePct'),
      notes: p.notes,
    })),
    creditValues: report.creditValues.map((c) => ({
      vendor: c.vendor,
      basis: c.basis,
      plan: c.plan,
      status: c.status,
      ...changeJson('usdPerCredit', c.usdPerCredit, false, 'changeUsdPerCredit', 'changePct'),
    })),
    scenario: report.impact
      ? {
          name: report.impact.scenario,
          channel: report.impact.now.channel,
          budget: { monthlyCeilingUsd: report.impact.now.ceiling === null ? null : moneyString(report.impact.now.ceiling) },
          comparison: comparisonJson(report.impact.comparison),
          advisories: report.impact.now.advisories,
        }
      : null,
  };
}

export function diffCsv(report: DiffReport): string {
  const header = ['section', 'item', 'variant', 'status', 'unit', 'base', 'new', 'change', 'changePct', 'notes'];
  const dec = (c: FigureChange, which: 'base' | 'now' | 'change' | 'pct') => {
    const v = which === 'base' ? c.base : which === 'now' ? c.now : which === 'change' ? c.change : c.pct;
    return v === null ? null : plainString(v);
  };
  const cells = (c: FigureChange) => [dec(c, 'base'), dec(c, 'now'), dec(c, 'change'), dec(c, 'pct')];
  const rows: (string | null)[][] = [];
  for (const r of report.rates) {
    rows.push(['rate', r.offering, variantLabel(r), r.status, 'usd/second', ...cells(r.usdPerSecond), r.notes.join('; ')]);
    if (r.creditsPerSecond.baseFigure || r.creditsPerSecond.nowFigure)
      rows.push(['rate', r.offering, variantLabel(r), r.status, 'credits/second', ...cells(r.creditsPerSecond), '']);
  }
  for (const c of report.corrections)
    rows.push([
      'correction',
      c.offering,
      correctionVariant(c),
      'corrected',
      'usd/second',
      c.usdPerSecond?.low ? plainString(c.usdPerSecond.low) : null,
      null,
      null,
      null,
      c.correction,
    ]);
  for (const o of report.offerings) rows.push(['offering', o.offering, '', o.status, 'sunset', o.baseSunset, o.sunset, null, null, o.notes.join('; ')]);
  for (const p of report.plans) {
    rows.push(['plan', `${p.vendor} ${p.plan}`, '', p.status, 'usd/month', ...cells(p.usdPerMonth), p.notes.join('; ')]);
    rows.push(['plan', `${p.vendor} ${p.plan}`, '', p.status, 'credits/month', ...cells(p.creditsPerMonth), '']);
  }
  for (const c of report.creditValues)
    rows.push(['credit-value', c.vendor, c.basis === 'api' ? 'api' : `plan ${c.plan}`, c.status, 'usd/credit', ...cells(c.usdPerCredit), '']);
  if (report.impact) {
    for (const r of comparisonCsvRows(report.impact.comparison, report.impact.scenario)) {
      const [, kind, offering, status, base, now, change, pct] = r as (string | null)[];
      rows.push([
        kind === 'route' ? 'route' : 'monthly',
        offering ?? '',
        '',
        status ?? '',
        'usd/month',
        base ?? null,
        now ?? null,
        change ?? null,
        pct ?? null,
        '',
      ]);
    }
  }
  return renderCsv(header, rows);
}
