#!/usr/bin/env node
// The vidcost executable: runs the CLI bundle that the build writes to dist/ (scripts/build.mjs).
// CommonJS, like the bundle: Node starts it without setting up its ES module loader.
'use strict';
const { enableCompileCache } = require('node:module');
const bundle = require.resolve('../dist/cli.cjs');
// The build's code cache when this V8 made it, else Node's own compile cache (22.1 and later).
const cli = require('./code-cache.cjs').requireWithCodeCache(bundle) ?? (enableCompileCache?.(), require(bundle));
cli.main(process.argv.slice(2));
