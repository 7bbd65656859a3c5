// `vidcost forecast FILE [--trials N] [--seed S]`: a Monte Carlo forecast of the monthly cost, for
// every offering and the recommended route, with the chance of breaching the ceiling and the
// inputs that drive the spread. Reproducible: the same file, prices, trials and seed give the same
// numbers.
import type { Command } from 'commander';
import { inputError, InputError } from '../../errors.js';
import { DEFAULT_SEED, DEFAULT_TRIALS, ForecastInputError, forecastFromEstimate, MAX_TRIALS, type ForecastReport } from '../../engine/forecast.js';
import { dec } from '../../money/decimal.js';
import { formatNumber, formatUsd } from '../../money/format.js';
import { forecastCsv, forecastJson, forecastView, percent } from '../../render/forecast.js';
import { forecastHtml } from '../../render/forecast-html.js';
import { toProblems } from '../../scenario/check.js';
import type { CliIo } from '../io.js';
import { parseWholeOption, withScenarioOptions, type ScenarioCliOptions } from '../options.js';
import { checkFormat, emit, render } from '../output.js';
import { loadAndEstimate } from '../scenario-run.js';

export interface ForecastCliOptions extends ScenarioCliOptions {
  trials: string;
  seed: string;
  maxBreach?: string;
}

function parseProbability(value: string): number {
  const n = Number(value);
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value) || !(n >= 0 && n <= 1))
    throw inputError('--max-breach', `expected a probability from 0 to 1, found "${value}"`);
  return n;
}

/**
 * The breach gate: the route's chance of going over the ceiling above the limit. Fails closed: a
 * route with no forecast (no complete route, or a cost with no upper bound) cannot be shown to
 * stay under the limit.
 */
export function breachGate(report: ForecastReport, limit: number): string | null {
  const route = report.recommendation;
  const s = route.stats;
  const gate = `(--max-breach ${limit})`;
  if (report.ceiling === null) return `gate failed: the scenario sets no budget.monthly_ceiling_usd, so there is no ceiling to check ${gate}`;
  if (!s || s.probabilityOverCeiling === null || s.trialsOverCeiling === null) {
    const why = route.reason ?? 'the recommended route has no forecast';
    return `gate failed: the chance of going over the ${formatUsd(report.ceiling)} ceiling is unknown (${why}), so it cannot be shown to be at most ${limit} ${gate}`;
  }
  if (s.probabilityOverCeiling <= limit) return null;
  return `gate failed: the recommended route goes over the ${formatUsd(report.ceiling)} ceiling in ${formatNumber(dec(s.trialsOverCeiling))} of ${formatNumber(dec(report.trials))} trials (${percent(s.probabilityOverCeiling)}), above --max-breach ${limit}`;
}

export function registerForecast(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withScenarioOptions(
    program
      .command('forecast')
      .description('Monte Carlo forecast: P10, P50, P90 and mean monthly cost, the chance of breaching the ceiling, and what drives the spread')
      .argument('<scenario>', 'scenario file; write clips_per_month, seconds_per_clip or regeneration_factor as { low, likely, high }'),
  )
    .option('-n, --trials <n>', `number of trials, 1 to ${formatNumber(dec(MAX_TRIALS))}`, String(DEFAULT_TRIALS))
    .option('--seed <s>', 'seed of the random draws (the same seed gives the same forecast)', String(DEFAULT_SEED))
    .option('--max-breach <p>', 'exit 1 when the chance that the recommended route goes over budget.monthly_ceiling_usd is above p (0 to 1), or is unknown')
    .addHelpText(
      'after',
      `
Three-point inputs (PERT unless shape says triangular):
  clips_per_month: { low: 100, likely: 200, high: 600 }
  regeneration_factor: { low: 2, likely: 3, high: 6, shape: triangular }
A price range in the sheets (Kling ~$0.07-$0.14/s) is drawn uniformly between its ends.

Examples:
  $ vidcost forecast scenarios/uncertain-launch.yaml
  $ vidcost forecast scenarios/uncertain-launch.yaml --trials 100000 --seed 7 --format json
  $ vidcost forecast scenarios/uncertain-launch.yaml --max-breach 0.1 --format markdown

Exit status: 0 done; 1 a gate failed; 2 bad input; 3 internal error.`,
    )
    .action((file: string, opts: ForecastCliOptions) => {
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv', 'html'], opts.out);
      const trials = parseWholeOption(opts.trials, '--trials', 1, MAX_TRIALS);
      const seed = parseWholeOption(opts.seed, '--seed', 0, Number.MAX_SAFE_INTEGER);
      const maxBreach = opts.maxBreach === undefined ? null : parseProbability(opts.maxBreach);
      const { report: estimated, parsed } = loadAndEstimate(file, opts, io);
      if (maxBreach !== null && estimated.ceiling === null) throw inputError('--max-breach', `needs budget.monthly_ceiling_usd in ${parsed.file}`);
      let report: ForecastReport;
      try {
        report = forecastFromEstimate(estimated, trials, seed);
      } catch (error) {
        if (error instanceof ForecastInputError) throw new InputError(toProblems(parsed.file, [{ path: error.path, message: error.message }], parsed.locate));
        throw error;
      }
      // terminal bars in a table; Markdown for a pull request gets the figures without them
      const text = render(
        format,
        {
          view: (target) => forecastView(report, { bars: target === 'table', verbose: Boolean(opts.verbose) }),
          json: () => forecastJson(report),
          csv: () => forecastCsv(report),
          html: () => forecastHtml(report),
        },
        io,
        opts,
      );
      emit(io, text, opts);
      if (maxBreach !== null) {
        const failure = breachGate(report, maxBreach);
        if (failure) {
          io.stderr(`vidcost: ${failure}\n`);
          setExit(1);
        }
      }
    });
}
