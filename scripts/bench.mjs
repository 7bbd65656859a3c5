#!/usr/bin/env node
// `npm run bench`: how fast vidcost starts and how fast its engine prices, measured on this machine.
//
// 1. Whole-process wall time of `vidcost estimate` on a bundled scenario and of `vidcost rates`,
//    started the way a user starts them (the executable bin/vidcost.cjs, output into a pipe),
//    against `node -e 0`, interleaved round by round so that a busy machine slows all of them
//    alike. Each figure is the median over the rounds of (command time ÷ `node -e 0` time in the
//    same round). NODE_EXTRA_CA_CERTS is unset on both sides. Then the same again on each other
//    Node that `engines` names (20, 22 and 24, the running one aside; binaries of the npm `node`
//    package, through npx), twice: with the build's code cache, which that Node cannot use (a
//    registry install built by another Node; no goal), and with the cache made by that Node (a
//    clone's npm install on it; the goal applies).
// 2. scripts/bench-engine.mjs: workload × offering evaluations per second of `estimate`, the engine
//    the CLI runs, and `vidcost estimate` on 1,000 workloads against 10 in every format; then the
//    engine again on each other Node.
// 3. scripts/bench-forecast.mjs, when it exists.
// 4. scripts/bench-actuals.mjs: `vidcost actuals` on a 1,000,000-row usage log against a plain
//    split + JSON.parse of the same file, with both peak memories.
//
// Options: --rounds N (default 30), --quick (fewer rounds and repetitions), --only startup|engine|
// forecast|actuals, --nodes 22,24 (the other Nodes measured; `--nodes none`: only this one), --check
// (exit 1 when a goal is missed or a Node asked for could not be measured). Needs a build (npm
// install or npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineLines, nodeBinary } from './node-versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const check = args.includes('--check');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : null; // startup | engine | forecast | actuals
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 10 : 30;
const nodesArg = args.indexOf('--nodes');
// every Node line `engines` names but this one, unless --nodes says which (none: this one only)
const nodesText =
  nodesArg >= 0
    ? (args[nodesArg + 1] ?? '')
    : engineLines(root)
        .map((line) => line.major)
        .join(',');
const nodeVersions = nodesText === 'none' ? [] : nodesText.split(',');
const unreadable = nodeVersions.filter((v) => !/^\d+(\.\d+){0,2}$/.test(v));
if (unreadable.length > 0) {
  process.stderr.write(`bench: --nodes takes versions such as 22 or 22.12.0, separated by commas, or none; found ${unreadable.join(', ')}\n`);
  process.exit(2);
}
// the running Node is measured first in any case
const otherVersions = nodeVersions.filter((v) => v !== process.versions.node.split('.').slice(0, v.split('.').length).join('.'));
const GOALS = { startRatio: 3 };
const missed = [];
const notMeasured = [];

const bin = join(root, 'bin', 'vidcost.cjs');
const LITELLM_MAP = join('test', 'fixtures', 'price-maps', 'litellm', 'model_prices_and_context_window.2026-07-24.json');
const lib = join(root, 'dist', 'index.js');
if (!existsSync(join(root, 'dist', 'cli.cjs')) || !existsSync(lib)) {
  process.stderr.write('bench: dist/ is not built: run `npm install` or `npm run build` first\n');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const line = (text = '') => process.stdout.write(`${text}\n`);

line(
  `vidcost bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
line();

// the other Nodes, fetched before anything is timed (only where a part measures them)
const otherNodes =
  !only || only === 'startup' || only === 'engine' ? otherVersions.map((major) => ({ major, node: binaryOf(major) })).filter((x) => x.node) : [];

// ---- 1. start-up: whole processes ---------------------------------------------------------------

if (!only || only === 'startup') {
  startup(process.execPath, 'code cache made by this Node', true);
  // The package's code cache is V8's and serves only the Node that made it. On another Node, a
  // registry install (cache made by the publisher's Node) falls back to Node's compile cache, while a
  // clone's `npm install` makes the cache with that Node: both are measured; at the end the cache is
  // made again by this Node, as it was.
  try {
    for (const { node } of otherNodes) {
      startup(node, 'code cache made by another Node: as a registry install on this Node starts', false);
      makeCodeCache(node);
      startup(node, "code cache made by this Node: as a clone's npm install on this Node starts", true);
    }
  } finally {
    if (otherNodes.length > 0) makeCodeCache(process.execPath);
  }
}

/** Writes dist/cli.cjs.cache again with `node` (scripts/build.mjs --code-cache-only). */
function makeCodeCache(node) {
  const r = spawnSync(node, [join(root, 'scripts', 'build.mjs'), '--code-cache-only'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench: ${node} scripts/build.mjs --code-cache-only failed (exit ${r.status})`);
}

/** The binary of Node `major` (node-versions.mjs), or null: that Node is then reported as not measured, never as a goal met. */
function binaryOf(major) {
  const found = nodeBinary(major);
  if (found.error === undefined) return found.path;
  process.stderr.write(`bench: cannot get Node ${major} through \`npx node@${major}\`:\n${found.error}\n`);
  notMeasured.push(`Node ${major} (npx node@${major} failed)`);
  return null;
}

/** Start-up on `node`; `withGoal`: the goal applies (the code cache is this Node's, as the goal assumes). */
function startup(node, cacheNote, withGoal) {
  const scenario = existsSync(join(root, 'scenarios', 'social-drafts.yaml')) ? 'scenarios/social-drafts.yaml' : 'test/fixtures/scenarios/golden.yaml';
  // Like for like: what Node does at every start for this variable (Node 20 parses every certificate
  // it names) is not vidcost's, so neither side has it. The executable finds `node` on PATH, as
  // its #! line says: the node measured comes first.
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const commands = [
    { label: 'node -e 0', file: node, argv: ['-e', '0'] },
    { label: `vidcost estimate ${scenario}`, file: bin, argv: ['estimate', scenario, '--as-of', '2026-06-01'], goal: true },
    { label: 'vidcost rates', file: bin, argv: ['rates', '--as-of', '2026-06-01'], goal: true },
    // the cross-check reads the whole LiteLLM price map (about 1.5 MB, 3,000 models) exactly
    ...(existsSync(join(root, LITELLM_MAP))
      ? [{ label: 'vidcost prices check --against <LiteLLM map>', file: bin, argv: ['prices', 'check', '--against', LITELLM_MAP, '--as-of', '2026-12-01'] }]
      : []),
  ];
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  for (const c of commands) {
    const r = spawnSync(c.file, c.argv, { cwd: root, env, encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(`bench: \`${c.label}\` failed (exit ${r.status}):\n${r.stderr || r.error?.message}\n`);
      process.exit(2);
    }
  }
  const times = commands.map(() => []);
  for (let round = 0; round < ROUNDS + 1; round++) {
    commands.forEach((c, i) => {
      const t0 = process.hrtime.bigint();
      // stdout into a pipe, as a CI log or `| less` takes it (not /dev/null, which no user reads)
      const r = spawnSync(c.file, c.argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
      if (r.status !== 0 || (c.goal && r.stdout.length === 0)) throw new Error(`\`${c.label}\` failed in round ${round} (exit ${r.status})`);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (round > 0) times[i].push(ms); // round 0 warms the file cache (and Node's compile cache)
    });
  }
  line(
    `1. Start-up on Node ${version}, ${cacheNote} (whole process, ${ROUNDS} interleaved rounds, median of per-round ratios to node -e 0; NODE_EXTRA_CA_CERTS unset for all)`,
  );
  for (const [i, c] of commands.entries()) {
    const ms = median(times[i]);
    const ratio = median(times[i].map((t, r) => t / times[0][r]));
    const verdict = c.goal && withGoal ? `  goal ≤ ${GOALS.startRatio}×: ${ratio <= GOALS.startRatio ? 'met' : 'MISSED'}` : '';
    line(`   ${c.label.padEnd(52)} ${fmt(ms).padStart(7)} ms  ${fmt(ratio, 2).padStart(5)}×${verdict}`);
    if (c.goal && withGoal && ratio > GOALS.startRatio) missed.push(`Node ${version} (${cacheNote}), ${c.label}: ${fmt(ratio, 2)}× node -e 0`);
  }
  line();
}

// ---- 2. the engine and big reports: scripts/bench-engine.mjs -------------------------------------

if (!only || only === 'engine') {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bench-engine.mjs'), '--check', ...args.filter((a) => a === '--quick')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) missed.push(r.status === 1 ? 'engine or big-report goals (scripts/bench-engine.mjs, above)' : `bench-engine.mjs exited ${r.status}`);
  line();
  // the engine alone on each other Node: its speed is mostly V8's (the collector above all)
  for (const { major, node } of otherNodes) {
    const e = spawnSync(node, [join(root, 'scripts', 'bench-engine.mjs'), '--check', '--engine-only', ...args.filter((a) => a === '--quick')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (e.status !== 0) missed.push(e.status === 1 ? `engine goal on Node ${major} (above)` : `bench-engine.mjs on Node ${major} exited ${e.status}`);
  }
}

// ---- 3. forecasts ---------------------------------------------------------------------------------

const forecast = join(root, 'scripts', 'bench-forecast.mjs');
if ((!only || only === 'forecast') && existsSync(forecast)) {
  line('3. Forecasts (scripts/bench-forecast.mjs)');
  // --check always, as for the other parts: a missed budget must reach the last line
  const r = spawnSync(process.execPath, [forecast, '--check', ...args.filter((a) => a !== '--check')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) missed.push(r.status === 1 ? 'forecast budget (scripts/bench-forecast.mjs, above)' : `bench-forecast.mjs exited ${r.status}`);
  line();
}

// ---- 4. usage logs: scripts/bench-actuals.mjs ------------------------------------------------------

if (!only || only === 'actuals') {
  line('4. Usage logs (scripts/bench-actuals.mjs): vidcost actuals on 1,000,000 JSON Lines rows against split + JSON.parse');
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bench-actuals.mjs'), '--check', ...(args.includes('--quick') ? ['--runs', '1'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) missed.push(r.status === 1 ? 'usage-log goal (scripts/bench-actuals.mjs, above)' : `bench-actuals.mjs exited ${r.status}`);
  line();
}

line(
  missed.length === 0
    ? notMeasured.length === 0
      ? 'All goals met.'
      : 'All goals measured were met.'
    : `Goals missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`,
);
if (notMeasured.length > 0) line(`Not measured: ${notMeasured.join('; ')}.`);
if (check && (missed.length > 0 || notMeasured.length > 0)) process.exitCode = 1;
