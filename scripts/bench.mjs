#!/usr/bin/env node
// `npm run bench`: how fast vidcost starts and how fast its engine prices, measured on this machine.
//
// 1. Whole-process wall time of `vidcost estimate` on a bundled scenario and of `vidcost rates`,
//    started the way a user starts them (the executable bin/vidcost.js, output into a pipe),
//    against `node -e 0`, interleaved round by round so that a busy machine slows all of them
//    alike. Each figure is the median over the rounds of (command time ÷ `node -e 0` time in the
//    same round). NODE_EXTRA_CA_CERTS is unset on both sides. With --nodes 22,24 the same again on
//    each of those Node versions (binaries of the npm `node` package, through npx).
// 2. The engine in-process on generated scenarios of 10, 1,000, 10,000 and 100,000 workloads
//    across every offering: workload × offering evaluations per second of `fastEstimate` (exact
//    decimals as scaled integers), the time ratio of 100,000 to 10,000 workloads, and the full
//    `estimate` report for comparison.
// 3. scripts/bench-forecast.mjs, when it exists.
//
// Options: --rounds N (default 30), --quick (fewer rounds and repetitions), --only startup|engine|
// forecast, --nodes 22,24, --check (exit 1 when a goal is missed). Needs a build (npm install or
// npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const check = args.includes('--check');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : null; // startup | engine | forecast
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 10 : 30;
const nodesArg = args.indexOf('--nodes');
const nodeVersions = nodesArg >= 0 ? args[nodesArg + 1].split(',').filter(Boolean) : []; // e.g. 22,24
const GOALS = { startRatio: 3, evalsPerSecond: 1_000_000, scaling: 11 };
const missed = [];

const bin = join(root, 'bin', 'vidcost.js');
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

if (!only || only === 'startup') {
  startup(process.execPath);
  for (const major of nodeVersions) startup(nodeBinary(major));
}

/** The binary of Node `major` from the npm `node` package (fetched once by npx into its cache). */
function nodeBinary(major) {
  const r = spawnSync('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], { encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`bench: cannot get Node ${major} through \`npx node@${major}\`:\n${r.stderr}\n`);
    process.exit(2);
  }
  return r.stdout.trim();
}

function startup(node) {
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
  line(`1. Start-up on Node ${version} (whole process, ${ROUNDS} interleaved rounds, median of per-round ratios to node -e 0; NODE_EXTRA_CA_CERTS unset for all)`);
  for (const [i, c] of commands.entries()) {
    const ms = median(times[i]);
    const ratio = median(times[i].map((t, r) => t / times[0][r]));
    const verdict = c.goal ? `  goal ≤ ${GOALS.startRatio}×: ${ratio <= GOALS.startRatio ? 'met' : 'MISSED'}` : '';
    line(`   ${c.label.padEnd(52)} ${fmt(ms).padStart(7)} ms  ${fmt(ratio, 2).padStart(5)}×${verdict}`);
    if (c.goal && ratio > GOALS.startRatio) missed.push(`Node ${version}, ${c.label}: ${fmt(ratio, 2)}× node -e 0`);
  }
  line();
}

// ---- 2. the engine in-process ----------------------------------------------------------------------

if (!only || only === 'engine') await engineBench();

async function engineBench() {
  const vidcost = await import(pathToFileURL(lib).href);
  const { fastEstimate, estimate, parseSheet, dec, exact, approx, RESOLUTIONS } = vidcost;
  const sheets = [];
  for (const vendor of readdirSync(join(root, 'pricing-data')).sort()) {
    for (const f of readdirSync(join(root, 'pricing-data', vendor)).sort()) {
      if (f.endsWith('.yaml')) sheets.push(parseSheet(readFileSync(join(root, 'pricing-data', vendor, f), 'utf8'), `pricing-data/${vendor}/${f}`));
    }
  }

  /** A scenario of n workloads in code (a scenario file holds at most 1,000), the same for a given n. */
  function generated(n) {
    let seed = 20261125;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const workloads = [];
    for (let i = 0; i < n; i++) {
      workloads.push({
        name: `w${i}`,
        clipsPerMonth: dec(String(Math.floor(random() * 5000))),
        secondsPerClip: dec((1 + Math.floor(random() * 150) / 10).toFixed(1)),
        resolution: RESOLUTIONS[i % RESOLUTIONS.length],
        regenerationFactor: dec((1 + Math.floor(random() * 40) / 10).toFixed(1)),
        regenerationFactorGiven: true,
        audio: random() < 0.3,
        hdr: random() < 0.05,
        batch: random() < 0.5,
        requires: random() < 0.1 ? ['editing'] : [],
      });
    }
    return {
      version: 1,
      name: `generated ${n}`,
      asOf: '2026-06-01',
      channel: 'api',
      offerings: null,
      budget: { monthlyCeilingUsd: null, maxRegenerationsPerJob: dec(4) },
      overrides: { luma: { usdPerCredit: approx('0.0033') }, runway: { discountPct: exact(dec('12.5')) } },
      workloads,
    };
  }

  /** Median milliseconds of one call, over `samples` timings of `batch` calls each, after warming up. */
  function timeCalls(fn, batch, samples, warm = Math.max(1, batch >> 1)) {
    for (let i = 0; i < warm; i++) fn();
    const per = [];
    for (let s = 0; s < samples; s++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) fn();
      per.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch);
    }
    return median(per);
  }

  const options = { asOf: '2026-06-01' };
  const sizes = [
    { n: 10, batch: quick ? 200 : 1000, samples: 7 },
    { n: 1_000, batch: quick ? 10 : 40, samples: 7 },
    { n: 10_000, batch: 1, samples: quick ? 5 : 11 },
    { n: 100_000, batch: 1, samples: quick ? 5 : 11 },
  ];
  const offerings = fastEstimate(sheets, generated(1), options).offerings.length;
  line(`2. Engine in-process: fastEstimate on generated api scenarios, every one of the ${offerings} offerings`);
  line(`   (after warm-up; median of ${sizes[0].samples} timings, and of ${sizes[2].samples} for 10,000 and 100,000 workloads, timed in turn)`);
  // the same exact numbers as the reference engine (the test suite checks every one on generated scenarios)
  {
    const s = generated(200);
    const f = fastEstimate(sheets, s, options);
    const r = estimate(sheets, s, options);
    const same = r.totals.every((t, i) => (t.monthlyUsd.low === null ? f.totals[i].monthlyUsd.low === null : t.monthlyUsd.low.eq(f.totals[i].monthlyUsd.low))) && (r.recommendation.monthlyUsd.low?.toString() ?? null) === (f.recommendation.monthlyUsd.low?.toString() ?? null);
    if (!same) {
      process.stderr.write('bench: fastEstimate differs from estimate on a generated scenario: this is a bug\n');
      process.exit(3);
    }
  }
  const engine = [];
  const results = new Map();
  const one = (n, s) => () => {
    const result = fastEstimate(sheets, s, options);
    // a complete answer each time: the totals and the route as exact decimals, not only integers
    if (result.totals.length !== offerings || result.recommendation.monthlyUsd === undefined) throw new Error('incomplete result');
    results.set(n, result);
  };
  // 10 and 1,000 workloads on their own; 10,000 and 100,000 interleaved, sample by sample, so that
  // a busy moment of the machine weighs on both sides of their ratio
  const scenarios = new Map(sizes.map(({ n }) => [n, generated(n)]));
  const timed = new Map();
  for (const { n, batch, samples } of sizes.slice(0, 2)) timed.set(n, timeCalls(one(n, scenarios.get(n)), batch, samples));
  {
    const [a, b] = sizes.slice(2);
    const fa = one(a.n, scenarios.get(a.n));
    const fb = one(b.n, scenarios.get(b.n));
    fa();
    fb();
    const ta = [];
    const tb = [];
    for (let s = 0; s < a.samples; s++) {
      ta.push(timeCalls(fa, a.batch, 1, 0));
      tb.push(timeCalls(fb, b.batch, 1, 0));
    }
    timed.set(a.n, median(ta));
    timed.set(b.n, median(tb));
  }
  for (const { n } of sizes) {
    const result = results.get(n);
    const ms = timed.get(n);
    const perSecond = result.evaluations / (ms / 1000);
    engine.push({ n, ms, perSecond });
    const routed = result.recommendation.offeringIndex.filter((o) => o >= 0).length;
    line(`   ${fmt(n, 0).padStart(7)} workloads  ${fmt(result.evaluations, 0).padStart(9)} evaluations  ${fmt(ms, ms < 10 ? 3 : 1).padStart(9)} ms  ${fmt(perSecond / 1e6, 2).padStart(6)} M evaluations/s   (${fmt((100 * routed) / n, 0)}% of workloads have a priced route)`);
  }
  const at = (n) => engine.find((e) => e.n === n);
  const scaling = at(100_000).ms / at(10_000).ms;
  for (const e of engine) {
    if (e.n >= 1_000 && e.perSecond < GOALS.evalsPerSecond) missed.push(`${fmt(e.n, 0)} workloads: ${fmt(e.perSecond / 1e6, 2)} M evaluations/s`);
  }
  line(`   100,000 vs 10,000 workloads: ${fmt(scaling, 2)}× the time (goal ≤ ${GOALS.scaling}×: ${scaling <= GOALS.scaling ? 'met' : 'MISSED'})`);
  if (scaling > GOALS.scaling) missed.push(`scaling 100,000 vs 10,000: ${fmt(scaling, 2)}×`);
  const slowest = Math.min(...engine.filter((e) => e.n >= 1_000).map((e) => e.perSecond));
  line(`   from 1,000 workloads up, at least ${fmt(slowest / 1e6, 2)} M evaluations/s (goal ≥ 1 M: ${slowest >= GOALS.evalsPerSecond ? 'met' : 'MISSED'})`);
  line();
  line('   for comparison, the full estimate report (every figure as big.js decimals, and the advisories):');
  for (const n of [10, 1_000]) {
    const s = generated(n);
    let result;
    const ms = timeCalls(() => (result = estimate(sheets, s, options)), n === 10 ? 20 : 1, quick ? 3 : 5);
    const evaluations = n * result.totals.length;
    line(`   ${fmt(n, 0).padStart(7)} workloads  ${fmt(evaluations, 0).padStart(9)} evaluations  ${fmt(ms, 1).padStart(9)} ms  ${fmt(evaluations / (ms / 1000) / 1e6, 3).padStart(6)} M evaluations/s`);
  }
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
