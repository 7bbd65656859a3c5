// The Node versions that `engines` in package.json names, and the binary of any Node version from the
// npm `node` package: shared by `npm run bench` and `npm run test:node-versions`, so that both
// follow engines and neither keeps its own list.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Each line of engines.node ("^20.19 || ^22.12 || ^24"): its major and its oldest release (20.19.0). */
export function engineLines(root) {
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
  return range.split('||').map((part) => {
    const m = /^\s*\^(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`package.json engines.node: expected lines such as ^22.12, found "${part.trim()}"`);
    return { major: m[1], oldest: `${m[1]}.${m[2] ?? 0}.${m[3] ?? 0}` };
  });
}

/**
 * Node `spec` (22, a line's newest; 22.12.0) from the npm `node` package, fetched once by npx into
 * its cache: its version and binary, or npx's own words when it cannot be had (offline, say).
 */
export function nodeBinary(spec) {
  const r = spawnSync('npx', ['-y', `node@${spec}`, '-p', 'process.version + " " + process.execPath'], { encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr };
  const out = r.stdout.trim();
  const space = out.indexOf(' ');
  return { version: out.slice(0, space), path: out.slice(space + 1) };
}
