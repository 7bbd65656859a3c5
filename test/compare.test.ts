// Baselines: `vidcost estimate s.yaml --format json --out base.json`, later `--compare-to base.json`,
// with `--fail-on-increase`. Against the HYPOTHETICAL sheets under test/fixtures/diff/ (pricing-a/ is
// the baseline's prices, pricing-b/ the new ones), and the bundled sheets for honest figures.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../src/cli/baseline.js';
import { compareSnapshots, figureFromJson, increaseGate, type EstimateSnapshot } from '../src/engine/compare.js';
import { dec } from '../src/money/decimal.js';
import { exact, markerOf, type Figure } from '../src/money/figure.js';
import { InputError } from '../src/errors.js';
import { expectGolden, FIXTURES, tempDir, vidcost } from './helpers.js';

const DIR = join(FIXTURES, 'diff');
const SCENARIO = join(DIR, 'scenario.yaml');
const A = join(DIR, 'pricing-a');
const B = join(DIR, 'pricing-b');

/** A folder holding base.json: the fixture scenario priced by pricing-a/ on 2026-06-01. */
function baselineDir(): string {
  const dir = tempDir();
  const r = vidcost(['estimate', SCENARIO, '--pricing', A, '--as-of', '2026-06-01', '--format', 'json', '--out', 'base.json'], { cwd: dir });
  expect(r.status).toBe(0);
  return dir;
}

const compareArgs = ['estimate', SCENARIO, '--pricing', B, '--as-of', '2026-07-01', '--compare-to', 'base.json'];

describe('estimate --compare-to', () => {
  it('JSON: comparison.totals and comparison.recommendation with the four documented fields', () => {
    const dir = baselineDir();
    const r = vidcost([...compareArgs, '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.totals.length).toBeGreaterThan(0); // the estimate itself is still there
    const c = j.comparison;
    expect(c.base).toEqual({ file: 'base.json', asOf: '2026-06-01' });
    const row = (id: string) => c.totals.find((t: { offering: string }) => t.offering === id);
    const four = (t: Record<string, unknown>) => [t['baseMonthlyUsd'], t['monthlyUsd'], t['changeUsd'], t['changePct']];
    // drafts 200 × 5 s × 3 = 3,000 s at 720p; finals 20 × 10 s × 2 = 400 s at 1080p
    // acme/fast 3,400 s × $0.10 = $340.00 → × $0.12 = $408.00: +$68.00, +20%
    expect(four(row('acme/fast'))).toEqual(['340.00', '408.00', '68.00', '20']);
    // acme/pro 3,000 × 0.30 + 400 × 0.50 = $1,100.00 → 3,000 × 0.27 + 400 × 0.50 = $1,010.00: -$90.00, -90/1100
    expect(four(row('acme/pro'))).toEqual(['1100.00', '1010.00', '-90.00', '-8.18181818181818181818']);
    // credco/v1 3,400 × 15 credits × $0.01 = $510.00 → × $0.012 = $612.00
    expect(four(row('credco/v1'))).toEqual(['510.00', '612.00', '102.00', '20']);
    expect([row('acme/turbo').status, ...four(row('acme/turbo'))]).toEqual(['new', null, '306.00', null, null]);
    expect([row('acme/legacy').status, ...four(row('acme/legacy'))]).toEqual(['gone', '272.00', null, null, null]);
    expect([c.newOfferings, c.goneOfferings]).toEqual([['acme/turbo'], ['acme/legacy']]);
    // route: all on acme/legacy 3,400 × $0.08 = $272.00 → all on acme/turbo 3,400 × $0.09 = $306.00: +$34.00, 34/272 = 12.5%
    expect(four(c.recommendation)).toEqual(['272.00', '306.00', '34.00', '12.5']);
    expect([c.recommendation.baseOfferings, c.recommendation.offerings]).toEqual([['acme/legacy'], ['acme/turbo']]);
  });

  it('golden Markdown for a PR comment: summary line, compact table, advisories', () => {
    const dir = baselineDir();
    const r = vidcost([...compareArgs, '--format', 'markdown'], { cwd: dir });
    expect(r.status).toBe(0);
    expectGolden(r.stdout, join(DIR, 'golden', 'compare.md'));
    expect(r.stdout.startsWith('**Monthly cost +\\$34.00 (+12.5%): \\$272.00 → \\$306.00**\n')).toBe(true);
  });

  it('golden table', () => {
    const dir = baselineDir();
    const r = vidcost(compareArgs, { cwd: dir });
    expect(r.status).toBe(0);
    expectGolden(r.stdout, join(DIR, 'golden', 'compare.txt'));
  });

  it('CSV: one row per offering and the route', () => {
    const dir = baselineDir();
    const r = vidcost([...compareArgs, '--format', 'csv'], { cwd: dir });
    expect(r.stdout.split('\n')).toContain('Launch clips,route,acme/turbo,changed,272.00,306.00,34.00,12.5');
  });

  it('a baseline compared with itself is unchanged, ranges, bounds and unknowns included', () => {
    const dir = tempDir();
    copyFileSync(join(DIR, 'honest-figures.yaml'), join(dir, 's.yaml'));
    expect(vidcost(['estimate', 's.yaml', '--format', 'json', '--out', 'base.json'], { cwd: dir }).status).toBe(0);
    const r = vidcost(['estimate', 's.yaml', '--compare-to', 'base.json', '--format', 'json', '--fail-on-increase', '0'], { cwd: dir });
    expect(r.status).toBe(0);
    const c = JSON.parse(r.stdout).comparison;
    expect(c.totals.map((t: { status: string }) => t.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    // kling ~$0.07–$0.14/s × 1,000 s = ~$70–$140: the budget figure is the high end
    const kling = c.totals.find((t: { offering: string }) => t.offering === 'kling/kling-3.0');
    expect([kling.baseMonthlyUsd, kling.baseMonthlyUsdLow, kling.monthlyUsd, kling.changeUsd]).toEqual(['140.00', '70.00', '140.00', '0.00']);
    // unknown (Luma credit), lower bound (Dream Machine, from ~$64) and not eligible (Pika: web app
    // only; its JSON marker is null) have no change figure
    expect(c.totals.filter((t: { changeUsd: string | null }) => t.changeUsd === null).map((t: { offering: string }) => t.offering)).toEqual([
      'luma/ray3',
      'luma/dream-machine-api',
      'pika/pika-2.5',
    ]);
    expect(c.totals.find((t: { offering: string }) => t.offering === 'pika/pika-2.5')).toMatchObject({
      baseEligible: false,
      eligible: false,
      baseMonthlyUsd: null,
      monthlyUsd: null,
    });
    // route: runway/gen4-turbo ~5 credits × $0.01 × 1,000 s = ~$50.00 both times
    expect([c.recommendation.baseMonthlyUsd, c.recommendation.monthlyUsd, c.recommendation.changeUsd, c.recommendation.changePct]).toEqual([
      '50.00',
      '50.00',
      '0.00',
      '0',
    ]);
    const md = vidcost(['estimate', 's.yaml', '--compare-to', 'base.json', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout.split('\n')[0]).toBe('**Monthly cost unchanged: \\~\\$50.00 → \\~\\$50.00**');
    // the route's workload keeps its ~ from the baseline's option row
    expect(md.stdout).toContain('clips: runway/gen4-turbo \\~\\$50.00 → runway/gen4-turbo \\~\\$50.00 (\\$0.00)  \n');
  });
});

describe('refused baselines (exit 2, file:line:column: field: why)', () => {
  function withBaseline(edit: (text: string) => string): { status: number; stderr: string } {
    const dir = baselineDir();
    writeFileSync(join(dir, 'base.json'), edit(readFileSync(join(dir, 'base.json'), 'utf8')));
    return vidcost(compareArgs, { cwd: dir });
  }

  it('another scenario', () => {
    const r = withBaseline((t) => t.replace('"scenario": "Launch clips"', '"scenario": "Other feature"'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'vidcost: base.json:4:15: scenario: the baseline is for scenario "Other feature", not "Launch clips"; compare a scenario only with its own baseline\n',
    );
  });

  it('another schemaVersion', () => {
    const r = withBaseline((t) => t.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('base.json:2:20: schemaVersion: the baseline has schemaVersion 2, but this vidcost reads schemaVersion 1');
  });

  it('not JSON, another report kind, a damaged figure, no file', () => {
    const broken = withBaseline((t) => t.slice(0, 40));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('base.json:');
    expect(broken.stderr).toContain('not JSON');
    const kind = withBaseline((t) => t.replace('"kind": "estimate"', '"kind": "rates"'));
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain('kind: the baseline is a "rates" report');
    const figure = withBaseline((t) => t.replace('"monthlyUsd": "272.00"', '"monthlyUsd": "lots"'));
    expect(figure.status).toBe(2);
    expect(figure.stderr).toContain('expected a decimal string');
    const missing = vidcost([...compareArgs.slice(0, -1), 'nope.json'], { cwd: tempDir() });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json: no such file');
  });
});

describe('estimate --fail-on-increase', () => {
  it('exactly at the threshold passes; above it exits 1 and says why', () => {
    const dir = baselineDir();
    // +12.5% (see above)
    expect(vidcost([...compareArgs, '--fail-on-increase', '12.5'], { cwd: dir }).status).toBe(0);
    const r = vidcost([...compareArgs, '--fail-on-increase', '10', '--format', 'markdown'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "vidcost: gate failed: the recommended route's monthly cost rose by 12.5% ($272.00 → $306.00), more than the 10% allowed (--fail-on-increase 10)\n",
    );
    expect(r.stdout.startsWith('**Monthly cost +')).toBe(true);
  });

  it('needs --compare-to and a percent', () => {
    const alone = vidcost(['estimate', SCENARIO, '--pricing', A, '--as-of', '2026-06-01', '--fail-on-increase', '10']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('vidcost: --fail-on-increase: needs --compare-to BASE.json: the gate measures the rise from a saved baseline\n');
    const dir = baselineDir();
    expect(vidcost([...compareArgs, '--fail-on-increase', '-5'], { cwd: dir }).status).toBe(2);
  });
});

describe('the comparison engine', () => {
  const snap = (route: Figure, complete = true): EstimateSnapshot => ({
    scenario: 's',
    asOf: '2026-06-01',
    totals: [{ offering: 'x/y', eligible: true, reason: null, monthlyUsd: route }],
    route: { monthlyUsd: route, complete, workloads: [{ workload: 'w', offering: complete ? 'x/y' : null, monthlyUsd: route }] },
  });
  const UNKNOWN: Figure = { low: null, high: null, approx: false };

  it('percent change exactly; the gate compares without rounding', () => {
    // 100.00 → 110.01: +10.01%, over a 10% limit though it shows as "10.01"
    const c = compareSnapshots(snap(exact('100.00')), snap(exact('110.01')), 'b');
    expect(c.recommendation.pct!.toString()).toBe('10.01');
    expect(increaseGate(c.recommendation, dec(10))).not.toBeNull();
    expect(increaseGate(c.recommendation, dec('10.01'))).toBeNull();
    // 3 → 4: 1/3 = 33.333…% exact to 20 places
    const third = compareSnapshots(snap(exact(3)), snap(exact(4)), 'b');
    expect(third.recommendation.pct!.toString()).toBe('33.33333333333333333333');
    // a decrease never fails
    expect(increaseGate(compareSnapshots(snap(exact(4)), snap(exact(3)), 'b').recommendation, dec(0))).toBeNull();
  });

  it('from $0: any rise fails, staying at $0 passes', () => {
    expect(increaseGate(compareSnapshots(snap(exact(0)), snap(exact('0.01')), 'b').recommendation, dec(1000))).toContain('rose from $0.00');
    expect(increaseGate(compareSnapshots(snap(exact(0)), snap(exact(0)), 'b').recommendation, dec(0))).toBeNull();
  });

  it('an unknown route cannot pass the gate', () => {
    const c = compareSnapshots(snap(exact(100)), snap(UNKNOWN, false), 'b');
    expect(c.recommendation.change).toBeNull();
    expect(increaseGate(c.recommendation, dec(50))).toBe(
      "gate failed: the recommended route's monthly cost under the current prices is unknown (no complete route), so a rise over 50% cannot be ruled out (--fail-on-increase 50)",
    );
  });

  it('reads each honesty marker back from JSON', () => {
    expect(markerOf(figureFromJson({ monthlyUsd: '140.00', monthlyUsdLow: '70.00', monthlyUsdHigh: '140.00', approx: true, marker: 'range' }))).toBe('range');
    expect(markerOf(figureFromJson({ monthlyUsd: null, monthlyUsdLow: '64.00', monthlyUsdHigh: null, approx: true }))).toBe('from');
    expect(markerOf(figureFromJson({ monthlyUsd: null }))).toBe('unknown');
    const approx = figureFromJson({ monthlyUsd: '50.00', approx: true });
    expect([markerOf(approx), approx.low!.toString()]).toEqual(['approx', '50']);
  });

  it('readBaseline refuses another scenario with the field located', () => {
    const text =
      '{\n  "schemaVersion": 1,\n  "scenario": "A",\n  "asOf": "2026-06-01",\n  "totals": [],\n  "recommendation": {"monthlyUsd": null, "complete": false, "workloads": []}\n}\n';
    expect(() => readBaseline(text, 'b.json', 'B')).toThrow(InputError);
    try {
      readBaseline(text, 'b.json', 'B');
    } catch (error) {
      expect((error as InputError).problems[0]).toMatchObject({ file: 'b.json', line: 3, column: 15, field: 'scenario' });
    }
    expect(readBaseline(text, 'b.json', 'A').snapshot.route.complete).toBe(false);
  });
});
