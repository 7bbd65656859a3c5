#!/usr/bin/env node
// `npm run test:node-versions`: the test suite on each Node version vidcost supports besides the
// one running npm (`engines` in package.json). Each binary comes from the npm `node` package
// (`npx -y node@22`), fetched once into npx's cache. Builds first, with the current Node; then runs
// vitest with each version, which starts the CLI under test with that same version.
// Usage: npm run test:node-versions [-- 22 24] [-- vitest arguments after --]
import { spawnSync } from 'node:child_process';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const split = args.indexOf('--');
const versions = (split >= 0 ? args.slice(0, split) : args).filter(Boolean);
const vitestArgs = split >= 0 ? args.slice(split + 1) : [];
const run = (file, argv, env = process.env) => spawnSync(file, argv, { cwd: root, stdio: 'inherit', env }).status ?? 1;

if (run(process.execPath, [join(root, 'scripts', 'build.mjs')]) !== 0) process.exit(1);
const failed = [];
for (const major of versions.length > 0 ? versions : ['22', '24']) {
  const found = spawnSync('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], { cwd: root, encoding: 'utf8' });
  if (found.status !== 0) {
    process.stderr.write(`test:node-versions: cannot get Node ${major} through \`npx node@${major}\`:\n${found.stderr}\n`);
    process.exit(2);
  }
  const node = found.stdout.trim();
  process.stdout.write(`\n== Node ${major}: ${node}\n`);
  // `node` on PATH is this version too: for the executable's #! line and for any spawned `node`
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  if (run(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], env) !== 0) failed.push(major);
}
if (failed.length > 0) {
  process.stderr.write(`test:node-versions: the suite failed on Node ${failed.join(', ')}\n`);
  process.exit(1);
}
