// `vidcost estimate` as a user runs it: the built binary, exact output in every format, exit codes.
// Golden numbers (checked by hand, see golden.yaml):
//   drafts 400 clips × 10 s × 3 generations = 12,000 billed seconds a month
//     runway/gen4-turbo 12,000 × $0.05 = $600.00; fal/kling-3.0-pro 12,000 × $0.112 = $1,344.00;
//     kling/kling-3.0 12,000 × $0.07–$0.14 = $840.00–$1,680.00
//   hero 10 × 10 s × 3 = 300 s, audio: only kling/kling-3.0 has audio, 300 × $0.07–$0.14 = $21.00–$42.00
//   route $600.00 + $21.00–$42.00 = $621.00–$642.00, within the $700 ceiling
//   plan capacity: 6 credits/s × 10 s × 3 = 180 credits per kept draft; 660 ÷ 180 = 3.67 -> 3.6 clips
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, FIXTURES, ROOT, tempDir, vidcost, vidcostInProcess } from './helpers.js';

const golden = join(FIXTURES, 'scenarios', 'golden.yaml');

describe('vidcost estimate output', () => {
  it('prints the table format exactly, within 80 columns', () => {
    const r = vidcost(['estimate', golden]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expectGolden(r.stdout, join(FIXTURES, 'scenarios', 'golden.table.txt'));
    expect(r.stdout).toContain('Cheapest route: ~$621.00–$642.00/month, within the $700.00 ceiling');
    expect(r.stdout).toContain('runway/gen4-turbo         ~$0.05             ~$600.00   cheapest');
    // advisories wrap at 80 columns; read them as one line
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Kling Standard: 660 credits ÷ 180 credits per kept clip = 3 whole clips a month');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('prints Markdown exactly, prices escaped so GitHub renders no math or strikethrough', () => {
    const r = vidcost(['estimate', golden, '--format', 'markdown']);
    expectGolden(r.stdout, join(FIXTURES, 'scenarios', 'golden.md'));
    expect(r.stdout.split('\n')[0]).toBe('**Cheapest route: \\~\\$621.00–\\$642.00/month, within the \\$700.00 ceiling**');
    expect(r.stdout).toContain('| runway/gen4-turbo | \\~\\$0.05 | \\~\\$1.50 | \\~\\$600.00 | cheapest |');
  });

  it('prints CSV exactly', () => {
    const r = vidcost(['estimate', golden, '--format', 'csv']);
    expectGolden(r.stdout, join(FIXTURES, 'scenarios', 'golden.csv'));
    expect(r.stdout.split('\n')[1]).toBe('Golden clips,2026-06-01,api,drafts,runway/gen4-turbo,true,,0.05,1.50,600.00,,,approx,true');
  });

  it('prints JSON per docs/reports-and-ci.md, money as decimal strings', () => {
    const r = vidcost(['estimate', golden, '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, scenario: 'Golden clips', asOf: '2026-06-01', currency: 'USD' });
    const drafts = json.workloads[0];
    expect(drafts.name).toBe('drafts');
    expect(drafts.options.map((o: { offering: string }) => o.offering)).toEqual(['runway/gen4-turbo', 'fal/kling-3.0-pro', 'kling/kling-3.0']);
    expect(drafts.options[0]).toMatchObject({ offering: 'runway/gen4-turbo', eligible: true, reason: null, usdPerSecond: '0.05', monthlyUsd: '600.00' });
    expect(drafts.options[2]).toMatchObject({ monthlyUsd: '1680.00', monthlyUsdLow: '840.00', monthlyUsdHigh: '1680.00' });
    const hero = json.workloads[1];
    expect(hero.options[0]).toMatchObject({ offering: 'runway/gen4-turbo', eligible: false, reason: 'lacks audio', monthlyUsd: null });
    expect(json.totals).toEqual([
      expect.objectContaining({ offering: 'runway/gen4-turbo', eligible: false, monthlyUsd: null }),
      expect.objectContaining({ offering: 'fal/kling-3.0-pro', eligible: false, monthlyUsd: null }),
      expect.objectContaining({ offering: 'kling/kling-3.0', eligible: true, monthlyUsd: '1722.00', monthlyUsdLow: '861.00', monthlyUsdHigh: '1722.00' }),
    ]);
    expect(json.recommendation).toMatchObject({
      workloads: [
        { workload: 'drafts', offering: 'runway/gen4-turbo', monthlyUsd: '600.00' },
        { workload: 'hero', offering: 'kling/kling-3.0', monthlyUsd: '42.00', monthlyUsdLow: '21.00', monthlyUsdHigh: '42.00' },
      ],
      monthlyUsd: '642.00',
      monthlyUsdLow: '621.00',
      monthlyUsdHigh: '642.00',
      complete: true,
    });
    expect(json.advisories.map((a: { code: string }) => a.code)).toEqual(['subscription-not-api', 'subscription-not-api', 'plan-capacity', 'plan-capacity']);
    for (const a of json.advisories) expect(['info', 'warning', 'error']).toContain(a.severity);
  });
});

describe('vidcost estimate exit status', () => {
  it('--fail-on-ceiling exits 1 over the ceiling and says why', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    // 100 clips × 10 s × $0.05 × 3 = $150.00 against a $149.99 ceiling
    writeFileSync(
      file,
      'version: 1\nname: gate\nas_of: 2026-06-01\nofferings: [runway/gen4-turbo]\nbudget: { monthly_ceiling_usd: 149.99 }\nworkloads:\n  - { name: w, clips_per_month: 100, seconds_per_clip: 10 }\n',
    );
    const r = vidcost(['estimate', file, '--fail-on-ceiling']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('vidcost: gate failed: the recommended route costs $150.00/month, over the $149.99 ceiling (--fail-on-ceiling)\n');
    expect(vidcost(['estimate', file]).status).toBe(0);
  });

  it('--fail-on-ceiling exits 0 when the ceiling is met exactly', () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(
      file,
      'version: 1\nname: gate\nas_of: 2026-06-01\nofferings: [runway/gen4-turbo]\nbudget: { monthly_ceiling_usd: 150 }\nworkloads:\n  - { name: w, clips_per_month: 100, seconds_per_clip: 10 }\n',
    );
    const r = vidcost(['estimate', file, '--fail-on-ceiling']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Cheapest route: ~$150.00/month, within the $150.00 ceiling');
  });

  it('names file, line, column and field of every error, with the near miss, exit 2, no stack', () => {
    const r = vidcost(['estimate', join(FIXTURES, 'scenarios', 'typo.yaml'), '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // the unknown offering id with the schema's problems, all at once
    expect(r.stderr).toBe(
      'vidcost: test/fixtures/scenarios/typo.yaml:3:13: offerings[0]: unknown offering "runway/gen4turbo" in the prices in force on 2026-06-01 (did you mean runway/gen4-turbo?)\n' +
        'vidcost: test/fixtures/scenarios/typo.yaml:8:17: workloads[0].resolution: expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, 4k, found 1080 (did you mean 1080p?)\n' +
        'vidcost: test/fixtures/scenarios/typo.yaml:9:5: workloads[0].regeneraton_factor: unknown field "regeneraton_factor" (did you mean regeneration_factor?)\n',
    );
    const ids = vidcost(['estimate', join(FIXTURES, 'scenarios', 'typo-offering.yaml'), '--as-of', '2026-06-01']);
    expect(ids.status).toBe(2);
    expect(ids.stderr).toBe(
      'vidcost: test/fixtures/scenarios/typo-offering.yaml:3:13: offerings[0]: unknown offering "runway/gen4turbo" in the prices in force on 2026-06-01 (did you mean runway/gen4-turbo?)\n',
    );
    expect(ids.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a missing file and a bad --format are usage errors (exit 2)', () => {
    expect(vidcost(['estimate', 'nope.yaml'])).toMatchObject({ status: 2, stderr: 'vidcost: nope.yaml: no such file\n' });
    expect(vidcost(['estimate', golden, '--format', 'xml']).status).toBe(2);
    expect(vidcost(['estimate']).status).toBe(2);
  });
});

describe('vidcost estimate --out', () => {
  it('writes the report atomically and refuses to replace a file without --force', () => {
    const dir = tempDir();
    const out = join(dir, 'report.json');
    expect(vidcost(['estimate', golden, '--format', 'json', '--out', out]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario).toBe('Golden clips');
    writeFileSync(out, 'mine');
    const refused = vidcost(['estimate', golden, '--format', 'json', '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('already exists; pass --force to replace it');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(vidcost(['estimate', golden, '--format', 'json', '--out', out, '--force']).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).scenario).toBe('Golden clips');
    expect(readdirSync(dir).filter((f) => f.startsWith('.vidcost-tmp'))).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });

  it('without --format, writes what the file name asks for: never a table in a .json file', async () => {
    const dir = tempDir();
    for (const [name, starts] of [
      ['r.json', '{\n  "schemaVersion": 1,'],
      ['r.md', '**Cheapest route: '],
      ['r.csv', 'scenario,asOf,channel,workload,offering,'],
      ['r.HTML', '<!DOCTYPE html>'],
      ['r.txt', 'vidcost estimate: Golden clips'],
    ] as const) {
      expect((await vidcostInProcess(['estimate', golden, '--out', join(dir, name)])).status, name).toBe(0);
      expect(readFileSync(join(dir, name), 'utf8').startsWith(starts), name).toBe(true);
    }
    // --format wins over the extension; an extension a command cannot write is refused, not ignored
    expect((await vidcostInProcess(['estimate', golden, '--format', 'csv', '--out', join(dir, 'x.json')])).status).toBe(0);
    expect(readFileSync(join(dir, 'x.json'), 'utf8').startsWith('scenario,')).toBe(true);
    const rates = await vidcostInProcess(['rates', '--out', join(dir, 'rates.html')]);
    expect(rates.status).toBe(2);
    expect(rates.stderr).toContain('asks for html by its extension, which this command does not write: give --format (table, json, markdown, csv)');
    expect(existsSync(join(dir, 'rates.html'))).toBe(false);
  });
});

describe('the clock is an input', () => {
  it('as_of defaults to today, which the shell supplies', async () => {
    const dir = tempDir();
    const file = join(dir, 's.yaml');
    writeFileSync(file, 'version: 1\nname: today\nofferings: [openai/sora-2-pro]\nworkloads:\n  - { name: w, clips_per_month: 1, seconds_per_clip: 10 }\n');
    const before = await vidcostInProcess(['estimate', file, '--format', 'json'], { today: '2026-06-01' });
    expect(JSON.parse(before.stdout)).toMatchObject({ asOf: '2026-06-01', recommendation: { monthlyUsd: '21.00' } });
    const after = await vidcostInProcess(['estimate', file, '--format', 'json'], { today: '2026-11-25' });
    const json = JSON.parse(after.stdout);
    expect(json.asOf).toBe('2026-11-25');
    expect(json.workloads[0].options[0]).toMatchObject({ eligible: false, reason: 'shut down on 2026-09-24' });
    expect(json.advisories.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['sunset', 'stale-prices', 'no-eligible-offering']));
  });

  it('--help shows a worked example', () => {
    const r = vidcost(['estimate', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ vidcost estimate scenarios/social-drafts.yaml --as-of 2026-06-01');
  });

  it("every bundled file a command's help example names exists, so a user can run it as written", () => {
    // init is left out: its examples name the file it is about to write
    const commands = ['estimate', 'rates', 'validate', 'schema', 'diff', 'forecast', 'sweep', 'actuals', 'prices check', 'prices sources', 'prices next'];
    const named: string[] = [];
    for (const command of commands) {
      const help = vidcost([...command.split(' '), '--help']).stdout;
      for (const line of help.split('\n').filter((l) => l.trim().startsWith('$ vidcost'))) {
        named.push(...(line.match(/\b(?:pricing-data|scenarios)\/\S+\.ya?ml\b/g) ?? []));
      }
    }
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
  });
});
