#!/usr/bin/env node
// The vidcost executable: runs the CLI bundle that the build writes to dist/ (scripts/build.mjs).
// CommonJS, like the bundle: Node starts it without setting up its ES module loader.
'use strict';
const { enableCompileCache } = require('node:module');
// Node 22.1 and later keep compiled code on disk between runs; Node 20 uses the build's code cache.
enableCompileCache?.();
const cli = enableCompileCache ? require('../dist/cli.cjs') : require('./code-cache.cjs').requireWithCodeCache(require.resolve('../dist/cli.cjs'));
cli.main(process.argv.slice(2));
