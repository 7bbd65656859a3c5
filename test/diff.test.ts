// `vidcost diff`: every kind of change, the scenario impact, the gates and the golden outputs, all
// against the HYPOTHETICAL sheets under test/fixtures/diff/ (made-up vendors "acme" and "credco").
// Every expected figure is worked by hand in the comment beside it.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCatalogs, diffSheets, type DiffReport, type RateChange } from '../src/engine/diff.js';
import { increaseGate } from '../src/engine/compare.js';
import { dec } from '../src/money/decimal.js';
import { catalogAt } from '../src/pricing/catalog.js';
import { sheetFromData } from '../src/pricing/load-sheet.js';
import { parseScenario } from '../src/scenario/parse.js';
import { readSheets } from '../src/cli/sheets.js';
import { expectGolden, FIXTURES, ROOT, tempDir, vidcost } from './helpers.js';

const DIR = join(FIXTURES, 'diff');
const sheetsA = readSheets(join(DIR, 'pricing-a'), DIR);
const sheetsB = readSheets(join(DIR, 'pricing-b'), DIR);
const sheetsDated = readSheets(join(DIR, 'pricing-dated'), DIR);
const scenario = parseScenario(readFileSync(join(DIR, 'scenario.yaml'), 'utf8'), 'scenario.yaml');

const s = (d: { toString(): string } | null | undefined) => (d === null || d === undefined ? null : d.toString());

function rate(report: DiffReport, offering: string, pick: (r: RateChange) => boolean = () => true): RateChange {
  const found = report.rates.filter((r) => r.offering === offering && pick(r));
  expect(found).toHaveLength(1);
  return found[0]!;
}

// pricing-a/ against pricing-b/, both read on 2026-07-01 (pricing-b's sheets take effect that day).
const folders = diffSheets(
  { sheets: sheetsA, asOf: '2026-07-01' },
  { sheets: sheetsB, asOf: '2026-07-01' },
  { baseLabel: 'pricing-a', nowLabel: 'pricing-b', scenario },
);

describe('diff: rates, normalized to USD per second', () => {
  it('a USD-per-second price that rose', () => {
    // acme/fast 0.10 → 0.12: +0.02; 0.02 ÷ 0.10 × 100 = +20%
    const r = rate(folders, 'acme/fast');
    expect(r.status).toBe('changed');
    expect([s(r.usdPerSecond.base), s(r.usdPerSecond.now), s(r.usdPerSecond.change), s(r.usdPerSecond.pct)]).toEqual(['0.1', '0.12', '0.02', '20']);
  });

  it('a price that fell at one resolution, the other resolution unchanged', () => {
    // acme/pro 720p 0.30 → 0.27: -0.03; -0.03 ÷ 0.30 × 100 = -10%. 1080p 0.50 → 0.50.
    const p720 = rate(folders, 'acme/pro', (r) => r.resolution === '720p');
    expect([s(p720.usdPerSecond.change), s(p720.usdPerSecond.pct)]).toEqual(['-0.03', '-10']);
    const p1080 = rate(folders, 'acme/pro', (r) => r.resolution === '1080p');
    expect(p1080.status).toBe('unchanged');
    expect(s(p1080.usdPerSecond.change)).toBe('0');
  });

  it('credits per second unchanged, but the credit value changed the dollars', () => {
    // credco/v1 API: 15 credits/s × $0.01 = $0.15 → 15 × $0.012 = $0.18: +$0.03, 0.03 ÷ 0.15 = +20%
    const api = rate(folders, 'credco/v1', (r) => r.channel === 'api');
    expect(api.status).toBe('changed');
    expect([s(api.creditsPerSecond.base), s(api.creditsPerSecond.now), s(api.creditsPerSecond.change)]).toEqual(['15', '15', '0']);
    expect([s(api.usdPerSecond.base), s(api.usdPerSecond.now), s(api.usdPerSecond.change), s(api.usdPerSecond.pct)]).toEqual(['0.15', '0.18', '0.03', '20']);
    expect(api.notes).toEqual(['credit value $0.01 → $0.012']);
    // web app: 20 credits/s × ($10 ÷ 500 = $0.02) = $0.40 → 20 × ($12 ÷ 500 = $0.024) = $0.48: +$0.08, +20%
    const web = rate(folders, 'credco/v1', (r) => r.channel === 'web-app');
    expect([s(web.usdPerSecond.base), s(web.usdPerSecond.now), s(web.usdPerSecond.change), s(web.usdPerSecond.pct)]).toEqual(['0.4', '0.48', '0.08', '20']);
  });

  it('variants of offerings added and removed', () => {
    const turbo = rate(folders, 'acme/turbo');
    expect([turbo.status, s(turbo.usdPerSecond.base), s(turbo.usdPerSecond.now), s(turbo.usdPerSecond.change)]).toEqual(['added', null, '0.09', null]);
    const legacy = rate(folders, 'acme/legacy');
    expect([legacy.status, s(legacy.usdPerSecond.base), s(legacy.usdPerSecond.now)]).toEqual(['removed', '0.08', null]);
  });

  it('a range whose high end holds still but whose low end moves is a change, and says so', () => {
    // HYPOTHETICAL sheets built in the test: ~0.07-0.14 → ~0.08-0.14; the figure to budget (0.14) is unchanged.
    const sheet = (usd: string, effective: string) =>
      sheetFromData(
        {
          vendor: 'rangeco',
          effective,
          verified: effective,
          provenance: 'aggregator',
          sources: { p: 'https://example.com/rangeco' },
          source: 'p',
          offerings: [{ id: 'rangeco/v', name: 'V', channels: ['api'], rates: [{ usd_per_second: usd }] }],
        },
        null,
      );
    const d = diffCatalogs(catalogAt([sheet('~0.07-0.14', '2026-06-01')], '2026-06-01'), catalogAt([sheet('~0.08-0.14', '2026-06-01')], '2026-06-01'), {
      baseLabel: 'a',
      nowLabel: 'b',
    });
    const r = rate(d, 'rangeco/v');
    expect(r.status).toBe('changed');
    expect(s(r.usdPerSecond.change)).toBe('0');
    expect(r.notes).toEqual(['low end $0.07 → $0.08']);
    // unknown → known is "now priced", never a change from $0
    const u = diffCatalogs(catalogAt([sheet('unknown', '2026-06-01')], '2026-06-01'), catalogAt([sheet('0.05', '2026-06-01')], '2026-06-01'), {
      baseLabel: 'a',
      nowLabel: 'b',
    });
    const ur = rate(u, 'rangeco/v');
    expect([ur.status, s(ur.usdPerSecond.change), s(ur.usdPerSecond.pct)]).toEqual(['changed', null, null]);
    expect(ur.notes).toEqual(['now priced']);
  });
});

describe('diff: offerings, plans and credit values', () => {
  it('offerings added, removed and sunset', () => {
    const by = Object.fromEntries(folders.offerings.map((o) => [o.offering, o]));
    expect(by['acme/turbo']!.status).toBe('added');
    expect(by['acme/legacy']!.status).toBe('removed');
    expect(by['acme/pro']!.status).toBe('sunset');
    expect([by['acme/pro']!.baseSunset, by['acme/pro']!.sunset, by['acme/pro']!.shutDown]).toEqual([null, '2026-12-31', false]);
    expect(by['acme/pro']!.notes).toEqual(['sunset announced: 2026-12-31']);
    expect(by['acme/fast']!.status).toBe('changed');
    expect(by['credco/v1']!.status).toBe('changed');
  });

  it('plan prices and allowances, plans added and removed', () => {
    const by = Object.fromEntries(folders.plans.map((p) => [p.plan, p]));
    // Basic $10 → $12: +$2, 2 ÷ 10 = +20%; 500 credits both sides
    expect([s(by['Basic']!.usdPerMonth.change), s(by['Basic']!.usdPerMonth.pct), s(by['Basic']!.creditsPerMonth.change)]).toEqual(['2', '20', '0']);
    // Plus $30 both sides, 2,000 → 2,500 credits: +500, 500 ÷ 2000 = +25%;
    // per credit $30 ÷ 2000 = $0.015 → $30 ÷ 2500 = $0.012: -0.003, -0.003 ÷ 0.015 = -20%
    expect(by['Plus']!.status).toBe('changed');
    expect([s(by['Plus']!.usdPerMonth.change), s(by['Plus']!.creditsPerMonth.change), s(by['Plus']!.creditsPerMonth.pct)]).toEqual(['0', '500', '25']);
    expect([s(by['Plus']!.usdPerCredit.base), s(by['Plus']!.usdPerCredit.now), s(by['Plus']!.usdPerCredit.change), s(by['Plus']!.usdPerCredit.pct)]).toEqual([
      '0.015',
      '0.012',
      '-0.003',
      '-20',
    ]);
    expect(by['Max']!.status).toBe('added');
    expect(by['Old']!.status).toBe('removed');
  });

  it('credit values: the API credit and the reference plan credit', () => {
    const api = folders.creditValues.find((c) => c.basis === 'api')!;
    // $0.01 → $0.012: +0.002, 0.002 ÷ 0.01 = +20%
    expect([api.vendor, api.status, s(api.usdPerCredit.change), s(api.usdPerCredit.pct)]).toEqual(['credco', 'changed', '0.002', '20']);
    const plan = folders.creditValues.find((c) => c.basis === 'plan')!;
    // Basic: $10 ÷ 500 = $0.02 → $12 ÷ 500 = $0.024: +0.004, +20%
    expect([plan.plan, s(plan.usdPerCredit.base), s(plan.usdPerCredit.now), s(plan.usdPerCredit.pct)]).toEqual(['Basic', '0.02', '0.024', '20']);
  });
});

describe('diff --scenario: monthly cost impact', () => {
  // Generated seconds a month: drafts 200 clips × 5 s × 3 generations = 3,000 s (720p);
  // finals 20 × 10 s × 2 = 400 s (1080p).
  const c = folders.impact!.comparison;
  const total = (id: string) => c.totals.find((t) => t.offering === id)!;

  it('per offering', () => {
    // acme/fast: 3,400 s × $0.10 = $340 → × $0.12 = $408: +$68, 68 ÷ 340 = +20%
    expect([s(total('acme/fast').base), s(total('acme/fast').now), s(total('acme/fast').change), s(total('acme/fast').pct)]).toEqual([
      '340',
      '408',
      '68',
      '20',
    ]);
    // acme/pro: 3,000 × 0.30 + 400 × 0.50 = 900 + 200 = $1,100 → 3,000 × 0.27 + 200 = $1,010: -$90, -90 ÷ 1100 = -8.1818…%
    expect([s(total('acme/pro').change), total('acme/pro').pct!.toFixed(4)]).toEqual(['-90', '-8.1818']);
    // credco/v1: 3,400 × $0.15 = $510 → × $0.18 = $612: +$102, +20%
    expect([s(total('credco/v1').base), s(total('credco/v1').now), s(total('credco/v1').pct)]).toEqual(['510', '612', '20']);
    // acme/turbo is new: 3,400 × $0.09 = $306; acme/legacy gone (was 3,400 × $0.08 = $272)
    expect([total('acme/turbo').status, s(total('acme/turbo').now)]).toEqual(['new', '306']);
    expect([total('acme/legacy').status, s(total('acme/legacy').base)]).toEqual(['gone', '272']);
    expect(c.newOfferings).toEqual(['acme/turbo']);
    expect(c.goneOfferings).toEqual(['acme/legacy']);
  });

  it('on the recommended route', () => {
    // base: everything on acme/legacy, $272; new: everything on acme/turbo, $306: +$34, 34 ÷ 272 = +12.5%
    const r = c.recommendation;
    expect([r.baseOfferings, r.offerings]).toEqual([['acme/legacy'], ['acme/turbo']]);
    expect([s(r.base), s(r.now), s(r.change), s(r.pct)]).toEqual(['272', '306', '34', '12.5']);
    // drafts 3,000 × 0.08 = $240 → 3,000 × 0.09 = $270; finals 400 × 0.08 = $32 → 400 × 0.09 = $36
    expect(r.workloads.map((w) => [w.workload, s(w.change.base), s(w.change.now)])).toEqual([
      ['drafts', '240', '270'],
      ['finals', '32', '36'],
    ]);
  });

  it('the increase gate: exactly at the threshold passes, above it fails', () => {
    const r = c.recommendation;
    expect(increaseGate(r, dec('12.5'))).toBeNull();
    expect(increaseGate(r, dec('13'))).toBeNull();
    expect(increaseGate(r, dec('12.49'))).toBe(
      "gate failed: the recommended route's monthly cost rose by 12.5% ($272.00 → $306.00), more than the 12.49% allowed (--fail-on-increase 12.49)",
    );
  });
});

describe('diff --from --to over versioned sheets', () => {
  const dated = diffSheets(
    { sheets: sheetsDated, asOf: '2026-06-01' },
    { sheets: sheetsDated, asOf: '2026-09-01' },
    { baseLabel: 'x', nowLabel: 'x', scenario },
  );

  it("takes each date's sheet in force and sees a sunset pass", () => {
    // acme/fast 0.10 (sheet of 2026-06-01) → 0.11 (sheet of 2026-09-01): +0.01, +10%
    const fast = rate(dated, 'acme/fast');
    expect([s(fast.usdPerSecond.change), s(fast.usdPerSecond.pct)]).toEqual(['0.01', '10']);
    expect([dated.base.sheets[0]!.effective, dated.now.sheets[0]!.effective]).toEqual(['2026-06-01', '2026-09-01']);
    // acme/legacy: sunset 2026-08-01 lies between the two dates
    const legacy = dated.offerings.find((o) => o.offering === 'acme/legacy')!;
    expect([legacy.status, legacy.baseShutDown, legacy.shutDown, legacy.notes]).toEqual(['sunset', false, true, ['shut down on 2026-08-01']]);
  });

  it('and the route moves off the shut-down offering', () => {
    // base: acme/legacy 3,400 s × $0.08 = $272; new: legacy shut down, acme/fast 3,400 × $0.11 = $374
    // +$102, 102 ÷ 272 = +37.5%
    const r = dated.impact!.comparison.recommendation;
    expect([r.baseOfferings, r.offerings, s(r.base), s(r.now), s(r.change), s(r.pct)]).toEqual([['acme/legacy'], ['acme/fast'], '272', '374', '102', '37.5']);
    expect(dated.impact!.comparison.totals.find((t) => t.offering === 'acme/legacy')!.status).toBe('now-ineligible');
  });
});

describe('vidcost diff (the built CLI)', () => {
  const run = (args: string[]) => vidcost(['diff', ...args], { cwd: DIR });
  const folderArgs = ['--base', 'pricing-a', '--pricing', 'pricing-b', '--as-of', '2026-07-01', '--scenario', 'scenario.yaml'];

  it('golden table output, folders with a scenario', () => {
    const r = run(folderArgs);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectGolden(r.stdout, join(DIR, 'golden', 'diff-folders-scenario.txt'));
  });

  it('golden Markdown: summary line first, then the compact table, details, advisories', () => {
    const r = run([...folderArgs, '--format', 'markdown']);
    expect(r.status).toBe(0);
    expectGolden(r.stdout, join(DIR, 'golden', 'diff-folders-scenario.md'));
    // $272.00 → $306.00 is +$34.00, +12.5%; `$` is escaped so GitHub never reads it as math
    expect(r.stdout.split('\n')[0]).toBe('**Monthly cost +\\$34.00 (+12.5%): \\$272.00 → \\$306.00**');
    const lines = r.stdout.split('\n');
    expect(lines.findIndex((l) => l.startsWith('| Offering |'))).toBeLessThan(lines.findIndex((l) => l === '#### Advisories'));
    // info advisories stay out of a PR comment; warnings and errors stay in
    expect(r.stdout).not.toContain('`plan-capacity`');
    expect(r.stdout).toContain('- **error** `over-ceiling`');
  });

  it('Markdown escapes names holding HTML', () => {
    const r = run(['--base', 'pricing-a', '--pricing', 'pricing-b', '--as-of', '2026-07-01', '--scenario', 'xss-scenario.yaml', '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/<img|<script|<\/td>/i);
    expect(r.stdout).toContain('scenario "&lt;img src=x onerror="window.\\_\\_vidcostXss=1;alert(1)"&gt; launch"');
    expect(r.stdout).toContain(
      '&lt;/td&gt;&lt;script&gt;window.\\_\\_vidcostXss=2;alert(2)&lt;/script&gt;drafts: acme/legacy \\$240.00 → acme/turbo \\$270.00',
    );
  });

  it('golden table and Markdown for two sheet files (only their vendor is listed)', () => {
    const files = ['pricing-a/credco/2026-06-01.yaml', 'pricing-b/credco/2026-07-01.yaml'];
    const t = run(files);
    expect(t.status).toBe(0);
    expectGolden(t.stdout, join(DIR, 'golden', 'diff-files.txt'));
    const m = run([...files, '--format', 'markdown']);
    expectGolden(m.stdout, join(DIR, 'golden', 'diff-files.md'));
    expect(t.stdout).not.toContain('acme/');
  });

  it('JSON: decimal strings, every rate with its status, the scenario comparison', () => {
    const r = run([...folderArgs, '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.schemaVersion, j.kind, j.base.label, j.new.label, j.base.asOf]).toEqual([1, 'diff', 'pricing-a', 'pricing-b', '2026-07-01']);
    // 4 rates changed (fast, pro 720p, credco api, credco web app); 1 added, 1 removed, 1 sunset;
    // plans Basic, Plus changed, Max added, Old removed = 4; credit values api and plan = 2
    expect(j.summary).toEqual({ rates: 4, added: 1, removed: 1, sunset: 1, plans: 4, creditValues: 2 });
    const fast = j.rates.find((x: { offering: string }) => x.offering === 'acme/fast');
    expect([fast.status, fast.baseUsdPerSecond, fast.usdPerSecond, fast.changeUsdPerSecond, fast.changePct]).toEqual(['changed', '0.1', '0.12', '0.02', '20']);
    const basic = j.plans.find((x: { plan: string }) => x.plan === 'Basic');
    expect([basic.baseUsdPerMonth, basic.usdPerMonth, basic.changeUsd, basic.changePct]).toEqual(['10.00', '12.00', '2.00', '20']);
    const route = j.scenario.comparison.recommendation;
    expect([route.baseMonthlyUsd, route.monthlyUsd, route.changeUsd, route.changePct]).toEqual(['272.00', '306.00', '34.00', '12.5']);
    expect(j.scenario.advisories.map((a: { code: string }) => a.code)).toContain('over-ceiling');
  });

  it('CSV: one row per change, formulas neutralized', () => {
    const r = run([...folderArgs, '--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe('section,item,variant,status,unit,base,new,change,changePct,notes');
    expect(rows).toContain('rate,acme/fast,any,changed,usd/second,0.1,0.12,0.02,20,');
    expect(rows).toContain('route,acme/turbo,,changed,usd/month,272.00,306.00,34.00,12.5,');
  });

  it('--from/--to over a folder of dated sheets', () => {
    const r = run(['--from', '2026-06-01', '--to', '2026-09-01', '--pricing', 'pricing-dated', '--format', 'json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.summary).toEqual({ rates: 1, added: 0, removed: 0, sunset: 1, plans: 0, creditValues: 0 });
    expect([j.base.asOf, j.new.asOf]).toEqual(['2026-06-01', '2026-09-01']);
  });

  it('gates: --fail-on-increase (at the threshold passes) and --fail-on-ceiling', () => {
    // route +12.5%
    expect(run([...folderArgs, '--format', 'json', '--fail-on-increase', '12.5']).status).toBe(0);
    const over = run([...folderArgs, '--format', 'json', '--fail-on-increase', '12']);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe(
      "vidcost: gate failed: the recommended route's monthly cost rose by 12.5% ($272.00 → $306.00), more than the 12% allowed (--fail-on-increase 12)\n",
    );
    expect(JSON.parse(over.stdout).kind).toBe('diff'); // the report is still written
    // new route $306 against the $300 ceiling
    const ceiling = run([...folderArgs, '--format', 'json', '--fail-on-ceiling']);
    expect(ceiling.status).toBe(1);
    expect(ceiling.stderr).toContain('over the $300.00 ceiling (--fail-on-ceiling)');
  });

  it('bundled prices across the Sora sunset: the route is lost, and the increase gate fails closed', () => {
    // scenarios/brand-spots.yaml: dialogue spots only Sora can serve; Sora shuts down on 2026-09-24
    const r = vidcost([
      'diff',
      '--from',
      '2026-06-01',
      '--to',
      '2026-10-01',
      '--scenario',
      'scenarios/brand-spots.yaml',
      '--format',
      'json',
      '--fail-on-increase',
      '10',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "vidcost: gate failed: the recommended route's monthly cost under the current prices is unknown (no complete route), so a rise over 10% cannot be ruled out (--fail-on-increase 10)\n",
    );
    const j = JSON.parse(r.stdout);
    expect(j.offerings.filter((o: { status: string }) => o.status === 'sunset').map((o: { offering: string }) => o.offering)).toEqual([
      'openai/sora-2',
      'openai/sora-2-pro',
    ]);
    expect(j.summary.rates).toBe(0);
    const route = j.scenario.comparison.recommendation;
    expect([route.baseComplete, route.complete, route.monthlyUsd, route.changeUsd]).toEqual([true, false, null, null]);
  });

  it('usage errors exit 2 with a message', () => {
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('nothing to compare');
    expect(run(['--from', '2026-06-01', '--base', 'pricing-a']).status).toBe(2);
    expect(run(['pricing-a/acme/2026-06-01.yaml']).status).toBe(2);
    const gate = run(['--base', 'pricing-a', '--pricing', 'pricing-b', '--fail-on-increase', '10']);
    expect(gate.status).toBe(2);
    expect(gate.stderr).toContain('--fail-on-increase: needs --scenario FILE');
    expect(run([...folderArgs, '--fail-on-increase', 'ten']).status).toBe(2);
    expect(run(['--from', '2026-13-01', '--pricing', 'pricing-dated']).status).toBe(2);
    // the older file's date cannot read the newer file
    const early = run(['pricing-a/acme/2026-06-01.yaml', 'pricing-b/acme/2026-07-01.yaml', '--as-of', '2026-06-15']);
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('--as-of: 2026-06-15 is before 2026-07-01');
    expect(run(['--base', 'no-such-folder']).status).toBe(2);
  });
});

describe("docs/reports-and-ci.md: the diff, baseline and gate examples are the binary's real output", () => {
  const readme = readFileSync(join(ROOT, 'docs', 'reports-and-ci.md'), 'utf8');
  const start = readme.indexOf('## Price changes: `vidcost diff`');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const blocks = [...section.matchAll(/```\n(\$ vidcost[\s\S]*?)```/g)].map((m) => m[1]!);

  it('has the examples', () => {
    expect(start).toBeGreaterThan(0);
    expect(blocks.length).toBe(4);
  });

  /** Runs a block's `$ ` lines in a scratch folder that sees scenarios/ and test/; checks each output ("..." cuts it short). */
  function check(block: string): void {
    const dir = tempDir();
    symlinkSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'));
    symlinkSync(join(ROOT, 'test'), join(dir, 'test'));
    const parts = block.split(/^\$ /m).filter(Boolean);
    let last = 0;
    for (const part of parts) {
      const [command, ...out] = part.split('\n');
      const expected = out.join('\n');
      if (command === 'echo $?') {
        expect(`${last}\n`).toBe(expected);
        continue;
      }
      const args = command!.split(' ');
      expect(args[0]).toBe('vidcost');
      const r = vidcost(args.slice(1), { cwd: dir });
      last = r.status;
      const shown = args.includes('--out') ? r.stderr : r.stdout;
      if (expected.endsWith('...\n')) expect(shown.startsWith(expected.slice(0, -'...\n'.length))).toBe(true);
      else expect(shown).toBe(expected);
    }
  }

  it('every block', () => {
    for (const block of blocks) check(block);
  });

  it('the refused baseline', () => {
    const line = /^ {4}(vidcost: base\.json:4:15: scenario: .*)$/m.exec(section)![1]!;
    const dir = tempDir();
    symlinkSync(join(ROOT, 'scenarios'), join(dir, 'scenarios'));
    expect(vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-06-01', '--format', 'json', '--out', 'base.json'], { cwd: dir }).status).toBe(
      0,
    );
    const text = readFileSync(join(dir, 'base.json'), 'utf8').replace('"scenario": "Social drafts (high volume)"', '"scenario": "Other feature"');
    writeFileSync(join(dir, 'base.json'), text);
    const r = vidcost(['estimate', 'scenarios/social-drafts.yaml', '--compare-to', 'base.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
  });
});
