// `vidcost estimate --compare-to BASE.json` in every format, and the pieces `vidcost diff` shares:
// signed changes for people, the monthly-cost table, the summary line a pull request reads first,
// and the compact Markdown a PR comment is made of (every user string escaped).
import type { Advisory } from '../engine/advisories.js';
import type { Comparison, TotalChange } from '../engine/compare.js';
import { formatPctPlain } from '../engine/compare.js';
import type { EstimateReport } from '../engine/estimate.js';
import { type Dec, moneyString, plainString } from '../money/decimal.js';
import { budgetOf, type Figure } from '../money/figure.js';
import { formatFigure, formatMoney, formatNumber, formatRate, formatUsd } from '../money/format.js';
import { renderCsv } from './csv.js';
import { figureFields } from './decimal-json.js';
import { byBudget } from './estimate.js';
import { escapeMarkdown } from './markdown.js';
import type { Section, Table, View } from './view.js';
import { advisorySection as sharedAdvisorySection } from './advisories.js';

// --- signed figures for people -----------------------------------------------------------------

export type ChangeStyle = 'money' | 'rate' | 'count';

/** "+$412.00", "-$3.50", "$0.00"; "–" when unknown. Rounded only here, at display. */
export function signed(d: Dec | null, style: ChangeStyle = 'money'): string {
  if (d === null) return '–';
  const text = style === 'money' ? formatUsd(d.abs()) : style === 'rate' ? formatRate(d.abs()) : formatNumber(d.abs());
  if (d.eq(0)) return text;
  return `${d.lt(0) ? '-' : '+'}${text}`;
}

/** "+18.09%", "-8.18%", "0%"; "–" when there is no percent (unknown, or from $0). */
export function signedPct(d: Dec | null): string {
  if (d === null) return '–';
  const text = formatPctPlain(d);
  if (text === '0') return '0%';
  return `${text.startsWith('-') ? '' : '+'}${text}%`;
}

/** "+$68.00 (+20%)", "-$0.03 (-10%)", "$0.00"; "–" when unknown. */
export function changeText(change: Dec | null, pct: Dec | null, style: ChangeStyle = 'money'): string {
  if (change === null) return '–';
  if (change.eq(0) || pct === null) return signed(change, style);
  return `${signed(change, style)} (${signedPct(pct)})`;
}

/** "+$30.00, +12.5%" for inside parentheses; "$0.00" unchanged. */
export function changeInline(change: Dec | null, pct: Dec | null, style: ChangeStyle = 'money'): string {
  if (change === null) return '–';
  if (change.eq(0) || pct === null) return signed(change, style);
  return `${signed(change, style)}, ${signedPct(pct)}`;
}

export function figureOrDash(f: Figure | null, style: 'money' | 'rate' | 'count'): string {
  return f === null ? '–' : formatFigure(f, style);
}

/**
 * The line a pull request reads first: "Monthly cost +$412.00 (+18%): $2,278.00 → $2,690.00".
 * Figures keep their honesty markers; the change is measured on the figures to budget.
 */
export function summaryLine(c: Comparison): string {
  const r = c.recommendation;
  if (!r.baseComplete && !r.complete) return 'Monthly cost unknown: no complete route under either price set';
  if (!r.baseComplete) return `Monthly cost ${formatMoney(r.nowFigure)}: the baseline had no complete route`;
  if (!r.complete) return `Monthly cost now unknown: no complete route (was ${formatMoney(r.baseFigure)})`;
  if (r.change === null) return `Monthly cost ${formatMoney(r.baseFigure)} → ${formatMoney(r.nowFigure)} (change not bounded)`;
  if (r.change.eq(0)) return `Monthly cost unchanged: ${formatMoney(r.baseFigure)} → ${formatMoney(r.nowFigure)}`;
  const pct = r.pct === null ? 'from $0.00' : signedPct(r.pct);
  return `Monthly cost ${signed(r.change)} (${pct}): ${formatMoney(r.baseFigure)} → ${formatMoney(r.nowFigure)}`;
}

// --- the monthly cost table --------------------------------------------------------------------

function statusNote(t: TotalChange): string {
  switch (t.status) {
    case 'new':
      return t.eligible ? 'new' : `new, not eligible: ${t.reason ?? ''}`;
    case 'gone':
      return 'gone';
    case 'now-eligible':
      return 'now eligible';
    case 'now-ineligible':
      return `no longer eligible: ${t.reason ?? ''}`;
    default:
      return '';
  }
}

/** By the figure now, else the one before (an offering gone from now). */
const byNowBudget = byBudget(
  (t: TotalChange) => (t.eligible && t.nowFigure ? budgetOf(t.nowFigure) : null) ?? (t.baseEligible && t.baseFigure ? budgetOf(t.baseFigure) : null),
  (t) => t.offering,
);

/**
 * One row per offering that can serve the scenario on either side. Compact (for PR comments):
 * only offerings that changed, are new or gone, or carry the recommended route.
 */
export function totalsTable(c: Comparison, compact: boolean): { table: Table; hidden: number; neither: number } {
  const route = new Set([...c.recommendation.offerings, ...c.recommendation.baseOfferings]);
  const relevant = c.totals.filter((t) => t.eligible || t.baseEligible);
  const shown = relevant.filter((t) => !compact || t.status !== 'unchanged' || route.has(t.offering)).sort(byNowBudget);
  const rows = shown.map((t) => {
    const notes = [statusNote(t)];
    if (c.recommendation.offerings.includes(t.offering)) notes.push('recommended');
    else if (c.recommendation.baseOfferings.includes(t.offering)) notes.push('was recommended');
    return [
      t.offering,
      t.baseEligible ? figureOrDash(t.baseFigure, 'money') : '–',
      t.eligible ? figureOrDash(t.nowFigure, 'money') : '–',
      changeText(t.change, t.pct),
      notes.filter(Boolean).join('; '),
    ];
  });
  return {
    table: {
      columns: [
        { header: 'Offering' },
        { header: 'Base', align: 'right' },
        { header: 'Now', align: 'right' },
        { header: 'Change', align: 'right' },
        { header: 'Notes' },
      ],
      rows,
    },
    hidden: relevant.length - shown.length,
    neither: c.totals.length - relevant.length,
  };
}

export function routeLines(c: Comparison): string[] {
  const r = c.recommendation;
  const lines = r.workloads.map((w) => {
    const from = w.baseOffering ? `${w.baseOffering} ${figureOrDash(w.baseFigure, 'money')}` : 'none';
    const to = w.offering ? `${w.offering} ${figureOrDash(w.nowFigure, 'money')}` : 'none';
    const delta = w.change.change === null ? '' : ` (${changeInline(w.change.change, w.change.pct)})`;
    return `${w.workload}: ${from} → ${to}${delta}`;
  });
  lines.push(`Whole route: ${formatMoney(r.baseFigure)} → ${formatMoney(r.nowFigure)}${r.change === null ? '' : ` (${changeInline(r.change, r.pct)})`}`);
  return lines;
}

export function newGoneLines(c: Comparison): string[] {
  const lines: string[] = [];
  if (c.newOfferings.length) lines.push(`New offerings: ${c.newOfferings.join(', ')}`);
  if (c.goneOfferings.length) lines.push(`Gone: ${c.goneOfferings.join(', ')}`);
  return lines;
}

/** The monthly-cost sections both `estimate --compare-to` and `diff --scenario` show. */
export function comparisonSections(c: Comparison, compact: boolean): Section[] {
  const { table, hidden, neither } = totalsTable(c, compact);
  const lines: string[] = [];
  if (hidden > 0) lines.push(`${hidden} other offering${hidden === 1 ? '' : 's'} unchanged.`);
  if (neither > 0 && table.rows.length === 0 && hidden === 0)
    lines.push('No single offering serves every workload under either price set; see the recommended route.');
  else if (neither > 0) lines.push(`${neither} offering${neither === 1 ? '' : 's'} cannot serve every workload under either price set.`);
  return [
    { heading: 'Monthly cost, whole scenario on one offering', table, lines: [...lines, ...newGoneLines(c)] },
    { heading: 'Recommended route', lines: routeLines(c) },
  ];
}

/** The advisories after a comparison: compact leaves out info advisories; rolled up by code unless verbose. */
export function advisorySection(advisories: readonly Advisory[], compact: boolean, verbose = false): Section[] {
  return sharedAdvisorySection(advisories, { compact, verbose });
}

// --- estimate --compare-to ---------------------------------------------------------------------

export interface ViewOptions {
  /** only offerings that changed, are new or gone, or carry the route (terminal tables, PR comments) */
  compactRows?: boolean;
  /** warnings and errors only */
  compactAdvisories?: boolean;
  /** every advisory on its own line instead of one line per code */
  verbose?: boolean;
}

export function compareView(report: EstimateReport, c: Comparison, options: ViewOptions = {}): View {
  return {
    title: `vidcost estimate: ${report.scenario}, compared with ${c.baseLabel}`,
    headline: summaryLine(c),
    subtitle: [
      `Base: prices in force on ${c.baseAsOf} (${c.baseLabel}); now: prices in force on ${c.asOf}; ${report.channel} channel; USD per month. ~ approximate, from = lower bound.`,
    ],
    sections: [
      ...comparisonSections(c, options.compactRows ?? false),
      ...advisorySection(report.advisories, options.compactAdvisories ?? false, options.verbose ?? false),
    ],
  };
}

export function comparisonJson(c: Comparison): unknown {
  const pair = (base: Figure | null, now: Figure | null) => ({
    ...figureFields('baseMonthlyUsd', base ?? { low: null, high: null, approx: false }, true),
    ...figureFields('monthlyUsd', now ?? { low: null, high: null, approx: false }, true),
  });
  const moneyOrNull = (d: Dec | null) => (d === null ? null : moneyString(d));
  const pctOrNull = (d: Dec | null) => (d === null ? null : plainString(d));
  const r = c.recommendation;
  return {
    base: { file: c.baseLabel, asOf: c.baseAsOf },
    asOf: c.asOf,
    totals: c.totals.map((t) => ({
      offering: t.offering,
      status: t.status,
      ...pair(t.baseEligible ? t.baseFigure : null, t.eligible ? t.nowFigure : null),
      changeUsd: moneyOrNull(t.change),
      changePct: pctOrNull(t.pct),
      baseEligible: t.baseEligible,
      eligible: t.eligible,
      reason: t.reason,
    })),
    recommendation: {
      ...pair(r.baseFigure, r.nowFigure),
      changeUsd: moneyOrNull(r.change),
      changePct: pctOrNull(r.pct),
      baseComplete: r.baseComplete,
      complete: r.complete,
      baseOfferings: r.baseOfferings,
      offerings: r.offerings,
      workloads: r.workloads.map((w) => ({
        workload: w.workload,
        baseOffering: w.baseOffering,
        offering: w.offering,
        baseMonthlyUsd: moneyOrNull(w.change.base),
        monthlyUsd: moneyOrNull(w.change.now),
        changeUsd: moneyOrNull(w.change.change),
        changePct: pctOrNull(w.change.pct),
      })),
    },
    newOfferings: c.newOfferings,
    goneOfferings: c.goneOfferings,
  };
}

export function comparisonCsvRows(c: Comparison, scenario: string): (string | number | boolean | null)[][] {
  const moneyOrNull = (d: Dec | null) => (d === null ? null : moneyString(d));
  const pctOrNull = (d: Dec | null) => (d === null ? null : plainString(d));
  const r = c.recommendation;
  return [
    ...c.totals.map((t) => [
      scenario,
      'offering',
      t.offering,
      t.status,
      moneyOrNull(t.baseEligible ? t.base : null),
      moneyOrNull(t.eligible ? t.now : null),
      moneyOrNull(t.change),
      pctOrNull(t.pct),
    ]),
    [
      scenario,
      'route',
      r.offerings.join(' + '),
      r.change === null ? 'unknown' : r.change.eq(0) ? 'unchanged' : 'changed',
      moneyOrNull(r.base),
      moneyOrNull(r.now),
      moneyOrNull(r.change),
      pctOrNull(r.pct),
    ],
  ];
}

export function compareCsv(c: Comparison, scenario: string): string {
  return renderCsv(['scenario', 'kind', 'offering', 'status', 'baseMonthlyUsd', 'monthlyUsd', 'changeUsd', 'changePct'], comparisonCsvRows(c, scenario));
}

// --- Markdown for pull-request comments ---------------------------------------------------------

export interface PrDocument {
  /** first line, bold: the answer */
  summary: string;
  /** one line of context under it (what was compared) */
  context: string;
  /** the compact table(s) and lines a reviewer needs */
  main: Section[];
  /** collapsed blocks for the rest ("<details>") */
  details: { summary: string; sections: Section[] }[];
  /** advisories, last */
  advisories: Section[];
}

function markdownTable(table: Table): string[] {
  const cols = table.columns;
  return [
    `| ${cols.map((c) => escapeMarkdown(c.header)).join(' | ')} |`,
    `|${cols.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...table.rows.map((row) => `| ${row.map((cell) => escapeMarkdown(cell) || ' ').join(' | ')} |`),
  ];
}

function markdownSection(s: Section, level: string): string[] {
  const out: string[] = [];
  if (s.heading) out.push(`${level} ${escapeMarkdown(s.heading)}`, '');
  if (s.table && s.table.rows.length > 0) {
    for (const row of markdownTable(s.table)) out.push(row);
    out.push('');
  }
  for (const line of s.lines ?? []) out.push(`${escapeMarkdown(line)}  `);
  if (s.lines?.length) out.push('');
  for (const n of s.notices ?? []) out.push(`- **${n.severity}** \`${n.code}\`: ${escapeMarkdown(n.text)}`);
  if (s.notices?.length) out.push('');
  return out;
}

/** Summary line first, then the compact table, collapsed details, then advisories. */
export function renderPrMarkdown(doc: PrDocument): string {
  const out: string[] = [`**${escapeMarkdown(doc.summary)}**`, '', escapeMarkdown(doc.context), ''];
  // loops, not push(...lines): a section of 100,000 rows as arguments overflows the stack
  const add = (lines: readonly string[]) => {
    for (const line of lines) out.push(line);
  };
  for (const s of doc.main) add(markdownSection(s, '####'));
  for (const d of doc.details) {
    out.push('<details>', `<summary>${escapeMarkdown(d.summary)}</summary>`, '');
    for (const s of d.sections) add(markdownSection(s, '#####'));
    out.push('</details>', '');
  }
  for (const s of doc.advisories) add(markdownSection(s, '####'));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export function compareMarkdown(report: EstimateReport, c: Comparison): string {
  return renderPrMarkdown({
    summary: summaryLine(c),
    context: `vidcost estimate "${report.scenario}" compared with ${c.baseLabel}: prices in force on ${c.baseAsOf} → ${c.asOf}, ${report.channel} channel, USD per month.`,
    main: comparisonSections(c, true),
    details: [],
    advisories: advisorySection(report.advisories, true),
  });
}
