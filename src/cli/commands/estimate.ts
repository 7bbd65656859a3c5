import type { Command } from 'commander';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { estimate, type EstimateReport } from '../../engine/estimate.js';
import { budgetOf } from '../../money/figure.js';
import { formatUsd } from '../../money/decimal.js';
import { catalogAt } from '../../pricing/catalog.js';
import { estimateCsv, estimateJson, estimateView, SUMMARY_AFTER_WORKLOADS } from '../../render/estimate.js';
import { checkAgainstCatalog, toProblems } from '../../scenario/check.js';
import { parseScenarioFile, type ParsedScenario } from '../../scenario/parse.js';
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
  const parsed = parseScenarioFile(readTextFile(path, shown), shown);
  const sheets = loadPricing({ pricingDir: opts.pricing, cwd: io.cwd });
  const asOf = opts.asOf ? parseDateOption(opts.asOf, '--as-of') : parsed.scenario.asOf ?? io.today();
  const catalog = catalogAt(sheets, asOf);
  const found = checkAgainstCatalog(parsed.scenario, catalog, [...new Set(sheets.map((s) => s.vendor))]);
  if (found.length > 0) throw new InputError(toProblems(shown, found, parsed.locate));
  const staleAfterDays = opts.staleAfter === undefined ? 60 : parseCountOption(opts.staleAfter, '--stale-after');
  const report = estimate(sheets, parsed.scenario, { asOf, forceAsOf: true, staleAfterDays });
  return { report, parsed, sheets };
}

/** The ceiling gate: exactly met is within it. Returns the sentence that explains a failure. */
export function ceilingGate(report: EstimateReport): string | null {
  const ceiling = report.ceiling;
  const total = budgetOf(report.recommendation.monthlyUsd);
  if (ceiling === null || total === null || total.lte(ceiling)) return null;
  return `gate failed: the recommended route costs ${formatUsd(total)}/month, over the ${formatUsd(ceiling)} ceiling (--fail-on-ceiling)`;
}

export function registerEstimate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withScenarioOptions(
    program
      .command('estimate')
      .description('monthly cost of a scenario on every offering that fits, the cheapest route, and the traps')
      .argument('<scenario>', 'scenario file (YAML, see `vidcost init` and `vidcost schema`)')
  )
    .option('--all-rows', `table and markdown: every offering of every workload and every advisory (above ${SUMMARY_AFTER_WORKLOADS} workloads they summarise; JSON and CSV are always complete)`)
    .option('--fail-on-ceiling', 'exit 1 when the recommended route costs more than budget.monthly_ceiling_usd')
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
      const { report } = loadAndEstimate(file, opts, io);
      const baseline = baselineRun(report, opts, io);
      const text = baseline
        ? baseline.text(format, io, opts, Boolean(opts.out))
        : render(format, { view: () => estimateView(report, { allRows: Boolean(opts.allRows) }), json: () => estimateJson(report), csv: () => estimateCsv(report), html: () => estimateHtml(report) }, io, opts, Boolean(opts.out));
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
