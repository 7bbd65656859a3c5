import type { Command } from 'commander';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { estimate, type EstimateReport } from '../../engine/estimate.js';
import { budgetOf } from '../../money/figure.js';
import { formatUsd } from '../../money/decimal.js';
import { formatFigure } from '../../money/format.js';
import { catalogAt } from '../../pricing/catalog.js';
import { estimateCsv, estimateJson, estimateView, SUMMARY_AFTER_WORKLOADS } from '../../render/estimate.js';
import { checkAgainstCatalog, checkRefs, toProblems } from '../../scenario/check.js';
import { parseScenarioFile, ScenarioProblems, type ParsedScenario } from '../../scenario/parse.js';
import type { PriceSheet } from '../../pricing/model.js';
import { readTextFile } from '../files.js';
import type { CliIo } from '../io.js';
import { parseCountOption, parseDateOption, withScenarioOptions, type ScenarioCliOptions } from '../options.js';
import { checkFormat, emit, render } from '../output.js';
import { displayPath, loadPricing } from '../sheets.js';
import { baselineRun } from '../baseline.js';
import { estimateHtml } from '../../render/html.js';

export interface EstimateCliOptions extends ScenarioCliOptions {
  failOnCeiling?: boolean;
  allRows?: boolean;
  compareTo?: string;
  failOnIncrease?: string;
}

/** Reads a scenario and the sheets, checks one against the other, and estimates. Shared by commands that start from a scenario. */
export function loadAndEstimate(file: string, opts: Pick<EstimateCliOptions, 'asOf' | 'pricing' | 'staleAfter'>, io: CliIo): { report: EstimateReport; parsed: ParsedScenario; sheets: PriceSheet[] } {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  const text = readTextFile(path, shown);
  let parsed: ParsedScenario;
  try {
    parsed = parseScenarioFile(text, shown);
  } catch (error) {
    throw error instanceof ScenarioProblems ? withUnknownRefs(error, shown, opts, io) : error;
  }
  const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
  const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : parsed.scenario.asOf ?? io.today();
  const catalog = catalogAt(sheets, asOf);
  const found = checkAgainstCatalog(parsed.scenario, catalog, [...new Set(sheets.map((s) => s.vendor))]);
  if (found.length > 0) throw new InputError(toProblems(shown, found, parsed.locate));
  const staleAfterDays = opts.staleAfter === undefined ? 60 : parseCountOption(opts.staleAfter, '--stale-after');
  const report = estimate(sheets, parsed.scenario, { asOf, forceAsOf: true, staleAfterDays });
  return { report, parsed, sheets };
}

/**
 * A scenario's own problems together with its unknown offering ids and vendors, all at once. When
 * the price sheets cannot be read either, the scenario's problems are said first, alone.
 */
function withUnknownRefs(error: ScenarioProblems, shown: string, opts: Pick<EstimateCliOptions, 'asOf' | 'pricing'>, io: CliIo): InputError {
  const { partial } = error;
  if (partial.offerings.length === 0 && partial.overrideVendors.length === 0) return error;
  let sheets: PriceSheet[];
  let asOf: string;
  try {
    sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd, today: io.today() });
    asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : partial.asOf ?? io.today();
  } catch {
    return error;
  }
  const found = checkRefs(partial.offerings, partial.overrideVendors, catalogAt(sheets, asOf), [...new Set(sheets.map((s) => s.vendor))]);
  if (found.length === 0) return error;
  const all = [...error.problems, ...toProblems(shown, found, partial.locate)];
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
  if (total === null) return `gate failed: the recommended route's monthly cost has no upper bound (${formatFigure(route.monthlyUsd, 'money')}), so it ${cannot}`;
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

export function registerEstimate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withScenarioOptions(
    program
      .command('estimate')
      .description('monthly cost of a scenario on every offering that fits, the cheapest route, and the traps')
      .argument('<scenario>', 'scenario file (YAML, see `vidcost init` and `vidcost schema`)')
  )
    .option('--all-rows', `table and markdown: every offering of every workload and every advisory (above ${SUMMARY_AFTER_WORKLOADS} workloads they summarise; JSON and CSV are always complete)`)
    .option('--fail-on-ceiling', 'exit 1 when the recommended route costs more than budget.monthly_ceiling_usd, or its cost is unknown')
    .option('--compare-to <base.json>', 'compare with a baseline written by --format json: change per offering and on the route')
    .option('--fail-on-increase <pct>', 'with --compare-to: exit 1 when the recommended route\'s monthly cost rises by more than this percent')
    .addHelpText(
      'after',
      `
Examples:
  $ vidcost estimate scenarios/social-drafts.yaml --as-of 2026-06-01
  $ vidcost estimate scenarios/social-drafts.yaml --format json --out base.json
  $ vidcost estimate scenarios/social-drafts.yaml --compare-to base.json --fail-on-increase 10 --format markdown
  $ vidcost estimate scenarios/ad-variants.yaml --fail-on-ceiling --format markdown

Exit status: 0 done; 1 a gate failed; 2 bad input; 3 internal error.`,
    )
    .action((file: string, opts: EstimateCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv', 'html']);
      const { report, parsed } = loadAndEstimate(file, opts, io);
      if (opts.failOnCeiling) needCeiling(parsed);
      const baseline = baselineRun(report, opts, io);
      const text = baseline
        ? baseline.text(format, io, opts, Boolean(opts.out))
        : render(format, { view: () => estimateView(report, { verbose: Boolean(opts.verbose), allRows: Boolean(opts.allRows) }), json: () => estimateJson(report), csv: () => estimateCsv(report), html: () => estimateHtml(report) }, io, opts, Boolean(opts.out));
      emit(io, text, opts);
      if (opts.failOnCeiling) {
        const failure = ceilingGate(report);
        if (failure) {
          io.stderr(`vidcost: ${failure}\n`);
          setExit(1);
        }
      }
      const increase = baseline?.gate();
      if (increase) {
        io.stderr(`vidcost: ${increase}\n`);
        setExit(1);
      }
    });
}
