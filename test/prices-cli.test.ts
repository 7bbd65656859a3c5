// `vidcost prices check | sources | new` and `rates --format litellm`, run as a user runs them
// (the built binary). Expected figures come from the price maps and sheets, read by hand.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, vidcost } from './helpers.js';

const MAPS = join(FIXTURES, 'price-maps');
const LITELLM = join(MAPS, 'litellm', 'model_prices_and_context_window.2026-07-24.json');
const PK_OPENAI = join(MAPS, 'portkey', 'openai.json');
const SHEETS = join(FIXTURES, 'pricing-prices');

interface Check {
  offering: string;
  resolution: string | null;
  audio: boolean;
  batch: boolean;
  source: string;
  key: string;
  ours: string | null;
  theirs: string | null;
  verdict: string;
}

function checks(args: string[]): {
  status: number;
  json: { asOf: string; checks: Check[]; unmatched: { source: string; key: string; usdPerSecond: string | null }[] };
  stderr: string;
} {
  const r = vidcost(['prices', 'check', ...args, '--format', 'json']);
  return { status: r.status, json: JSON.parse(r.stdout), stderr: r.stderr };
}

/** "offering resolution [batch] source key: ours theirs verdict" */
function line(c: Check): string {
  return `${c.offering} ${c.resolution}${c.batch ? ' batch' : ''} ${c.source} ${c.key}: ${c.ours} ${c.theirs} ${c.verdict}`;
}

describe('prices check against the bundled sheets of 2026-12-01', () => {
  it("LiteLLM's map of 2026-07-24: Sora 2, Sora 2 Pro and gen4_turbo agree; Veo 3.1 Fast differs ($0.15 against $0.12)", () => {
    const { status, json } = checks(['--against', LITELLM, '--as-of', '2026-12-01']);
    expect(status).toBe(0);
    expect(json.asOf).toBe('2026-12-01');
    const lines = json.checks.map(line);
    expect(lines).toContain('openai/sora-2 720p litellm sora-2: 0.1 0.1 agree');
    expect(lines).toContain('openai/sora-2-pro 720p litellm sora-2-pro: 0.3 0.3 agree');
    expect(lines).toContain('openai/sora-2-pro 1024p litellm sora-2-pro-high-res: 0.5 0.5 agree');
    expect(json.checks.find((c) => c.offering === 'runway/gen4-turbo' && c.key === 'runwayml/gen4_turbo')).toMatchObject({
      ours: '0.05',
      theirs: '0.05',
      verdict: 'agree',
    });
    expect(lines).toContain('google/veo-3.1-fast 1080p litellm gemini/veo-3.1-fast-generate-preview: 0.12 0.15 differs');
    // the keys no offering maps, with LiteLLM's own figure
    expect(json.unmatched).toContainEqual(expect.objectContaining({ source: 'litellm', key: 'azure/sora-2', usdPerSecond: '0.1' }));
  });

  it("Portkey's openai.json: Sora 2 Pro at 1080p ($0.70) and every batch price agree", () => {
    const { status, json } = checks(['--against', PK_OPENAI, '--as-of', '2026-12-01']);
    expect(status).toBe(0);
    const lines = json.checks.map(line);
    expect(lines).toContain('openai/sora-2-pro 1080p portkey sora-2-pro: 0.7 0.7 agree');
    expect(lines).toContain('openai/sora-2 720p batch portkey sora-2: 0.05 0.05 agree');
    expect(lines).toContain('openai/sora-2-pro 720p batch portkey sora-2-pro: 0.15 0.15 agree');
    expect(lines).toContain('openai/sora-2-pro 1024p batch portkey sora-2-pro: 0.25 0.25 agree');
    expect(lines).toContain('openai/sora-2-pro 1080p batch portkey sora-2-pro: 0.35 0.35 agree');
    expect(json.checks.every((c) => c.source === 'portkey' && c.verdict === 'agree')).toBe(true);
  });

  it('the table prints ours, theirs and the verdict per pair, then the unmatched entries', () => {
    const r = vidcost(['prices', 'check', '--against', LITELLM, '--as-of', '2026-12-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/google\/veo-3\.1-fast 1080p +\$0\.12 +\$0\.15 +differs \+\$0\.03\n +litellm: gemini\/veo-3\.1-fast-generate-preview\n/);
    expect(r.stdout).toMatch(/External video entries no offering maps[^\n]*\n[^\n]*\n +\$0\.\d+ +litellm +\S+/);
    expect(r.stdout).toMatch(/\$0\.10 +litellm +azure\/sora-2\n/);
  });
});

describe('--fail-on-drift', () => {
  function openaiOnly(): string {
    const dir = tempDir();
    cpSync(join(SHEETS, 'openai'), join(dir, 'openai'), { recursive: true });
    return dir;
  }

  it('passes when every mapped price agrees, and exits 1 on a copy with one price edited', () => {
    const pricing = openaiOnly();
    const same = vidcost(['prices', 'check', '--against', LITELLM, PK_OPENAI, '--pricing', pricing, '--as-of', '2026-12-01', '--fail-on-drift']);
    expect(same.status).toBe(0);
    expect(same.stderr).toBe('');

    const dir = tempDir();
    const edited = join(dir, 'model_prices_and_context_window.json');
    const text = readFileSync(LITELLM, 'utf8');
    const before = '"sora-2-pro-high-res": {\n    "litellm_provider": "openai",\n    "mode": "video_generation",\n    "output_cost_per_video_per_second": 0.5,';
    expect(text.includes(before)).toBe(true);
    writeFileSync(edited, text.replace(before, before.replace('0.5,', '0.55,')));
    const drift = vidcost(['prices', 'check', '--against', edited, '--pricing', pricing, '--as-of', '2026-12-01', '--fail-on-drift', '--format', 'json']);
    expect(drift.status).toBe(1);
    const report = JSON.parse(drift.stdout) as { checks: Check[] };
    expect(report.checks.filter((c) => c.verdict === 'differs').map(line)).toEqual(['openai/sora-2-pro 1024p litellm sora-2-pro-high-res: 0.5 0.55 differs']);
    expect(drift.stderr).toMatch(
      /^vidcost: --fail-on-drift: 1 price differs from the independent maps: openai\/sora-2-pro 1024p vs litellm sora-2-pro-high-res\n$/,
    );
  });
});

describe('prices check: bad input is exit 2 with a clear message', () => {
  it('a truncated map names file, line and column', () => {
    const dir = tempDir();
    const cut = join(dir, 'litellm.json');
    const text = readFileSync(LITELLM, 'utf8');
    writeFileSync(cut, text.slice(0, 1000));
    const lines = text.slice(0, 1000).split('\n');
    const r = vidcost(['prices', 'check', '--against', cut, '--as-of', '2026-12-01'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `vidcost: litellm.json:${lines.length}:${lines.at(-1)!.length + 1}: the JSON ends inside an object (2 still open): the file is truncated or incomplete\n`,
    );
  });

  it('a file that is neither map', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other.json'), '{"version": 1, "models": {"a": {"price": 1}}}\n');
    const r = vidcost(['prices', 'check', '--against', 'other.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^vidcost: other\.json: the file is neither price map: expected LiteLLM's model_prices_and_context_window\.json .* or a Portkey pricing\/<provider>\.json/,
    );
    const yaml = vidcost(['prices', 'check', '--against', join(FIXTURES, 'pricing-prices', 'openai', '2026-12-01.yaml')]);
    expect(yaml.status).toBe(2);
    expect(yaml.stderr).toMatch(/2026-12-01\.yaml:1:1: unexpected "#": expected a value/);
  });

  it('a missing file, a second copy of one map, and no --against', () => {
    expect(vidcost(['prices', 'check', '--against', 'nope.json']).stderr).toBe('vidcost: nope.json: no such file\n');
    const twice = vidcost(['prices', 'check', '--against', PK_OPENAI, PK_OPENAI]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/a second copy of Portkey's openai prices/);
    const none = vidcost(['prices', 'check']);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--against/);
  });
});

describe('prices sources', () => {
  it('every source with its dates and age at as_of, oldest reading first; undated stays undated', () => {
    const r = vidcost(['prices', 'sources', '--pricing', SHEETS, '--as-of', '2026-12-31', '--format', 'json']);
    expect(r.status).toBe(0);
    const { asOf, sources } = JSON.parse(r.stdout) as {
      asOf: string;
      sources: { vendor: string; name: string | null; url: string; read: string; dated: string | null; readDaysAgo: number; datedDaysAgo: number | null }[];
    };
    expect(asOf).toBe('2026-12-31');
    // openai's model page and google's fal page were read on 2026-11-30: 31 days before 2026-12-31
    expect(sources.slice(0, 2).map((s) => [s.vendor, s.name, s.read, s.dated, s.readDaysAgo])).toEqual([
      ['google', 'fal', '2026-11-30', null, 31],
      ['openai', 'model', '2026-11-30', null, 31],
    ]);
    const skills = sources.find((s) => s.name === 'skills')!;
    // dated 2026-04-14: 16 days to the end of April, then 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 261 days before 2026-12-31
    expect([skills.read, skills.dated, skills.readDaysAgo, skills.datedDaysAgo]).toEqual(['2026-12-01', '2026-04-14', 30, 261]);
    expect(sources.map((s) => s.read)).toEqual([...sources.map((s) => s.read)].sort());
    const table = vidcost(['prices', 'sources', '--pricing', SHEETS, '--as-of', '2026-12-31']);
    expect(table.stdout).toMatch(/\n2026-11-30 +31 d +undated +google +fal\n {2}https:\/\/fal\.ai\/models\/fal-ai\/veo3\.1\n/);
  });

  it('bad --as-of and a missing pricing folder: exit 2', () => {
    expect(vidcost(['prices', 'sources', '--as-of', '2026-13-01']).stderr).toBe('vidcost: --as-of: expected a date written YYYY-MM-DD, found "2026-13-01"\n');
    expect(vidcost(['prices', 'sources', '--pricing', 'no-such-dir']).status).toBe(2);
  });
});

describe('prices new', () => {
  function pricingCopy(): string {
    const dir = tempDir();
    cpSync(SHEETS, join(dir, 'pricing'), { recursive: true });
    return dir;
  }

  it('writes the next dated sheet from the one in force, comments and figures kept', () => {
    const dir = pricingCopy();
    const r = vidcost(['prices', 'new', 'openai', '--effective', '2027-01-15', '--pricing', 'pricing'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${join('pricing', 'openai', '2027-01-15.yaml')}\n`);
    const before = readFileSync(join(SHEETS, 'openai', '2026-12-01.yaml'), 'utf8');
    const after = readFileSync(join(dir, 'pricing', 'openai', '2027-01-15.yaml'), 'utf8');
    expect(after).toBe(before.replace('effective: 2026-12-01', 'effective: 2027-01-15'));
    // and it is a sheet: the new one is in force from its date
    const rates = vidcost(['rates', '--pricing', join(dir, 'pricing'), '--as-of', '2027-01-15', '--format', 'json']);
    expect(rates.status).toBe(0);
  });

  it('an unknown vendor: did you mean, exit 2, nothing written', () => {
    const dir = pricingCopy();
    const r = vidcost(['prices', 'new', 'opnai', '--effective', '2027-01-15', '--pricing', 'pricing'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('vidcost: pricing: no price sheets for vendor "opnai" (vendors: google, openai, runway) (did you mean openai?)\n');
    expect(existsSync(join(dir, 'pricing', 'opnai'))).toBe(false);
  });

  it('an existing target is never replaced (there is no --force)', () => {
    const dir = pricingCopy();
    const target = join(dir, 'pricing', 'openai', '2026-12-01.yaml');
    const before = readFileSync(target, 'utf8');
    const r = vidcost(['prices', 'new', 'openai', '--effective', '2026-12-01', '--pricing', 'pricing'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vidcost: pricing\/openai\/2026-12-01\.yaml: already exists/);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(vidcost(['prices', 'new', 'openai', '--effective', '2026-12-01', '--pricing', 'pricing', '--force'], { cwd: dir }).status).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'pricing', 'openai')).sort()).toEqual(['2026-06-01.yaml', '2026-12-01.yaml']);
  });

  it('nothing in force yet on the date, and a bad date: exit 2, nothing written', () => {
    const dir = pricingCopy();
    const early = vidcost(['prices', 'new', 'google', '--effective', '2026-01-01', '--pricing', 'pricing'], { cwd: dir });
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/no google sheet is in force on 2026-01-01 to start from \(the first takes effect on 2026-12-01\)/);
    expect(vidcost(['prices', 'new', 'google', '--effective', '2026-02-30', '--pricing', 'pricing'], { cwd: dir }).status).toBe(2);
    expect(readdirSync(join(dir, 'pricing', 'google'))).toEqual(['2026-12-01.yaml']);
  });
});

describe('rates --format litellm', () => {
  it('per-second API prices as LiteLLM entries, numbers written exactly; ranges left out with a note', () => {
    const r = vidcost(['rates', '--format', 'litellm', '--pricing', SHEETS, '--as-of', '2026-12-01']);
    expect(r.status).toBe(0);
    const map = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    // the LiteLLM key the sheet maps the variant to, priced exactly as the sheet says
    expect(map['gemini/veo-3.1-fast-generate-preview']).toMatchObject({
      mode: 'video_generation',
      output_cost_per_video_per_second: 0.12,
      litellm_provider: 'gemini',
      source: 'https://ai.google.dev/gemini-api/docs/pricing',
    });
    expect(r.stdout).toMatch(/"gemini\/veo-3\.1-fast-generate-preview": \{[^}]*"output_cost_per_video_per_second": 0\.12,/);
    // 5 credits/s × $0.01, a key of its own where the sheet maps none
    expect(map['runway/gen4.5@720p']).toMatchObject({ output_cost_per_video_per_second: 0.12, litellm_provider: 'runway' });
    expect(map['runwayml/gen4_turbo']).toMatchObject({ output_cost_per_video_per_second: 0.05, litellm_provider: 'runwayml' });
    expect(map['google/veo-3.1-fast@2160p']).toMatchObject({ output_cost_per_video_per_second: 0.3 });
    // Sora shut down on 2026-09-24; Veo on Runway is a credit range; Vertex a conflict of sources
    expect(Object.keys(map).some((k) => k.includes('sora'))).toBe(false);
    expect(Object.keys(map).some((k) => k.includes('veo3.1') || k.includes('vertex'))).toBe(false);
    expect(r.stderr).toMatch(/left out runway\/veo3\.1 \(720p, without audio\): a range \(~\$0\.20–\$0\.40\/s\), never written as one number/);
    expect(r.stderr).toMatch(/left out openai\/sora-2 \(720p, audio included\): shut down on 2026-09-24/);
    expect(r.stderr).toMatch(/left out google\/veo-3\.1-vertex \(1080p, audio included\): a range/);
  });

  it('refuses to replace an --out file and a bad date: exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prices.json'), 'mine\n');
    const r = vidcost(['rates', '--format', 'litellm', '--pricing', SHEETS, '--as-of', '2026-12-01', '--out', 'prices.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/prices\.json: already exists; pass --force to replace it/);
    expect(readFileSync(join(dir, 'prices.json'), 'utf8')).toBe('mine\n');
    expect(vidcost(['rates', '--format', 'litellm', '--as-of', 'tomorrow']).status).toBe(2);
    expect(vidcost(['rates', '--format', 'litelm']).stderr).toMatch(/--format: expected one of/);
  });
});
