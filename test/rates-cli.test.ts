// `vidcost rates` through the built binary, exactly as a user sees it. Every figure in the goldens
// below was checked by hand against the article (prices of 2026-06-01):
//
//   fal/h100-gpu            ~$1.89 per GPU-hour (ref 6); GPU-seconds per output second not given → unknown
//   fal/kling-3.0-pro       ~$0.112/s; fal/kling-3.0-standard ~$0.084/s (ref 6; no resolution named → "*")
//   fal/pika-2.5            ~$45 per 100 clips of 10 s at 1080p: 45 ÷ 100 = $0.45 per clip; ÷ 10 s = $0.045/s
//   fal/veo-3 ~$0.40/s, fal/wan-2.5 ~$0.05/s (ref 6)
//   kling/kling-3.0         ~$0.07–$0.14/s through aggregators (the article's text says seven to fourteen
//                           cents; Table 1 prints "~$0.08–$0.14", whose $0.08 is fal standard's ~$0.084);
//                           credits beside: ~12 credits/s at 1080p with audio on the web app (ref 5)
//   luma/dream-machine-api  from ~$0.32 per generation, length not given → $/s unknown
//   luma/ray3               330 credits ÷ 5 s = 66 credits/s; HDR+EXR 1,120 ÷ 5 = 224; 224 ÷ 66 = 3.39 → "~3.4×"
//                           (Table 1: "SDR moderate; HDR/EXR ~3×"); a Luma credit's dollar value is unknown
//   luma/ray3.14            400 credits ÷ 5 s = 80 credits/s
//   openai/sora-2           ~$0.10/s, priced at 720p only → "~$0.10 (720p std)" as in Table 1
//   openai/sora-2-pro       ~$0.70/s at 1080p (Table 1 "~$0.70"); batch ~0.5 × → $0.35
//   pika/pika-2.5           $10 ÷ 700 credits = $0.0142857 per credit; 80 credits ÷ 10 s = 8 credits/s;
//                           8 × $0.0142857 = $0.1142857/s → "~$0.114" (Table 1's "$0.11" end)
//   runway/gen4             12 credits × $0.01 = $0.12/s; gen4-turbo 5 × $0.01 = $0.05 (Table 1 "~$0.12 ($0.05 Turbo)")
//   runway secondary        gen4-aleph 15 × $0.01 = $0.15; gen4.5 12 → $0.12; veo3 40 → $0.40;
//                           veo3.1 20 (no audio) → $0.20, 40 with audio → $0.40; veo3.1-fast 10 → $0.10, 15 → $0.15
//   web-app variants        Kling Standard $6.99 ÷ 660 = $0.0105909 per credit: 6 × = $0.0635, 12 × = $0.127;
//                           Runway Standard $15 ÷ 625 = $0.024 per credit: gen4.5 25 × = $0.60
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir, vidcost } from './helpers.js';

const AS_OF = ['--as-of', '2026-06-01'];

function ok(args: string[]): string {
  const r = vidcost(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Width in terminal columns: every character the tables use (–, ×, ~) is one column wide. */
const columns = (line: string) => [...line].length;

const TABLE = [
  'vidcost rates: USD per second of 1080p video',
  'Prices in force on 2026-06-01.',
  '~ approximate, from = lower bound, unknown = no source gives it.',
  'No sheet in force yet on 2026-06-01 for: google, lightricks, vertex.',
  '',
  ' Offering                      $/s at 1080p     Credits/s   Notes',
  ' fal/h100-gpu                      unknown              –   ~$1.89/GPU-hour;',
  '                                                            GPU-seconds unknown',
  ' fal/kling-3.0-pro                 ~$0.112*             –',
  ' fal/kling-3.0-standard            ~$0.084*             –',
  ' fal/pika-2.5                      ~$0.045              –',
  ' fal/veo-3                          ~$0.40*             –',
  ' fal/wan-2.5                        ~$0.05*             –',
  ' kling/kling-3.0              ~$0.07–$0.14*   ~12 (audio)   aggregator price',
  ' luma/dream-machine-api            unknown              –   from ~$0.32/clip;',
  '                                                            clip length unknown',
  ' luma/ray3                         unknown             66   $/credit unknown;',
  '                                                            HDR/EXR ~3.4× SDR',
  ' luma/ray3.14                      unknown             80   $/credit unknown',
  ' openai/sora-2            ~$0.10 (720p std)             –   sunset 2026-09-24',
  ' openai/sora-2-pro                  ~$0.70              –   sunset 2026-09-24',
  ' pika/pika-2.5                     ~$0.114             ~8   web app: Standard',
  ' runway/gen4                        ~$0.12*           ~12',
  ' runway/gen4-aleph                   $0.15*            15   secondary source',
  ' runway/gen4-turbo                  ~$0.05*            ~5',
  ' runway/gen4.5                       $0.12*            12   secondary source',
  ' runway/veo3                         $0.40*            40   secondary source',
  ' runway/veo3.1                       $0.20*            20   secondary source',
  ' runway/veo3.1-fast                  $0.10*            10   secondary source',
  '* the source gives this price without naming a resolution.',
  '(720p std): no 1080p price is published; the figure is the standard 720p price.',
  '',
  'Advisories',
  // the sunset advisory every command gives: 2026-06-01 to 2026-09-24 is 30 + 31 + 31 + 23 = 115 days
  'warning [sunset] openai/sora-2 shuts down on 2026-09-24, 115 days after',
  '  2026-06-01: keep it behind an adapter and plan the migration (source:',
  '  https://developers.openai.com/api/docs/guides/video-generation).',
  'warning [sunset] openai/sora-2-pro shuts down on 2026-09-24, 115 days after',
  '  2026-06-01: keep it behind an adapter and plan the migration (source:',
  '  https://developers.openai.com/api/docs/guides/video-generation).',
];

const ALL = [
  'vidcost rates: every priced variant, USD per second',
  'Prices in force on 2026-06-01.',
  '~ approximate, from = lower bound, unknown = no source gives it.',
  'No sheet in force yet on 2026-06-01 for: google, lightricks, vertex.',
  '',
  ' Offering                 Variant                    $/second   Credits/s',
  ' fal/h100-gpu             any                         unknown           –',
  ' fal/kling-3.0-pro        any                         ~$0.112           –',
  ' fal/kling-3.0-standard   any                         ~$0.084           –',
  ' fal/pika-2.5             1080p                       ~$0.045           –',
  ' fal/veo-3                any                          ~$0.40           –',
  ' fal/wan-2.5              any                          ~$0.05           –',
  ' kling/kling-3.0          any audio              ~$0.07–$0.14           –',
  ' kling/kling-3.0          720p web app               ~$0.0635          ~6',
  ' kling/kling-3.0          1080p audio web app         ~$0.127         ~12',
  ' luma/dream-machine-api   any                         unknown           –',
  ' luma/ray3                1080p                       unknown          66',
  ' luma/ray3                1080p web app               unknown          66',
  ' luma/ray3                540p HDR+EXR                unknown         224',
  ' luma/ray3                540p HDR+EXR web app        unknown         224',
  ' luma/ray3.14             1080p                       unknown          80',
  ' luma/ray3.14             1080p web app               unknown          80',
  ' openai/sora-2            720p audio                   ~$0.10           –',
  ' openai/sora-2            720p audio batch             ~$0.05           –',
  ' openai/sora-2-pro        720p audio                   ~$0.30           –',
  ' openai/sora-2-pro        720p audio batch             ~$0.15           –',
  ' openai/sora-2-pro        1024p audio                  ~$0.50           –',
  ' openai/sora-2-pro        1024p audio batch            ~$0.25           –',
  ' openai/sora-2-pro        1080p audio                  ~$0.70           –',
  ' openai/sora-2-pro        1080p audio batch            ~$0.35           –',
  ' pika/pika-2.5            1080p web app               ~$0.114          ~8',
  ' runway/gen4              any                          ~$0.12         ~12',
  ' runway/gen4              any web app                 unknown     unknown',
  ' runway/gen4-aleph        any                           $0.15          15',
  ' runway/gen4-turbo        any                          ~$0.05          ~5',
  ' runway/gen4-turbo        any web app                 unknown     unknown',
  ' runway/gen4.5            any                           $0.12          12',
  ' runway/gen4.5            any web app                  ~$0.60          25',
  ' runway/veo3              any                           $0.40          40',
  ' runway/veo3.1            any audio                     $0.40          40',
  ' runway/veo3.1            any                           $0.20          20',
  ' runway/veo3.1-fast       any audio                     $0.15          15',
  ' runway/veo3.1-fast       any                           $0.10          10',
  'any: the source gives the price without naming a resolution.',
  '',
  'Notes',
  'fal/h100-gpu: ~$1.89/GPU-hour; GPU-seconds unknown',
  'kling/kling-3.0: aggregator price; web app: Standard plan credits',
  'luma/dream-machine-api: from ~$0.32/clip; clip length unknown',
  'luma/ray3: API credit value unknown; HDR/EXR ~3.4× SDR; web-app credit value',
  '  unknown',
  'luma/ray3.14: API credit value unknown; web-app credit value unknown',
  'openai/sora-2: sunset 2026-09-24; batch, up to 24 h',
  'openai/sora-2-pro: sunset 2026-09-24; batch, up to 24 h',
  'pika/pika-2.5: web app: Standard plan credits',
  'runway/gen4: web-app credits per second unknown; web app: Standard plan credits',
  'runway/gen4-aleph: secondary source',
  'runway/gen4-turbo: web-app credits per second unknown; web app: Standard plan',
  '  credits',
  'runway/gen4.5: secondary source; web app: Standard plan credits',
  'runway/veo3: secondary source',
  'runway/veo3.1: secondary source',
  'runway/veo3.1-fast: secondary source',
  '',
  'Advisories',
  // the sunset advisory every command gives: 2026-06-01 to 2026-09-24 is 30 + 31 + 31 + 23 = 115 days
  'warning [sunset] openai/sora-2 shuts down on 2026-09-24, 115 days after',
  '  2026-06-01: keep it behind an adapter and plan the migration (source:',
  '  https://developers.openai.com/api/docs/guides/video-generation).',
  'warning [sunset] openai/sora-2-pro shuts down on 2026-09-24, 115 days after',
  '  2026-06-01: keep it behind an adapter and plan the migration (source:',
  '  https://developers.openai.com/api/docs/guides/video-generation).',
];

const MARKDOWN = [
  '### vidcost rates: USD per second of 1080p video',
  '',
  'Prices in force on 2026-06-01.  ',
  '\\~ approximate, from = lower bound, unknown = no source gives it.  ',
  'No sheet in force yet on 2026-06-01 for: google, lightricks, vertex.  ',
  '',
  '| Offering | \\$/s at 1080p | Credits/s | Notes |',
  '| --- | ---: | ---: | --- |',
  '| fal/h100-gpu | unknown | – | \\~\\$1.89/GPU-hour; GPU-seconds unknown |',
  '| fal/kling-3.0-pro | \\~\\$0.112\\* | – |  |',
  '| fal/kling-3.0-standard | \\~\\$0.084\\* | – |  |',
  '| fal/pika-2.5 | \\~\\$0.045 | – |  |',
  '| fal/veo-3 | \\~\\$0.40\\* | – |  |',
  '| fal/wan-2.5 | \\~\\$0.05\\* | – |  |',
  '| kling/kling-3.0 | \\~\\$0.07–\\$0.14\\* | \\~12 (audio) | aggregator price |',
  '| luma/dream-machine-api | unknown | – | from \\~\\$0.32/clip; clip length unknown |',
  '| luma/ray3 | unknown | 66 | \\$/credit unknown; HDR/EXR \\~3.4× SDR |',
  '| luma/ray3.14 | unknown | 80 | \\$/credit unknown |',
  '| openai/sora-2 | \\~\\$0.10 (720p std) | – | sunset 2026-09-24 |',
  '| openai/sora-2-pro | \\~\\$0.70 | – | sunset 2026-09-24 |',
  '| pika/pika-2.5 | \\~\\$0.114 | \\~8 | web app: Standard |',
  '| runway/gen4 | \\~\\$0.12\\* | \\~12 |  |',
  '| runway/gen4-aleph | \\$0.15\\* | 15 | secondary source |',
  '| runway/gen4-turbo | \\~\\$0.05\\* | \\~5 |  |',
  '| runway/gen4.5 | \\$0.12\\* | 12 | secondary source |',
  '| runway/veo3 | \\$0.40\\* | 40 | secondary source |',
  '| runway/veo3.1 | \\$0.20\\* | 20 | secondary source |',
  '| runway/veo3.1-fast | \\$0.10\\* | 10 | secondary source |',
  '',
  '\\* the source gives this price without naming a resolution.  ',
  // a Markdown hard break ends the last line before the advisories
  '(720p std): no 1080p price is published; the figure is the standard 720p price.  ',
  '',
  '#### Advisories',
  '',
  '- **warning** `sunset`: openai/sora-2 shuts down on 2026-09-24, 115 days after 2026-06-01: keep it behind an adapter and plan the migration (source: https://developers.openai.com/api/docs/guides/video-generation).',
  '- **warning** `sunset`: openai/sora-2-pro shuts down on 2026-09-24, 115 days after 2026-06-01: keep it behind an adapter and plan the migration (source: https://developers.openai.com/api/docs/guides/video-generation).',
];

const CSV = [
  'offering,channel,unit,resolution,resolutionStated,audio,hdr,exr,batch,usdPerSecond,usdPerSecondLow,usdPerSecondHigh,creditsPerSecond,approx,marker,notes,sunset,provenance,source,verified',
  'fal/h100-gpu,api,gpu,1080p,false,false,false,false,false,,,,,false,unknown,~$1.89/GPU-hour; GPU-seconds unknown,,aggregator,https://fal.ai/pricing,2026-06-01',
  'fal/kling-3.0-pro,api,usd_per_second,1080p,false,false,false,false,false,0.112,,,,true,approx,,,aggregator,https://fal.ai/pricing,2026-06-01',
  'fal/kling-3.0-standard,api,usd_per_second,1080p,false,false,false,false,false,0.084,,,,true,approx,,,aggregator,https://fal.ai/pricing,2026-06-01',
  'fal/pika-2.5,api,usd_per_clip,1080p,true,false,false,false,false,0.045,,,,true,approx,,,aggregator,https://pika.art/pricing,2026-06-01',
  'fal/veo-3,api,usd_per_second,1080p,false,false,false,false,false,0.40,,,,true,approx,,,aggregator,https://fal.ai/pricing,2026-06-01',
  'fal/wan-2.5,api,usd_per_second,1080p,false,false,false,false,false,0.05,,,,true,approx,,,aggregator,https://fal.ai/pricing,2026-06-01',
  'kling/kling-3.0,api,usd_per_second,1080p,false,true,false,false,false,0.14,0.07,0.14,12,true,range,aggregator price,,aggregator,https://fal.ai/pricing,2026-06-01',
  'luma/dream-machine-api,api,usd_per_clip,1080p,false,false,false,false,false,,,,,false,unknown,from ~$0.32/clip; clip length unknown,,first-party,https://lumaai-help.freshdesk.com,2026-06-01',
  'luma/ray3,api,credits_per_clip,1080p,true,false,false,false,false,,,,66,false,unknown,API credit value unknown; HDR/EXR ~3.4× SDR,,first-party,https://lumalabs.ai/learning-hub,2026-06-01',
  'luma/ray3.14,api,credits_per_clip,1080p,true,false,false,false,false,,,,80,false,unknown,API credit value unknown,,first-party,https://lumalabs.ai/learning-hub,2026-06-01',
  'openai/sora-2,api,usd_per_second,720p,true,true,false,false,false,0.10,,,,true,approx,sunset 2026-09-24,2026-09-24,first-party,https://developers.openai.com/api/docs/pricing,2026-06-01',
  'openai/sora-2-pro,api,usd_per_second,1080p,true,true,false,false,false,0.70,,,,true,approx,sunset 2026-09-24,2026-09-24,first-party,https://developers.openai.com/api/docs/pricing,2026-06-01',
  'pika/pika-2.5,web-app,credits_per_clip,1080p,true,false,false,false,false,0.11428571428571428571,,,8,true,approx,web app: Standard plan credits,,first-party,https://pika.art/pricing,2026-06-01',
  'runway/gen4,api,credits_per_second,1080p,false,false,false,false,false,0.12,,,12,true,approx,,,first-party,https://docs.dev.runwayml.com/guides/pricing,2026-06-01',
  'runway/gen4-aleph,api,credits_per_second,1080p,false,false,false,false,false,0.15,,,15,false,exact,secondary source,,secondary,https://docs.dev.runwayml.com/guides/pricing,2026-05-31',
  'runway/gen4-turbo,api,credits_per_second,1080p,false,false,false,false,false,0.05,,,5,true,approx,,,first-party,https://docs.dev.runwayml.com/guides/pricing,2026-06-01',
  'runway/gen4.5,api,credits_per_second,1080p,false,false,false,false,false,0.12,,,12,false,exact,secondary source,,secondary,https://docs.dev.runwayml.com/guides/pricing,2026-05-31',
  'runway/veo3,api,credits_per_second,1080p,false,false,false,false,false,0.40,,,40,false,exact,secondary source,,secondary,https://docs.dev.runwayml.com/guides/pricing,2026-05-31',
  'runway/veo3.1,api,credits_per_second,1080p,false,false,false,false,false,0.20,,,20,false,exact,secondary source,,secondary,https://docs.dev.runwayml.com/guides/pricing,2026-05-31',
  'runway/veo3.1-fast,api,credits_per_second,1080p,false,false,false,false,false,0.10,,,10,false,exact,secondary source,,secondary,https://docs.dev.runwayml.com/guides/pricing,2026-05-31',
];

describe('vidcost rates (Table 1)', () => {
  it("prints every row of the article's Table 1, exactly", () => {
    expect(ok(['rates', ...AS_OF])).toBe(`${TABLE.join('\n')}\n`);
  });

  it("reproduces Table 1's cells", () => {
    const out = ok(['rates', ...AS_OF]);
    const row = (id: string) => out.split('\n').find((l) => l.startsWith(` ${id} `))!;
    expect(row('openai/sora-2')).toContain('~$0.10 (720p std)'); // Sora 2 "~$0.10 (720p std)"
    expect(row('openai/sora-2-pro')).toContain('~$0.70'); // Sora 2 Pro "~$0.70"
    expect(row('runway/gen4')).toContain('~$0.12'); // Runway Gen-4 "~$0.12 ($0.05 Turbo)"
    expect(row('runway/gen4-turbo')).toContain('~$0.05');
    expect(row('kling/kling-3.0')).toContain('~$0.07–$0.14'); // Kling 3.0 "~$0.08–$0.14"
    expect(row('fal/kling-3.0-standard')).toContain('~$0.084');
    expect(row('fal/pika-2.5')).toContain('~$0.045'); // Pika 2.5 "~$0.05–$0.11 (aggregator)"
    expect(row('pika/pika-2.5')).toContain('~$0.114');
    expect(row('luma/ray3')).toContain('unknown'); // Luma "SDR moderate; HDR/EXR ~3×"
    expect(out).toContain('HDR/EXR ~3.4× SDR');
  });

  it('fits 80 columns, with and without --all and --explain, at every resolution', () => {
    for (const extra of [
      [],
      ['--all'],
      ['--explain'],
      ['--all', '--explain'],
      ['--resolution', '480p'],
      ['--resolution', '540p', '--explain'],
      ['--resolution', '720p'],
    ]) {
      for (const line of ok(['rates', ...AS_OF, ...extra]).split('\n')) {
        expect(columns(line), `${extra.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('lists every priced variant with --all, exactly', () => {
    expect(ok(['rates', ...AS_OF, '--all'])).toBe(`${ALL.join('\n')}\n`);
  });

  it('says unknown where no source gives a figure, never $0', () => {
    const out = ok(['rates', ...AS_OF, '--all']);
    for (const line of out.split('\n').filter((l) => /^ (luma\/|fal\/h100)/.test(l))) {
      expect(line).toMatch(/unknown/);
      expect(line).not.toMatch(/\$0\.00?\b/);
    }
  });
});

describe('vidcost rates --explain', () => {
  const out = ok(['rates', ...AS_OF, '--explain']);

  it("prints the article's arithmetic", () => {
    expect(out).toContain('12 credits × $0.01 per credit = $0.12 per second');
    expect(out).toContain('$10 ÷ 700 credits = $0.0143 per credit');
    expect(out).toContain('10 seconds × $0.70 per second = $7.00 per clip');
    // Pika: 80 credits × $0.0143 ≈ $1.14 worth of plan credits
    expect(out).toContain('80 credits × $0.0143 per credit = $1.14 per 10-second clip');
    // fal/pika-2.5: $45 per 100 clips ≈ $0.45 per clip
    expect(out).toContain('$45 ÷ 100 clips = $0.45 per clip');
    // Runway: 10 s × $0.12 = $1.20
    expect(out).toContain('10 seconds × $0.12 per second = $1.20 per clip');
    // Luma: 1,120 ÷ 330 = 3.39
    expect(out).toContain('1,120 ÷ 330 credits per 5-second clip = 3.39×');
  });

  it('says approximate where a figure is, and why an unknown is unknown', () => {
    const block = (id: string) => {
      const lines = out.split('\n');
      const start = lines.indexOf(`${id}:`);
      const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
      return lines.slice(start + 1, end).join('\n');
    };
    expect(block('runway/gen4-aleph')).toBe(
      ['  15 credits × $0.01 per credit = $0.15 per second', '  10 seconds × $0.15 per second = $1.50 per clip'].join('\n'),
    );
    expect(block('openai/sora-2')).toBe(
      [
        '  no 1080p price is published; the figure is for 720p',
        '  $0.10 per second, as published (approximate)',
        '  10 seconds × $0.10 per second = $1.00 per clip (approximate)',
      ].join('\n'),
    );
    expect(block('luma/ray3.14')).toBe(
      [
        '  the dollar value of a luma credit is unknown: no source gives it (supply it',
        '    with overrides: { luma: { usd_per_credit: ... } })',
        '  400 credits × unknown per credit = unknown per 5-second clip',
        '  400 credits ÷ 5 seconds = 80 credits per second',
      ].join('\n'),
    );
  });

  it('works the per-clip line for the clip length asked: 8 s of Sora 2 = $0.80', () => {
    // 8 seconds × $0.10 per second = $0.80
    expect(ok(['rates', ...AS_OF, '--explain', '--clip-seconds', '8'])).toContain('8 seconds × $0.10 per second = $0.80 per clip');
  });
});

describe('vidcost rates --format', () => {
  it('markdown, exactly', () => {
    expect(ok(['rates', ...AS_OF, '--format', 'markdown'])).toBe(`${MARKDOWN.join('\n')}\n`);
  });

  it('csv, exactly', () => {
    expect(ok(['rates', ...AS_OF, '--format', 'csv'])).toBe(`${CSV.join('\n')}\n`);
  });

  it('json: Table 1 rows with money as exact decimal strings', () => {
    const json = JSON.parse(ok(['rates', ...AS_OF, '--format', 'json']));
    expect(json).toMatchObject({
      schemaVersion: 1,
      kind: 'rates',
      asOf: '2026-06-01',
      currency: 'USD',
      resolution: '1080p',
      all: false,
      notYetInForce: ['google', 'lightricks', 'vertex'],
    });
    const row = (id: string) => json.rates.find((r: { offering: string }) => r.offering === id);
    expect(row('openai/sora-2')).toEqual({
      offering: 'openai/sora-2',
      name: 'Sora 2',
      channel: 'api',
      unit: 'usd_per_second',
      resolution: '720p', // the resolution the figure is for: no 1080p price
      resolutionStated: true,
      audio: true, // Sora's price includes audio
      hdr: false,
      exr: false,
      batch: false,
      usdPerSecond: '0.10',
      creditsPerSecond: null,
      creditsFor: null,
      usdPerCredit: null,
      approx: true,
      marker: 'approx',
      unknownBecause: null,
      hdrPremium: null,
      notes: ['sunset 2026-09-24'],
      sunset: '2026-09-24',
      sunsetPassed: false,
      provenance: 'first-party',
      source: 'https://developers.openai.com/api/docs/pricing',
      verified: '2026-06-01',
      explanation: [
        'no 1080p price is published; the figure is for 720p',
        '$0.10 per second, as published (approximate)',
        '10 seconds × $0.10 per second = $1.00 per clip (approximate)',
      ],
    });
    // Kling: a range carries its low and high; the budget figure is the high end.
    expect(row('kling/kling-3.0')).toMatchObject({
      usdPerSecond: '0.14',
      usdPerSecondLow: '0.07',
      usdPerSecondHigh: '0.14',
      marker: 'range',
      approx: true,
      creditsPerSecond: '12',
      creditsFor: 'web-app 1080p with audio',
    });
    expect(row('fal/kling-3.0-standard')).toMatchObject({ usdPerSecond: '0.084', resolutionStated: false, approx: true });
    // Runway: 12 credits × $0.01
    expect(row('runway/gen4')).toMatchObject({ usdPerSecond: '0.12', creditsPerSecond: '12', usdPerCredit: '0.01', approx: true });
    // Pika: $10 ÷ 700 = 0.01428571428571428571 at 20 places, kept exact: × 80 ÷ 10 = 4/35 = 0.11428571428571428571|43…
    expect(row('pika/pika-2.5')).toMatchObject({
      channel: 'web-app',
      usdPerCredit: '0.01428571428571428571',
      usdPerSecond: '0.11428571428571428571',
      creditsPerSecond: '8',
    });
    expect(row('fal/pika-2.5')).toMatchObject({ usdPerSecond: '0.045', unit: 'usd_per_clip' });
    // Luma: unknown dollars are null, never "0"; credits are known; HDR premium 224 ÷ 66 = 3.3939...
    expect(row('luma/ray3')).toMatchObject({
      usdPerSecond: null,
      creditsPerSecond: '66',
      marker: 'unknown',
      approx: false,
      unknownBecause: 'credit-value',
      hdrPremium: '3.3939',
    });
    expect(row('luma/ray3')).not.toHaveProperty('usdPerSecondLow');
    // Dream Machine API: a lower bound per generation of unknown length
    expect(row('luma/dream-machine-api')).toMatchObject({
      usdPerSecond: null,
      unknownBecause: 'clip-length',
      notes: ['from ~$0.32/clip', 'clip length unknown'],
    });
  });

  it('json: the numbers of every row, and of every variant with --all', () => {
    // "offering channel resolution(? = not stated) [flags] usd=usdPerSecond [low-high] credits=creditsPerSecond marker";
    // each figure is worked by hand at the top of this file.
    type Row = {
      offering: string;
      channel: string;
      resolution: string;
      resolutionStated: boolean;
      audio: boolean;
      hdr: boolean;
      exr: boolean;
      batch: boolean;
      usdPerSecond: string | null;
      usdPerSecondLow?: string;
      usdPerSecondHigh?: string;
      creditsPerSecond: string | null;
      marker: string;
    };
    const summary = (r: Row) => {
      const flags = (['audio', 'hdr', 'exr', 'batch'] as const).filter((k) => r[k]).join(' ');
      const range = r.usdPerSecondLow !== undefined ? ` ${r.usdPerSecondLow}-${r.usdPerSecondHigh}` : '';
      return `${r.offering} ${r.channel} ${r.resolution}${r.resolutionStated ? '' : '?'} [${flags}] usd=${r.usdPerSecond}${range} credits=${r.creditsPerSecond} ${r.marker}`;
    };
    expect(JSON.parse(ok(['rates', ...AS_OF, '--format', 'json'])).rates.map(summary)).toEqual([
      'fal/h100-gpu api 1080p? [] usd=null credits=null unknown',
      'fal/kling-3.0-pro api 1080p? [] usd=0.112 credits=null approx',
      'fal/kling-3.0-standard api 1080p? [] usd=0.084 credits=null approx',
      'fal/pika-2.5 api 1080p [] usd=0.045 credits=null approx',
      'fal/veo-3 api 1080p? [] usd=0.40 credits=null approx',
      'fal/wan-2.5 api 1080p? [] usd=0.05 credits=null approx',
      'kling/kling-3.0 api 1080p? [audio] usd=0.14 0.07-0.14 credits=12 range',
      'luma/dream-machine-api api 1080p? [] usd=null credits=null unknown',
      'luma/ray3 api 1080p [] usd=null credits=66 unknown',
      'luma/ray3.14 api 1080p [] usd=null credits=80 unknown',
      'openai/sora-2 api 720p [audio] usd=0.10 credits=null approx',
      'openai/sora-2-pro api 1080p [audio] usd=0.70 credits=null approx',
      'pika/pika-2.5 web-app 1080p [] usd=0.11428571428571428571 credits=8 approx',
      'runway/gen4 api 1080p? [] usd=0.12 credits=12 approx',
      'runway/gen4-aleph api 1080p? [] usd=0.15 credits=15 exact',
      'runway/gen4-turbo api 1080p? [] usd=0.05 credits=5 approx',
      'runway/gen4.5 api 1080p? [] usd=0.12 credits=12 exact',
      'runway/veo3 api 1080p? [] usd=0.40 credits=40 exact',
      'runway/veo3.1 api 1080p? [] usd=0.20 credits=20 exact',
      'runway/veo3.1-fast api 1080p? [] usd=0.10 credits=10 exact',
    ]);
    expect(JSON.parse(ok(['rates', ...AS_OF, '--all', '--format', 'json'])).rates.map(summary)).toEqual([
      'fal/h100-gpu api 1080p? [] usd=null credits=null unknown',
      'fal/kling-3.0-pro api 1080p? [] usd=0.112 credits=null approx',
      'fal/kling-3.0-standard api 1080p? [] usd=0.084 credits=null approx',
      'fal/pika-2.5 api 1080p [] usd=0.045 credits=null approx',
      'fal/veo-3 api 1080p? [] usd=0.40 credits=null approx',
      'fal/wan-2.5 api 1080p? [] usd=0.05 credits=null approx',
      'kling/kling-3.0 api 1080p? [audio] usd=0.14 0.07-0.14 credits=null range',
      'kling/kling-3.0 web-app 720p [] usd=0.06354545454545454545 credits=6 approx',
      'kling/kling-3.0 web-app 1080p [audio] usd=0.12709090909090909091 credits=12 approx',
      'luma/dream-machine-api api 1080p? [] usd=null credits=null unknown',
      'luma/ray3 api 1080p [] usd=null credits=66 unknown',
      'luma/ray3 web-app 1080p [] usd=null credits=66 unknown',
      'luma/ray3 api 540p [hdr exr] usd=null credits=224 unknown',
      'luma/ray3 web-app 540p [hdr exr] usd=null credits=224 unknown',
      'luma/ray3.14 api 1080p [] usd=null credits=80 unknown',
      'luma/ray3.14 web-app 1080p [] usd=null credits=80 unknown',
      'openai/sora-2 api 720p [audio] usd=0.10 credits=null approx',
      'openai/sora-2 api 720p [audio batch] usd=0.05 credits=null approx',
      'openai/sora-2-pro api 720p [audio] usd=0.30 credits=null approx',
      'openai/sora-2-pro api 720p [audio batch] usd=0.15 credits=null approx',
      'openai/sora-2-pro api 1024p [audio] usd=0.50 credits=null approx',
      'openai/sora-2-pro api 1024p [audio batch] usd=0.25 credits=null approx',
      'openai/sora-2-pro api 1080p [audio] usd=0.70 credits=null approx',
      'openai/sora-2-pro api 1080p [audio batch] usd=0.35 credits=null approx',
      'pika/pika-2.5 web-app 1080p [] usd=0.11428571428571428571 credits=8 approx',
      'runway/gen4 api 1080p? [] usd=0.12 credits=12 approx',
      'runway/gen4 web-app 1080p? [] usd=null credits=null unknown',
      'runway/gen4-aleph api 1080p? [] usd=0.15 credits=15 exact',
      'runway/gen4-turbo api 1080p? [] usd=0.05 credits=5 approx',
      'runway/gen4-turbo web-app 1080p? [] usd=null credits=null unknown',
      'runway/gen4.5 api 1080p? [] usd=0.12 credits=12 exact',
      'runway/gen4.5 web-app 1080p? [] usd=0.60 credits=25 approx',
      'runway/veo3 api 1080p? [] usd=0.40 credits=40 exact',
      'runway/veo3.1 api 1080p? [audio] usd=0.40 credits=40 exact',
      'runway/veo3.1 api 1080p? [] usd=0.20 credits=20 exact',
      'runway/veo3.1-fast api 1080p? [audio] usd=0.15 credits=15 exact',
      'runway/veo3.1-fast api 1080p? [] usd=0.10 credits=10 exact',
    ]);
  });

  it('json --all: every row has the documented fields, booleans always present', () => {
    const json = JSON.parse(ok(['rates', ...AS_OF, '--all', '--format', 'json']));
    expect(json.all).toBe(true);
    expect(json.rates).toHaveLength(37);
    for (const r of json.rates) {
      expect(typeof r.offering).toBe('string');
      expect(r.resolution).toMatch(/^\d+p$/);
      for (const key of ['audio', 'hdr', 'exr', 'batch', 'approx', 'resolutionStated']) expect(typeof r[key], `${r.offering} ${key}`).toBe('boolean');
      expect(r.usdPerSecond === null || /^\d+\.\d{2,}$/.test(r.usdPerSecond), `${r.offering} ${r.usdPerSecond}`).toBe(true);
      expect(r.creditsPerSecond === null || /^\d+(\.\d+)?$/.test(r.creditsPerSecond)).toBe(true);
      if (r.marker === 'range') {
        expect(r.usdPerSecondLow).toMatch(/^\d+\.\d+$/);
        expect(r.usdPerSecondHigh).toBe(r.usdPerSecond);
      }
    }
    const batch = json.rates
      .filter((r: { batch: boolean }) => r.batch)
      .map((r: { offering: string; resolution: string; usdPerSecond: string }) => `${r.offering} ${r.resolution} ${r.usdPerSecond}`);
    // batch tier half price: 0.10 → 0.05; 0.30 → 0.15; 0.50 → 0.25; 0.70 → 0.35
    expect(batch).toEqual(['openai/sora-2 720p 0.05', 'openai/sora-2-pro 720p 0.15', 'openai/sora-2-pro 1024p 0.25', 'openai/sora-2-pro 1080p 0.35']);
    const ray3Hdr = json.rates.find((r: { offering: string; hdr: boolean }) => r.offering === 'luma/ray3' && r.hdr);
    expect(ray3Hdr).toMatchObject({ resolution: '540p', exr: true, creditsPerSecond: '224', usdPerSecond: null });
  });
});

describe('vidcost rates over time', () => {
  it('marks the Sora sunset before 2026-09-24 and says retired from that day', () => {
    const before = ok(['rates', '--as-of', '2026-09-23']);
    expect(before).toMatch(/ openai\/sora-2 .*sunset 2026-09-24/);
    const after = ok(['rates', '--as-of', '2026-09-24']);
    expect(after).toMatch(/ openai\/sora-2 .*retired 2026-09-24/);
    expect(after).toMatch(/ openai\/sora-2-pro .*retired 2026-09-24/);
    const json = JSON.parse(ok(['rates', '--as-of', '2026-09-24', '--format', 'json']));
    expect(json.rates.find((r: { offering: string }) => r.offering === 'openai/sora-2').sunsetPassed).toBe(true);
  });

  it('uses the sheet in force at the date (hypothetical vendor acme: $0.20/s, then $0.25/s from 2026-07-01)', () => {
    const pricing = ['--pricing', join(FIXTURES, 'sheets', 'in-force')];
    const rate = (asOf: string) => {
      const json = JSON.parse(ok(['rates', '--as-of', asOf, ...pricing, '--format', 'json']));
      return json.rates.map((r: { offering: string; usdPerSecond: string }) => `${r.offering} ${r.usdPerSecond}`);
    };
    expect(rate('2026-06-30')).toEqual(['acme/clipper 0.20']);
    expect(rate('2026-07-01')).toEqual(['acme/clipper 0.25', 'acme/clipper-lite 0.08']);
    const early = vidcost(['rates', '--as-of', '2025-12-31', ...pricing]);
    expect(early.status).toBe(0);
    expect(early.stdout).toContain('No sheet in force yet on 2025-12-31 for: acme.');
  });

  it('--resolution 720p: Sora 2 at its own resolution, Sora 2 Pro at ~$0.30', () => {
    const out = ok(['rates', ...AS_OF, '--resolution', '720p']);
    expect(out).toMatch(/ openai\/sora-2 +~\$0\.10 +– +sunset/);
    expect(out).toMatch(/ openai\/sora-2-pro +~\$0\.30 +– +sunset/);
    expect(out).not.toContain('(720p std)');
    expect(out).toContain('(1080p std)'); // Pika and Luma are priced at 1080p only
  });
});

describe('vidcost rates: bad input exits 2 with a message naming the option', () => {
  it.each([
    [
      ['--resolution', '1080'],
      'vidcost: --resolution: expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, found "1080" (did you mean 1080p?)\n',
    ],
    [['--as-of', '2026-13-01'], 'vidcost: --as-of: expected a date written YYYY-MM-DD, found "2026-13-01"\n'],
    [['--format', 'xml'], 'vidcost: --format: expected one of table, json, markdown, csv, found "xml"\n'],
    [['--clip-seconds', '0'], 'vidcost: --clip-seconds: expected a clip length in seconds, more than 0 and at most 3600, found "0"\n'],
    [['--clip-seconds', 'ten'], 'vidcost: --clip-seconds: expected a clip length in seconds, more than 0 and at most 3600, found "ten"\n'],
  ])('%j', (args, message) => {
    const r = vidcost(['rates', ...AS_OF, ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
  });

  it('a pricing folder that does not exist', () => {
    const r = vidcost(['rates', ...AS_OF, '--pricing', 'no-such-folder']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such folder');
  });
});

describe('vidcost rates --out', () => {
  it('writes the report to a file and refuses to replace it without --force', () => {
    const dir = tempDir();
    const file = join(dir, 'rates.csv');
    expect(ok(['rates', ...AS_OF, '--format', 'csv', '--out', file])).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(`${CSV.join('\n')}\n`);
    const again = vidcost(['rates', ...AS_OF, '--format', 'csv', '--out', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; pass --force to replace it');
    expect(ok(['rates', ...AS_OF, '--format', 'json', '--out', file, '--force'])).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).kind).toBe('rates');
    expect(existsSync(file)).toBe(true);
  });
});

describe('the README', () => {
  /** The lines of a README code block that starts with "$ <command>", up to its closing fence. */
  const example = (command: string) => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    const start = readme.indexOf(`$ ${command}`);
    expect(start, command).toBeGreaterThan(0);
    const end = readme.findIndex((l, i) => i > start && l === '```');
    return readme.slice(start + 1, end);
  };

  it('shows real --explain lines', () => {
    const out = ok(['rates', ...AS_OF, '--explain']);
    for (const line of example('vidcost rates --as-of 2026-06-01 --explain').filter((l) => l !== '...')) expect(out.split('\n')).toContain(line);
  });
});
