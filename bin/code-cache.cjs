// Node 20 has no module.enableCompileCache: there the CLI bundle is compiled with the V8 code cache
// that the build wrote beside it (scripts/build.mjs), which saves compiling most of the bundle at
// each start. The cache is used only with the bundle it was made from (the bundle's first line, its
// build id, starts the cache too); V8 itself rejects a cache from another Node version. Without a
// usable cache the bundle is compiled from source: same behaviour, slower start.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

/** Evaluates a CommonJS file as require() would, compiled with `cachedData` when V8 accepts it. */
function evaluate(file, source, cachedData) {
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
  return { exports: mod.exports, script };
}

const buildLine = (source) => source.slice(0, source.indexOf('\n') + 1);

/** require(file), with the code cache `${file}.cache` when it was made from this very file. */
function requireWithCodeCache(file) {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    const cache = readFileSync(`${file}.cache`);
    const line = buildLine(source);
    if (cache.subarray(0, line.length).toString('latin1') === line) cachedData = cache.subarray(line.length);
  } catch {
    /* no cache: compile from source */
  }
  return evaluate(file, source, cachedData).exports;
}

/** Build time: evaluates `file`, lets `warmUp` run it, then writes the cache of every function compiled so far. */
async function writeCodeCache(file, warmUp) {
  const source = readFileSync(file, 'utf8');
  const { exports, script } = evaluate(file, source, undefined);
  await warmUp(exports);
  writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(buildLine(source), 'latin1'), script.createCachedData()]));
}

module.exports = { requireWithCodeCache, writeCodeCache };
