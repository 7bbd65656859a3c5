#!/usr/bin/env node
// The vidcost executable: runs the CLI bundle that the build writes to dist/ (scripts/build.mjs).
import module from 'node:module';

const require = module.createRequire(import.meta.url);
// Node 22.1 and later keep compiled code on disk between runs; Node 20 uses the build's code cache.
module.enableCompileCache?.();
const cli = module.enableCompileCache ? require('../dist/cli.cjs') : require('./code-cache.cjs').requireWithCodeCache(require.resolve('../dist/cli.cjs'));
cli.main(process.argv.slice(2));
