// `vidcost rates`: every offering normalized to USD per second at one resolution (the article's
// Table 1), or every priced variant with `all`. Pure: catalog in, report out. A row carries facts
// (which resolution the figure is for, why a figure is unknown, what values a credit); renderers
// decide how to say them.
import { priceAgeAdvisories, type Advisory } from './advisories.js';
import type { Dec } from '../money/decimal.js';
import { divide } from '../money/decimal-ops.js';
import { pointOf, UNKNOWN, type Figure } from '../money/figure.js';
import { compareIds, type Catalog } from '../pricing/catalog.js';
import type { Offering, Rate, RateUnit } from '../pricing/model.js';
import { resolutionRank, type Channel, type Provenance, type Resolution } from '../pricing/vocabulary.js';
import { explain, type Premium } from './rate-explain.js';
import { priceFor, ratesOn, unknownBecause, type PriceContext, type Priced, type PriceQuery, type UnknownReason } from './price.js';

export interface RateRow {
  offering: string;
  name: string;
  vendor: string;
  channel: Channel;
  /** the unit the source prices this variant in */
  unit: RateUnit['kind'];
  /** the resolution the figure is for; null where the source names none */
  resolution: Resolution | null;
  /** the resolution asked for; differs from `resolution` when the row had to fall back */
  requestedResolution: Resolution;
  audio: boolean;
  hdr: boolean;
  exr: boolean;
  batch: boolean;
  usdPerSecond: Figure;
  /** null when the variant is not priced in credits */
  creditsPerSecond: Figure | null;
  /** the variant the credits figure is for when it is not this row's own (Kling's API price is in dollars) */
  creditsFor: { channel: Channel; resolution: Resolution; audio: boolean } | null;
  usdPerCredit: Figure | null;
  /** the seat plan whose price ÷ credits values a web-app credit */
  creditPlan: string | null;
  unknownBecause: UnknownReason | null;
  /** per-clip units: the price of one clip and its length (unknown when no source gives it) */
  usdPerClip: Figure | null;
  clipSeconds: Figure | null;
  /** GPU billing: the price of a GPU-hour */
  usdPerGpuHour: Figure | null;
  /** how many times this standard path the HDR (or HDR+EXR) path costs per second, where both are priced */
  hdrPremium: { ratio: Dec; resolution: Resolution | null; exr: boolean } | null;
  /** a first-party model whose price on this row is an aggregator's */
  aggregatorPrice: boolean;
  batchLatency: string | null;
  sunset: string | null;
  sunsetPassed: boolean;
  provenance: Provenance;
  source: string;
  verified: string;
  /** sources disagree on this variant: the figure is the range their prices span */
  sourcesDisagree: boolean;
  explanation: string[];
}

export interface RatesReport {
  kind: 'rates';
  asOf: string;
  resolution: Resolution;
  all: boolean;
  rows: RateRow[];
  /** vendors with sheets, none of them in force yet on asOf */
  notYetInForce: string[];
  /** sunsets and stale sheets, as every command that reads prices reports them */
  advisories: Advisory[];
}

export interface RatesOptions {
  resolution?: Resolution;
  all?: boolean;
  /** clip length for the worked "per clip" line of explanations (default 10 seconds) */
  clipSeconds?: number;
  /** a sheet verified more than this many days before the date is stale (default 60) */
  staleAfterDays?: number;
}

const STANDARD: Omit<PriceQuery, 'channel' | 'resolution'> = { audio: false, hdr: false, exr: false, batch: false };

export function ratesReport(catalog: Catalog, options: RatesOptions = {}): RatesReport {
  const resolution = options.resolution ?? '1080p';
  const ctx: PriceContext = { catalog };
  const clipSeconds = options.clipSeconds ?? 10;
  const rows: RateRow[] = [];
  for (const offering of [...catalog.offerings].sort((a, b) => compareIds(a.id, b.id))) {
    if (options.all) rows.push(...allVariants(ctx, offering, resolution, clipSeconds));
    else {
      const row = headlineRow(ctx, offering, resolution, clipSeconds);
      if (row) rows.push(row);
    }
  }
  const advisories = priceAgeAdvisories(catalog, catalog.offerings, null, options.staleAfterDays ?? 60);
  return { kind: 'rates', asOf: catalog.asOf, resolution, all: Boolean(options.all), rows, notYetInForce: catalog.notYetInForce, advisories };
}

/** The API price when the offering is sold on the API, else the web-app plan-credit value. */
function primaryChannel(o: Offering): Channel {
  return o.channels.includes('api') ? 'api' : 'web-app';
}

function headlineRow(ctx: PriceContext, o: Offering, wanted: Resolution, clipSeconds: number): RateRow | null {
  const channel = primaryChannel(o);
  const standardAt = (resolution: Resolution) =>
    [priceFor(ctx, o, { channel, resolution, ...STANDARD }), priceFor(ctx, o, { channel, resolution, ...STANDARD, audio: true })].find(
      (p): p is Priced => p.status === 'priced',
    );
  let priced = standardAt(wanted);
  // Else the nearest resolution with a standard price: the highest below, else the lowest above
  // (Luma Ray3 at 480p skips 540p, which is priced only with HDR, for 1080p).
  for (const fallback of fallbackOrder(o, channel, wanted)) {
    if (priced) break;
    priced = standardAt(fallback);
  }
  if (!priced) {
    // Sold on the channel, but no standard (SDR) variant has a published price.
    const rate = ratesOn(o, channel)[0];
    return rate ? rowOf(ctx, o, null, rate, wanted, clipSeconds, false) : null;
  }
  return rowOf(ctx, o, priced, priced.rate, wanted, clipSeconds, false);
}

function fallbackOrder(o: Offering, channel: Channel, wanted: Resolution): Resolution[] {
  const priced = [...new Set(ratesOn(o, channel).map((r) => r.resolution))].filter((r): r is Resolution => r !== null && r !== wanted);
  const below = priced.filter((r) => resolutionRank(r) < resolutionRank(wanted)).sort((a, b) => resolutionRank(b) - resolutionRank(a));
  const above = priced.filter((r) => resolutionRank(r) > resolutionRank(wanted)).sort((a, b) => resolutionRank(a) - resolutionRank(b));
  return [...below, ...above];
}

function allVariants(ctx: PriceContext, o: Offering, wanted: Resolution, clipSeconds: number): RateRow[] {
  const out: RateRow[] = [];
  for (const rate of o.rates) {
    const query: PriceQuery = {
      channel: rate.channel,
      resolution: rate.resolution ?? wanted,
      audio: rate.audio === true,
      hdr: rate.hdr,
      exr: rate.exr,
      batch: false,
    };
    const priced = priceFor(ctx, o, query);
    const p = priced.status === 'priced' && priced.rate === rate ? priced : null;
    out.push(rowOf(ctx, o, p, rate, wanted, clipSeconds, true));
    if (o.batch && p) {
      const batch = priceFor(ctx, o, { ...query, batch: true });
      if (batch.status === 'priced') out.push(rowOf(ctx, o, batch, rate, wanted, clipSeconds, true));
    }
  }
  return out;
}

function rowOf(ctx: PriceContext, o: Offering, p: Priced | null, rate: Rate, wanted: Resolution, clipSeconds: number, all: boolean): RateRow {
  let creditsPerSecond = p?.creditsPerSecond ?? null;
  let creditsFor: RateRow['creditsFor'] = null;
  if (!all && creditsPerSecond === null && p) {
    // Kling's API price is a dollar range; its credit table lives on the web-app side: show it beside.
    const found = creditsElsewhere(ctx, o, p, rate.resolution ?? wanted);
    if (found) ({ creditsPerSecond, creditsFor } = found);
  }
  const unit = rate.unit;
  const perClip = p?.billing.kind === 'per_clip' ? p.billing : null;
  const premium = !rate.hdr && p ? hdrPremium(ctx, o, p) : null;
  const asOf = ctx.catalog.asOf;
  const row: RateRow = {
    offering: o.id,
    name: o.name,
    vendor: o.vendor,
    channel: rate.channel,
    unit: rate.unit.kind,
    resolution: rate.resolution,
    requestedResolution: wanted,
    audio: rate.audio !== false,
    hdr: rate.hdr,
    exr: rate.exr,
    batch: p?.batch ?? false,
    usdPerSecond: p ? p.usdPerSecond : UNKNOWN,
    creditsPerSecond,
    creditsFor,
    usdPerCredit: p?.creditValue?.usdPerCredit ?? null,
    creditPlan: p?.creditValue?.basis === 'plan' ? (p.creditValue.plan?.name ?? null) : null,
    unknownBecause: unknownBecause(p),
    usdPerClip: perClip ? perClip.usdPerClip : null,
    clipSeconds: perClip ? perClip.clipSeconds : null,
    usdPerGpuHour: unit.kind === 'gpu' ? unit.usdPerGpuHour : null,
    hdrPremium: premium ? { ratio: premium.ratio, resolution: premium.hdr.resolution, exr: premium.hdr.exr } : null,
    aggregatorPrice: rate.provenance === 'aggregator' && o.provenance !== 'aggregator',
    batchLatency: p?.batch && o.batch ? o.batch.latency : null,
    sunset: o.sunset,
    sunsetPassed: o.sunset !== null && o.sunset <= asOf,
    provenance: rate.provenance,
    source: rate.source,
    verified: rate.verified,
    sourcesDisagree: rate.conflict !== null,
    explanation: [],
  };
  row.explanation = p
    ? explain(p, clipSeconds, { wanted: all ? null : wanted, creditsFor, creditsPerSecond, premium })
    : [`no price published for this variant${rate.note ? ` (${rate.note})` : ''}`];
  return row;
}

function creditsElsewhere(
  ctx: PriceContext,
  o: Offering,
  p: Priced,
  resolution: Resolution,
): { creditsPerSecond: Figure; creditsFor: NonNullable<RateRow['creditsFor']> } | null {
  for (const channel of o.channels) {
    if (channel === p.rate.channel) continue;
    for (const audio of [false, true]) {
      const other = priceFor(ctx, o, { channel, resolution, audio, hdr: p.rate.hdr, exr: p.rate.exr, batch: false });
      if (other.status === 'priced' && other.creditsPerSecond && other.creditsPerSecond.low !== null) {
        return { creditsPerSecond: other.creditsPerSecond, creditsFor: { channel, resolution, audio } };
      }
    }
  }
  return null;
}

/**
 * The HDR/EXR premium the article's Table 1 names for Luma ("HDR/EXR ~3×"): the HDR variant's cost
 * per second ÷ this standard variant's, in credits where both are priced in credits (the dollar
 * value of a credit cancels out, so the ratio is known even when that value is not), else in USD.
 */
function hdrPremium(ctx: PriceContext, o: Offering, standard: Priced): Premium | null {
  for (const rate of ratesOn(o, standard.rate.channel)) {
    if (!rate.hdr || !rate.resolution) continue;
    const hdr = priceFor(ctx, o, { channel: rate.channel, resolution: rate.resolution, audio: rate.audio === true, hdr: true, exr: rate.exr, batch: false });
    if (hdr.status !== 'priced' || hdr.rate !== rate) continue;
    const pairs: [Figure | null, Figure | null, Premium['unit']][] = [
      [hdr.creditsPerSecond, standard.creditsPerSecond, 'credits'],
      [hdr.usdPerSecond, standard.usdPerSecond, 'usd'],
    ];
    for (const [h, s, unit] of pairs) {
      const hv = h ? pointOf(h) : null;
      const sv = s ? pointOf(s) : null;
      if (hv !== null && sv !== null && sv.gt(0)) return { ratio: divide(hv, sv), hdr: rate, hdrPerSecond: hv, standardPerSecond: sv, unit };
    }
  }
  return null;
}
