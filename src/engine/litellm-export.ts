// `vidcost rates --format litellm`: the API offerings priced per second, as entries of LiteLLM's
// price map, so a team running LiteLLM's proxy can load vidcost's checked prices as custom prices.
// Only a price that is one number per second is written; ranges, lower bounds, unknowns and prices
// billed per whole clip are left out, each with the reason. Pure: catalog in, entries out.
import type { Dec } from '../money/decimal.js';
import { markerOf, pointOf } from '../money/figure.js';
import { formatFigure, formatMoney } from '../money/format.js';
import { compareIds, type Catalog } from '../pricing/catalog.js';
import type { Rate } from '../pricing/model.js';
import { priceFor } from './price.js';

export interface LitellmEntry {
  key: string;
  provider: string;
  usdPerSecond: Dec;
  approx: boolean;
  source: string;
  comment: string;
}

export interface LeftOut {
  offering: string;
  variant: string;
  why: string;
}

export interface LitellmExport {
  asOf: string;
  entries: LitellmEntry[];
  leftOut: LeftOut[];
}

function variantOf(rate: Rate): string {
  const parts = [rate.resolution ?? 'any resolution'];
  if (rate.hdr) parts.push(rate.exr ? 'HDR+EXR' : 'HDR');
  if (rate.audio === true) parts.push('with audio');
  else if (rate.audio === 'included') parts.push('audio included');
  else parts.push('without audio');
  return parts.join(', ');
}

export function litellmExport(catalog: Catalog): LitellmExport {
  const entries: LitellmEntry[] = [];
  const leftOut: LeftOut[] = [];
  const used = new Set<string>();
  for (const offering of [...catalog.offerings].sort((a, b) => compareIds(a.id, b.id))) {
    if (!offering.channels.includes('api')) continue;
    for (const rate of offering.rates) {
      if (rate.channel !== 'api') continue;
      const variant = variantOf(rate);
      const skip = (why: string) => leftOut.push({ offering: offering.id, variant, why });
      if (offering.sunset !== null && offering.sunset <= catalog.asOf) {
        skip(`shut down on ${offering.sunset}`);
        continue;
      }
      const priced = priceFor(
        { catalog },
        { ...offering, rates: [rate] },
        { channel: 'api', resolution: rate.resolution ?? '1080p', audio: rate.audio === true, hdr: rate.hdr, exr: rate.exr, batch: false },
      );
      if (priced.status !== 'priced') {
        skip('no price');
        continue;
      }
      if (priced.billing.kind === 'per_clip') {
        skip(
          `billed per whole clip (${formatMoney(priced.billing.usdPerClip)} per ${formatFigure(priced.billing.clipSeconds, 'count')} s): a price per second would misstate short clips`,
        );
        continue;
      }
      const usd = pointOf(priced.usdPerSecond);
      if (usd === null) {
        const marker = markerOf(priced.usdPerSecond);
        skip(
          marker === 'unknown'
            ? 'unknown: no source gives its price per second'
            : `${marker === 'range' ? 'a range' : 'a lower bound'} (${formatFigure(priced.usdPerSecond, 'rate')}/s), never written as one number`,
        );
        continue;
      }
      // the key LiteLLM itself prices this variant under, when the sheet maps it to a plain entry
      const mapped = rate.external.find((e) => e.source === 'litellm' && e.field === null && !e.batch)?.key;
      const own = `${offering.id}@${rate.resolution ?? 'any'}${rate.audio === true ? '+audio' : ''}${rate.hdr ? (rate.exr ? '+hdr-exr' : '+hdr') : ''}`;
      const key = mapped !== undefined && !used.has(mapped) ? mapped : own;
      if (used.has(key)) {
        skip(`a second price for the key ${key}`);
        continue;
      }
      used.add(key);
      const provider = key === mapped && mapped.includes('/') ? mapped.slice(0, mapped.indexOf('/')) : offering.vendor;
      const approx = priced.usdPerSecond.approx;
      entries.push({
        key,
        provider,
        usdPerSecond: usd,
        approx,
        source: rate.source,
        comment: `vidcost ${offering.id}, ${variant}: ${formatFigure(priced.usdPerSecond, 'rate')} per second${approx ? ' (approximate)' : ''}${rate.provenance === 'secondary' ? ', from a secondary source' : ''}, verified ${rate.verified}`,
      });
    }
  }
  return { asOf: catalog.asOf, entries, leftOut };
}
