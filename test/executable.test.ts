// The executable as users start it (npm's link on POSIX, npm's shims on Windows), the precompiled
// bundled sheets it starts with, and the packed package as a user installs it. Speed itself is
// measured by `npm run bench`, never here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { join, relative } from 'node:path';
import cmdShim from 'cmd-shim';
import { describe, expect, it, vi } from 'vitest';
import { decodePricing, encodePricing } from '../src/cli/compiled-sheets.js';
import { bundledSheetSources, loadPricing } from '../src/cli/sheets.js';
import { estimate } from '../src/engine/estimate.js';
import { dec } from '../src/money/decimal.js';
import { parseSheet } from '../src/pricing/load-sheet.js';
import { estimateJson } from '../src/render/estimate.js';
import { parseScenario } from '../src/scenario/parse.js';
import { BIN, ROOT, tempDir, vidcost, vidcostInProcess } from './helpers.js';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const fromYaml = () => bundledSheetSources(ROOT).map((s) => parseSheet(s.text, relative(ROOT, s.file)));
const compiledFrom = (sources: { path: string; text: string; file: string }[]) =>
  sources.map((s) => ({ path: s.path, text: s.text, sheet: parseSheet(s.text, relative(ROOT, s.file)) }));
const env = { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' };

describe('precompiled bundled sheets', () => {
  it('decode to exactly the sheets parseSheet makes, shared references included', () => {
    const sources = bundledSheetSources(ROOT);
    const decoded = decodePricing(encodePricing(compiledFrom(sources)), sources);
    expect(sources.map((s) => decoded.get(s.path))).toStrictEqual(fromYaml());
    for (const s of decoded.values()) {
      // every offering and plan of a sheet points to one SheetRef, as parseSheet builds it
      const refs = new Set([...s.offerings.map((o) => o.sheet), ...s.plans.map((p) => p.sheet)]);
      expect(refs.size).toBeLessThanOrEqual(1);
      // decimals come back as Dec instances (the class dec() makes), not plain objects with its fields
      for (const p of s.plans) if (p.usdPerMonth.low) expect(p.usdPerMonth.low.constructor).toBe(dec('1').constructor);
    }
  });

  it('are used only for a file with the very path and text they were compiled from', () => {
    const sources = bundledSheetSources(ROOT);
    const json = encodePricing(compiledFrom(sources));
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: s.text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) } : s));
    expect([...decodePricing(json, edited).keys()]).toEqual(sources.slice(1).map((s) => s.path));
    const added = [...sources, { path: 'pricing-data/newvendor/2026-12-01.yaml', text: 'x' }];
    expect([...decodePricing(json, added).keys()]).toEqual(sources.map((s) => s.path));
    expect(decodePricing(json.replace('"format":2', '"format":1'), sources).size).toBe(0);
    expect(decodePricing('not json', sources).size).toBe(0);
  });

  it('are what the build wrote, and give the same estimate as the YAML', () => {
    const sources = bundledSheetSources(ROOT);
    expect(decodePricing(readFileSync(join(ROOT, 'dist', 'pricing.json'), 'utf8'), sources).size).toBe(sources.length);
    const dir = join(ROOT, 'scenarios');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const s = parseScenario(readFileSync(join(dir, f), 'utf8'), f);
      expect(estimateJson(estimate(loadPricing({ cwd: ROOT }), s, { asOf: '2026-06-01' }))).toEqual(
        estimateJson(estimate(fromYaml(), s, { asOf: '2026-06-01' })),
      );
    }
  });

  it('a sheet edited or added after the build is priced from its YAML (a copy of the built package)', () => {
    const pkg = tempDir();
    for (const part of ['bin', 'dist', 'pricing-data', 'scenarios', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const bin = join(pkg, 'bin', 'vidcost.cjs');
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: pkg, encoding: 'utf8', env });
    const rate = (stdout: string, id: string) =>
      (JSON.parse(stdout) as { rates: { offering: string; usdPerSecond: string | null }[] }).rates.find((x) => x.offering === id)?.usdPerSecond;

    const sheet = join(pkg, 'pricing-data', 'openai', '2026-06-01.yaml');
    const text = readFileSync(sheet, 'utf8');
    expect(text).toContain('{ resolution: 720p, usd_per_second: "~0.10" }');
    writeFileSync(sheet, text.replace('{ resolution: 720p, usd_per_second: "~0.10" }', '{ resolution: 720p, usd_per_second: "~0.11" }'));
    // a new vendor's sheet, copied from openai's with its own vendor id and price
    mkdirSync(join(pkg, 'pricing-data', 'copycat'));
    writeFileSync(
      join(pkg, 'pricing-data', 'copycat', '2026-06-01.yaml'),
      text
        .replace(/^vendor: openai$/m, 'vendor: copycat')
        .replaceAll('id: openai/', 'id: copycat/')
        .replace('{ resolution: 720p, usd_per_second: "~0.10" }', '{ resolution: 720p, usd_per_second: "~0.07" }'),
    );

    const r = run(['rates', '--resolution', '720p', '--format', 'json', '--as-of', '2026-06-01']);
    expect(r.stderr).toBe('');
    expect(rate(r.stdout, 'openai/sora-2')).toBe('0.11');
    expect(rate(r.stdout, 'copycat/sora-2')).toBe('0.07');
    // the sheets nobody touched keep their figures
    expect(rate(r.stdout, 'runway/gen4-turbo')).toBe(
      rate(vidcost(['rates', '--resolution', '720p', '--format', 'json', '--as-of', '2026-06-01']).stdout, 'runway/gen4-turbo'),
    );
  });
});

describe("the build's code cache", () => {
  type CodeCache = {
    requireWithCodeCache(file: string): { main?: unknown } | null;
    writeCodeCache(file: string, warmUp: (cli: { run(argv: string[], io: unknown): Promise<number> }) => Promise<void>): Promise<void>;
  };
  const codeCache = createRequire(import.meta.url)(join(ROOT, 'bin', 'code-cache.cjs')) as CodeCache;

  /** A copy of the built package whose code cache this very Node wrote (whichever Node built dist/). */
  async function packageWithOwnCache(): Promise<string> {
    const pkg = tempDir();
    for (const part of ['bin', 'dist', 'pricing-data', 'scenarios', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const io = { stdout: () => {}, stderr: () => {}, cwd: pkg, env: { NO_COLOR: '1' }, isTTY: false, today: () => '2026-06-01' };
    await codeCache.writeCodeCache(join(pkg, 'dist', 'cli.cjs'), async (cli) => {
      await cli.run(['rates'], io);
    });
    return pkg;
  }

  it('names the bundle and the V8 that made it, and that V8 accepts it', async () => {
    const pkg = await packageWithOwnCache();
    const bundle = readFileSync(join(pkg, 'dist', 'cli.cjs'), 'utf8');
    const cache = readFileSync(join(pkg, 'dist', 'cli.cjs.cache'));
    const header = `${bundle.slice(0, bundle.indexOf('\n') + 1)}v8 ${process.versions.v8}\n`;
    expect(cache.subarray(0, header.length).toString('latin1')).toBe(header);
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bundle}\n})`, {
      filename: join(pkg, 'dist', 'cli.cjs'),
      cachedData: cache.subarray(header.length),
    });
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof codeCache.requireWithCodeCache(join(pkg, 'dist', 'cli.cjs'))?.main).toBe('function');
  });

  it('is left alone for another V8 or another bundle, and the executable then starts without it', async () => {
    const pkg = await packageWithOwnCache();
    const cacheFile = join(pkg, 'dist', 'cli.cjs.cache');
    const cache = readFileSync(cacheFile, 'latin1');
    const expected = vidcost(['rates', '--as-of', '2026-06-01']).stdout;
    const rates = () => spawnSync(process.execPath, [join(pkg, 'bin', 'vidcost.cjs'), 'rates', '--as-of', '2026-06-01'], { cwd: pkg, encoding: 'utf8', env });
    expect(rates().stdout).toBe(expected);
    for (const changed of [
      cache.replace(`v8 ${process.versions.v8}\n`, 'v8 1.2.3\n'), // made by another V8
      cache.replace('// vidcost build ', '// vidcost build x'), // made from another build of the bundle
    ]) {
      expect(changed).not.toBe(cache);
      writeFileSync(cacheFile, changed, 'latin1');
      expect(codeCache.requireWithCodeCache(join(pkg, 'dist', 'cli.cjs'))).toBeNull();
      const r = rates();
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toBe(expected);
    }
    rmSync(cacheFile);
    expect(codeCache.requireWithCodeCache(join(pkg, 'dist', 'cli.cjs'))).toBeNull();
    expect(rates().stdout).toBe(expected);
  });
});

describe('the executable', () => {
  it('is a plain Node script of a few lines', () => {
    const lines = readFileSync(BIN, 'utf8').split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env node');
    expect(lines.length).toBeLessThanOrEqual(12);
  });

  it.runIf(process.platform !== 'win32')("runs through npm's link in node_modules/.bin, from any folder", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bin'));
    symlinkSync(BIN, join(dir, 'bin', 'vidcost'));
    const args = ['estimate', join(ROOT, 'scenarios', 'social-drafts.yaml'), '--as-of', '2026-06-01', '--format', 'json'];
    const r = spawnSync(join(dir, 'bin', 'vidcost'), args, { cwd: dir, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(vidcost(args, { cwd: dir }).stdout);
  });

  it("npm's Windows shims (cmd-shim) start it with node, not sh", async () => {
    // laid out as npm installs a package: the shims in node_modules/.bin, the package beside them
    const prefix = tempDir();
    const target = join(prefix, 'node_modules', 'vidcost', 'bin', 'vidcost.cjs');
    mkdirSync(join(prefix, 'node_modules', 'vidcost', 'bin'), { recursive: true });
    cpSync(BIN, target);
    const shim = join(prefix, 'node_modules', '.bin', 'vidcost');
    await cmdShim(target, shim);
    const cmd = readFileSync(`${shim}.cmd`, 'utf8');
    const ps1 = readFileSync(`${shim}.ps1`, 'utf8');
    const sh = readFileSync(shim, 'utf8');
    // cmd.exe and PowerShell run node (node.exe beside the shim, else node on PATH) with the script
    expect(cmd).toContain('SET "_prog=node"');
    expect(cmd).toContain('"%_prog%"  "%dp0%\\..\\vidcost\\bin\\vidcost.cjs" %*');
    expect(ps1).toContain('& "node$exe"  "$basedir/../vidcost/bin/vidcost.cjs" $args');
    expect(sh).toContain('exec node  "$basedir/../vidcost/bin/vidcost.cjs" "$@"');
    for (const text of [cmd, ps1, sh]) expect(text).not.toMatch(/\/bin\/sh(\.exe|\$exe|")|sh\.exe/);
  });

  it.runIf(process.platform !== 'win32')('the POSIX shim cmd-shim writes (Git Bash, Cygwin) runs it', async () => {
    const prefix = tempDir();
    const shim = join(prefix, 'node_modules', '.bin', 'vidcost');
    await cmdShim(BIN, shim);
    const r = spawnSync('sh', [shim, '--version'], { encoding: 'utf8', env });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('estimate and rates never start ICU (its first use would slow every run: docs/speed.md)', async () => {
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

describe('the packed package', () => {
  it.runIf(process.platform !== 'win32')('installs with no install-scripts warning and no build step, and runs', { timeout: 240_000 }, () => {
    const dir = tempDir();
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', join(dir, tarball), 'package/package.json'], { encoding: 'utf8' }).stdout) as {
      scripts: Record<string, string>;
    };
    // nothing npm runs when it installs a package: dist/ is shipped built
    for (const event of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[event]).toBeUndefined();
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "version": "1.0.0", "private": true }\n');
    const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)], { cwd: app, encoding: 'utf8' });
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).not.toMatch(/install-scripts|warn/i);
    const r = spawnSync(
      join(app, 'node_modules', '.bin', 'vidcost'),
      ['estimate', 'node_modules/vidcost/scenarios/social-drafts.yaml', '--as-of', '2026-06-01', '--format', 'json'],
      { cwd: app, encoding: 'utf8', env },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(vidcost(['estimate', 'scenarios/social-drafts.yaml', '--as-of', '2026-06-01', '--format', 'json']).stdout);
  });
});
