// Builds dist/ (run by `npm install` through `prepare`, and by `npm test`):
//   dist/cli.cjs            the CLI: one minified CommonJS bundle
//   dist/zod.cjs            zod, which the CLI loads only when a run needs it (see lazyZod)
//   dist/pricing.json       the bundled price sheets, validated by the same parseSheet as a user's
//                           sheet and precompiled: start-up parses no YAML and runs no schema for them
//   dist/vidcost.blob       V8 start-up snapshot of the CLI with its modules evaluated, warm-up runs
//                           compiled and the bundled sheets in the heap (bin/vidcost.js starts from it
//                           when it matches the node on PATH)
//   dist/vidcost.blob.node  the node binary the snapshot belongs to (path; its mtime is node's)
//   dist/cli.cjs.cache      V8 code cache of the bundle, for runs without the snapshot
//   dist/index.js           the library (ESM, dependencies left to the package manager)
//   dist/types/             its type declarations (tsc, tsconfig.build.json)
// Each optional artefact that cannot be made is skipped with a warning; the CLI then takes a slower
// path with the same output. Everything is built in a staging folder and renamed into dist/ file by
// file, so a CLI started while a build runs (tests in parallel) never finds dist/ half-written.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stage = join(dist, `.staging-${process.pid}`);
const require = createRequire(import.meta.url);
const warn = (text) => process.stderr.write(`build: ${text}\n`);
const buildId = randomUUID();

/** Builtins loaded at start-up but rarely used, loaded on first use instead (commander's child_process; crypto, for temporary file names of --out; tty, asked only when colour is possible). */
const LAZY_BUILTINS = ['child_process', 'crypto', 'tty'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m; const load = () => (m ??= require('node:${args.path}'));
module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; } });`,
      loader: 'js',
    }));
  },
};

/** vidcost speaks English: zod's error-message translations (a third of the bundle) are left out, unless the source ever names them. */
const sourceMentions = (word) => readdirSync(join(root, 'src'), { recursive: true }).some((f) => f.endsWith('.ts') && readFileSync(join(root, 'src', f), 'utf8').includes(word));
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    if (sourceMentions('locales')) return;
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js', resolveDir: join(root, 'node_modules', 'zod', 'v4', 'locales') }));
  },
};

/**
 * vidcost decides colour itself (a TTY without NO_COLOR, see render/table.ts) and only ever makes
 * `new Chalk({ level })`: chalk's own terminal detection, which loads node:tty at start-up for the
 * default instance, is left out, unless the source ever uses anything of chalk but { Chalk }.
 */
const onlyExplicitChalk = {
  name: 'only-explicit-chalk',
  setup(b) {
    const files = readdirSync(join(root, 'src'), { recursive: true }).filter((f) => f.endsWith('.ts'));
    const imports = files.flatMap((f) => readFileSync(join(root, 'src', f), 'utf8').split('\n').filter((l) => /from ['"]chalk['"]/.test(l)));
    if (!imports.every((l) => /^import \{ Chalk \} from 'chalk';$/.test(l.trim()))) return;
    b.onLoad({ filter: /[\\/]chalk[\\/]source[\\/]vendor[\\/]supports-color[\\/]index\.js$/ }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

/** cli-table3's string-width behind a plain-text fast path (src/render/string-width-fast.ts says why). */
const plainTextStringWidth = {
  name: 'plain-text-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      /[\\/]cli-table3[\\/]/.test(args.importer) ? { path: args.importer, namespace: 'plain-text-string-width', pluginData: { resolveDir: args.resolveDir } } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'plain-text-string-width' }, (args) => ({
      contents: `const { withPlainTextFastPath } = require(${JSON.stringify(join(root, 'src', 'render', 'string-width-fast.ts'))});
module.exports = withPlainTextFastPath(require('string-width/index.js'));`,
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

/**
 * zod is loaded on first use in the CLI. Every schema is built on first use (src/once.ts) and a
 * valid scenario is checked without zod (src/input/plain-shape.ts, its shape compiled in below), so
 * most runs never load it. It is bundled apart, in dist/zod.cjs, required from the package root
 * when first touched: neither the CLI bundle nor the start-up snapshot holds any of it, and zod with
 * the schemas was a quarter of what a start deserialized. Loading it sets a global mark that the
 * snapshot build and the tests read.
 */
const ZOD_LOADED = "Symbol.for('vidcost.zodLoaded')";
const lazyZod = {
  name: 'lazy-zod',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'lazy-zod' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-zod' }, () => ({
      contents: `import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from ${JSON.stringify(join(root, 'src', 'cli', 'sheets.ts'))};
let m;
const load = () => {
  if (!m) {
    const file = join(packageRoot(), 'dist', 'zod.cjs');
    m = createRequire(file)(file).z;
    globalThis[${ZOD_LOADED}] = true;
  }
  return m;
};
export const z = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/** The scenario schema as a PlainShape (src/input/shape-of.ts), made here so the CLI needs no zod for it. */
async function scenarioShapeJson(common) {
  const out = join(stage, 'scenario-shape.mjs');
  await build({
    ...common,
    stdin: { contents: "import { shapeOf } from './src/input/shape-of.ts'; import { scenarioSchema } from './src/scenario/schema.ts'; export default JSON.stringify(shapeOf(scenarioSchema()));", resolveDir: root, loader: 'ts' },
    outfile: out,
    format: 'esm',
    plugins: [englishOnlyZod],
  });
  return (await import(pathToFileURL(out).href)).default;
}

/** Moves a staged file into dist/ in one rename. */
function publish(name) {
  // a folder cannot be renamed over another: the old one goes first
  if (statSync(join(stage, name)).isDirectory()) rmSync(join(dist, name), { recursive: true, force: true });
  renameSync(join(stage, name), join(dist, name));
  published.add(name);
}
const published = new Set();

mkdirSync(stage, { recursive: true });
try {
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
  const scenarioShape = await scenarioShapeJson(common);
  await Promise.all([
    build({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: join(stage, 'cli.cjs'),
      format: 'cjs',
      minify: true,
      plugins: [lazyBuiltins, lazyZod, englishOnlyZod, onlyExplicitChalk, plainTextStringWidth],
      // First line: the build id, which the code cache must carry to be used with this bundle. The
      // CommonJS bundle has no import.meta: its one use (finding the package root) gets the bundle's URL.
      banner: { js: `// vidcost build ${buildId}\nvar __vidcostModuleUrl = require("node:url").pathToFileURL(__filename).href;` },
      define: { 'import.meta.url': '__vidcostModuleUrl', __VIDCOST_SCENARIO_SHAPE__: scenarioShape },
    }),
    build({
      ...common,
      stdin: { contents: "export { z } from 'zod';", resolveDir: root, loader: 'js' },
      outfile: join(stage, 'zod.cjs'),
      format: 'cjs',
      minify: true,
      plugins: [englishOnlyZod],
    }),
    build({
      ...common,
      entryPoints: ['src/index.ts'],
      outfile: join(stage, 'index.js'),
      format: 'esm',
      packages: 'external',
      banner: { js: "import { createRequire as __vidcostRequire } from 'node:module'; const require = __vidcostRequire(import.meta.url);" },
    }),
  ]);

  publish('zod.cjs'); // the bundle loads it from dist/ when a run needs zod: the sheets' precompilation below does

  // Precompile the bundled price sheets with the bundle's own parser. A sheet that does not validate
  // is not precompiled: the CLI then reads the YAML and reports the problem as it would for any sheet.
  let pricing = false;
  try {
    const cli = require(join(stage, 'cli.cjs'));
    writeFileSync(join(stage, 'pricing.json'), cli.compileBundledPricing(root));
    publish('pricing.json'); // the warm-up runs below read it from dist/
    pricing = true;
  } catch (error) {
    warn(`bundled price sheets not precompiled (the CLI will read the YAML):\n${error instanceof Error ? error.message : error}`);
  }

  // Code cache for runs without the snapshot, made in a fresh process that compiles the bundle the
  // way bin/vidcost.js does and runs what a typical invocation runs.
  const cache = spawnSync(process.execPath, [join(root, 'scripts', 'write-code-cache.cjs'), join(stage, 'cli.cjs')], { stdio: 'inherit' });
  if (cache.status !== 0) warn('no code cache written (runs without the snapshot compile the bundle at start-up)');

  const snapshot = pricing && buildSnapshot();
  // Type declarations, so the library is typed for its users (dist/types/index.d.ts).
  const types = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', join(stage, 'types')], { stdio: 'inherit' });
  if (types.status === 0) publish('types');
  else warn('no type declarations written (tsc failed)');
  publish('index.js');
  publish('cli.cjs');
  if (existsSync(join(stage, 'cli.cjs.cache'))) publish('cli.cjs.cache');
  if (snapshot) {
    publish('vidcost.blob');
    publish('vidcost.blob.node');
  }
  // whatever an earlier build left that this one did not make (never another build's staging folder)
  for (const name of readdirSync(dist)) {
    if (!name.startsWith('.staging-') && !published.has(name)) rmSync(join(dist, name), { recursive: true, force: true });
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/**
 * The start-up snapshot: the bundle evaluated inside `node --build-snapshot`, which only offers
 * built-in modules to its entry script, so the entry wraps the bundle the way CommonJS would.
 */
function buildSnapshot() {
  const blob = join(stage, 'vidcost.blob');
  const entry = join(stage, 'snapshot-entry.cjs');
  const bundle = join(dist, 'cli.cjs'); // where it will live: the warm-up finds the package root from it
  writeFileSync(
    entry,
    `'use strict';
const module = { exports: {} };
(function (exports, require, module, __filename, __dirname) {
${readFileSync(join(stage, 'cli.cjs'), 'utf8')}
})(module.exports, require, module, ${JSON.stringify(bundle)}, ${JSON.stringify(dist)});
module.exports.prepareSnapshot(require('node:v8').startupSnapshot, ${JSON.stringify(root)}).then(() => {
  if (globalThis[${ZOD_LOADED}]) process.stderr.write('the warm-up runs loaded zod: the start-up snapshot holds it, and every start is slower\\n');
}).catch((error) => {
  process.stderr.write('snapshot: ' + (error && error.stack || error) + '\\n');
  process.exit(1);
});
`,
  );
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], { cwd: root, encoding: 'utf8' });
  // Node notes that tty and child_process are "not yet fully verified" in snapshots: vidcost's
  // snapshot loads tty (chalk) but reads terminals only at run time, and never child_process.
  const noise = /not yet fully verified|may still work in some cases|To request support for the module|--trace-warnings/;
  const said = (made.stderr ?? '').split('\n').filter((l) => l.trim() && !noise.test(l));
  if (made.status !== 0 || !existsSync(blob)) {
    warn(`no start-up snapshot (runs use the code cache instead):\n${said.join('\n') || made.error?.message || `exit ${made.status}`}`);
    return false;
  }
  if (said.length) process.stderr.write(`${said.join('\n')}\n`);
  // Smoke test before it is published: a broken blob must never be what the launcher starts.
  const check = spawnSync(process.execPath, ['--snapshot-blob', blob, join(root, 'bin', 'vidcost.js'), '--version'], { encoding: 'utf8' });
  if (check.status !== 0 || check.stdout.trim() !== JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) {
    warn(`start-up snapshot failed its smoke test and is not used:\n${check.stderr || check.stdout}`);
    return false;
  }
  // The launcher starts the snapshot only with this very node: same path, same modification time.
  const node = realpathSync(process.execPath);
  const stamp = join(stage, 'vidcost.blob.node');
  writeFileSync(stamp, `${node}\n`);
  const { atime, mtime } = statSync(node);
  utimesSync(stamp, atime, mtime);
  return true;
}
