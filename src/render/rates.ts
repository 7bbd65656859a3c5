// `vidcost rates` in every format: one place decides what a rates row says. The terminal table is
// built to fit 80 columns: notes are short tags, and a figure whose source names no resolution is
// marked with "*" instead of a note on most rows.
import { advisorySection } from './advisories.js';
import { markerOf, type Figure } from '../money/figure.js';
import { formatFigure, formatMoney } from '../money/format.js';
import type { RatesReport, RateRow } from '../engine/rates.js';
import { renderCsv } from './csv.js';
import { decOrNull, figureFields } from './decimal-json.js';
import type { View } from './view.js';

const NO_RESOLUTION_MARK = '*';

/** Short notes on a row, most important first. `long` spells out the plan tag (no width limit). */
export function rateNotes(r: RateRow, long = false): string[] {
  const notes: string[] = [];
  switch (r.unknownBecause) {
    case 'credit-value':
      notes.push(long ? `${r.channel === 'web-app' ? 'web-app' : 'API'} credit value unknown` : '$/credit unknown');
      break;
    case 'credits':
      notes.push(long ? `${r.channel === 'web-app' ? 'web-app' : 'API'} credits per second unknown` : 'credits/s unknown');
      break;
    case 'clip-length':
      if (r.usdPerClip && r.usdPerClip.low !== null) notes.push(`${formatMoney(r.usdPerClip)}/clip`);
      notes.push('clip length unknown');
      break;
    case 'gpu-seconds':
      if (r.usdPerGpuHour && r.usdPerGpuHour.low !== null) notes.push(`${formatMoney(r.usdPerGpuHour)}/GPU-hour`);
      notes.push('GPU-seconds unknown');
      break;
    case 'no-price':
      notes.push('no price published');
      break;
    default:
      break;
  }
  if (r.creditPlan && r.channel === 'web-app') notes.push(long ? `web app: ${r.creditPlan} plan credits` : `web app: ${r.creditPlan}`);
  if (r.hdrPremium) notes.push(`${r.hdrPremium.exr ? 'HDR/EXR' : 'HDR'} ~${r.hdrPremium.ratio.round(1).toString()}× SDR`);
  if (r.aggregatorPrice) notes.push('aggregator price');
  if (r.batchLatency) notes.push(`batch, ${r.batchLatency}`);
  if (r.sunset) notes.push(r.sunsetPassed ? `retired ${r.sunset}` : `sunset ${r.sunset}`);
  if (r.sourcesDisagree) notes.push('sources disagree');
  if (r.provenance === 'secondary') notes.push('secondary source');
  return notes;
}

/** "1080p HDR+EXR audio batch web app": the variant a row prices (the --all table). */
export function variantOf(r: RateRow): string {
  const parts = [r.resolution ?? 'any'];
  if (r.hdr) parts.push(r.exr ? 'HDR+EXR' : 'HDR');
  if (r.audio) parts.push('audio');
  if (r.batch) parts.push('batch');
  if (r.channel === 'web-app') parts.push('web app');
  return parts.join(' ');
}

function fellBack(r: RateRow): boolean {
  return r.resolution !== null && r.resolution !== r.requestedResolution;
}

/**
 * The $/s cell of the Table 1 view: "~$0.10 (720p std)" when the figure is for another resolution,
 * "~$0.12*" when the source names none. Unmarked figures keep a trailing space so that, right
 * aligned, their digits line up with the marked ones.
 */
function usdCell(r: RateRow, pad: boolean): string {
  const figure = formatFigure(r.usdPerSecond, 'rate');
  const space = pad ? ' ' : '';
  if (fellBack(r)) return `${figure} (${r.resolution} std)`;
  if (r.usdPerSecond.low === null) return `${figure}${space}`;
  return r.resolution === null ? `${figure}${NO_RESOLUTION_MARK}` : `${figure}${space}`;
}

function creditsCell(r: RateRow): string {
  if (!r.creditsPerSecond) return '–';
  const figure = formatFigure(r.creditsPerSecond, 'count');
  if (!r.creditsFor) return figure;
  return `${figure} (${r.creditsFor.audio ? 'audio' : r.creditsFor.channel})`;
}

export interface RatesViewOptions {
  /** print the arithmetic behind every figure */
  explain?: boolean;
  /** pad unmarked figures so right-aligned digits line up in a terminal table */
  align?: boolean;
  /** every advisory on its own line */
  verbose?: boolean;
}

export function ratesView(report: RatesReport, options: RatesViewOptions = {}): View {
  const subtitle = [`Prices in force on ${report.asOf}.`, '~ approximate, from = lower bound, unknown = no source gives it.'];
  if (report.notYetInForce.length > 0) subtitle.push(`No sheet in force yet on ${report.asOf} for: ${report.notYetInForce.join(', ')}.`);
  const view: View = report.all ? allView(report, subtitle) : headlineView(report, subtitle, Boolean(options.align));
  if (options.explain) {
    view.sections.push({
      heading: 'The arithmetic',
      lines: report.rows.flatMap((r) => [`${r.offering}${report.all ? ` (${variantOf(r)})` : ''}:`, ...r.explanation.map((l) => `  ${l}`)]),
    });
  }
  view.sections.push(...advisorySection(report.advisories, { verbose: Boolean(options.verbose) }));
  return view;
}

function headlineView(report: RatesReport, subtitle: string[], align: boolean): View {
  const rows = report.rows.map((r) => [r.offering, usdCell(r, align), creditsCell(r), rateNotes(r).join('; ')]);
  const lines: string[] = [];
  if (report.rows.some((r) => r.resolution === null && r.usdPerSecond.low !== null)) {
    lines.push(`${NO_RESOLUTION_MARK} the source gives this price without naming a resolution.`);
  }
  for (const res of new Set(report.rows.filter(fellBack).map((r) => r.resolution))) {
    lines.push(`(${res} std): no ${report.resolution} price is published; the figure is the standard ${res} price.`);
  }
  return {
    title: `vidcost rates: USD per second of ${report.resolution} video`,
    subtitle,
    sections: [
      {
        table: {
          columns: [
            { header: 'Offering' },
            { header: `$/s at ${report.resolution}`, align: 'right' },
            { header: 'Credits/s', align: 'right' },
            { header: 'Notes' },
          ],
          rows,
        },
        lines,
      },
    ],
  };
}

/** Every variant: a table that fits 80 columns, then each offering's notes once, below it. */
function allView(report: RatesReport, subtitle: string[]): View {
  const rows = report.rows.map((r) => [
    r.offering,
    variantOf(r),
    formatFigure(r.usdPerSecond, 'rate'),
    r.creditsPerSecond ? formatFigure(r.creditsPerSecond, 'count') : '–',
  ]);
  const notes = new Map<string, string[]>();
  for (const r of report.rows) {
    const list = notes.get(r.offering) ?? [];
    for (const n of rateNotes(r, true)) if (!list.includes(n)) list.push(n);
    notes.set(r.offering, list);
  }
  const noteLines = [...notes].filter(([, list]) => list.length > 0).map(([offering, list]) => `${offering}: ${list.join('; ')}`);
  const legend = report.rows.some((r) => r.resolution === null) ? ['any: the source gives the price without naming a resolution.'] : [];
  return {
    title: 'vidcost rates: every priced variant, USD per second',
    subtitle,
    sections: [
      {
        table: {
          columns: [{ header: 'Offering' }, { header: 'Variant' }, { header: '$/second', align: 'right' }, { header: 'Credits/s', align: 'right' }],
          rows,
        },
        lines: legend,
      },
      ...(noteLines.length > 0 ? [{ heading: 'Notes', lines: noteLines }] : []),
    ],
  };
}

function describeCreditsFor(r: RateRow): string | null {
  const f = r.creditsFor;
  if (!f) return null;
  return `${f.channel} ${f.resolution} ${f.audio ? 'with' : 'without'} audio`;
}

/** Dollars as exact decimal strings with at least two places ("0.10", "0.084"), null where unknown. */
function usdFields(f: Figure): Record<string, string | null> {
  return figureFields('usdPerSecond', f, true);
}

export function ratesJson(report: RatesReport): unknown {
  return {
    schemaVersion: 1,
    kind: 'rates',
    asOf: report.asOf,
    currency: 'USD',
    resolution: report.resolution,
    all: report.all,
    notYetInForce: report.notYetInForce,
    advisories: report.advisories,
    rates: report.rows.map((r) => ({
      offering: r.offering,
      name: r.name,
      channel: r.channel,
      unit: r.unit,
      resolution: r.resolution ?? r.requestedResolution,
      resolutionStated: r.resolution !== null,
      audio: r.audio,
      hdr: r.hdr,
      exr: r.exr,
      batch: r.batch,
      ...usdFields(r.usdPerSecond),
      creditsPerSecond: decOrNull(r.creditsPerSecond),
      creditsFor: describeCreditsFor(r),
      usdPerCredit: decOrNull(r.usdPerCredit, true),
      approx: r.usdPerSecond.approx,
      marker: markerOf(r.usdPerSecond),
      unknownBecause: r.unknownBecause,
      hdrPremium: r.hdrPremium ? r.hdrPremium.ratio.toFixed(4) : null,
      notes: rateNotes(r, true),
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
  const header = [
    'offering',
    'channel',
    'unit',
    'resolution',
    'resolutionStated',
    'audio',
    'hdr',
    'exr',
    'batch',
    'usdPerSecond',
    'usdPerSecondLow',
    'usdPerSecondHigh',
    'creditsPerSecond',
    'approx',
    'marker',
    'notes',
    'sunset',
    'provenance',
    'source',
    'verified',
  ];
  const rows = report.rows.map((r) => {
    const f = usdFields(r.usdPerSecond);
    return [
      r.offering,
      r.channel,
      r.unit,
      r.resolution ?? r.requestedResolution,
      r.resolution !== null,
      r.audio,
      r.hdr,
      r.exr,
      r.batch,
      f['usdPerSecond'] ?? '',
      f['usdPerSecondLow'] ?? '',
      f['usdPerSecondHigh'] ?? '',
      decOrNull(r.creditsPerSecond) ?? '',
      r.usdPerSecond.approx,
      markerOf(r.usdPerSecond),
      rateNotes(r, true).join('; '),
      r.sunset,
      r.provenance,
      r.source,
      r.verified,
    ];
  });
  return renderCsv(header, rows);
}
