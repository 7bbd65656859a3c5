// Turns an offering's published rate into dollars per second (and per clip, where it bills whole
// clips) for one variant: channel, resolution, audio, HDR/EXR and tier. Pure and exact.
import { dec, ONE } from '../money/decimal.js';
import { ceilDiv, divide } from '../money/decimal-ops.js';
import { atLeast, exact, mapEnds, pointOf, times, UNKNOWN, withApprox, type Figure } from '../money/figure.js';
import type { Catalog } from '../pricing/catalog.js';
import type { Offering, Plan, Rate } from '../pricing/model.js';
import { resolutionRank, type Channel, type Resolution } from '../pricing/vocabulary.js';
import type { VendorOverride } from '../scenario/model.js';

export interface PriceQuery {
  channel: Channel;
  resolution: Resolution;
  audio: boolean;
  hdr: boolean;
  exr: boolean;
  batch: boolean;
}

export interface PriceContext {
  catalog: Catalog;
  overrides?: Readonly<Record<string, VendorOverride>>;
}

export type Billing = { kind: 'per_second' } | { kind: 'per_clip'; clipSeconds: Figure; usdPerClip: Figure; creditsPerClip: Figure | null };

export interface CreditValue {
  usdPerCredit: Figure;
  /** where the value comes from: "api", "override", or the plan it was derived from */
  basis: 'api' | 'override' | 'plan';
  plan: Plan | null;
}

export interface Priced {
  status: 'priced';
  offering: Offering;
  rate: Rate;
  billing: Billing;
  usdPerSecond: Figure;
  creditsPerSecond: Figure | null;
  creditValue: CreditValue | null;
  batch: boolean;
  /** true when a figure rests on a value the scenario supplied */
  overridden: boolean;
}

export interface NotPriced {
  status: 'not-offered' | 'unpriced';
  offering: Offering;
  reason: string;
}

export type PriceResult = Priced | NotPriced;

/** Why a variant's dollars per second is unknown, so a report can say how to supply it. */
export type UnknownReason = 'credit-value' | 'credits' | 'clip-length' | 'gpu-seconds' | 'no-price';

/** Why the dollars per second of a priced variant (null: not priced at all) is unknown; null when it is known. */
export function unknownBecause(p: Priced | null): UnknownReason | null {
  if (p === null) return 'no-price';
  if (p.usdPerSecond.low !== null) return null;
  const unit = p.rate.unit;
  // credits not published come first: a dollar value of a credit would not price the variant
  if ((unit.kind === 'credits_per_second' || unit.kind === 'credits_per_clip') && unit.credits.low === null) return 'credits';
  if (p.creditValue && p.creditValue.usdPerCredit.low === null) return 'credit-value';
  if (p.creditsPerSecond && p.creditsPerSecond.low === null) return 'credits';
  if ((unit.kind === 'credits_per_clip' || unit.kind === 'usd_per_clip') && pointOf(unit.clipSeconds) === null) return 'clip-length';
  if (unit.kind === 'gpu') return 'gpu-seconds';
  return 'no-price';
}

const SECONDS_PER_HOUR = dec(3600);

function describeVariant(r: Pick<Rate, 'resolution' | 'audio' | 'hdr' | 'exr'>): string {
  const parts = [r.resolution ?? 'any resolution'];
  if (r.hdr) parts.push(r.exr ? 'HDR+EXR' : 'HDR');
  if (r.audio === true) parts.push('with audio');
  else if (r.audio === false) parts.push('without audio');
  return parts.join(' ');
}

function describeQuery(q: PriceQuery): string {
  const parts: string[] = [q.resolution];
  if (q.hdr) parts.push(q.exr ? 'HDR+EXR' : 'HDR');
  parts.push(q.audio ? 'with audio' : 'without audio');
  return parts.join(' ');
}

export function ratesOn(offering: Offering, channel: Channel): Rate[] {
  return offering.rates.filter((r) => r.channel === channel);
}

function matches(rate: Rate, q: PriceQuery): boolean {
  if (rate.resolution !== null && rate.resolution !== q.resolution) return false;
  if (rate.hdr !== q.hdr) return false;
  if (q.exr && !rate.exr) return false;
  if (rate.audio !== 'included' && rate.audio !== q.audio) return false;
  return true;
}

/** The rate that prices this variant: one stated for the resolution beats one that names none. */
export function findRate(offering: Offering, q: PriceQuery): Rate | NotPriced {
  const onChannel = ratesOn(offering, q.channel);
  if (onChannel.length === 0) {
    const elsewhere = offering.channels.filter((c) => c !== q.channel);
    return {
      status: 'not-offered',
      offering,
      reason: `not sold on the ${q.channel} channel${elsewhere.length ? ` (only ${elsewhere.join(', ')})` : ''}`,
    };
  }
  const candidates = onChannel.filter((r) => matches(r, q));
  const best = candidates.find((r) => r.resolution !== null) ?? candidates[0];
  if (best) return best;
  const resolutions = [...new Set(onChannel.map((r) => r.resolution))];
  if (!resolutions.includes(null) && !resolutions.includes(q.resolution)) {
    return { status: 'not-offered', offering, reason: `no ${q.resolution} output priced (priced at ${resolutions.join(', ')})` };
  }
  return {
    status: 'unpriced',
    offering,
    reason: `no price published for ${describeQuery(q)} (published: ${onChannel.map(describeVariant).join('; ')})`,
  };
}

/** USD per credit for an offering's vendor on a channel: API credit value, override, or reference plan. */
export function creditValue(ctx: PriceContext, vendor: string, channel: Channel): CreditValue {
  const override = ctx.overrides?.[vendor]?.usdPerCredit;
  if (override) return { usdPerCredit: override, basis: 'override', plan: null };
  const sheet = ctx.catalog.sheets.find((s) => s.vendor === vendor);
  if (channel === 'api') return { usdPerCredit: sheet?.apiUsdPerCredit?.value ?? UNKNOWN, basis: 'api', plan: null };
  const plan = sheet?.referencePlan ? (ctx.catalog.plans.find((p) => p.vendor === vendor && p.name === sheet.referencePlan) ?? null) : null;
  return { usdPerCredit: plan ? planCreditValue(plan) : UNKNOWN, basis: 'plan', plan };
}

/** A plan's price ÷ its credits ("$10 ÷ 700 credits = $0.0143 per credit"); division rounds at 20 places. */
export function planCreditValue(plan: Plan): Figure {
  const price = pointOf(plan.usdPerMonth);
  const credits = pointOf(plan.creditsPerMonth);
  if (price === null || credits === null || credits.eq(0)) return UNKNOWN;
  return withApprox(exact(divide(price, credits)), plan.usdPerMonth.approx || plan.creditsPerMonth.approx);
}

// A price depends only on the catalog, the scenario's overrides, the offering and the variant, and
// a report of many workloads asks for the same few variants again and again: each is worked out
// once per (catalog, overrides) and the same immutable result handed back.
const NO_OVERRIDES = {};
const memo = new WeakMap<Catalog, WeakMap<object, Map<string, PriceResult>>>();

function memoFor(ctx: PriceContext): Map<string, PriceResult> {
  let byOverrides = memo.get(ctx.catalog);
  if (!byOverrides) memo.set(ctx.catalog, (byOverrides = new WeakMap()));
  const key = ctx.overrides ?? NO_OVERRIDES;
  let results = byOverrides.get(key);
  if (!results) byOverrides.set(key, (results = new Map()));
  return results;
}

export function priceFor(ctx: PriceContext, offering: Offering, q: PriceQuery): PriceResult {
  const results = memoFor(ctx);
  const key = `${offering.id}\n${q.channel}\n${q.resolution}\n${q.audio ? 1 : 0}${q.hdr ? 1 : 0}${q.exr ? 1 : 0}${q.batch ? 1 : 0}`;
  let result = results.get(key);
  if (result === undefined || result.offering !== offering) {
    result = priceAnew(ctx, offering, q);
    results.set(key, result);
  }
  return result;
}

function priceAnew(ctx: PriceContext, offering: Offering, q: PriceQuery): PriceResult {
  const found = findRate(offering, q);
  if ('status' in found) return found;
  const rate = found;
  const override = ctx.overrides?.[offering.vendor];
  let overridden = false;
  let creditsPerSecond: Figure | null = null;
  let usdPerSecond: Figure;
  let billing: Billing = { kind: 'per_second' };
  let value: CreditValue | null = null;
  const unit = rate.unit;
  switch (unit.kind) {
    case 'usd_per_second':
      usdPerSecond = unit.usd;
      break;
    case 'credits_per_second':
      value = creditValue(ctx, offering.vendor, q.channel);
      creditsPerSecond = unit.credits;
      usdPerSecond = times(unit.credits, value.usdPerCredit);
      break;
    case 'credits_per_clip': {
      value = creditValue(ctx, offering.vendor, q.channel);
      const creditsPerClip = perOneClip(unit.credits, unit.perClips);
      const usdPerClip = times(creditsPerClip, value.usdPerCredit);
      creditsPerSecond = perSecondOfClip(creditsPerClip, unit.clipSeconds);
      usdPerSecond = perSecondOfClip(usdPerClip, unit.clipSeconds);
      billing = { kind: 'per_clip', clipSeconds: unit.clipSeconds, usdPerClip, creditsPerClip };
      break;
    }
    case 'usd_per_clip': {
      const usdPerClip = perOneClip(unit.usd, unit.perClips);
      usdPerSecond = perSecondOfClip(usdPerClip, unit.clipSeconds);
      billing = { kind: 'per_clip', clipSeconds: unit.clipSeconds, usdPerClip, creditsPerClip: null };
      break;
    }
    case 'gpu': {
      const gpuSeconds = override?.gpuSecondsPerOutputSecond ?? unit.gpuSecondsPerOutputSecond;
      overridden = override?.gpuSecondsPerOutputSecond !== undefined;
      usdPerSecond = mapEnds(times(unit.usdPerGpuHour, gpuSeconds), (d) => divide(d, SECONDS_PER_HOUR));
      break;
    }
  }
  if (value?.basis === 'override') overridden = true;
  let batch = false;
  if (q.batch && offering.batch) {
    batch = true;
    usdPerSecond = times(usdPerSecond, offering.batch.factor);
    if (billing.kind === 'per_clip') billing = { ...billing, usdPerClip: times(billing.usdPerClip, offering.batch.factor) };
  }
  return { status: 'priced', offering, rate, billing, usdPerSecond, creditsPerSecond, creditValue: value, batch, overridden };
}

function perOneClip(figure: Figure, perClips: number): Figure {
  return perClips === 1 ? figure : mapEnds(figure, (d) => divide(d, dec(perClips)));
}

function perSecondOfClip(perClip: Figure, clipSeconds: Figure): Figure {
  const seconds = pointOf(clipSeconds);
  if (seconds === null || seconds.eq(0)) return UNKNOWN;
  return withApprox(
    mapEnds(perClip, (d) => divide(d, seconds)),
    clipSeconds.approx,
  );
}

/**
 * How many billed clips one finished clip of `seconds` needs: per-clip units bill whole clips
 * (an 8 s clip on a 5 s unit bills two). With the clip length unknown, at least one.
 */
export function billedClipsPerClip(seconds: Figure, clipSeconds: Figure): Figure {
  const len = pointOf(clipSeconds);
  if (len === null || len.eq(0)) return seconds.low === null ? UNKNOWN : atLeast(ONE, clipSeconds.approx);
  return withApprox(
    mapEnds(seconds, (s) => ceilDiv(s, len)),
    clipSeconds.approx,
  );
}

/** Cost (USD, or credits with `credits: true`) of one generation of a clip of `seconds`. */
export function costPerGeneration(p: Priced, seconds: Figure, credits = false): Figure {
  if (p.billing.kind === 'per_clip') {
    const perClip = credits ? p.billing.creditsPerClip : p.billing.usdPerClip;
    if (perClip === null) return UNKNOWN;
    return times(billedClipsPerClip(seconds, p.billing.clipSeconds), perClip);
  }
  const perSecond = credits ? p.creditsPerSecond : p.usdPerSecond;
  if (perSecond === null) return UNKNOWN;
  return times(seconds, perSecond);
}

/** The nearest resolution with a price on a channel: the highest below, else the lowest above. */
export function nearestPricedResolution(offering: Offering, channel: Channel, wanted: Resolution): Resolution | null {
  const priced = [
    ...new Set(
      ratesOn(offering, channel)
        .map((r) => r.resolution)
        .filter((r): r is Resolution => r !== null),
    ),
  ];
  if (priced.length === 0) return null;
  const below = priced.filter((r) => resolutionRank(r) < resolutionRank(wanted)).sort((a, b) => resolutionRank(b) - resolutionRank(a));
  if (below[0]) return below[0];
  return priced.sort((a, b) => resolutionRank(a) - resolutionRank(b))[0] ?? null;
}
