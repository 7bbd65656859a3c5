// The fast start-up paths give exactly what the plain ones give: the bundled sheets precompiled at
// build time are the sheets parseSheet makes from the YAML, and the executable started from the
// V8 start-up snapshot prints, writes and exits exactly as `node bin/vidcost.js` (code cache) does.
// Speed itself is measured by `npm run bench`, never here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodePricing, encodePricing } from '../src/cli/compiled-sheets.js';
import { bundledSheetSources, loadPricing } from '../src/cli/sheets.js';
import { estimate } from '../src/engine/estimate.js';
import { dec } from '../src/money/decimal.js';
import { parseSheet } from '../src/pricing/load-sheet.js';
import { estimateJson } from '../src/render/estimate.js';
import { parseScenario } from '../src/scenario/parse.js';
import { BIN, ROOT, tempDir, vidcostInProcess } from './helpers.js';

const fromYaml = () => bundledSheetSources(ROOT).map((s) => parseSheet(s.text, relative(ROOT, s.file)));
const sources = () => bundledSheetSources(ROOT).map(({ path, text }) => ({ path, text }));

describe('precompiled bundled sheets', () => {
  it('decode to exactly the sheets parseSheet makes, shared references included', () => {
    const sheets = fromYaml();
    const decoded = decodePricing(encodePricing(sources(), sheets), sources())!;
    expect(decoded).toStrictEqual(sheets);
    for (const s of decoded) {
      // every offering and plan of a sheet points to one SheetRef, as parseSheet builds it
      const refs = new Set([...s.offerings.map((o) => o.sheet), ...s.plans.map((p) => p.sheet)]);
      expect(refs.size).toBeLessThanOrEqual(1);
      // decimals keep the engine's big.js constructor (its precision and rounding settings)
      for (const p of s.plans) if (p.usdPerMonth.low) expect(p.usdPerMonth.low.constructor).toBe(dec('1').constructor);
    }
  });

  it('are refused when any sheet file differs from what was compiled', () => {
    const json = encodePricing(sources(), fromYaml());
    const changed = sources().map((s, i) => (i === 0 ? { ...s, text: s.text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) } : s));
    expect(decodePricing(json, changed)).toBeNull();
    expect(decodePricing(json, sources().slice(1))).toBeNull();
    expect(decodePricing(json, [...sources(), { path: 'pricing-data/new/2026-07-01.yaml', text: 'x' }])).toBeNull();
    expect(decodePricing(json.replace('"format":1', '"format":2'), sources())).toBeNull();
    expect(decodePricing('not json', sources())).toBeNull();
  });

  it('are what the build wrote, and give the same estimate as the YAML', () => {
    const compiled = join(ROOT, 'dist', 'pricing.json');
    expect(existsSync(compiled)).toBe(true);
    expect(decodePricing(readFileSync(compiled, 'utf8'), sources())).toStrictEqual(fromYaml());
    const dir = join(ROOT, 'scenarios');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const s = parseScenario(readFileSync(join(dir, f), 'utf8'), f);
      expect(estimateJson(estimate(loadPricing({ cwd: ROOT }), s, { asOf: '2026-06-01' }))).toEqual(estimateJson(estimate(fromYaml(), s, { asOf: '2026-06-01' })));
    }
  });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const env = (extra: Record<string, string> = {}) => ({ PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...extra });
/** The executable as a user runs it (its shell part picks the start), or through node (no snapshot). */
const outcome = (r: ReturnType<typeof spawnSync>): Run => ({ status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) });
const executable = (bin: string, args: string[], cwd: string, extra: Record<string, string> = {}): Run => outcome(spawnSync(bin, args, { cwd, encoding: 'utf8', env: env(extra) }));
const throughNode = (bin: string, args: string[], cwd: string): Run => outcome(spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: env() }));
const startsFromSnapshot = (bin: string, extra: Record<string, string> = {}) => /--snapshot-blob/.test(spawnSync('sh', ['-x', bin, '--version'], { encoding: 'utf8', env: env(extra) }).stderr);

describe.runIf(process.platform !== 'win32')('the executable', () => {
  it('starts from the snapshot the build made for this node', () => {
    expect(existsSync(join(ROOT, 'dist', 'vidcost.blob'))).toBe(true);
    expect(startsFromSnapshot(BIN)).toBe(true);
    expect(startsFromSnapshot(BIN, { VIDCOST_NO_SNAPSHOT: '1' })).toBe(false);
    // V8 flags in NODE_OPTIONS would make node refuse the snapshot: the plain start is taken
    expect(startsFromSnapshot(BIN, { NODE_OPTIONS: '--max-old-space-size=4096' })).toBe(false);
  });

  it('gives the same output, files and exit status from the snapshot as without it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nname: x\nworkloads:\n  - { name: a, clips_per_month: -1, seconds_per_clip: 8 }\n');
    const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    const runs: string[][] = [
      ['--version'],
      ['--help'],
      ['rates', '--as-of', '2026-06-01'],
      ['rates', '--all', '--format', 'json', '--as-of', '2026-06-01'],
      ['rates', '--explain', '--as-of', '2026-06-01'],
      ...scenarios.flatMap((f) => ['table', 'json', 'markdown', 'csv'].map((format) => ['estimate', join(ROOT, 'scenarios', f), '--as-of', '2026-06-01', '--format', format])),
      ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--as-of', '2026-06-01', '--fail-on-ceiling'],
      ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--pricing', join(ROOT, 'test', 'fixtures', 'pricing-hypothetical')],
      ['estimate', 'bad.yaml'],
      ['estimate', 'missing.yaml'],
      ['validate', join(ROOT, 'pricing-data')],
      ['schema'],
      ['no-such-command'],
    ];
    for (const args of runs) {
      const fast = executable(BIN, args, dir);
      const plain = throughNode(BIN, args, dir);
      expect({ args, ...fast }).toEqual({ args, ...plain });
    }
    // a written report: byte for byte
    executable(BIN, ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--as-of', '2026-06-01', '--format', 'json', '-o', 'fast.json'], dir);
    throughNode(BIN, ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--as-of', '2026-06-01', '--format', 'json', '-o', 'plain.json'], dir);
    expect(readFileSync(join(dir, 'fast.json'), 'utf8')).toBe(readFileSync(join(dir, 'plain.json'), 'utf8'));
  });

  it('finds its package through npm\'s link in node_modules/.bin, from any folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    symlinkSync(BIN, join(dir, 'bin', 'vidcost'));
    const r = executable(join(dir, 'bin', 'vidcost'), ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--as-of', '2026-06-01', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(throughNode(BIN, ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--as-of', '2026-06-01', '--format', 'json'], dir).stdout);
    expect(startsFromSnapshot(join(dir, 'bin', 'vidcost'))).toBe(true);
  });

  it('prices edited sheets from their YAML, and does not start a snapshot made for another node', () => {
    // a copy of the package (modification times kept: the snapshot stamp carries node's)
    const pkg = tempDir();
    for (const part of ['bin', 'dist', 'pricing-data', 'scenarios', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true, preserveTimestamps: true });
    const bin = join(pkg, 'bin', 'vidcost.js');
    expect(startsFromSnapshot(bin)).toBe(true);

    // a sheet edited after the build: neither the snapshot's sheets nor dist/pricing.json are used
    const sheet = join(pkg, 'pricing-data', 'openai', '2026-06-01.yaml');
    const text = readFileSync(sheet, 'utf8');
    expect(text).toContain('{ resolution: 720p, usd_per_second: "~0.10" }');
    writeFileSync(sheet, text.replace('{ resolution: 720p, usd_per_second: "~0.10" }', '{ resolution: 720p, usd_per_second: "~0.11" }'));
    const args = ['rates', '--resolution', '720p', '--format', 'json', '--as-of', '2026-06-01'];
    const sora = (r: Run) => (JSON.parse(r.stdout) as { rates: { offering: string; usdPerSecond: string | null }[] }).rates.find((x) => x.offering === 'openai/sora-2')!.usdPerSecond;
    expect(sora(executable(bin, args, pkg))).toBe('0.11');
    expect(sora(throughNode(bin, args, pkg))).toBe('0.11');
    expect(sora(executable(BIN, args, pkg))).toBe('0.10');

    // a stamp that does not match the node on PATH: the plain start
    const stamp = join(pkg, 'dist', 'vidcost.blob.node');
    utimesSync(stamp, new Date(0), new Date(0));
    expect(startsFromSnapshot(bin)).toBe(false);
    writeFileSync(stamp, '/no/such/node\n');
    expect(startsFromSnapshot(bin)).toBe(false);
    expect(executable(bin, ['--version'], pkg).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('start-up cost', () => {
  it('the bundle is ASCII: one other character makes V8 keep all of its source as UTF-16, in every start-up', () => {
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    const found = /[^\u0000-\u007f][^\n]{0,40}/.exec(bundle);
    expect(found?.[0] ?? null).toBeNull();
  });

  it('the CLI loads zod only for a run that needs it: never for rates or a valid scenario', () => {
    // the bundle as bin/vidcost.js loads it, in a fresh process; the build's lazy zod sets the mark
    const script = `
      const { loadBundle } = require(${JSON.stringify(BIN)});
      const { cli } = loadBundle(false);
      const io = { stdout: () => {}, stderr: () => {}, cwd: ${JSON.stringify(ROOT)}, env: {}, isTTY: false, today: () => '2026-06-01' };
      const loaded = () => Boolean(globalThis[Symbol.for('vidcost.zodLoaded')]);
      (async () => {
        const seen = [];
        for (const args of ${JSON.stringify([['rates'], ['rates', '--all'], ...readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => ['estimate', join('scenarios', f)]), ['estimate', 'package.json']])}) {
          seen.push([args.join(' '), await cli.run(args, io), loaded()]);
        }
        process.stdout.write(JSON.stringify(seen));
      })();`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout) as [string, number, boolean][];
    for (const [args, status, loaded] of seen.slice(0, -1)) expect({ args, status, loaded }).toEqual({ args, status: 0, loaded: false });
    // a file that is not a valid scenario: zod words the problems
    expect(seen.at(-1)).toEqual(['estimate package.json', 2, true]);
  });

  it.runIf(process.platform !== 'win32')('the executable does not make node load NODE_EXTRA_CA_CERTS (vidcost opens no connection)', () => {
    const missing = join(tempDir(), 'no-such-bundle.pem');
    // node itself warns that it cannot load the file, so it is seen whether or not it is read
    const plain = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env: env({ NODE_EXTRA_CA_CERTS: missing }) });
    expect(plain.stderr).toContain('extra certs');
    for (const extra of [{}, { VIDCOST_NO_SNAPSHOT: '1' }] as Record<string, string>[]) {
      const r = executable(BIN, ['--version'], ROOT, { NODE_EXTRA_CA_CERTS: missing, ...extra });
      expect(r).toEqual({ status: 0, stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`, stderr: '' });
    }
  });

  it('estimate and rates never start ICU (its first use costs 8-16 ms of a run)', async () => {
    const spies = [
      vi.spyOn(String.prototype, 'localeCompare'),
      vi.spyOn(Number.prototype, 'toLocaleString'),
      vi.spyOn(Date.prototype, 'toLocaleDateString'),
      vi.spyOn(Intl, 'Collator'),
      vi.spyOn(Intl, 'NumberFormat'),
      vi.spyOn(Intl, 'DateTimeFormat'),
    ];
    try {
      const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
      for (const args of [['--version'], ['rates'], ['rates', '--all'], ...scenarios.map((f) => ['estimate', join('scenarios', f)])]) {
        const r = await vidcostInProcess(args);
        expect(r.status).toBe(0);
      }
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
