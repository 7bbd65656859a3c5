// Finds and reads price sheets: the bundled pricing-data/ or a folder or files the user names.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputError } from '../errors.js';
import { parseSheet } from '../pricing/load-sheet.js';
import type { PriceSheet } from '../pricing/model.js';
import { readTextFile } from './files.js';

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

/** Every sheet file under a pricing folder: <dir>/<vendor>/<YYYY-MM-DD>.yaml. */
export function sheetFiles(dir: string): string[] {
  if (!existsSync(dir)) throw inputError(dir, 'no such folder');
  if (!statSync(dir).isDirectory()) throw inputError(dir, 'is a file; expected a pricing folder with one folder per vendor');
  const files: string[] = [];
  for (const vendor of readdirSync(dir).sort()) {
    const vdir = join(dir, vendor);
    if (!statSync(vdir).isDirectory()) continue;
    for (const f of readdirSync(vdir).sort()) if (/\.ya?ml$/.test(f)) files.push(join(vdir, f));
  }
  return files;
}

export function readSheets(dir: string, cwd: string): PriceSheet[] {
  const absolute = resolve(cwd, dir);
  return sheetFiles(absolute).map((file) => parseSheet(readTextFile(file, displayPath(file, cwd)), displayPath(file, cwd)));
}

export function loadPricing(options: { pricingDir?: string; cwd: string }): PriceSheet[] {
  if (options.pricingDir) return readSheets(options.pricingDir, options.cwd);
  const root = packageRoot();
  return sheetFiles(join(root, 'pricing-data')).map((file) => parseSheet(readTextFile(file), relative(root, file)));
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
