// `vidcost prices sources` in every format.
import type { SourcesReport } from '../engine/sources.js';
import { renderCsv } from './csv.js';
import type { View } from './view.js';

function age(days: number): string {
  return days < 0 ? `in ${-days} d` : `${days} d`;
}

export function sourcesView(report: SourcesReport): View {
  const undated = report.sources.filter((s) => s.dated === null).length;
  return {
    title: 'Price sources to re-verify, oldest reading first',
    subtitle: [`Sheets in force on ${report.asOf}; ages in days before that date. "undated": the source carries no date of its own.`],
    headline: `${report.sources.length} source${report.sources.length === 1 ? '' : 's'}, ${undated} undated`,
    sections: [
      {
        table: {
          columns: [{ header: 'Read' }, { header: 'Age', align: 'right' }, { header: 'Dated' }, { header: 'Vendor' }, { header: 'Source' }],
          rows: report.sources.map((s) => [s.read, age(s.readDaysAgo), s.dated ?? 'undated', s.vendor, `${s.name ? `${s.name}: ` : ''}${s.url}`]),
        },
      },
    ],
  };
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
