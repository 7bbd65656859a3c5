// What the commands that start from a scenario share (estimate, diff, forecast, sweep, actuals):
// reading the scenario, checking it against the sheets (all problems at once), estimating, and the
// ceiling gate.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { estimate, type EstimateReport } from '../engine/estimate.js';
import { budgetOf } from '../money/figure.js';
import { formatMoney, formatUsd } from '../money/format.js';
import type { PriceSheet } from '../pricing/model.js';
import { checkAgainstSheets, refsOf, toProblems } from '../scenario/check.js';
import { parseScenarioFile, ScenarioProblems, type ParsedScenario } from '../scenario/parse.js';
import { readTextFile } from './files.js';
import type { CliIo } from './io.js';
import { parseCountOption, parseDateOption, type ScenarioCliOptions } from './options.js';
import { displayPath, loadPricing } from './sheets.js';

/** Reads and parses a scenario file, named in problems by its path from the working folder; the text is kept for writing back. */
export function readScenario(file: string, io: CliIo): { parsed: ParsedScenario; text: string } {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  const text = readTextFile(path, shown);
  return { parsed: parseScenarioFile(text, shown), text };
}

/** Throws every offering id and override vendor of the scenario that the sheets in force at asOf lack. */
export function checkScenario(parsed: ParsedScenario, sheets: readonly PriceSheet[], asOf: string): void {
  const problems = checkAgainstSheets(refsOf(parsed), sheets, asOf);
  if (problems.length > 0) throw new InputError(problems);
}

/** Reads a scenario and the sheets, checks one against the other, and estimates. Shared by commands that start from a scenario. */
export function loadAndEstimate(
  file: string,
  opts: Pick<ScenarioCliOptions, 'asOf' | 'pricing' | 'staleAfter'>,
  io: CliIo,
): { report: EstimateReport; parsed: ParsedScenario; sheets: PriceSheet[] } {
  let parsed: ParsedScenario;
  try {
    parsed = readScenario(file, io).parsed;
  } catch (error) {
    throw error instanceof ScenarioProblems ? withUnknownRefs(error, opts, io) : error;
  }
  const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
  const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : (parsed.scenario.asOf ?? io.today());
  checkScenario(parsed, sheets, asOf);
  const staleAfterDays = opts.staleAfter === undefined ? 60 : parseCountOption(opts.staleAfter, '--stale-after');
  const report = estimate(sheets, parsed.scenario, { asOf, forceAsOf: true, staleAfterDays });
  return { report, parsed, sheets };
}

/**
 * A scenario's own problems together with its unknown offering ids and vendors, all at once. When
 * the price sheets cannot be read either, the scenario's problems are said first, alone.
 */
function withUnknownRefs(error: ScenarioProblems, opts: Pick<ScenarioCliOptions, 'asOf' | 'pricing'>, io: CliIo): InputError {
  const { partial } = error;
  if (partial.offerings.length === 0 && partial.overrideVendors.length === 0) return error;
  let sheets: PriceSheet[];
  let asOf: string;
  try {
    sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
    asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : (partial.asOf ?? io.today());
  } catch {
    return error;
  }
  const found = checkAgainstSheets(partial, sheets, asOf);
  if (found.length === 0) return error;
  const all = [...error.problems, ...found];
  return new InputError(all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)));
}

/**
 * The ceiling gate: exactly met is within it. Fails closed: a route with no known cost, or no upper
 * bound, cannot be shown to be within the ceiling, so it fails too. Returns the sentence that
 * explains a failure. A report without a ceiling is refused before this (see needCeiling).
 */
export function ceilingGate(report: EstimateReport, option = '--fail-on-ceiling'): string | null {
  const ceiling = report.ceiling;
  if (ceiling === null) return `gate failed: the scenario sets no budget.monthly_ceiling_usd, so there is no ceiling to check (${option})`;
  const route = report.recommendation;
  const cannot = `cannot be shown to be within the ${formatUsd(ceiling)} ceiling (${option})`;
  if (!route.complete) {
    const missing = route.perWorkload.filter((s) => s.offering === null).map((s) => `${s.workload}: ${s.reason}`);
    return `gate failed: no complete route, so the monthly cost is unknown (${missing.join('; ')}) and ${cannot}`;
  }
  const total = budgetOf(route.monthlyUsd);
  if (total === null) return `gate failed: the recommended route's monthly cost has no upper bound (${formatMoney(route.monthlyUsd)}), so it ${cannot}`;
  if (total.lte(ceiling)) return null;
  return `gate failed: the recommended route costs ${formatUsd(total)}/month, over the ${formatUsd(ceiling)} ceiling (${option})`;
}

/** `--fail-on-ceiling` on a scenario with no ceiling is a usage mistake, refused before any report is written. */
export function needCeiling(parsed: ParsedScenario, option = '--fail-on-ceiling'): void {
  if (parsed.scenario.budget.monthlyCeilingUsd === null) {
    const path = parsed.scenario.budget.maxRegenerationsPerJob === null ? [] : ['budget'];
    throw new InputError(toProblems(parsed.file, [{ path, message: `${option} needs a ceiling to check: set budget.monthly_ceiling_usd` }], parsed.locate));
  }
}
