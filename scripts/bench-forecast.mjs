#!/usr/bin/env node
// Forecast throughput: 100,000 trials of a 10-workload scenario (every clip count, clip length and
// regeneration factor a three-point estimate) on the bundled price sheets, through the built library
// (the engine alone) and through the built CLI (start-up, parsing, rendering JSON included).
// The budget is one second for the 100,000 trials. Run `npm run build` first (or `npm run bench:forecast`).
//
//   node scripts/bench-forecast.mjs [--trials N] [--runs R] [--json] [--check]
//
// --json prints one JSON object (for the main benchmark); --check exits 1 when the median engine
// time is over the budget.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const trials = option('--trials', 100_000);
const runs = option('--runs', 5);
const BUDGET_MS = 1000;
const scenarioFile = join(root, 'test', 'fixtures', 'forecast', 'bench-10.yaml');

if (!existsSync(join(root, 'dist', 'index.js'))) {
  process.stderr.write('bench-forecast: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const lib = await import(join(root, 'dist', 'index.js'));

const sheets = [];
const pricing = join(root, 'pricing-data');
for (const vendor of readdirSync(pricing).sort()) {
  for (const f of readdirSync(join(pricing, vendor)).sort()) {
    if (f.endsWith('.yaml')) sheets.push(lib.parseSheet(readFileSync(join(pricing, vendor, f), 'utf8'), `pricing-data/${vendor}/${f}`));
  }
}
const scenario = lib.parseScenario(readFileSync(scenarioFile, 'utf8'), 'bench-10.yaml');
const workloads = scenario.workloads.length;
const inputs = scenario.workloads.reduce((n, w) => n + Object.keys(w.uncertain ?? {}).length, 0);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// warm-up: compile the hot loops once
lib.forecast(sheets, scenario, { asOf: '2026-06-01', trials: 2000, seed: 1 });

const engine = [];
let report;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  report = lib.forecast(sheets, scenario, { asOf: '2026-06-01', trials, seed: 1 });
  engine.push(performance.now() - t0);
}

const cli = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  // the executable as a user starts it
  const r = spawnSync(join(root, 'bin', 'vidcost.cjs'), ['forecast', scenarioFile, '--trials', String(trials), '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  cli.push(performance.now() - t0);
  if (r.status !== 0) {
    process.stderr.write(`bench-forecast: the CLI failed:\n${r.stderr}`);
    process.exit(3);
  }
}

const targets = report.offerings.filter((o) => o.stats).length + 1;
const result = {
  benchmark: 'forecast',
  scenario: 'test/fixtures/forecast/bench-10.yaml',
  workloads,
  uncertainInputs: inputs,
  pricedTargets: targets,
  trials,
  runs,
  engineMs: { min: Math.min(...engine), median: median(engine) },
  cliMs: { min: Math.min(...cli), median: median(cli) },
  trialsPerSecond: Math.round(trials / (median(engine) / 1000)),
  budgetMs: BUDGET_MS,
  withinBudget: median(engine) < BUDGET_MS,
  node: process.version,
};

if (flag('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const ms = (x) => `${x.toFixed(0)} ms`;
  process.stdout.write(
    [
      `forecast: ${trials.toLocaleString('en-US')} trials, ${workloads} workloads, ${inputs} uncertain inputs, ${targets} priced targets (offerings + route), ${runs} runs, node ${process.version}`,
      `  engine (library):   median ${ms(result.engineMs.median)}, best ${ms(result.engineMs.min)}  → ${result.trialsPerSecond.toLocaleString('en-US')} trials/s`,
      `  CLI (start to end): median ${ms(result.cliMs.median)}, best ${ms(result.cliMs.min)}`,
      `  budget: under ${BUDGET_MS} ms for ${trials.toLocaleString('en-US')} trials: ${result.withinBudget ? 'met' : 'MISSED'}`,
      '',
    ].join('\n'),
  );
}
if (flag('--check') && !result.withinBudget) process.exit(1);
