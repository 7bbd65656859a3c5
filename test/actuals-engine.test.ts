// `vidcost actuals` engine on logs whose every figure is worked out by hand below, on the
// hypothetical acme sheet in test/fixtures/actuals/pricing (acme/per-second $0.10/s, failures
// billed; acme/no-fail $0.05/s, failures free; acme/unknown-fail $0.20/s, nobody says;
// acme/per-clip $0.50 per whole 5 s clip, failures billed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActualsAccumulator, monthWindow } from '../src/engine/actuals.js';
import { actualsReport, ceilingDay, percentileOf, type ActualsReport } from '../src/engine/actuals-report.js';
import { dec, plainString } from '../src/money/decimal.js';
import { markerOf, type Figure } from '../src/money/figure.js';
import { loadPricing } from '../src/cli/sheets.js';
import { focusOfferingIndex } from '../src/usage/focus.js';
import { CountingSink, usageLineReader } from '../src/usage/usage-reader.js';
import { parseUsageTime } from '../src/usage/usage-log.js';
import { parseScenario } from '../src/scenario/parse.js';
import { calibrations, writeBackScenario } from '../src/cli/calibrate.js';
import { actualsJson } from '../src/render/actuals.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'test', 'fixtures', 'actuals');
const sheets = loadPricing({ pricingDir: join(DIR, 'pricing'), cwd: ROOT });
const plan = parseScenario(readFileSync(join(DIR, 'plan.yaml'), 'utf8'), 'plan.yaml');

function run(
  text: string | string[],
  asOf: string,
  options: { scenario?: boolean; map?: Record<string, string> } = {},
): { report: ActualsReport; problems: CountingSink } {
  const acc = new ActualsAccumulator(sheets, { asOf, scenario: options.scenario ? plan : null });
  const sink = new CountingSink();
  for (const file of Array.isArray(text) ? text : [text]) {
    const reader = usageLineReader('log', (row, line) => acc.add(row, 'log', line), sink, focusOfferingIndex(sheets, options.map));
    file.split('\n').forEach((line, i) => reader.line(line, i + 1));
    reader.end();
    acc.skip(reader.stats.skipped);
  }
  return { report: actualsReport(acc), problems: sink };
}

const ends = (f: Figure | null) => (f === null ? null : [f.low === null ? null : plainString(f.low), f.high === null ? null : plainString(f.high)]);
const fixture = (name: string) => readFileSync(join(DIR, name), 'utf8');

describe('usage.jsonl at as_of 2026-11-10 (day 10 of 30)', () => {
  const { report, problems } = run(fixture('usage.jsonl'), '2026-11-10', { scenario: true });

  it('reads every row, out of time order, with offsets', () => {
    expect(problems.count).toBe(0);
    expect(report.rowsRead).toBe(15);
    // 2026-10-31T23:59:59Z is before the month; 2026-11-11T00:00:00Z and 2026-11-10T23:30-01:00
    // (= 2026-11-11T00:30Z) are after the as_of day: 3 outside, 12 inside
    expect([report.rowsOutsideMonth, report.rowsBeforeMonth, report.rowsAfterAsOf, report.rowsInMonth]).toEqual([3, 1, 2, 12]);
  });

  it('spend to date, a range from the failure with unknown billing', () => {
    // acme/per-second: 3 × 10 s × $0.10 (two priced, one reported $1.00) + 1 failed, billed: $1.00 → $4.00
    // acme/per-clip: 8 s = 2 whole 5 s clips × $0.50 = $1.00, and 4 s = 1 clip = $0.50 → $1.50
    // acme/unknown-fail: failed 5 s, $0 to 5 × $0.20 = $1.00, plus reported $1.10 → $1.10–$2.10
    // acme/no-fail: failed (not billed) $0, 10 s × $0.05 = $0.50, reported $0.505 → $1.005
    // other/mystery (not in the sheets): reported $2.00, kept
    // total $9.605–$10.605
    expect(ends(report.monthToDateUsd)).toEqual(['9.605', '10.605']);
    const by = Object.fromEntries(report.byOffering.map((o) => [o.offering, ends(o.monthToDateUsd)]));
    expect(by).toEqual({
      'acme/no-fail': ['1.005', '1.005'],
      'acme/per-clip': ['1.5', '1.5'],
      'acme/per-second': ['4', '4'],
      'acme/unknown-fail': ['1.1', '2.1'],
      'other/mystery': ['2', '2'],
    });
  });

  it('vidcost price of the same rows beside the reported spend; unknown for an unknown offering', () => {
    // unknown-fail: $0–$1.00 for the failure + 5 × $0.20 = $1.00 → $1.00–$2.00; no-fail: 0 + 0.50 + 0.50
    const priced = Object.fromEntries(report.byOffering.map((o) => [o.offering, ends(o.pricedUsd)]));
    expect(priced['acme/unknown-fail']).toEqual(['1', '2']);
    expect(priced['acme/no-fail']).toEqual(['1', '1']);
    expect(priced['other/mystery']).toEqual([null, null]);
  });

  it('projection: month to date × 30 ÷ 10', () => {
    // $9.605 × 3 = $28.815; $10.605 × 3 = $31.815
    expect(ends(report.projectedMonthUsd)).toEqual(['28.815', '31.815']);
    expect(markerOf(report.projectedMonthUsd)).toBe('range');
  });

  it('the ceiling day at the current daily rate', () => {
    // ceiling $25: high end D = ⌈25 × 10 ÷ 10.605⌉ = ⌈23.57⌉ = 24; low end ⌈25 × 10 ÷ 9.605⌉ = ⌈26.03⌉ = 27
    expect(report.ceilingReachedOn).toEqual({ high: 24, low: 27 });
    const json = actualsJson(report) as Record<string, unknown>;
    expect([json['ceilingReachedOn'], json['ceilingReachedOnLow'], json['ceilingReachedOnHigh']]).toEqual(['2026-11-24', '2026-11-27', '2026-11-24']);
  });

  it('counts, kept clips and generations per kept clip per workload', () => {
    const drafts = report.byWorkload.find((w) => w.workload === 'drafts')!;
    const ads = report.byWorkload.find((w) => w.workload === 'ads')!;
    // drafts: 8 rows in the month; succeeded j1 ×2, j2 ×1, j5 ×2, j6 ×1 = 6; kept j1, j2, j5 = 3; 6 ÷ 3 = 2
    expect([drafts.generations, drafts.succeededGenerations, drafts.keptClips, plainString(drafts.generationsPerKeptClip!)]).toEqual([8, 6, 3, '2']);
    // ads: j3 ×2, j4 ×1 (and its failure) succeeded = 3; kept j3, j4 = 2; 3 ÷ 2 = 1.5
    expect([ads.generations, ads.succeededGenerations, ads.keptClips, plainString(ads.generationsPerKeptClip!)]).toEqual([4, 3, 2, '1.5']);
    // kept clips projected: 3 × 30 ÷ 10 = 9 and 2 × 30 ÷ 10 = 6
    expect([plainString(drafts.projectedClipsPerMonth), plainString(ads.projectedClipsPerMonth)]).toEqual(['9', '6']);
    // per job with a kept clip: drafts [1, 2, 2] → P10 1, median 2, P90 2; ads [1, 2] → 1, 1, 2
    expect(drafts.perJob).toEqual({ jobs: 3, p10: 1, median: 2, p90: 2 });
    expect(ads.perJob).toEqual({ jobs: 2, p10: 1, median: 1, p90: 2 });
  });

  it('the plan beside it', () => {
    // drafts 6 × 10 s × $0.10 × 2 = $12.00; ads 3 × 5 s × $0.10 × 1 = $1.50; total $13.50
    expect(ends(report.plannedMonthUsd)).toEqual(['13.5', '13.5']);
    expect(report.byWorkload.map((w) => [w.workload, ends(w.plannedMonthUsd)])).toEqual([
      ['ads', ['1.5', '1.5']],
      ['drafts', ['12', '12']],
    ]);
  });

  it('advisories: over the ceiling, regeneration, drift, unpriced, outside the month, failures of unknown billing', () => {
    const codes = report.advisories.map((a) => `${a.code} ${a.offering ?? a.workload ?? ''}`.trim());
    expect(codes).toEqual([
      'projected-over-ceiling',
      'regeneration-above-plan ads', // 1.5 > 1
      'price-drift acme/unknown-fail', // $1.10 against $1.00: 10% off; no-fail's $0.505 against $0.50 is exactly 1%, not more
      'failed-billing-unknown acme/unknown-fail',
      'unpriced-usage other/mystery',
      'rows-outside-month',
    ]);
    const drift = report.advisories.find((a) => a.code === 'price-drift')!;
    expect(drift.message).toContain("log:8: reported $1.10, vidcost's price $1.00");
    expect(report.advisories.find((a) => a.code === 'projected-over-ceiling')!.message).toContain('over the $25.00 ceiling by $6.82');
  });

  it('writes the measured values back into the scenario', () => {
    const { calibrated } = calibrations(
      report,
      plan.workloads.map((w) => w.name),
    );
    const text = writeBackScenario(fixture('plan.yaml'), calibrated);
    const back = parseScenario(text, 'calibrated.yaml');
    const drafts = back.workloads.find((w) => w.name === 'drafts')!;
    const ads = back.workloads.find((w) => w.name === 'ads')!;
    expect(plainString(drafts.clipsPerMonth)).toBe('9');
    expect(
      drafts.uncertain?.regenerationFactor &&
        [drafts.uncertain.regenerationFactor.low, drafts.uncertain.regenerationFactor.likely, drafts.uncertain.regenerationFactor.high].map(plainString),
    ).toEqual(['1', '2', '2']);
    expect(plainString(ads.clipsPerMonth)).toBe('6');
    expect(
      ads.uncertain?.regenerationFactor &&
        [ads.uncertain.regenerationFactor.low, ads.uncertain.regenerationFactor.likely, ads.uncertain.regenerationFactor.high].map(plainString),
    ).toEqual(['1', '1', '2']);
    expect(text).toContain('# The plan the usage in usage.jsonl is checked against');
  });
});

describe('writing the scenario back', () => {
  it('changes only the measured values, in flow and block style, adding a missing regeneration_factor', () => {
    const styles = parseScenario(fixture('plan-styles.yaml'), 'plan-styles.yaml');
    const { report } = run(fixture('usage.jsonl'), '2026-11-10');
    const { calibrated } = calibrations(
      report,
      styles.workloads.map((w) => w.name),
    );
    // drafts: 9 clips, { 1, 2, 2 }; ads: 6 clips, { 1, 1, 2 } (see above)
    expect(writeBackScenario(fixture('plan-styles.yaml'), calibrated, 'measured')).toBe(`version: 1
name: flow
budget: { monthly_ceiling_usd: 100 }
workloads:
  - { name: drafts, clips_per_month: 9, regeneration_factor: { low: 1, likely: 2, high: 2 }, seconds_per_clip: 10 }
  - name: ads
    clips_per_month: 6  # measured (was low: 1 likely: 2 high: 3)
    regeneration_factor: { low: 1, likely: 1, high: 2 }  # measured
    seconds_per_clip: 5
`);
  });
});

describe('order and files do not matter', () => {
  const lines = fixture('usage.jsonl')
    .split('\n')
    .filter((l) => l.trim() !== '');
  // the drift example names a line, which moves with the rows: compare everything else
  const figures = (r: ActualsReport) => {
    const j = actualsJson(r) as { advisories: { code: string }[] };
    return { ...j, advisories: j.advisories.map((a) => a.code) };
  };
  const base = figures(run(lines.join('\n'), '2026-11-10', { scenario: true }).report);

  it.each([
    ['reversed', [[...lines].reverse().join('\n')]],
    ['rotated by 5', [[...lines.slice(5), ...lines.slice(0, 5)].join('\n')]],
    ['split over two files', [lines.slice(0, 7).join('\n'), lines.slice(7).join('\n')]],
  ])('%s: the same report', (_name, files) => {
    expect(figures(run(files as string[], '2026-11-10', { scenario: true }).report)).toEqual(base);
  });
});

describe('small cases', () => {
  const row = (o: Record<string, unknown>) =>
    JSON.stringify({ time: '2026-11-02T10:00:00Z', offering: 'acme/per-second', seconds: 10, status: 'succeeded', job: 'j', ...o });

  it('a planned workload without usage is shown at zero beside its plan', () => {
    const { report } = run(row({ workload: 'drafts', kept: true }), '2026-11-02', { scenario: true });
    const ads = report.byWorkload.find((w) => w.workload === 'ads')!;
    expect([ads.keptClips, ads.generationsPerKeptClip, ends(ads.monthToDateUsd), ends(ads.plannedMonthUsd)]).toEqual([0, null, ['0', '0'], ['1.5', '1.5']]);
    // and calibration leaves it as written
    expect(calibrations(report, ['drafts', 'ads'])).toMatchObject({ unmeasured: ['ads'], notInScenario: [] });
    expect(calibrations(report, ['drafts', 'ads']).calibrated.map((c) => c.workload)).toEqual(['drafts']);
  });

  it('a failed request on unknown billing alone is a range from $0, never $0', () => {
    const { report } = run(row({ offering: 'acme/unknown-fail', status: 'canceled' }), '2026-11-02');
    // 10 s × $0.20 = $2.00 if billed: $0–$2.00; × 30 ÷ 2 = $0–$30.00
    expect(ends(report.monthToDateUsd)).toEqual(['0', '2']);
    expect(ends(report.projectedMonthUsd)).toEqual(['0', '30']);
  });

  it('an unknown offering without a reported charge makes the spend a lower bound, not a guess', () => {
    const { report } = run([row({}), row({ offering: 'acme/per-secnd', job: 'k' })].join('\n'), '2026-11-02');
    // $1.00 known, the other row unknown: at least $1.00, no upper bound
    expect(ends(report.monthToDateUsd)).toEqual(['1', null]);
    expect(report.advisories.find((a) => a.code === 'unpriced-usage')!.message).toContain('did you mean acme/per-second?');
  });

  it('a reported charge on a failure the sheet says is free is drift', () => {
    const { report } = run(row({ offering: 'acme/no-fail', status: 'failed', usd: '0.50' }), '2026-11-02');
    expect(report.advisories.map((a) => a.code)).toEqual(['price-drift']);
    expect(ends(report.monthToDateUsd)).toEqual(['0.5', '0.5']);
  });

  it("an offering whose sheet is not yet in force on the row's day is unpriced, and says so", () => {
    // the acme sheet takes effect on 2026-01-01
    const { report } = run(row({ time: '2025-12-05T10:00:00Z', usd: '1.00' }), '2025-12-10');
    expect(ends(report.monthToDateUsd)).toEqual(['1', '1']);
    expect(report.advisories.map((a) => a.message)).toEqual([
      'acme/per-second is not in the price sheets in force on 2025-12-05: its reported spend, $1.00, is counted.',
    ]);
  });

  it('refuses absurd amounts and control characters; reads a JSON number in exponent form exactly', () => {
    const { problems } = run([row({ seconds: 1e21 }), row({ usd: 20_000_000 }), row({ workload: 'a\u001b[31m' }), row({ usd: 1e-7 })].join('\n'), '2026-11-02');
    expect(problems.kept.map((p) => `${p.line} ${p.field}`)).toEqual(['1 seconds', '2 usd', '3 workload']);
    const { report } = run(row({ usd: 1e-7 }), '2026-11-02');
    expect(ends(report.monthToDateUsd)).toEqual(['0.0000001', '0.0000001']);
  });

  it('as_of counts as a whole day; a 31-day month', () => {
    const w = monthWindow('2026-12-31');
    expect([w.daysElapsed, w.daysInMonth, w.end - w.start]).toEqual([31, 31, 31 * 86_400_000]);
    expect(monthWindow('2028-02-10').daysInMonth).toBe(29);
  });

  it('ceiling day: exact at the boundary, null past the month, day 1 when already over', () => {
    const w = monthWindow('2026-11-10');
    // $100 in 10 days = $10/day: a $150 ceiling is met exactly on day 15
    expect(ceilingDay(w, dec(100), dec(150))).toBe(15);
    expect(ceilingDay(w, dec(100), dec('150.01'))).toBe(16);
    expect(ceilingDay(w, dec(100), dec(301))).toBeNull();
    expect(ceilingDay(w, dec(0), dec(1))).toBeNull();
    expect(ceilingDay(w, dec(500), dec(20))).toBe(1);
  });

  it('nearest-rank percentiles', () => {
    // 10 jobs: 1×4, 2×3, 3×2, 9×1 → P10 rank 1 = 1, median rank 5 = 2, P90 rank 9 = 3
    const h: [number, number][] = [
      [1, 4],
      [2, 3],
      [3, 2],
      [9, 1],
    ];
    expect([percentileOf(h, 10, 10), percentileOf(h, 10, 50), percentileOf(h, 10, 90)]).toEqual([1, 2, 3]);
  });

  it('times with offsets and impossible dates', () => {
    expect(parseUsageTime('2026-11-01T00:30:00+01:00')).toBe(Date.UTC(2026, 9, 31, 23, 30));
    expect(parseUsageTime('2026-11-01T00:30Z')).toBe(Date.UTC(2026, 10, 1, 0, 30));
    expect(parseUsageTime('2026-02-29T00:00:00Z')).toBeNull();
    expect(parseUsageTime('2026-11-01T24:00:00Z')).toBeNull();
    expect(parseUsageTime('2026-11-01 10:00:00')).toBeNull();
  });
});

describe('CSV and FOCUS', () => {
  it('a CSV log with a byte-order mark and CRLF line ends', () => {
    const text = readFileSync(join(DIR, 'usage-bom-crlf.csv'), 'utf8'); // the streaming reader drops the BOM; here it is dropped by hand
    const { report, problems } = run(text.replace(/^\uFEFF/, ''), '2026-11-10');
    expect(problems.kept).toEqual([]);
    // 6 s × $0.10 = $0.60 priced + $0.60 reported; 12 s on 5 s clips = 3 clips × $0.50 = $1.50 → $2.70; × 3 = $8.10
    expect(ends(report.monthToDateUsd)).toEqual(['2.7', '2.7']);
    expect(ends(report.projectedMonthUsd)).toEqual(['8.1', '8.1']);
    expect(report.byWorkload.map((w) => w.workload)).toEqual(['ads, big', 'drafts']);
  });

  it('FOCUS: video seconds mapped by external id, offering id and --map; other rows skipped', () => {
    const { report, problems } = run(fixture('focus.csv'), '2026-11-10', { map: { 'vendor-sku-9': 'acme/no-fail' } });
    expect(problems.kept).toEqual([]);
    // tokens, tax, credit, purchase: 4 skipped; 3.00 + 1.50 + 1.00 + 0.70 = 6.20; × 3 = 18.60
    expect(report.rowsSkipped).toBe(4);
    expect(ends(report.monthToDateUsd)).toEqual(['6.2', '6.2']);
    expect(ends(report.projectedMonthUsd)).toEqual(['18.6', '18.6']);
    expect(report.byOffering.map((o) => [o.offering, o.billingRows, ends(o.pricedUsd)])).toEqual([
      ['acme/no-fail', 1, ['1', '1']], // 20 s × $0.05: billed $1.50, drift
      ['acme/per-clip', 1, ['1', '1']], // 10 s × $0.10/s
      ['acme/per-second', 1, ['3', '3']], // ModelId acme-ps-v1 is the sheet's external key; 30 s × $0.10
      ['unmapped-model', 1, [null, null]],
    ]);
    expect(report.advisories.map((a) => `${a.code} ${a.offering}`)).toEqual(['price-drift acme/no-fail', 'unpriced-usage unmapped-model']);
  });
});
