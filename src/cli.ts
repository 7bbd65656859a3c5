// The `vidcost` executable's bundle (dist/cli.cjs): `bin/vidcost.cjs` requires it and calls `main`, the
// only place that touches process. It also carries what the build needs from the same code: the
// bundled price sheets compiled by the very parser a user's sheet goes through.
import { run } from './cli/main.js';
import { processIo, type CliIo } from './cli/io.js';
import { bundledSheetSources } from './cli/sheets.js';
import { encodePricing, type CompiledSheet } from './cli/compiled-sheets.js';
import { parseSheet } from './pricing/load-sheet.js';
import { formatProblem, InputError } from './errors.js';
import { relative } from 'node:path';

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
 * Build time: every bundled sheet under `root` that validates, exactly as a user's sheet is,
 * serialized for start-up. A sheet that does not validate is left out (the CLI then reads its YAML
 * and reports the problem as for any sheet) and named in `problems`.
 */
export function compileBundledPricing(root: string): { json: string; problems: string[] } {
  const compiled: CompiledSheet[] = [];
  const problems: string[] = [];
  for (const source of bundledSheetSources(root)) {
    try {
      compiled.push({ path: source.path, text: source.text, sheet: parseSheet(source.text, relative(root, source.file)) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.problems.map(formatProblem).join('\n'));
    }
  }
  return { json: encodePricing(compiled), problems };
}
