// Builds dist/: one minified ESM bundle for the CLI (fast start) and one for the library.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const banner = { js: "import { createRequire as __vidcostRequire } from 'node:module'; const require = __vidcostRequire(import.meta.url);" };
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', banner, legalComments: 'none', logLevel: 'warning' };

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', minify: true }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', packages: 'external' }),
]);
