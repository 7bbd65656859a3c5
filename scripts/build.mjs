// Builds dist/ (run by a clone's `npm install` or `npm ci` through `preprepare`, before `npm pack`
// through `prepack`, and by `npm test`); the published package ships it built:
//   dist/cli.cjs        the CLI: one minified CommonJS bundle, which bin/vidcost.cjs runs
//   dist/cli.cjs.cache  its V8 code cache, used by the Node that built it (bin/code-cache.cjs)
//   dist/pricing.json   the bundled price sheets, validated by the same parseSheet as a user's sheet
//                       and precompiled: start-up parses no YAML and runs no schema for them
//   dist/index.js       the library (ESM, dependencies left to the package manager)
//   dist/types/         its type declarations (tsc, tsconfig.build.json)
// Everything is built in a staging folder and renamed into dist/ file by file, so a CLI started
// while a build runs (tests in parallel) never finds dist/ half-written.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const stage = join(dist, `.staging-${process.pid}`);
const warn = (text) => process.stderr.write(`build: ${text}\n`);

/**
 * Builtins that modules load at start-up but a run rarely uses, loaded on first use instead:
 * commander's child_process (for subcommands that are programs, which vidcost has none of) pulls
 * in Node's net and stream modules; crypto names the temporary file of --out. Each is replaced by
 * an object with no own properties whose prototype loads the builtin when a property is first
 * read, so that esbuild's import helpers, which copy own properties, load nothing either.
 */
const LAZY_BUILTINS = ['child_process', 'crypto'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m; const load = () => (m ??= require('node:${args.path}'));
module.exports = Object.create(new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() }));`,
      loader: 'js',
    }));
  },
};

/**
 * vidcost speaks English: zod's error-message translations (a third of the bundle) are left out, unless
 * the source ever names them. English stays (zod/mini is told to use it: `locales.en`).
 */
const sourceMentions = (pattern) =>
  readdirSync(join(root, 'src'), { recursive: true }).some((f) => f.endsWith('.ts') && pattern.test(readFileSync(join(root, 'src', f), 'utf8')));
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    if (sourceMentions(/\blocales\b(?!\.en\()/)) return;
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: join(root, 'node_modules', 'zod', 'v4', 'locales'),
    }));
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
    const imports = files.flatMap((f) =>
      readFileSync(join(root, 'src', f), 'utf8')
        .split('\n')
        .filter((l) => /from ['"]chalk['"]/.test(l)),
    );
    if (!imports.every((l) => /^import \{ Chalk \} from 'chalk';$/.test(l.trim()))) return;
    b.onLoad({ filter: /[\\/]chalk[\\/]source[\\/]vendor[\\/]supports-color[\\/]index\.js$/ }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

/** Moves a staged file into dist/ in one rename. */
function publish(name) {
  // a folder cannot be renamed over another: the old one goes first
  if (statSync(join(stage, name)).isDirectory()) rmSync(join(dist, name), { recursive: true, force: true });
  renameSync(join(stage, name), join(dist, name));
  published.add(name);
}
const published = new Set();

/**
 * The code cache the executable starts with (bin/code-cache.cjs), written beside `bundle` by a fresh
 * process of this Node that runs what a typical invocation runs, so that it holds those functions
 * compiled. False when it could not be written.
 */
function writeCodeCache(bundle) {
  const scenarios = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  const warmUps = [['rates'], ['--help'], ...scenarios.map((f) => ['estimate', join('scenarios', f), '--as-of', '2026-06-01'])];
  const cache = spawnSync(
    process.execPath,
    [
      '--input-type=commonjs',
      '-e',
      `require(${JSON.stringify(join(root, 'bin', 'code-cache.cjs'))}).writeCodeCache(${JSON.stringify(bundle)}, async (cli) => {
  const io = { stdout: () => {}, stderr: () => {}, cwd: ${JSON.stringify(root)}, env: { NO_COLOR: '1' }, isTTY: false, today: () => '2026-06-01' };
  for (const argv of ${JSON.stringify(warmUps)}) await cli.run(argv, io);
}).catch((error) => { console.error(error); process.exitCode = 1; });`,
    ],
    { stdio: 'inherit' },
  );
  return cache.status === 0;
}

// `--code-cache-only`: the code cache of the built bundle, made again by the Node running this, as
// a clone's `npm install` on that Node makes it (npm run bench uses it to measure other Nodes).
if (process.argv.includes('--code-cache-only')) {
  mkdirSync(stage, { recursive: true });
  try {
    cpSync(join(dist, 'cli.cjs'), join(stage, 'cli.cjs'));
    if (!writeCodeCache(join(stage, 'cli.cjs'))) process.exit(1);
    publish('cli.cjs.cache');
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  process.exit(0);
}

mkdirSync(stage, { recursive: true });
try {
  const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: join(stage, 'cli.cjs'),
      format: 'cjs',
      minify: true,
      plugins: [lazyBuiltins, englishOnlyZod, onlyExplicitChalk],
      // First line: the build id, which the code cache must carry to be used with this bundle. The
      // CommonJS bundle has no import.meta: its one use (finding the package root) gets the bundle's URL.
      banner: { js: `// vidcost build ${randomUUID()}\nvar __vidcostModuleUrl = require("node:url").pathToFileURL(__filename).href;` },
      define: { 'import.meta.url': '__vidcostModuleUrl' },
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

  // Precompile the bundled price sheets with the bundle's own parser. A sheet that does not validate
  // is left out: the CLI then reads its YAML and reports the problem as it would for any sheet.
  const { json, problems } = createRequire(import.meta.url)(join(stage, 'cli.cjs')).compileBundledPricing(root);
  for (const problem of problems) warn(`bundled price sheet not precompiled (the CLI will read its YAML):\n${problem}`);
  writeFileSync(join(stage, 'pricing.json'), json);
  publish('pricing.json'); // the warm-up below reads it from dist/

  if (writeCodeCache(join(stage, 'cli.cjs'))) publish('cli.cjs.cache');
  else warn("no code cache written (the executable then relies on Node's compile cache, where Node has one)");

  // Type declarations, so the library is typed for its users (dist/types/index.d.ts).
  const types = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', join(stage, 'types')],
    { stdio: 'inherit' },
  );
  if (types.status === 0) publish('types');
  else warn('no type declarations written (tsc failed)');
  for (const name of ['index.js', 'cli.cjs']) publish(name);
  // whatever an earlier build left that this one did not make (never another build's staging folder)
  for (const name of readdirSync(dist)) {
    if (!name.startsWith('.staging-') && !published.has(name)) rmSync(join(dist, name), { recursive: true, force: true });
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
