// vidcost sweep: cost curves as one input varies, and break-even points solved exactly and checked
// against values solved by hand; every grid point equals what `estimate` says at that value.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate } from '../src/engine/estimate.js';
import { sweep, type SweepReport } from '../src/engine/sweep.js';
import type { InputField } from '../src/engine/forecast.js';
import { loadPricing } from '../src/cli/sheets.js';
import { budgetOf } from '../src/money/figure.js';
import { dec, type Dec } from '../src/money/decimal.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/model.js';
import { FIXTURES, ROOT, vidcost } from './helpers.js';

const DIR = join(FIXTURES, 'forecast');
const PRICING = join(DIR, 'pricing');
const hypothetical = loadPricing({ cwd: ROOT, pricingDir: PRICING });
const bundled = loadPricing({ cwd: ROOT });

const scenario = (body: string, channel = 'api') => parseScenario(`version: 1\nname: test\nas_of: 2026-01-15\nchannel: ${channel}\n${body}`, 'test.yaml');
const crossings = (r: SweepReport) => r.crossovers.map((c) => [c.atExact, c.was, c.cheaper]);

function run(s: Scenario, field: InputField, from: string, to: string, extra: { steps?: number; workload?: string } = {}, sheets = hypothetical): SweepReport {
  return sweep(sheets, s, { asOf: s.asOf ?? '2026-01-15', field, from: dec(from), to: dec(to), ...extra });
}

/** The scenario with one workload's field set to x, as `estimate` would price it. */
function withValue(s: Scenario, workload: string, field: InputField, x: Dec): Scenario {
  const key = field === 'clips_per_month' ? 'clipsPerMonth' : field === 'seconds_per_clip' ? 'secondsPerClip' : 'regenerationFactor';
  return { ...s, workloads: s.workloads.map((w) => (w.name === workload ? { ...w, [key]: x } : w)) };
}

/** Every grid point of every curve equals the budget figure `estimate` gives at that value. */
function expectGridMatchesEstimate(r: SweepReport, s: Scenario, sheets = hypothetical): void {
  r.steps.forEach((x, i) => {
    const e = estimate(sheets, withValue(s, r.workload, r.field, x), { asOf: r.asOf, forceAsOf: true });
    for (const c of r.curves.filter((c) => c.channel === e.channel && c.known)) {
      const total = e.totals.find((t) => t.offering === c.offering)!;
      expect(c.points[i]?.toString(), `${c.label} at ${x}`).toBe(budgetOf(total.monthlyUsd)!.toString());
    }
  });
}

describe('break-even points, solved exactly', () => {
  it('per-second against whole 10 s clips: crossings at 9, 10, 18, 20 and 27 seconds', () => {
    // 1,000 clips × 2 generations: testco/fast = 2,000 × $0.05 × s = $100 s; testco/clip = 2,000 × $0.45 × ⌈s ÷ 10⌉ = $900 ⌈s ÷ 10⌉.
    // 100 s = 900 at s = 9; the clip price jumps to $1,800 above 10 s; 100 s = 1,800 at 18; $2,700 above 20; 100 s = 2,700 at 27.
    const s = scenario(`offerings: [testco/fast, testco/clip, testco/pro]
workloads:
  - { name: ads, clips_per_month: 1000, seconds_per_clip: 6, regeneration_factor: 2 }`);
    const r = run(s, 'seconds_per_clip', '2', '29', { steps: 28 });
    expect(crossings(r)).toEqual([
      ['9', 'testco/fast', 'testco/clip'],
      ['10', 'testco/clip', 'testco/fast'],
      ['18', 'testco/fast', 'testco/clip'],
      ['20', 'testco/clip', 'testco/fast'],
      ['27', 'testco/fast', 'testco/clip'],
    ]);
    expect(r.crossovers[0]!.sentence).toBe('above 9 seconds a clip testco/clip is cheaper than testco/fast');
    expect(r.startCheapest).toBe('testco/fast');
    expectGridMatchesEstimate(r, s);
  });

  it('a break-even point that is no finite decimal is kept as the exact fraction 1000/3', () => {
    // main (varied x clips, 8 s, 3 generations): fast $1.20 x, clip $1.35 x;
    // finals (1,000 clips, 10 s, 1 generation): fast $500, clip $450.
    // 1.2x + 500 = 1.35x + 450 ⇔ x = 50 ÷ 0.15 = 1000/3 = 333.33…; below it testco/clip, above testco/fast
    const s = scenario(`offerings: [testco/fast, testco/clip]
workloads:
  - { name: main, clips_per_month: 100, seconds_per_clip: 8, regeneration_factor: 3 }
  - { name: finals, clips_per_month: 1000, seconds_per_clip: 10, regeneration_factor: 1 }`);
    const r = run(s, 'clips_per_month', '0', '1000', { workload: 'main' });
    expect(crossings(r)).toEqual([['1000/3', 'testco/clip', 'testco/fast']]);
    expect(r.crossovers[0]!.atDecimal).toBe('333.333333');
    expect(r.crossovers[0]!.sentence).toBe('above 333.3333… (exactly 1000/3) clips a month testco/fast is cheaper than testco/clip');
    expectGridMatchesEstimate(r, s);
  });

  it('the regeneration cap: the cost grows up to the cap and is flat above it, and the break-even moves with it', () => {
    // main: 100 clips × 10 s, factor x capped at 4: fast $50 x, clip $45 x (one 10 s clip); finals fixed
    // (200 clips × 1 s × 3 generations): fast $30, clip $270. fast − clip = 5x − 240 → equal at x = 48 > cap,
    // so testco/fast stays cheapest; above the cap both curves are flat.
    const s = scenario(`offerings: [testco/fast, testco/clip]
budget: { max_regenerations_per_job: 4 }
workloads:
  - { name: main, clips_per_month: 100, seconds_per_clip: 10, regeneration_factor: 3 }
  - { name: finals, clips_per_month: 200, seconds_per_clip: 1, regeneration_factor: 3 }`);
    const r = run(s, 'regeneration_factor', '1', '10', { workload: 'main', steps: 10 });
    expect(r.crossovers).toEqual([]);
    expect(r.note).toBe('cheapest across the whole range: testco/fast');
    const fast = r.curves.find((c) => c.offering === 'testco/fast')!;
    expect(fast.points.map((p) => p!.toFixed(2))).toEqual(['80.00', '130.00', '180.00', '230.00', '230.00', '230.00', '230.00', '230.00', '230.00', '230.00']);
    expect(fast.pieces.map((p) => [p.lo.toString(), p.hi.toString(), p.a.toString(), p.b.toString()])).toEqual([
      ['1', '4', '30', '50'],
      ['4', '10', '230', '0'],
    ]);
    expectGridMatchesEstimate(r, s);
  });

  it('api channel, one workload, volume: no two offerings ever trade places, and the report says why', () => {
    const s = scenario(`workloads:\n  - { name: a, clips_per_month: 100, seconds_per_clip: 8 }`);
    const r = run(s, 'clips_per_month', '1', '100000');
    expect(r.crossovers).toEqual([]);
    expect(r.note).toBe(
      'cheapest across the whole range: testco/fast (on the api channel every cost is proportional to clips_per_month, so no two offerings trade places)',
    );
    expect(r.curves.find((c) => c.offering === 'testco/bound')).toMatchObject({ known: false, reason: 'only a lower bound of the price is known' });
    expect(r.curves.find((c) => c.offering === 'mystco/model')).toMatchObject({ known: false, reason: 'no source gives the dollar value of a mystco credit' });
    expectGridMatchesEstimate(r, s);
  });

  it('a range price is compared at the top of its range, as estimate budgets it', () => {
    // testco/ranged ~$0.07–$0.14/s against testco/pro $0.12/s: ranged budgets $0.14 → pro is cheaper everywhere
    const s = scenario(`offerings: [testco/ranged, testco/pro]\nworkloads:\n  - { name: a, clips_per_month: 10, seconds_per_clip: 8 }`);
    const r = run(s, 'seconds_per_clip', '1', '30');
    expect(r.startCheapest).toBe('testco/pro');
    expect(r.crossovers).toEqual([]);
    expectGridMatchesEstimate(r, s);
  });
});

describe('web-app channel: seat plans against each other and against the API', () => {
  // planco: Starter $10 for 1,000 credits, Team $45 for 5,000; 120 credits a kept clip (10/s × 6 s × 2);
  // the API sells the same credits at $0.01, i.e. $1.20 a kept clip. For x clips the plans cost
  // $10 per started 1,000 credits up to 4,000, then a Team (+ Starters): steps at x = 25k/3.
  const s = parseScenario(
    `version: 1
name: Plans or API
as_of: 2026-01-15
channel: web-app
workloads:
  - { name: team, clips_per_month: 30, seconds_per_clip: 6, regeneration_factor: 2 }`,
    'x.yaml',
  );
  const r = run(s, 'clips_per_month', '1', '60');

  it('finds every point where the plans stop covering the volume, exactly', () => {
    expect(
      r.planChanges.map((p) => [p.atExact, p.usdBefore.toFixed(2), p.usdAfter.toFixed(2), p.after.plans.map((x) => `${x.count} ${x.plan.name}`).join(' + ')]),
    ).toEqual([
      ['25/3', '10.00', '20.00', '2 Starter'],
      ['50/3', '20.00', '30.00', '3 Starter'],
      ['25', '30.00', '40.00', '4 Starter'],
      ['100/3', '40.00', '45.00', '1 Team'], // 4,000 credits: five Starters ($50) cost more than a Team ($45)
      ['125/3', '45.00', '55.00', '1 Team + 1 Starter'],
      ['50', '55.00', '65.00', '1 Team + 2 Starter'],
      ['175/3', '65.00', '75.00', '1 Team + 3 Starter'],
    ]);
  });

  it('and where the API becomes cheaper than the plans, or the plans than the API', () => {
    // API $1.20 x against a Team at $45 on (100/3, 125/3]: 1.2x = 45 at x = 37.5;
    // $55 on (125/3, 50]: the API is cheaper just above 125/3 ($50.00…), and 1.2x = 55 at 275/6;
    // $65 on (50, 175/3]: cheaper above 50 ($60), 1.2x = 65 at 325/6; $75 above 175/3: the API ($70) again.
    expect(crossings(r)).toEqual([
      ['37.5', 'planco/studio (api)', 'planco/studio (plans)'],
      ['125/3', 'planco/studio (plans)', 'planco/studio (api)'],
      ['275/6', 'planco/studio (api)', 'planco/studio (plans)'],
      ['50', 'planco/studio (plans)', 'planco/studio (api)'],
      ['325/6', 'planco/studio (api)', 'planco/studio (plans)'],
      ['175/3', 'planco/studio (plans)', 'planco/studio (api)'],
    ]);
    expect(r.crossovers[0]!.sentence).toBe('above 37.5 clips a month planco/studio (plans) is cheaper than planco/studio (api)');
    expect(r.startCheapest).toBe('planco/studio (api)');
  });

  it('grid points equal estimate on the web-app channel (plans) and on the api channel (API)', () => {
    expectGridMatchesEstimate(r, s);
    const api = { ...s, channel: 'api' as const, offerings: ['planco/studio'] };
    r.steps.forEach((x, i) => {
      const e = estimate(hypothetical, withValue(api, 'team', 'clips_per_month', x), { asOf: '2026-01-15' });
      expect(r.curves.find((c) => c.label === 'planco/studio (api)')!.points[i]!.toString()).toBe(budgetOf(e.totals[0]!.monthlyUsd)!.toString());
    });
  });
});

describe('bundled scenarios (prices of 2026-06-01)', () => {
  it('ad variants: Pika bills whole 10 s clips, Wan per second: Pika is cheaper from 9 s to 10 s and from 18 s', () => {
    // 2,400 clips × 2 billed generations: fal/wan-2.5 = 4,800 × $0.05 × s = $240 s;
    // fal/pika-2.5 = 4,800 × $0.45 ⌈s ÷ 10⌉ = $2,160 ⌈s ÷ 10⌉ ($45 per 100 clips)
    const s = parseScenario(
      `version: 1
name: ad variants
as_of: 2026-06-01
offerings: [fal/pika-2.5, fal/wan-2.5, fal/kling-3.0-standard, kling/kling-3.0, pika/pika-2.5]
budget: { monthly_ceiling_usd: 1500, max_regenerations_per_job: 2 }
workloads:
  - { name: variants, clips_per_month: 2400, seconds_per_clip: 6, resolution: 1080p, regeneration_factor: 4 }`,
      'ad.yaml',
    );
    const r = run(s, 'seconds_per_clip', '2', '20', {}, bundled);
    expect(crossings(r)).toEqual([
      ['9', 'fal/wan-2.5', 'fal/pika-2.5'],
      ['10', 'fal/pika-2.5', 'fal/wan-2.5'],
      ['18', 'fal/wan-2.5', 'fal/pika-2.5'],
    ]);
    expectGridMatchesEstimate(r, s, bundled);
  });
});

describe('vidcost sweep (built CLI)', () => {
  const file = join(DIR, 'sweep-webapp.yaml');
  const base = ['sweep', file, '--pricing', PRICING, '--vary', 'clips_per_month=1..60'];

  it('table: exact break-even sentences, sparklines, 80 columns', () => {
    const r = vidcost(base);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Above 37.5 clips a month planco/studio (plans) is cheaper than planco/studio\n  (api).');
    expect(r.stdout).toContain('Above 41.6667… (exactly 125/3) clips a month planco/studio (api) is cheaper than');
    expect(r.stdout).toMatch(/planco\/studio \(plans\) [▁▂▃▄▅▆▇█]{11} \$10\.00–\$75\.00/);
    for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('json: curves with exact segments, crossovers and plan changes', () => {
    const j = JSON.parse(vidcost([...base, '--format', 'json']).stdout);
    expect(j).toMatchObject({ kind: 'sweep', channel: 'web-app', vary: { workload: 'team', field: 'clips_per_month', from: '1', to: '60', steps: 11 } });
    expect(j.crossovers.map((c: { at: string }) => c.at)).toEqual(['37.5', '125/3', '275/6', '50', '325/6', '175/3']);
    expect(j.planChanges[3]).toEqual({
      curve: 'planco/studio (plans)',
      at: '100/3',
      atDecimal: '33.333333',
      before: { plans: [{ plan: 'Starter', count: 4 }], monthlyUsd: '40.00' },
      after: { plans: [{ plan: 'Team', count: 1 }], monthlyUsd: '45.00' },
    });
    const api = j.curves.find((c: { curve: string }) => c.curve === 'planco/studio (api)');
    expect(api.segments).toEqual([{ from: '1', to: '60', intercept: '0', slope: '1.2' }]);
    expect(api.monthlyUsd[0]).toBe('1.20');
  });

  it('markdown, csv and html', () => {
    expect(vidcost([...base, '--format', 'markdown']).stdout).toContain('#### Where the cheapest offering changes (solved exactly)');
    const csv = vidcost([...base, '--format', 'csv']).stdout;
    expect(csv.split('\n')[0]).toBe('scenario,asOf,workload,field,row,value,curve,monthlyUsd,cheapest,note');
    expect(csv).toContain(
      'Plans or API,2026-01-15,team,clips_per_month,crossover,37.5,planco/studio (plans),,,above 37.5 clips a month planco/studio (plans) is cheaper than planco/studio (api)',
    );
    const html = vidcost([...base, '--format', 'html']).stdout;
    expect(html).toContain('<svg');
    expect(html).toContain('class="cross"');
    const hostile = vidcost(['sweep', join(DIR, 'hostile-name.yaml'), '--pricing', PRICING, '--vary', 'seconds_per_clip=1..20', '--format', 'html']).stdout;
    expect(hostile).not.toContain('<script>');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('usage errors name the option (exit 2)', () => {
    const bad = (args: string[]) => vidcost(['sweep', file, '--pricing', PRICING, ...args]);
    expect(bad([]).stderr).toBe(
      'vidcost: --vary: required: FIELD=FROM..TO, where FIELD is clips_per_month, seconds_per_clip, regeneration_factor (e.g. --vary clips_per_month=100..5000)\n',
    );
    expect(bad(['--vary', 'clips=1..10']).stderr).toBe(
      'vidcost: --vary: expected one of clips_per_month, seconds_per_clip, regeneration_factor, found "clips" (did you mean clips_per_month?)\n',
    );
    expect(bad(['--vary', 'clips_per_month=10..1']).stderr).toBe('vidcost: --vary: the range must go from low to high, found 10..1\n');
    expect(bad(['--vary', 'seconds_per_clip=0..10']).stderr).toBe('vidcost: --vary: seconds_per_clip must be more than 0, found 0\n');
    expect(bad(['--vary', 'regeneration_factor=1..2', '--workload', 'teem']).stderr).toBe(
      'vidcost: --workload: no workload named "teem" (workloads: team) (did you mean team?)\n',
    );
    expect(bad(['--vary', 'clips_per_month=1..10', '--steps', '1']).status).toBe(2);
    const two = vidcost(['sweep', 'scenarios/web-app-team.yaml', '--vary', 'clips_per_month=1..10']);
    expect(two.status).toBe(2);
    expect(two.stderr).toBe('vidcost: --workload: the scenario has 2 workloads; name the one to vary (concept-drafts, talking-heads)\n');
  });
});
