// `vidcost validate [PATH...]` through the built binary: the bundled sheets and scenarios pass;
// broken hypothetical fixtures (test/fixtures/sheets/) fail with exit 2, one line per problem naming
// file:line:column and field, with "did you mean ...?" for near misses. Line and column numbers
// below were counted by hand in the fixture files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, vidcost } from './helpers.js';

const SHEETS = 'test/fixtures/sheets';

/** The bundled sheets, counted from the folder rather than hard-coded. */
const bundledSheetCount = readdirSync(join(ROOT, 'pricing-data')).reduce(
  (n, vendor) => n + readdirSync(join(ROOT, 'pricing-data', vendor)).filter((f) => /\.ya?ml$/.test(f)).length,
  0,
);
const bundledScenarioCount = readdirSync(join(ROOT, 'scenarios')).filter((f) => /\.ya?ml$/.test(f)).length;

/** The "vidcost: file:line:column: field: ..." lines of stderr, without the closing summary. */
function problems(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l && !/^vidcost: \d+ of \d+ files invalid$/.test(l));
}

describe('valid files', () => {
  it('checks the bundled price sheets by default', () => {
    const r = vidcost(['validate']);
    // the 2026-06-01 sheet of each of fal, kling, luma, openai, pika, replicate, runway, and the
    // 2026-12-01 sheets of all but pika, with google, lightricks and vertex new: 7 + 9 = 16
    expect(bundledSheetCount).toBe(16);
    expect(r).toEqual({ status: 0, stdout: `${bundledSheetCount} files valid (${bundledSheetCount} price sheets)\n`, stderr: '' });
  });

  it('checks a pricing folder, a single sheet, and the bundled scenarios', () => {
    expect(vidcost(['validate', 'pricing-data']).stdout).toBe(`${bundledSheetCount} files valid (${bundledSheetCount} price sheets)\n`);
    expect(vidcost(['validate', 'pricing-data/runway/2026-06-01.yaml'])).toEqual({ status: 0, stdout: '1 file valid (1 price sheet)\n', stderr: '' });
    const scenarios = vidcost(['validate', 'scenarios']);
    expect(scenarios.stderr).toBe('');
    expect(scenarios.status).toBe(0);
    expect(scenarios.stdout).toBe(
      `${bundledScenarioCount} file${bundledScenarioCount === 1 ? '' : 's'} valid (${bundledScenarioCount} scenario${bundledScenarioCount === 1 ? '' : 's'})\n`,
    );
  });

  it('tells scenarios from sheets by their top-level workloads: key', () => {
    expect(vidcost(['validate', `${SHEETS}/scenario-dir`])).toEqual({ status: 0, stdout: '2 files valid (2 scenarios)\n', stderr: '' });
    expect(vidcost(['validate', `${SHEETS}/mixed`])).toEqual({ status: 0, stdout: '2 files valid (1 price sheet, 1 scenario)\n', stderr: '' });
  });

  it('walks nested folders and counts a file named twice once', () => {
    // in-force/acme/2026-01-01.yaml and 2026-07-01.yaml (hypothetical)
    expect(vidcost(['validate', `${SHEETS}/in-force`, `${SHEETS}/in-force/acme/2026-01-01.yaml`]).stdout).toBe('2 files valid (2 price sheets)\n');
  });
});

describe('broken price sheets (hypothetical fixtures)', () => {
  it('names file:line:column and field for each problem, with near misses', () => {
    const r = vidcost(['validate', `${SHEETS}/broken/typos.yaml`]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = problems(r.stderr);
    const file = `${SHEETS}/broken/typos.yaml`;
    // line 12 is "    chanels: [api]": the key starts in column 5
    expect(lines).toContainEqual(`vidcost: ${file}:12:5: offerings[0].chanels: unknown field "chanels" (did you mean channels?)`);
    // line 14 is "      - { resolution: 1800p, ...": the value starts in column 23
    const resolution = lines.find((l) => l.startsWith(`vidcost: ${file}:14:23: offerings[0].rates[0].resolution: `));
    expect(resolution).toBeDefined();
    expect(resolution).toMatch(/expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, 4k, found .*"1800p" \(did you mean 1080p\?\)$/);
    // every line names file:line:column and a field
    for (const line of lines) expect(line).toMatch(new RegExp(`^vidcost: ${file}:\\d+:\\d+: offerings\\[0\\]\\.\\S+: `));
    expect(r.stderr).not.toMatch(/files? invalid/); // one file: no summary needed
  });

  it('refuses a figure written outside the sheet syntax', () => {
    const r = vidcost(['validate', `${SHEETS}/broken/bad-figure.yaml`]);
    expect(r.status).toBe(2);
    // line 15 is "        usd_per_second: about 0.2": the value starts in column 25
    expect(problems(r.stderr)).toEqual([
      `vidcost: ${SHEETS}/broken/bad-figure.yaml:15:25: offerings[0].rates[0].usd_per_second: expected a figure like 0.01, ~12, from ~0.32, ~0.07-0.14 or unknown, found "about 0.2"`,
    ]);
  });

  it('reports YAML errors at their line', () => {
    const r = vidcost(['validate', `${SHEETS}/broken/syntax.yaml`]);
    expect(r.status).toBe(2);
    // line 4 repeats the key "vendor:" of line 2
    expect(problems(r.stderr)).toHaveLength(1);
    expect(problems(r.stderr)[0]).toMatch(new RegExp(`^vidcost: ${SHEETS}/broken/syntax\\.yaml:4:1: .*duplicate key`));
  });

  it('lists every broken file of a folder, file by file, then how many are invalid', () => {
    const r = vidcost(['validate', `${SHEETS}/broken`]);
    expect(r.status).toBe(2);
    const files = problems(r.stderr).map((l) => /^vidcost: ([^:]+):/.exec(l)![1]);
    expect([...new Set(files)]).toEqual([`${SHEETS}/broken/bad-figure.yaml`, `${SHEETS}/broken/syntax.yaml`, `${SHEETS}/broken/typos.yaml`]);
    // each file's problems from top to bottom
    const typoLines = problems(r.stderr)
      .filter((l) => l.includes('typos.yaml'))
      .map((l) => Number(/:(\d+):\d+: /.exec(l)![1]));
    expect(typoLines).toEqual([...typoLines].sort((a, b) => a - b));
    expect(r.stderr.endsWith('vidcost: 3 of 3 files invalid\n')).toBe(true);
  });

  it('catches a sheet whose vendor and date disagree with its path', () => {
    const file = `${SHEETS}/mismatch/runway/2026-06-01.yaml`;
    const r = vidcost(['validate', file]);
    expect(r.status).toBe(2);
    // line 3 "vendor: pika" and line 4 "effective: 2026-06-02": values at columns 9 and 12
    expect(problems(r.stderr)).toEqual([
      `vidcost: ${file}:3:9: vendor: the sheet says vendor "pika" but sits in the folder "runway"`,
      `vidcost: ${file}:4:12: effective: the sheet says effective 2026-06-02 but its file name says 2026-06-01`,
    ]);
  });

  it('catches two sheets for one vendor and date', () => {
    const r = vidcost(['validate', `${SHEETS}/duplicate`]);
    expect(r.status).toBe(2);
    // b.yaml line 3 "effective: 2026-06-01": value at column 12
    expect(problems(r.stderr)).toEqual([
      `vidcost: ${SHEETS}/duplicate/b.yaml:3:12: effective: ${SHEETS}/duplicate/a.yaml is already the acme sheet effective 2026-06-01; a vendor has one sheet per date`,
    ]);
    expect(r.stderr.endsWith('vidcost: 1 of 2 files invalid\n')).toBe(true);
  });

  it("catches api_through naming an offering the aggregator's sheet does not have", () => {
    const r = vidcost(['validate', `${SHEETS}/cross-ref`]);
    expect(r.status).toBe(2);
    // line 13 "    api_through: [agg/clipper-pro]": the list item at column 19
    expect(problems(r.stderr)).toEqual([
      `vidcost: ${SHEETS}/cross-ref/acme/2026-06-01.yaml:13:19: offerings[0].api_through[0]: no sheet offers "agg/clipper-pro" (did you mean agg/clipper?)`,
    ]);
  });

  it('the bundled api_through references all resolve (kling → fal/kling-3.0-*, pika → fal/pika-2.5)', () => {
    expect(vidcost(['validate', 'pricing-data']).status).toBe(0);
  });
});

describe('broken scenarios', () => {
  it('checks fields, offering ids and override vendors, with near misses', () => {
    const dir = `${SHEETS}/scenario-broken`;
    const r = vidcost(['validate', dir]);
    expect(r.status).toBe(2);
    const lines = problems(r.stderr);
    // field-typo.yaml line 7 "    clips_per_mnth: 500": the key at column 5
    expect(lines).toContainEqual(
      `vidcost: ${dir}/field-typo.yaml:7:5: workloads[0].clips_per_mnth: unknown field "clips_per_mnth" (did you mean clips_per_month?)`,
    );
    // unknown-offering.yaml line 5 "offerings: [runway/gen4turbo]": the item at column 13
    expect(lines).toContainEqual(
      `vidcost: ${dir}/unknown-offering.yaml:5:13: offerings[0]: unknown offering "runway/gen4turbo" in the prices in force on 2026-06-01 (did you mean runway/gen4-turbo?)`,
    );
    // line 7 "  lumma: { usd_per_credit: 0.004 }": the value at column 10
    expect(lines.find((l) => l.startsWith(`vidcost: ${dir}/unknown-offering.yaml:7:10: overrides.lumma: unknown vendor "lumma"`))).toMatch(
      /\(did you mean luma\?\)$/,
    );
    // parsed as scenarios, never as price sheets
    expect(r.stderr).not.toMatch(/vendor: missing|"workloads"/);
    expect(r.stderr.endsWith('vidcost: 2 of 2 files invalid\n')).toBe(true);
  });

  it('checks offering ids against the sheets in force at --as-of', () => {
    // Before 2026-06-01 no bundled sheet is in force, so every offering id is unknown: the date is said to be why.
    const r = vidcost(['validate', `${SHEETS}/scenario-dir/drafts.yaml`, '--as-of', '2026-05-31']);
    expect(r.status).toBe(2);
    expect(problems(r.stderr)[0]).toBe(
      `vidcost: ${SHEETS}/scenario-dir/drafts.yaml:5:13: offerings[0]: unknown offering "runway/gen4-turbo": no price sheet is in force on 2026-05-31; every sheet takes effect later`,
    );
  });
});

describe('validate --pricing', () => {
  it('checks scenarios against another pricing folder (hypothetical vendor acme only)', () => {
    const r = vidcost(['validate', `${SHEETS}/scenario-dir/hero.yaml`, '--pricing', `${SHEETS}/in-force`]);
    expect(r.status).toBe(2);
    // hero.yaml line 10 "  luma: { usd_per_credit: 0.004 }": the value at column 9
    expect(r.stderr).toBe(`vidcost: ${SHEETS}/scenario-dir/hero.yaml:10:9: overrides.luma: unknown vendor "luma" (known: acme)\n`);
    // against the bundled sheets the same file is valid
    expect(vidcost(['validate', `${SHEETS}/scenario-dir/hero.yaml`]).status).toBe(0);
  });
});

describe('paths that are not there', () => {
  it('a missing path', () => {
    const r = vidcost(['validate', 'no-such-file.yaml']);
    expect(r).toEqual({ status: 2, stdout: '', stderr: 'vidcost: no-such-file.yaml: no such file or folder\n' });
  });

  it('a missing path beside good ones still checks the good ones', () => {
    const r = vidcost(['validate', 'no-such-file.yaml', 'pricing-data/openai/2026-06-01.yaml']);
    expect(r.status).toBe(2);
    // the missing path counts as one of the two checked, and the good sheet raises nothing
    expect(r.stderr).toBe('vidcost: no-such-file.yaml: no such file or folder\nvidcost: 1 of 2 files invalid\n');
  });

  it('a folder without YAML files', () => {
    const r = vidcost(['validate', `${SHEETS}/empty-dir`]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `vidcost: ${SHEETS}/empty-dir: no .yaml files in this folder\n` });
  });

  it('a bad --as-of', () => {
    const r = vidcost(['validate', '--as-of', '2026-02-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('vidcost: --as-of: expected a date written YYYY-MM-DD, found "2026-02-30"\n');
  });
});

describe('the README', () => {
  it('shows the real output of vidcost validate', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
    const start = readme.indexOf('$ vidcost validate test/fixtures/sheets/broken/typos.yaml test/fixtures/sheets/mismatch');
    expect(start).toBeGreaterThan(0);
    const end = readme.findIndex((l, i) => i > start && l === '```');
    const r = vidcost(['validate', `${SHEETS}/broken/typos.yaml`, `${SHEETS}/mismatch`]);
    expect(r.status).toBe(2);
    expect(`${readme.slice(start + 1, end).join('\n')}\n`).toBe(r.stderr);
    const ok = readme.indexOf('$ vidcost validate');
    expect(ok).toBeGreaterThan(0);
    expect(readme[ok + 1]).toBe(vidcost(['validate']).stdout.trimEnd());
  });
});
