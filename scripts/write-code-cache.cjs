// Build step (scripts/build.mjs runs it in a fresh process with the staged bundle's path): compiles
// the bundle exactly as bin/vidcost.js does, runs the commands a typical invocation runs in-process
// (output discarded), then writes the V8 code cache beside the bundle, which now holds the bytecode
// of every function those runs used, after a first line naming the bundle's build.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle } = require('../bin/vidcost.js');

const root = join(__dirname, '..');
const bundle = process.argv[2];
const { cli, script, buildLine } = loadBundle(false, bundle);
const io = { stdout: () => {}, stderr: () => {}, cwd: root, env: { NO_COLOR: '1' }, isTTY: false, today: () => '2026-06-01' };

(async () => {
  for (const argv of cli.warmUpRuns(root)) await cli.run(argv, io);
  writeFileSync(`${bundle}.cache`, Buffer.concat([Buffer.from(`${buildLine}\n`, 'latin1'), script.createCachedData()]));
})().catch((error) => {
  process.stderr.write(`write-code-cache: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
