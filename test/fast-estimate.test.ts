// The fast engine against the reference: on scenarios a user could write (random workloads,
// overrides, caps, offering lists, dates and channels), every workload × offering, every total and
// the route must be the very same exact decimals, honesty markers and reasons as `estimate` gives.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPricing } from '../src/cli/sheets.js';
import { estimate, type EstimateReport } from '../src/engine/estimate.js';
import { fastEstimate, type FastEstimate } from '../src/engine/fast-estimate.js';
import { dec } from '../src/money/decimal.js';
import type { Figure } from '../src/money/figure.js';
import { catalogAt } from '../src/pricing/catalog.js';
import { CAPABILITIES, RESOLUTIONS } from '../src/pricing/vocabulary.js';
import { parseScenario } from '../src/scenario/parse.js';
import type { Scenario } from '../src/scenario/model.js';
import { ROOT } from './helpers.js';

const sheets = loadPricing({ cwd: ROOT });
const ids = catalogAt(sheets, '2026-06-01').offerings.map((o) => o.id);
const vendors = [...new Set(sheets.map((s) => s.vendor))];

/** A figure as exact text: the same digits, the same ends, the same marker. */
const text = (f: Figure) => `${f.low === null ? 'unknown' : f.low.toString()}..${f.high === null ? 'open' : f.high.toString()}${f.approx ? ' ~' : ''}`;

function expectSame(fast: FastEstimate, ref: EstimateReport): void {
  expect(fast.offerings).toEqual(ref.totals.map((t) => t.offering));
  expect(fast.evaluations).toBe(ref.workloads.length * ref.totals.length);
  ref.workloads.forEach((wr, w) => {
    wr.options.forEach((x, o) => {
      const y = fast.option(w, o);
      expect({ w, offering: y.offering, eligible: y.eligible, reason: y.reason, monthly: text(y.monthlyUsd) }).toEqual({ w, offering: x.offering, eligible: x.eligible, reason: x.reason, monthly: text(x.monthlyUsd) });
      // exact, not merely equal when printed
      if (x.monthlyUsd.low !== null) expect(y.monthlyUsd.low!.eq(x.monthlyUsd.low)).toBe(true);
    });
    const s = ref.recommendation.perWorkload[w]!;
    const t = fast.recommendation.step(w);
    expect({ ...t, monthlyUsd: text(t.monthlyUsd) }).toEqual({ ...s, monthlyUsd: text(s.monthlyUsd) });
    expect(fast.recommendation.offeringIndex[w]).toBe(s.offering === null ? -1 : fast.offerings.indexOf(s.offering));
  });
  ref.totals.forEach((t, o) => {
    const y = fast.totals[o]!;
    expect({ ...y, monthlyUsd: text(y.monthlyUsd) }).toEqual({ offering: t.offering, eligible: t.eligible, reason: t.reason, monthlyUsd: text(t.monthlyUsd) });
  });
  expect(text(fast.recommendation.monthlyUsd)).toBe(text(ref.recommendation.monthlyUsd));
  expect(fast.recommendation.complete).toBe(ref.recommendation.complete);
  const single = ref.recommendation.cheapestSingle;
  expect(fast.recommendation.cheapestSingle && { offering: fast.recommendation.cheapestSingle.offering, monthlyUsd: text(fast.recommendation.cheapestSingle.monthlyUsd) }).toEqual(single && { offering: single.offering, monthlyUsd: text(single.monthlyUsd) });
}

function both(scenario: Scenario, asOf = '2026-06-01'): [FastEstimate, EstimateReport] {
  return [fastEstimate(sheets, scenario, { asOf }), estimate(sheets, scenario, { asOf })];
}

// ---- scenarios as a user writes them --------------------------------------------------------------

/** A decimal with up to `places` places, written as YAML reads it (a number). */
const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: Math.ceil(min * 10 ** places), max: Math.floor(max * 10 ** places) }).map((n) => (n / 10 ** places).toFixed(places).replace(/\.?0+$/, '') || '0');

const workload = fc.record({
  clips: fc.oneof(fc.integer({ min: 0, max: 200_000 }).map(String), decimal(0, 5000, 3)),
  // clip lengths and their multiples too: per-clip billing rounds up to whole clips except there
  seconds: fc.oneof(fc.integer({ min: 1, max: 60 }).map(String), decimal(0.1, 120, 2), fc.constantFrom('4', '5', '8', '10', '15', '20', '2.5')),
  resolution: fc.constantFrom(...RESOLUTIONS),
  factor: fc.option(fc.oneof(fc.integer({ min: 1, max: 12 }).map(String), decimal(1, 10, 2)), { nil: undefined }),
  audio: fc.boolean(),
  hdr: fc.boolean(),
  batch: fc.boolean(),
  requires: fc.subarray([...CAPABILITIES], { maxLength: 2 }).chain((caps) => fc.shuffledSubarray(caps, { minLength: caps.length, maxLength: caps.length })),
});

const override = fc.record(
  {
    usd_per_credit: fc.oneof(decimal(0.0001, 0.05, 5), fc.constantFrom('"~0.004"', '"0.002-0.006"', '"from 0.003"', '"unknown"')),
    discount_pct: fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), decimal(0, 99.99, 3)),
    gpu_seconds_per_output_second: decimal(0.5, 400, 2),
  },
  { requiredKeys: [] },
);

const scenarioText = fc
  .record({
    channel: fc.constantFrom('api', 'api', 'api', 'api', 'web-app'),
    asOf: fc.constantFrom('2026-06-01', '2026-06-01', '2026-10-01'),
    cap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    offerings: fc.option(fc.shuffledSubarray(ids, { minLength: 1, maxLength: 8 }), { nil: undefined }),
    overrides: fc.dictionary(fc.constantFrom(...vendors), override, { maxKeys: 3 }),
    workloads: fc.array(workload, { minLength: 1, maxLength: 25 }),
  })
  .map((s) => {
    const lines = ['version: 1', 'name: generated', `channel: ${s.channel}`, `as_of: ${s.asOf}`];
    if (s.offerings) lines.push(`offerings: [${s.offerings.join(', ')}]`);
    if (s.cap !== undefined) lines.push(`budget: { max_regenerations_per_job: ${s.cap} }`);
    const vendorsGiven = Object.entries(s.overrides).filter(([, o]) => Object.keys(o).length > 0);
    if (vendorsGiven.length) {
      lines.push('overrides:');
      for (const [v, o] of vendorsGiven) lines.push(`  ${v}: { ${Object.entries(o).map(([k, x]) => `${k}: ${x}`).join(', ')} }`);
    }
    lines.push('workloads:');
    s.workloads.forEach((w, i) => {
      const fields = [`name: w${i}`, `clips_per_month: ${w.clips}`, `seconds_per_clip: ${w.seconds}`, `resolution: ${w.resolution}`, `audio: ${w.audio}`, `hdr: ${w.hdr}`, `batch: ${w.batch}`, `requires: [${w.requires.join(', ')}]`];
      if (w.factor !== undefined) fields.push(`regeneration_factor: ${w.factor}`);
      lines.push(`  - { ${fields.join(', ')} }`);
    });
    return lines.join('\n');
  });

describe('fastEstimate is estimate, exactly', () => {
  it('on every bundled scenario', () => {
    const dir = join(ROOT, 'scenarios');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const [fast, ref] = both(parseScenario(readFileSync(join(dir, f), 'utf8'), f));
      expectSame(fast, ref);
    }
  });

  it('on generated scenarios: every workload × offering, total and route', () => {
    fc.assert(
      fc.property(scenarioText, (yaml) => {
        const scenario = parseScenario(yaml, 'generated.yaml');
        const [fast, ref] = both(scenario);
        expectSame(fast, ref);
        // again, now from the cache of priced kernels
        expectSame(fastEstimate(sheets, scenario, { asOf: '2026-06-01' }), ref);
      }),
      { numRuns: 150 },
    );
  });

  it('on 1,000 workloads with every decimal place the numbers carry', () => {
    // built in code: a scenario file of 1,000 workloads is larger than vidcost reads
    const base = parseScenario('version: 1\nname: many\noverrides: { luma: { usd_per_credit: "~0.0033" }, runway: { discount_pct: 12.345 } }\nworkloads:\n  - { name: w, clips_per_month: 1, seconds_per_clip: 1 }\n', 'many.yaml');
    const workloads = Array.from({ length: 1000 }, (_, i) => ({
      ...base.workloads[0]!,
      name: `w${i}`,
      clipsPerMonth: dec(`${(i * 7919) % 100_000}.${i % 1000}`),
      secondsPerClip: dec(`${1 + (i % 30)}.${i % 97}`),
      regenerationFactor: dec(`${1 + (i % 7)}.${i % 13}`),
      resolution: RESOLUTIONS[i % 5]!,
      audio: i % 3 === 0,
      batch: i % 2 === 0,
    }));
    const [fast, ref] = both({ ...base, workloads });
    expectSame(fast, ref);
  });

  it('keeps digits far beyond a float: a total of ten million clips at a 20-place rate', () => {
    const s = parseScenario(`version: 1\nname: big\noverrides: { runway: { discount_pct: 33.333 } }\nofferings: [runway/gen4, fal/pika-2.5]\nworkloads:\n  - { name: a, clips_per_month: 999999999.999, seconds_per_clip: 7.77, regeneration_factor: 9.99 }\n`, 'big.yaml');
    const [fast, ref] = both(s);
    expectSame(fast, ref);
    expect(fast.option(0, 0).monthlyUsd.low!.toString()).toBe(ref.workloads[0]!.options[0]!.monthlyUsd.low!.toString());
    expect(fast.option(0, 0).monthlyUsd.low!.toString().replace('.', '').length).toBeGreaterThan(17);
  });

  it('works from Scenario objects built in code, as sweeps and forecasts make them', () => {
    const base = parseScenario('version: 1\nname: s\nworkloads:\n  - { name: a, clips_per_month: 100, seconds_per_clip: 8 }\n', 's.yaml');
    for (const clips of ['0', '1', '250.5', '1000000']) {
      const s: Scenario = { ...base, workloads: [{ ...base.workloads[0]!, clipsPerMonth: dec(clips) }] };
      const [fast, ref] = both(s);
      expectSame(fast, ref);
    }
  });
});
