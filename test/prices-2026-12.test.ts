// The price sheets of 2026-12-01, checked against the figures their sources give (Google's Gemini
// API pricing page, Portkey's and LiteLLM's price maps, Runway's own API model table, OpenAI's
// Sora 2 page, fal's model pages, docs.ltx.video). Every expected figure below is worked by hand
// from those sources, not copied from the program; the CLI runs as a user would run it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogAt } from '../src/pricing/catalog.js';
import { ROOT, tempDir, vidcost, bundledSheets } from './helpers.js';

const DATE = '2026-12-01';
const PRICING = join(ROOT, 'pricing-data');

interface RateJson {
  offering: string;
  channel: string;
  resolution: string;
  audio: boolean;
  hdr: boolean;
  exr: boolean;
  batch: boolean;
  usdPerSecond: string | null;
  usdPerSecondLow?: string | null;
  usdPerSecondHigh?: string | null;
  creditsPerSecond: string | null;
  approx: boolean;
  notes: string[];
  explanation: string[];
}

interface OptionJson {
  offering: string;
  eligible: boolean;
  reason: string | null;
  usdPerSecond: string | null;
  monthlyUsd: string | null;
  monthlyUsdLow?: string | null;
  monthlyUsdHigh?: string | null;
}

function json<T>(args: string[]): T {
  const r = vidcost(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const allRates = json<{ rates: RateJson[] }>(['rates', '--as-of', DATE, '--all', '--format', 'json']).rates;

/** The one priced variant of an offering that matches, on the API unless asked. */
function variant(offering: string, match: Partial<RateJson> = {}): RateJson {
  const found = allRates.filter((r) => r.offering === offering && Object.entries({ channel: 'api', ...match }).every(([k, v]) => r[k as keyof RateJson] === v));
  expect(found, `${offering} ${JSON.stringify(match)}`).toHaveLength(1);
  return found[0]!;
}

/** Prices one workload at 2026-12-01 on the offerings given; returns each option. */
function estimateOne(offerings: string[], workload: string): OptionJson[] {
  const dir = tempDir();
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, `version: 1\nname: check\nas_of: ${DATE}\nofferings: [${offerings.join(', ')}]\nworkloads:\n  - ${workload}\n`);
  return json<{ workloads: { options: OptionJson[] }[] }>(['estimate', file, '--format', 'json']).workloads[0]!.options;
}

function option(options: OptionJson[], id: string): OptionJson {
  const o = options.find((x) => x.offering === id);
  if (!o) throw new Error(`no option ${id}`);
  return o;
}

const sheets = bundledSheets();
const catalog = catalogAt(sheets, DATE);

describe('Google Veo through the Gemini API', () => {
  it('Veo 3.1 Fast at 1080p is $0.12/s; 300 eight-second clips with 3 generations each cost $864.00', () => {
    // Portkey google.json: video_duration_seconds_1920_1080 = 12 cents
    expect(variant('google/veo-3.1-fast', { resolution: '1080p' })).toMatchObject({ usdPerSecond: '0.12', approx: false });
    // 300 × 8 s × $0.12 × 3 = $864.00
    const o = option(
      estimateOne(['google/veo-3.1-fast'], '{ name: w, clips_per_month: 300, seconds_per_clip: 8, resolution: 1080p, regeneration_factor: 3 }'),
      'google/veo-3.1-fast',
    );
    expect([o.eligible, o.usdPerSecond, o.monthlyUsd]).toEqual([true, '0.12', '864.00']);
  });

  it('prices Standard, Fast and Lite by resolution; 4k is 2160p', () => {
    // Google's page: "$0.40 (720p and 1080p)", overage "$0.60 (4k)"; the price includes audio
    expect(['720p', '1080p', '2160p'].map((resolution) => variant('google/veo-3.1', { resolution }).usdPerSecond)).toEqual(['0.40', '0.40', '0.60']);
    expect(variant('google/veo-3.1', { resolution: '1080p' }).audio).toBe(true);
    // Portkey: Fast 10 / 12 / 30 cents, Lite 5 / 8 cents and no 4K
    expect(['720p', '1080p', '2160p'].map((resolution) => variant('google/veo-3.1-fast', { resolution }).usdPerSecond)).toEqual(['0.10', '0.12', '0.30']);
    expect(allRates.filter((r) => r.offering === 'google/veo-3.1-lite').map((r) => [r.resolution, r.usdPerSecond])).toEqual([
      ['720p', '0.05'],
      ['1080p', '0.08'],
    ]);
    // Veo 3.0 / 3.0 Fast: 40 / 15 cents
    expect([variant('google/veo-3.0').usdPerSecond, variant('google/veo-3.0-fast').usdPerSecond]).toEqual(['0.40', '0.15']);
    // a workload written with `4k`: 10 clips × 8 s × $0.60 × 1 = $48.00
    const o = option(
      estimateOne(['google/veo-3.1'], '{ name: w, clips_per_month: 10, seconds_per_clip: 8, resolution: 4k, regeneration_factor: 1, audio: true }'),
      'google/veo-3.1',
    );
    expect([o.usdPerSecond, o.monthlyUsd]).toEqual(['0.6', '48.00']);
  });

  it('keeps the LiteLLM mapping that disagrees: Veo 3.1 Fast at 1080p, ours $0.12 against its $0.15', () => {
    const fast = catalog.offerings.find((o) => o.id === 'google/veo-3.1-fast')!;
    const at1080 = fast.rates.find((r) => r.resolution === '1080p')!;
    expect(at1080.external.filter((e) => e.source === 'litellm').map((e) => e.key)).toContain('gemini/veo-3.1-fast-generate-preview');
    // Lite at 1080p is LiteLLM's separate field, not its plain one
    const lite = catalog.offerings.find((o) => o.id === 'google/veo-3.1-lite')!.rates.find((r) => r.resolution === '1080p')!;
    expect(lite.external.find((e) => e.source === 'litellm')).toMatchObject({
      key: 'gemini/veo-3.1-lite-generate-preview',
      field: 'output_cost_per_second_1080p',
    });
  });
});

describe('Veo on Vertex AI: the two price maps disagree and both figures are kept', () => {
  it('prices the variant as the range the sources span and names each source', () => {
    // Portkey vertex-ai.json veo-3.1-generate-001 video_seconds = 20 cents; LiteLLM vertex_ai 0.40
    const r = variant('vertex/veo-3.1');
    expect([r.usdPerSecondLow, r.usdPerSecondHigh]).toEqual(['0.20', '0.40']);
    expect(r.notes).toContain('sources disagree');
    expect(r.explanation[0]).toBe(
      'sources disagree: $0.20 (https://github.com/Portkey-AI/models/blob/main/pricing/vertex-ai.json) against $0.40 (https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json); priced as the range they span, $0.20–$0.40 per second',
    );
    // 100 clips × 8 s × 1 generation: $160.00 at 20 cents to $320.00 at $0.40, never one of them
    const o = option(estimateOne(['vertex/veo-3.1'], '{ name: w, clips_per_month: 100, seconds_per_clip: 8, regeneration_factor: 1 }'), 'vertex/veo-3.1');
    expect([o.monthlyUsdLow, o.monthlyUsdHigh]).toEqual(['160.00', '320.00']);
  });

  it('Veo 3.1 Fast on Vertex: both maps say 15 cents, so it is one figure', () => {
    expect(variant('vertex/veo-3.1-fast')).toMatchObject({ usdPerSecond: '0.15', approx: false });
    expect(variant('vertex/veo-3.1-fast').notes).not.toContain('sources disagree');
  });
});

describe('fal model pages', () => {
  it('Wan 2.5 at 480p / 720p / 1080p is $0.05 / $0.10 / $0.15 per second', () => {
    expect(['480p', '720p', '1080p'].map((resolution) => variant('fal/wan-2.5', { resolution }).usdPerSecond)).toEqual(['0.05', '0.10', '0.15']);
  });

  it('Kling 3.0 with audio: Standard $0.126/s, Pro $0.168/s; without audio $0.084 / $0.112', () => {
    expect([variant('fal/kling-3.0-standard', { audio: true }).usdPerSecond, variant('fal/kling-3.0-standard', { audio: false }).usdPerSecond]).toEqual([
      '0.126',
      '0.084',
    ]);
    expect([variant('fal/kling-3.0-pro', { audio: true }).usdPerSecond, variant('fal/kling-3.0-pro', { audio: false }).usdPerSecond]).toEqual([
      '0.168',
      '0.112',
    ]);
    // a workload with audio: 100 clips × 5 s × $0.126 × 2 = $126.00
    const o = option(
      estimateOne(['fal/kling-3.0-standard'], '{ name: w, clips_per_month: 100, seconds_per_clip: 5, regeneration_factor: 2, audio: true }'),
      'fal/kling-3.0-standard',
    );
    expect([o.usdPerSecond, o.monthlyUsd]).toEqual(['0.126', '126.00']);
  });

  it('Veo 3 is $0.20/s without audio and $0.40/s with it', () => {
    expect([variant('fal/veo-3', { audio: false }).usdPerSecond, variant('fal/veo-3', { audio: true }).usdPerSecond]).toEqual(['0.20', '0.40']);
  });

  it('an 8-second 1080p Pika 2.2 clip bills two 5-second clips: $0.90', () => {
    // "5 second video at 1080p costs $0.45": ⌈8 / 5⌉ = 2 clips × $0.45 = $0.90
    const o = option(
      estimateOne(['fal/pika-2.2'], '{ name: w, clips_per_month: 1, seconds_per_clip: 8, resolution: 1080p, regeneration_factor: 1 }'),
      'fal/pika-2.2',
    );
    expect(o.monthlyUsd).toBe('0.90');
    // at 720p: 2 × $0.20 = $0.40
    const at720 = option(
      estimateOne(['fal/pika-2.2'], '{ name: w, clips_per_month: 1, seconds_per_clip: 8, resolution: 720p, regeneration_factor: 1 }'),
      'fal/pika-2.2',
    );
    expect(at720.monthlyUsd).toBe('0.40');
  });

  it('Pika 2.5 has no usable price on fal: unknown, never $0', () => {
    const r = variant('fal/pika-2.5');
    expect(r.usdPerSecond).toBeNull();
    const o = option(estimateOne(['fal/pika-2.5'], '{ name: w, clips_per_month: 10, seconds_per_clip: 5, regeneration_factor: 1 }'), 'fal/pika-2.5');
    expect(o.monthlyUsd).toBeNull();
  });

  it('per-clip prices bill whole clips: Hailuo 2.3 (6 s), Ray 3.2 (5 s); Hailuo 2.3 Pro has no clip length', () => {
    // Hailuo 2.3 Standard: $0.28 per 6 s; a 10-second clip bills ⌈10 / 6⌉ = 2 × $0.28 = $0.56, fal's 10 s price
    const hailuo = option(
      estimateOne(['fal/hailuo-2.3-standard'], '{ name: w, clips_per_month: 1, seconds_per_clip: 10, resolution: 768p, regeneration_factor: 1 }'),
      'fal/hailuo-2.3-standard',
    );
    expect(hailuo.monthlyUsd).toBe('0.56');
    // Ray 3.2 image-to-video at 1080p: $2 per 5 s; 10 s costs double, $4.00
    const ray = option(
      estimateOne(['fal/luma-ray-3.2'], '{ name: w, clips_per_month: 1, seconds_per_clip: 10, resolution: 1080p, regeneration_factor: 1 }'),
      'fal/luma-ray-3.2',
    );
    expect(ray.monthlyUsd).toBe('4.00');
    // HDR+EXR at 720p: $3.24 per 5 s; 8 s bills 2 × $3.24 = $6.48
    const exr = option(
      estimateOne(
        ['fal/luma-ray-3.2'],
        '{ name: w, clips_per_month: 1, seconds_per_clip: 8, resolution: 720p, regeneration_factor: 1, hdr: true, requires: [exr] }',
      ),
      'fal/luma-ray-3.2',
    );
    expect(exr.monthlyUsd).toBe('6.48');
    // Hailuo 2.3 Pro: $0.49 per video of a length the page does not give: at least one video
    const pro = option(
      estimateOne(['fal/hailuo-2.3-pro'], '{ name: w, clips_per_month: 10, seconds_per_clip: 6, resolution: 1080p, regeneration_factor: 1 }'),
      'fal/hailuo-2.3-pro',
    );
    expect([pro.monthlyUsd, pro.monthlyUsdLow]).toEqual([null, '4.90']);
  });

  it('Seedance 2.0 at 720p includes audio: $0.3034/s, Fast $0.2419/s', () => {
    expect([variant('fal/seedance-2.0', { resolution: '720p' }).usdPerSecond, variant('fal/seedance-2.0-fast', { resolution: '720p' }).usdPerSecond]).toEqual([
      '0.3034',
      '0.2419',
    ]);
    expect(variant('fal/seedance-2.0', { resolution: '720p' }).audio).toBe(true);
  });

  it('fal bills only successful outputs; GPU time on a self-hosted model is left unknown', () => {
    const fal = catalog.offerings.filter((o) => o.vendor === 'fal');
    expect(fal.filter((o) => o.billsFailed !== false).map((o) => [o.id, o.billsFailed])).toEqual([['fal/h100-gpu', 'unknown']]);
    expect(fal.length).toBeGreaterThan(15);
  });
});

describe('Runway: its own API model table', () => {
  it('gen4.5 is 12 credits/s at $0.01 a credit = $0.12/s, first party', () => {
    expect(variant('runway/gen4.5')).toMatchObject({ creditsPerSecond: '12', usdPerSecond: '0.12', approx: false });
  });

  it('lists no plain gen4: the new sheet drops it and a scenario naming it is told to use gen4.5', () => {
    expect(catalog.offerings.some((o) => o.id === 'runway/gen4')).toBe(false);
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.yaml'),
      `version: 1\nname: x\nas_of: ${DATE}\nofferings: [runway/gen4]\nworkloads:\n  - { name: w, clips_per_month: 1, seconds_per_clip: 5 }\n`,
    );
    const r = vidcost(['estimate', join(dir, 's.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown offering "runway/gen4" in the prices in force on 2026-12-01 (did you mean runway/gen4.5?)');
  });

  it('the rest of the table: gen4-turbo 5, gen4-aleph 15, act-two 5, veo3 40, seedance-2 36 credits/s', () => {
    const credits = ['runway/gen4-turbo', 'runway/gen4-aleph', 'runway/act-two', 'runway/veo3', 'runway/seedance-2'].map((id) => variant(id).creditsPerSecond);
    expect(credits).toEqual(['5', '15', '5', '40', '36']);
  });

  it("veo3.1 keeps the secondary audio split inside Runway's 20-40 range", () => {
    const on = variant('runway/veo3.1', { audio: true });
    const off = variant('runway/veo3.1', { audio: false });
    expect([on.creditsPerSecond, off.creditsPerSecond]).toEqual(['40', '20']);
    expect(on.notes).toContain('secondary source');
    expect([variant('runway/veo3.1-fast', { audio: true }).creditsPerSecond, variant('runway/veo3.1-fast', { audio: false }).creditsPerSecond]).toEqual([
      '15',
      '10',
    ]);
  });
});

describe('models that work only from footage or a performance', () => {
  it('serve a prompt-only workload never: act-two, gen4-aleph and Ray 3.2 video-to-video say why', () => {
    const options = estimateOne(
      ['runway/act-two', 'runway/gen4-aleph', 'fal/luma-ray-3.2-video-to-video', 'runway/gen4-turbo'],
      '{ name: drafts, clips_per_month: 100, seconds_per_clip: 10 }',
    );
    expect(option(options, 'runway/act-two')).toMatchObject({
      eligible: false,
      reason: 'works only from existing footage: serves workloads that require motion_control',
    });
    expect(option(options, 'runway/gen4-aleph')).toMatchObject({
      eligible: false,
      reason: 'works only from existing footage: serves workloads that require editing',
    });
    expect(option(options, 'fal/luma-ray-3.2-video-to-video').eligible).toBe(false);
    // 100 clips × 10 s × 5 credits/s × $0.01 × 3 generations = $150.00
    expect(option(options, 'runway/gen4-turbo')).toMatchObject({ eligible: true, monthlyUsd: '150.00' });
  });

  it('serve a workload that requires editing: gen4-aleph at 15 credits/s', () => {
    const options = estimateOne(
      ['runway/gen4-aleph'],
      '{ name: edits, clips_per_month: 100, seconds_per_clip: 10, regeneration_factor: 2, requires: [editing] }',
    );
    // 100 clips × 10 s × 15 credits/s × $0.01 × 2 generations = $300.00
    expect(option(options, 'runway/gen4-aleph')).toMatchObject({ eligible: true, monthlyUsd: '300.00' });
  });
});

describe('OpenAI Sora after its shutdown', () => {
  it('on 2026-12-01 Sora is not eligible, and says why', () => {
    const options = estimateOne(
      ['openai/sora-2', 'openai/sora-2-pro', 'google/veo-3.1'],
      '{ name: w, clips_per_month: 10, seconds_per_clip: 8, resolution: 720p, audio: true }',
    );
    expect(option(options, 'openai/sora-2')).toMatchObject({ eligible: false, reason: 'shut down on 2026-09-24', monthlyUsd: null });
    expect(option(options, 'openai/sora-2-pro')).toMatchObject({ eligible: false, reason: 'shut down on 2026-09-24' });
    // 10 × 8 s × $0.40 × 3 (the default regeneration factor) = $96.00
    expect(option(options, 'google/veo-3.1')).toMatchObject({ eligible: true, monthlyUsd: '96.00' });
  });

  it('the batch tier is exactly half (Portkey batch mode), no longer approximate', () => {
    // sora-2 5 cents; sora-2-pro 15 / 25 / 35 cents
    expect(variant('openai/sora-2', { batch: true })).toMatchObject({ usdPerSecond: '0.05', approx: false });
    expect(['720p', '1024p', '1080p'].map((resolution) => variant('openai/sora-2-pro', { resolution, batch: true }).usdPerSecond)).toEqual([
      '0.15',
      '0.25',
      '0.35',
    ]);
    expect(variant('openai/sora-2-pro', { resolution: '1080p', batch: false })).toMatchObject({ usdPerSecond: '0.70', approx: false });
  });
});

describe('Lightricks LTX-2 and Luma', () => {
  it('LTX-2 Fast / Pro at 1080p, 1440p and 4K', () => {
    expect(['1080p', '1440p', '2160p'].map((resolution) => variant('lightricks/ltx-2-fast', { resolution }).usdPerSecond)).toEqual(['0.04', '0.08', '0.16']);
    expect(['1080p', '1440p', '2160p'].map((resolution) => variant('lightricks/ltx-2-pro', { resolution }).usdPerSecond)).toEqual(['0.06', '0.12', '0.24']);
  });

  it("Luma's current API model ray-3.2 has no first-party price: unknown; the Dream Machine API is legacy", () => {
    expect(variant('luma/ray-3.2').usdPerSecond).toBeNull();
    expect(catalog.offerings.find((o) => o.id === 'luma/dream-machine-api')!.note).toContain('legacy');
  });
});

describe('the lineup and its sources', () => {
  // Every offering id the product's contracts name (README, docs), and the ones added with these prices.
  const ARTICLE_IDS = [
    'openai/sora-2',
    'openai/sora-2-pro',
    'runway/gen4-turbo',
    'kling/kling-3.0',
    'fal/kling-3.0-standard',
    'fal/kling-3.0-pro',
    'pika/pika-2.5',
    'fal/pika-2.5',
    'luma/ray3',
    'luma/ray3.14',
    'luma/dream-machine-api',
    'fal/wan-2.5',
    'fal/veo-3',
  ];
  const NEW_IDS = [
    'google/veo-3.1',
    'google/veo-3.1-fast',
    'google/veo-3.1-lite',
    'google/veo-3.0',
    'google/veo-3.0-fast',
    'runway/gen4.5',
    'runway/gen4-aleph',
    'runway/act-two',
    'runway/veo3',
    'runway/veo3.1',
    'runway/veo3.1-fast',
    'runway/seedance-2',
    'fal/kling-o3-standard',
    'fal/kling-3.0-turbo-pro',
    'fal/veo-3.1',
    'fal/wan-2.7',
    'fal/seedance-2.0',
    'fal/seedance-2.0-fast',
    'fal/hailuo-02-standard',
    'fal/hailuo-2.3-standard',
    'fal/hailuo-2.3-pro',
    'fal/luma-ray-3.2',
    'fal/pika-2.2',
    'lightricks/ltx-2-fast',
    'lightricks/ltx-2-pro',
    'luma/ray-3.2',
  ];

  it('every named offering id exists at 2026-12-01 (runway/gen4 excepted, see above)', () => {
    const ids = new Set(catalog.offerings.map((o) => o.id));
    expect([...ARTICLE_IDS, ...NEW_IDS].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('a new sheet for every vendor re-checked; Pika alone keeps its 2026-06-01 sheet', () => {
    expect(catalog.sheets.map((s) => `${s.vendor}/${s.effective}`)).toEqual([
      'fal/2026-12-01',
      'google/2026-12-01',
      'kling/2026-12-01',
      'lightricks/2026-12-01',
      'luma/2026-12-01',
      'openai/2026-12-01',
      'pika/2026-06-01',
      'replicate/2026-12-01',
      'runway/2026-12-01',
      'vertex/2026-12-01',
    ]);
  });

  it('every source of a 2026-12-01 sheet says when it was read and how it is dated, never dated after it was read', () => {
    const files = readdirSync(PRICING).flatMap((v) =>
      readdirSync(join(PRICING, v))
        .filter((f) => f === `${DATE}.yaml`)
        .map((f) => join(PRICING, v, f)),
    );
    expect(files).toHaveLength(9);
    for (const file of files) {
      const raw = parse(readFileSync(file, 'utf8')) as { verified: string; sources: Record<string, unknown> };
      expect(raw.verified, file).toBe(DATE);
      for (const [name, entry] of Object.entries(raw.sources)) {
        // written out in the file, not defaulted: a bare URL would claim it was read on the sheet's date
        expect(entry, `${file} ${name}`).toMatchObject({
          read: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          dated: expect.stringMatching(/^(\d{4}-\d{2}-\d{2}|undated)$/),
        });
      }
    }
    for (const sheet of catalog.sheets.filter((s) => s.effective === DATE)) {
      for (const s of sheet.sourceInfo) {
        expect(s.read <= DATE, `${sheet.vendor} ${s.name}`).toBe(true);
        if (s.dated !== null) expect(s.dated <= s.read, `${sheet.vendor} ${s.name} dated ${s.dated} read ${s.read}`).toBe(true);
      }
    }
  });

  it('the sources carry their own dates: LiteLLM 2026-07-24, Portkey 2026-08-21, Runway 2026-04-14, Gemini 2026-10-07; fal and OpenAI undated', () => {
    const dated = (vendor: string, name: string) => catalog.sheets.find((s) => s.vendor === vendor)!.sourceInfo.find((s) => s.name === name)!.dated;
    expect([
      dated('openai', 'litellm'),
      dated('openai', 'portkey'),
      dated('runway', 'api-models'),
      dated('google', 'gemini-pricing'),
      dated('fal', 'wan-2.5'),
      dated('openai', 'model-page'),
    ]).toEqual(['2026-07-24', '2026-08-21', '2026-04-14', '2026-10-07', null, null]);
  });
});

describe('the 2026-06-01 sheets stay the record of the article, with corrections noted', () => {
  const old = catalogAt(sheets, '2026-06-01');
  const rate = (id: string) => old.offerings.find((o) => o.id === id)!.rates.find((r) => r.channel === 'api')!;

  it('keeps the article figures and notes where a first-party source now disagrees', () => {
    for (const id of ['runway/gen4', 'kling/kling-3.0', 'fal/pika-2.5', 'fal/wan-2.5', 'fal/veo-3']) {
      expect(rate(id).note, id).toMatch(/Corrected in the 2026-12-01 sheet: /i);
    }
    const veo = rate('fal/veo-3').unit;
    expect(veo.kind === 'usd_per_second' ? [veo.usd.low!.toString(), veo.usd.approx] : null).toEqual(['0.4', true]);
  });

  it('vidcost diff names what was removed and corrected, and what it does to a scenario', () => {
    const d = json<{
      offerings: { offering: string; status: string; headline?: { usdPerSecond: string } }[];
      corrections: { offering: string; baseUsdPerSecond: string | null; correction: string }[];
      scenario: { comparison: { recommendation: { baseMonthlyUsd: string; monthlyUsd: string; changeUsd: string } } };
    }>(['diff', '--from', '2026-06-01', '--to', DATE, '--scenario', 'scenarios/ad-variants.yaml', '--format', 'json']);
    const status = (id: string) => d.offerings.find((o) => o.offering === id)?.status;
    expect([status('runway/gen4'), status('openai/sora-2'), status('google/veo-3.1-fast'), status('fal/wan-2.5')]).toEqual([
      'removed',
      'sunset',
      'added',
      'changed',
    ]);
    expect(d.offerings.find((o) => o.offering === 'runway/gen4')!.headline!.usdPerSecond).toBe('0.12');
    expect(d.corrections.map((c) => c.offering)).toEqual(['fal/pika-2.5', 'fal/veo-3', 'fal/wan-2.5', 'kling/kling-3.0', 'runway/gen4']);
    expect(d.corrections.find((c) => c.offering === 'fal/wan-2.5')).toMatchObject({
      baseUsdPerSecond: '0.05',
      correction: "Corrected in the 2026-12-01 sheet: $0.05/s is fal's 480p rate; 720p is $0.10, 1080p $0.15",
    });
    // ad-variants: 2,400 clips × 6 s × 2 billed generations = 28,800 s a month.
    // 2026-06-01: Wan 2.5 at ~$0.05/s = ~$1,440.00. 2026-12-01: Wan 2.5 at 1080p is $0.15/s ($4,320.00),
    // so Kling 3.0 Standard on fal at $0.084/s = $2,419.20 is the route: +$979.20
    expect(d.scenario.comparison.recommendation).toMatchObject({ baseMonthlyUsd: '1440.00', monthlyUsd: '2419.20', changeUsd: '979.20' });
  });

  it('the table shows the corrections beside the figure they correct', () => {
    const r = vidcost(['diff', '--from', '2026-06-01', '--to', DATE]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Corrections: base figures the newer sheets contradict');
    expect(r.stdout).toMatch(/runway\/gen4 any\s+~\$0\.12\s+Runway's own API model/);
    expect(r.stdout).toMatch(/runway\/gen4\s+removed\s+~\$0\.12 \(any\)/);
  });
});

describe('the bundled scenarios at 2026-12-01', () => {
  for (const file of readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'))) {
    it(`${file} estimates cleanly`, () => {
      const r = vidcost(['estimate', `scenarios/${file}`, '--as-of', DATE, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { asOf: string; advisories: { code: string; vendor?: string }[] };
      expect(report.asOf).toBe(DATE);
      // the only stale prices left are Pika's: no first-party Pika page was re-read
      expect(
        report.advisories
          .filter((a) => a.code === 'stale-prices')
          .map((a) => a.vendor)
          .filter((v) => v !== 'pika'),
      ).toEqual([]);
    });
  }
});
