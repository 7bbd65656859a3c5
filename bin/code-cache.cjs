// The build's V8 code cache for the CLI bundle (scripts/build.mjs writes it beside the bundle after
// a warm-up, so it holds the functions a typical run compiles). It is used only with the bundle it
// was made from (the bundle's first line, its build id, starts the cache too) and only by the V8
// that made it (the second line names it): a clone's `npm install` builds with the Node that runs
// vidcost, so there it always applies. Otherwise the executable falls back to Node's own compile
// cache (22.1 and later), which keeps only what is compiled before the first run.
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

/** The cache's header: the bundle's first line (its build id) and the V8 version that made it. */
const header = (source) => `${source.slice(0, source.indexOf('\n') + 1)}v8 ${process.versions.v8}\n`;

/** require(file) with the code cache `${file}.cache`, or null when there is no cache for this bundle and this V8. */
function requireWithCodeCache(file) {
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    return null;
  }
  const source = readFileSync(file, 'utf8');
  const head = header(source);
  if (cache.subarray(0, head.length).toString('latin1') !== head) return null;
  return evaluate(file, source, cache.subarray(head.length)).exports;
}

/** Build time: evaluates `file`, lets `warmUp` run it, then writes the cache of every function compiled so far. */
async function writeCodeCache(file, warmUp) {
  const source = readFileSync(file, 'utf8');
  const { exports, script } = evaluate(file, source, undefined);
  await warmUp(exports);
  writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(header(source), 'latin1'), script.createCachedData()]));
}

module.exports = { requireWithCodeCache, writeCodeCache };
