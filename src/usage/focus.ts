// FOCUS billing exports (the FinOps Open Cost and Usage Specification, CSV): the rows that bill
// video seconds become UsageRows; every other row (tokens, purchases, tax, credits) is counted as
// skipped, never an error. A row belongs to an offering when SkuPriceDetails.ModelId or SkuId is
// the offering id, one of its external ids in the sheets, or a key of the user's --map file.
import type { Problem } from '../errors.js';
import type { PriceSheet } from '../pricing/model.js';
import { canonicalResolution, RESOLUTION_WORDS } from '../pricing/vocabulary.js';
import type { ProblemSink, RowPlace, UsageRow } from './usage-log.js';
import { parseUsageTime } from './usage-log.js';

/** The columns vidcost reads; a file whose header has BilledCost and ChargeCategory is read as FOCUS. */
export const FOCUS_COLUMNS = [
  'BilledCost',
  'BillingCurrency',
  'ChargeCategory',
  'ChargePeriodStart',
  'ConsumedQuantity',
  'ConsumedUnit',
  'SkuId',
  'SkuPriceDetails',
] as const;

export function isFocusHeader(header: readonly string[]): boolean {
  return header.includes('BilledCost') && header.includes('ChargeCategory');
}

const SECONDS_UNITS = new Set(['s', 'sec', 'secs', 'second', 'seconds']);
const MONEY = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Which offering a ModelId or SkuId names: an offering id itself, an external key of one of its
 * rates in any sheet, or a key of the --map file (which wins: the user knows their own SKUs).
 */
export function focusOfferingIndex(sheets: readonly PriceSheet[], map: Readonly<Record<string, string>> = {}): Map<string, string> {
  const index = new Map<string, string>();
  for (const s of sheets) {
    for (const o of s.offerings) {
      index.set(o.id, o.id);
      for (const r of o.rates) for (const e of r.external) if (!index.has(e.key)) index.set(e.key, o.id);
    }
  }
  for (const [key, id] of Object.entries(map)) index.set(key, id);
  return index;
}

export type FocusResult = { kind: 'row'; row: UsageRow } | { kind: 'skipped' } | { kind: 'bad' };

/**
 * One FOCUS row (its fields by column name) → a usage row billed in seconds, skipped, or bad (the
 * sink has been told why). Every row must be in USD, skipped or not: the export's currency is
 * the currency of all its costs.
 */
export function focusRowOf(
  get: (column: string) => string | undefined,
  place: RowPlace,
  sink: ProblemSink,
  index: ReadonlyMap<string, string>,
  columnOf: (column: string) => number,
): FocusResult {
  const bad = (field: string, message: string): FocusResult => {
    const p: Problem = { file: place.file, line: place.line, column: columnOf(field), field, message };
    sink.add(p);
    return { kind: 'bad' };
  };
  const currency = (get('BillingCurrency') ?? '').trim();
  if (currency !== '' && currency.toUpperCase() !== 'USD') {
    return bad('BillingCurrency', `vidcost reconciles US dollars only, and this export bills in ${currency}: export it in USD (the price sheets are in USD)`);
  }
  if ((get('ChargeCategory') ?? '').trim() !== 'Usage') return { kind: 'skipped' };
  if (!SECONDS_UNITS.has((get('ConsumedUnit') ?? '').trim().toLowerCase())) return { kind: 'skipped' };

  const detailsText = (get('SkuPriceDetails') ?? '').trim();
  let details: Record<string, unknown> = {};
  if (detailsText !== '') {
    try {
      const parsed: unknown = JSON.parse(detailsText);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) details = parsed as Record<string, unknown>;
      else return bad('SkuPriceDetails', 'expected a JSON object');
    } catch {
      return bad('SkuPriceDetails', 'expected a JSON object (FOCUS writes SkuPriceDetails as JSON text)');
    }
  }
  const modelId = typeof details['ModelId'] === 'string' ? (details['ModelId'] as string).trim() : '';
  const skuId = (get('SkuId') ?? '').trim();
  const offering = (modelId && index.get(modelId)) || (skuId && index.get(skuId)) || modelId || skuId;
  if (!offering) return bad('SkuId', 'a usage row billed in seconds needs SkuPriceDetails.ModelId or SkuId to say which offering it is');
  if (/[\u0000-\u001F\u007F-\u009F]/.test(offering)) return bad(modelId ? 'SkuPriceDetails' : 'SkuId', 'the model id holds a control character');

  const cost = (get('BilledCost') ?? '').trim();
  if (!MONEY.test(cost)) return bad('BilledCost', `expected a number, found "${cost}"`);
  if (cost.startsWith('-')) return bad('BilledCost', `a usage charge must not be negative, found ${cost} (refunds are Credit rows)`);
  const quantity = (get('ConsumedQuantity') ?? '').trim();
  if (!MONEY.test(quantity) || quantity.startsWith('-')) return bad('ConsumedQuantity', `expected a non-negative number of seconds, found "${quantity}"`);
  const start = (get('ChargePeriodStart') ?? '').trim();
  const time = parseUsageTime(start);
  if (time === null) return bad('ChargePeriodStart', `expected an ISO 8601 time with Z or an offset, found "${start}"`);

  // not FOCUS columns, but a provider may say which variant it billed
  const res = typeof details['Resolution'] === 'string' ? (details['Resolution'] as string) : '';
  const resolution = (RESOLUTION_WORDS as readonly string[]).includes(res) ? canonicalResolution(res) : '1080p';
  const audio = details['Audio'] === true;
  return {
    kind: 'row',
    row: {
      time,
      offering,
      seconds: quantity,
      resolution,
      audio,
      hdr: false,
      batch: false,
      status: 'succeeded',
      job: null,
      kept: false,
      workload: null,
      usd: cost,
      source: 'focus',
    },
  };
}
