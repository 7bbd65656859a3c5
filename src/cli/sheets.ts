// Finds and reads price sheets: the bundled pricing-data/ or a folder or files the user names.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, inputError } from '../errors.js';
import { sheetSetProblems } from './sheet-set.js';
import { parseSheet } from '../pricing/load-sheet.js';
import type { PriceSheet } from '../pricing/model.js';
import { readTextFile } from './files.js';
import { decodePricing, type SheetSource } from './compiled-sheets.js';

/** Where the build writes the precompiled bundled sheets, relative to the package root. */
export const COMPILED_PRICING_FILE = join('dist', 'pricing.json');

/** The package root: the nearest folder above this module holding vidcost's package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'pricing-data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the vidcost package root (pricing-data/ is missing)');
}

export function bundledPricingDir(): string {
  return join(packageRoot(), 'pricing-data');
}

/** How a sheet file is named: its effective date, <YYYY-MM-DD>.yaml. */
const SHEET_FILE_NAME = /^\d{4}-\d{2}-\d{2}\.yaml$/;

/**
 * Every sheet file under a pricing folder: <dir>/<vendor>/<YYYY-MM-DD>.yaml. Each vendor folder is
 * read once, by its real path (a link back to the pricing folder, `ln -s . loop`, is no vendor),
 * and a YAML file named otherwise is refused rather than loaded under a date it does not show.
 */
export function sheetFiles(dir: string, display: (file: string) => string = (file) => file): string[] {
  if (!existsSync(dir)) throw inputError(dir, 'no such folder');
  if (!statSync(dir).isDirectory()) throw inputError(dir, 'is a file; expected a pricing folder with one folder per vendor');
  const files: string[] = [];
  const visited = new Set<string>([realpathSync(dir)]);
  const misnamed: string[] = [];
  for (const vendor of readdirSync(dir).sort()) {
    const vdir = join(dir, vendor);
    let real: string | null = null;
    try {
      if (statSync(vdir).isDirectory()) real = realpathSync(vdir);
    } catch {
      // a dangling link or an entry that cannot be read is no vendor folder
    }
    if (real === null || visited.has(real)) continue;
    visited.add(real);
    for (const f of readdirSync(vdir).sort()) {
      if (!/\.ya?ml$/.test(f)) continue;
      if (SHEET_FILE_NAME.test(f)) files.push(join(vdir, f));
      else misnamed.push(join(vdir, f));
    }
  }
  if (misnamed.length > 0) {
    throw new InputError(
      misnamed.map((file) => ({
        file: display(file),
        line: null,
        column: null,
        field: '',
        message: 'a price sheet is named by its effective date, <YYYY-MM-DD>.yaml; rename it or move it out of the pricing folder',
      })),
    );
  }
  return files;
}

export function readSheets(dir: string, cwd: string, today?: string): PriceSheet[] {
  const absolute = resolve(cwd, dir);
  const files = sheetFiles(absolute, (file) => displayPath(file, cwd));
  // an empty folder would price nothing and still exit 0: say so instead
  if (files.length === 0) throw inputError(displayPath(absolute, cwd), 'holds no price sheets: expected <vendor>/<YYYY-MM-DD>.yaml files');
  const read = files.map((file) => {
    const shown = displayPath(file, cwd);
    const text = readTextFile(file, shown);
    return { shown, text, sheet: parseSheet(text, shown, today === undefined ? {} : { today }) };
  });
  // the checks `validate` runs across sheets: two sheets for one vendor and date are refused, never one picked
  const problems = sheetSetProblems(read);
  if (problems.length > 0) throw new InputError(problems);
  return read.map((r) => r.sheet);
}

/** The bundled sheet files with their text, as the build compiles them and the loader checks them. */
export function bundledSheetSources(root: string): (SheetSource & { file: string })[] {
  return sheetFiles(join(root, 'pricing-data')).map((file) => {
    const shown = relative(root, file);
    return { file, path: shown.split(sep).join('/'), text: readTextFile(file) };
  });
}

/**
 * The bundled sheets: for each file, the build's precompiled sheet when the file still has the exact
 * text it was compiled from (no YAML parsing, no schema at start-up), else the YAML itself, so a
 * sheet added or edited after the build is priced from what it says now.
 */
export function loadPricing(options: { pricingDir?: string; cwd: string; today?: string }): PriceSheet[] {
  if (options.pricingDir) return readSheets(options.pricingDir, options.cwd, options.today);
  const root = packageRoot();
  const sources = bundledSheetSources(root);
  let compiled = new Map<string, PriceSheet>();
  try {
    compiled = decodePricing(readFileSync(join(root, COMPILED_PRICING_FILE), 'utf8'), sources);
  } catch {
    /* not built (running from source): read the YAML */
  }
  return sources.map((s) => compiled.get(s.path) ?? parseSheet(s.text, relative(root, s.file)));
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
