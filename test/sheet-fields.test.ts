// Sheet fields added with the 2026-12-01 prices: sources with their own dates, figures on which
// sources disagree, mappings to independent price maps, billing of failed requests, and the
// resolutions 512p to 2160p (4k accepted). Hypothetical sheets written for each case.
import { describe, expect, it } from 'vitest';
import { parseSheet } from '../src/pricing/load-sheet.js';
import { InputError } from '../src/errors.js';

const HEAD = `vendor: acme
effective: 2026-12-01
verified: 2026-12-01
provenance: first-party
`;

function sheet(body: string) {
  return parseSheet(HEAD + body, 'pricing-data/acme/2026-12-01.yaml');
}

function problems(body: string): string[] {
  try {
    sheet(body);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.field}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('sources with their own dates', () => {
  const s = sheet(`sources:
  page: { url: https://acme.example/pricing, read: 2026-12-01, dated: 2026-10-07 }
  model: { url: https://acme.example/models/x, read: 2026-11-30 }
  old: https://acme.example/old
source: page
offerings:
  - { id: acme/x, name: X, channels: [api], rates: [{ usd_per_second: "0.10", source: model }] }
`);

  it('keeps read and dated apart; an undated source stays undated, never today', () => {
    expect(s.sourceInfo).toEqual([
      { name: 'page', url: 'https://acme.example/pricing', read: '2026-12-01', dated: '2026-10-07', note: null },
      { name: 'model', url: 'https://acme.example/models/x', read: '2026-11-30', dated: null, note: null },
      // a bare URL was read when the sheet was verified, and carries no date of its own
      { name: 'old', url: 'https://acme.example/old', read: '2026-12-01', dated: null, note: null },
    ]);
  });

  it('resolves a rate source name to its URL', () => {
    expect(s.offerings[0]!.rates[0]!.source).toBe('https://acme.example/models/x');
    expect(s.sources).toEqual({ page: 'https://acme.example/pricing', model: 'https://acme.example/models/x', old: 'https://acme.example/old' });
  });

  it('refuses a source read after the sheet was verified, or dated after it was read', () => {
    expect(
      problems(`sources:
  page: { url: https://acme.example/p, read: 2026-12-02, dated: 2026-12-03 }
source: page
`),
    ).toEqual([
      "sources.page.read: read 2026-12-02, after the sheet's verified date 2026-12-01",
      'sources.page.dated: dated 2026-12-03, after it was read (2026-12-02)',
    ]);
  });
});

describe('sources that disagree', () => {
  it('prices the variant as the range the sources span, and says so', () => {
    const s = sheet(`sources:
  pk: { url: https://pk.example/vertex.json, read: 2026-12-01, dated: 2026-08-21 }
  ll: { url: https://ll.example/map.json, read: 2026-12-01, dated: 2026-07-24 }
source: pk
offerings:
  - id: acme/veo
    name: Veo
    channels: [api]
    rates:
      - conflict:
          - { usd_per_second: "0.20", source: pk }
          - { usd_per_second: "0.40", source: ll }
`);
    const rate = s.offerings[0]!.rates[0]!;
    expect(rate.unit.kind).toBe('usd_per_second');
    const usd = rate.unit.kind === 'usd_per_second' ? rate.unit.usd : null;
    expect([usd?.low?.toFixed(2), usd?.high?.toFixed(2), usd?.approx]).toEqual(['0.20', '0.40', false]);
    expect(rate.conflict!.map((c) => [c.usdPerSecond.low!.toFixed(2), c.source])).toEqual([
      ['0.20', 'https://pk.example/vertex.json'],
      ['0.40', 'https://ll.example/map.json'],
    ]);
    expect(rate.note).toBe('sources disagree: pk 0.20 USD/s, ll 0.40 USD/s; priced as the range they span');
  });

  it('needs two figures, and no other unit beside them', () => {
    const out = problems(`sources: { pk: https://pk.example }
source: pk
offerings:
  - { id: acme/v, name: V, channels: [api], rates: [{ usd_per_second: "0.2", conflict: [{ usd_per_second: "0.2", source: pk }] }] }
`);
    expect(out.some((p) => p.startsWith('offerings[0].rates[0].conflict'))).toBe(true);
    expect(out.some((p) => p.includes('found usd_per_second and conflict'))).toBe(true);
  });
});

describe('mappings to independent price maps', () => {
  it('reads LiteLLM and Portkey references', () => {
    const s = sheet(`sources: { p: https://acme.example }
source: p
offerings:
  - id: acme/x
    name: X
    channels: [api]
    batch: { factor: "0.5", latency: up to 24 h }
    rates:
      - resolution: 1080p
        usd_per_second: "0.70"
        external:
          - { source: litellm, key: x-high-res, field: output_cost_per_second_1080p }
          - { source: portkey, provider: acme, key: x, unit: video_duration_seconds_1920_1080, batch: true }
`);
    expect(s.offerings[0]!.rates[0]!.external).toEqual([
      { source: 'litellm', key: 'x-high-res', field: 'output_cost_per_second_1080p', provider: null, unit: null, batch: false },
      { source: 'portkey', key: 'x', field: null, provider: 'acme', unit: 'video_duration_seconds_1920_1080', batch: true },
    ]);
  });

  it('refuses a Portkey reference without provider and unit, and a batch one without a batch tier', () => {
    expect(
      problems(`sources: { p: https://acme.example }
source: p
offerings:
  - { id: acme/x, name: X, channels: [api], rates: [{ usd_per_second: "0.1", external: [{ source: portkey, key: x, batch: true }] }] }
`),
    ).toEqual([
      'offerings[0].rates[0].external[0]: a Portkey entry needs provider (its file: openai for pricing/openai.json) and unit (e.g. video_duration_seconds_1920_1080)',
      'offerings[0].rates[0].external[0].batch: offering "acme/x" has no batch tier to compare',
    ]);
  });
});

describe('offerings that work only from footage', () => {
  it('serves_only must name capabilities the offering has', () => {
    expect(
      problems(`sources: { p: https://acme.example }
source: p
offerings:
  - { id: acme/v2v, name: V2V, channels: [api], capabilities: [editing], serves_only: [editing, motion_control], rates: [{ usd_per_second: "0.1" }] }
`),
    ).toEqual(["offerings[0].serves_only: serves_only names motion_control, which is not among the offering's capabilities (editing)"]);
  });
});

describe('billing of failed requests and new resolutions', () => {
  const s = sheet(`sources: { p: https://acme.example }
source: p
offerings:
  - id: acme/a
    name: A
    channels: [api]
    bills_failed: false
    rates: [{ resolution: 4k, usd_per_second: "0.60" }, { resolution: 768p, usd_per_second: "0.045" }]
  - { id: acme/b, name: B, channels: [api], rates: [{ resolution: 1440p, usd_per_second: "0.08" }] }
`);

  it('bills_failed is false, true or unknown (the default)', () => {
    expect(s.offerings.map((o) => o.billsFailed)).toEqual([false, 'unknown']);
  });

  it('4k is read as 2160p', () => {
    expect(s.offerings[0]!.rates.map((r) => r.resolution)).toEqual(['2160p', '768p']);
    expect(s.offerings[1]!.rates[0]!.resolution).toBe('1440p');
  });
});
