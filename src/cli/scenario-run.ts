// What the commands that start from a scenario share (estimate, diff, forecast, sweep): reading the
// scenario and the sheets, checking one against the other, estimating, and the ceiling gate.
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { estimate, type EstimateReport } from '../engine/estimate.js';
import { budgetOf } from '../money/figure.js';
import { formatUsd } from '../money/decimal.js';
import { catalogAt } from '../pricing/catalog.js';
import type { PriceSheet } from '../pricing/model.js';
import { checkAgainstCatalog, toProblems } from '../scenario/check.js';
import { parseScenarioFile, type ParsedScenario } from '../scenario/parse.js';
import { readTextFile } from './files.js';
import type { CliIo } from './io.js';
import { parseCountOption, parseDateOption, type ScenarioCliOptions } from './options.js';
import { displayPath, loadPricing } from './sheets.js';

/** Reads a scenario and the sheets, checks one against the other, and estimates. Shared by commands that start from a scenario. */
export function loadAndEstimate(file: string, opts: Pick<ScenarioCliOptions, 'asOf' | 'pricing' | 'staleAfter'>, io: CliIo): { report: EstimateReport; parsed: ParsedScenario; sheets: PriceSheet[] } {
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
