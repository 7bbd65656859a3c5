// `vidcost rates`: every offering normalized to USD per second at one resolution (the article's
// Table 1), or every priced variant with `all`. Pure: catalog in, report out.
import { dec, formatNumber, formatRate, formatUsd } from '../money/decimal.js';
import { times, type Figure } from '../money/figure.js';
import { formatAmount, formatFigure } from '../money/format.js';
import type { Catalog } from '../pricing/catalog.js';
import type { Offering, Rate } from '../pricing/model.js';
import type { Channel, Provenance, Resolution } from '../pricing/vocabulary.js';
import { nearestPricedResolution, priceFor, ratesOn, type PriceContext, type Priced, type PriceQuery } from './price.js';

export interface RateRow {
  offering: string;
  name: string;
  vendor: string;
  channel: Channel;
  /** the resolution the figure is for; null where the source names none */
  resolution: Resolution | null;
  /** the resolution asked for, when the row had to fall back to another one */
  requestedResolution: Resolution;
  audio: boolean;
  hdr: boolean;
  exr: boolean;
  batch: boolean;
  usdPerSecond: Figure;
  creditsPerSecond: Figure | null;
  /** a note on the credits figure, e.g. "with audio" when it is for another audio setting */
  creditsNote: string | null;
  usdPerCredit: Figure | null;
  /** e.g. "720p std", "web-app plan credits (Standard)", "resolution not stated" */
  note: string | null;
  sunset: string | null;
  sunsetPassed: boolean;
  provenance: Provenance;
  source: string;
  verified: string;
  explanation: string[];
}

export interface RatesReport {
  kind: 'rates';
  asOf: string;
  resolution: Resolution;
  all: boolean;
  rows: RateRow[];
}

export interface RatesOptions {
  resolution?: Resolution;
  all?: boolean;
  /** clip length for the worked "per clip" line of explanations */
  clipSeconds?: number;
}

const STANDARD: Omit<PriceQuery, 'channel' | 'resolution'> = { audio: false, hdr: false, exr: false, batch: false };

export function ratesReport(catalog: Catalog, options: RatesOptions = {}): RatesReport {
  const resolution = options.resolution ?? '1080p';
  const ctx: PriceContext = { catalog };
  const clipSeconds = options.clipSeconds ?? 10;
  const rows: RateRow[] = [];
  for (const offering of sortedOfferings(catalog.offerings)) {
    if (options.all) rows.push(...allVariants(ctx, offering, resolution, clipSeconds));
    else {
      const row = headlineRow(ctx, offering, resolution, clipSeconds);
      if (row) rows.push(row);
    }
  }
  return { kind: 'rates', asOf: catalog.asOf, resolution, all: Boolean(options.all), rows };
}

function sortedOfferings(offerings: readonly Offering[]): Offering[] {
  return [...offerings].sort((a, b) => a.id.localeCompare(b.id));
}

/** The API price when the offering is sold on the API, else the web-app plan-credit value. */
function primaryChannel(o: Offering): Channel {
  return o.channels.includes('api') ? 'api' : 'web-app';
}

function headlineRow(ctx: PriceContext, o: Offering, wanted: Resolution, clipSeconds: number): RateRow | null {
  const channel = primaryChannel(o);
  const tries = (resolution: Resolution) => [
    priceFor(ctx, o, { channel, resolution, ...STANDARD }),
    priceFor(ctx, o, { channel, resolution, ...STANDARD, audio: true }),
  ];
  let priced = tries(wanted).find((p): p is Priced => p.status === 'priced');
  let fallback: Resolution | null = null;
  if (!priced) {
    fallback = nearestPricedResolution(o, channel, wanted);
    if (fallback && fallback !== wanted) priced = tries(fallback).find((p): p is Priced => p.status === 'priced');
  }
  if (!priced) {
    // Offered at the resolution but with no published price for any standard variant.
    const rate = ratesOn(o, channel)[0];
    if (!rate) return null;
    return rowOf(ctx, o, null, rate, wanted, 'no standard variant priced', clipSeconds);
  }
  const noteParts: string[] = [];
  if (fallback && fallback !== wanted) noteParts.push(`${fallback} std`);
  return rowOf(ctx, o, priced, priced.rate, wanted, noteParts.join(', ') || null, clipSeconds);
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
    out.push(rowOf(ctx, o, p, rate, wanted, null, clipSeconds));
    if (o.batch && p) {
      const batch = priceFor(ctx, o, { ...query, batch: true });
      if (batch.status === 'priced') out.push(rowOf(ctx, o, batch, rate, wanted, `batch, ${o.batch.latency}`, clipSeconds));
    }
  }
  return out;
}

function rowOf(ctx: PriceContext, o: Offering, p: Priced | null, rate: Rate, wanted: Resolution, note: string | null, clipSeconds: number): RateRow {
  const notes: string[] = [];
  if (note) notes.push(note);
  if (rate.resolution === null) notes.push('resolution not stated');
  if (rate.channel === 'web-app' && p?.creditValue?.plan) notes.push(`web-app plan credits (${p.creditValue.plan.name})`);
  if (p?.billing.kind === 'per_clip' && p.billing.clipSeconds.low === null) notes.push(`${formatFigure(p.billing.usdPerClip, 'money')} per generation, its length not given`);
  if (p?.creditValue && p.creditValue.usdPerCredit.low === null) notes.push(`${o.vendor} credit value unknown`);
  let creditsPerSecond = p?.creditsPerSecond ?? null;
  let creditsNote: string | null = null;
  if (creditsPerSecond === null && p) {
    // Kling's API price is a dollar range; its credit table lives on the web-app side: show it beside.
    const credits = creditsElsewhere(ctx, o, p, rate.resolution ?? wanted);
    if (credits) ({ creditsPerSecond, creditsNote } = credits);
  }
  const asOf = ctx.catalog.asOf;
  const usdPerSecond: Figure = p ? p.usdPerSecond : { low: null, high: null, approx: false };
  return {
    offering: o.id,
    name: o.name,
    vendor: o.vendor,
    channel: rate.channel,
    resolution: rate.resolution,
    requestedResolution: wanted,
    audio: rate.audio !== false,
    hdr: rate.hdr,
    exr: rate.exr,
    batch: p?.batch ?? false,
    usdPerSecond,
    creditsPerSecond,
    creditsNote,
    usdPerCredit: p?.creditValue?.usdPerCredit ?? null,
    note: notes.length ? notes.join('; ') : null,
    sunset: o.sunset,
    sunsetPassed: o.sunset !== null && o.sunset <= asOf,
    provenance: rate.provenance,
    source: rate.source,
    verified: rate.verified,
    explanation: p ? explain(p, clipSeconds) : [`${o.id}: ${rate.note ?? 'no price published for this variant'}`],
  };
}

function creditsElsewhere(ctx: PriceContext, o: Offering, p: Priced, resolution: Resolution): { creditsPerSecond: Figure; creditsNote: string | null } | null {
  for (const channel of o.channels) {
    if (channel === p.rate.channel) continue;
    for (const audio of [false, true]) {
      const other = priceFor(ctx, o, { channel, resolution, audio, hdr: p.rate.hdr, exr: p.rate.exr, batch: false });
      if (other.status === 'priced' && other.creditsPerSecond && other.creditsPerSecond.low !== null) {
        return { creditsPerSecond: other.creditsPerSecond, creditsNote: audio ? 'with audio' : null };
      }
    }
  }
  return null;
}

/**
 * The arithmetic out loud, the way the article writes it ("12 credits × $0.01 per credit = $0.12
 * per second"). Numbers are written plainly; a line resting on an approximate figure says so.
 */
export function explain(p: Priced, clipSeconds: number): string[] {
  const lines: string[] = [];
  const say = (text: string, ...inputs: (Figure | null | undefined)[]) => {
    const isApprox = inputs.some((f) => f?.approx);
    lines.push(isApprox ? `${text} (approximate)` : text);
  };
  const plain = (f: Figure, style: 'money' | 'rate' | 'count') => formatFigure(f, style, { tilde: false });
  const amount = (f: Figure) => formatAmount({ ...f, approx: false });
  const unit = p.rate.unit;
  const cv = p.creditValue;
  const credit = cv ? plain(cv.usdPerCredit, 'rate') : '';
  if (cv?.plan && cv.basis === 'plan') {
    say(`${amount(cv.plan.usdPerMonth)} ÷ ${plain(cv.plan.creditsPerMonth, 'count')} credits = ${credit} per credit (${cv.plan.name} plan)`, cv.usdPerCredit);
  }
  if (cv?.basis === 'override') say(`${credit} per credit, as the scenario's overrides say`);
  switch (unit.kind) {
    case 'usd_per_second':
      say(`${plain(unit.usd, 'rate')} per second, as published`, unit.usd);
      break;
    case 'credits_per_second':
      say(`${plain(unit.credits, 'count')} credits × ${credit} per credit = ${plain(times(unit.credits, cv!.usdPerCredit), 'rate')} per second`, unit.credits, cv?.usdPerCredit);
      break;
    case 'credits_per_clip':
      if (p.billing.kind === 'per_clip' && p.billing.creditsPerClip) {
        say(`${plain(p.billing.creditsPerClip, 'count')} credits × ${credit} per credit = ${plain(p.billing.usdPerClip, 'money')} per ${plain(unit.clipSeconds, 'count')}-second clip`, p.billing.creditsPerClip, cv?.usdPerCredit);
      }
      break;
    case 'usd_per_clip':
      if (unit.perClips !== 1 && p.billing.kind === 'per_clip') {
        say(`${amount(unit.usd)} ÷ ${unit.perClips} clips = ${plain(p.billing.usdPerClip, 'money')} per clip`, unit.usd);
      }
      break;
    case 'gpu':
      say(`${amount(unit.usdPerGpuHour)} per GPU-hour ÷ 3,600 seconds × ${plain(unit.gpuSecondsPerOutputSecond, 'count')} GPU-seconds per output second = ${plain(p.usdPerSecond, 'rate')} per second`, p.usdPerSecond);
      break;
  }
  if (p.billing.kind === 'per_clip') {
    say(`${plain(p.billing.usdPerClip, 'money')} per clip ÷ ${plain(p.billing.clipSeconds, 'count')} seconds = ${plain(p.usdPerSecond, 'rate')} per second; a clip bills whole ${plain(p.billing.clipSeconds, 'count')}-second units`, p.billing.usdPerClip);
  }
  if (p.batch && p.offering.batch) {
    say(`batch tier: ${plain(p.offering.batch.factor, 'count')} × the standard price, up to ${p.offering.batch.latency.replace(/^up to /, '')} latency = ${plain(p.usdPerSecond, 'rate')} per second`, p.offering.batch.factor);
  }
  if (p.billing.kind === 'per_second' && p.usdPerSecond.low !== null) {
    const seconds = dec(clipSeconds);
    say(`${formatNumber(seconds)} seconds × ${plain(p.usdPerSecond, 'rate')} per second = ${plain(times(p.usdPerSecond, seconds), 'money')} per clip`, p.usdPerSecond);
  }
  return lines;
}

// re-exported for renderers that format single values
export { formatRate, formatUsd };
