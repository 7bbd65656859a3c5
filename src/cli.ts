// The `vidcost` executable's bundle (dist/cli.cjs): `bin/vidcost.js` loads it and calls `main`, the
// only place that touches process. It also carries what the build needs from the same code: the
// bundled price sheets compiled by the very parser a user's sheet goes through.
import { run } from './cli/main.js';
import { processIo, type CliIo } from './cli/io.js';
import { bundledSheetSources, preloadBundledPricing, setPackageRoot } from './cli/sheets.js';
import { encodePricing } from './cli/compiled-sheets.js';
import { parseSheet } from './pricing/load-sheet.js';
import { formatProblem, InputError } from './errors.js';
import { realpathSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export { run, type CliIo };

export function main(argv: readonly string[]): void {
  run(argv, processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`vidcost: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}

/**
 * Build time: the bundled sheets under `root`, validated exactly as a user's sheet is, serialized
 * for start-up. Throws an Error naming every problem when a bundled sheet does not validate.
 */
export function compileBundledPricing(root: string): string {
  const sources = bundledSheetSources(root);
  try {
    const sheets = sources.map((s) => parseSheet(s.text, relative(root, s.file)));
    return encodePricing(sources.map(({ path, text }) => ({ path, text })), sheets);
  } catch (error) {
    if (error instanceof InputError) throw new Error(error.problems.map(formatProblem).join('\n'));
    throw error;
  }
}

/** What `v8.startupSnapshot` offers a snapshot builder (passed in: loading node:v8 costs every run). */
export interface SnapshotBuilder {
  setDeserializeMainFunction(main: () => void): void;
}

/** Commands run while the snapshot is built, so the functions a typical run uses are compiled in it. */
export function warmUpRuns(root: string): string[][] {
  const scenarios = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
  return [['rates'], ['--help'], ...scenarios.map((f) => ['estimate', join('scenarios', f), '--as-of', '2026-06-01'])];
}

/**
 * Build time, inside `node --build-snapshot`: evaluate everything, run the warm-up commands with
 * their output discarded, decode the bundled sheets into the heap, and name the function a
 * snapshot run starts with. Nothing of the build machine's process (environment, working folder,
 * streams, clock) is kept: `main` reads them at run time, and the package root comes from the
 * launcher's path (argv[1]), so the snapshot works wherever the package is installed.
 */
export async function prepareSnapshot(snapshot: SnapshotBuilder, root: string): Promise<void> {
  snapshot.setDeserializeMainFunction(() => {
    const launcher = process.argv[1];
    if (launcher) setPackageRoot(dirname(dirname(realpathSync(launcher))));
    main(process.argv.slice(2));
  });
  const io: CliIo = { stdout: () => {}, stderr: () => {}, cwd: root, env: { NO_COLOR: '1' }, isTTY: false, today: () => '2026-06-01' };
  for (const argv of warmUpRuns(root)) await run(argv, io);
  if (!preloadBundledPricing(root)) throw new Error('the precompiled bundled sheets (dist/pricing.json) are missing or stale');
}
