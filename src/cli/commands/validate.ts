import type { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, type Problem } from '../../errors.js';
import { parseSheet } from '../../pricing/load-sheet.js';
import { parseScenario } from '../../scenario/parse.js';
import { displayPath, sheetFiles } from '../sheets.js';
import { readTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { packageRoot } from '../sheets.js';
import { join } from 'node:path';

/** A scenario file is told from a price sheet by its top-level `workloads:` key. */
function isScenarioText(text: string): boolean {
  return /^workloads\s*:/m.test(text);
}

export function registerValidate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check price sheets and scenario files; every error names file, line, column and field')
    .argument('[paths...]', 'files or folders (default: the bundled pricing-data/)')
    .addHelpText(
      'after',
      `
Examples:
  $ vidcost validate                                  the bundled price sheets
  $ vidcost validate pricing-data/runway/2026-06-01.yaml scenarios/
  pricing-data/runway/2026-06-01.yaml:14:7: offerings[0].chanels: unknown field "chanels" (did you mean channels?)`,
    )
    .action((paths: string[]) => {
      const targets = paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [join(packageRoot(), 'pricing-data')];
      const files: string[] = [];
      const problems: Problem[] = [];
      for (const t of targets) {
        let isDir = false;
        try {
          isDir = statSync(t).isDirectory();
        } catch {
          problems.push({ file: displayPath(t, io.cwd), line: null, column: null, field: '', message: 'no such file or folder' });
          continue;
        }
        if (!isDir) files.push(t);
        else if (looksLikePricingDir(t)) files.push(...sheetFiles(t));
        else files.push(...yamlFilesIn(t));
      }
      let ok = 0;
      for (const file of files) {
        const shown = displayPath(file, io.cwd);
        try {
          const text = readTextFile(file, shown);
          if (isScenarioText(text)) parseScenario(text, shown);
          else parseSheet(text, shown);
          ok += 1;
        } catch (error) {
          if (error instanceof InputError) problems.push(...error.problems);
          else throw error;
        }
      }
      if (problems.length > 0) throw new InputError(problems);
      io.stdout(`${ok} file${ok === 1 ? '' : 's'} valid\n`);
      setExit(0);
    });
}

function looksLikePricingDir(dir: string): boolean {
  try {
    return sheetFiles(dir).length > 0;
  } catch {
    return false;
  }
}

function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}
