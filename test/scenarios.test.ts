// Every bundled scenario, priced by the built CLI with the 2026-06-01 price sheets, pinned to the
// cent. Every expected figure is worked by hand in the comments from pricing-data/*/2026-06-01.yaml
// and the documented formula:
//   monthly = clips_per_month × billed seconds per clip × USD per second × billed generations
//   billed generations = min(regeneration_factor, budget.max_regenerations_per_job)
//   per-clip units bill whole clips (an 8 s clip on a 5 s unit bills 2 units)
//   discount_pct multiplies by (100 − pct) / 100
//   web-app: the cheapest set of seat plans whose credits cover the credits needed.
// Figures are written the way `show` prints them: "1620.00" a point (exact or ~), "a–b" a range,
// "from a" a lower bound, "unknown" no price.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, vidcost } from './helpers.js';

interface FigureJson {
  monthlyUsd: string | null;
  monthlyUsdLow?: string | null;
  monthlyUsdHigh?: string | null;
}
interface OptionJson extends FigureJson {
  offering: string;
  eligible: boolean;
  reason: string | null;
  marker: string;
  overridden: boolean;
  plans?: CoverJson;
}
interface CoverJson {
  plans: { plan: string; count: number }[];
  monthlyUsd: string;
  credits: string;
  leftoverCredits: string;
}
interface Report {
  asOf: string;
  channel: string;
  budget: { monthlyCeilingUsd: string | null; maxRegenerationsPerJob: string | null };
  workloads: { name: string; billedGenerations: string; options: OptionJson[] }[];
  totals: (OptionJson & { plans?: CoverJson })[];
  recommendation: FigureJson & {
    workloads: ({ workload: string; offering: string | null; reason: string | null } & FigureJson)[];
    complete: boolean;
    approx: boolean;
    cheapestSingle: ({ offering: string } & FigureJson) | null;
    plans?: ({ vendor: string } & CoverJson)[];
  };
  advisories: { code: string; severity: string; message: string; workload?: string; offering?: string; vendor?: string }[];
}

function estimate(file: string, asOf = '2026-06-01', extra: string[] = []): Report {
  const r = vidcost(['estimate', `scenarios/${file}`, '--format', 'json', '--as-of', asOf, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

function show(f: FigureJson): string {
  if (f.monthlyUsdLow !== undefined) return f.monthlyUsd === null ? `from ${f.monthlyUsdLow}` : `${f.monthlyUsdLow}–${f.monthlyUsdHigh}`;
  return f.monthlyUsd ?? 'unknown';
}

function workload(report: Report, name: string) {
  const w = report.workloads.find((x) => x.name === name);
  if (!w) throw new Error(`no workload ${name}`);
  return w;
}

/** offering → monthly cost, for the eligible options of a workload. */
function eligible(report: Report, name: string): Record<string, string> {
  return Object.fromEntries(
    workload(report, name)
      .options.filter((o) => o.eligible)
      .map((o) => [o.offering, show(o)]),
  );
}

/** offering → reason, for the options of a workload that are not eligible. */
function excluded(report: Report, name: string): Record<string, string | null> {
  return Object.fromEntries(
    workload(report, name)
      .options.filter((o) => !o.eligible)
      .map((o) => [o.offering, o.reason]),
  );
}

function totals(report: Report): Record<string, string> {
  return Object.fromEntries(report.totals.filter((t) => t.eligible).map((t) => [t.offering, show(t)]));
}

function route(report: Report): { steps: Record<string, string>; monthly: string; single: string | null } {
  const r = report.recommendation;
  return {
    steps: Object.fromEntries(r.workloads.map((s) => [s.workload, s.offering === null ? `none (${s.reason})` : `${s.offering} ${show(s)}`])),
    monthly: show(r),
    single: r.cheapestSingle ? `${r.cheapestSingle.offering} ${show(r.cheapestSingle)}` : null,
  };
}

function codes(report: Report): string[] {
  return [...new Set(report.advisories.map((a) => a.code))].sort();
}

function subjects(report: Report, code: string): string[] {
  return report.advisories
    .filter((a) => a.code === code)
    .map((a) => [a.workload, a.offering ?? a.vendor].filter(Boolean).join(' '))
    .sort();
}

function cover(c: CoverJson | undefined): string {
  if (!c) return 'none';
  return `${c.plans.map((p) => `${p.count}×${p.plan}`).join('+')} = ${c.monthlyUsd} for ${c.credits} credits, ${c.leftoverCredits} left`;
}

describe('scenarios/social-drafts.yaml (1,200 clips × 10 s at 1080p, factor 3, every offering)', () => {
  const r = estimate('social-drafts.yaml');

  it('prices every eligible offering to the cent', () => {
    // 1,200 clips × 3 generations = 3,600 generations a month; × 10 s = 36,000 billed seconds.
    expect(workload(r, 'drafts').billedGenerations).toBe('3');
    expect(eligible(r, 'drafts')).toEqual({
      // fal/pika-2.5: ~$45 per 100 clips of 10 s = $0.45 per clip; a 10 s clip bills 1 clip:
      //   3,600 generations × $0.45 = $1,620.00
      'fal/pika-2.5': '1620.00',
      // fal/wan-2.5: ~$0.05/s × 36,000 s = $1,800.00
      'fal/wan-2.5': '1800.00',
      // runway/gen4-turbo: ~5 credits/s × $0.01 = $0.05/s × 36,000 s = $1,800.00
      'runway/gen4-turbo': '1800.00',
      // fal/kling-3.0-standard: ~$0.084/s × 36,000 s = $3,024.00
      'fal/kling-3.0-standard': '3024.00',
      // fal/kling-3.0-pro: ~$0.112/s × 36,000 s = $4,032.00
      'fal/kling-3.0-pro': '4032.00',
      // kling/kling-3.0 API: ~$0.07–$0.14/s × 36,000 s = $2,520.00–$5,040.00
      'kling/kling-3.0': '2520.00–5040.00',
      // runway/gen4: ~12 credits/s × $0.01 = $0.12/s × 36,000 s = $4,320.00
      'runway/gen4': '4320.00',
      // runway/gen4.5 (secondary): 12 credits/s on the API → $0.12/s → $4,320.00
      'runway/gen4.5': '4320.00',
      // runway/gen4-aleph (secondary): 15 credits/s → $0.15/s × 36,000 s = $5,400.00
      'runway/gen4-aleph': '5400.00',
      // runway/veo3.1-fast (secondary), without audio: 10 credits/s → $0.10/s → $3,600.00
      'runway/veo3.1-fast': '3600.00',
      // runway/veo3.1 (secondary), without audio: 20 credits/s → $0.20/s → $7,200.00
      'runway/veo3.1': '7200.00',
      // runway/veo3 (secondary): 40 credits/s → $0.40/s → $14,400.00
      'runway/veo3': '14400.00',
      // fal/veo-3: ~$0.40/s × 36,000 s = $14,400.00
      'fal/veo-3': '14400.00',
      // openai/sora-2-pro at 1080p: ~$0.70/s × 36,000 s = $25,200.00
      'openai/sora-2-pro': '25200.00',
      // luma/dream-machine-api: from ~$0.32 per generation, length unknown so at least one
      //   generation per clip: from 3,600 × $0.32 = $1,152.00 (a lower bound, never recommended)
      'luma/dream-machine-api': 'from 1152.00',
      // no price: GPU-seconds per output second unknown; a Luma credit's dollar value unknown
      'fal/h100-gpu': 'unknown',
      'luma/ray3': 'unknown',
      'luma/ray3.14': 'unknown',
    });
    expect(excluded(r, 'drafts')).toEqual({
      'openai/sora-2': 'no 1080p output priced (priced at 720p)',
      'pika/pika-2.5': 'not sold on the api channel (only web-app)',
    });
  });

  it('totals each offering (one workload: the total is that workload) and recommends Pika through fal.ai', () => {
    expect(totals(r)).toEqual(eligible(r, 'drafts'));
    // $1,620.00 (Pika) < $1,800.00 (Wan, Gen-4 Turbo); the from-$1,152.00 lower bound is never recommended
    expect(route(r)).toEqual({ steps: { drafts: 'fal/pika-2.5 1620.00' }, monthly: '1620.00', single: 'fal/pika-2.5 1620.00' });
    expect(r.recommendation.approx).toBe(true);
  });

  it('fits under its $2,000 ceiling, so the README quick start passes --fail-on-ceiling', () => {
    // $1,620.00 ≤ $2,000.00
    expect(r.budget.monthlyCeilingUsd).toBe('2000.00');
    expect(codes(r)).not.toContain('over-ceiling');
    expect(vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-06-01', '--fail-on-ceiling']).status).toBe(0);
  });

  it('raises the advisories of an api scenario that considers everything', () => {
    expect(codes(r)).toEqual(['free-tier-restrictions', 'plan-capacity', 'subscription-not-api', 'sunset', 'unknown-price']);
    expect(subjects(r, 'sunset')).toEqual(['openai/sora-2', 'openai/sora-2-pro']);
    expect(subjects(r, 'subscription-not-api')).toEqual(['kling', 'pika', 'runway']);
    expect(subjects(r, 'unknown-price')).toEqual(['drafts fal/h100-gpu', 'drafts luma/ray3', 'drafts luma/ray3.14']);
    // Pika's plan page: 80 credits per 10 s 1080p clip × 3 generations = 240 credits per kept clip;
    // Standard's 700 credits ÷ 240 = 2.91… → 2 whole clips a month
    const pika = r.advisories.find((a) => a.code === 'plan-capacity' && a.offering === 'pika/pika-2.5');
    expect(pika?.message).toContain('Pika Standard: 700 credits ÷ 240 credits per kept clip = 2 whole clips a month');
    // Runway Standard is ~$15 for 625 credits; the API route for Runway is Gen-4 Turbo at $1,800.00
    const runway = r.advisories.find((a) => a.code === 'subscription-not-api' && a.vendor === 'runway');
    expect(runway?.message).toContain('~$1,800.00/month on the API (runway/gen4-turbo)');
  });

  it('after the Sora sunset (2026-10-01): Sora 2 Pro is not eligible, the route is unchanged, prices are stale', () => {
    const later = estimate('social-drafts.yaml', '2026-10-01');
    expect(excluded(later, 'drafts')['openai/sora-2-pro']).toBe('shut down on 2026-09-24');
    expect(excluded(later, 'drafts')['openai/sora-2']).toBe('shut down on 2026-09-24');
    expect(route(later).monthly).toBe('1620.00');
    // verified 2026-06-01, 122 days before 2026-10-01 (limit 60)
    expect(codes(later)).toContain('stale-prices');
  });
});

describe('scenarios/ad-variants.yaml (2,400 variants × 6 s at 1080p, factor 4 capped at 2)', () => {
  const r = estimate('ad-variants.yaml');

  it('caps regenerations at max_regenerations_per_job and prices each offering', () => {
    // billed generations = min(4, 2) = 2; 2,400 × 2 = 4,800 generations; × 6 s = 28,800 s
    expect(workload(r, 'variants').billedGenerations).toBe('2');
    expect(r.budget.maxRegenerationsPerJob).toBe('2');
    expect(eligible(r, 'variants')).toEqual({
      // Pika bills whole 10 s clips: a 6 s variant bills one $0.45 clip: 4,800 × $0.45 = $2,160.00
      'fal/pika-2.5': '2160.00',
      // ~$0.05/s × 28,800 s = $1,440.00
      'fal/wan-2.5': '1440.00',
      // ~$0.084/s × 28,800 s = $2,419.20
      'fal/kling-3.0-standard': '2419.20',
      // ~$0.07–$0.14/s × 28,800 s = $2,016.00–$4,032.00
      'kling/kling-3.0': '2016.00–4032.00',
    });
    expect(excluded(r, 'variants')).toEqual({ 'pika/pika-2.5': 'not sold on the api channel (only web-app)' });
  });

  it('recommends Wan 2.5 through fal.ai, within the $1,500 ceiling', () => {
    expect(totals(r)).toEqual(eligible(r, 'variants'));
    // $1,440.00 < $2,160.00 < $2,419.20; the Kling range budgets at its high end, $4,032.00
    expect(route(r)).toEqual({ steps: { variants: 'fal/wan-2.5 1440.00' }, monthly: '1440.00', single: 'fal/wan-2.5 1440.00' });
    // $1,440.00 ≤ $1,500.00
    expect(vidcost(['estimate', 'scenarios/ad-variants.yaml', '--as-of', '2026-06-01', '--fail-on-ceiling']).status).toBe(0);
  });

  it('raises regeneration-capped and the plan-page trap for Pika and Kling', () => {
    expect(codes(r)).toEqual(['free-tier-restrictions', 'plan-capacity', 'regeneration-capped', 'subscription-not-api']);
    expect(subjects(r, 'regeneration-capped')).toEqual(['variants']);
    expect(subjects(r, 'subscription-not-api')).toEqual(['kling', 'pika']);
    // Pika's API route is fal/pika-2.5 at $2,160.00 (api_through in the Pika sheet)
    const pika = r.advisories.find((a) => a.code === 'subscription-not-api' && a.vendor === 'pika');
    expect(pika?.message).toContain('~$2,160.00/month on the API (fal/pika-2.5)');
  });
});

describe('scenarios/brand-spots.yaml (Sora 2 Pro dialogue spots + Kling lip-sync cut-downs)', () => {
  const r = estimate('brand-spots.yaml');

  it('prices the dialogue spots on Sora 2 Pro only', () => {
    // 20 clips × 12 s × 4 generations = 960 s × ~$0.70/s (1080p) = $672.00
    expect(eligible(r, 'dialogue-spots')).toEqual({ 'openai/sora-2-pro': '672.00' });
    expect(excluded(r, 'dialogue-spots')).toEqual({
      'openai/sora-2': 'no 1080p output priced (priced at 720p)',
      'kling/kling-3.0': 'lacks dialogue',
      'fal/kling-3.0-pro': 'lacks dialogue, audio',
      'runway/veo3.1': 'lacks dialogue',
    });
  });

  it('prices the lip-sync cut-downs on Kling as a range', () => {
    // 40 clips × 8 s × 3 generations = 960 s × ~$0.07–$0.14/s = $67.20–$134.40
    expect(eligible(r, 'lip-sync-cutdowns')).toEqual({ 'kling/kling-3.0': '67.20–134.40' });
    expect(excluded(r, 'lip-sync-cutdowns')).toEqual({
      'openai/sora-2-pro': 'lacks lip_sync',
      'openai/sora-2': 'lacks lip_sync',
      'fal/kling-3.0-pro': 'lacks audio',
      'runway/veo3.1': 'lacks lip_sync',
    });
  });

  it('routes dialogue to Sora and lip-sync to Kling; no single offering serves both', () => {
    expect(totals(r)).toEqual({});
    // $672.00 + $67.20 = $739.20; $672.00 + $134.40 = $806.40 (≤ the $1,000 ceiling)
    expect(route(r)).toEqual({
      steps: { 'dialogue-spots': 'openai/sora-2-pro 672.00', 'lip-sync-cutdowns': 'kling/kling-3.0 67.20–134.40' },
      monthly: '739.20–806.40',
      single: null,
    });
    expect(vidcost(['estimate', 'scenarios/brand-spots.yaml', '--as-of', '2026-06-01', '--fail-on-ceiling']).status).toBe(0);
  });

  it('warns of the Sora sunset 115 days ahead', () => {
    expect(codes(r)).toEqual(['plan-capacity', 'subscription-not-api', 'sunset']);
    expect(subjects(r, 'sunset')).toEqual(['openai/sora-2', 'openai/sora-2-pro']);
    // 2026-06-01 → 2026-09-24: 29 (rest of June) + 31 + 31 + 24 = 115 days
    expect(r.advisories.find((a) => a.code === 'sunset' && a.offering === 'openai/sora-2-pro')?.message).toContain(
      'shuts down on 2026-09-24, 115 days after 2026-06-01',
    );
    // only the workload Kling can make has a capacity line: 12 credits/s × 8 s × 3 = 288 credits
    // per kept clip; Standard's 660 ÷ 288 = 2.29… → 2 whole clips a month
    expect(subjects(r, 'plan-capacity')).toEqual(['lip-sync-cutdowns kling/kling-3.0']);
    expect(r.advisories.find((a) => a.code === 'plan-capacity')?.message).toContain(
      'Kling Standard: 660 credits ÷ 288 credits per kept clip = 2 whole clips a month',
    );
  });

  it('on 2026-10-01, after the sunset: Sora is not eligible ("shut down on 2026-09-24") and the dialogue spots have no route', () => {
    const later = estimate('brand-spots.yaml', '2026-10-01');
    expect(eligible(later, 'dialogue-spots')).toEqual({});
    expect(excluded(later, 'dialogue-spots')).toEqual({
      'openai/sora-2-pro': 'shut down on 2026-09-24',
      'openai/sora-2': 'shut down on 2026-09-24',
      'kling/kling-3.0': 'lacks dialogue',
      'fal/kling-3.0-pro': 'lacks dialogue, audio',
      'runway/veo3.1': 'lacks dialogue',
    });
    // the Kling cut-downs are priced as before: $67.20–$134.40
    expect(eligible(later, 'lip-sync-cutdowns')).toEqual({ 'kling/kling-3.0': '67.20–134.40' });
    expect(excluded(later, 'lip-sync-cutdowns')['openai/sora-2-pro']).toBe('shut down on 2026-09-24');
    expect(route(later)).toEqual({
      steps: { 'dialogue-spots': 'none (no offering is eligible)', 'lip-sync-cutdowns': 'kling/kling-3.0 67.20–134.40' },
      monthly: 'unknown',
      single: null,
    });
    expect(later.recommendation.complete).toBe(false);
    expect(codes(later)).toEqual(['no-eligible-offering', 'plan-capacity', 'stale-prices', 'subscription-not-api', 'sunset']);
    expect(subjects(later, 'no-eligible-offering')).toEqual(['dialogue-spots']);
    expect(later.advisories.find((a) => a.code === 'sunset' && a.offering === 'openai/sora-2-pro')?.message).toContain('shut down on 2026-09-24');
    // the four vendors considered (openai, kling, fal, runway) were verified 2026-06-01, 122 days before
    expect(subjects(later, 'stale-prices')).toEqual(['fal', 'kling', 'openai', 'runway']);
  });
});

describe('scenarios/footage-editing.yaml (300 clips × 10 s at 1080p, factor 2, requires editing, Runway −10 %)', () => {
  const r = estimate('footage-editing.yaml');

  it('leaves only the Runway editing models, each with the contract discount', () => {
    // 300 × 10 s × 2 generations = 6,000 s; discount factor (100 − 10) / 100 = 0.9
    expect(eligible(r, 'relight-and-cleanup')).toEqual({
      // ~5 credits/s × $0.01 = $0.05/s × 0.9 = $0.045/s × 6,000 s = $270.00
      'runway/gen4-turbo': '270.00',
      // ~12 credits/s × $0.01 = $0.12/s × 0.9 = $0.108/s × 6,000 s = $648.00
      'runway/gen4': '648.00',
      // 15 credits/s × $0.01 = $0.15/s × 0.9 = $0.135/s × 6,000 s = $810.00
      'runway/gen4-aleph': '810.00',
    });
    for (const o of workload(r, 'relight-and-cleanup').options.filter((x) => x.eligible)) expect(o.overridden).toBe(true);
    const reasons = excluded(r, 'relight-and-cleanup');
    expect(reasons['pika/pika-2.5']).toBe('not sold on the api channel (only web-app)');
    const others = Object.entries(reasons).filter(([id]) => id !== 'pika/pika-2.5');
    // the 20 offerings in force, less the 3 Runway editing models and Pika's web-app-only one
    expect(others).toHaveLength(16);
    for (const [, reason] of others) expect(reason).toBe('lacks editing');
  });

  it('routes editing to Runway Gen-4 Turbo within the $500 ceiling', () => {
    expect(totals(r)).toEqual(eligible(r, 'relight-and-cleanup'));
    expect(route(r)).toEqual({ steps: { 'relight-and-cleanup': 'runway/gen4-turbo 270.00' }, monthly: '270.00', single: 'runway/gen4-turbo 270.00' });
    expect(vidcost(['estimate', 'scenarios/footage-editing.yaml', '--as-of', '2026-06-01', '--fail-on-ceiling']).status).toBe(0);
  });

  it('raises no plan-capacity line for offerings that cannot edit footage', () => {
    expect(codes(r)).toEqual(['free-tier-restrictions', 'subscription-not-api', 'sunset']);
    expect(subjects(r, 'subscription-not-api')).toEqual(['kling', 'pika', 'runway']);
    expect(r.advisories.find((a) => a.code === 'subscription-not-api' && a.vendor === 'runway')?.message).toContain(
      '~$270.00/month on the API (runway/gen4-turbo)',
    );
  });
});

describe("scenarios/hdr-pipeline.yaml (Luma HDR+EXR plates at the team's $0.0033 per credit)", () => {
  const r = estimate('hdr-pipeline.yaml');

  it('prices the HDR plates on Ray3, billing whole 5 s clips', () => {
    // 8 s on a 5 s unit bills ⌈8 / 5⌉ = 2 clips × 1,120 credits (540p HDR+EXR) = 2,240 credits
    // per generation × 3 = 6,720 credits per kept clip × $0.0033 = $22.176; × 60 clips = $1,330.56
    expect(eligible(r, 'hdr-plates')).toEqual({ 'luma/ray3': '1330.56' });
    const ray3 = workload(r, 'hdr-plates').options.find((o) => o.offering === 'luma/ray3')!;
    // exact credits and an exact override: no "~", but marked as resting on the override
    expect(ray3.marker).toBe('exact');
    expect(ray3.overridden).toBe(true);
    expect(excluded(r, 'hdr-plates')).toEqual({
      'luma/ray3.14': 'lacks exr, hdr',
      'luma/dream-machine-api': 'lacks exr, hdr',
      'runway/gen4.5': 'lacks exr, hdr',
    });
  });

  it('prices the SDR previews on every offering listed', () => {
    // 120 clips × 2 generations = 240 generations; each 5 s clip is one 5 s Luma unit
    expect(eligible(r, 'sdr-previews')).toEqual({
      // 330 credits (1080p SDR) × 240 = 79,200 credits × $0.0033 = $261.36
      'luma/ray3': '261.36',
      // 400 credits × 240 = 96,000 credits × $0.0033 = $316.80
      'luma/ray3.14': '316.80',
      // from ~$0.32 per generation × 240 = from $76.80 (a lower bound)
      'luma/dream-machine-api': 'from 76.80',
      // 12 credits/s × $0.01 = $0.12/s × 5 s × 240 = $144.00
      'runway/gen4.5': '144.00',
    });
    expect(excluded(r, 'sdr-previews')).toEqual({});
  });

  it('routes plates to Luma and previews to Runway; Ray3 is the cheapest single offering', () => {
    // Ray3 for both: $1,330.56 + $261.36 = $1,591.92; the others lack HDR/EXR for the plates
    expect(totals(r)).toEqual({ 'luma/ray3': '1591.92' });
    // $1,330.56 + $144.00 = $1,474.56 (≤ the $2,000 ceiling)
    expect(route(r)).toEqual({
      steps: { 'hdr-plates': 'luma/ray3 1330.56', 'sdr-previews': 'runway/gen4.5 144.00' },
      monthly: '1474.56',
      single: 'luma/ray3 1591.92',
    });
    expect(vidcost(['estimate', 'scenarios/hdr-pipeline.yaml', '--as-of', '2026-06-01', '--fail-on-ceiling']).status).toBe(0);
  });

  it('raises no unknown-price advisory: the override supplies the Luma credit value', () => {
    // Gen-4.5 has a known web-app rate (25 credits/s), so the seat plans are sized against it:
    // 25 × 5 s × 2 generations = 250 credits per kept clip; Standard's 625 cover 2 whole clips a month (2.5, rounded down)
    expect(codes(r)).toEqual(['plan-capacity', 'subscription-not-api']);
    expect(subjects(r, 'subscription-not-api')).toEqual(['runway']);
    expect(r.advisories.find((a) => a.code === 'plan-capacity')?.message).toContain('625 credits ÷ 250 credits per kept clip = 2 whole clips a month');
  });

  it('without the override, as the README says: every Luma price is unknown and the plates have no route', () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, 'scenarios', 'hdr-pipeline.yaml'), 'utf8');
    const without = text.replace(/^overrides:\n(?: {2}.*\n|\n)*?(?=^\S)/m, '');
    expect(without).not.toMatch(/^overrides:/m);
    writeFileSync(join(dir, 'hdr.yaml'), without);
    const res = vidcost(['estimate', join(dir, 'hdr.yaml'), '--format', 'json', '--as-of', '2026-06-01']);
    expect(res.status).toBe(0);
    const u = JSON.parse(res.stdout) as Report;
    expect(eligible(u, 'hdr-plates')).toEqual({ 'luma/ray3': 'unknown' });
    // Runway Gen-4.5 still prices the previews: 12 credits/s × $0.01 × 5 s × 2 × 120 = $144.00
    expect(eligible(u, 'sdr-previews')).toEqual({
      'luma/ray3': 'unknown',
      'luma/ray3.14': 'unknown',
      'luma/dream-machine-api': 'from 76.80',
      'runway/gen4.5': '144.00',
    });
    expect(route(u).steps).toEqual({ 'hdr-plates': 'none (no eligible offering has a known price)', 'sdr-previews': 'runway/gen4.5 144.00' });
    expect(codes(u)).toEqual(['no-eligible-offering', 'plan-capacity', 'subscription-not-api', 'unknown-price']);
    expect(subjects(u, 'unknown-price')).toEqual(['hdr-plates luma/ray3', 'sdr-previews luma/ray3', 'sdr-previews luma/ray3.14']);
    expect(u.advisories.find((a) => a.code === 'unknown-price')?.message).toContain('overrides: { luma: { usd_per_credit:');
  });
});

describe('scenarios/web-app-team.yaml (seat plans covering the credits)', () => {
  const r = estimate('web-app-team.yaml');

  it('covers the concept drafts with the cheapest set of plans per vendor', () => {
    expect(r.channel).toBe('web-app');
    expect(eligible(r, 'concept-drafts')).toEqual({
      // Pika: ~80 credits per 10 s clip × 3 = 240 credits per kept clip × 20 = 4,800 credits.
      // Plans (price, credits): Standard (10, 700), Pro (35, 2,300), Fancy (95, 6,000).
      // 7 Standard = 4,900 credits for $70; 1 Pro + 4 Standard = $75; 2 Pro + 1 Standard = $80;
      // 1 Fancy = $95; anything else costs more. → $70.00, 100 credits left over
      'pika/pika-2.5': '70.00',
      // Runway Gen-4.5 in the web app: 25 credits/s × 10 s × 3 = 750 per kept clip × 20 = 15,000.
      // Standard (15, 625), Pro (35, 2,250); Unlimited's allowance is unknown, so never counted.
      // 7 Pro = 15,750 credits for $245; 6 Pro + 3 Standard = $255; fewer Pro costs more. → $245.00
      'runway/gen4.5': '245.00',
      // Kling publishes no web-app credit cost for 1080p without audio; Gen-4 Turbo none at all
      'kling/kling-3.0': 'unknown',
      'runway/gen4-turbo': 'unknown',
    });
    const opts = workload(r, 'concept-drafts').options;
    expect(cover(opts.find((o) => o.offering === 'pika/pika-2.5')?.plans)).toBe('7×Standard = 70.00 for 4900 credits, 100 left');
    expect(cover(opts.find((o) => o.offering === 'runway/gen4.5')?.plans)).toBe('7×Pro = 245.00 for 15750 credits, 750 left');
  });

  it('covers the talking heads with Kling Pro + Standard', () => {
    // 12 credits/s (1080p with audio) × 10 s × 3 = 360 credits per kept clip × 10 = 3,600 credits.
    // Standard (6.99, 660), Pro (25.99, 3,000), Premier (64.99, 8,000), Ultra (180, 26,000):
    // Pro + Standard = 3,660 credits for $32.98; 6 Standard = $41.94; 2 Pro = $51.98;
    // Premier = $64.99. → $32.98, 60 credits left over
    expect(eligible(r, 'talking-heads')).toEqual({ 'kling/kling-3.0': '32.98' });
    const kling = workload(r, 'talking-heads').options.find((o) => o.offering === 'kling/kling-3.0');
    expect(cover(kling?.plans)).toBe('1×Pro+1×Standard = 32.98 for 3660 credits, 60 left');
    expect(excluded(r, 'talking-heads')).toEqual({
      'pika/pika-2.5': 'lacks lip_sync, audio',
      'runway/gen4.5': 'lacks lip_sync, audio',
      'runway/gen4-turbo': 'lacks lip_sync, audio',
    });
  });

  it('routes drafts to Pika seats and talking heads to Kling seats', () => {
    // only Kling can make both, and its drafts price is unknown, so its total is unknown
    expect(totals(r)).toEqual({ 'kling/kling-3.0': 'unknown' });
    // $70.00 + $32.98 = $102.98
    expect(route(r)).toEqual({
      steps: { 'concept-drafts': 'pika/pika-2.5 70.00', 'talking-heads': 'kling/kling-3.0 32.98' },
      monthly: '102.98',
      single: null,
    });
    expect(r.recommendation.plans?.map((p) => `${p.vendor}: ${cover(p)}`)).toEqual([
      'pika: 7×Standard = 70.00 for 4900 credits, 100 left',
      'kling: 1×Pro+1×Standard = 32.98 for 3660 credits, 60 left',
    ]);
  });

  it('raises plan capacity and the unknown web-app prices, and no API-only advisory', () => {
    expect(codes(r)).toEqual(['free-tier-restrictions', 'plan-capacity', 'unknown-price']);
    expect(subjects(r, 'unknown-price')).toEqual(['concept-drafts kling/kling-3.0', 'concept-drafts runway/gen4-turbo']);
    expect(subjects(r, 'plan-capacity')).toEqual(['concept-drafts pika/pika-2.5', 'concept-drafts runway/gen4.5', 'talking-heads kling/kling-3.0']);
    // the article's example: Kling Standard's 660 credits ÷ 360 per kept clip = 1.83… → 1.8 clips
    expect(r.advisories.find((a) => a.code === 'plan-capacity' && a.workload === 'talking-heads')?.message).toContain(
      'Kling Standard: 660 credits ÷ 360 credits per kept clip = 1 whole clip a month',
    );
  });
});

describe('docs/scenario-format.md: the bundled-scenario table agrees with the CLI', () => {
  it('names every bundled scenario with the monthly figure and route the CLI prints on 2026-06-01', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'scenario-format.md'), 'utf8');
    const files = readdirSync(join(ROOT, 'scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(files).toHaveLength(7);
    for (const file of files) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`scenarios/${file}\``));
      expect(row, file).toBeDefined();
      const table = vidcost(['estimate', `scenarios/${file}`, '--as-of', '2026-06-01']).stdout;
      const figure = /^Cheapest route: (.+?\/month)/m.exec(table)?.[1];
      expect(figure, file).toBeDefined();
      expect(row, file).toContain(`| ${figure} |`);
      const r = estimate(file);
      for (const step of r.recommendation.workloads) {
        const vendor = step.offering!.split('/')[0]!;
        // web-app routes are written as the plans bought; api routes name the offering
        expect(row, file).toContain(r.channel === 'web-app' ? capitalize(vendor) : step.offering);
      }
    }
  });
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
