import type { Command } from 'commander';
import { estimateCsv, estimateJson, estimateView, SUMMARY_AFTER_WORKLOADS } from '../../render/estimate.js';
import type { CliIo } from '../io.js';
import { withScenarioOptions, type ScenarioCliOptions } from '../options.js';
import { checkFormat, emit, render } from '../output.js';
import { ceilingGate, loadAndEstimate, needCeiling } from '../scenario-run.js';
import { baselineRun } from '../baseline.js';
import { estimateHtml } from '../../render/estimate-html.js';

export interface EstimateCliOptions extends ScenarioCliOptions {
  failOnCeiling?: boolean;
  allRows?: boolean;
  compareTo?: string;
  failOnIncrease?: string;
}

export function registerEstimate(program: Command, io: CliIo, setExit: (code: number) => void): void {
  withScenarioOptions(
    program
      .command('estimate')
      .description('monthly cost of a scenario on every offering that fits, the cheapest route, and the traps')
      .argument('<scenario>', 'scenario file (YAML, see `vidcost init` and `vidcost schema`)'),
  )
    .option(
      '--all-rows',
      `table and markdown: every offering of every workload and every advisory (above ${SUMMARY_AFTER_WORKLOADS} workloads they summarise; JSON and CSV are always complete)`,
    )
    .option('--fail-on-ceiling', 'exit 1 when the recommended route costs more than budget.monthly_ceiling_usd, or its cost is unknown')
    .option('--compare-to <base.json>', 'compare with a baseline written by --format json: change per offering and on the route')
    .option('--fail-on-increase <pct>', "with --compare-to: exit 1 when the recommended route's monthly cost rises by more than this percent")
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
      const format = checkFormat(opts.format, ['table', 'json', 'markdown', 'csv', 'html'], opts.out);
      const { report, parsed } = loadAndEstimate(file, opts, io);
      if (opts.failOnCeiling) needCeiling(parsed);
      const baseline = baselineRun(report, opts, io);
      const text = baseline
        ? baseline.text(format, io, opts)
        : render(
            format,
            {
              view: () => estimateView(report, { verbose: Boolean(opts.verbose), allRows: Boolean(opts.allRows) }),
              json: () => estimateJson(report),
              csv: () => estimateCsv(report),
              html: () => estimateHtml(report),
            },
            io,
            opts,
          );
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
