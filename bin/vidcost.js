#!/bin/sh
":" /*
# The vidcost executable. This file is a POSIX shell script and a CommonJS module at once.
#
# Executed (npx vidcost, node_modules/.bin/vidcost, ./bin/vidcost.js), the shell part below starts
# node from dist/vidcost.blob, a V8 start-up snapshot of the CLI with every module evaluated and
# the bundled price sheets in memory, but only when it was built by the node found on PATH (same
# file, same modification time: a snapshot from another node would make node refuse to start) and
# NODE_OPTIONS is empty (V8 flags must match the snapshot's). Otherwise, and when run as
# `node bin/vidcost.js`, the JavaScript part below runs the same bundle the ordinary way.
# VIDCOST_NO_SNAPSHOT=1 turns the snapshot off.
#
# vidcost opens no network connection, yet Node 20 parses every certificate named by
# NODE_EXTRA_CA_CERTS at each start, before any JavaScript runs (often the whole system bundle on
# machines behind a corporate proxy: about 55 ms, two thirds of `node -e 0`, on the machine the README
# quotes). The variable is dropped for vidcost's own process; a command that ever opens connections
# must keep it.
unset NODE_EXTRA_CA_CERTS
self=$0
dir=${self%/*}
[ "$dir" = "$self" ] && dir=.
if [ ! -f "$dir/../dist/vidcost.blob" ] && [ -L "$self" ]; then
  # npm links the executable into node_modules/.bin: follow the link to the package
  link=$(readlink "$self")
  case $link in /*) self=$link ;; *) self=$dir/$link ;; esac
  dir=${self%/*}
fi
blob=$dir/../dist/vidcost.blob
stamp=$blob.node
if [ -z "$NODE_OPTIONS" ] && [ -z "$VIDCOST_NO_SNAPSHOT" ] && [ -f "$blob" ] && [ -f "$stamp" ]; then
  node=
  oldifs=$IFS
  IFS=:
  set -f
  for d in $PATH; do
    if [ -f "${d:-.}/node" ] && [ -x "${d:-.}/node" ]; then node=${d:-.}/node; break; fi
  done
  set +f
  IFS=$oldifs
  if [ -n "$node" ] && read -r built <"$stamp" && [ "$node" -ef "$built" ] && [ ! "$node" -nt "$stamp" ] && [ ! "$node" -ot "$stamp" ]; then
    # Node reads the whole blob into memory it mallocs: asked to back that with transparent huge
    # pages (glibc 2.35 and later, where THP is "madvise"; ignored elsewhere), the kernel maps it
    # in a few faults instead of one per 4 KiB page, which is measurable in a virtual machine.
    GLIBC_TUNABLES=${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1
    export GLIBC_TUNABLES
    exec "$node" --snapshot-blob "$blob" "$self" "$@"
  fi
fi
exec node "$self" "$@"
*/
// The JavaScript part (CommonJS by bin/package.json, which Node starts faster than an ES module):
// compiles the one-file bundle dist/cli.cjs with the V8 code cache the build wrote beside it, so
// start-up skips parsing and compiling most of it. The cache starts with the build id of the bundle
// it was made from (the bundle's first line) and is used only with that bundle; V8 itself rejects a
// cache from another Node version. Without a usable cache the bundle is compiled from source: same
// behaviour, slower start.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/** The first line of a bundle, "// vidcost build <id>". */
function buildLine(source) {
  const end = source.indexOf('\n');
  return end > 0 ? source.slice(0, end) : '';
}

/** Evaluates a bundle (dist/cli.cjs unless named) and returns its exports and the compiled script. */
function loadBundle(useCache, bundle = BUNDLE) {
  let source;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write(`vidcost: ${bundle} is missing: run \`npm install\` (or \`npm run build\`) in the vidcost folder\n`);
    process.exit(3);
  }
  let cachedData;
  if (useCache) {
    try {
      const cache = readFileSync(`${bundle}.cache`);
      const end = cache.indexOf(10);
      if (end > 0 && cache.toString('latin1', 0, end) === buildLine(source)) cachedData = cache.subarray(end + 1);
    } catch {
      /* no cache: compile from source */
    }
  }
  const script = new Script(WRAPPER[0] + source + WRAPPER[1], { filename: BUNDLE, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, BUNDLE, join(__dirname, '..', 'dist'));
  return { cli: mod.exports, script, buildLine: buildLine(source) };
}

if (require.main === module) loadBundle(true).cli.main(process.argv.slice(2));
else module.exports = { loadBundle };
