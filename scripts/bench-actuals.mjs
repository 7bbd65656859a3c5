#!/usr/bin/env node
// `vidcost actuals` on a 1,000,000-row JSON Lines usage log, end to end (the built CLI: start-up,
// streaming, checking every row, pricing, rendering JSON), against a plain Node script that only
// reads the same file in chunks, splits it into lines and JSON.parses each one. The goal: at most
// 5× the plain script's time, with flat memory (peak RSS of both is reported; the log itself is
// about 150 MB, so a reader that held it would show it).
//
//   node scripts/bench-actuals.mjs [--rows N] [--runs R] [--json] [--check]
//
// --json prints one JSON object (for the main benchmark); --check exits 1 over the 5× goal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const rows = option('--rows', 1_000_000);
const runs = option('--runs', 3);
const GOAL = 5;

if (!existsSync(join(root, 'dist', 'cli.cjs'))) {
  process.stderr.write('bench-actuals: dist/ is missing; run `npm run build` first (or `npm run bench:actuals`)\n');
  process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
  process.stderr.write('bench-actuals: /usr/bin/time is needed to measure peak memory\n');
  process.exit(2);
}

// The like-for-like floor: the same streaming read (1 MiB chunks, UTF-8), lines split, each parsed.
const BASELINE = `import { openSync, readSync } from 'node:fs';
const fd = openSync(process.argv[2], 'r');
const buffer = Buffer.allocUnsafe(1 << 20);
const decoder = new TextDecoder('utf-8', { fatal: true });
let carry = '';
let parsed = 0;
for (;;) {
  const n = readSync(fd, buffer, 0, buffer.length, null);
  const text = carry + decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
  const lines = text.split('\\n');
  carry = lines.pop();
  for (const line of lines) if (line !== '') { JSON.parse(line); parsed++; }
  if (n === 0) break;
}
if (carry !== '') { JSON.parse(carry); parsed++; }
process.stdout.write(String(parsed) + '\\n');
`;

const dir = mkdtempSync(join(tmpdir(), 'vidcost-bench-actuals-'));
try {
  const log = join(dir, 'usage.jsonl');
  writeLog(log, rows);
  const bytes = statSync(log).size;
  const baselineScript = join(dir, 'baseline.mjs');
  writeFileSync(baselineScript, BASELINE);

  const baseline = [];
  const vidcost = [];
  let output = '';
  for (let i = 0; i < runs; i++) {
    baseline.push(timed([process.execPath, baselineScript, log]));
    const v = timed([process.execPath, join(root, 'bin', 'vidcost.cjs'), 'actuals', log, '--as-of', '2026-06-30', '--format', 'json']);
    vidcost.push(v);
    output = v.stdout;
  }
  const report = JSON.parse(output);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const result = {
    rows,
    megabytes: Math.round(bytes / 1e5) / 10,
    runs,
    baselineMs: Math.round(median(baseline.map((r) => r.ms))),
    vidcostMs: Math.round(median(vidcost.map((r) => r.ms))),
    baselinePeakRssMb: Math.round(Math.max(...baseline.map((r) => r.rssKb)) / 102.4) / 10,
    vidcostPeakRssMb: Math.round(Math.max(...vidcost.map((r) => r.rssKb)) / 102.4) / 10,
    rowsInMonth: report.rowsInMonth,
    monthToDateUsd: report.monthToDateUsd,
  };
  result.ratio = Math.round((result.vidcostMs / result.baselineMs) * 100) / 100;
  if (flag('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(`vidcost actuals, ${rows.toLocaleString('en-US')} JSON Lines rows (${result.megabytes} MB), median of ${runs} runs\n`);
    process.stdout.write(`  plain split + JSON.parse: ${result.baselineMs} ms, peak RSS ${result.baselinePeakRssMb} MB\n`);
    process.stdout.write(`  vidcost actuals (CLI):    ${result.vidcostMs} ms, peak RSS ${result.vidcostPeakRssMb} MB\n`);
    process.stdout.write(`  ratio ${result.ratio}× (goal: at most ${GOAL}×)\n`);
  }
  if (flag('--check') && result.ratio > GOAL) process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs a command under /usr/bin/time: wall time, and peak resident memory of the process. */
function timed(command) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { ms, rssKb, stdout: r.stdout };
}

/**
 * A month of a video feature on the bundled 2026-06-01 sheets: four offerings (per second, credits,
 * per clip), three workloads, about three generations per job with one kept, some failures, and a
 * reported charge on the aggregator's rows. Seeded, so every run writes the same file.
 */
function writeLog(path, n) {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const offerings = [
    ['fal/kling-3.0-pro', '1080p', '0.112'],
    ['runway/gen4-turbo', '720p', null],
    ['fal/pika-2.5', '1080p', null],
    ['openai/sora-2', '720p', null],
  ];
  const workloads = ['drafts', 'ads', 'hero'];
  const fd = openSync(path, 'w');
  let chunk = [];
  let job = 0;
  let left = 0;
  const start = Date.UTC(2026, 5, 1);
  for (let i = 0; i < n; i++) {
    if (left === 0) {
      job++;
      left = 1 + Math.floor(random() * 5);
    }
    left--;
    const [offering, resolution, usdPerSecond] = offerings[job % offerings.length];
    const seconds = [5, 8, 10][job % 3];
    const status = random() < 0.05 ? 'failed' : 'succeeded';
    const row = {
      time: new Date(start + Math.floor((i / n) * 30 * 86_400_000)).toISOString(),
      offering,
      seconds,
      resolution,
      status,
      job: `job-${job}`,
      kept: left === 0 && status === 'succeeded',
      workload: workloads[job % 3],
    };
    if (usdPerSecond && status === 'succeeded') row.usd = (Number(usdPerSecond) * seconds).toFixed(3);
    chunk.push(JSON.stringify(row));
    if (chunk.length === 10_000) {
      writeSync(fd, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) writeSync(fd, `${chunk.join('\n')}\n`);
  closeSync(fd);
}
