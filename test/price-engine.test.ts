// The conversion engine (src/engine/price.ts, src/engine/rates.ts, src/pricing/catalog.ts) on the
// bundled sheets: every worked example of the article, computed by hand in the comments.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dec } from '../src/money/decimal.js';
import { divide, floorDiv } from '../src/money/decimal-ops.js';
import { formatRate, formatUsd } from '../src/money/format.js';
import { exact, markerOf, UNKNOWN, type Figure } from '../src/money/figure.js';
import { catalogAt, sheetsInForce, type Catalog } from '../src/pricing/catalog.js';
import { parseSheet } from '../src/pricing/load-sheet.js';
import type { PriceSheet } from '../src/pricing/model.js';
import {
  billedClipsPerClip,
  costPerGeneration,
  creditValue,
  planCreditValue,
  priceFor,
  type PriceContext,
  type Priced,
  type PriceQuery,
  type PriceResult,
} from '../src/engine/price.js';
import { ratesReport } from '../src/engine/rates.js';
import { FIXTURES, ROOT } from './helpers.js';

function sheetsUnder(dir: string): PriceSheet[] {
  return readdirSync(dir)
    .sort()
    .flatMap((vendor) =>
      readdirSync(join(dir, vendor))
        .sort()
        .map((f) => join(dir, vendor, f)),
    )
    .map((file) => parseSheet(readFileSync(file, 'utf8'), relative(ROOT, file)));
}

const bundled = sheetsUnder(join(ROOT, 'pricing-data'));
const catalog = catalogAt(bundled, '2026-06-01');
const ctx: PriceContext = { catalog };

const STD = { audio: false, hdr: false, exr: false, batch: false };
const api = (resolution: PriceQuery['resolution'], extra: Partial<PriceQuery> = {}): PriceQuery => ({ channel: 'api', resolution, ...STD, ...extra });
const webApp = (resolution: PriceQuery['resolution'], extra: Partial<PriceQuery> = {}): PriceQuery => ({ channel: 'web-app', resolution, ...STD, ...extra });

function offeringOf(c: Catalog, id: string) {
  const o = c.offerings.find((x) => x.id === id);
  if (!o) throw new Error(`no offering ${id}`);
  return o;
}

function price(id: string, q: PriceQuery, context: PriceContext = ctx): PriceResult {
  return priceFor(context, offeringOf(context.catalog, id), q);
}

function priced(id: string, q: PriceQuery, context: PriceContext = ctx): Priced {
  const p = price(id, q, context);
  if (p.status !== 'priced') throw new Error(`${id} not priced: ${p.reason}`);
  return p;
}

/** "0.7 ~", "0.07..0.14 ~", "from 0.32 ~", "unknown": a figure in a form easy to compare. */
function show(f: Figure | null): string {
  if (f === null) return 'none';
  switch (markerOf(f)) {
    case 'unknown':
      return 'unknown';
    case 'from':
      return `from ${f.low!.toString()}${f.approx ? ' ~' : ''}`;
    case 'range':
      return `${f.low!.toString()}..${f.high!.toString()} ~`;
    default:
      return `${f.low!.toString()}${f.approx ? ' ~' : ''}`;
  }
}

const seconds = (n: number | string) => exact(n);

describe('OpenAI Sora: dollars per second', () => {
  it('Sora 2 Pro, a 10-second clip at 1080p = $7.00', () => {
    // 10 seconds × $0.70 per second = $7.00 per clip (the article's worked example)
    const p = priced('openai/sora-2-pro', api('1080p'));
    expect(show(p.usdPerSecond)).toBe('0.7 ~');
    expect(show(costPerGeneration(p, seconds(10)))).toBe('7 ~');
    expect(formatUsd(costPerGeneration(p, seconds(10)).low!)).toBe('$7.00');
  });

  it('an 8-second Sora 2 clip at 720p = $0.80', () => {
    // 8 seconds × $0.10 per second = $0.80
    const p = priced('openai/sora-2', api('720p'));
    expect(formatUsd(costPerGeneration(p, seconds(8)).low!)).toBe('$0.80');
  });

  it('Sora 2 has no 1080p price: not offered there, not guessed from 720p', () => {
    const p = price('openai/sora-2', api('1080p'));
    expect(p.status).toBe('not-offered');
    expect(p.status !== 'priced' && p.reason).toBe('no 1080p output priced (priced at 720p)');
  });

  it('Sora 2 Pro at 720p and 1024p', () => {
    expect(show(priced('openai/sora-2-pro', api('720p')).usdPerSecond)).toBe('0.3 ~');
    expect(show(priced('openai/sora-2-pro', api('1024p')).usdPerSecond)).toBe('0.5 ~');
  });

  it('the batch tier is half price: $0.10 → $0.05/s; Pro 1080p $0.70 → $0.35/s, a 10 s clip $3.50', () => {
    // ~0.5 × $0.10 = $0.05; ~0.5 × $0.70 = $0.35; 10 × $0.35 = $3.50
    const sora = priced('openai/sora-2', api('720p', { batch: true }));
    expect(sora.batch).toBe(true);
    expect(show(sora.usdPerSecond)).toBe('0.05 ~');
    const pro = priced('openai/sora-2-pro', api('1080p', { batch: true }));
    expect(show(pro.usdPerSecond)).toBe('0.35 ~');
    expect(show(costPerGeneration(pro, seconds(10)))).toBe('3.5 ~');
  });

  it('asking for batch where there is no batch tier changes nothing', () => {
    const p = priced('runway/gen4', api('1080p', { batch: true }));
    expect(p.batch).toBe(false);
    expect(show(p.usdPerSecond)).toBe('0.12 ~');
  });

  it("Sora's audio is included in the price: with or without audio, the same $/s", () => {
    expect(show(priced('openai/sora-2-pro', api('1080p', { audio: true })).usdPerSecond)).toBe('0.7 ~');
  });
});

describe('Runway: credits × $0.01', () => {
  it('gen4: 12 credits × $0.01 = $0.12/s; a 10-second clip $1.20', () => {
    const p = priced('runway/gen4', api('1080p'));
    expect(show(p.creditsPerSecond)).toBe('12 ~');
    expect(show(p.creditValue!.usdPerCredit)).toBe('0.01');
    expect(show(p.usdPerSecond)).toBe('0.12 ~');
    // 10 seconds × $0.12 = $1.20
    expect(formatUsd(costPerGeneration(p, seconds(10)).low!)).toBe('$1.20');
    // 10 seconds × 12 credits = 120 credits
    expect(show(costPerGeneration(p, seconds(10), true))).toBe('120 ~');
  });

  it('gen4-turbo: 5 credits × $0.01 = $0.05/s', () => {
    expect(show(priced('runway/gen4-turbo', api('1080p')).usdPerSecond)).toBe('0.05 ~');
  });

  it("the Unlimited plan's credits are unknown, so is its credit value (never $0)", () => {
    const unlimited = catalog.plans.find((p) => p.vendor === 'runway' && p.name === 'Unlimited')!;
    expect(show(unlimited.creditsPerMonth)).toBe('unknown');
    expect(planCreditValue(unlimited)).toEqual(UNKNOWN);
  });

  it('web-app credits per second are not published: the web-app price is unknown', () => {
    const p = priced('runway/gen4', webApp('1080p'));
    expect(show(p.creditsPerSecond)).toBe('unknown');
    expect(show(p.usdPerSecond)).toBe('unknown');
  });
});

describe('Kling 3.0: credits scaled by resolution and audio', () => {
  it("1080p with audio, 10 seconds, 3 attempts = 360 credits; the Standard plan's 660 buy fewer than two", () => {
    const p = priced('kling/kling-3.0', webApp('1080p', { audio: true }));
    expect(show(p.creditsPerSecond)).toBe('12 ~');
    // 12 credits/s × 10 s = 120 credits per attempt; × 3 attempts = 360 credits
    const perAttempt = costPerGeneration(p, seconds(10), true);
    expect(show(perAttempt)).toBe('120 ~');
    const polished = perAttempt.low!.times(3);
    expect(polished.toString()).toBe('360');
    const standard = catalog.plans.find((x) => x.vendor === 'kling' && x.name === 'Standard')!;
    expect(show(standard.creditsPerMonth)).toBe('660');
    // ⌊660 ÷ 360⌋ = 1 finished clip a month: "fewer than two"
    expect(floorDiv(standard.creditsPerMonth.low!, polished).toString()).toBe('1');
  });

  it('1080p without audio is unknown: not interpolated between 6 and 12', () => {
    const p = price('kling/kling-3.0', webApp('1080p'));
    expect(p.status).toBe('unpriced');
    expect(p.status !== 'priced' && p.reason).toBe('no price published for 1080p without audio (published: 720p without audio; 1080p with audio)');
    // nor 720p with audio
    expect(price('kling/kling-3.0', webApp('720p', { audio: true })).status).toBe('unpriced');
  });

  it('720p without audio: ~6 credits/s', () => {
    expect(show(priced('kling/kling-3.0', webApp('720p')).creditsPerSecond)).toBe('6 ~');
  });

  it('the API price is the aggregator range ~$0.07–$0.14/s; 10 s = ~$0.70–$1.40', () => {
    const p = priced('kling/kling-3.0', api('1080p'));
    expect(show(p.usdPerSecond)).toBe('0.07..0.14 ~');
    expect(show(costPerGeneration(p, seconds(10)))).toBe('0.7..1.4 ~');
  });

  it("through fal: standard ~$0.084/s (the low end of Table 1's $0.08), pro ~$0.112/s", () => {
    expect(show(priced('fal/kling-3.0-standard', api('1080p')).usdPerSecond)).toBe('0.084 ~');
    expect(show(priced('fal/kling-3.0-pro', api('1080p')).usdPerSecond)).toBe('0.112 ~');
    // fal prices Kling without audio only
    expect(price('fal/kling-3.0-pro', api('1080p', { audio: true })).status).toBe('unpriced');
  });
});

describe('Pika 2.5: plan credits and the aggregator', () => {
  it('a credit is worth $10 ÷ 700 = $0.0143 on the Standard plan', () => {
    const value = creditValue(ctx, 'pika', 'web-app');
    expect(value.basis).toBe('plan');
    expect(value.plan!.name).toBe('Standard');
    // 10 ÷ 700, carried to 20 places
    expect(value.usdPerCredit.low!.toString()).toBe('0.01428571428571428571');
    expect(formatRate(value.usdPerCredit.low!)).toBe('$0.0143');
    expect(value.usdPerCredit.approx).toBe(true); // "about ten dollars"
  });

  it('a 10-second 1080p clip = 80 credits × $0.0143 ≈ $1.14 worth of plan credits', () => {
    const p = priced('pika/pika-2.5', webApp('1080p'));
    const clip = costPerGeneration(p, seconds(10));
    // 80 × ($10 ÷ 700) = 8/7 exactly, not 80 × a credit value cut at 20 places (…568)
    expect(clip.low!.eq(dec(8).div(7))).toBe(true);
    expect(clip.low!.toExactString()).toBe('8/7');
    // written at 20 places: 1.14285714285714285714|2857… rounds down
    expect(clip.low!.toString()).toBe('1.14285714285714285714');
    expect(formatUsd(clip.low!)).toBe('$1.14');
    // per second: 8/7 ÷ 10 = 4/35 = 0.11428571428571428571|43… (Table 1's $0.11 end)
    expect(p.usdPerSecond.low!.toExactString()).toBe('4/35');
    expect(p.usdPerSecond.low!.toString()).toBe('0.11428571428571428571');
    expect(show(p.creditsPerSecond)).toBe('8 ~'); // 80 credits ÷ 10 s
  });

  it("through fal: $45 ÷ 100 clips ≈ $0.45 per clip, $0.045/s (Table 1's $0.05 end)", () => {
    const p = priced('fal/pika-2.5', api('1080p'));
    expect(show(costPerGeneration(p, seconds(10)))).toBe('0.45 ~');
    expect(show(p.usdPerSecond)).toBe('0.045 ~');
  });

  it('is not sold on the API itself: programmatic use goes through fal', () => {
    const p = price('pika/pika-2.5', api('1080p'));
    expect(p.status).toBe('not-offered');
    expect(p.status !== 'priced' && p.reason).toBe('not sold on the api channel (only web-app)');
  });
});

describe('Luma: credits per 5-second clip, credit value unknown', () => {
  it('the HDR/EXR path costs about 3× the SDR path per clip (1,120 ÷ 330)', () => {
    const sdr = priced('luma/ray3', api('1080p'));
    const hdr = priced('luma/ray3', api('540p', { hdr: true, exr: true }));
    const sdrClip = costPerGeneration(sdr, seconds(5), true);
    const hdrClip = costPerGeneration(hdr, seconds(5), true);
    expect(show(sdrClip)).toBe('330');
    expect(show(hdrClip)).toBe('1120');
    const ratio = divide(hdrClip.low!, sdrClip.low!);
    // 1120 ÷ 330 = 112 ÷ 33 = 3.3939...: "over three times", "roughly three times"
    expect(ratio.toString()).toBe('3.39393939393939393939');
    expect(ratio.gt(3) && ratio.lt(3.5)).toBe(true);
    // the same ratio per second: 224 ÷ 66
    expect(show(sdr.creditsPerSecond)).toBe('66');
    expect(show(hdr.creditsPerSecond)).toBe('224');
  });

  it('Ray3.14: 400 credits per 5-second 1080p clip = 80 credits/s', () => {
    expect(show(priced('luma/ray3.14', api('1080p')).creditsPerSecond)).toBe('80');
  });

  it('the credit value is unknown, so every dollar figure is unknown, never 0', () => {
    const p = priced('luma/ray3', api('1080p'));
    expect(p.creditValue!.usdPerCredit).toEqual(UNKNOWN);
    expect(show(p.usdPerSecond)).toBe('unknown');
    expect(p.usdPerSecond.low).toBeNull();
    expect(show(costPerGeneration(p, seconds(10)))).toBe('unknown');
  });

  it('a scenario can supply the credit value (hypothetical $0.004): 330 × $0.004 = $1.32 per clip, $0.264/s', () => {
    const p = priced('luma/ray3', api('1080p'), { catalog, overrides: { luma: { usdPerCredit: exact('0.004') } } });
    expect(p.overridden).toBe(true);
    expect(show(costPerGeneration(p, seconds(5)))).toBe('1.32');
    // 1.32 ÷ 5 = 0.264
    expect(show(p.usdPerSecond)).toBe('0.264');
  });

  it('HDR asked of an offering without an HDR price is not priced', () => {
    expect(price('luma/ray3.14', api('1080p', { hdr: true })).status).not.toBe('priced');
  });

  it('Dream Machine API: from ~$0.32 per generation; per second unknown without a length', () => {
    const p = priced('luma/dream-machine-api', api('1080p'));
    expect(show(p.usdPerSecond)).toBe('unknown');
    // one generation at least: from ~$0.32
    expect(show(costPerGeneration(p, seconds(5)))).toBe('from 0.32 ~');
  });
});

describe('per-clip billing bills whole clips', () => {
  it('fal/pika-2.5 ($0.45 per 10-second clip): 8 s and 10 s pay for one clip, 10.5 s and 20 s for two, 21 s for three', () => {
    const p = priced('fal/pika-2.5', api('1080p'));
    const cost = (s: string) => show(costPerGeneration(p, seconds(s)));
    expect(cost('8')).toBe('0.45 ~'); // ⌈8 ÷ 10⌉ = 1 × $0.45
    expect(cost('10')).toBe('0.45 ~'); // ⌈10 ÷ 10⌉ = 1
    expect(cost('10.5')).toBe('0.9 ~'); // ⌈10.5 ÷ 10⌉ = 2 × $0.45
    expect(cost('20')).toBe('0.9 ~');
    expect(cost('21')).toBe('1.35 ~'); // 3 × $0.45
  });

  it('Luma Ray3 (330 credits per 5 s): an 8-second clip bills two clips, 660 credits', () => {
    const p = priced('luma/ray3', api('1080p'));
    expect(show(costPerGeneration(p, seconds(8), true))).toBe('660'); // ⌈8 ÷ 5⌉ = 2 × 330
  });

  it('counts clips: ⌈seconds ÷ clip length⌉, at least one when the length is unknown', () => {
    expect(show(billedClipsPerClip(seconds(8), exact(5)))).toBe('2');
    expect(show(billedClipsPerClip(seconds(5), exact(5)))).toBe('1');
    expect(show(billedClipsPerClip(seconds(8), UNKNOWN))).toBe('from 1');
  });
});

describe('GPU billing', () => {
  it('H100 at ~$1.89/h: unknown until the GPU-seconds per output second are known', () => {
    expect(show(priced('fal/h100-gpu', api('1080p')).usdPerSecond)).toBe('unknown');
  });

  it('with a hypothetical 20 GPU-seconds per output second: $1.89 × 20 ÷ 3,600 = $0.0105/s', () => {
    const p = priced('fal/h100-gpu', api('1080p'), { catalog, overrides: { fal: { gpuSecondsPerOutputSecond: exact(20) } } });
    // 1.89 × 20 = 37.8; 37.8 ÷ 3600 = 0.0105 exactly
    expect(show(p.usdPerSecond)).toBe('0.0105 ~');
    expect(p.overridden).toBe(true);
  });
});

describe('the sheet in force at a date (hypothetical vendor "acme": $0.20/s from 2026-01-01, $0.25/s from 2026-07-01)', () => {
  const acme = sheetsUnder(join(FIXTURES, 'sheets', 'in-force'));
  const rateOn = (asOf: string) => {
    const c = catalogAt(acme, asOf);
    return c.offerings.length === 0 ? 'none' : show(priced('acme/clipper', api('1080p'), { catalog: c }).usdPerSecond);
  };

  it('none before the first sheet takes effect', () => {
    const c = catalogAt(acme, '2025-12-31');
    expect(c.offerings).toEqual([]);
    expect(c.notYetInForce).toEqual(['acme']);
    expect(rateOn('2025-12-31')).toBe('none');
  });

  it('the newest sheet whose effective date is on or before the date', () => {
    expect(rateOn('2026-01-01')).toBe('0.2'); // first day of the first sheet
    expect(rateOn('2026-06-30')).toBe('0.2'); // the day before the change
    expect(rateOn('2026-07-01')).toBe('0.25'); // the day of the change
    expect(rateOn('2027-01-01')).toBe('0.25');
  });

  it('offerings come and go with the sheet in force', () => {
    expect(catalogAt(acme, '2026-06-30').offerings.map((o) => o.id)).toEqual(['acme/clipper']);
    expect(catalogAt(acme, '2026-07-01').offerings.map((o) => o.id)).toEqual(['acme/clipper', 'acme/clipper-lite']);
  });

  it('does not depend on the order sheets are given in, and one vendor does not shadow another', () => {
    const mixed = [...acme].reverse().concat(bundled);
    const { inForce } = sheetsInForce(mixed, '2026-06-30');
    expect(inForce.map((s) => `${s.vendor}/${s.effective}`)).toEqual([
      'acme/2026-01-01',
      'fal/2026-06-01',
      'kling/2026-06-01',
      'luma/2026-06-01',
      'openai/2026-06-01',
      'pika/2026-06-01',
      'replicate/2026-06-01',
      'runway/2026-06-01',
    ]);
  });

  it('the bundled sheets are not in force before 2026-06-01', () => {
    expect(catalogAt(bundled, '2026-05-31').offerings).toEqual([]);
  });
});

describe("ratesReport: the article's Table 1 as data", () => {
  const report = ratesReport(catalog);
  const row = (id: string) => report.rows.find((r) => r.offering === id)!;

  it('normalizes to 1080p by default, one row per offering', () => {
    expect(report.resolution).toBe('1080p');
    expect(report.rows.map((r) => r.offering)).toEqual(catalog.offerings.map((o) => o.id).sort());
  });

  it('Sora 2 "~$0.10 (720p std)": the figure says which resolution it is for', () => {
    expect(row('openai/sora-2').resolution).toBe('720p');
    expect(row('openai/sora-2').requestedResolution).toBe('1080p');
    expect(show(row('openai/sora-2').usdPerSecond)).toBe('0.1 ~');
    expect(show(row('openai/sora-2-pro').usdPerSecond)).toBe('0.7 ~');
  });

  it('Runway Gen-4 "~$0.12 ($0.05 Turbo)"', () => {
    expect(show(row('runway/gen4').usdPerSecond)).toBe('0.12 ~');
    expect(show(row('runway/gen4-turbo').usdPerSecond)).toBe('0.05 ~');
  });

  it('Kling 3.0 "~$0.08–$0.14": the range, and fal standard\'s $0.084 low end', () => {
    expect(show(row('kling/kling-3.0').usdPerSecond)).toBe('0.07..0.14 ~');
    expect(show(row('fal/kling-3.0-standard').usdPerSecond)).toBe('0.084 ~');
    // credits beside the dollars: the web app's 1080p-with-audio figure
    expect(show(row('kling/kling-3.0').creditsPerSecond)).toBe('12 ~');
    expect(row('kling/kling-3.0').creditsFor).toEqual({ channel: 'web-app', resolution: '1080p', audio: true });
  });

  it('Pika 2.5 "~$0.05–$0.11 (aggregator)": fal ~$0.045, plan credits ~$0.114', () => {
    expect(show(row('fal/pika-2.5').usdPerSecond)).toBe('0.045 ~');
    expect(formatRate(row('pika/pika-2.5').usdPerSecond.low!)).toBe('$0.114');
    expect(row('pika/pika-2.5').creditPlan).toBe('Standard');
  });

  it('Luma "SDR moderate; HDR/EXR ~3×": dollars unknown, the HDR premium known', () => {
    const ray3 = row('luma/ray3');
    expect(show(ray3.usdPerSecond)).toBe('unknown');
    expect(ray3.unknownBecause).toBe('credit-value');
    expect(ray3.hdrPremium!.ratio.toString()).toBe('3.39393939393939393939'); // 224 ÷ 66 = 112 ÷ 33
    expect(ray3.hdrPremium!.exr).toBe(true);
  });

  it('says why an unknown is unknown', () => {
    expect(row('fal/h100-gpu').unknownBecause).toBe('gpu-seconds');
    expect(row('luma/dream-machine-api').unknownBecause).toBe('clip-length');
    expect(row('runway/gen4').unknownBecause).toBeNull();
  });

  it('marks the Sora sunset, and past it says the offering is retired', () => {
    expect(ratesReport(catalogAt(bundled, '2026-09-23')).rows.find((r) => r.offering === 'openai/sora-2')!.sunsetPassed).toBe(false);
    expect(ratesReport(catalogAt(bundled, '2026-09-24')).rows.find((r) => r.offering === 'openai/sora-2')!.sunsetPassed).toBe(true);
  });

  it('at 720p Sora 2 needs no fallback and Sora 2 Pro is ~$0.30', () => {
    const r720 = ratesReport(catalog, { resolution: '720p' });
    const sora = r720.rows.find((r) => r.offering === 'openai/sora-2')!;
    expect(sora.resolution).toBe(sora.requestedResolution);
    expect(show(r720.rows.find((r) => r.offering === 'openai/sora-2-pro')!.usdPerSecond)).toBe('0.3 ~');
  });

  it('--all lists every priced variant, batch tiers included', () => {
    const all = ratesReport(catalog, { all: true });
    const variants = all.rows.filter((r) => r.offering === 'openai/sora-2-pro').map((r) => `${r.resolution}${r.batch ? ' batch' : ''} ${show(r.usdPerSecond)}`);
    expect(variants).toEqual(['720p 0.3 ~', '720p batch 0.15 ~', '1024p 0.5 ~', '1024p batch 0.25 ~', '1080p 0.7 ~', '1080p batch 0.35 ~']);
    const kling = all.rows.filter((r) => r.offering === 'kling/kling-3.0').map((r) => `${r.channel} ${r.resolution ?? 'any'} ${show(r.usdPerSecond)}`);
    // web app at the Standard plan's $6.99 ÷ 660 = 0.0105909090...: to 20 places 0.01059090909090909091
    // (the 21st digit is 9, so it rounds up). The credit value stays exact, so 6 × it = 41.94 ÷ 660 =
    // 0.06354545454545454545|45… and 12 × it = 83.88 ÷ 660 = 0.12709090909090909090|909… = …091,
    // not 6 or 12 × the rounded value (…546 and …092, wrong in the last digit)
    expect(divide(dec('6.99'), dec(660)).toString()).toBe('0.01059090909090909091');
    expect(kling).toEqual(['api any 0.07..0.14 ~', 'web-app 720p 0.06354545454545454545 ~', 'web-app 1080p 0.12709090909090909091 ~']);
  });

  it('explains an unknown as unknown, never as a number', () => {
    const all = ratesReport(catalog, { all: true });
    const gen4App = all.rows.find((r) => r.offering === 'runway/gen4' && r.channel === 'web-app')!;
    // Runway Standard: $15 ÷ 625 credits = $0.024 per credit; the credits per second are not published
    expect(gen4App.explanation).toEqual([
      'Standard plan: $15 ÷ 625 credits = $0.024 per credit (approximate)',
      'no source publishes the credits per second on the web-app channel: the price per second is unknown',
    ]);
    expect(row('fal/h100-gpu').explanation).toEqual([
      '~$1.89 per GPU-hour; the GPU-seconds one second of video takes depend on the model: unknown (supply gpu_seconds_per_output_second in overrides)',
    ]);
    for (const r of all.rows.filter((x) => x.usdPerSecond.low === null)) {
      for (const line of r.explanation) expect(line, r.offering).not.toMatch(/\$0(\.0+)?\b(?!\.)/);
    }
  });

  it('explains the arithmetic as the article writes it', () => {
    expect(row('runway/gen4').explanation).toContain('12 credits × $0.01 per credit = $0.12 per second (approximate)');
    expect(row('pika/pika-2.5').explanation[0]).toBe('Standard plan: $10 ÷ 700 credits = $0.0143 per credit (approximate)');
    expect(row('openai/sora-2-pro').explanation).toContain('10 seconds × $0.70 per second = $7.00 per clip (approximate)');
    expect(ratesReport(catalog, { clipSeconds: 8 }).rows.find((r) => r.offering === 'openai/sora-2')!.explanation).toContain(
      '8 seconds × $0.10 per second = $0.80 per clip (approximate)',
    );
    expect(row('luma/ray3').explanation).toContain('540p HDR+EXR: 1,120 ÷ 330 credits per 5-second clip = 3.39× 1080p SDR');
  });
});
