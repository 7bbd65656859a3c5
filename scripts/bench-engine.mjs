#!/usr/bin/env node
// Big reports, measured (run by `npm run bench`, or alone: node scripts/bench-engine.mjs):
//
// 1. The engine in-process: `estimate`, the very function the CLI calls, on generated api scenarios
//    of 10 and 1,000 workloads across every bundled offering, the whole report (exact figures,
//    totals, route and advisories). Workload × offering evaluations per second.
//    Goal: at least 1,000,000 at 1,000 workloads.
// 2. End to end: `vidcost estimate` on a generated scenario file of 1,000 workloads (the most a
//    scenario may hold) against one of 10, in every format (table, JSON, CSV, Markdown, HTML),
//    each a whole process started as a user starts it (node bin/vidcost.cjs, output into a pipe),
//    interleaved round by round so that a busy machine slows both alike. Each figure is the median over the rounds of (1,000-workload
//    time ÷ 10-workload time in the same round). Goal: at most 5× in every format.
//
// Options: --rounds N (default 15), --quick (fewer rounds), --engine-only (part 1 alone, as
// `npm run bench -- --nodes 22,24` runs it on other Node versions), --check (exit 1 when a goal is
// missed). Needs a build (npm install or npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const check = args.includes('--check');
const engineOnly = args.includes('--engine-only');
const roundsArg = args.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Number(args[roundsArg + 1]) : quick ? 5 : 15;
const GOALS = { evalsPerSecond: 1_000_000, bigToSmall: 5 };
const missed = [];

const bin = join(root, 'bin', 'vidcost.cjs');
const lib = join(root, 'dist', 'index.js');
if (!existsSync(lib)) {
  process.stderr.write('bench-engine: dist/ is not built: run `npm install` or `npm run build` first\n');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const line = (text = '') => process.stdout.write(`${text}\n`);

const RESOLUTIONS = ['480p', '540p', '720p', '1024p', '1080p'];

/**
 * A scenario file of n workloads, the same for a given n: flow mappings, one workload a line
 * (120 KB at 1,000). Read cold, the same workloads in block style measured within the noise of
 * this.
 */
function scenarioYaml(n) {
  let seed = 20261125;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = [
    'version: 1',
    `name: Generated ${n}`,
    'as_of: 2026-06-01',
    'budget:',
    '  monthly_ceiling_usd: 100000',
    '  max_regenerations_per_job: 4',
    'overrides:',
    '  luma: { usd_per_credit: "~0.0033" }',
    '  runway: { discount_pct: 12.5 }',
    'workloads:',
  ];
  for (let i = 0; i < n; i++) {
    const audio = random() < 0.3;
    const batch = random() < 0.5;
    const editing = random() < 0.1;
    const fields = [
      `name: w${i}`,
      `clips_per_month: ${Math.floor(random() * 5000)}`,
      `seconds_per_clip: ${1 + Math.floor(random() * 150) / 10}`,
      `resolution: ${RESOLUTIONS[i % RESOLUTIONS.length]}`,
      `regeneration_factor: ${1 + Math.floor(random() * 40) / 10}`,
    ];
    if (audio) fields.push('audio: true');
    if (batch) fields.push('batch: true');
    if (editing) fields.push('requires: [editing]');
    lines.push(`  - { ${fields.join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'vidcost-bench-'));
try {
  const files = new Map([10, 1000].map((n) => [n, join(dir, `generated-${n}.yaml`)]));
  for (const [n, file] of files) writeFileSync(file, scenarioYaml(n));
  await engine(files);
  if (engineOnly) {
    if (check && missed.length > 0) process.exitCode = 1;
  } else endToEnd(files);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function engine(files) {
  const { estimate, parseScenario, parseSheet } = await import(pathToFileURL(lib).href);
  const sheets = [];
  for (const vendor of readdirSync(join(root, 'pricing-data')).sort()) {
    for (const f of readdirSync(join(root, 'pricing-data', vendor)).sort()) {
      if (f.endsWith('.yaml')) sheets.push(parseSheet(readFileSync(join(root, 'pricing-data', vendor, f), 'utf8'), `pricing-data/${vendor}/${f}`));
    }
  }
  const options = { asOf: '2026-06-01' };
  line(`1. Engine in-process on Node ${process.version}: estimate (the whole report: exact figures, totals, route,`);
  line('   advisories) on generated api scenarios across every bundled offering; median of timed batches after warm-up');
  const results = [];
  for (const [n, file] of files) {
    const scenario = parseScenario(readFileSync(file, 'utf8'), file);
    // each sample is the mean of a batch of runs: at 1,000 workloads the young-generation collector
    // runs about once a run, so a batch holds its share of the time, not a lucky gap between runs
    const batch = n === 10 ? (quick ? 50 : 200) : 5;
    const samples = quick ? 7 : 21;
    let report;
    for (let i = 0; i < Math.max(3, batch); i++) report = estimate(sheets, scenario, options);
    const per = [];
    // garbage collection during the timed runs (Node's gc performance entries), to say where time goes
    let gcMs = 0;
    const gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcMs += entry.duration;
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    for (let s = 0; s < samples; s++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) report = estimate(sheets, scenario, options);
      per.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch);
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // the observer hears entries after the loop yields
    gcObserver.disconnect();
    const gcPerRun = gcMs / (samples * batch);
    const ms = median(per);
    const evaluations = report.workloads.length * report.totals.length;
    const perSecond = evaluations / (ms / 1000);
    results.push({ n, perSecond });
    line(
      `   ${fmt(n, 0).padStart(6)} workloads  ${fmt(evaluations, 0).padStart(7)} evaluations  ${fmt(ms, ms < 10 ? 2 : 1).padStart(8)} ms  ${fmt(perSecond / 1e6, 2).padStart(5)} M evaluations/s  (${fmt(report.advisories.length, 0)} advisories; garbage collection ${fmt(gcPerRun, gcPerRun < 10 ? 2 : 1)} ms a run on average)`,
    );
  }
  const big = results.find((r) => r.n === 1000);
  const met = big.perSecond >= GOALS.evalsPerSecond;
  line(`   at 1,000 workloads on Node ${process.version}: ${fmt(big.perSecond / 1e6, 2)} M evaluations/s (goal ≥ 1 M: ${met ? 'met' : 'MISSED'})`);
  if (!met) missed.push(`engine on Node ${process.version}: ${fmt(big.perSecond / 1e6, 2)} M evaluations/s at 1,000 workloads (goal ≥ 1 M)`);
  line();
}

function endToEnd(files) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  line(`2. End to end: vidcost estimate, 1,000 workloads against 10 (whole processes, ${ROUNDS} interleaved rounds,`);
  line('   median of per-round ratios; output into a pipe)');
  for (const format of ['table', 'json', 'csv', 'markdown', 'html']) {
    const runs = [...files].map(([n, file]) => ({ n, argv: [bin, 'estimate', file, '--format', format] }));
    for (const r of runs) {
      const p = spawnSync(process.execPath, r.argv, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 27 });
      if (p.status !== 0 || p.stdout.length === 0) {
        throw new Error(`vidcost estimate (${r.n} workloads, ${format}) failed (exit ${p.status}):\n${p.stderr}`);
      }
      r.bytes = Buffer.byteLength(p.stdout);
    }
    const times = runs.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      runs.forEach((r, i) => {
        const t0 = process.hrtime.bigint();
        const p = spawnSync(process.execPath, r.argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 27 });
        if (p.status !== 0) throw new Error(`vidcost estimate (${r.n} workloads, ${format}) failed in round ${round} (exit ${p.status})`);
        times[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
      });
    }
    const ratio = median(times[1].map((t, round) => t / times[0][round]));
    const met = ratio <= GOALS.bigToSmall;
    line(
      `   ${format.padEnd(8)}  10 workloads ${fmt(median(times[0]), 0).padStart(5)} ms (${fmt(runs[0].bytes / 1024, 0)} KiB)  1,000 workloads ${fmt(median(times[1]), 0).padStart(5)} ms (${fmt(runs[1].bytes / 1024, 0)} KiB)  ${fmt(ratio, 2).padStart(5)}×  (goal ≤ ${GOALS.bigToSmall}×: ${met ? 'met' : 'MISSED'})`,
    );
    if (!met) missed.push(`end to end, ${format}: 1,000 workloads take ${fmt(ratio, 2)}× the time of 10 (goal ≤ ${GOALS.bigToSmall}×)`);
  }
  line();
  line(missed.length === 0 ? 'Engine and big-report goals met.' : `Engine and big-report goals missed:\n${missed.map((m) => `  - ${m}`).join('\n')}`);
  if (check && missed.length > 0) process.exitCode = 1;
}
