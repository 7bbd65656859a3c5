// The bundled price sheets of 2026-06-01 hold every figure of the article they reproduce (prices
// accessed 2026-06-01), each traceable to a source URL and a verification date. Expected values are
// copied from the article's text and reference list, not from the program.
import { describe, expect, it } from 'vitest';
import { figureToSyntax, type Figure } from '../src/money/figure.js';
import { catalogAt } from '../src/pricing/catalog.js';
import type { Offering, Rate } from '../src/pricing/model.js';
import { bundledSheets } from './helpers.js';

const sheets = bundledSheets();
const catalog = catalogAt(sheets, '2026-06-01');
const sheet = (vendor: string) => catalog.sheets.find((s) => s.vendor === vendor)!;
const offering = (id: string): Offering => {
  const o = catalog.offerings.find((x) => x.id === id);
  if (!o) throw new Error(`no offering ${id}`);
  return o;
};
const plan = (vendor: string, name: string) => catalog.plans.find((p) => p.vendor === vendor && p.name === name)!;
const syntax = (f: Figure) => figureToSyntax(f);

/** "channel resolution audio hdr exr: unit figure" for every rate, to compare whole offerings at once. */
function rates(id: string): string[] {
  return offering(id).rates.map((r: Rate) => {
    const u = r.unit;
    const what =
      u.kind === 'usd_per_second'
        ? `usd/s ${syntax(u.usd)}`
        : u.kind === 'credits_per_second'
          ? `credits/s ${syntax(u.credits)}`
          : u.kind === 'credits_per_clip'
            ? `credits ${syntax(u.credits)} per ${u.perClips} clip of ${syntax(u.clipSeconds)} s`
            : u.kind === 'usd_per_clip'
              ? `usd ${syntax(u.usd)} per ${u.perClips} clip of ${syntax(u.clipSeconds)} s`
              : `usd/GPU-hour ${syntax(u.usdPerGpuHour)} × ${syntax(u.gpuSecondsPerOutputSecond)} GPU-s/s`;
    return `${r.channel} ${r.resolution ?? 'any'} audio=${r.audio} hdr=${r.hdr} exr=${r.exr}: ${what}`;
  });
}

describe('the bundled sheets', () => {
  it('has one sheet per vendor of the article, each in force on 2026-06-01', () => {
    expect(sheets.filter((s) => s.effective === '2026-06-01').map((s) => `${s.vendor}/${s.effective}`)).toEqual([
      'fal/2026-06-01',
      'kling/2026-06-01',
      'luma/2026-06-01',
      'openai/2026-06-01',
      'pika/2026-06-01',
      'replicate/2026-06-01',
      'runway/2026-06-01',
    ]);
    // the vendors first priced on 2026-12-01 (test/prices-2026-12.test.ts) are not in force yet
    expect(catalog.notYetInForce).toEqual(['google', 'lightricks', 'vertex']);
  });

  it('holds every offering id the docs name', () => {
    const ids = catalog.offerings.map((o) => o.id);
    for (const id of [
      'openai/sora-2',
      'openai/sora-2-pro',
      'runway/gen4',
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
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('traces every rate and plan to an http(s) source and a verification date', () => {
    for (const o of catalog.offerings) {
      for (const r of o.rates) {
        expect(r.source, o.id).toMatch(/^https?:\/\//);
        expect(r.verified, o.id).toMatch(/^2026-\d\d-\d\d$/);
      }
    }
    for (const p of catalog.plans) expect(p.source, `${p.vendor} ${p.name}`).toMatch(/^https?:\/\//);
  });

  it("keeps secondary-source offerings apart from the article's: marked, and never an article id", () => {
    const article = new Set(['runway/gen4', 'runway/gen4-turbo']);
    const secondary = catalog.offerings.filter((o) => o.provenance === 'secondary').map((o) => o.id);
    expect(secondary).toEqual(['runway/gen4-aleph', 'runway/gen4.5', 'runway/veo3', 'runway/veo3.1', 'runway/veo3.1-fast']);
    for (const id of secondary) expect(article.has(id)).toBe(false);
    expect(offering('runway/gen4').provenance).toBe('first-party');
  });
});

describe('OpenAI Sora (article refs 1-2)', () => {
  it('Sora 2: ~$0.10/s at 720p, audio included, sunset 2026-09-24', () => {
    expect(rates('openai/sora-2')).toEqual(['api 720p audio=included hdr=false exr=false: usd/s ~0.1']);
    expect(offering('openai/sora-2').sunset).toBe('2026-09-24');
    expect(offering('openai/sora-2').sunsetSource).toBe('https://developers.openai.com/api/docs/guides/video-generation');
  });

  it('Sora 2 Pro: ~$0.30 at 720p, ~$0.50 at 1024p, ~$0.70 at 1080p; sunset 2026-09-24', () => {
    expect(rates('openai/sora-2-pro')).toEqual([
      'api 720p audio=included hdr=false exr=false: usd/s ~0.3',
      'api 1024p audio=included hdr=false exr=false: usd/s ~0.5',
      'api 1080p audio=included hdr=false exr=false: usd/s ~0.7',
    ]);
    expect(offering('openai/sora-2-pro').sunset).toBe('2026-09-24');
  });

  it('a Batch tier at about half price, up to 24 h', () => {
    for (const id of ['openai/sora-2', 'openai/sora-2-pro']) {
      const batch = offering(id).batch!;
      expect(syntax(batch.factor)).toBe('~0.5');
      expect(batch.latency).toBe('up to 24 h');
    }
  });

  it('Sora for coherent dialogue and audio', () => {
    expect(offering('openai/sora-2').capabilities).toEqual(['audio', 'dialogue']);
  });
});

describe('Runway (article ref 3)', () => {
  it('API credits at exactly $0.01', () => {
    expect(syntax(sheet('runway').apiUsdPerCredit!.value)).toBe('0.01');
  });

  it('gen4 ~12 credits/s, gen4-turbo ~5 credits/s on the API; web-app credit cost unknown', () => {
    expect(rates('runway/gen4')).toEqual([
      'api any audio=false hdr=false exr=false: credits/s ~12',
      'web-app any audio=false hdr=false exr=false: credits/s unknown',
    ]);
    expect(rates('runway/gen4-turbo')).toEqual([
      'api any audio=false hdr=false exr=false: credits/s ~5',
      'web-app any audio=false hdr=false exr=false: credits/s unknown',
    ]);
  });

  it('seat plans: Standard ~$15/625, Pro ~$35/2,250, Unlimited ~$95 with credits unknown', () => {
    expect(
      [plan('runway', 'Standard'), plan('runway', 'Pro'), plan('runway', 'Unlimited')].map(
        (p) => `${p.name} ${syntax(p.usdPerMonth)} ${syntax(p.creditsPerMonth)}`,
      ),
    ).toEqual(['Standard ~15 625', 'Pro ~35 2250', 'Unlimited ~95 unknown']);
  });

  it('Runway for editing existing footage', () => {
    expect(offering('runway/gen4').capabilities).toContain('editing');
    expect(offering('runway/gen4-turbo').capabilities).toContain('editing');
  });
});

describe('Kling 3.0 (article refs 5-6)', () => {
  it('only the two published points of the credit table, never an interpolated third', () => {
    expect(rates('kling/kling-3.0')).toEqual([
      'api any audio=included hdr=false exr=false: usd/s ~0.07-0.14',
      'web-app 720p audio=false hdr=false exr=false: credits/s ~6',
      'web-app 1080p audio=true hdr=false exr=false: credits/s ~12',
    ]);
  });

  it('plans: Standard ~$6.99/660, Pro ~$25.99/3,000, Premier ~$64.99/8,000, Ultra ~$180/26,000', () => {
    expect(catalog.plans.filter((p) => p.vendor === 'kling').map((p) => `${p.name} ${syntax(p.usdPerMonth)} ${syntax(p.creditsPerMonth)}`)).toEqual([
      'Standard ~6.99 660',
      'Pro ~25.99 3000',
      'Premier ~64.99 8000',
      'Ultra ~180 26000',
    ]);
  });

  it('through fal: standard ~$0.084/s and pro ~$0.112/s, both without audio', () => {
    expect(rates('fal/kling-3.0-standard')).toEqual(['api any audio=false hdr=false exr=false: usd/s ~0.084']);
    expect(rates('fal/kling-3.0-pro')).toEqual(['api any audio=false hdr=false exr=false: usd/s ~0.112']);
    expect(offering('kling/kling-3.0').apiThrough).toEqual(['fal/kling-3.0-standard', 'fal/kling-3.0-pro']);
  });

  it('Kling for motion control, multi-character lip-sync and native audio', () => {
    expect(offering('kling/kling-3.0').capabilities).toEqual(['motion_control', 'lip_sync', 'audio']);
  });
});

describe('Pika 2.5 (article ref 7)', () => {
  it('~80 credits per 10-second 1080p clip, web app only, API through fal', () => {
    expect(rates('pika/pika-2.5')).toEqual(['web-app 1080p audio=false hdr=false exr=false: credits ~80 per 1 clip of 10 s']);
    expect(offering('pika/pika-2.5').channels).toEqual(['web-app']);
    expect(offering('pika/pika-2.5').apiThrough).toEqual(['fal/pika-2.5']);
  });

  it('plans: Basic free/80 (480p, watermark, no commercial use), Standard ~$10/700, Pro ~$35/2,300, Fancy ~$95/6,000', () => {
    const basic = plan('pika', 'Basic');
    expect([syntax(basic.usdPerMonth), syntax(basic.creditsPerMonth), basic.maxResolution, basic.watermark, basic.commercialUse]).toEqual([
      '0',
      '80',
      '480p',
      true,
      false,
    ]);
    expect(catalog.plans.filter((p) => p.vendor === 'pika').map((p) => `${p.name} ${syntax(p.usdPerMonth)} ${syntax(p.creditsPerMonth)}`)).toEqual([
      'Basic 0 80',
      'Standard ~10 700',
      'Pro ~35 2300',
      'Fancy ~95 6000',
    ]);
    expect(sheet('pika').referencePlan).toBe('Standard');
  });

  it('through fal: ~$45 per 100 clips at 1080p', () => {
    expect(rates('fal/pika-2.5')).toEqual(['api 1080p audio=false hdr=false exr=false: usd ~45 per 100 clip of 10 s']);
  });
});

describe('Luma (article ref 8)', () => {
  it('Ray3: 330 credits per 5 s at 1080p SDR; 1,120 per 5 s at 540p HDR+EXR', () => {
    expect(rates('luma/ray3').filter((r) => r.startsWith('api'))).toEqual([
      'api 1080p audio=false hdr=false exr=false: credits 330 per 1 clip of 5 s',
      'api 540p audio=false hdr=true exr=true: credits 1120 per 1 clip of 5 s',
    ]);
    expect(offering('luma/ray3').capabilities).toEqual(['hdr', 'exr']);
  });

  it('Ray3.14: 400 credits per 5 s at 1080p SDR', () => {
    expect(rates('luma/ray3.14').filter((r) => r.startsWith('api'))).toEqual(['api 1080p audio=false hdr=false exr=false: credits 400 per 1 clip of 5 s']);
  });

  it('the dollar value of a Luma credit is unknown, never 0', () => {
    const value = sheet('luma').apiUsdPerCredit!.value;
    expect(syntax(value)).toBe('unknown');
    expect(value.low).toBeNull();
  });

  it('Dream Machine API: from ~$0.32 per generation, its length not given', () => {
    expect(rates('luma/dream-machine-api')).toEqual(['api any audio=false hdr=false exr=false: usd from ~0.32 per 1 clip of unknown s']);
  });
});

describe('fal and Replicate (article refs 6, 9)', () => {
  it('Wan 2.5 ~$0.05/s, Veo 3 ~$0.40/s, H100 time ~$1.89/h', () => {
    expect(rates('fal/wan-2.5')).toEqual(['api any audio=false hdr=false exr=false: usd/s ~0.05']);
    expect(rates('fal/veo-3')).toEqual(['api any audio=false hdr=false exr=false: usd/s ~0.4']);
    expect(rates('fal/h100-gpu')).toEqual(['api any audio=false hdr=false exr=false: usd/GPU-hour ~1.89 × unknown GPU-s/s']);
  });

  it('Replicate: per-second GPU billing with no figure, so no priced offering', () => {
    expect(sheet('replicate').offerings).toEqual([]);
    expect(sheet('replicate').notes.join(' ')).toMatch(/no per-second figure/);
  });
});
