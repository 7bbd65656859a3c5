#!/usr/bin/env node
// `npm run bench`: how fast vidcost starts and how fast its engine prices, measured on this machine.
//
// 1. Whole-process wall time of `vidcost estimate` on a bundled scenario and of `vidcost rates`,
//    started the way a user starts them (the executable bin/vidcost.js, output into a pipe),
//    against `node -e 0`, interleaved round by round so that a busy machine slows all of them
//    alike. Each figure is the median over the rounds of (command time ÷ `node -e 0` time in the
//    same round). When NODE_EXTRA_CA_CERTS is set, which the executable drops, the ratio to
//    `node -e 0` without it is printed too.
// 2. scripts/bench-engine.mjs: workload × offering evaluations per second of `estimate`, the engine
//    the CLI runs, and `vidcost estimate` on 1,000 workloads against 10 in table, JSON and CSV.
// 3. scripts/bench-forecast.mjs, when it exists.
//
// Options: --rounds N (default 30), --quick (fewer rounds and repetitions), --only startup|engine|
// forecast, --check (exit 1 when a goal is missed). Needs a build (npm install or npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const check = args.includes('--check');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : null; // startup | engine | forecast
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 10 : 30;
const GOALS = { startRatio: 1.3 };
const missed = [];

const bin = join(root, 'bin', 'vidcost.js');
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

line(`vidcost bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
line();

// ---- 1. start-up: whole processes ---------------------------------------------------------------

if (!only || only === 'startup') startup();

function startup() {
  const scenario = existsSync(join(root, 'scenarios', 'social-drafts.yaml')) ? 'scenarios/social-drafts.yaml' : 'test/fixtures/scenarios/golden.yaml';
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // as a user's shell would have it; V8 flags would turn the snapshot off
  // The executable drops NODE_EXTRA_CA_CERTS (bin/vidcost.js says why); `node -e 0` pays for it as
  // Node does. When it is set, a second baseline without it gives the like-for-like ratio too.
  const caCerts = Boolean(env.NODE_EXTRA_CA_CERTS);
  const bare = { ...env };
  delete bare.NODE_EXTRA_CA_CERTS;
  const commands = [
    { label: 'node -e 0', file: process.execPath, argv: ['-e', '0'] },
    ...(caCerts ? [{ label: 'node -e 0 without NODE_EXTRA_CA_CERTS', file: process.execPath, argv: ['-e', '0'], env: bare }] : []),
    { label: `vidcost estimate ${scenario}`, file: bin, argv: ['estimate', scenario, '--as-of', '2026-06-01'], goal: true },
    { label: 'vidcost rates', file: bin, argv: ['rates', '--as-of', '2026-06-01'], goal: true },
    // the cross-check reads the whole LiteLLM price map (about 1.5 MB, 3,000 models) exactly
    ...(existsSync(join(root, LITELLM_MAP)) ? [{ label: 'vidcost prices check --against <LiteLLM map>', file: bin, argv: ['prices', 'check', '--against', LITELLM_MAP, '--as-of', '2026-12-01'] }] : []),
    { label: `node bin/vidcost.js estimate (no snapshot)`, file: process.execPath, argv: [bin, 'estimate', scenario, '--as-of', '2026-06-01'] },
  ];

  // Which start the executable takes: its shell part traced once.
  const trace = spawnSync('sh', ['-x', bin, '--version'], { cwd: root, encoding: 'utf8', env });
  const snapshot = /--snapshot-blob/.test(trace.stderr ?? '');
  line(`1. Start-up (whole process, ${ROUNDS} interleaved rounds, median of per-round ratios to node -e 0)`);
  line(`   the executable starts from ${snapshot ? 'the V8 start-up snapshot dist/vidcost.blob' : 'dist/cli.cjs with its code cache (no usable start-up snapshot)'}`);

  for (const c of commands) {
    const r = spawnSync(c.file, c.argv, { cwd: root, env: c.env ?? env, encoding: 'utf8' });
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
      const r = spawnSync(c.file, c.argv, { cwd: root, env: c.env ?? env, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
      if (r.status !== 0 || (c.goal && r.stdout.length === 0)) throw new Error(`\`${c.label}\` failed in round ${round} (exit ${r.status})`);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (round > 0) times[i].push(ms); // round 0 warms the file cache
    });
  }
  const ratioTo = (i, base) => median(times[i].map((t, r) => t / times[base][r]));
  const startup = commands.map((c, i) => ({ label: c.label, ms: median(times[i]), ratio: ratioTo(i, 0), bare: caCerts ? ratioTo(i, 1) : null, goal: c.goal }));
  if (caCerts) line(`   NODE_EXTRA_CA_CERTS is set here: the last column is the ratio to \`node -e 0\` without it (like for like)`);
  for (const s of startup) {
    const verdict = s.goal ? (s.ratio <= GOALS.startRatio ? `  goal ≤ ${GOALS.startRatio}×: met` : `  goal ≤ ${GOALS.startRatio}×: MISSED`) : '';
    const bareRatio = s.bare === null ? '' : `  ${fmt(s.bare, 2).padStart(5)}×`;
    line(`   ${s.label.padEnd(52)} ${fmt(s.ms).padStart(7)} ms  ${fmt(s.ratio, 2).padStart(5)}×${bareRatio}${verdict}`);
    if (s.goal && s.ratio > GOALS.startRatio) missed.push(`${s.label}: ${fmt(s.ratio, 2)}× node -e 0`);
  }
  if (caCerts) {
    const worst = Math.max(...startup.filter((s) => s.goal).map((s) => s.bare));
    line(`   like for like, where NODE_EXTRA_CA_CERTS is not set, the goal's ratio is up to ${fmt(worst, 2)}× (${worst <= GOALS.startRatio ? 'within' : 'over'} ${GOALS.startRatio}×)`);
  }
  line();
}

// ---- 2. the engine and big reports: scripts/bench-engine.mjs -------------------------------------

if (!only || only === 'engine') {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bench-engine.mjs'), '--check', ...args.filter((a) => a === '--quick')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) missed.push(r.status === 1 ? 'engine or big-report goals (scripts/bench-engine.mjs, above)' : `bench-engine.mjs exited ${r.status}`);
  line();
}

// ---- 3. forecasts ---------------------------------------------------------------------------------


const forecast = join(root, 'scripts', 'bench-forecast.mjs');
if ((!only || only === 'forecast') && existsSync(forecast)) {
  line('3. Forecasts (scripts/bench-forecast.mjs)');
  const r = spawnSync(process.execPath, [forecast, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) missed.push(`bench-forecast.mjs exited ${r.status}`);
  line();
}

line(missed.length === 0 ? 'All goals met.' : `Goals missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
if (check && missed.length > 0) process.exitCode = 1;
