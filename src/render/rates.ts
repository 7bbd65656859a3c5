// `vidcost rates` in every format: one place decides what a rates row says.
import { markerOf } from '../money/figure.js';
import { formatFigure } from '../money/format.js';
import type { RatesReport, RateRow } from '../engine/rates.js';
import { renderCsv } from './csv.js';
import { decOrNull, figureFields } from './decimal-json.js';
import type { View } from './view.js';

function notesOf(r: RateRow): string {
  const notes: string[] = [];
  if (r.note) notes.push(r.note);
  if (r.sunset) notes.push(r.sunsetPassed ? `shut down ${r.sunset}` : `sunset ${r.sunset}`);
  if (r.provenance === 'secondary') notes.push('secondary source');
  return notes.join('; ');
}

function variantOf(r: RateRow): string {
  const parts = [r.resolution ?? 'any'];
  if (r.hdr) parts.push(r.exr ? 'HDR+EXR' : 'HDR');
  if (r.audio) parts.push('audio');
  if (r.batch) parts.push('batch');
  if (r.channel === 'web-app') parts.push('web app');
  return parts.join(' ');
}

export function ratesView(report: RatesReport, explain: boolean): View {
  const rows = report.rows.map((r) => {
    const credits = r.creditsPerSecond ? `${formatFigure(r.creditsPerSecond, 'count')}${r.creditsNote ? ` (${r.creditsNote})` : ''}` : '–';
    const base = [r.offering, formatFigure(r.usdPerSecond, 'rate'), credits, notesOf(r)];
    return report.all ? [r.offering, variantOf(r), ...base.slice(1)] : base;
  });
  const columns = report.all
    ? [{ header: 'Offering' }, { header: 'Variant' }, { header: '$/second', align: 'right' as const }, { header: 'Credits/s', align: 'right' as const }, { header: 'Notes' }]
    : [{ header: 'Offering' }, { header: `$/s at ${report.resolution}`, align: 'right' as const }, { header: 'Credits/s', align: 'right' as const }, { header: 'Notes' }];
  const view: View = {
    title: report.all ? 'vidcost rates: every priced variant, USD per second' : `vidcost rates: USD per second of ${report.resolution} video`,
    subtitle: [`Prices in force on ${report.asOf}. ~ approximate, from = lower bound, unknown = no source gives it.`],
    sections: [{ table: { columns, rows } }],
  };
  if (explain) {
    view.sections.push({
      heading: 'The arithmetic',
      lines: report.rows.flatMap((r) => [`${r.offering}${report.all ? ` (${variantOf(r)})` : ''}:`, ...r.explanation.map((l) => `  ${l}`)]),
    });
  }
  return view;
}

export function ratesJson(report: RatesReport): unknown {
  return {
    schemaVersion: 1,
    kind: 'rates',
    asOf: report.asOf,
    currency: 'USD',
    resolution: report.resolution,
    rates: report.rows.map((r) => ({
      offering: r.offering,
      channel: r.channel,
      resolution: r.resolution ?? r.requestedResolution,
      resolutionStated: r.resolution !== null,
      audio: r.audio,
      hdr: r.hdr,
      exr: r.exr,
      batch: r.batch,
      ...figureFields('usdPerSecond', r.usdPerSecond, false),
      creditsPerSecond: decOrNull(r.creditsPerSecond),
      usdPerCredit: decOrNull(r.usdPerCredit),
      approx: r.usdPerSecond.approx,
      marker: markerOf(r.usdPerSecond),
      note: r.note,
      sunset: r.sunset,
      sunsetPassed: r.sunsetPassed,
      provenance: r.provenance,
      source: r.source,
      verified: r.verified,
      explanation: r.explanation,
    })),
  };
}

export function ratesCsv(report: RatesReport): string {
  const header = ['offering', 'channel', 'resolution', 'audio', 'hdr', 'exr', 'batch', 'usdPerSecond', 'usdPerSecondLow', 'usdPerSecondHigh', 'creditsPerSecond', 'marker', 'note', 'sunset', 'provenance', 'source', 'verified'];
  const rows = report.rows.map((r) => {
    const f = figureFields('usdPerSecond', r.usdPerSecond, false);
    return [r.offering, r.channel, r.resolution ?? '', r.audio, r.hdr, r.exr, r.batch, f['usdPerSecond'] ?? '', f['usdPerSecondLow'] ?? '', f['usdPerSecondHigh'] ?? '', decOrNull(r.creditsPerSecond) ?? '', markerOf(r.usdPerSecond), r.note, r.sunset, r.provenance, r.source, r.verified];
  });
  return renderCsv(header, rows);
}
