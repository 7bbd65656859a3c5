// `vidcost init` and `vidcost schema`, run through the built binary.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, vidcost } from './helpers.js';

const SCENARIOS = join(ROOT, 'scenarios');
const BUNDLED = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const MODELINE = '# yaml-language-server: $schema=./vidcost.schema.json';

function schemaText(): string {
  const r = vidcost(['schema']);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

function validator() {
  // strict: an unknown keyword in the generated schema is an error, not silently ignored.
  // The "date" format is left to the schema's own pattern (ajv-formats is not needed for that).
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: true } });
  return ajv.compile(JSON.parse(schemaText()) as object);
}

describe('vidcost schema', () => {
  it('prints the JSON Schema of scenario files, generated from the zod schema', () => {
    const schema = JSON.parse(schemaText()) as Record<string, any>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:vidcost:scenario:1');
    expect(schema.title).toBe('vidcost scenario (version 1)');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['version', 'name', 'workloads']);
    expect(schema.additionalProperties).toBe(false);
    const workload = schema.properties.workloads.items;
    expect(workload.properties.resolution.enum).toEqual(['480p', '512p', '540p', '720p', '768p', '1024p', '1080p', '1440p', '2160p', '4k']);
    expect(workload.properties.resolution.default).toBe('1080p');
    expect(workload.properties.regeneration_factor.default).toBe(3);
    expect(workload.properties.requires.items.enum).toEqual(['editing', 'hdr', 'exr', 'motion_control', 'lip_sync', 'audio', 'dialogue']);
    expect(workload.required).toEqual(['name', 'clips_per_month', 'seconds_per_clip']);
    expect(schema.properties.channel.enum).toEqual(['api', 'web-app']);
    // every field an editor offers carries a description
    for (const [key, value] of Object.entries(schema.properties as Record<string, { description?: string }>)) {
      expect(value.description, key).toBeTruthy();
    }
    for (const [key, value] of Object.entries(workload.properties as Record<string, { description?: string }>)) {
      expect(value.description, key).toBeTruthy();
    }
  });

  it('is a valid draft 2020-12 schema that accepts every bundled scenario', () => {
    const validate = validator();
    expect(BUNDLED).toEqual([
      'ad-variants.yaml',
      'brand-spots.yaml',
      'footage-editing.yaml',
      'hdr-pipeline.yaml',
      'social-drafts.yaml',
      'uncertain-launch.yaml',
      'web-app-team.yaml',
    ]);
    for (const file of BUNDLED) {
      const ok = validate(parseYaml(readFileSync(join(SCENARIOS, file), 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok, file).toBe(true);
    }
  });

  it('rejects what vidcost rejects: a wrong resolution, an unknown field, a missing workload field', () => {
    const validate = validator();
    const base = { version: 1, name: 'x', workloads: [{ name: 'w', clips_per_month: 10, seconds_per_clip: 5 }] };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, workloads: [{ ...base.workloads[0], resolution: '8k' }] })).toBe(false);
    expect(validate({ ...base, chanel: 'api' })).toBe(false);
    expect(validate({ ...base, workloads: [{ name: 'w', clips_per_month: 10 }] })).toBe(false);
    expect(validate({ ...base, version: 2 })).toBe(false);
    expect(validate({ ...base, workloads: [{ ...base.workloads[0], requires: ['edting'] }] })).toBe(false);
  });

  it('--out writes the file atomically and never replaces one without --force', () => {
    const dir = tempDir();
    const first = vidcost(['schema', '--out', 'scenario.schema.json'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('wrote scenario.schema.json\n');
    expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe(schemaText());
    writeFileSync(join(dir, 'scenario.schema.json'), 'mine');
    const again = vidcost(['schema', '--out', 'scenario.schema.json'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('vidcost: scenario.schema.json: already exists; pass --force to replace it\n');
    expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe('mine');
    expect(vidcost(['schema', '--out', 'scenario.schema.json', '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe(schemaText());
    expect(readdirSync(dir)).toEqual(['scenario.schema.json']); // no temporary file left behind
    // a folder is no file name, with or without --force
    mkdirSync(join(dir, 'sub'));
    for (const extra of [[], ['--force']]) {
      expect(vidcost(['schema', '--out', 'sub', ...extra], { cwd: dir })).toEqual({
        status: 2,
        stdout: '',
        stderr: 'vidcost: sub: is a directory; expected a file name to write\n',
      });
    }
  });

  it('the schema the bundled scenarios name in their modeline is the current one', () => {
    // After changing src/scenario/schema.ts, refresh it with:
    //   node scripts/build.mjs && node bin/vidcost.cjs schema --out scenarios/vidcost.schema.json --force
    const committed = readFileSync(join(SCENARIOS, 'vidcost.schema.json'), 'utf8');
    expect(
      committed === schemaText(),
      'scenarios/vidcost.schema.json is out of date: run `node bin/vidcost.cjs schema --out scenarios/vidcost.schema.json --force`',
    ).toBe(true);
    for (const file of BUNDLED) {
      expect(readFileSync(join(SCENARIOS, file), 'utf8').split('\n')[0], file).toBe(MODELINE);
    }
    const r = vidcost(['validate', 'scenarios/']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(`${BUNDLED.length} files valid`)).toBe(true);
  });
});

describe('vidcost init', () => {
  it('writes a commented starter and its schema, then says what to do next', () => {
    const dir = tempDir();
    const r = vidcost(['init'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'wrote vidcost.yaml\nwrote vidcost.schema.json (editor completion for vidcost.yaml)\nnext: edit vidcost.yaml, then run: vidcost estimate vidcost.yaml\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['vidcost.schema.json', 'vidcost.yaml']);
    const text = readFileSync(join(dir, 'vidcost.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(MODELINE);
    expect(text).toContain('# as_of: 2026-06-01');
    expect(readFileSync(join(dir, 'vidcost.schema.json'), 'utf8')).toBe(schemaText());
    // the starter passes the JSON Schema too
    const validate = validator();
    expect(validate(parseYaml(text))).toBe(true);
  });

  it('the starter estimates cleanly, within its own ceiling', () => {
    const dir = tempDir();
    expect(vidcost(['init'], { cwd: dir }).status).toBe(0);
    const r = vidcost(['estimate', 'vidcost.yaml', '--as-of', '2026-06-01', '--format', 'json', '--fail-on-ceiling'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    // 500 clips × 10 s at 1080p, factor 3 (under the cap of 4): fal/pika-2.5 bills one ~$0.45
    // clip (~$45 per 100) per generation: 500 × 3 × $0.45 = $675.00 ≤ the $1,500 ceiling.
    // Next: Wan 2.5 and Gen-4 Turbo at ~$0.05/s × 10 s × 3 × 500 = $750.00.
    expect(report.workloads[0].billedGenerations).toBe('3');
    expect(report.recommendation.workloads[0].offering).toBe('fal/pika-2.5');
    expect(report.recommendation.monthlyUsd).toBe('675.00');
    const wan = report.workloads[0].options.find((o: { offering: string }) => o.offering === 'fal/wan-2.5');
    expect(wan.monthlyUsd).toBe('750.00');
    expect(report.budget).toEqual({ monthlyCeilingUsd: '1500.00', maxRegenerationsPerJob: '4' });
    expect(report.advisories.map((a: { code: string }) => a.code)).not.toContain('over-ceiling');
  });

  it('--help shows a worked example whose figures are the real ones', () => {
    const help = vidcost(['init', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Worked example:');
    expect(help.stdout).toContain('$ vidcost init\n  wrote vidcost.yaml\n');
    const claimed = /Cheapest route: .*ceiling/.exec(help.stdout)?.[0];
    expect(claimed).toBe('Cheapest route: ~$675.00/month, within the $1,500.00 ceiling');
    const dir = tempDir();
    vidcost(['init'], { cwd: dir });
    expect(vidcost(['estimate', 'vidcost.yaml', '--as-of', '2026-06-01'], { cwd: dir }).stdout).toContain(claimed);
  });

  it('never writes over an existing file (exit 2), unless --force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vidcost.yaml'), 'my scenario\n');
    const r = vidcost(['init'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('vidcost: vidcost.yaml: already exists; vidcost init never replaces a file (pass --force to replace it, or name another file)\n');
    expect(readFileSync(join(dir, 'vidcost.yaml'), 'utf8')).toBe('my scenario\n');
    expect(readdirSync(dir)).toEqual(['vidcost.yaml']); // nothing else written either

    const forced = vidcost(['init', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'vidcost.yaml'), 'utf8').split('\n')[0]).toBe(MODELINE);
  });

  it('keeps an existing schema file, names another file, or skips the schema with --no-schema', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vidcost.schema.json'), '{}\n');
    const r = vidcost(['init', 'launch.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'wrote launch.yaml\nkept the existing vidcost.schema.json (refresh it with: vidcost schema --out vidcost.schema.json --force)\nnext: edit launch.yaml, then run: vidcost estimate launch.yaml\n',
    );
    expect(readFileSync(join(dir, 'vidcost.schema.json'), 'utf8')).toBe('{}\n');
    expect(readFileSync(join(dir, 'launch.yaml'), 'utf8')).toContain('vidcost estimate launch.yaml');

    const bare = tempDir();
    const noSchema = vidcost(['init', '--no-schema'], { cwd: bare });
    expect(noSchema.status).toBe(0);
    expect(readdirSync(bare)).toEqual(['vidcost.yaml']);
  });

  it('writes into a subfolder, with the schema beside the scenario, and refuses a missing folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plans'));
    expect(vidcost(['init', 'plans/q3.yaml'], { cwd: dir }).status).toBe(0);
    expect(readdirSync(join(dir, 'plans')).sort()).toEqual(['q3.yaml', 'vidcost.schema.json']);
    expect(vidcost(['estimate', 'plans/q3.yaml', '--as-of', '2026-06-01'], { cwd: dir }).status).toBe(0);

    const missing = vidcost(['init', 'nowhere/q3.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('vidcost: nowhere/q3.yaml: folder nowhere does not exist; create it first\n');

    // a folder is never replaced, even with --force
    const folder = vidcost(['init', 'plans', '--force'], { cwd: dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toBe('vidcost: plans: is a folder; name the scenario file to write, e.g. vidcost init plans/vidcost.yaml\n');
  });
});
