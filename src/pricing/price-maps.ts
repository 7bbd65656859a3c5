// The independent price maps `vidcost prices check` reads, as they are published:
//   LiteLLM's model_prices_and_context_window.json: one object keyed by model; video models have
//     "mode": "video_generation" and USD per second under one of two names,
//     output_cost_per_video_per_second or output_cost_per_second, with resolution tiers as extra
//     fields (output_cost_per_second_1080p) or as separate keys (sora-2-pro-high-res).
//   Portkey's pricing/<provider>.json: keyed by model, prices in US cents under
//     pricing_config.pay_as_you_go.additional_units.<unit>.price, the video units being
//     video_duration_seconds_<W>_<H> and video_seconds; batch prices under
//     custom_pricing.regions.default.execution_modes.batch. A zero there is a placeholder.
// Pure: parsed JSON in, prices out. Every price is read from the number's text, exactly.
import { InputError } from '../errors.js';
import type { Dec } from '../money/decimal.js';
import { isJsonObject, JsonNumber, type JsonObject, type JsonValue } from '../input/json-value.js';
import type { ExternalSource } from './vocabulary.js';

export interface PriceMap {
  source: ExternalSource;
  /** Portkey: the provider the file prices (openai for pricing/openai.json); null for LiteLLM */
  provider: string | null;
  file: string;
  models: JsonObject;
  /** the video-generation keys, in the file's order */
  videoKeys: string[];
}

/** Why a side has no price. */
export type NoPriceReason = 'missing-key' | 'missing-field' | 'zero' | 'not-a-number';

export type Lookup = { usdPerSecond: Dec; reason: null } | { usdPerSecond: null; reason: NoPriceReason };

/** One price a key carries: LiteLLM's field, or Portkey's unit in the standard or batch mode. */
export interface KeyPrice {
  field: string | null;
  batch: boolean;
  usdPerSecond: Dec | null;
}

export const LITELLM_USD_PER_SECOND = ['output_cost_per_video_per_second', 'output_cost_per_second'] as const;
const LITELLM_PRICE_FIELD = /^output_cost_per_(?:video_per_)?second(?:_[A-Za-z0-9]+)?$/;
const PORTKEY_VIDEO_UNIT = /^(?:video_duration_seconds_\d+_\d+|video_seconds)$/;

const own = (o: JsonObject, key: string): JsonValue | undefined => (Object.hasOwn(o, key) ? o[key] : undefined);

function path(value: JsonValue | undefined, ...keys: string[]): JsonValue | undefined {
  let v = value;
  for (const k of keys) {
    if (!isJsonObject(v)) return undefined;
    v = own(v, k);
  }
  return v;
}

/** The provider of a Portkey file from its name: the part before the first dot (openai.json → openai). */
export function portkeyProviderOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.split('.')[0] ?? '';
  return stem || base;
}

/**
 * Recognises a price map from its content. `file` is how errors name it; `fileName` its name on
 * disk, from which a Portkey file's provider is taken.
 */
export function readPriceMap(value: JsonValue, file: string, fileName = file): PriceMap {
  const neither = (why: string) =>
    new InputError([
      {
        file,
        line: null,
        column: null,
        field: '',
        message: `${why}: expected LiteLLM's model_prices_and_context_window.json (model keys whose entries have litellm_provider) or a Portkey pricing/<provider>.json (model keys whose entries have pricing_config)`,
      },
    ]);
  if (!isJsonObject(value)) throw neither(`the file holds ${Array.isArray(value) ? 'an array' : 'a single value'}, not an object of models`);
  let litellm = isJsonObject(own(value, 'sample_spec'));
  let portkey = false;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (!isJsonObject(entry)) continue;
    if (typeof own(entry, 'litellm_provider') === 'string') litellm = true;
    if (isJsonObject(own(entry, 'pricing_config'))) portkey = true;
  }
  if (litellm && portkey) throw neither('the file has entries of both kinds (litellm_provider and pricing_config)');
  if (!litellm && !portkey) throw neither('the file is neither price map');
  if (litellm) {
    const videoKeys = Object.keys(value).filter((k) => {
      const e = value[k];
      return isJsonObject(e) && own(e, 'mode') === 'video_generation';
    });
    return { source: 'litellm', provider: null, file, models: value, videoKeys };
  }
  const videoKeys = Object.keys(value).filter((k) => portkeyPrices(value, k).length > 0);
  return { source: 'portkey', provider: portkeyProviderOf(fileName), file, models: value, videoKeys };
}

function priceOf(v: JsonValue | undefined, centsToUsd: boolean): Lookup {
  if (v === undefined) return { usdPerSecond: null, reason: 'missing-field' };
  if (!(v instanceof JsonNumber)) return { usdPerSecond: null, reason: 'not-a-number' };
  const usd = v.toDec(centsToUsd ? 2 : 0);
  // a zero is a placeholder for a price nobody entered: no price, never free
  if (usd.lte(0)) return { usdPerSecond: null, reason: 'zero' };
  return { usdPerSecond: usd, reason: null };
}

/** LiteLLM: the price of `key` in `field`, or in its plain USD-per-second field (either name). */
export function litellmPrice(map: PriceMap, key: string, field: string | null): Lookup {
  const entry = own(map.models, key);
  if (!isJsonObject(entry)) return { usdPerSecond: null, reason: 'missing-key' };
  if (field !== null) return priceOf(own(entry, field), false);
  for (const name of LITELLM_USD_PER_SECOND) if (own(entry, name) !== undefined) return priceOf(own(entry, name), false);
  return { usdPerSecond: null, reason: 'missing-field' };
}

const EXECUTION_MODES = ['custom_pricing', 'regions', 'default', 'execution_modes'] as const;
const UNITS = ['pricing_config', 'pay_as_you_go', 'additional_units'] as const;

/** Portkey: the price of `unit` for `key`, in dollars (the file has cents); batch reads the batch execution mode. */
export function portkeyPrice(map: PriceMap, key: string, unit: string, batch: boolean): Lookup {
  const entry = own(map.models, key);
  if (!isJsonObject(entry)) return { usdPerSecond: null, reason: 'missing-key' };
  const modes = path(entry, ...EXECUTION_MODES);
  if (batch) return priceOf(path(modes, 'batch', ...UNITS, unit, 'price'), true);
  // the plain price, else the standard execution mode's (Sora 2 Pro's 1080p is only there)
  const plain = path(entry, ...UNITS, unit, 'price');
  return priceOf(plain ?? path(modes, 'standard', ...UNITS, unit, 'price'), true);
}

function portkeyPrices(models: JsonObject, key: string): KeyPrice[] {
  const entry = own(models, key);
  if (!isJsonObject(entry)) return [];
  const out: KeyPrice[] = [];
  const seen = new Set<string>();
  const modes = path(entry, ...EXECUTION_MODES);
  const groups: [JsonValue | undefined, boolean][] = [
    [path(entry, ...UNITS), false],
    [path(modes, 'standard', ...UNITS), false],
    [path(modes, 'batch', ...UNITS), true],
  ];
  for (const [units, batch] of groups) {
    if (!isJsonObject(units)) continue;
    for (const unit of Object.keys(units)) {
      if (!PORTKEY_VIDEO_UNIT.test(unit) || seen.has(`${batch}:${unit}`)) continue;
      seen.add(`${batch}:${unit}`);
      out.push({ field: unit, batch, usdPerSecond: priceOf(path(units, unit, 'price'), true).usdPerSecond });
    }
  }
  return out;
}

/** Every per-second video price a key carries (one row with no field when it carries none). */
export function pricesOfKey(map: PriceMap, key: string): KeyPrice[] {
  if (map.source === 'portkey') return portkeyPrices(map.models, key);
  const entry = own(map.models, key);
  if (!isJsonObject(entry)) return [];
  const out = Object.keys(entry)
    .filter((f) => LITELLM_PRICE_FIELD.test(f))
    .map((f): KeyPrice => ({ field: f, batch: false, usdPerSecond: priceOf(entry[f], false).usdPerSecond }));
  return out.length > 0 ? out : [{ field: null, batch: false, usdPerSecond: null }];
}
