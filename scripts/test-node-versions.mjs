#!/usr/bin/env node
// `npm run test:node-versions`: the test suite on the oldest and the newest Node of each line that
// `engines` in package.json names (^20.19 || ^22.12 || ^24), besides the one running npm. Each
// binary comes from the npm `node` package (`npx -y node@22.12.0`), fetched once into npx's cache.
// Builds first, with the current Node; then runs vitest with each version, which starts the CLI
// under test with that same version.
// Usage: npm run test:node-versions [-- 22 24.0.0] [-- vitest arguments after --]
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineLines, nodeBinary } from './node-versions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const split = args.indexOf('--');
const versions = (split >= 0 ? args.slice(0, split) : args).filter(Boolean);
const vitestArgs = split >= 0 ? args.slice(split + 1) : [];
const run = (file, argv, env = process.env) => spawnSync(file, argv, { cwd: root, stdio: 'inherit', env }).status ?? 1;

if (run(process.execPath, [join(root, 'scripts', 'build.mjs')]) !== 0) process.exit(1);
const failed = [];
// each line's oldest release and (a bare major) its newest
const ENGINES = engineLines(root).flatMap((line) => [line.oldest, line.major]);
for (const wanted of versions.length > 0 ? versions : ENGINES) {
  const found = nodeBinary(wanted);
  if (found.error !== undefined) {
    process.stderr.write(`test:node-versions: cannot get Node ${wanted} through \`npx node@${wanted}\`:\n${found.error}\n`);
    process.exit(2);
  }
  const { version, path: node } = found;
  if (version === process.version) continue; // npm test has run the suite on this one
  process.stdout.write(`\n== Node ${version}: ${node}\n`);
  // `node` on PATH is this version too: for the executable's #! line and for any spawned `node`
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  if (run(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], env) !== 0) failed.push(version);
}
if (failed.length > 0) {
  process.stderr.write(`test:node-versions: the suite failed on Node ${failed.join(', ')}\n`);
  process.exit(1);
}
