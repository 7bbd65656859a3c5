// `vidcost validate [PATH...]`: checks price sheets and scenario files without pricing anything.
// Every problem names file, line, column and field; a near miss gets "did you mean ...?".
import type { Command } from 'commander';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatProblem, InputError, type Problem, limitProblems } from '../../errors.js';
import { parseSheet } from '../../pricing/load-sheet.js';
import type { PriceSheet } from '../../pricing/model.js';
import { checkAgainstSheets, refsOf } from '../../scenario/check.js';
import { parseScenarioFile, ScenarioProblems, type PartialScenario } from '../../scenario/parse.js';
import { readTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { parseDateOption } from '../options.js';
import { bundledPricingDir, displayPath, loadPricing } from '../sheets.js';
import { sheetSetProblems } from '../sheet-set.js';

export interface ValidateCliOptions {
  pricing?: string;
  asOf?: string;
}

/** A scenario is told from a price sheet by a top-level `workloads:` (or `version:`) key; sheets have neither. */
export function isScenarioText(text: string): boolean {
  return /^(workloads|version)[ \t]*:/m.test(text);
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage']);

/**
 * Every .yaml/.yml file under a folder, sorted, skipping dot-folders and build output. Each folder
 * is entered once, by its real path, so links back up the tree (`ln -s . loop`) add nothing.
 */
function yamlFilesUnder(dir: string, depth = 0, visited = new Set<string>()): string[] {
  if (depth > 8) return [];
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (visited.has(real)) return [];
  visited.add(real);
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue; // a dangling link
    }
    if (isDir) {
      if (!SKIP_DIRS.has(name)) out.push(...yamlFilesUnder(path, depth + 1, visited));
    } else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** One path per file: a file reached through several links is checked once. */
function oncePerFile(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      /* missing: reported when read */
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** A file that passed its own checks; a sheet keeps its text, to place a problem across sheets. */
type Checked = { file: string; shown: string } & ({ kind: 'scenario' } | { kind: 'sheet'; sheet: PriceSheet; text: string });

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check price sheets and scenario files; every error names file, line, column and field')
    .argument('[paths...]', 'files or folders, searched for .yaml files (default: the bundled pricing-data/)')
    .option('--pricing <dir>', "check scenarios' offering ids against this pricing folder instead of the bundled one")
    .option('--as-of <date>', "check scenarios against the prices in force on this date (default: the scenario's as_of, else today)")
    .addHelpText(
      'after',
      `
Files with a top-level "workloads:" (or "version:") key are read as scenarios,
all others as price sheets. A sheet at <vendor>/<YYYY-MM-DD>.yaml must say that
vendor and effective date. Scenario offering ids are checked against the prices
in force at the scenario's date.

Examples:
  $ vidcost validate                     the bundled price sheets
  $ vidcost validate pricing-data/ scenarios/
  $ vidcost validate my-sheet.yaml
  vidcost: my-sheet.yaml:12:5: offerings[0].chanels: unknown field "chanels"
    (did you mean channels?)

Exit status: 0 every file is valid; 2 a file has a problem (each one is listed).`,
    )
    .action((paths: string[], opts: ValidateCliOptions) => {
      const asOfOption = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : null;
      const targets = paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [bundledPricingDir()];
      const files: string[] = [];
      const problems: Problem[] = [];
      const invalid = new Set<string>();
      const badPath = (target: string, message: string) => {
        const shown = displayPath(target, io.cwd);
        problems.push({ file: shown, line: null, column: null, field: '', message });
        invalid.add(shown);
      };
      for (const target of targets) {
        let isDir = false;
        try {
          isDir = statSync(target).isDirectory();
        } catch {
          badPath(target, 'no such file or folder');
          continue;
        }
        if (!isDir) files.push(target);
        else {
          const found = yamlFilesUnder(target);
          if (found.length === 0) badPath(target, 'no .yaml files in this folder');
          files.push(...found);
        }
      }
      const unique = oncePerFile(files);
      const checked: Checked[] = [];
      // scenarios with problems too are checked for unknown offering ids: every problem at once
      const refs: PartialScenario[] = [];
      for (const file of unique) {
        const shown = displayPath(file, io.cwd);
        try {
          const text = readTextFile(file, shown);
          if (isScenarioText(text)) {
            const parsed = parseScenarioFile(text, shown);
            refs.push(refsOf(parsed));
            checked.push({ file, shown, kind: 'scenario' });
          } else {
            checked.push({ file, shown, kind: 'sheet', sheet: parseSheet(text, shown, { today: io.today() }), text });
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          problems.push(...error.problems);
          invalid.add(shown);
          // one naming no offering or vendor needs no sheets read
          const partial = error instanceof ScenarioProblems ? error.partial : null;
          if (partial && (partial.offerings.length > 0 || partial.overrideVendors.length > 0)) refs.push(partial);
        }
      }
      const more = [...crossSheetProblems(checked), ...refProblems(refs, opts, asOfOption, io)];
      for (const p of more) invalid.add(p.file);
      problems.push(...more);
      if (problems.length > 0) {
        // File by file in the order checked, each file's problems from top to bottom.
        const order = new Map(unique.map((f, i) => [displayPath(f, io.cwd), i]));
        const sorted = problems
          .map((p, i) => ({ p, i }))
          .sort(
            (a, b) =>
              (order.get(a.p.file) ?? -1) - (order.get(b.p.file) ?? -1) ||
              (a.p.line ?? 0) - (b.p.line ?? 0) ||
              (a.p.column ?? 0) - (b.p.column ?? 0) ||
              a.i - b.i,
          );
        for (const p of limitProblems(sorted.map((x) => x.p))) io.stderr(`vidcost: ${formatProblem(p)}\n`);
        // Paths that are missing or hold no YAML count among the files checked.
        const total = unique.length + [...invalid].filter((f) => !order.has(f)).length;
        if (total > 1) io.stderr(`vidcost: ${invalid.size} of ${total} files invalid\n`);
        setExit(2);
        return;
      }
      const sheets = checked.filter((c) => c.kind === 'sheet').length;
      const scenarios = checked.length - sheets;
      const kinds = [
        sheets ? `${sheets} price sheet${sheets === 1 ? '' : 's'}` : '',
        scenarios ? `${scenarios} scenario${scenarios === 1 ? '' : 's'}` : '',
      ].filter(Boolean);
      io.stdout(`${checked.length} file${checked.length === 1 ? '' : 's'} valid (${kinds.join(', ')})\n`);
      setExit(0);
    });
}

/** Problems no single sheet shows: the checks the loader runs on a pricing folder (see sheet-set.ts). */
function crossSheetProblems(checked: readonly Checked[]): Problem[] {
  return sheetSetProblems(checked.filter((c) => c.kind === 'sheet'));
}

/** Offering ids and override vendors of every scenario, checked against the prices in force at its date. */
function refProblems(scenarios: readonly PartialScenario[], opts: ValidateCliOptions, asOfOption: string | null, io: CliIo): Problem[] {
  if (scenarios.length === 0) return [];
  const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
  return scenarios.flatMap((refs) => checkAgainstSheets(refs, sheets, asOfOption ?? refs.asOf ?? io.today()));
}
