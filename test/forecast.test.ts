// vidcost forecast: three-point inputs, Monte Carlo percentiles against closed forms within the
// stated sampling error, exact money in every trial, the tornado worked by hand, the guard that
// plain-number scenarios estimate exactly as before, and the CLI in every format.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimate } from '../src/engine/estimate.js';
import { forecast, nearestRank, summarize, type ForecastReport, type ForecastRow } from '../src/engine/forecast.js';
import { loadPricing } from '../src/cli/sheets.js';
import { dec, type Dec } from '../src/money/decimal.js';
import { estimateJson } from '../src/render/estimate.js';
import { forecastJson } from '../src/render/forecast.js';
import { parseScenario } from '../src/scenario/parse.js';
import { FIXTURES, ROOT, vidcost } from './helpers.js';

const DIR = join(FIXTURES, 'forecast');
const PRICING = join(DIR, 'pricing');
const hypothetical = loadPricing({ cwd: ROOT, pricingDir: PRICING });
const N = 100_000;

const scenario = (body: string) => parseScenario(`version: 1\nname: test\nas_of: 2026-01-15\n${body}`, 'test.yaml');
const fixture = (name: string) => parseScenario(readFileSync(join(DIR, name), 'utf8'), name);
const num = (d: Dec) => Number(d.toString());
const stats = (row: ForecastRow) => {
  expect(row.stats, row.offering).not.toBeNull();
  return row.stats!;
};
const offering = (r: ForecastReport, id: string) => r.offerings.find((o) => o.offering === id)!;

/**
 * The sampling error of the p-quantile of n draws: sqrt(p (1 − p) / n) ÷ f(x_p), f the density at
 * the quantile (the asymptotic standard error of a sample quantile). The tests allow 4 of them.
 */
const quantileSE = (p: number, n: number, density: number) => Math.sqrt((p * (1 - p)) / n) / density;
const TOLERANCE = 4;

// Triangular(a, m, b): the closed-form quantile and density.
function triangular(a: number, m: number, b: number) {
  const split = (m - a) / (b - a);
  return {
    quantile: (p: number) => (p < split ? a + Math.sqrt(p * (b - a) * (m - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - m))),
    density: (x: number) => (x < m ? (2 * (x - a)) / ((b - a) * (m - a)) : (2 * (b - x)) / ((b - a) * (b - m))),
    mean: (a + m + b) / 3,
    sd: Math.sqrt((a * a + m * m + b * b - a * m - a * b - m * b) / 18),
  };
}

// Beta(α, β) by numerical integration (Simpson, 400,000 panels): the CDF to ~1e-10, inverted by bisection.
function beta(alpha: number, betaShape: number) {
  const f = (x: number) => x ** (alpha - 1) * (1 - x) ** (betaShape - 1);
  const panels = 400_000;
  const h = 1 / panels;
  const cdf = new Float64Array(panels + 1);
  for (let i = 1; i <= panels; i++) {
    const x0 = (i - 1) * h;
    cdf[i] = cdf[i - 1]! + (h / 6) * (f(x0) + 4 * f(x0 + h / 2) + f(x0 + h));
  }
  const total = cdf[panels]!;
  const at = (x: number) => {
    const i = Math.min(panels - 1, Math.floor(x / h));
    const x0 = i * h;
    const t = x - x0;
    return (cdf[i]! + (t / 6) * (f(x0) + 4 * f(x0 + t / 2) + f(x))) / total;
  };
  const quantile = (p: number) => {
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (at(mid) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  return { quantile, density: (x: number) => f(x) / total };
}

describe('three-point inputs in scenario files', () => {
  it('keeps the likely value where the number was and the three points beside it', () => {
    const s = scenario(`workloads:
  - name: drafts
    clips_per_month: { low: 100, likely: 200, high: 600 }
    seconds_per_clip: { low: 4, likely: 8, high: 12, shape: triangular }
    regeneration_factor: 3`);
    const w = s.workloads[0]!;
    expect(w.clipsPerMonth.toString()).toBe('200');
    expect(w.secondsPerClip.toString()).toBe('8');
    expect(w.regenerationFactor.toString()).toBe('3');
    expect(w.uncertain?.clipsPerMonth).toMatchObject({ shape: 'pert' });
    expect(w.uncertain?.clipsPerMonth?.low.toString()).toBe('100');
    expect(w.uncertain?.clipsPerMonth?.high.toString()).toBe('600');
    expect(w.uncertain?.secondsPerClip?.shape).toBe('triangular');
    expect(w.uncertain?.regenerationFactor).toBeUndefined();
  });

  it('a plain-number workload carries no uncertain field at all', () => {
    const w = scenario('workloads:\n  - { name: a, clips_per_month: 10, seconds_per_clip: 5 }').workloads[0]!;
    expect('uncertain' in w).toBe(false);
  });

  it('estimates a three-point scenario exactly as the same scenario written with its likely values', () => {
    const uncertain = scenario(`budget: { monthly_ceiling_usd: 500 }
workloads:
  - name: drafts
    clips_per_month: { low: 100, likely: 500, high: 900 }
    seconds_per_clip: { low: 4, likely: 8, high: 12, shape: triangular }
    regeneration_factor: { low: 2, likely: 3, high: 6 }
  - { name: finals, clips_per_month: 40, seconds_per_clip: 12 }`);
    const plain = fixture('plain-api.yaml');
    const a = estimateJson(estimate(hypothetical, uncertain, { asOf: '2026-01-15' })) as Record<string, unknown>;
    const b = estimateJson(estimate(hypothetical, plain, { asOf: '2026-01-15' })) as Record<string, unknown>;
    expect({ ...a, scenario: null }).toEqual({ ...b, scenario: null });
  });

  it('refuses low > likely or likely > high at the field, with line and column (exit 2)', () => {
    const r = vidcost(['estimate', join('test/fixtures/forecast/bad-order.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'vidcost: test/fixtures/forecast/bad-order.yaml:7:22: workloads[0].clips_per_month: a three-point estimate needs low <= likely <= high, found low 100, likely 500, high 300\n',
    );
  });

  it('a broken three-point estimate reports its own fields: a missing high, a misspelt shape, an unknown key', () => {
    const r = vidcost(['forecast', 'test/fixtures/forecast/bad-three-point.yaml']);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'vidcost: test/fixtures/forecast/bad-three-point.yaml:7:23: workloads[0].seconds_per_clip.high: missing required field "high" (expected a number)',
      'vidcost: test/fixtures/forecast/bad-three-point.yaml:8:63: workloads[0].regeneration_factor.shape: expected one of pert, triangular, found text "beta"',
      'vidcost: test/fixtures/forecast/bad-three-point.yaml:11:53: workloads[1].seconds_per_clip.extra: unknown field "extra" (fields here: low, likely, high, shape)',
    ]);
  });
});

describe('guard: plain-number scenarios estimate exactly as before three-point inputs', () => {
  // Captured from the built CLI at commit baac3a3, before schema, model and parser learned
  // three-point estimates; since then plan-capacity advisories count whole clips, worst first, and
  // errors lead the advisories (each change checked by hand). Hand checks of the same files: drafts on testco/fast = 500 clips × 8 s ×
  // 3 generations × $0.05 = $600.00; on testco/clip = 500 × ⌈8 ÷ 10⌉ × 3 × $0.45 = $675.00; the
  // web-app team needs 30 × 6 s × 2 × 10 credits = 3,600 credits = 4 × Starter = $40.00.
  it.each([
    ['plain-api', ['--pricing', PRICING]],
    ['plain-webapp', ['--pricing', PRICING]],
    ['plain-bundled', []],
  ])('%s: estimate --format json is byte for byte the captured output', (name, extra) => {
    const r = vidcost(['estimate', join(DIR, `${name}.yaml`), ...extra, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(DIR, `${name}.estimate.json`), 'utf8'));
    const json = JSON.parse(r.stdout);
    if (name === 'plain-api') {
      expect(json.workloads[0].options.find((o: { offering: string }) => o.offering === 'testco/fast').monthlyUsd).toBe('600.00');
      expect(json.workloads[0].options.find((o: { offering: string }) => o.offering === 'testco/clip').monthlyUsd).toBe('675.00');
    }
    if (name === 'plain-webapp') expect(json.recommendation.monthlyUsd).toBe('40.00');
  });

  it('plain-api: the table is byte for byte the captured output', () => {
    const r = vidcost(['estimate', join(DIR, 'plain-api.yaml'), '--pricing', PRICING]);
    expect(r.stdout).toBe(readFileSync(join(DIR, 'plain-api.estimate.txt'), 'utf8'));
  });
});

describe('percentiles against closed forms (100,000 trials, seed 1)', () => {
  it('one triangular input, one exact rate: the triangular quantile function', () => {
    // cost = clips × 8 s × 3 generations × $0.05 = $1.20 × clips, clips ~ triangular(100, 200, 600)
    const r = forecast(hypothetical, fixture('triangular.yaml'), { asOf: '2026-01-15', trials: N, seed: 1 });
    const s = stats(r.recommendation);
    const t = triangular(100, 200, 600);
    for (const [p, got] of [
      [0.1, s.p10],
      [0.5, s.p50],
      [0.9, s.p90],
    ] as const) {
      const x = t.quantile(p); // P10 = 100 + √5000 = 170.71; P50 = 600 − √100000 = 283.77; P90 = 600 − √20000 = 458.58
      const se = 1.2 * quantileSE(p, N, t.density(x)); // $0.40, $0.60, $0.80
      expect(Math.abs(num(got) - 1.2 * x), `P${p * 100}`).toBeLessThan(TOLERANCE * se);
    }
    // mean (100 + 200 + 600) ÷ 3 × $1.20 = $360; its standard error $1.20 × σ ÷ √n, σ² = 210,000 ÷ 18
    expect(Math.abs(num(s.mean) - 360)).toBeLessThan(TOLERANCE * ((1.2 * t.sd) / Math.sqrt(N)));
    // over $420 ⇔ clips > 350: P = (600 − 350)² ÷ ((600 − 100)(600 − 200)) = 0.3125, SE √(p(1−p)/n) = 0.0015
    expect(Math.abs(s.probabilityOverCeiling! - 0.3125)).toBeLessThan(TOLERANCE * Math.sqrt((0.3125 * 0.6875) / N));
    expect(s.trialsOverCeiling! / N).toBe(s.probabilityOverCeiling);
  });

  it('one PERT input: Beta(1.8, 4.2) quantiles from the numerically integrated CDF, mean (a + 4m + b) ÷ 6', () => {
    const s = stats(
      forecast(
        hypothetical,
        scenario(`offerings: [testco/fast]
workloads:
  - { name: drafts, clips_per_month: { low: 100, likely: 200, high: 600 }, seconds_per_clip: 8, regeneration_factor: 3 }`),
        { asOf: '2026-01-15', trials: N, seed: 1 },
      ).recommendation,
    );
    // PERT: α = 1 + 4(200 − 100)/500 = 1.8, β = 1 + 4(600 − 200)/500 = 4.2
    const b = beta(1.8, 4.2);
    for (const [p, got] of [
      [0.1, s.p10],
      [0.5, s.p50],
      [0.9, s.p90],
    ] as const) {
      const u = b.quantile(p);
      const x = 100 + 500 * u;
      const se = 1.2 * quantileSE(p, N, b.density(u) / 500);
      expect(Math.abs(num(got) - 1.2 * x), `P${p * 100}`).toBeLessThan(TOLERANCE * se);
    }
    // mean 1500 ÷ 6 = 250 clips → $300; σ² = (μ − a)(b − μ) ÷ 7 = 150 × 350 ÷ 7 = 7,500
    expect(Math.abs(num(s.mean) - 300)).toBeLessThan(TOLERANCE * ((1.2 * Math.sqrt(7500)) / Math.sqrt(N)));
  });

  it('a price range (~$0.07–$0.14/s) is drawn uniformly: 12,000 billed seconds × U(0.07, 0.14)', () => {
    const r = forecast(
      hypothetical,
      scenario(`offerings: [testco/ranged]
workloads:
  - { name: drafts, clips_per_month: 500, seconds_per_clip: 8, regeneration_factor: 3 }`),
      { asOf: '2026-01-15', trials: N, seed: 1 },
    );
    const s = stats(offering(r, 'testco/ranged'));
    // uniform on [$840, $1,680]: P10 = 840 + 0.1 × 840 = 924, P50 = 1,260, P90 = 1,596; SE √(p(1−p)/n) × 840
    for (const [p, got] of [
      [0.1, s.p10],
      [0.5, s.p50],
      [0.9, s.p90],
    ] as const) {
      expect(Math.abs(num(got) - (840 + 840 * p)), `P${p * 100}`).toBeLessThan(TOLERANCE * quantileSE(p, N, 1 / 840));
    }
    expect(Math.abs(num(s.mean) - 1260)).toBeLessThan(TOLERANCE * (840 / Math.sqrt(12) / Math.sqrt(N)));
    expect(r.inputs).toHaveLength(1);
    expect(r.inputs[0]).toMatchObject({ key: 'rate:testco/ranged', kind: 'rate', shape: 'uniform', unit: 'usd/s' });
    expect([r.inputs[0]!.low.toString(), r.inputs[0]!.likely.toString(), r.inputs[0]!.high.toString()]).toEqual(['0.07', '0.105', '0.14']);
  });

  it('web-app plans: a step function of a triangular volume, exact at the steps', () => {
    // 120 credits a kept clip; plans cover 1,000 credits for $10 (Starter) and 5,000 for $45 (Team):
    // clips in (50/3, 25] → $30, (25, 100/3] → $40, (100/3, 125/3] → $45, (125/3, 50] → $55.
    const r = forecast(hypothetical, fixture('webapp-uncertain.yaml'), { asOf: '2026-01-15', trials: N, seed: 1 });
    const s = stats(r.recommendation);
    const F = (x: number) => (x <= 30 ? (x - 10) ** 2 / 800 : 1 - (50 - x) ** 2 / 800); // triangular(10, 30, 50)
    const probs = [
      [20, F(50 / 3)],
      [30, F(25) - F(50 / 3)],
      [40, F(100 / 3) - F(25)],
      [45, F(125 / 3) - F(100 / 3)],
      [55, 1 - F(125 / 3)],
    ] as const;
    // P10: P(cost ≤ $20) = 5.6% < 10% ≤ P(cost ≤ $30) = 28.1% → $30; P50 → $40 (65.3%); P90 → $45 (91.3%)
    expect([s.p10, s.p50, s.p90].map((d) => d.toFixed(2))).toEqual(['30.00', '40.00', '45.00']);
    const mean = probs.reduce((acc, [v, p]) => acc + v * p, 0); // $39.24
    const sd = Math.sqrt(probs.reduce((acc, [v, p]) => acc + (v - mean) ** 2 * p, 0));
    expect(Math.abs(num(s.mean) - mean)).toBeLessThan(TOLERANCE * (sd / Math.sqrt(N)));
    const over = 1 - F(125 / 3); // over $45: 8.68%
    expect(Math.abs(s.probabilityOverCeiling! - over)).toBeLessThan(TOLERANCE * Math.sqrt((over * (1 - over)) / N));
  });
});

describe('exact money in every trial', () => {
  it('percentiles are exact trial costs: $1.20 × a clip count kept to 2 places', () => {
    const s = stats(forecast(hypothetical, fixture('triangular.yaml'), { asOf: '2026-01-15', trials: 20_000, seed: 9 }).recommendation);
    for (const p of [s.p10, s.p50, s.p90]) {
      const clips = p.div(dec('1.2'));
      expect(clips.times(100).mod(1).eq(0), p.toString()).toBe(true);
      expect(clips.gte(100) && clips.lte(600)).toBe(true);
    }
  });

  it('the mean of 10,000 trials terminates: the exact sum ÷ 10,000, no rounding', () => {
    // each trial costs $1.20 × clips with clips to 2 places, so to 3 places; their sum too
    const s = stats(forecast(hypothetical, fixture('triangular.yaml'), { asOf: '2026-01-15', trials: 10_000, seed: 1 }).recommendation);
    const sum = s.mean.times(10_000);
    expect(sum.times(1000).mod(1).eq(0), sum.toString()).toBe(true);
    expect(s.mean.toString().split('.')[1]!.length).toBeLessThanOrEqual(7);
  });

  it('floats only order the trials: where they cannot tell trials apart, the exact values decide', () => {
    // five trials whose floats are all equal but whose exact costs differ below float resolution
    const exact = [
      '1000000000000.000000000000000003',
      '1000000000000.000000000000000001',
      '1000000000000.000000000000000005',
      '1000000000000.000000000000000002',
      '1000000000000.000000000000000004',
    ].map(dec);
    const floats = Float64Array.from(exact, (d) => Number(d.toString()));
    expect(new Set(floats).size).toBe(1);
    const sum = exact.reduce((a, b) => a.plus(b), dec(0));
    const s = summarize({ floats, exactAt: (t) => exact[t]!, exactSum: () => sum }, 5, dec('1000000000000.000000000000000003'));
    expect(s.p10.toString()).toBe('1000000000000.000000000000000001'); // rank ⌈0.5⌉ = 1
    expect(s.p50.toString()).toBe('1000000000000.000000000000000003'); // rank ⌈2.5⌉ = 3
    expect(s.p90.toString()).toBe('1000000000000.000000000000000005'); // rank ⌈4.5⌉ = 5
    expect(s.mean.toString()).toBe('1000000000000.000000000000000003');
    expect(s.trialsOverCeiling).toBe(2); // ...004 and ...005; ...003 meets the ceiling exactly
  });

  it('nearest rank: P10 of 10,000 trials is the 1,000th cheapest, of 5 the 1st', () => {
    expect([nearestRank(10, 10_000), nearestRank(50, 10_000), nearestRank(90, 10_000)]).toEqual([1000, 5000, 9000]);
    expect([nearestRank(10, 5), nearestRank(50, 5), nearestRank(90, 5)]).toEqual([1, 3, 5]);
    expect([nearestRank(10, 1), nearestRank(90, 1)]).toEqual([1, 1]);
  });

  it('a ceiling exactly met is not breached; one cent less is breached in every trial', () => {
    // no uncertain input: every trial costs 500 × 8 × 3 × $0.05 = $600.00
    const body = (ceiling: string) =>
      `offerings: [testco/fast]\nbudget: { monthly_ceiling_usd: ${ceiling} }\nworkloads:\n  - { name: a, clips_per_month: 500, seconds_per_clip: 8, regeneration_factor: 3 }`;
    const met = stats(forecast(hypothetical, scenario(body('600')), { asOf: '2026-01-15', trials: 1000 }).recommendation);
    expect([met.p10, met.p50, met.p90, met.mean].map(String)).toEqual(['600', '600', '600', '600']);
    expect(met.probabilityOverCeiling).toBe(0);
    const under = stats(forecast(hypothetical, scenario(body('599.99')), { asOf: '2026-01-15', trials: 1000 }).recommendation);
    expect(under.probabilityOverCeiling).toBe(1);
  });

  it('no ceiling: probabilityOverCeiling is null, not 0', () => {
    const s = stats(
      forecast(
        hypothetical,
        scenario('offerings: [testco/fast]\nworkloads:\n  - { name: a, clips_per_month: { low: 1, likely: 2, high: 3 }, seconds_per_clip: 8 }'),
        { asOf: '2026-01-15', trials: 100 },
      ).recommendation,
    );
    expect(s.probabilityOverCeiling).toBeNull();
    expect(s.trialsOverCeiling).toBeNull();
  });
});

describe('unknown is never 0', () => {
  it('a lower bound or an unknown credit value is reported unknown with the reason', () => {
    const r = forecast(hypothetical, fixture('triangular.yaml'), { asOf: '2026-01-15', trials: 100 });
    expect(r.offerings.map((o) => o.offering)).toEqual(['testco/fast']);
    const all = forecast(hypothetical, scenario('workloads:\n  - { name: a, clips_per_month: { low: 1, likely: 2, high: 3 }, seconds_per_clip: 8 }'), {
      asOf: '2026-01-15',
      trials: 100,
    });
    expect(offering(all, 'testco/bound').stats).toBeNull();
    expect(offering(all, 'testco/bound').reason).toBe('only a lower bound is known (from $14.40 a month)');
    expect(offering(all, 'mystco/model').stats).toBeNull();
    expect(offering(all, 'mystco/model').reason).toBe('no source gives the dollar value of a mystco credit');
    const json = forecastJson(all) as { offerings: { offering: string; p50: string | null; mean: string | null }[] };
    for (const id of ['testco/bound', 'mystco/model']) {
      const row = json.offerings.find((o) => o.offering === id)!;
      expect([row.p50, row.mean]).toEqual([null, null]);
    }
  });
});

describe('what drives the spread (tornado)', () => {
  it('swings one input at a time between its low and high, others at likely; the cap binds', () => {
    // route: testco/fast ($0.05/s) for both workloads.
    // baseline: drafts 200 × 8 × 3 × 0.05 = $240; finals 50 × 10 s × 3 × 0.05 = $75; total $315.
    // drafts.clips 100..600: $120 + $75 = $195 .. $720 + $75 = $795, swing $600
    // finals.seconds 4..20: $240 + $30 = $270 .. $240 + $150 = $390, swing $120
    // finals.regeneration 2..5, capped at 4: $240 + $50 = $290 .. $240 + $100 = $340, swing $50
    const r = forecast(
      hypothetical,
      scenario(`offerings: [testco/fast, testco/pro]
budget: { max_regenerations_per_job: 4 }
workloads:
  - { name: drafts, clips_per_month: { low: 100, likely: 200, high: 600 }, seconds_per_clip: 8, regeneration_factor: 3 }
  - { name: finals, clips_per_month: 50, seconds_per_clip: { low: 4, likely: 10, high: 20 }, regeneration_factor: { low: 2, likely: 3, high: 5 } }`),
      { asOf: '2026-01-15', trials: 1000 },
    );
    expect(r.baseline?.toString()).toBe('315');
    expect(r.drivers.map((d) => [d.input.key, d.atLow.toFixed(2), d.atHigh.toFixed(2), d.swing.toFixed(2)])).toEqual([
      ['drafts.clips_per_month', '195.00', '795.00', '600.00'],
      ['finals.seconds_per_clip', '270.00', '390.00', '120.00'],
      ['finals.regeneration_factor', '290.00', '340.00', '50.00'],
    ]);
  });

  it('a price range counts as an input; on an offering off the route it moves nothing', () => {
    const r = forecast(
      hypothetical,
      scenario(`offerings: [testco/fast, testco/ranged]
workloads:
  - { name: a, clips_per_month: { low: 100, likely: 200, high: 300 }, seconds_per_clip: 10, regeneration_factor: 1 }`),
      { asOf: '2026-01-15', trials: 1000 },
    );
    // route testco/fast: clips 100..300 × 10 s × $0.05 = $50..$150; the ranged price is not on the route
    expect(r.drivers.map((d) => [d.input.key, d.swing.toFixed(2)])).toEqual([
      ['a.clips_per_month', '100.00'],
      ['rate:testco/ranged', '0.00'],
    ]);
  });
});

describe('reproducible for a seed', () => {
  it('the same seed gives the same JSON; another seed other draws', () => {
    const args = ['forecast', join(DIR, 'triangular.yaml'), '--pricing', PRICING, '--trials', '5000', '--format', 'json'];
    const a = vidcost([...args, '--seed', '42']);
    const b = vidcost([...args, '--seed', '42']);
    const c = vidcost([...args, '--seed', '43']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).recommendation.p50).not.toBe(JSON.parse(c.stdout).recommendation.p50);
  });

  it('adding a workload does not change the draws of another (one random stream per input)', () => {
    const alone = forecast(hypothetical, fixture('triangular.yaml'), { asOf: '2026-01-15', trials: 5000, seed: 3 });
    // a workload written first, with its own uncertain input but no clips: it costs $0 in every
    // trial, so the totals are drafts alone, and only identical drafts draws give identical percentiles
    const text = readFileSync(join(DIR, 'triangular.yaml'), 'utf8').replace(
      'workloads:\n',
      'workloads:\n  - { name: idle, clips_per_month: 0, seconds_per_clip: 5, regeneration_factor: { low: 1, likely: 2, high: 3 } }\n',
    );
    const withIdle = forecast(hypothetical, parseScenario(text, 'x.yaml'), { asOf: '2026-01-15', trials: 5000, seed: 3 });
    expect(withIdle.inputs.map((i) => i.key)).toEqual(['idle.regeneration_factor', 'drafts.clips_per_month']);
    const a = stats(alone.recommendation);
    const b = stats(withIdle.recommendation);
    expect([b.p10, b.p50, b.p90, b.mean].map(String)).toEqual([a.p10, a.p50, a.p90, a.mean].map(String));
  });
});

describe('vidcost forecast (built CLI)', () => {
  const base = ['forecast', join(DIR, 'triangular.yaml'), '--pricing', PRICING, '--trials', '2000'];

  it('JSON: trials, seed, offerings[] and recommendation with p10/p50/p90/mean/probabilityOverCeiling, drivers[]', () => {
    const r = vidcost([...base, '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      schemaVersion: 1,
      kind: 'forecast',
      trials: 2000,
      seed: 1,
      currency: 'USD',
      scenario: 'Triangular closed form',
      asOf: '2026-01-15',
    });
    expect(Object.keys(j.offerings[0])).toEqual([
      'offering',
      'eligible',
      'reason',
      'p10',
      'p50',
      'p90',
      'mean',
      'probabilityOverCeiling',
      'trialsOverCeiling',
      'pointMonthlyUsd',
    ]);
    expect(j.recommendation.offering).toBe('testco/fast');
    expect(j.recommendation.route).toEqual([{ workload: 'drafts', offering: 'testco/fast' }]);
    for (const k of ['p10', 'p50', 'p90', 'mean']) expect(j.recommendation[k]).toMatch(/^\d+\.\d{2,}$/);
    expect(typeof j.recommendation.probabilityOverCeiling).toBe('number');
    expect(j.recommendation.pointMonthlyUsd).toBe('240.00');
    expect(j.drivers).toEqual([
      {
        name: 'drafts.clips_per_month',
        kind: 'workload',
        workload: 'drafts',
        field: 'clips_per_month',
        offering: null,
        shape: 'triangular',
        unit: 'clips',
        low: '100',
        likely: '200',
        high: '600',
        monthlyUsdAtLow: '120.00',
        monthlyUsdAtHigh: '720.00',
        swingUsd: '600.00',
      },
    ]);
  });

  it('table: fits 80 columns, draws the spread with block characters', () => {
    const r = vidcost(['forecast', join(DIR, 'bench-10.yaml'), '--trials', '2000']);
    expect(r.status).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('Spread: ▒ P10 to P90, █ P50, │ the ceiling');
    expect(r.stdout).toMatch(/▕ *▒+█▒* *│? *▏|▕[ ▒█┃│]+▏/);
    expect(r.stdout).toContain('Unknown, never 0: luma/dream-machine-api');
  });

  it('markdown, csv and html; every user string escaped in html', () => {
    const md = vidcost([...base, '--format', 'markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('| Offering | P10 | P50 | P90 | P(over) | Mean |');
    expect(md.stdout).toContain('| drafts.clips\\_per\\_month | \\$120.00 | \\$720.00 | \\$600.00 |');
    const csv = vidcost([...base, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'scenario,asOf,trials,seed,row,name,eligible,reason,p10,p50,p90,mean,probabilityOverCeiling,monthlyUsdAtLow,monthlyUsdAtHigh,swingUsd',
    );
    expect(csv.stdout).toContain('driver,drafts.clips_per_month,,,,,,,,120.00,720.00,600.00');
    const html = vidcost(['forecast', join(DIR, 'hostile-name.yaml'), '--pricing', PRICING, '--trials', '500', '--format', 'html']);
    expect(html.status).toBe(0);
    expect(html.stdout).not.toContain('<script>');
    expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.stdout).toContain('<svg');
    expect(html.stdout).toContain('class="chart fc"');
  });

  it('bad --trials and --seed are usage errors (exit 2)', () => {
    expect(vidcost([...base.slice(0, -2), '--trials', '0']).stderr).toBe('vidcost: --trials: expected a whole number from 1 to 1,000,000, found "0"\n');
    expect(vidcost([...base.slice(0, -2), '--trials', '2.5']).status).toBe(2);
    expect(vidcost([...base, '--seed', '-1']).status).toBe(2);
  });

  it('--max-breach gates on the chance of going over the ceiling (exit 1), and needs a ceiling', () => {
    // P(cost > $420) ≈ 0.31 for this scenario
    const fail = vidcost([...base, '--max-breach', '0.2']);
    expect(fail.status).toBe(1);
    expect(fail.stderr).toMatch(
      /^vidcost: gate failed: the recommended route goes over the \$420\.00 ceiling in [\d,]+ of 2,000 trials \(\d+\.\d%\), above --max-breach 0\.2\n$/,
    );
    expect(vidcost([...base, '--max-breach', '0.5']).status).toBe(0);
    const none = vidcost(['forecast', join(DIR, 'webapp-uncertain.yaml'), '--pricing', PRICING, '--trials', '100', '--max-breach', '1.5']);
    expect(none.status).toBe(2);
  });
});

describe('docs/forecast-and-sweep.md: the forecast and sweep examples are what the CLI prints', () => {
  const readme = readFileSync(join(ROOT, 'docs', 'forecast-and-sweep.md'), 'utf8');
  const start = readme.indexOf('## Uncertainty: `vidcost forecast` and `vidcost sweep`');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```console\n\$ vidcost ([^\n]+)\n([\s\S]*?)\n```/g)];

  it('has the section and its examples', () => {
    expect(start).toBeGreaterThan(0);
    expect(blocks.map((b) => b[1]!.split(' ')[0])).toEqual(['forecast', 'sweep', 'sweep', 'sweep']);
  });

  it.each(blocks.map((b) => [b[1]!, b[2]!]))('$ vidcost %s', (command, shown) => {
    const r = vidcost(command.split(' '));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${shown}\n`);
  });

  it('the JSON excerpt is the JSON the CLI prints', () => {
    const excerpt = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!);
    const j = JSON.parse(vidcost(['forecast', 'scenarios/uncertain-launch.yaml', '--format', 'json']).stdout);
    for (const [k, v] of Object.entries(excerpt.recommendation)) expect(j.recommendation[k], k).toEqual(v);
    expect(j.drivers[0]).toEqual(excerpt.drivers[0]);
  });
});
