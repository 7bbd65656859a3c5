// `vidcost prices check` in every format: per mapped variant ours, theirs and the verdict, then the
// external video entries no offering maps.
import { plainString } from '../money/decimal.js';
import { budgetOf, markerOf } from '../money/figure.js';
import { formatFigure, formatRate } from '../money/format.js';
import type { PriceCheckReport, PriceCheckRow, UnmatchedEntry } from '../engine/price-check.js';
import { renderCsv } from './csv.js';
import { figureFields } from './decimal-json.js';
import type { Section, View } from './view.js';

/**
 * Rows of four aligned cells (variant, ours, theirs, verdict) with the map entry on a line of its
 * own under each: map keys are long, and a terminal table would cut them.
 */
function twoLineRows(rows: { first: string[]; second: string }[]): string[] {
  const header = ['Offering, variant / map entry', 'Ours', 'Theirs', 'Verdict'];
  const width = (k: number) => Math.max(header[k]!.length, ...rows.map((r) => r.first[k]!.length));
  const w = [0, 1, 2].map(width);
  const line = (cells: string[]) => `${cells[0]!.padEnd(w[0]!)}  ${cells[1]!.padStart(w[1]!)}  ${cells[2]!.padStart(w[2]!)}  ${cells[3]}`.trimEnd();
  return [line(header), ...rows.flatMap((r) => [line(r.first), `  ${r.second}`])];
}

const NO_PRICE_WHY: Record<NonNullable<PriceCheckRow['noPrice']>, string> = {
  'missing-key': 'key not in the map',
  'missing-field': 'no such price field',
  zero: 'zero placeholder',
  'not-a-number': 'not a number',
  'ours-unknown': 'ours unknown',
};

function mapName(source: string, provider: string | null): string {
  return provider === null ? source : `${source} ${provider}`;
}

function variant(r: { resolution: string | null; audio: boolean | 'included'; hdr?: boolean; batch: boolean }): string {
  const parts = [r.resolution ?? 'any resolution'];
  if (r.hdr) parts.push('HDR');
  if (r.audio === true) parts.push('audio');
  if (r.batch) parts.push('batch');
  return parts.join(' ');
}

/** A price field said briefly: Portkey's video_duration_seconds_1920_1080 is 1920×1080; a plain per-second field is left unsaid. */
function fieldText(field: string | null): string {
  if (field === null || field === 'video_seconds' || field === 'output_cost_per_video_per_second' || field === 'output_cost_per_second') return '';
  const size = /^video_duration_seconds_(\d+)_(\d+)$/.exec(field);
  return size ? `${size[1]}\u00d7${size[2]}` : field;
}

function entryText(key: string, field: string | null, batch = false): string {
  return [key, fieldText(field), batch ? '(batch)' : ''].filter(Boolean).join(' ');
}

/** "differs (theirs +$0.03)", "agree", "no price (zero placeholder)" */
export function verdictText(r: PriceCheckRow): string {
  if (r.verdict === 'no-price') return `no price: ${NO_PRICE_WHY[r.noPrice ?? 'missing-field']}`;
  if (r.verdict === 'agree') return r.conflict ? 'agree (conflict kept)' : 'agree';
  const ours = budgetOf(r.ours);
  if (ours === null || r.theirs === null || (markerOf(r.ours) !== 'exact' && markerOf(r.ours) !== 'approx')) return 'differs';
  const delta = r.theirs.minus(ours);
  return `differs ${delta.gte(0) ? '+' : '-'}${formatRate(delta.abs())}`;
}

function counts(report: PriceCheckReport): string {
  const n = (v: string) => report.checks.filter((c) => c.verdict === v).length;
  const parts = [`${n('differs')} differ${n('differs') === 1 ? 's' : ''}`, `${n('agree')} agree`];
  if (n('no-price') > 0) parts.push(`${n('no-price')} without a price on one side`);
  return `${report.checks.length} mapped variant${report.checks.length === 1 ? '' : 's'} checked: ${parts.join(', ')}`;
}

/**
 * The report for people. On a terminal each check takes two lines (the variant, then the map entry
 * under it) to fit 80 columns; Markdown has room for a column each.
 */
export function priceCheckView(report: PriceCheckReport, target: 'table' | 'markdown' = 'table'): View {
  const against = report.against.map((a) => `${mapName(a.source, a.provider)} (${a.file}, ${a.videoEntries} video entr${a.videoEntries === 1 ? 'y' : 'ies'})`);
  const lines: string[] = [];
  if (report.notChecked > 0)
    lines.push(`${report.notChecked} mapping${report.notChecked === 1 ? '' : 's'} in the sheets point to a price map not given here (not checked).`);
  for (const p of report.unmappedProviders) lines.push(`No sheet maps an entry of Portkey provider "${p}" (the provider is the file name: ${p}.json).`);
  const wide = target === 'markdown';
  const figures = (c: PriceCheckRow) => [formatFigure(c.ours, 'rate'), c.theirs === null ? '\u2013' : formatRate(c.theirs), verdictText(c)];
  const checks: Pick<Section, 'table' | 'lines'> = wide
    ? {
        table: {
          columns: [
            { header: 'Offering' },
            { header: 'Variant' },
            { header: 'Map' },
            { header: 'Entry' },
            { header: 'Ours', align: 'right' },
            { header: 'Theirs', align: 'right' },
            { header: 'Verdict' },
          ],
          rows: report.checks.map((c) => [c.offering, variant(c), mapName(c.source, c.provider), entryText(c.key, c.field), ...figures(c)]),
        },
      }
    : {
        lines: twoLineRows(
          report.checks.map((c) => ({
            first: [`${c.offering} ${variant(c)}`, ...figures(c)],
            second: `${mapName(c.source, c.provider)}: ${entryText(c.key, c.field)}`,
          })),
        ),
      };
  const unmatchedKeys = new Set(report.unmatched.map((u) => `${u.source}:${u.provider}:${u.key}`)).size;
  return {
    title: 'Prices checked against independent price maps',
    subtitle: [`Sheets in force on ${report.asOf}; USD per second.`, `Against: ${against.join('; ')}.`],
    headline: counts(report),
    sections: [
      {
        heading: 'Mapped variants',
        ...(report.checks.length === 0 ? { lines: ['No variant of the sheets in force maps to an entry of the maps given.'] } : checks),
      },
      {
        heading: `External video entries no offering maps (${unmatchedKeys} key${unmatchedKeys === 1 ? '' : 's'})`,
        table: {
          columns: [{ header: 'Theirs', align: 'right' }, { header: 'Map' }, { header: 'Entry' }],
          rows: report.unmatched.map((u) => [
            u.usdPerSecond === null ? '\u2013' : formatRate(u.usdPerSecond),
            mapName(u.source, u.provider),
            entryText(u.key, u.field, u.batch),
          ]),
        },
        lines,
      },
    ],
  };
}

export function priceCheckJson(report: PriceCheckReport): unknown {
  return {
    schemaVersion: 1,
    asOf: report.asOf,
    against: report.against,
    checks: report.checks.map((c) => ({
      offering: c.offering,
      resolution: c.resolution,
      audio: c.audio !== false,
      batch: c.batch,
      source: c.source,
      provider: c.provider,
      key: c.key,
      field: c.field,
      ...figureFields('ours', c.ours, false),
      oursMarker: markerOf(c.ours),
      theirs: c.theirs === null ? null : plainString(c.theirs),
      verdict: c.verdict,
      noPrice: c.noPrice,
    })),
    unmatched: report.unmatched.map(unmatchedJson),
    notChecked: report.notChecked,
  };
}

function unmatchedJson(u: UnmatchedEntry) {
  return {
    source: u.source,
    provider: u.provider,
    key: u.key,
    field: u.field,
    batch: u.batch,
    usdPerSecond: u.usdPerSecond === null ? null : plainString(u.usdPerSecond),
  };
}

export function priceCheckCsv(report: PriceCheckReport): string {
  const dec = (d: PriceCheckRow['theirs']) => (d === null ? null : plainString(d));
  return renderCsv(
    ['offering', 'resolution', 'audio', 'batch', 'source', 'provider', 'key', 'field', 'ours', 'theirs', 'verdict'],
    [
      ...report.checks.map((c) => [
        c.offering,
        c.resolution,
        c.audio !== false,
        c.batch,
        c.source,
        c.provider,
        c.key,
        c.field,
        dec(budgetOf(c.ours)),
        dec(c.theirs),
        c.verdict,
      ]),
      ...report.unmatched.map((u) => [null, null, null, u.batch, u.source, u.provider, u.key, u.field, null, dec(u.usdPerSecond), 'unmatched']),
    ],
  );
}
