// `vidcost prices sources` in every format.
import type { SourcesReport } from '../engine/sources.js';
import { renderCsv } from './csv.js';
import type { Section, View } from './view.js';

function age(days: number): string {
  return days < 0 ? `in ${-days} d` : `${days} d`;
}

/**
 * On a terminal each source takes two lines, its dates then its URL in full (a table would cut a
 * long URL, and the URL is what a person opens); Markdown has a column each.
 */
export function sourcesView(report: SourcesReport, target: 'table' | 'markdown' = 'table'): View {
  const undated = report.sources.filter((s) => s.dated === null).length;
  const cells = report.sources.map((s) => [s.read, age(s.readDaysAgo), s.dated ?? 'undated', s.vendor, s.name ?? '(beside a figure)']);
  const header = ['Read', 'Age', 'Dated', 'Vendor', 'Name'];
  const section: Section =
    target === 'markdown'
      ? { table: { columns: [...header.map((h) => ({ header: h })), { header: 'URL' }], rows: report.sources.map((s, i) => [...cells[i]!, s.url]) } }
      : {
          lines: aligned(
            header,
            cells,
            report.sources.map((s) => s.url),
          ),
        };
  return {
    title: 'Price sources to re-verify, oldest reading first',
    subtitle: [`Sheets in force on ${report.asOf}; ages in days before that date. "undated": the source carries no date of its own.`],
    headline: `${report.sources.length} source${report.sources.length === 1 ? '' : 's'}, ${undated} undated`,
    sections: [section],
  };
}

/** Columns padded to their widest cell, each row followed by its URL on a line of its own. */
function aligned(header: string[], rows: string[][], urls: string[]): string[] {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, k) => (k === 1 ? c.padStart(widths[k]!) : c.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.flatMap((r, i) => [line(r), `  ${urls[i]}`])];
}

export function sourcesJson(report: SourcesReport): unknown {
  return { schemaVersion: 1, asOf: report.asOf, sources: report.sources };
}

export function sourcesCsv(report: SourcesReport): string {
  return renderCsv(
    ['vendor', 'sheet', 'name', 'url', 'read', 'dated', 'read_days_ago', 'dated_days_ago'],
    report.sources.map((s) => [s.vendor, s.sheet, s.name, s.url, s.read, s.dated ?? 'undated', s.readDaysAgo, s.datedDaysAgo]),
  );
}
