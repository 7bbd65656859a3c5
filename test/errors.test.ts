// Errors people can act on: every validation error names file, line, column and field, says what was
// expected and what was found, suggests the near miss; all of a file's errors at once; exit 2 with
// no stack; internal errors exit 3 on one line inviting --debug.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { editDistance, nearMiss } from '../src/errors.js';
import { MAX_ALIASES, MAX_DEPTH, MAX_INPUT_BYTES, MAX_PROBLEMS, MAX_VALUES } from '../src/input/yaml-read.js';
import { FIXTURES, ROOT, tempDir, vidcost, vidcostInProcess } from './helpers.js';

const HOSTILE = join(FIXTURES, 'hostile');
const rel = (name: string) => `test/fixtures/hostile/${name}`;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** No stack frames, no "Error:" dumps: every stderr line is vidcost's own sentence. */
function expectCleanError(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|ZodError)\b/);
  for (const line of lines(stderr)) expect(line).toMatch(/^vidcost: /);
}

describe('validation errors name file, line, column and field, what was expected and what was found', () => {
  it('reports unknown offering ids and vendors together with the schema problems, not after they are fixed (built binary)', () => {
    const r = vidcost(['estimate', rel('typos-and-ids.yaml'), '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectCleanError(r.stderr);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('typos-and-ids.yaml')}:3:1: chanel: unknown field "chanel" (did you mean channel?)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:4:13: offerings[0]: unknown offering "runway/gen4turbo" in the prices in force on 2026-06-01 (did you mean runway/gen4-turbo?)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:4:31: offerings[1]: unknown offering "fal/kling-3.0-por" in the prices in force on 2026-06-01 (did you mean fal/kling-3.0-pro?)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:6:10: overrides.lumaa: unknown vendor "lumaa" (known: fal, google, kling, lightricks, luma, openai, pika, replicate, runway, vertex) (did you mean luma?)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:8:5: workloads[0].seconds_per_clip: missing required field "seconds_per_clip" (expected a number or a mapping)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:10:5: workloads[0].seconds_per_clp: unknown field "seconds_per_clp" (did you mean seconds_per_clip?)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:11:17: workloads[0].resolution: expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, 4k, found text "1800p" (did you mean 1080p?)`,
      `vidcost: ${rel('typos-and-ids.yaml')}:12:16: workloads[0].requires[0]: expected one of editing, hdr, exr, motion_control, lip_sync, audio, dialogue, found text "lipsync" (did you mean lip_sync?)`,
    ]);
    // validate says the same, all at once
    const v = vidcost(['validate', rel('typos-and-ids.yaml'), '--as-of', '2026-06-01']);
    expect(v.status).toBe(2);
    expect(lines(v.stderr)).toEqual(lines(r.stderr));
  });

  it('suggests the field a typo meant inside a vendor override (a mapping of mappings)', async () => {
    const dir = tempDir();
    const file = join(dir, 'override-typo.yaml');
    writeFileSync(
      file,
      'version: 1\nname: t\noverrides:\n  luma: { usd_per_credt: 0.004 }\nworkloads:\n  - { name: w, clips_per_month: 1, seconds_per_clip: 5 }\n',
    );
    const r = await vidcostInProcess(['validate', file, '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:4:11: overrides.luma.usd_per_credt: unknown field "usd_per_credt" (did you mean usd_per_credit?)`);
  });

  it('says no sheet is in force on a date before every sheet, instead of calling each id unknown', async () => {
    const r = await vidcostInProcess(['estimate', join(ROOT, 'scenarios', 'ad-variants.yaml'), '--as-of', '2025-01-01']);
    expect(r.status).toBe(2);
    const first = r.stderr.split('\n')[0];
    expect(first).toMatch(
      /:18:5: offerings\[0\]: unknown offering "fal\/pika-2\.5": no price sheet is in force on 2025-01-01; every sheet takes effect later$/,
    );
    expect(r.stderr).not.toContain('did you mean');
  });

  it('names the mapping a syntax error is in, not the field written on the line before', async () => {
    const dir = tempDir();
    const tab = join(dir, 'tab.yaml');
    writeFileSync(tab, 'version: 1\nname: t\nworkloads:\n  - name: w\n    clips_per_month: 10\n    resolution: 720p\n\tregeneration_factor: 2\n');
    const r = await vidcostInProcess(['validate', tab]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`vidcost: ${tab}:7:1: workloads[0]: a tab is used for indentation: YAML indents with spaces\n`);
  });

  it('reports every typo of a scenario at once, each with its near miss (built binary)', () => {
    const r = vidcost(['estimate', rel('typos.yaml'), '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expectCleanError(r.stderr);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('typos.yaml')}:3:1: chanel: unknown field "chanel" (did you mean channel?)`,
      // a missing field points at the mapping that should hold it and names the field
      `vidcost: ${rel('typos.yaml')}:8:5: workloads[0].seconds_per_clip: missing required field "seconds_per_clip" (expected a number or a mapping)`,
      `vidcost: ${rel('typos.yaml')}:10:5: workloads[0].seconds_per_clp: unknown field "seconds_per_clp" (did you mean seconds_per_clip?)`,
      `vidcost: ${rel('typos.yaml')}:11:17: workloads[0].resolution: expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, 4k, found text "1800p" (did you mean 1080p?)`,
      `vidcost: ${rel('typos.yaml')}:12:16: workloads[0].requires[0]: expected one of editing, hdr, exr, motion_control, lip_sync, audio, dialogue, found text "lipsync" (did you mean lip_sync?)`,
    ]);
  });

  it('suggests the offering id and the vendor a typo was meant to be (built binary)', () => {
    const r = vidcost(['estimate', rel('offering-typos.yaml'), '--as-of', '2026-06-01']);
    expect(r.status).toBe(2);
    expectCleanError(r.stderr);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('offering-typos.yaml')}:3:13: offerings[0]: unknown offering "runway/gen4turbo" in the prices in force on 2026-06-01 (did you mean runway/gen4-turbo?)`,
      `vidcost: ${rel('offering-typos.yaml')}:3:31: offerings[1]: unknown offering "fal/kling-3.0-por" in the prices in force on 2026-06-01 (did you mean fal/kling-3.0-pro?)`,
      `vidcost: ${rel('offering-typos.yaml')}:3:50: offerings[2]: unknown offering "openai/sora2" in the prices in force on 2026-06-01 (did you mean openai/sora-2?)`,
      `vidcost: ${rel('offering-typos.yaml')}:5:10: overrides.lumaa: unknown vendor "lumaa" (known: fal, google, kling, lightricks, luma, openai, pika, replicate, runway, vertex) (did you mean luma?)`,
    ]);
  });

  it('says what type was expected and what was found for wrong types', async () => {
    const r = await vidcostInProcess(['estimate', rel('wrong-types.yaml')]);
    expect(r.status).toBe(2);
    expectCleanError(r.stderr);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('wrong-types.yaml')}:1:10: version: expected 1, found text "1" (write it without quotes)`,
      `vidcost: ${rel('wrong-types.yaml')}:2:7: name: expected text, found a list`,
      `vidcost: ${rel('wrong-types.yaml')}:3:10: channel: expected one of api, web-app, found 3`,
      `vidcost: ${rel('wrong-types.yaml')}:4:12: offerings: expected a list, found text "runway/gen4-turbo"`,
      `vidcost: ${rel('wrong-types.yaml')}:6:3: workloads: expected a list, found a mapping`,
    ]);
  });

  it('names numbers out of range as written, and the bound they break', async () => {
    const r = await vidcostInProcess(['estimate', rel('out-of-range.yaml')]);
    expect(r.status).toBe(2);
    expectCleanError(r.stderr);
    expect(lines(r.stderr)).toEqual([
      `vidcost: ${rel('out-of-range.yaml')}:4:24: budget.monthly_ceiling_usd: expected a number of at least 0, found -1`,
      `vidcost: ${rel('out-of-range.yaml')}:5:30: budget.max_regenerations_per_job: expected a whole number, found 2.5`,
      `vidcost: ${rel('out-of-range.yaml')}:8:22: workloads[0].clips_per_month: expected a number of at most 1000000000, found 1e300`,
      `vidcost: ${rel('out-of-range.yaml')}:9:23: workloads[0].seconds_per_clip: expected a number greater than 0, found -8`,
      `vidcost: ${rel('out-of-range.yaml')}:10:26: workloads[0].regeneration_factor: expected a number of at least 1, found 0`,
      `vidcost: ${rel('out-of-range.yaml')}:12:22: workloads[1].clips_per_month: 12345678901234567890 has more significant digits than vidcost keeps exactly (15); quote it as a string if it is a price`,
      `vidcost: ${rel('out-of-range.yaml')}:13:23: workloads[1].seconds_per_clip: expected a number greater than 0, found 0`,
    ]);
  });

  it('reports a quoted number, a yes/no and an empty name in words that say how to fix them', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.yaml'),
      [
        'version: 1',
        'name: ""',
        'workloads:',
        '  - name: drafts',
        '    clips_per_month: "500"',
        '    seconds_per_clip: 8',
        '    audio: yes',
        '    batch: 1',
      ].join('\n'),
    );
    const r = await vidcostInProcess(['estimate', 's.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'vidcost: s.yaml:2:7: name: expected non-empty text, found empty text ""',
      'vidcost: s.yaml:5:22: workloads[0].clips_per_month: expected a number or a mapping, found text "500" (write it without quotes)',
      'vidcost: s.yaml:7:12: workloads[0].audio: expected true or false, found text "yes" (write true or false)',
      'vidcost: s.yaml:8:12: workloads[0].batch: expected true or false, found 1',
    ]);
  });

  it('reports a three-point estimate by its own fields (missing likely, misspelt key)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.yaml'),
      ['version: 1', 'name: x', 'workloads:', '  - name: drafts', '    clips_per_month: { low: 1, likley: 2, high: 3 }', '    seconds_per_clip: 8'].join('\n'),
    );
    const r = await vidcostInProcess(['estimate', 's.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expectCleanError(r.stderr);
    expect(r.stderr).toContain('vidcost: s.yaml:5:22: workloads[0].clips_per_month.likely: missing required field "likely" (expected a number)');
    expect(r.stderr).toContain('vidcost: s.yaml:5:32: workloads[0].clips_per_month.likley: unknown field "likley" (did you mean likely?)');
  });

  it('reports values the YAML refused together with the schema problems of the same file', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 's.yaml'),
      ['version: 1', 'name: x', 'chanel: api', 'workloads:', '  - name: a', '    clips_per_month: .nan', '    seconds_per_clip: 8'].join('\n'),
    );
    const r = await vidcostInProcess(['estimate', 's.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([
      'vidcost: s.yaml:3:1: chanel: unknown field "chanel" (did you mean channel?)',
      'vidcost: s.yaml:6:22: workloads[0].clips_per_month: expected a finite number, found .nan',
    ]);
  });

  it(`reports at most ${MAX_PROBLEMS} problems of a file and says how many more there are`, async () => {
    const dir = tempDir();
    const workloads = Array.from({ length: 30 }, (_, i) => `  - { name: w${i}, clips_per_month: -1, seconds_per_clip: 8 }`);
    writeFileSync(join(dir, 's.yaml'), ['version: 1', 'name: many', 'workloads:', ...workloads].join('\n'));
    const r = await vidcostInProcess(['estimate', 's.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    const out = lines(r.stderr);
    expect(out).toHaveLength(MAX_PROBLEMS + 1);
    expect(out[0]).toBe('vidcost: s.yaml:4:34: workloads[0].clips_per_month: expected a number of at least 0, found -1');
    expect(out[MAX_PROBLEMS - 1]).toContain(`workloads[${MAX_PROBLEMS - 1}].clips_per_month`);
    expect(out[MAX_PROBLEMS]).toBe(`vidcost: s.yaml: and 10 more problems in this file (vidcost shows the first ${MAX_PROBLEMS}; fix these and run it again)`);
  });

  it('validates a price sheet with typos: unknown fields, enum values and figures, each at its place', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    writeFileSync(
      join(dir, 'acme', '2026-06-01.yaml'),
      [
        'vendor: acme',
        'effective: 2026-06-01',
        'verified: 2026-06-31',
        'provenance: first-party',
        'sources: { page: "https://example.com" }',
        'source: page',
        'offerings:',
        '  - id: acme/model',
        '    name: Model',
        '    chanels: [api]',
        '    capabilities: [lipsync]',
        '    rates:',
        '      - { resolution: 1080, usd_per_second: "about 5" }',
      ].join('\n'),
    );
    const r = await vidcostInProcess(['validate', 'acme/2026-06-01.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expectCleanError(r.stderr);
    const file = join('acme', '2026-06-01.yaml');
    expect(r.stderr).toContain(`vidcost: ${file}:3:11: verified: expected a date written YYYY-MM-DD, found text "2026-06-31"`);
    expect(r.stderr).toContain(`vidcost: ${file}:8:5: offerings[0].channels: missing required field "channels" (expected a list)`);
    expect(r.stderr).toContain(`vidcost: ${file}:10:5: offerings[0].chanels: unknown field "chanels" (did you mean channels?)`);
    expect(r.stderr).toContain(
      `vidcost: ${file}:11:20: offerings[0].capabilities[0]: expected one of editing, hdr, exr, motion_control, lip_sync, audio, dialogue, found text "lipsync" (did you mean lip_sync?)`,
    );
    expect(r.stderr).toContain(
      `vidcost: ${file}:13:23: offerings[0].rates[0].resolution: expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, 4k, found 1080 (did you mean 1080p?)`,
    );
    expect(r.stderr).toContain(
      `vidcost: ${file}:13:45: offerings[0].rates[0].usd_per_second: expected a figure like 0.01, ~12, from ~0.32, ~0.07-0.14 or unknown, found "about 5"`,
    );
  });

  it('names the option and suggests the value for command-line typos (rates, estimate)', async () => {
    const res = await vidcostInProcess(['rates', '--resolution', '1800p']);
    expect(res).toMatchObject({ status: 2, stdout: '' });
    expect(res.stderr).toBe(
      'vidcost: --resolution: expected one of 480p, 512p, 540p, 720p, 768p, 1024p, 1080p, 1440p, 2160p, found "1800p" (did you mean 1080p?)\n',
    );
    const date = await vidcostInProcess(['rates', '--as-of', '2026-02-30']);
    expect(date.status).toBe(2);
    expect(date.stderr).toBe('vidcost: --as-of: expected a date written YYYY-MM-DD, found "2026-02-30"\n');
    const format = await vidcostInProcess(['estimate', rel('valid.yaml'), '--format', 'jsn']);
    expect(format.status).toBe(2);
    expect(format.stderr).toBe('vidcost: --format: expected one of table, json, markdown, csv, html, found "jsn"\n');
  });

  it('words commander usage errors as vidcost errors, with the near miss, exit 2 (built binary)', () => {
    const cmd = vidcost(['estimat', 'x.yaml']);
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toBe("vidcost: unknown command 'estimat' (did you mean estimate?)\n");
    const opt = vidcost(['estimate', rel('valid.yaml'), '--frmat', 'json']);
    expect(opt.status).toBe(2);
    expect(opt.stderr).toBe("vidcost: unknown option '--frmat' (did you mean --format?)\n");
    const missing = vidcost(['estimate']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("vidcost: missing required argument 'scenario' (see vidcost --help)\n");
  });

  it('prints no stack for bad input unless --debug, and then the stack too', async () => {
    const plain = await vidcostInProcess(['estimate', rel('typos.yaml')]);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    const debug = await vidcostInProcess(['estimate', rel('typos.yaml'), '--debug']);
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^vidcost: .*chanel: unknown field "chanel"/m);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

describe('internal errors', () => {
  const failingIo = (): { io: CliIo; err: () => string } => {
    let err = '';
    return {
      io: {
        stdout: () => {
          throw new TypeError('cannot write the report\nsecond line');
        },
        stderr: (t) => {
          err += t;
        },
        cwd: join(HOSTILE, '..', '..', '..'),
        env: { NO_COLOR: '1' },
        isTTY: false,
        today: () => '2026-06-01',
      },
      err: () => err,
    };
  };

  it('exit 3 with one line inviting --debug, never a stack', async () => {
    const { io, err } = failingIo();
    const status = await run(['rates', '--as-of', '2026-06-01'], io);
    expect(status).toBe(3);
    expect(err()).toBe(
      'vidcost: internal error: cannot write the report second line (a bug in vidcost: rerun with --debug for the stack trace, and please report it)\n',
    );
  });

  it('with --debug, the stack trace', async () => {
    const { io, err } = failingIo();
    const status = await run(['rates', '--as-of', '2026-06-01', '--debug'], io);
    expect(status).toBe(3);
    expect(err()).toMatch(/^vidcost: internal error: cannot write the report second line\n/);
    expect(err()).toMatch(/TypeError: cannot write the report/);
    expect(err()).toMatch(/^\s+at /m);
  });
});

describe('near misses', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('1800p', '1080p')).toBe(1);
    expect(editDistance('chanels', 'channels')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the closest candidate only when it is close', () => {
    expect(nearMiss('1800p', ['480p', '540p', '720p', '1024p', '1080p'])).toBe('1080p');
    expect(nearMiss('gen4turbo', ['runway/gen4', 'runway/gen4-turbo'])).toBe('runway/gen4-turbo');
    expect(nearMiss('lipsync', ['editing', 'lip_sync', 'audio'])).toBe('lip_sync');
    expect(nearMiss('completely-different', ['api', 'web-app'])).toBeUndefined();
    expect(nearMiss('x'.repeat(5000), ['api', 'web-app'])).toBeUndefined();
  });
});

describe('docs/errors-and-limits.md', () => {
  const readme = readFileSync(join(ROOT, 'docs', 'errors-and-limits.md'), 'utf8').split('\n');
  const section = readme.slice(readme.indexOf('## Errors you can act on, and input limits'));
  const examples = section
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.startsWith('$ vidcost '))
    .map(({ line, i }) => ({
      argv: line.slice('$ vidcost '.length).split(' '),
      expected: section.slice(
        i + 1,
        section.findIndex((l, j) => j > i && l === '```'),
      ),
    }));

  it('shows three error examples', () => {
    expect(examples).toHaveLength(3);
  });

  it.each(examples.map((e) => [e.argv.join(' '), e] as const))('`vidcost %s` prints exactly what the docs show (built binary)', (_, { argv, expected }) => {
    const r = vidcost(argv);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual(expected);
  });

  it('states the limits the code enforces', () => {
    const text = section.join('\n');
    // the file size is stated in the limits table, with what happens at it
    const notes = readFileSync(join(ROOT, 'docs', 'errors-and-limits.md'), 'utf8');
    expect(notes).toContain(`| scenario or price sheet | ${MAX_INPUT_BYTES / 1024} KiB (${MAX_INPUT_BYTES.toLocaleString('en-US')} bytes), a regular file |`);
    expect(text).toContain(`| nesting | ${MAX_DEPTH} levels of lists and mappings |`);
    expect(text).toContain(`| aliases | ${MAX_ALIASES} alias uses (\`*name\`), and ${MAX_VALUES.toLocaleString('en-US')} values once they are expanded |`);
    expect(text).toContain(`| problems shown | ${MAX_PROBLEMS} per file, then a count of the rest |`);
  });
});

describe('the wrong kind of file', () => {
  it('a price sheet given to estimate is named as one, in one line', async () => {
    const r = await vidcostInProcess(['estimate', 'pricing-data/runway/2026-06-01.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'vidcost: pricing-data/runway/2026-06-01.yaml:1:1: this is a price sheet (it has vendor: and effective:), not a scenario; check it with vidcost validate, or use its folder with --pricing\n',
    );
  });

  it('a scenario in a pricing folder is named as one', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', '2026-06-01.yaml'), readFileSync(join(FIXTURES, 'hostile', 'valid.yaml')));
    const r = await vidcostInProcess(['rates', '--pricing', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `vidcost: ${join('acme', '2026-06-01.yaml')}:1:1: this is a scenario (it has workloads:), not a price sheet; price it with vidcost estimate\n`,
    );
  });

  it('a pricing folder with no sheets is refused rather than pricing nothing', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const r = await vidcostInProcess(['rates', '--pricing', 'empty'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('vidcost: empty: holds no price sheets: expected <vendor>/<YYYY-MM-DD>.yaml files\n');
  });
});
