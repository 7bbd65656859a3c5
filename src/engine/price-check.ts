// `vidcost prices check`: the sheets in force at a date against independent price maps (LiteLLM,
// Portkey). Which external entry prices which offering variant is data in the sheets (a rate's
// `external` list); this module only follows it. Pure: catalog and parsed maps in, report out.
import type { Dec } from '../money/decimal.js';
import { markerOf, type Figure } from '../money/figure.js';
import type { Catalog } from '../pricing/catalog.js';
import type { ExternalRef, Offering, Rate } from '../pricing/model.js';
import { litellmPrice, portkeyPrice, pricesOfKey, type Lookup, type NoPriceReason, type PriceMap } from '../pricing/price-maps.js';
import type { ExternalSource, Resolution } from '../pricing/vocabulary.js';
import { priceFor } from './price.js';

export type Verdict = 'agree' | 'differs' | 'no-price';

export interface PriceCheckRow {
  offering: string;
  resolution: Resolution | null;
  /** true: the audio-on variant; 'included': the offering always makes sound */
  audio: boolean | 'included';
  hdr: boolean;
  batch: boolean;
  source: ExternalSource;
  /** Portkey: the provider file; null for LiteLLM */
  provider: string | null;
  key: string;
  /** LiteLLM's field or Portkey's unit compared; null: LiteLLM's plain USD-per-second field */
  field: string | null;
  /** our USD per second for the variant (batch: times the batch factor) */
  ours: Figure;
  theirs: Dec | null;
  verdict: Verdict;
  /** why a side has no price */
  noPrice: NoPriceReason | 'ours-unknown' | null;
  /** the figures of sources the sheet records as disagreeing, when the rate keeps them */
  conflict: boolean;
}

export interface UnmatchedEntry {
  source: ExternalSource;
  provider: string | null;
  key: string;
  field: string | null;
  batch: boolean;
  usdPerSecond: Dec | null;
}

export interface PriceCheckReport {
  kind: 'price-check';
  asOf: string;
  against: { source: ExternalSource; provider: string | null; file: string; videoEntries: number }[];
  checks: PriceCheckRow[];
  unmatched: UnmatchedEntry[];
  /** mappings in the sheets to a map that was not given (e.g. Portkey's vertex-ai when only openai.json was) */
  notChecked: number;
  /** Portkey providers given that no sheet maps (their file name is taken as the provider) */
  unmappedProviders: string[];
}

/** Where a mapping points: LiteLLM's one map, or one Portkey provider's file. */
function mapKey(source: ExternalSource, provider: string | null): string {
  return source === 'litellm' ? 'litellm' : `portkey:${provider ?? ''}`;
}

function contains(f: Figure, x: Dec): boolean {
  return f.low !== null && f.low.lte(x) && (f.high === null || f.high.gte(x));
}

/** Our price of exactly this rate's variant, through the same pricing as every report. */
function oursFor(catalog: Catalog, offering: Offering, rate: Rate, batch: boolean): Figure {
  // an offering of this one rate, so no other rate of the offering can answer for it
  const single: Offering = { ...offering, rates: [rate] };
  const priced = priceFor({ catalog }, single, {
    channel: rate.channel,
    resolution: rate.resolution ?? '1080p',
    audio: rate.audio === true,
    hdr: rate.hdr,
    exr: rate.exr,
    batch,
  });
  return priced.status === 'priced' ? priced.usdPerSecond : { low: null, high: null, approx: false };
}

function verdictOf(rate: Rate, ours: Figure, batch: boolean, theirs: Dec | null): Verdict {
  if (theirs === null || markerOf(ours) === 'unknown') return 'no-price';
  // where the sheet keeps the figures of sources that disagree, agreeing with one of them is agreeing
  if (rate.conflict && !batch) return rate.conflict.some((c) => contains(c.usdPerSecond, theirs)) ? 'agree' : 'differs';
  return contains(ours, theirs) ? 'agree' : 'differs';
}

function lookUp(map: PriceMap, e: ExternalRef): Lookup {
  return e.source === 'litellm' ? litellmPrice(map, e.key, e.field) : portkeyPrice(map, e.key, e.unit ?? '', e.batch);
}

export function priceCheck(catalog: Catalog, maps: readonly PriceMap[]): PriceCheckReport {
  const byMap = new Map<string, PriceMap>();
  for (const m of maps) byMap.set(mapKey(m.source, m.provider), m);
  const mappedKeys = new Map<string, Set<string>>();
  const checks: PriceCheckRow[] = [];
  const seen = new Set<string>();
  let notChecked = 0;
  for (const offering of catalog.offerings) {
    const sellsOnApi = offering.channels.includes('api');
    for (const rate of offering.rates) {
      for (const e of rate.external) {
        const where = mapKey(e.source, e.provider);
        if (!mappedKeys.has(where)) mappedKeys.set(where, new Set());
        mappedKeys.get(where)!.add(e.key);
      }
      // a rate that names no channel is copied onto each; price maps list API prices
      if (sellsOnApi && rate.channel !== 'api') continue;
      for (const e of rate.external) {
        const id = JSON.stringify([offering.id, rate.resolution, rate.audio, rate.hdr, rate.exr, e]);
        if (seen.has(id)) continue;
        seen.add(id);
        const map = byMap.get(mapKey(e.source, e.provider));
        if (!map) {
          notChecked++;
          continue;
        }
        const ours = oursFor(catalog, offering, rate, e.batch);
        const found = lookUp(map, e);
        const verdict = verdictOf(rate, ours, e.batch, found.usdPerSecond);
        checks.push({
          offering: offering.id,
          resolution: rate.resolution,
          audio: rate.audio,
          hdr: rate.hdr,
          batch: e.batch,
          source: e.source,
          provider: e.provider,
          key: e.key,
          field: e.source === 'litellm' ? e.field : e.unit,
          ours,
          theirs: found.usdPerSecond,
          verdict,
          noPrice: found.reason ?? (markerOf(ours) === 'unknown' ? 'ours-unknown' : null),
          conflict: rate.conflict !== null && !e.batch,
        });
      }
    }
  }
  const unmatched: UnmatchedEntry[] = [];
  for (const map of maps) {
    const mapped = mappedKeys.get(mapKey(map.source, map.provider)) ?? new Set<string>();
    for (const key of map.videoKeys) {
      if (mapped.has(key)) continue;
      for (const p of pricesOfKey(map, key))
        unmatched.push({ source: map.source, provider: map.provider, key, field: p.field, batch: p.batch, usdPerSecond: p.usdPerSecond });
    }
  }
  return {
    kind: 'price-check',
    asOf: catalog.asOf,
    against: maps.map((m) => ({ source: m.source, provider: m.provider, file: m.file, videoEntries: m.videoKeys.length })),
    checks,
    unmatched,
    notChecked,
    unmappedProviders: maps.filter((m) => m.source === 'portkey' && !mappedKeys.has(mapKey(m.source, m.provider))).map((m) => m.provider!),
  };
}

/** The checks whose verdict is `differs` (what --fail-on-drift gates on). */
export function drifted(report: PriceCheckReport): PriceCheckRow[] {
  return report.checks.filter((c) => c.verdict === 'differs');
}
