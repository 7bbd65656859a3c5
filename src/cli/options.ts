// Command-line values checked the way file values are: a clear message naming the option.
import type { Command } from 'commander';
import { readNumberText } from '../money/number-text.js';
import { inputError, nearMiss } from '../errors.js';
import { canonicalResolution, RESOLUTION_WORDS, RESOLUTIONS, type Resolution } from '../pricing/vocabulary.js';
import { FORMAT_DEFAULT_HELP } from './output.js';

export function parseDateOption(value: string, option: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw inputError(option, `expected a date written YYYY-MM-DD, found "${value}"`);
  }
  return value;
}

export function parseResolutionOption(value: string): Resolution {
  if ((RESOLUTION_WORDS as readonly string[]).includes(value)) return canonicalResolution(value);
  throw inputError('--resolution', `expected one of ${RESOLUTIONS.join(', ')}, found "${value}"`, '', null, null, nearMiss(value, RESOLUTIONS));
}

export function parseCountOption(value: string, option: string, min = 0): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(n) || n < min) throw inputError(option, `expected a number of at least ${min}, found "${value}"`);
  return n;
}

/** --out and --force: the same on every command that writes a report or a file. */
export function withOutputOptions(command: Command): Command {
  return command
    .option('-o, --out <file>', 'write to a file (atomically; refuses to replace one without --force)')
    .option('--force', 'replace the --out file if it exists');
}

/** The values of the options withScenarioOptions adds. */
export interface ScenarioCliOptions {
  asOf?: string;
  format: string;
  out?: string;
  force?: boolean;
  pricing?: string;
  staleAfter?: string;
  verbose?: boolean;
}

/** What every command that starts from a scenario takes: the date, the format, the output, the prices. */
export function withScenarioOptions(command: Command): Command {
  command
    .option('--as-of <date>', "prices in force on this date, YYYY-MM-DD (default: the scenario's as_of, else today)")
    .option('-f, --format <format>', `table, json, markdown, csv or html ${FORMAT_DEFAULT_HELP}`);
  return withOutputOptions(command)
    .option('--pricing <dir>', 'read price sheets from this folder instead of the bundled pricing-data/')
    .option('--stale-after <days>', 'warn when a sheet was verified more than this many days before as_of', '60')
    .option('--verbose', 'list every advisory on its own line (by default one line per code, with counts; JSON always lists all)');
}

/** A whole number in [min, max], or a usage error naming the option. */
export function parseWholeOption(value: string, option: string, min: number, max: number): number {
  // one number grammar for every option: "1,5" is a decimal comma, refused, not fifteen
  const text = readNumberText(value) ?? '';
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw inputError(option, `expected a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, found "${value}"`);
  }
  return n;
}
