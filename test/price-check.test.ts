// `prices check` in the engine: hypothetical sheets (test/fixtures/pricing-prices) against the
// price maps as published (test/fixtures/price-maps). Expected figures are read from the maps by
// hand: LiteLLM in USD per second, Portkey in cents.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceCheck, type PriceCheckRow } from '../src/engine/price-check.js';
import { InputError } from '../src/errors.js';
import { parseExactJson } from '../src/input/exact-json.js';
import { plainString } from '../src/money/decimal.js';
import { budgetOf } from '../src/money/figure.js';
import { catalogAt } from '../src/pricing/catalog.js';
import { parseSheet } from '../src/pricing/load-sheet.js';
import { readPriceMap, type PriceMap } from '../src/pricing/price-maps.js';
import { nextSheetText } from '../src/pricing/next-sheet.js';
import { FIXTURES } from './helpers.js';

const SHEETS = join(FIXTURES, 'pricing-prices');
const MAPS = join(FIXTURES, 'price-maps');
const LITELLM = join(MAPS, 'litellm', 'model_prices_and_context_window.2026-07-24.json');

function sheets() {
  return readdirSync(SHEETS).flatMap((vendor) =>
    readdirSync(join(SHEETS, vendor)).map((f) => parseSheet(readFileSync(join(SHEETS, vendor, f), 'utf8'), `pricing-data/${vendor}/${f}`)),
  );
}

function map(file: string, name = file.split('/').pop()!): PriceMap {
  return readPriceMap(parseExactJson(readFileSync(file, 'utf8'), name), name, name);
}

function row(rows: PriceCheckRow[], offering: string, resolution: string, source: string, batch = false, key?: string) {
  const found = rows.filter(
    (r) => r.offering === offering && r.resolution === resolution && r.source === source && r.batch === batch && (key === undefined || r.key === key),
  );
  expect(found).toHaveLength(1);
  const r = found[0]!;
  return {
    ours: budgetOf(r.ours) === null ? null : plainString(budgetOf(r.ours)!),
    theirs: r.theirs === null ? null : plainString(r.theirs),
    verdict: r.verdict,
    noPrice: r.noPrice,
  };
}

describe('recognising a price map from its content', () => {
  it('LiteLLM by its litellm_provider entries, Portkey by pricing_config; the provider is the file name', () => {
    const l = map(LITELLM);
    expect([l.source, l.provider, l.videoKeys.length]).toEqual(['litellm', null, 25]);
    const p = map(join(MAPS, 'portkey', 'openai.json'));
    expect([p.source, p.provider, p.videoKeys]).toEqual(['portkey', 'openai', ['sora-2', 'sora-2-pro']]);
    expect(readPriceMap(parseExactJson('{"m": {"pricing_config": {}}}', 'x'), 'x', 'vertex-ai.2026-08-21.json').provider).toBe('vertex-ai');
  });

  it('refuses a file that is neither', () => {
    for (const text of ['{"version": 1, "workloads": []}', '[1, 2]', '{"a": {"litellm_provider": "x"}, "b": {"pricing_config": {}}}']) {
      expect(() => readPriceMap(parseExactJson(text, 'x.json'), 'x.json')).toThrow(InputError);
    }
    expect(() => readPriceMap(parseExactJson('{"a": 1}', 'x.json'), 'x.json')).toThrow(
      /neither price map: expected LiteLLM's model_prices_and_context_window\.json/,
    );
  });
});

describe('the hypothetical sheets of 2026-12-01 against the maps', () => {
  const report = priceCheck(catalogAt(sheets(), '2026-12-01'), [
    map(LITELLM),
    map(join(MAPS, 'portkey', 'openai.json')),
    map(join(MAPS, 'portkey', 'google.json')),
    map(join(MAPS, 'portkey', 'vertex-ai.json')),
    map(join(MAPS, 'portkey', 'fal-ai.json')),
  ]);
  const rows = report.checks;

  it('LiteLLM: both field names, a separate key for 1024p, a _1080p field', () => {
    expect(row(rows, 'openai/sora-2', '720p', 'litellm')).toEqual({ ours: '0.1', theirs: '0.1', verdict: 'agree', noPrice: null });
    expect(row(rows, 'openai/sora-2-pro', '1024p', 'litellm')).toEqual({ ours: '0.5', theirs: '0.5', verdict: 'agree', noPrice: null });
    // output_cost_per_second (gemini) rather than output_cost_per_video_per_second
    expect(row(rows, 'google/veo-3.1-lite', '720p', 'litellm')).toEqual({ ours: '0.05', theirs: '0.05', verdict: 'agree', noPrice: null });
    expect(row(rows, 'google/veo-3.1-lite', '1080p', 'litellm')).toEqual({ ours: '0.08', theirs: '0.08', verdict: 'agree', noPrice: null });
    // 5 credits/s × $0.01
    expect(row(rows, 'runway/gen4-turbo', '720p', 'litellm')).toEqual({ ours: '0.05', theirs: '0.05', verdict: 'agree', noPrice: null });
  });

  it('reports the Veo 3.1 Fast difference: LiteLLM $0.15/s against $0.12', () => {
    expect(row(rows, 'google/veo-3.1-fast', '1080p', 'litellm')).toEqual({ ours: '0.12', theirs: '0.15', verdict: 'differs', noPrice: null });
    // Portkey, 12 cents
    expect(row(rows, 'google/veo-3.1-fast', '1080p', 'portkey')).toEqual({ ours: '0.12', theirs: '0.12', verdict: 'agree', noPrice: null });
    expect(report.checks.filter((c) => c.verdict === 'differs')).toHaveLength(1);
  });

  it('Portkey: cents to dollars, 1080p only in the standard execution mode, batch from the batch mode', () => {
    expect(row(rows, 'openai/sora-2-pro', '1080p', 'portkey')).toEqual({ ours: '0.7', theirs: '0.7', verdict: 'agree', noPrice: null });
    expect(row(rows, 'openai/sora-2', '720p', 'portkey', true)).toEqual({ ours: '0.05', theirs: '0.05', verdict: 'agree', noPrice: null });
    expect(row(rows, 'openai/sora-2-pro', '720p', 'portkey', true).theirs).toBe('0.15');
    expect(row(rows, 'openai/sora-2-pro', '1024p', 'portkey', true).theirs).toBe('0.25');
    expect(row(rows, 'openai/sora-2-pro', '1080p', 'portkey', true).theirs).toBe('0.35');
  });

  it('a conflict the sheet keeps agrees with either of its sources', () => {
    expect(row(rows, 'google/veo-3.1-vertex', '1080p', 'litellm')).toMatchObject({ theirs: '0.4', verdict: 'agree' });
    expect(row(rows, 'google/veo-3.1-vertex', '1080p', 'portkey')).toMatchObject({ theirs: '0.2', verdict: 'agree' });
  });

  it("fal's Portkey entries carry no price: no price, never free", () => {
    expect(row(rows, 'google/veo-3.1-fal', '1080p', 'portkey')).toEqual({ ours: '0.4', theirs: null, verdict: 'no-price', noPrice: 'missing-field' });
  });

  it('lists the video entries no offering maps, with their prices', () => {
    const listed = report.unmatched.map(
      (u) => `${u.source}:${u.provider ?? ''}:${u.key}:${u.field}:${u.usdPerSecond === null ? null : plainString(u.usdPerSecond)}`,
    );
    expect(listed).toContain('litellm::azure/sora-2:output_cost_per_video_per_second:0.1');
    expect(listed).toContain('litellm::gemini/veo-2.0-generate-001:output_cost_per_second:0.35');
    expect(listed).toContain('portkey:vertex-ai:veo-2.0-generate-001:video_seconds:0.5');
    // mapped keys are not listed, whichever of their fields the sheets map
    expect(listed.some((l) => l.includes(':sora-2-pro-high-res:') && l.startsWith('litellm::sora'))).toBe(false);
    expect(listed.some((l) => l.startsWith('litellm::gemini/veo-3.1-lite-generate-preview:'))).toBe(false);
  });
});

describe('a zero in a map is a placeholder', () => {
  it('no price, never $0', () => {
    const zero = readPriceMap(
      parseExactJson('{"m": {"pricing_config": {"pay_as_you_go": {"additional_units": {"video_seconds": {"price": 0}}}}}}', 'z'),
      'z',
      'acme.json',
    );
    const report = priceCheck(
      catalogAt(
        [
          parseSheet(
            `vendor: acme\neffective: 2026-12-01\nverified: 2026-12-01\nprovenance: first-party\nsources: { p: https://acme.example }\nsource: p\nofferings:\n  - { id: acme/m, name: M, channels: [api], rates: [{ usd_per_second: "0.10", external: [{ source: portkey, provider: acme, key: m, unit: video_seconds }] }] }\n`,
            'pricing-data/acme/2026-12-01.yaml',
          ),
        ],
        '2026-12-01',
      ),
      [zero],
    );
    expect(report.checks.map((c) => [c.theirs, c.verdict, c.noPrice])).toEqual([[null, 'no-price', 'zero']]);
    expect(report.unmatched).toEqual([]);
  });
});

describe('a mapped key missing from the map, and a video entry without a price', () => {
  it('no price (key not in the map); the priceless entry is listed unmatched with no price, never $0', () => {
    const litellm = readPriceMap(
      parseExactJson(
        '{"x": {"litellm_provider": "acme", "mode": "video_generation"}, "y": {"litellm_provider": "acme", "mode": "chat", "output_cost_per_second": 0.5}}',
        'm',
      ),
      'm',
    );
    const report = priceCheck(
      catalogAt(
        [
          parseSheet(
            `vendor: acme\neffective: 2026-12-01\nverified: 2026-12-01\nprovenance: first-party\nsources: { p: https://acme.example }\nsource: p\nofferings:\n  - { id: acme/m, name: M, channels: [api], rates: [{ usd_per_second: "~0.10", external: [{ source: litellm, key: gone }] }] }\n`,
            'pricing-data/acme/2026-12-01.yaml',
          ),
        ],
        '2026-12-01',
      ),
      [litellm],
    );
    expect(report.checks.map((c) => [c.key, c.theirs, c.verdict, c.noPrice])).toEqual([['gone', null, 'no-price', 'missing-key']]);
    // y is a chat model: not a video entry, so not listed
    expect(report.unmatched).toEqual([{ source: 'litellm', provider: null, key: 'x', field: null, batch: false, usdPerSecond: null }]);
  });
});

describe('the next dated sheet', () => {
  const sheet = `# Acme: a comment kept\nvendor: acme\neffective: "2026-06-01"   # quoted\nverified: 2026-06-03\nprovenance: first-party\nsources: { p: https://acme.example }\nsource: p\n`;

  it('sets effective and changes nothing else in the text: verified waits for a person to verify', () => {
    expect(nextSheetText(sheet, '2026-12-01')).toBe(sheet.replace('"2026-06-01"', '2026-12-01'));
    expect(nextSheetText(sheet, '2026-06-02')).toBe(sheet.replace('"2026-06-01"', '2026-06-02'));
  });
});
