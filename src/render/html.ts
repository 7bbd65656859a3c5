// The self-contained HTML report page: no script, no external resource, no network request (a CSP
// meta tag forbids them all), the report's charts (bar-chart.ts, or the report's own SVGs) and its
// tables, with each offering id kept on one line and linked to its price source. Every string is
// HTML-escaped.
import { type Dec, dec, plainString } from '../money/decimal.js';
import { budgetOf, type Figure } from '../money/figure.js';
import { formatMoney, formatNumber, formatUsd } from '../money/format.js';
import { plural } from '../engine/advisory-words.js';
import { compareIds } from '../pricing/catalog.js';
import { renderChart, type BarChart } from './bar-chart.js';
import type { BudgetSummary, OfferingSource, PriceAge } from './budget-summary.js';
import { escapeHtml } from './safe-text.js';
import type { Section, View } from './view.js';

export interface HtmlReport {
  view: View;
  chart: BarChart | null;
  /** more charts (forecast and sweep), each an SVG and its caption */
  figures?: { svg: string; caption: string }[];
  /** what to budget, on which route, against which ceiling, how old the prices are */
  summary?: BudgetSummary | null;
  /** offering ids the page keeps on one line, besides those of the summary */
  ids?: Iterable<string>;
  /** sources of offerings the summary does not know (a diff's base side), linked where the page names them */
  moreSources?: ReadonlyMap<string, OfferingSource>;
}

// --- page --------------------------------------------------------------------------------------

/** Offering ids as the page marks them: kept on one line, and linked to their source where known. */
interface IdMarks {
  pattern: RegExp | null;
  links: ReadonlyMap<string, string>;
}

function idMarks(ids: Iterable<string>, links: ReadonlyMap<string, string>): IdMarks {
  const list = [...new Set(ids)].filter((id) => id !== '').sort((a, b) => b.length - a.length);
  if (list.length === 0) return { pattern: null, links };
  const alternatives = list.map((id) => id.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
  // a whole id only: not the tail of a longer word, not the head of a longer id ("gen4" in "gen4-turbo")
  return { pattern: new RegExp(`(?<![\\w./-])(?:${alternatives})(?![\\w/-]|\\.\\w)`, 'g'), links };
}

/** An http(s) address to link to, or null: a link never carries another scheme. */
export function linkable(url: string | undefined): string | null {
  if (url === undefined || !/^https?:\/\/[^\s<>"']+$/i.test(url)) return null;
  try {
    return new URL(url).protocol.startsWith('http') ? url : null;
  } catch {
    return null;
  }
}

function idHtml(id: string, marks: IdMarks, link: boolean): string {
  const url = link ? linkable(marks.links.get(id)) : null;
  return url ? `<a class="id" href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(id)}</a>` : `<span class="id">${escapeHtml(id)}</span>`;
}

// an address in running text (an advisory's "source: https://…"), without the punctuation after it
const URL_IN_TEXT = /https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g;

/** Escaped text with addresses linked and each offering id kept whole; a text that is just an id links to its source. */
function inline(text: string, marks: IdMarks, linkWhole = false): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = linkable(m[0]);
    if (url === null) continue;
    out += inlineIds(text.slice(last, m.index), marks, false) + `<a class="url" href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
    last = m.index + m[0].length;
  }
  return last === 0 ? inlineIds(text, marks, linkWhole) : out + inlineIds(text.slice(last), marks, false);
}

function inlineIds(text: string, marks: IdMarks, linkWhole: boolean): string {
  if (marks.pattern === null) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(marks.pattern)) {
    const whole = m.index === 0 && m[0].length === text.length;
    out += escapeHtml(text.slice(last, m.index)) + idHtml(m[0], marks, linkWhole && whole);
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

interface HtmlColumn {
  header: string;
  align?: 'left' | 'right';
  /** the cells break anywhere (addresses), so they never widen the table */
  breakAnywhere?: boolean;
}

/** A table that narrow screens show as one card per row, each cell labelled with its column. */
function tableHtml(columns: readonly HtmlColumn[], rows: readonly string[][]): string {
  const classes = (c: HtmlColumn | undefined) => [c?.align === 'right' ? 'num' : '', c?.breakAnywhere ? 'url' : ''].filter(Boolean).join(' ');
  const attrs = (c: HtmlColumn | undefined, labelled: boolean) => {
    const cls = classes(c);
    return `${cls ? ` class="${cls}"` : ''}${labelled && c?.header ? ` data-label="${escapeHtml(c.header)}"` : ''}`;
  };
  const out = [
    '<div class="table-wrap">',
    '<table class="cards">',
    `<thead><tr>${columns.map((c) => `<th${attrs(c, false)}>${escapeHtml(c.header)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ];
  for (const row of rows) out.push(`<tr>${row.map((cellHtml, i) => `<td${attrs(columns[i], true)}>${cellHtml}</td>`).join('')}</tr>`);
  out.push('</tbody>', '</table>', '</div>');
  return out.join('\n');
}

function sectionHtml(s: Section, marks: IdMarks): string {
  const out: string[] = ['<section>'];
  if (s.heading) out.push(`<h2>${inline(s.heading, marks)}</h2>`);
  if (s.table && s.table.rows.length > 0)
    out.push(
      tableHtml(
        s.table.columns,
        s.table.rows.map((row) => row.map((v) => inline(v, marks, true))),
      ),
    );
  for (const line of s.lines ?? []) out.push(`<p>${inline(line, marks)}</p>`);
  if (s.notices?.length) {
    out.push('<ul class="advisories">');
    for (const n of s.notices)
      out.push(
        `<li class="${escapeHtml(n.severity)}"><strong>${escapeHtml(n.severity)}</strong> <code>${escapeHtml(n.code)}</code> ${inline(n.text, marks)}</li>`,
      );
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

// --- the budget summary ------------------------------------------------------------------------

const days = (n: number) => plural(n.toLocaleString('en-US'), 'day');

/** "30 days old on 2026-07-01", or "verified 2 days after 2026-05-30" for a date after as_of. */
export function ageText(age: PriceAge, asOf: string): string {
  return age.ageDays >= 0 ? `${days(age.ageDays)} old on ${asOf}` : `verified ${days(-age.ageDays)} after ${asOf}`;
}

/** A date, kept on one line. */
function timeHtml(date: string): string {
  return `<time datetime="${escapeHtml(date)}">${escapeHtml(date)}</time>`;
}

function ageHtml(age: PriceAge, asOf: string): string {
  return escapeHtml(ageText(age, asOf)).replace(asOf, timeHtml(asOf));
}

function wholeCents(f: Figure): boolean {
  return [f.low, f.high].every((d) => d === null || d.times(100).mod(1).eq(0));
}

/** The exact monthly figure, for a year that is not 12 × the rounded month: "$4,332.6258…". */
function unrounded(f: Figure): string {
  const text = (d: Dec) => {
    const [whole = '0', frac = ''] = plainString(d).split('.');
    return `$${formatNumber(dec(whole))}.${frac.length > 6 ? `${frac.slice(0, 6)}…` : frac.padEnd(2, '0')}`;
  };
  const ends = f.high === null || f.low!.eq(f.high) ? [f.low!] : [f.low!, f.high];
  return `${f.high === null ? 'from ' : ''}${f.approx ? '~' : ''}${ends.map(text).join('–')}`;
}

function ceilingHtml(s: BudgetSummary): string {
  if (s.ceiling === null) return 'none set (a scenario sets one with <code>budget.monthly_ceiling_usd</code>)';
  const ceiling = `${escapeHtml(formatUsd(s.ceiling))} per month`;
  const budget = budgetOf(s.monthly);
  const marked = (d: Dec) => escapeHtml(formatMoney({ low: d, high: d, approx: s.monthly.approx }));
  if (budget !== null) {
    if (budget.gt(s.ceiling)) return `${ceiling}: <strong class="over">over it by ${marked(budget.minus(s.ceiling))}</strong>`;
    return `${ceiling}: <strong class="within">within it</strong>, ${marked(s.ceiling.minus(budget))} to spare`;
  }
  if (s.monthly.low !== null && s.monthly.low.gt(s.ceiling))
    return `${ceiling}: <strong class="over">over it by at least ${marked(s.monthly.low.minus(s.ceiling))}</strong>`;
  const why = s.monthly.low === null ? 'the monthly figure is unknown' : 'the monthly figure has no upper bound';
  return `${ceiling}: <strong class="over">not known to be within it</strong>, ${escapeHtml(why)}`;
}

function pricesHtml(s: BudgetSummary, marks: IdMarks): string {
  const parts: string[] = [];
  const routeIds = [...new Set(s.route.map((leg) => leg.offering).filter((id): id is string => id !== null))];
  if (routeIds.length) {
    const items = routeIds.map((id) => {
      const ages = s.sources.get(id)?.verified ?? [];
      const dates = ages.length ? ages.map((a) => `${timeHtml(a.verified)} (${ageHtml(a, s.asOf)})`).join(', ') : 'unknown';
      return `<li>${idHtml(id, marks, true)}: verified ${dates}</li>`;
    });
    parts.push(`<ul class="plain">${items.join('')}</ul>`);
  }
  const byDate = new Map<string, BudgetSummary['sheets']>();
  for (const sheet of s.sheets) byDate.set(sheet.verified, [...(byDate.get(sheet.verified) ?? []), sheet]);
  const groups = [...byDate].map(([, sheets]) => {
    const first = sheets[0]!;
    const stale = first.stale ? `, <strong class="over">stale: over ${escapeHtml(days(s.staleAfterDays))}</strong>` : '';
    return `${timeHtml(first.verified)} (${ageHtml(first, s.asOf)}${stale}): ${escapeHtml(sheets.map((x) => x.vendor).join(', '))}`;
  });
  if (groups.length) parts.push(`<p>Price sheets in force, by the date they were verified: ${groups.join('; ')}.</p>`);
  return parts.join('\n');
}

function summaryHtml(s: BudgetSummary, marks: IdMarks): string {
  const unknown = s.monthly.low === null;
  const monthly = unknown
    ? `unknown: ${escapeHtml(s.unknownBecause ?? 'not every workload has a known price')}`
    : `<strong>${escapeHtml(formatMoney(s.monthly))}</strong>`;
  const basis = s.basis ? ` <span class="dim">(${escapeHtml(s.basis)})</span>` : '';
  const budgetNote =
    !unknown && s.monthly.high !== null && !s.monthly.low!.eq(s.monthly.high)
      ? ` <span class="dim">(a range: budget the high end, ${escapeHtml(formatUsd(s.monthly.high))})</span>`
      : !unknown && s.monthly.high === null
        ? ' <span class="dim">(a lower bound: no source gives an upper one)</span>'
        : '';
  const yearly = unknown
    ? 'unknown'
    : `<strong>${escapeHtml(formatMoney(s.yearly))}</strong> <span class="dim">(${escapeHtml(wholeCents(s.monthly) ? '12 × the monthly figure' : `12 × the monthly figure before it is rounded to the cent, ${unrounded(s.monthly)}`)})</span>`;
  const legs = s.route.map((leg) => {
    const figure = leg.monthly === null || leg.offering === null ? '' : `, ${escapeHtml(formatMoney(leg.monthly))} per month`;
    const on = leg.offering === null ? `none (${inline(leg.reason ?? 'no eligible offering with a known price', marks)})` : idHtml(leg.offering, marks, true);
    return `<li>${escapeHtml(leg.workload)}: ${on}${figure}</li>`;
  });
  const plans = s.plans.map((line) => `<li>${escapeHtml(line)}</li>`);
  return [
    '<section class="summary" aria-labelledby="summary-heading">',
    '<h2 id="summary-heading">Budget summary</h2>',
    '<dl>',
    `<dt>Budget per month</dt><dd>${monthly}${basis}${budgetNote}</dd>`,
    `<dt>Budget per year</dt><dd>${yearly}</dd>`,
    `<dt>Route</dt><dd><ul class="plain">${legs.join('')}</ul>${plans.length ? `<p>Seat plans:</p><ul class="plain">${plans.join('')}</ul>` : ''}</dd>`,
    `<dt>Ceiling</dt><dd>${ceilingHtml(s)}</dd>`,
    `<dt>Prices</dt><dd>${pricesHtml(s, marks)}</dd>`,
    '</dl>',
    '</section>',
  ].join('\n');
}

/** Every offering the report shows, with the address its price was taken from and how old it is. */
function sourcesHtml(s: BudgetSummary, marks: IdMarks): string {
  const rows = [...s.sources.values()]
    .sort((a, b) => compareIds(a.offering, b.offering))
    .map((src) => {
      const urls = src.urls.map((u) => {
        const url = linkable(u);
        return url ? `<a class="url" href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>` : escapeHtml(u);
      });
      return [
        idHtml(src.offering, marks, true),
        src.verified.map((a) => timeHtml(a.verified)).join(', ') || 'unknown',
        escapeHtml(src.verified.map((a) => (a.ageDays >= 0 ? days(a.ageDays) : `${days(-a.ageDays)} after`)).join(', ') || 'unknown'),
        urls.join('<br>') || 'unknown',
      ];
    });
  if (rows.length === 0) return '';
  const columns: HtmlColumn[] = [
    { header: 'Offering' },
    { header: 'Verified' },
    { header: `Age on ${s.asOf}`, align: 'right' },
    { header: 'Source', breakAnywhere: true },
  ];
  return ['<section class="sources">', `<h2>Sources: where each offering's price was published</h2>`, tableHtml(columns, rows), '</section>'].join('\n');
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --dim: #57606a; --line: #d0d7de; --now: #2f6fdb; --base: #9aa5b1; --ceiling: #cf222e; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1120px; margin: 0 auto; padding: 24px; }
h1 { font-size: 20px; margin: 0 0 6px; overflow-wrap: anywhere; }
h2 { font-size: 15px; margin: 22px 0 8px; overflow-wrap: anywhere; }
.headline { font-size: 17px; font-weight: 600; margin: 8px 0; overflow-wrap: anywhere; }
.sub, .dim { color: var(--dim); }
.sub { margin: 2px 0; overflow-wrap: anywhere; }
/* one column: the summary, the charts, then the tables at full width, so no table is squeezed */
.summary { border: 1px solid var(--line); border-radius: 6px; padding: 4px 16px 12px; margin: 14px 0; background: #f6f8fa; }
.summary h2 { margin: 10px 0 8px; }
.summary dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 16px; margin: 0; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; overflow-wrap: anywhere; }
.summary p { margin: 4px 0 0; }
.within { color: var(--ok); }
.over { color: var(--ceiling); }
ul.plain { list-style: none; margin: 0; padding: 0; }
.figures { margin-top: 16px; }
figure { margin: 0 0 22px; }
figcaption { color: var(--dim); font-size: 12px; margin-top: 6px; overflow-wrap: anywhere; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg .now { fill: var(--now); }
svg .base { fill: var(--base); }
svg .spread { opacity: 0.45; }
svg .open { opacity: 0.6; }
svg .label, svg .value { fill: var(--ink); }
svg .route .label { font-weight: 700; }
svg .ceiling { stroke: var(--ceiling); stroke-width: 2; stroke-dasharray: 6 4; }
svg .ceiling-label { fill: var(--ceiling); font-weight: 600; }
.id, time { white-space: nowrap; }
a { color: #0969da; }
a.id { color: inherit; text-decoration: underline dotted #0969da; text-underline-offset: 2px; }
/* a table wider than the page scrolls in its own box, never the page */
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
/* break-word, not anywhere: a column is never narrower than its longest word */
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f6f8fa; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.url { overflow-wrap: anywhere; }
section p { margin: 4px 0; overflow-wrap: anywhere; }
ul.advisories { padding-left: 18px; }
ul.advisories li { margin: 4px 0; overflow-wrap: anywhere; }
li.error strong { color: var(--ceiling); }
li.warning strong { color: #9a6700; }
li.info strong { color: var(--now); }
footer { color: var(--dim); font-size: 12px; margin-top: 28px; }
@media (max-width: 720px) {
  main { padding: 16px; }
  .summary { padding: 4px 12px 10px; }
  .summary dl { grid-template-columns: minmax(0, 1fr); gap: 2px; }
  .summary dd { margin-bottom: 6px; }
  /* each row a card: the cell's column name before its value */
  table.cards thead { display: none; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.cards td { border: 0; padding: 1px 0; text-align: left; white-space: normal; }
  table.cards td:empty { display: none; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; color: var(--dim); }
  table.cards td:first-child { font-weight: 600; }
}
`;

export function renderHtml(report: HtmlReport): string {
  const v = report.view;
  const summary = report.summary ?? null;
  const links = new Map<string, string>();
  for (const src of [...(report.moreSources?.values() ?? []), ...(summary?.sources.values() ?? [])])
    if (src.urls[0] !== undefined) links.set(src.offering, src.urls[0]);
  const marks = idMarks([...links.keys(), ...(summary?.sources.keys() ?? []), ...(report.ids ?? [])], links);
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(v.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(v.title)}</h1>`,
  ];
  if (v.headline) out.push(`<p class="headline">${inline(v.headline, marks)}</p>`);
  if (summary) out.push(summaryHtml(summary, marks));
  for (const line of v.subtitle) out.push(`<p class="sub">${inline(line, marks)}</p>`);
  out.push('</header>');
  const figures = [...(report.chart ? [{ svg: renderChart(report.chart), caption: report.chart.title }] : []), ...(report.figures ?? [])];
  if (figures.length)
    out.push('<div class="figures">', ...figures.map((f) => `<figure>\n${f.svg}\n<figcaption>${escapeHtml(f.caption)}</figcaption>\n</figure>`), '</div>');
  out.push('<div class="tables">', ...v.sections.map((s) => sectionHtml(s, marks)));
  if (summary) out.push(sourcesHtml(summary, marks));
  out.push('</div>');
  out.push(
    '<footer>Written by vidcost. Money is rounded half-up to the cent for display only. This file is self-contained: no scripts, no network requests; the links to price sources open only when clicked.</footer>',
    '</main>',
    '</body>',
    '</html>',
    '',
  );
  return out.join('\n');
}
