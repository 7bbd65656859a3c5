// The shell side of baselines and the increase gate: `vidcost estimate FILE --compare-to BASE.json
// [--fail-on-increase PCT]`, and the percent option `vidcost diff` shares. Reads the baseline file,
// renders the comparison in the asked format, and explains a failed gate on stderr.
import { resolve } from 'node:path';
import { compareToBaseline, increaseGate, readBaseline, type Comparison } from '../engine/compare.js';
import type { EstimateReport } from '../engine/estimate.js';
import { inputError, InputError } from '../errors.js';
import { type Dec, dec } from '../money/decimal.js';
import { compareCsv, compareMarkdown, comparisonJson, compareView } from '../render/compare.js';
import { estimateJson } from '../render/estimate.js';
import { estimateHtml } from '../render/html.js';
import { readRegularFile } from './files.js';
import type { CliIo } from './io.js';
import { render, type Format, type OutputOptions } from './output.js';
import { displayPath } from './sheets.js';

/** A baseline of a large scenario is bigger than a scenario file; still bounded. */
const MAX_BASELINE_BYTES = 32 * 1024 * 1024;

/** `--fail-on-increase PCT`: a non-negative decimal percent ("10", "12.5"). */
export function parsePercentOption(value: string, option: string): Dec {
  const text = value.trim().replace(/%$/, '');
  if (!/^\d+(\.\d+)?$/.test(text)) throw inputError(option, `expected a percent like 10 or 12.5, found "${value}"`);
  return dec(text);
}

function readBaselineText(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, shown, MAX_BASELINE_BYTES, 'a baseline');
  } catch (error) {
    if (error instanceof InputError && /^no such file/.test(error.problems[0]?.message ?? '')) {
      throw inputError(shown, 'no such file; write a baseline with `vidcost estimate FILE --format json --out base.json`');
    }
    throw error;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError(shown, 'file is not UTF-8 text');
  }
}

export interface BaselineRun {
  comparison: Comparison;
  /** the report in the asked format, comparison included */
  text: (format: Format, io: CliIo, options: OutputOptions, toFile: boolean) => string;
  /** the sentence explaining a failed --fail-on-increase, or null */
  gate: () => string | null;
}

/**
 * Estimate options `--compare-to` and `--fail-on-increase`. Returns null without `--compare-to`;
 * `--fail-on-increase` alone is a usage error (there is nothing to measure the increase from).
 */
export function baselineRun(report: EstimateReport, opts: { compareTo?: string; failOnIncrease?: string; verbose?: boolean }, io: CliIo): BaselineRun | null {
  const maxPct = opts.failOnIncrease === undefined ? null : parsePercentOption(opts.failOnIncrease, '--fail-on-increase');
  if (!opts.compareTo) {
    if (maxPct !== null) throw inputError('--fail-on-increase', 'needs --compare-to BASE.json: the gate measures the rise from a saved baseline');
    return null;
  }
  const path = resolve(io.cwd, opts.compareTo);
  const shown = displayPath(path, io.cwd);
  const baseline = readBaseline(readBaselineText(path, shown), shown, report.scenario);
  const comparison = compareToBaseline(baseline, report);
  return {
    comparison,
    text: (format, io2, options, toFile) =>
      format === 'markdown'
        ? compareMarkdown(report, comparison)
        : render(
            format,
            {
              view: () => compareView(report, comparison, { compactRows: true, verbose: Boolean(opts.verbose) }),
              json: () => ({ ...(estimateJson(report) as Record<string, unknown>), comparison: comparisonJson(comparison) }),
              csv: () => compareCsv(comparison, report.scenario),
              html: () => estimateHtml(report, comparison),
            },
            io2,
            options,
            toFile,
          ),
    gate: () => (maxPct === null ? null : increaseGate(comparison.recommendation, maxPct)),
  };
}
